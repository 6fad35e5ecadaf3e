// Clocks and randomness: prints only facts that hold on any correct host.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <wasi/api.h>

int main(void) {
  struct timespec a, b, res;
  printf("realtime: %d\n", clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec > 1600000000);
  printf("res: %d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0));
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec nap = {0, 20 * 1000 * 1000};
  printf("nanosleep: %d\n", nanosleep(&nap, NULL) == 0);
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  printf("slept >= 20ms: %d\n", ns >= 20000000LL);
  printf("slept < 2s: %d\n", ns < 2000000000LL);
  __wasi_timestamp_t t;
  printf("bad clock: %d\n", __wasi_clock_time_get(99, 1, &t) == __WASI_ERRNO_INVAL);
  unsigned char buf[64] = {0}, buf2[64] = {0};
  printf("getentropy: %d\n", getentropy(buf, sizeof buf) == 0);
  getentropy(buf2, sizeof buf2);
  int zeros = 0;
  for (int i = 0; i < 64; i++) zeros += buf[i] == 0;
  printf("random looks random: %d\n", zeros < 16 && memcmp(buf, buf2, 64) != 0);
  static unsigned char big[200000];
  printf("random_get big: %d\n", __wasi_random_get(big, sizeof big) == 0);
  // poll_oneoff with two clocks: the earlier one fires.
  __wasi_subscription_t subs[2];
  memset(subs, 0, sizeof subs);
  subs[0].userdata = 7;
  subs[0].u.tag = __WASI_EVENTTYPE_CLOCK;
  subs[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  subs[0].u.u.clock.timeout = 5000000;
  subs[1].userdata = 8;
  subs[1].u.tag = __WASI_EVENTTYPE_CLOCK;
  subs[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  subs[1].u.u.clock.timeout = 5000000000LL;
  __wasi_event_t ev[2];
  __wasi_size_t nev = 0;
  int rc = __wasi_poll_oneoff(subs, ev, 2, &nev);
  printf("poll: rc=%d nevents=%d userdata=%llu type=%d\n", rc, (int)nev, (unsigned long long)ev[0].userdata, ev[0].type);
  // Stdout is writable right away.
  subs[0].userdata = 9;
  subs[0].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  subs[0].u.u.fd_write.file_descriptor = 1;
  rc = __wasi_poll_oneoff(subs, ev, 2, &nev);
  printf("poll fd: rc=%d nevents=%d userdata=%llu type=%d error=%d\n", rc, (int)nev, (unsigned long long)ev[0].userdata, ev[0].type,
         ev[0].error);
  // A regular file is always ready; for reading, nbytes is what is left to read.
  int fd = open("/sandbox/poll.txt", O_CREAT | O_RDWR, 0644);
  write(fd, "abcdef", 6);
  lseek(fd, 2, SEEK_SET);
  subs[0].userdata = 10;
  subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
  subs[0].u.u.fd_read.file_descriptor = fd;
  rc = __wasi_poll_oneoff(subs, ev, 2, &nev);
  printf("poll file: rc=%d nevents=%d userdata=%llu type=%d error=%d nbytes=%llu\n", rc, (int)nev,
         (unsigned long long)ev[0].userdata, ev[0].type, ev[0].error, (unsigned long long)ev[0].fd_readwrite.nbytes);
  close(fd);
  printf("sched_yield: %d\n", __wasi_sched_yield() == 0);
  return 0;
}
