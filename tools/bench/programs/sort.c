#include "bench.h"
/* Sorting a million ints with a hand-written quicksort + insertion sort: memory-heavy work. */
static void isort(int *a, int lo, int hi) {
  for (int i = lo + 1; i <= hi; i++) { int v = a[i], j = i - 1; while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; }
}
static void qs(int *a, int lo, int hi) {
  while (hi - lo > 16) {
    int p = a[lo + (hi - lo) / 2], i = lo, j = hi;
    while (i <= j) { while (a[i] < p) i++; while (a[j] > p) j--; if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; } }
    if (j - lo < hi - i) { qs(a, lo, j); lo = i; } else { qs(a, i, hi); hi = j; }
  }
  isort(a, lo, hi);
}
int main(int argc, char **argv) {
  double scale = bench_scale(argc, argv);
  int n = scale >= 1 ? 1000000 : (int)(1000000 * scale) + 10;
  long reps = scale > 1 ? (long)(scale * 14) : 14;
  int *a = malloc(sizeof(int) * n);
  uint64_t sum = 0;
  uint32_t s = 42;
  for (long r = 0; r < reps; r++) {
    for (int i = 0; i < n; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; a[i] = (int)s; }
    qs(a, 0, n - 1);
    for (int i = 0; i < n; i += 997) sum = sum * 31 + (uint32_t)a[i];
  }
  bench_report("sort", sum);
  return 0;
}
