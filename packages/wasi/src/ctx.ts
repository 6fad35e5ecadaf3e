/**
 * The WASI context: arguments, environment, the descriptor table (stdio streams, preopened
 * directories, files and directories the guest opened), clocks and randomness; and its builder,
 * shaped like wasmtime's `WasiCtxBuilder`.
 * @module
 */
import { Errno, Filetype, RIGHTS_DIRECTORY, RIGHTS_FILE, RIGHTS_STDIN, RIGHTS_STDOUT } from './constants.js';
import { WasiConfigError, WasiErrnoError } from './errors.js';
import { HostFs } from './fs/hostfs.js';
import type { FsDirEntry, FsDirectory, FsFile, WasiFilesystem } from './fs/types.js';
import { CaptureOutputStream, HostFdStream, MemoryInputStream } from './streams.js';
import type { WasiInputStream, WasiOutputStream } from './streams.js';

/** What a preopened directory lets the guest do. Both default to `true`. */
export interface PreopenPerms {
  /** Read files and list directories. */
  read?: boolean;
  /** Create, change, rename and remove (without it these fail with `EROFS`). */
  write?: boolean;
}

/** Fields every descriptor entry has. */
interface EntryBase {
  rightsBase: bigint;
  rightsInheriting: bigint;
  fdflags: number;
}

/** A stdio stream in the descriptor table. */
export interface StreamEntry extends EntryBase {
  /** Discriminant: a stdio stream. */
  readonly kind: 'stream';
  /** Where reads come from, or null if the descriptor is not readable. */
  readonly input: WasiInputStream | null;
  /** Where writes go, or null if the descriptor is not writable. */
  readonly output: WasiOutputStream | null;
  /** The WASI filetype `fd_filestat_get` and `fd_fdstat_get` report for it. */
  readonly filetype: number;
}

/** An opened regular file (or other non-directory) in the descriptor table. */
export interface FileEntry extends EntryBase {
  /** Discriminant: an open file. */
  readonly kind: 'file';
  /** The file in its filesystem. */
  readonly file: FsFile;
  /** The current offset (`fd_seek`/`fd_tell`). */
  position: bigint;
  /** The permissions of the preopen the file was opened under. */
  readonly perms: Required<PreopenPerms>;
}

/** An opened directory in the descriptor table (a preopen or one opened by `path_open`). */
export interface DirEntry extends EntryBase {
  /** Discriminant: an open directory. */
  readonly kind: 'dir';
  /** The directory in its filesystem. */
  readonly dir: FsDirectory;
  /** The guest path, for a preopen (what `fd_prestat_dir_name` returns). */
  readonly preopenPath: string | null;
  /** The permissions of the preopen the directory belongs to. */
  readonly perms: Required<PreopenPerms>;
  /** The listing `fd_readdir` serves cookies from, taken when a read starts at cookie 0. */
  listing: FsDirEntry[] | null;
}

/** Any entry of the descriptor table. */
export type FdEntry = StreamEntry | FileEntry | DirEntry;

/** Clock sources, in nanoseconds. Replace them (builder `.clocks()`) for deterministic runs. */
export interface WasiClocks {
  /** Wall-clock time since the Unix epoch. */
  realtime(): bigint;
  /** A clock that never goes backwards. */
  monotonic(): bigint;
  /** CPU time of the process, or `null` if the host cannot tell. */
  processCputime(): bigint | null;
  /** CPU time of the thread, or `null` if the host cannot tell. */
  threadCputime(): bigint | null;
  /** Blocks for `ns` nanoseconds (poll_oneoff). */
  sleep(ns: bigint): void;
}

interface ProcessLike {
  hrtime?: { bigint(): bigint };
  cpuUsage?: () => { user: number; system: number };
  threadCpuUsage?: () => { user: number; system: number };
}
const proc = (globalThis as { process?: ProcessLike }).process;

/** The default clocks: `Date`/`performance`, `process.hrtime` and `process.cpuUsage` where present. */
export const defaultClocks: WasiClocks = {
  realtime: () => {
    const perf = globalThis.performance;
    if (perf !== undefined) return BigInt(Math.round((perf.timeOrigin + perf.now()) * 1000)) * 1000n;
    return BigInt(Date.now()) * 1_000_000n;
  },
  monotonic: () => {
    if (proc?.hrtime !== undefined) return proc.hrtime.bigint();
    return BigInt(Math.round(globalThis.performance.now() * 1e6));
  },
  processCputime: () => {
    if (proc?.cpuUsage === undefined) return null;
    const u = proc.cpuUsage();
    return BigInt(u.user + u.system) * 1000n;
  },
  threadCputime: () => {
    const f = proc?.threadCpuUsage ?? proc?.cpuUsage;
    if (f === undefined) return null;
    const u = f.call(proc);
    return BigInt(u.user + u.system) * 1000n;
  },
  sleep: (ns: bigint) => {
    const ms = Number(ns / 1_000_000n);
    if (ms <= 0) return;
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    } catch {
      // Atomics.wait is not allowed here (a browser's main thread): spin instead.
      const end = Date.now() + ms;
      while (Date.now() < end) {
        // spin
      }
    }
  },
};

/** Most descriptors a guest may hold open at once (`EMFILE` beyond). */
export const MAX_FDS = 1024;

/**
 * The state of one WASI guest. Build it with {@link WasiCtxBuilder}; give it to `wasiImports` or
 * `addToLinker`. After the guest ran, {@link WasiCtx.close} releases host descriptors.
 */
export class WasiCtx {
  /** Arguments (`argv`), UTF-8 encoded. */
  readonly args: readonly Uint8Array[];
  /** Environment as `KEY=VALUE`, UTF-8 encoded. */
  readonly env: readonly Uint8Array[];
  /** Clock sources. */
  readonly clocks: WasiClocks;
  /** Fills a buffer with random bytes. */
  readonly random: (buf: Uint8Array) => void;
  /** The descriptor table. Read it for debugging; the WASI functions own it. */
  readonly fds: Map<number, FdEntry> = new Map();

  /** @internal Use {@link WasiCtxBuilder}. */
  constructor(
    args: readonly Uint8Array[],
    env: readonly Uint8Array[],
    clocks: WasiClocks,
    random: (buf: Uint8Array) => void,
  ) {
    this.args = args;
    this.env = env;
    this.clocks = clocks;
    this.random = random;
  }

  /** The entry for `fd`, or `EBADF`. */
  get(fd: number): FdEntry {
    const e = this.fds.get(fd >>> 0);
    if (e === undefined) throw new WasiErrnoError(Errno.BADF);
    return e;
  }

  /** The entry for `fd` after checking it has all of `rights` (`ENOTCAPABLE` otherwise). */
  getWith(fd: number, rights: bigint): FdEntry {
    const e = this.get(fd);
    if ((e.rightsBase & rights) !== rights) throw new WasiErrnoError(Errno.NOTCAPABLE);
    return e;
  }

  /** Adds an entry under the lowest free descriptor number; `EMFILE` when the table is full. */
  insert(entry: FdEntry): number {
    if (this.fds.size >= MAX_FDS) throw new WasiErrnoError(Errno.MFILE);
    let fd = 0;
    while (this.fds.has(fd)) fd++;
    this.fds.set(fd, entry);
    return fd;
  }

  /** Releases what an entry holds on the host (streams are never closed: they belong to the host). */
  static release(entry: FdEntry): void {
    if (entry.kind === 'file') entry.file.close();
    else if (entry.kind === 'dir') entry.dir.close();
    else entry.output?.flush?.();
  }

  /** Closes every descriptor (host files and directories); stdio streams are only flushed. */
  close(): void {
    for (const e of this.fds.values()) WasiCtx.release(e);
    this.fds.clear();
  }
}

interface PreopenSpec {
  fs: WasiFilesystem;
  guestPath: string;
  perms: Required<PreopenPerms>;
}

const enc = new TextEncoder();

function defaultRandom(buf: Uint8Array): void {
  for (let i = 0; i < buf.length; i += 65536) globalThis.crypto.getRandomValues(buf.subarray(i, Math.min(buf.length, i + 65536)));
}

/**
 * Builds a {@link WasiCtx}, as wasmtime's `WasiCtxBuilder`. By default the guest gets no
 * arguments, no environment, empty stdin, discarded stdout/stderr and no preopens.
 *
 * ```ts
 * const out = new CaptureOutputStream();
 * const ctx = new WasiCtxBuilder().args(['prog', 'x']).env([['K', 'V']]).stdout(out)
 *   .preopenedDir('/tmp/sandbox', '/sandbox').build();
 * ```
 */
export class WasiCtxBuilder {
  #args: string[] = [];
  #env: [string, string][] = [];
  #stdin: WasiInputStream = new MemoryInputStream();
  #stdout: WasiOutputStream = new CaptureOutputStream(0);
  #stderr: WasiOutputStream = new CaptureOutputStream(0);
  #preopens: PreopenSpec[] = [];
  #clocks: WasiClocks = defaultClocks;
  #random: (buf: Uint8Array) => void = defaultRandom;

  /** Sets the arguments (`argv`, including `argv[0]`). */
  args(args: readonly string[]): this {
    this.#args = [...args];
    return this;
  }
  /** Appends one argument. */
  arg(arg: string): this {
    this.#args.push(arg);
    return this;
  }
  /** Adds environment variables. */
  env(vars: Iterable<readonly [string, string]> | Record<string, string>): this {
    const list = Symbol.iterator in vars ? [...(vars as Iterable<readonly [string, string]>)] : Object.entries(vars);
    for (const [k, v] of list) {
      if (k === '' || k.includes('=') || k.includes('\0') || v.includes('\0')) {
        throw new WasiConfigError(`invalid environment variable ${JSON.stringify(k)}`);
      }
      this.#env.push([k, v]);
    }
    return this;
  }
  /** Adds the host process's environment. */
  inheritEnv(): this {
    const penv = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
    for (const [k, v] of Object.entries(penv)) if (v !== undefined && k !== '' && !k.includes('=')) this.#env.push([k, v]);
    return this;
  }
  /** Adds the host process's arguments (`process.argv` without the node executable). */
  inheritArgs(): this {
    const argv = (globalThis as { process?: { argv?: string[] } }).process?.argv ?? [];
    this.#args = argv.slice(1);
    return this;
  }
  /** Uses the host process's own stdin, stdout and stderr. */
  inheritStdio(): this {
    return this.inheritStdin().inheritStdout().inheritStderr();
  }
  /** Uses the host process's stdin. */
  inheritStdin(): this {
    this.#stdin = new HostFdStream(0);
    return this;
  }
  /** Uses the host process's stdout. */
  inheritStdout(): this {
    this.#stdout = new HostFdStream(1);
    return this;
  }
  /** Uses the host process's stderr. */
  inheritStderr(): this {
    this.#stderr = new HostFdStream(2);
    return this;
  }
  /** Sets standard input: a stream, or bytes/a string to read. */
  stdin(stream: WasiInputStream | Uint8Array | string): this {
    this.#stdin = typeof stream === 'string' || stream instanceof Uint8Array ? new MemoryInputStream(stream) : stream;
    return this;
  }
  /** Sets standard output (for example a {@link CaptureOutputStream}). */
  stdout(stream: WasiOutputStream): this {
    this.#stdout = stream;
    return this;
  }
  /** Sets standard error. */
  stderr(stream: WasiOutputStream): this {
    this.#stderr = stream;
    return this;
  }
  /** Preopens host directory `hostPath` as `guestPath`, sandboxed to it. */
  preopenedDir(hostPath: string, guestPath: string, perms: PreopenPerms = {}): this {
    return this.preopenedFs(new HostFs(hostPath), guestPath, perms);
  }
  /** Preopens any {@link WasiFilesystem} (for example a `MemFs`) as `guestPath`. */
  preopenedFs(fs: WasiFilesystem, guestPath: string, perms: PreopenPerms = {}): this {
    if (guestPath === '' || guestPath.includes('\0')) throw new WasiConfigError(`invalid guest path ${JSON.stringify(guestPath)}`);
    this.#preopens.push({ fs, guestPath, perms: { read: perms.read ?? true, write: perms.write ?? true } });
    return this;
  }
  /** Replaces the clock sources (deterministic tests, virtual time). */
  clocks(clocks: WasiClocks): this {
    this.#clocks = clocks;
    return this;
  }
  /** Replaces the random source (deterministic tests). */
  secureRandom(fill: (buf: Uint8Array) => void): this {
    this.#random = fill;
    return this;
  }

  /** Builds the context, opening the preopened directories (throws {@link WasiConfigError}). */
  build(): WasiCtx {
    const ctx = new WasiCtx(
      this.#args.map((a) => enc.encode(a)),
      this.#env.map(([k, v]) => enc.encode(`${k}=${v}`)),
      this.#clocks,
      this.#random,
    );
    const stream = (input: WasiInputStream | null, output: WasiOutputStream | null, rights: bigint): StreamEntry => ({
      kind: 'stream',
      input,
      output,
      filetype: (input ?? output)?.isatty ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN,
      rightsBase: rights,
      rightsInheriting: 0n,
      fdflags: 0,
    });
    ctx.fds.set(0, stream(this.#stdin, null, RIGHTS_STDIN));
    ctx.fds.set(1, stream(null, this.#stdout, RIGHTS_STDOUT));
    ctx.fds.set(2, stream(null, this.#stderr, RIGHTS_STDOUT));
    try {
      for (const p of this.#preopens) {
        ctx.insert({
          kind: 'dir',
          dir: p.fs.openRoot(),
          preopenPath: p.guestPath,
          perms: p.perms,
          listing: null,
          rightsBase: RIGHTS_DIRECTORY,
          rightsInheriting: RIGHTS_DIRECTORY | RIGHTS_FILE,
          fdflags: 0,
        });
      }
    } catch (e) {
      ctx.close();
      throw e;
    }
    return ctx;
  }
}
