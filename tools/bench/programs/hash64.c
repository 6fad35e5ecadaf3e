#include "bench.h"
/* 64-bit multiplicative hashing (a splitmix/murmur-style finaliser) over a stream of keys. */
static uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
int main(int argc, char **argv) {
  long n = bench_n(bench_scale(argc, argv), 240000000);
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (long i = 0; i < n; i++) h = mix(h + (uint64_t)i * 0x9e3779b97f4a7c15ull) ^ (h >> 3);
  bench_report("hash64", h);
  return 0;
}
