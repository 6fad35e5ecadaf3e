// The sandbox, asked directly through the WASI calls (wasi-libc would refuse some of these paths
// before the host saw them): every escape attempt must fail and nothing outside may change.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static int try_open(const char *path, __wasi_lookupflags_t follow, __wasi_oflags_t oflags) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(3, follow, path, oflags,
                                      __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0, &fd);
  if (e == 0) __wasi_fd_close(fd);
  return e;
}

static const char *kind(int e) {
  if (e == 0) return "OPENED";
  if (e == __WASI_ERRNO_NOTCAPABLE || e == __WASI_ERRNO_PERM) return "denied";
  if (e == __WASI_ERRNO_NOENT) return "noent";
  if (e == __WASI_ERRNO_LOOP) return "loop";
  if (e == __WASI_ERRNO_NOTDIR) return "notdir";
  return "other";
}

int main(void) {
  __wasi_prestat_t ps;
  if (__wasi_fd_prestat_get(3, &ps) != 0) { printf("no preopen at fd 3\n"); return 1; }
  char name[64] = {0};
  __wasi_fd_prestat_dir_name(3, (uint8_t *)name, ps.u.dir.pr_name_len);
  printf("preopen: %s\n", name);
  printf("inside.txt: %s\n", kind(try_open("inside.txt", 0, 0)));
  printf("sub/../inside.txt: %s\n", kind(try_open("sub/../inside.txt", 0, 0)));
  const char *escapes[] = {
    "..", "../outside/secret.txt", "sub/../../outside/secret.txt", "/etc/passwd", "./../outside/secret.txt",
    "sub/../../../../../../etc/passwd",
  };
  for (unsigned i = 0; i < sizeof escapes / sizeof *escapes; i++) printf("%s: %s\n", escapes[i], kind(try_open(escapes[i], 0, 0)));
  // Symlinks planted by the host (see the test): one absolute, one climbing out, one through a
  // directory link.
  const char *links[] = {"abs-link", "up-link", "dir-up-link/secret.txt", "sub/deep-up-link"};
  for (unsigned i = 0; i < sizeof links / sizeof *links; i++)
    printf("follow %s: %s\n", links[i], kind(try_open(links[i], __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0)));
  // Creating through an escaping link must not create anything outside.
  printf("create via up-link: %s\n", kind(try_open("up-link-new", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, __WASI_OFLAGS_CREAT)));
  // A symlink the guest makes pointing out is harmless to create but never followed.
  __wasi_errno_t e = __wasi_path_symlink("../outside/secret.txt", 3, "guest-link");
  printf("symlink create: %d\n", e == 0);
  printf("follow guest-link: %s\n", kind(try_open("guest-link", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0)));
  __wasi_path_unlink_file(3, "guest-link");
  printf("mkdir ../evil: %s\n", kind(__wasi_path_create_directory(3, "../evil")));
  printf("rename out: %s\n", kind(__wasi_path_rename(3, "inside.txt", 3, "../outside/stolen.txt")));
  printf("unlink out: %s\n", kind(__wasi_path_unlink_file(3, "../outside/secret.txt")));
  printf("link out: %s\n", kind(__wasi_path_link(3, 0, "../outside/secret.txt", 3, "hard")));
  __wasi_filestat_t st;
  printf("stat out: %s\n", kind(__wasi_path_filestat_get(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "up-link", &st)));
  printf("bad fd: %d\n", __wasi_path_open(99, 0, "x", 0, 0, 0, 0, (__wasi_fd_t *)&e) == __WASI_ERRNO_BADF);
  return 0;
}
