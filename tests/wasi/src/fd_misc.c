// Less common descriptor calls: advise, allocate, sync, flags, rights, stdio properties.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
  int fd = open("/sandbox/m.bin", O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (fd < 0) { printf("open: %s\n", strerror(errno)); return 1; }
  printf("fadvise: %d\n", posix_fadvise(fd, 0, 100, POSIX_FADV_SEQUENTIAL));
  printf("fadvise bad: %d\n", posix_fadvise(fd, 0, 100, 77) == EINVAL);
  printf("fallocate: %d\n", posix_fallocate(fd, 0, 4096));
  struct stat st;
  fstat(fd, &st);
  printf("size after fallocate: %lld\n", (long long)st.st_size);
  printf("fsync: %d fdatasync: %d\n", fsync(fd), fdatasync(fd));
  int fl = fcntl(fd, F_GETFL);
  printf("append before: %d\n", (fl & O_APPEND) != 0);
  printf("setfl: %d\n", fcntl(fd, F_SETFL, fl | O_APPEND));
  printf("append after: %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
  lseek(fd, 0, SEEK_SET);
  write(fd, "END", 3);
  fstat(fd, &st);
  printf("size after append write: %lld\n", (long long)st.st_size);
  // Rights can only shrink.
  __wasi_fdstat_t fs;
  __wasi_fd_fdstat_get(fd, &fs);
  printf("has write right: %d\n", (fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0);
  printf("drop write: %d\n", __wasi_fd_fdstat_set_rights(fd, fs.fs_rights_base & ~__WASI_RIGHTS_FD_WRITE, fs.fs_rights_inheriting));
  printf("write after drop fails: %d\n", write(fd, "x", 1) == -1);
  printf("regain write: %d\n", __wasi_fd_fdstat_set_rights(fd, fs.fs_rights_base, fs.fs_rights_inheriting) != 0);
  close(fd);
  // Directories and the preopen.
  __wasi_fd_fdstat_get(3, &fs);
  printf("preopen is dir: %d\n", fs.fs_filetype == __WASI_FILETYPE_DIRECTORY);
  printf("stdin is dir: %d\n", (__wasi_fd_fdstat_get(0, &fs), fs.fs_filetype == __WASI_FILETYPE_DIRECTORY));
  printf("fdstat bad fd: %d\n", __wasi_fd_fdstat_get(99, &fs) == __WASI_ERRNO_BADF);
  printf("close bad fd: %d\n", __wasi_fd_close(99) == __WASI_ERRNO_BADF);
  return 0;
}
