#include "bench.h"
/* Byte-wise table-driven CRC32 over a generated buffer. */
int main(int argc, char **argv) {
  long reps = bench_n(bench_scale(argc, argv), 360);
  uint32_t table[256];
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  const int len = 1 << 20;
  unsigned char *buf = malloc(len);
  uint32_t seed = 12345;
  for (int i = 0; i < len; i++) { seed = seed * 1103515245u + 12345u; buf[i] = seed >> 16; }
  uint64_t acc = 0;
  for (long r = 0; r < reps; r++) {
    uint32_t crc = 0xFFFFFFFFu ^ (uint32_t)r;
    for (int i = 0; i < len; i++) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
    acc = acc * 33 + (crc ^ 0xFFFFFFFFu);
  }
  bench_report("crc32", acc);
  return 0;
}
