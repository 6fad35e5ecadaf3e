#include "bench.h"
/* Calls through a table of function pointers (call_indirect). */
typedef uint32_t (*op_t)(uint32_t, uint32_t);
__attribute__((noinline)) static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
__attribute__((noinline)) static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ (b * 3); }
__attribute__((noinline)) static uint32_t op_rot(uint32_t a, uint32_t b) { return (a << 5 | a >> 27) + b; }
__attribute__((noinline)) static uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
__attribute__((noinline)) static uint32_t op_sub(uint32_t a, uint32_t b) { return a - (b >> 1); }
__attribute__((noinline)) static uint32_t op_and(uint32_t a, uint32_t b) { return (a & 0xfff0fff0u) + b; }
__attribute__((noinline)) static uint32_t op_or(uint32_t a, uint32_t b) { return (a | b) * 7; }
__attribute__((noinline)) static uint32_t op_neg(uint32_t a, uint32_t b) { return b - a; }
static op_t ops[8] = {op_add, op_xor, op_rot, op_mul, op_sub, op_and, op_or, op_neg};
int main(int argc, char **argv) {
  long n = bench_n(bench_scale(argc, argv), 60000000);
  uint32_t acc = 1, s = 99;
  for (long i = 0; i < n; i++) { s = s * 1103515245u + 12345u; acc = ops[(s >> 16) & 7](acc, s); }
  bench_report("fnptr", acc);
  return 0;
}
