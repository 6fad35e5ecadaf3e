/**
 * The WASI package's error classes and the mapping from host (POSIX/libuv) error codes to WASI
 * errno values.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';
import { Errno } from './constants.js';

const ERRNO_NAMES: readonly string[] = (() => {
  const names: string[] = [];
  for (const [name, value] of Object.entries(Errno)) names[value] = name.toLowerCase();
  return names;
})();

/** The lower-case witx name of an errno value (`noent`, `badf`, ...), or `errno N` if unknown. */
export function errnoName(errno: number): string {
  return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}

/**
 * A WASI call failed with an errno. Filesystem implementations throw it; the WASI functions catch
 * it and return `errno` to the guest. It never reaches an embedder through a guest call.
 */
export class WasiErrnoError extends WasmtideError {
  /** The WASI errno value (see {@link Errno}). */
  readonly errno: number;
  /** An error for `errno`; `detail` (a path or the host's reason) is appended to the message. */
  constructor(errno: number, detail?: string) {
    super('wasi-errno', `WASI error ${errnoName(errno)} (${errno})${detail ? `: ${detail}` : ''}`);
    this.errno = errno;
  }
}

/**
 * The guest called `proc_exit` (or a signal ended it). Thrown out of the guest call so the embedder
 * can read `exitCode`; wasmtime's CLI exits with this status.
 */
export class WasiExit extends WasmtideError {
  /** The exit status the guest asked for. */
  readonly exitCode: number;
  /** An exit with `exitCode`; `message` replaces the default "WASI guest exited with status N". */
  constructor(exitCode: number, message?: string) {
    super('wasi-exit', message ?? `WASI guest exited with status ${exitCode}`);
    this.exitCode = exitCode;
  }
}

/**
 * The guest raised a signal with `proc_raise` whose default action ends the process. `exitCode` is
 * `128 + signal`, as a POSIX shell reports a process ended by that signal.
 */
export class WasiSignal extends WasiExit {
  /** The WASI signal number (see {@link Signal}). */
  readonly signal: number;
  /** The guest raised `signal`; the exit code becomes `128 + signal`. */
  constructor(signal: number) {
    super(128 + signal, `WASI guest raised signal ${signal}`);
    this.signal = signal;
  }
}

/**
 * The {@link WasiExit} behind an error a guest call threw, looking through `cause` chains (a
 * runtime wraps host errors, for example as a `host error` trap whose `cause` is the exit), or
 * `null` if the guest did not exit.
 */
export function wasiExitOf(e: unknown): WasiExit | null {
  for (let x = e, depth = 0; x !== null && typeof x === 'object' && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof WasiExit) return x;
  }
  return null;
}

/** A WASI context was configured wrongly (bad preopen, bad argument to the builder). */
export class WasiConfigError extends WasmtideError {
  /** An error with code `wasi-config` and the given message. */
  constructor(message: string) {
    super('wasi-config', message);
  }
}

/** Host error codes (as Node and libuv name them) and the WASI errno each becomes. */
const HOST_CODES: Readonly<Record<string, number>> = {
  E2BIG: Errno.TOOBIG, EACCES: Errno.ACCES, EADDRINUSE: Errno.ADDRINUSE, EADDRNOTAVAIL: Errno.ADDRNOTAVAIL,
  EAFNOSUPPORT: Errno.AFNOSUPPORT, EAGAIN: Errno.AGAIN, EWOULDBLOCK: Errno.AGAIN, EALREADY: Errno.ALREADY,
  EBADF: Errno.BADF, EBADMSG: Errno.BADMSG, EBUSY: Errno.BUSY, ECANCELED: Errno.CANCELED, ECHILD: Errno.CHILD,
  ECONNABORTED: Errno.CONNABORTED, ECONNREFUSED: Errno.CONNREFUSED, ECONNRESET: Errno.CONNRESET,
  EDEADLK: Errno.DEADLK, EDESTADDRREQ: Errno.DESTADDRREQ, EDOM: Errno.DOM, EDQUOT: Errno.DQUOT,
  EEXIST: Errno.EXIST, EFAULT: Errno.FAULT, EFBIG: Errno.FBIG, EHOSTUNREACH: Errno.HOSTUNREACH,
  EIDRM: Errno.IDRM, EILSEQ: Errno.ILSEQ, EINPROGRESS: Errno.INPROGRESS, EINTR: Errno.INTR,
  EINVAL: Errno.INVAL, EIO: Errno.IO, EISCONN: Errno.ISCONN, EISDIR: Errno.ISDIR, ELOOP: Errno.LOOP,
  EMFILE: Errno.MFILE, EMLINK: Errno.MLINK, EMSGSIZE: Errno.MSGSIZE, EMULTIHOP: Errno.MULTIHOP,
  ENAMETOOLONG: Errno.NAMETOOLONG, ENETDOWN: Errno.NETDOWN, ENETRESET: Errno.NETRESET,
  ENETUNREACH: Errno.NETUNREACH, ENFILE: Errno.NFILE, ENOBUFS: Errno.NOBUFS, ENODEV: Errno.NODEV,
  ENOENT: Errno.NOENT, ENOEXEC: Errno.NOEXEC, ENOLCK: Errno.NOLCK, ENOLINK: Errno.NOLINK,
  ENOMEM: Errno.NOMEM, ENOMSG: Errno.NOMSG, ENOPROTOOPT: Errno.NOPROTOOPT, ENOSPC: Errno.NOSPC,
  ENOSYS: Errno.NOSYS, ENOTCONN: Errno.NOTCONN, ENOTDIR: Errno.NOTDIR, ENOTEMPTY: Errno.NOTEMPTY,
  ENOTRECOVERABLE: Errno.NOTRECOVERABLE, ENOTSOCK: Errno.NOTSOCK, ENOTSUP: Errno.NOTSUP,
  EOPNOTSUPP: Errno.NOTSUP, ENOTTY: Errno.NOTTY, ENXIO: Errno.NXIO, EOVERFLOW: Errno.OVERFLOW,
  EOWNERDEAD: Errno.OWNERDEAD, EPERM: Errno.PERM, EPIPE: Errno.PIPE, EPROTO: Errno.PROTO,
  EPROTONOSUPPORT: Errno.PROTONOSUPPORT, EPROTOTYPE: Errno.PROTOTYPE, ERANGE: Errno.RANGE,
  EROFS: Errno.ROFS, ESPIPE: Errno.SPIPE, ESRCH: Errno.SRCH, ESTALE: Errno.STALE,
  ETIMEDOUT: Errno.TIMEDOUT, ETXTBSY: Errno.TXTBSY, EXDEV: Errno.XDEV,
};

/**
 * The WASI errno for a host error code such as Node's `err.code` (`ENOENT` -> 44). Unknown codes
 * become `EIO`.
 */
export function errnoFromHostCode(code: string): number {
  return HOST_CODES[code] ?? Errno.IO;
}

/**
 * The WASI errno an exception stands for: a {@link WasiErrnoError}'s own, a host error's mapped
 * code, `EIO` for anything else. Never call it with a {@link WasiExit} (those must propagate).
 */
export function errnoOf(e: unknown): number {
  if (e instanceof WasiErrnoError) return e.errno;
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') {
    return errnoFromHostCode((e as { code: string }).code);
  }
  return Errno.IO;
}
