// Exit statuses: returning from main, exit(), _Exit() (no stdio flush) and a trap.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *how = argc > 1 ? argv[1] : "return";
  int code = argc > 2 ? atoi(argv[2]) : 0;
  printf("buffered output before %s %d\n", how, code);
  fprintf(stderr, "unbuffered stderr\n");
  if (!strcmp(how, "exit")) exit(code);
  if (!strcmp(how, "_Exit")) _Exit(code);
  if (!strcmp(how, "trap")) __builtin_trap();
  return code;
}
