/* Shared helpers for the wasmtide benchmark programs: a scale factor from argv[1]
   (1 = about a second natively; the test run's smoke pass uses a tiny one) and a checksum printer. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static double bench_scale(int argc, char **argv) {
  return argc > 1 ? atof(argv[1]) : 1.0;
}

static long bench_n(double scale, long base) {
  long n = (long)(base * scale);
  return n < 1 ? 1 : n;
}

static void bench_report(const char *name, uint64_t checksum) {
  printf("%s checksum %016llx\n", name, (unsigned long long)checksum);
}
