// Symlinks and hard links: create, read, follow, lstat vs stat, dangling links, link counts.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s (errno %d %s)\n", __LINE__, #x, errno, strerror(errno)); return 1; } } while (0)

int main(void) {
  int fd = open("/sandbox/target.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "target contents\n", 16) == 16);
  close(fd);
  CHECK(mkdir("/sandbox/dir", 0755) == 0);
  CHECK(symlink("target.txt", "/sandbox/link") == 0);
  CHECK(symlink("dir/../target.txt", "/sandbox/uplink") == 0);
  CHECK(symlink("dir", "/sandbox/dirlink") == 0);
  CHECK(symlink("nowhere", "/sandbox/dangling") == 0);
  CHECK(symlink("target.txt", "/sandbox/link") == -1 && errno == EEXIST);

  char buf[128];
  ssize_t n = readlink("/sandbox/uplink", buf, sizeof buf);
  CHECK(n > 0);
  printf("readlink: %.*s\n", (int)n, buf);
  // A short buffer truncates, as POSIX readlink does (node:wasi fails with ENOBUFS instead).
  n = readlink("/sandbox/link", buf, 3);
  printf("readlink truncated: %zd %.*s\n", n, n > 0 ? (int)n : 0, buf);
  CHECK(readlink("/sandbox/target.txt", buf, sizeof buf) == -1 && errno == EINVAL);

  struct stat st, lst;
  CHECK(stat("/sandbox/uplink", &st) == 0);
  CHECK(lstat("/sandbox/uplink", &lst) == 0);
  printf("stat: reg=%d size=%lld; lstat: lnk=%d size=%lld\n", S_ISREG(st.st_mode), (long long)st.st_size,
         S_ISLNK(lst.st_mode), (long long)lst.st_size);
  fd = open("/sandbox/dirlink/../uplink", O_RDONLY);
  CHECK(fd >= 0);
  memset(buf, 0, sizeof buf);
  CHECK(read(fd, buf, sizeof buf) == 16);
  printf("via links: %s", buf);
  close(fd);
  CHECK(open("/sandbox/dangling", O_RDONLY) == -1 && errno == ENOENT);
  CHECK(lstat("/sandbox/dangling", &lst) == 0 && S_ISLNK(lst.st_mode));
  // Without SYMLINK_FOLLOW the final symlink is not followed (node:wasi follows it anyway).
  fd = open("/sandbox/link", O_RDONLY | O_NOFOLLOW);
  printf("O_NOFOLLOW: %s\n", fd >= 0 ? "opened" : errno == ELOOP ? "ELOOP" : strerror(errno));
  if (fd >= 0) close(fd);
  // Writing through a dangling link creates its target.
  fd = open("/sandbox/dangling", O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "made\n", 5) == 5);
  close(fd);
  CHECK(stat("/sandbox/nowhere", &st) == 0 && st.st_size == 5);

  // Symlink loops.
  CHECK(symlink("loop2", "/sandbox/loop1") == 0);
  CHECK(symlink("loop1", "/sandbox/loop2") == 0);
  CHECK(open("/sandbox/loop1", O_RDONLY) == -1 && errno == ELOOP);

  // Hard links share the inode.
  CHECK(link("/sandbox/target.txt", "/sandbox/hard") == 0);
  CHECK(stat("/sandbox/target.txt", &st) == 0);
  CHECK(stat("/sandbox/hard", &lst) == 0);
  printf("nlink=%d same_ino=%d\n", (int)st.st_nlink, st.st_ino == lst.st_ino);
  CHECK(unlink("/sandbox/target.txt") == 0);
  CHECK(stat("/sandbox/hard", &st) == 0);
  printf("after unlink nlink=%d size=%lld\n", (int)st.st_nlink, (long long)st.st_size);
  CHECK(stat("/sandbox/link", &st) == -1 && errno == ENOENT);
  // A relative link in a subdirectory that climbs to the sandbox root is inside the sandbox
  // (node:wasi resolves the target against the preopen instead and refuses it).
  errno = 0;
  printf("symlink ../hard in dir: %s\n", symlink("../hard", "/sandbox/dir/up2") == 0 ? "ok" : strerror(errno));
  fd = open("/sandbox/dir/up2", O_RDONLY);
  memset(buf, 0, sizeof buf);
  printf("read via ../hard: %s", fd >= 0 && read(fd, buf, sizeof buf) > 0 ? buf : "failed\n");
  if (fd >= 0) close(fd);
  unlink("/sandbox/dir/up2");
  // Removing a symlink removes the link, not the target.
  CHECK(unlink("/sandbox/dirlink") == 0);
  CHECK(stat("/sandbox/dir", &st) == 0 && S_ISDIR(st.st_mode));
  CHECK(link("/sandbox/dir", "/sandbox/dirhard") == -1);
  return 0;
}
