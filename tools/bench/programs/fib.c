#include "bench.h"
/* Recursive Fibonacci: call-heavy work. */
__attribute__((noinline)) static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(int argc, char **argv) {
  double scale = bench_scale(argc, argv);
  int n = scale >= 1 ? 41 : (scale >= 0.1 ? 30 : 20);
  long reps = scale > 1 ? (long)scale : 1;
  uint64_t sum = 0;
  for (long r = 0; r < reps; r++) sum += fib(n + (int)(r & 0));
  bench_report("fib", sum);
  return 0;
}
