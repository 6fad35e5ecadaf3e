#include "bench.h"
/* Sieve of Eratosthenes, repeated: integer and byte-array work. */
int main(int argc, char **argv) {
  long reps = bench_n(bench_scale(argc, argv), 240);
  const int n = 2000000;
  unsigned char *flags = malloc(n + 1);
  uint64_t sum = 0;
  for (long r = 0; r < reps; r++) {
    memset(flags, 1, n + 1);
    flags[0] = flags[1] = 0;
    for (int i = 2; (long)i * i <= n; i++)
      if (flags[i])
        for (int j = i * i; j <= n; j += i) flags[j] = 0;
    int count = 0;
    for (int i = 0; i <= n; i++) count += flags[i];
    sum = sum * 31 + count + r;
  }
  bench_report("sieve", sum);
  return 0;
}
