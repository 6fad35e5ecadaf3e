// File I/O: create, write, read back, pread/pwrite, seek, append, truncate, sizes.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL line %d: %s (errno %d %s)\n", __LINE__, #x, errno, strerror(errno)); return 1; } } while (0)

int main(void) {
  int fd = open("/sandbox/data.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "hello world\n", 12) == 12);
  CHECK(lseek(fd, 0, SEEK_CUR) == 12);
  CHECK(lseek(fd, 0, SEEK_SET) == 0);
  char buf[64] = {0};
  CHECK(read(fd, buf, sizeof buf) == 12);
  printf("read: %s", buf);
  CHECK(pwrite(fd, "WORLD", 5, 6) == 5);
  memset(buf, 0, sizeof buf);
  CHECK(pread(fd, buf, 5, 6) == 5);
  printf("pread: %s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 12);  // pread/pwrite leave the offset alone
  CHECK(lseek(fd, -6, SEEK_END) == 6);
  CHECK(lseek(fd, -100, SEEK_CUR) == -1 && errno == EINVAL);
  // Seek past the end and write: the gap reads as zeros.
  CHECK(lseek(fd, 20, SEEK_SET) == 20);
  CHECK(write(fd, "Z", 1) == 1);
  struct stat st;
  CHECK(fstat(fd, &st) == 0);
  printf("size after sparse write: %lld\n", (long long)st.st_size);
  CHECK(pread(fd, buf, 9, 12) == 9);
  int zeros = 0;
  for (int i = 0; i < 8; i++) zeros += buf[i] == 0;
  printf("zeros in gap: %d, then %c\n", zeros, buf[8]);
  CHECK(ftruncate(fd, 5) == 0);
  CHECK(fstat(fd, &st) == 0);
  printf("size after truncate: %lld\n", (long long)st.st_size);
  CHECK(close(fd) == 0);

  // Append mode: every write goes to the end, whatever the offset.
  fd = open("/sandbox/data.txt", O_WRONLY | O_APPEND);
  CHECK(fd >= 0);
  CHECK(lseek(fd, 0, SEEK_SET) == 0);
  CHECK(write(fd, "+tail", 5) == 5);
  CHECK(close(fd) == 0);

  // Readonly descriptors refuse writes.
  fd = open("/sandbox/data.txt", O_RDONLY);
  CHECK(fd >= 0);
  CHECK(write(fd, "x", 1) == -1);
  memset(buf, 0, sizeof buf);
  CHECK(read(fd, buf, sizeof buf) == 10);
  printf("final: %s\n", buf);
  CHECK(read(fd, buf, sizeof buf) == 0);
  CHECK(close(fd) == 0);
  CHECK(close(fd) == -1 && errno == EBADF);

  // O_EXCL on an existing file, O_CREAT of a new one through stdio.
  CHECK(open("/sandbox/data.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST);
  FILE *f = fopen("/sandbox/lines.txt", "w");
  CHECK(f != NULL);
  for (int i = 0; i < 1000; i++) fprintf(f, "line %d\n", i);
  CHECK(fclose(f) == 0);
  f = fopen("/sandbox/lines.txt", "r");
  CHECK(f != NULL);
  char line[64];
  int count = 0;
  long sum = 0;
  while (fgets(line, sizeof line, f)) {
    count++;
    sum += strlen(line);
  }
  fclose(f);
  printf("lines=%d bytes=%ld\n", count, sum);
  CHECK(open("/sandbox/missing.txt", O_RDONLY) == -1 && errno == ENOENT);
  // Reading an existing file given by the test.
  f = fopen("/sandbox/input.txt", "r");
  CHECK(f != NULL);
  CHECK(fgets(line, sizeof line, f) != NULL);
  printf("input: %s", line);
  fclose(f);
  return 0;
}
