#include "bench.h"
/* Dense double matrix multiply (i-k-j order). */
int main(int argc, char **argv) {
  double scale = bench_scale(argc, argv);
  int n = scale >= 1 ? 720 : (int)(720 * scale) + 8;
  long reps = scale > 1 ? (long)scale : 1;
  double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n), *c = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++) { a[i] = (i % 17) * 0.25 - 1; b[i] = (i % 13) * 0.5 - 2; }
  double total = 0;
  for (long r = 0; r < reps; r++) {
    memset(c, 0, sizeof(double) * n * n);
    for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++) {
        double aik = a[i * n + k];
        for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
      }
    for (int i = 0; i < n * n; i += 7) total += c[i];
    a[r % (n * n)] += 1;
  }
  uint64_t bits; memcpy(&bits, &total, 8);
  bench_report("matmul", bits);
  return 0;
}
