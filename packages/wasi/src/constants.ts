/**
 * The constants of `wasi_snapshot_preview1`, with the values the preview1 witx defines: errno
 * codes, rights, file types, flags, clock ids and the offsets of the structs the ABI passes.
 * @module
 */

/** Error codes (`errno`, a u16). `SUCCESS` is 0; the names follow POSIX. */
export const Errno = {
  SUCCESS: 0, TOOBIG: 1, ACCES: 2, ADDRINUSE: 3, ADDRNOTAVAIL: 4, AFNOSUPPORT: 5, AGAIN: 6, ALREADY: 7,
  BADF: 8, BADMSG: 9, BUSY: 10, CANCELED: 11, CHILD: 12, CONNABORTED: 13, CONNREFUSED: 14, CONNRESET: 15,
  DEADLK: 16, DESTADDRREQ: 17, DOM: 18, DQUOT: 19, EXIST: 20, FAULT: 21, FBIG: 22, HOSTUNREACH: 23,
  IDRM: 24, ILSEQ: 25, INPROGRESS: 26, INTR: 27, INVAL: 28, IO: 29, ISCONN: 30, ISDIR: 31, LOOP: 32,
  MFILE: 33, MLINK: 34, MSGSIZE: 35, MULTIHOP: 36, NAMETOOLONG: 37, NETDOWN: 38, NETRESET: 39,
  NETUNREACH: 40, NFILE: 41, NOBUFS: 42, NODEV: 43, NOENT: 44, NOEXEC: 45, NOLCK: 46, NOLINK: 47,
  NOMEM: 48, NOMSG: 49, NOPROTOOPT: 50, NOSPC: 51, NOSYS: 52, NOTCONN: 53, NOTDIR: 54, NOTEMPTY: 55,
  NOTRECOVERABLE: 56, NOTSOCK: 57, NOTSUP: 58, NOTTY: 59, NXIO: 60, OVERFLOW: 61, OWNERDEAD: 62,
  PERM: 63, PIPE: 64, PROTO: 65, PROTONOSUPPORT: 66, PROTOTYPE: 67, RANGE: 68, ROFS: 69, SPIPE: 70,
  SRCH: 71, STALE: 72, TIMEDOUT: 73, TXTBSY: 74, XDEV: 75, NOTCAPABLE: 76,
} as const;

/** One of the {@link Errno} values. */
export type ErrnoValue = (typeof Errno)[keyof typeof Errno];

/** Rights (`rights`, a u64 bit set) that a file descriptor carries. */
export const Rights = {
  FD_DATASYNC: 1n << 0n,
  FD_READ: 1n << 1n,
  FD_SEEK: 1n << 2n,
  FD_FDSTAT_SET_FLAGS: 1n << 3n,
  FD_SYNC: 1n << 4n,
  FD_TELL: 1n << 5n,
  FD_WRITE: 1n << 6n,
  FD_ADVISE: 1n << 7n,
  FD_ALLOCATE: 1n << 8n,
  PATH_CREATE_DIRECTORY: 1n << 9n,
  PATH_CREATE_FILE: 1n << 10n,
  PATH_LINK_SOURCE: 1n << 11n,
  PATH_LINK_TARGET: 1n << 12n,
  PATH_OPEN: 1n << 13n,
  FD_READDIR: 1n << 14n,
  PATH_READLINK: 1n << 15n,
  PATH_RENAME_SOURCE: 1n << 16n,
  PATH_RENAME_TARGET: 1n << 17n,
  PATH_FILESTAT_GET: 1n << 18n,
  PATH_FILESTAT_SET_SIZE: 1n << 19n,
  PATH_FILESTAT_SET_TIMES: 1n << 20n,
  FD_FILESTAT_GET: 1n << 21n,
  FD_FILESTAT_SET_SIZE: 1n << 22n,
  FD_FILESTAT_SET_TIMES: 1n << 23n,
  PATH_SYMLINK: 1n << 24n,
  PATH_REMOVE_DIRECTORY: 1n << 25n,
  PATH_UNLINK_FILE: 1n << 26n,
  POLL_FD_READWRITE: 1n << 27n,
  SOCK_SHUTDOWN: 1n << 28n,
  SOCK_ACCEPT: 1n << 29n,
} as const;

/** Every right preview1 defines. */
export const RIGHTS_ALL: bigint = (1n << 30n) - 1n;

/** The rights that make sense on a regular file. */
export const RIGHTS_FILE: bigint =
  Rights.FD_DATASYNC | Rights.FD_READ | Rights.FD_SEEK | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_SYNC |
  Rights.FD_TELL | Rights.FD_WRITE | Rights.FD_ADVISE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_GET |
  Rights.FD_FILESTAT_SET_SIZE | Rights.FD_FILESTAT_SET_TIMES | Rights.POLL_FD_READWRITE;

/** The rights that make sense on a directory. */
export const RIGHTS_DIRECTORY: bigint =
  Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_SYNC | Rights.FD_ADVISE | Rights.PATH_CREATE_DIRECTORY |
  Rights.PATH_CREATE_FILE | Rights.PATH_LINK_SOURCE | Rights.PATH_LINK_TARGET | Rights.PATH_OPEN |
  Rights.FD_READDIR | Rights.PATH_READLINK | Rights.PATH_RENAME_SOURCE | Rights.PATH_RENAME_TARGET |
  Rights.PATH_FILESTAT_GET | Rights.PATH_FILESTAT_SET_SIZE | Rights.PATH_FILESTAT_SET_TIMES |
  Rights.FD_FILESTAT_GET | Rights.FD_FILESTAT_SET_TIMES | Rights.PATH_SYMLINK |
  Rights.PATH_REMOVE_DIRECTORY | Rights.PATH_UNLINK_FILE;

/** The rights of a standard input stream (no seek/tell, so wasi-libc's `isatty` can say yes). */
export const RIGHTS_STDIN: bigint = Rights.FD_READ | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;
/** The rights of a standard output or error stream. */
export const RIGHTS_STDOUT: bigint = Rights.FD_WRITE | Rights.FD_DATASYNC | Rights.FD_SYNC | Rights.FD_FDSTAT_SET_FLAGS |
  Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;

/** File types (`filetype`, a u8). */
export const Filetype = {
  UNKNOWN: 0, BLOCK_DEVICE: 1, CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4,
  SOCKET_DGRAM: 5, SOCKET_STREAM: 6, SYMBOLIC_LINK: 7,
} as const;

/** `whence` for `fd_seek` (a u8). */
export const Whence = { SET: 0, CUR: 1, END: 2 } as const;

/** Clock ids (`clockid`, a u32). */
export const ClockId = { REALTIME: 0, MONOTONIC: 1, PROCESS_CPUTIME_ID: 2, THREAD_CPUTIME_ID: 3 } as const;

/** `advice` for `fd_advise` (a u8). */
export const Advice = { NORMAL: 0, SEQUENTIAL: 1, RANDOM: 2, WILLNEED: 3, DONTNEED: 4, NOREUSE: 5 } as const;

/** File descriptor flags (`fdflags`, a u16). */
export const Fdflags = { APPEND: 1, DSYNC: 2, NONBLOCK: 4, RSYNC: 8, SYNC: 16 } as const;

/** Which timestamps `*_set_times` changes (`fstflags`, a u16). */
export const Fstflags = { ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8 } as const;

/** Path lookup flags (`lookupflags`, a u32). */
export const Lookupflags = { SYMLINK_FOLLOW: 1 } as const;

/** `path_open` flags (`oflags`, a u16). */
export const Oflags = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 } as const;

/** Event types of `poll_oneoff` (`eventtype`, a u8). */
export const Eventtype = { CLOCK: 0, FD_READ: 1, FD_WRITE: 2 } as const;

/** `eventrwflags` (a u16). */
export const Eventrwflags = { FD_READWRITE_HANGUP: 1 } as const;

/** `subclockflags` (a u16). */
export const Subclockflags = { SUBSCRIPTION_CLOCK_ABSTIME: 1 } as const;

/** `sdflags` for `sock_shutdown` (a u8). */
export const Sdflags = { RD: 1, WR: 2 } as const;

/** `preopentype` (a u8): the only kind is a directory. */
export const Preopentype = { DIR: 0 } as const;

/** Signal numbers (`signal`, a u8). */
export const Signal = {
  NONE: 0, HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10,
  SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 16, CONT: 17, STOP: 18, TSTP: 19,
  TTIN: 20, TTOU: 21, URG: 22, XCPU: 23, XFSZ: 24, VTALRM: 25, PROF: 26, WINCH: 27, POLL: 28,
  PWR: 29, SYS: 30,
} as const;

/** Byte sizes and field offsets of the ABI's structs (wasm32). */
export const Layout = {
  IOVEC_SIZE: 8,
  FDSTAT_SIZE: 24, FDSTAT_FILETYPE: 0, FDSTAT_FLAGS: 2, FDSTAT_RIGHTS_BASE: 8, FDSTAT_RIGHTS_INHERITING: 16,
  FILESTAT_SIZE: 64, FILESTAT_DEV: 0, FILESTAT_INO: 8, FILESTAT_FILETYPE: 16, FILESTAT_NLINK: 24,
  FILESTAT_SIZE_FIELD: 32, FILESTAT_ATIM: 40, FILESTAT_MTIM: 48, FILESTAT_CTIM: 56,
  DIRENT_SIZE: 24, DIRENT_NEXT: 0, DIRENT_INO: 8, DIRENT_NAMLEN: 16, DIRENT_TYPE: 20,
  PRESTAT_SIZE: 8, PRESTAT_TAG: 0, PRESTAT_NAME_LEN: 4,
  SUBSCRIPTION_SIZE: 48, SUBSCRIPTION_USERDATA: 0, SUBSCRIPTION_TAG: 8, SUBSCRIPTION_CLOCK_ID: 16,
  SUBSCRIPTION_CLOCK_TIMEOUT: 24, SUBSCRIPTION_CLOCK_PRECISION: 32, SUBSCRIPTION_CLOCK_FLAGS: 40,
  SUBSCRIPTION_FD: 16,
  EVENT_SIZE: 32, EVENT_USERDATA: 0, EVENT_ERROR: 8, EVENT_TYPE: 10, EVENT_NBYTES: 16, EVENT_FLAGS: 24,
} as const;
