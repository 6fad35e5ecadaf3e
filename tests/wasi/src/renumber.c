// fd_renumber as Yosys's abc step uses it: park stdout on a spare descriptor, put a file at 1,
// write through stdio, then bring stdout back. The host's stdout must survive.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
  printf("before redirect\n");
  fflush(stdout);
  int spare = open("/sandbox/spare", O_CREAT | O_WRONLY, 0644);
  int file = open("/sandbox/captured.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (spare < 0 || file < 0) { printf("open failed\n"); return 1; }
  if (__wasi_fd_renumber(1, spare) != 0) { printf("park failed\n"); return 1; }
  if (__wasi_fd_renumber(file, 1) != 0) return 2;
  printf("into the file\n");
  fflush(stdout);
  if (__wasi_fd_renumber(spare, 1) != 0) return 3;
  printf("after restore\n");
  fflush(stdout);
  // The old number of the file is free again; closing it fails.
  printf("close old file fd: %d\n", close(file) == -1);
  printf("renumber from a bad fd: %d\n", __wasi_fd_renumber(77, 1) == __WASI_ERRNO_BADF);
  FILE *f = fopen("/sandbox/captured.txt", "r");
  char line[64] = {0};
  fgets(line, sizeof line, f);
  printf("file holds: %s", line);
  fclose(f);
  return 0;
}
