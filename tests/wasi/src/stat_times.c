// Metadata and timestamps: sizes, types, setting atime/mtime by path and by descriptor.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s (errno %d %s)\n", __LINE__, #x, errno, strerror(errno)); return 1; } } while (0)

int main(void) {
  int fd = open("/sandbox/f", O_CREAT | O_RDWR, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "0123456789", 10) == 10);
  struct stat st;
  CHECK(fstat(fd, &st) == 0);
  printf("size=%lld reg=%d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  struct timespec ts[2] = {{1000000000, 0}, {1234567890, 500000000}};
  CHECK(futimens(fd, ts) == 0);
  CHECK(fstat(fd, &st) == 0);
  printf("futimens: atime=%lld mtime=%lld mtime_ms=%ld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec,
         st.st_mtim.tv_nsec / 1000000);
  close(fd);
  int dfd = open("/sandbox", O_RDONLY | O_DIRECTORY);
  CHECK(dfd >= 0);
  // Setting only the access time by path leaves the modification time alone.
  CHECK(__wasi_path_filestat_set_times(dfd, 0, "f", 1500000000000000000ULL, 0, __WASI_FSTFLAGS_ATIM) == 0);
  CHECK(stat("/sandbox/f", &st) == 0);
  printf("utimensat: atime=%lld mtime=%lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
  // UTIME_NOW sets the current time.
  CHECK(__wasi_path_filestat_set_times(dfd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "f", 0, 0, __WASI_FSTFLAGS_MTIM_NOW) == 0);
  CHECK(stat("/sandbox/f", &st) == 0);
  time_t now = time(NULL);
  printf("UTIME_NOW recent: %d\n", st.st_mtim.tv_sec >= now - 60 && st.st_mtim.tv_sec <= now + 60);
  // Times of a symlink itself.
  CHECK(symlink("f", "/sandbox/l") == 0);
  CHECK(__wasi_path_filestat_set_times(dfd, 0, "l", 1100000000000000000ULL, 1100000000000000000ULL,
                                       __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM) == 0);
  struct stat lst;
  CHECK(lstat("/sandbox/l", &lst) == 0);
  CHECK(stat("/sandbox/f", &st) == 0);
  printf("symlink mtime=%lld target mtime changed=%d\n", (long long)lst.st_mtim.tv_sec, st.st_mtim.tv_sec == 1100000000);
  // Directories.
  CHECK(mkdir("/sandbox/d", 0755) == 0);
  CHECK(stat("/sandbox/d", &st) == 0);
  printf("dir=%d\n", S_ISDIR(st.st_mode));
  CHECK(stat("/sandbox/f/", &st) == -1 && errno == ENOTDIR);
  CHECK(stat("/sandbox/missing", &st) == -1 && errno == ENOENT);
  // A file given by the test, with a known mtime.
  CHECK(stat("/sandbox/given.txt", &st) == 0);
  printf("given: size=%lld mtime=%lld\n", (long long)st.st_size, (long long)st.st_mtim.tv_sec);
  // stdout is not a regular file or directory.
  CHECK(fstat(1, &st) == 0);
  printf("stdout dir=%d\n", S_ISDIR(st.st_mode));
  return 0;
}
