#include "bench.h"
/* xorshift64* generator: 64-bit shifts, xors and one 64-bit multiply per step. */
int main(int argc, char **argv) {
  long n = bench_n(bench_scale(argc, argv), 600000000);
  uint64_t x = 88172645463325252ull, acc = 0;
  for (long i = 0; i < n; i++) {
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    acc += (x * 0x2545F4914F6CDD1Dull) >> 7;
  }
  bench_report("xorshift", acc ^ x);
  return 0;
}
