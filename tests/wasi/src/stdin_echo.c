// Standard input: reads all of it, reports counts, echoes it upper-cased; errors go to stderr.
#include <ctype.h>
#include <stdio.h>

int main(void) {
  int c, bytes = 0, lines = 0;
  while ((c = getchar()) != EOF) {
    bytes++;
    if (c == '\n') lines++;
    putchar(toupper(c));
  }
  printf("\nbytes=%d lines=%d\n", bytes, lines);
  fprintf(stderr, "stderr: done\n");
  return lines > 0 ? 0 : 3;
}
