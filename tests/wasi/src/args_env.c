// Arguments, environment and the exit status: prints argv and selected variables, then exits
// with the status given as the last argument (if it is a number).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 0; i < argc; i++) printf("argv[%d]=\"%s\"\n", i, argv[i]);
  const char *names[] = {"GREETING", "EMPTY", "UNICODE", "MISSING"};
  for (int i = 0; i < 4; i++) {
    const char *v = getenv(names[i]);
    printf("%s=%s\n", names[i], v ? v : "(unset)");
  }
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  printf("environ count=%d\n", n);
  fprintf(stderr, "to stderr\n");
  if (argc > 1) {
    char *end;
    long code = strtol(argv[argc - 1], &end, 10);
    if (*end == 0) exit((int)code);
  }
  return 0;
}
