#include "bench.h"
/* Mandelbrot set membership counts on a grid: tight double loops with compares. */
int main(int argc, char **argv) {
  double scale = bench_scale(argc, argv);
  int w = (int)(1700 * (scale < 1 ? (scale < 0.01 ? 0.05 : scale) : 1)), h = w;
  long reps = scale > 1 ? (long)scale : 1;
  uint64_t sum = 1;
  for (long r = 0; r < reps; r++)
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++) {
        double cr = 2.0 * x / w - 1.5, ci = 2.0 * y / h - 1.0, zr = 0, zi = 0;
        int i = 0;
        while (i < 200 && zr * zr + zi * zi <= 4.0) { double t = zr * zr - zi * zi + cr; zi = 2 * zr * zi + ci; zr = t; i++; }
        sum = sum * 3 + i;
      }
  bench_report("mandelbrot", sum);
  return 0;
}
