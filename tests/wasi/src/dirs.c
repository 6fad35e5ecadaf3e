// Directories: mkdir, listing, rename, unlink, rmdir and their errors.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s (errno %d %s)\n", __LINE__, #x, errno, strerror(errno)); return 1; } } while (0)

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int list(const char *path) {
  DIR *d = opendir(path);
  if (!d) { printf("opendir %s: %s\n", path, strerror(errno)); return 1; }
  char *names[256];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && n < 256) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char *s = malloc(strlen(e->d_name) + 4);
    sprintf(s, "%s%s", e->d_name, e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : "");
    names[n++] = s;
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp);
  printf("%s:", path);
  for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
  printf("\n");
  return 0;
}

static void touch(const char *p) {
  int fd = open(p, O_CREAT | O_WRONLY, 0644);
  if (fd >= 0) { write(fd, p, strlen(p)); close(fd); }
}

int main(void) {
  CHECK(mkdir("/sandbox/a", 0755) == 0);
  CHECK(mkdir("/sandbox/a", 0755) == -1 && errno == EEXIST);
  CHECK(mkdir("/sandbox/a/b", 0755) == 0);
  CHECK(mkdir("/sandbox/nope/c", 0755) == -1 && errno == ENOENT);
  touch("/sandbox/a/f1");
  touch("/sandbox/a/b/f2");
  CHECK(mkdir("/sandbox/a/f1/x", 0755) == -1 && errno == ENOTDIR);
  list("/sandbox");
  list("/sandbox/a");
  // Many entries, to exercise fd_readdir cookies across several calls.
  CHECK(mkdir("/sandbox/many", 0755) == 0);
  char p[128];
  for (int i = 0; i < 150; i++) { sprintf(p, "/sandbox/many/entry-with-a-longish-name-%03d", i); touch(p); }
  DIR *d = opendir("/sandbox/many");
  CHECK(d != NULL);
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  closedir(d);
  printf("many: %d entries\n", n);

  CHECK(rmdir("/sandbox/a") == -1 && errno == ENOTEMPTY);
  CHECK(rmdir("/sandbox/a/f1") == -1 && errno == ENOTDIR);
  CHECK(unlink("/sandbox/a/b") == -1);
  printf("unlink dir errno: %s\n", errno == EISDIR || errno == EPERM ? "EISDIR/EPERM" : strerror(errno));
  CHECK(rename("/sandbox/a/f1", "/sandbox/a/b/f1-moved") == 0);
  CHECK(rename("/sandbox/a/b", "/sandbox/c") == 0);
  CHECK(rename("/sandbox/c", "/sandbox/c/inside") == -1 && errno == EINVAL);
  touch("/sandbox/over");
  CHECK(rename("/sandbox/c/f2", "/sandbox/over") == 0);  // replaces
  list("/sandbox");
  list("/sandbox/c");
  CHECK(unlink("/sandbox/c/f1-moved") == 0);
  CHECK(unlink("/sandbox/c/f1-moved") == -1 && errno == ENOENT);
  CHECK(rmdir("/sandbox/c") == 0);
  CHECK(rmdir("/sandbox/a") == 0);
  // Paths with . and .. inside the sandbox are fine.
  CHECK(mkdir("/sandbox/x", 0755) == 0);
  // y does not exist, so y/.. cannot be walked (node:wasi normalises the path lexically instead).
  printf("mkdir x/./y/../z: %s\n", mkdir("/sandbox/x/./y/../z", 0755) == 0 ? "created" : strerror(errno));
  rmdir("/sandbox/x/z");
  CHECK(mkdir("/sandbox/x/../x/z", 0755) == 0);
  touch("/sandbox/x/z/../file");
  list("/sandbox/x");
  // Reading a directory as a file fails; opening a file as a directory fails.
  CHECK(opendir("/sandbox/over") == NULL && errno == ENOTDIR);
  int fd = open("/sandbox/x", O_RDONLY | O_DIRECTORY);
  CHECK(fd >= 0);
  char buf[4];
  CHECK(read(fd, buf, 4) == -1);
  close(fd);
  return 0;
}
