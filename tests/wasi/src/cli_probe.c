// A small command for the CLI tests (cli.test.ts): `cat PATH...` prints files, `write PATH TEXT`
// creates a file holding TEXT, `getenv NAME...` prints variables. It also exports `add` and
// `divide` for `wasmtide run --invoke`. Exit status 2 when a file cannot be opened.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((export_name("add"))) int add(int a, int b) { return a + b; }

// i32.div_s: traps when b is 0.
__attribute__((export_name("divide"))) int divide(int a, int b) { return a / b; }

static int cat(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
    return 2;
  }
  char buf[256];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
  fclose(f);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: cli_probe cat PATH... | write PATH TEXT | getenv NAME...\n");
    return 1;
  }
  if (!strcmp(argv[1], "cat")) {
    for (int i = 2; i < argc; i++) {
      int rc = cat(argv[i]);
      if (rc) return rc;
    }
    return 0;
  }
  if (!strcmp(argv[1], "write") && argc == 4) {
    FILE *f = fopen(argv[2], "w");
    if (!f) {
      fprintf(stderr, "cannot create %s: %s\n", argv[2], strerror(errno));
      return 2;
    }
    fputs(argv[3], f);
    fclose(f);
    printf("wrote %s\n", argv[2]);
    return 0;
  }
  if (!strcmp(argv[1], "getenv")) {
    for (int i = 2; i < argc; i++) {
      const char *v = getenv(argv[i]);
      printf("%s=%s\n", argv[i], v ? v : "(unset)");
    }
    return 0;
  }
  fprintf(stderr, "unknown command %s\n", argv[1]);
  return 1;
}
