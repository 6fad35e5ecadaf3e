/**
 * The host filesystem on `node:fs`. Every directory is an opened host file descriptor; on Linux an
 * entry is reached as `/proc/self/fd/<dirfd>/<name>`, which makes each operation act relative to
 * the opened directory (like `openat`), and every open uses `O_NOFOLLOW`, so a symlink or a
 * directory swapped for one between a check and a use is never followed by the kernel. Where
 * `/proc/self/fd` is missing (macOS, Windows) entries are reached by path, with the same checks but
 * without that protection against races.
 * @module
 */
import type * as NodeFs from 'node:fs';
import { Errno, Filetype } from '../constants.js';
import { WasiConfigError, WasiErrnoError, errnoFromHostCode } from '../errors.js';
import type { Filestat, FsDirEntry, FsDirectory, FsFile, FsOpenOptions, WasiFilesystem } from './types.js';
import { nodeModule } from '../node.js';

let fsModule: typeof NodeFs | undefined;
/** `node:fs`, loaded on first use (so that merely importing this package needs no Node). */
const fs = (): typeof NodeFs => (fsModule ??= nodeModule<typeof NodeFs>('node:fs'));
const C = (): typeof NodeFs.constants => fs().constants;
const O_NOFOLLOW = (): number => C().O_NOFOLLOW ?? 0;
const O_DIRECTORY = (): number => C().O_DIRECTORY ?? 0;
const O_NONBLOCK = (): number => C().O_NONBLOCK ?? 0;

let procFd: boolean | undefined;
/** Whether `/proc/self/fd/N/name` paths work here (Linux). */
function hasProcFd(): boolean {
  if (procFd === undefined) {
    try {
      procFd = fs().statSync('/proc/self/fd').isDirectory();
    } catch {
      procFd = false;
    }
  }
  return procFd;
}

/** Runs a host call, turning Node errors into {@link WasiErrnoError}. */
function host<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof WasiErrnoError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new WasiErrnoError(typeof code === 'string' ? errnoFromHostCode(code) : Errno.IO, (e as Error).message);
  }
}

function filetypeOf(s: NodeFs.BigIntStats | NodeFs.Dirent): number {
  if (s.isFile()) return Filetype.REGULAR_FILE;
  if (s.isDirectory()) return Filetype.DIRECTORY;
  if (s.isSymbolicLink()) return Filetype.SYMBOLIC_LINK;
  if (s.isCharacterDevice()) return Filetype.CHARACTER_DEVICE;
  if (s.isBlockDevice()) return Filetype.BLOCK_DEVICE;
  if (s.isSocket()) return Filetype.SOCKET_STREAM;
  return Filetype.UNKNOWN;
}

function toFilestat(s: NodeFs.BigIntStats): Filestat {
  return {
    dev: s.dev, ino: s.ino, filetype: filetypeOf(s), nlink: s.nlink, size: s.size,
    atim: s.atimeNs, mtim: s.mtimeNs, ctim: s.ctimeNs,
  };
}

/** Nanoseconds to the seconds (a float) Node's utimes family takes. */
function secs(ns: bigint): number {
  return Number(ns / 1000n) / 1e6;
}

function checkName(name: string): void {
  if (name === '' || name === '..' || name.includes('/') || name.includes('\0')) {
    throw new WasiErrnoError(Errno.INVAL, `bad entry name ${JSON.stringify(name)}`);
  }
}

/** Resolves `null` times against the current ones, since Node's utimes sets both. */
function bothTimes(cur: () => Filestat, atim: bigint | null, mtim: bigint | null): [number, number] {
  if (atim === null || mtim === null) {
    const s = cur();
    atim ??= s.atim;
    mtim ??= s.mtim;
  }
  return [secs(atim), secs(mtim)];
}

abstract class HostHandle {
  readonly fd: number;
  /** The host path this handle was opened as (informational, and the fallback without /proc). */
  readonly path: string;
  #closed = false;
  constructor(fd: number, path: string) {
    this.fd = fd;
    this.path = path;
  }
  stat(): Filestat {
    return toFilestat(host(() => fs().fstatSync(this.fd, { bigint: true })));
  }
  setTimes(atim: bigint | null, mtim: bigint | null): void {
    const [a, m] = bothTimes(() => this.stat(), atim, mtim);
    host(() => fs().futimesSync(this.fd, a, m));
  }
  sync(dataOnly: boolean): void {
    host(() => (dataOnly ? fs().fdatasyncSync(this.fd) : fs().fsyncSync(this.fd)));
  }
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      fs().closeSync(this.fd);
    } catch {
      // Nothing useful to report: the descriptor is gone either way.
    }
  }
}

class HostFile extends HostHandle implements FsFile {
  readonly kind = 'file' as const;
  read(buf: Uint8Array, position: bigint): number {
    return host(() => fs().readSync(this.fd, buf, 0, buf.length, position));
  }
  write(buf: Uint8Array, position: bigint): number {
    if (position > BigInt(Number.MAX_SAFE_INTEGER)) throw new WasiErrnoError(Errno.FBIG);
    return host(() => fs().writeSync(this.fd, buf, 0, buf.length, Number(position)));
  }
  truncate(size: bigint): void {
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new WasiErrnoError(Errno.FBIG);
    host(() => fs().ftruncateSync(this.fd, Number(size)));
  }
}

class HostDir extends HostHandle implements FsDirectory {
  readonly kind = 'dir' as const;
  readonly #viaProc: boolean;
  constructor(fd: number, path: string) {
    super(fd, path);
    this.#viaProc = hasProcFd();
  }
  /** The host path that reaches entry `name` relative to this opened directory. */
  #at(name: string): string {
    if (name !== '.') checkName(name);
    return this.#viaProc ? `/proc/self/fd/${this.fd}/${name}` : `${this.path}/${name}`;
  }
  #self(): string {
    return this.#viaProc ? `/proc/self/fd/${this.fd}` : this.path;
  }
  /**
   * Runs an O_NOFOLLOW open. With O_DIRECTORY, Linux reports a symlink as ENOTDIR; report ELOOP
   * as for any other refused symlink.
   */
  #noFollow(name: string, f: () => number): number {
    try {
      return f();
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOTDIR') {
        let link = false;
        try {
          link = fs().lstatSync(this.#at(name)).isSymbolicLink();
        } catch {
          // Fall through to the original error.
        }
        if (link) throw new WasiErrnoError(Errno.LOOP, name);
      }
      return host(() => {
        throw e;
      });
    }
  }
  #other(dir: FsDirectory): HostDir {
    if (!(dir instanceof HostDir)) throw new WasiErrnoError(Errno.XDEV);
    return dir;
  }

  lookup(name: string): Filestat {
    return toFilestat(host(() => fs().lstatSync(this.#at(name), { bigint: true })));
  }

  open(name: string, o: FsOpenOptions): FsFile | FsDirectory {
    const p = this.#at(name);
    let flags = O_NOFOLLOW() | (o.write || o.truncate ? (o.read ? C().O_RDWR : C().O_WRONLY) : C().O_RDONLY);
    if (o.create) flags |= C().O_CREAT;
    if (o.create && o.exclusive) flags |= C().O_EXCL;
    if (o.truncate) flags |= C().O_TRUNC;
    if (o.directory) flags |= O_DIRECTORY();
    // Never block opening a FIFO the guest should not be able to hang us on.
    flags |= O_NONBLOCK();
    const fd = this.#noFollow(name, () => fs().openSync(p, flags, 0o666));
    let st: NodeFs.BigIntStats;
    try {
      st = fs().fstatSync(fd, { bigint: true });
    } catch (e) {
      fs().closeSync(fd);
      return host(() => {
        throw e;
      });
    }
    const path = `${this.path}/${name}`;
    return st.isDirectory() ? new HostDir(fd, path) : new HostFile(fd, path);
  }

  openDir(name: string): FsDirectory {
    const p = this.#at(name);
    const fd = this.#noFollow(name, () => fs().openSync(p, C().O_RDONLY | O_DIRECTORY() | O_NOFOLLOW()));
    if (O_DIRECTORY() === 0) {
      // No O_DIRECTORY on this host: check afterwards.
      const isDir = fs().fstatSync(fd).isDirectory();
      if (!isDir) {
        fs().closeSync(fd);
        throw new WasiErrnoError(Errno.NOTDIR, name);
      }
    }
    return new HostDir(fd, `${this.path}/${name}`);
  }

  mkdir(name: string): void {
    host(() => fs().mkdirSync(this.#at(name)));
  }
  rmdir(name: string): void {
    host(() => fs().rmdirSync(this.#at(name)));
  }
  unlink(name: string): void {
    host(() => fs().unlinkSync(this.#at(name)));
  }
  rename(name: string, toDir: FsDirectory, toName: string): void {
    const dest = this.#other(toDir);
    host(() => fs().renameSync(this.#at(name), dest.#at(toName)));
  }
  link(name: string, toDir: FsDirectory, toName: string): void {
    const dest = this.#other(toDir);
    host(() => fs().linkSync(this.#at(name), dest.#at(toName)));
  }
  symlink(target: string, name: string): void {
    host(() => fs().symlinkSync(target, this.#at(name)));
  }
  readlink(name: string): string {
    return host(() => fs().readlinkSync(this.#at(name), 'utf8'));
  }
  setTimesAt(name: string, atim: bigint | null, mtim: bigint | null): void {
    const [a, m] = bothTimes(() => this.lookup(name), atim, mtim);
    host(() => fs().lutimesSync(this.#at(name), a, m));
  }
  readdir(): FsDirEntry[] {
    const self = this.stat();
    let parentIno = self.ino;
    try {
      parentIno = fs().statSync(`${this.#self()}/..`, { bigint: true }).ino;
    } catch {
      // Keep the directory's own inode number.
    }
    const out: FsDirEntry[] = [
      { name: '.', ino: self.ino, filetype: Filetype.DIRECTORY },
      { name: '..', ino: parentIno, filetype: Filetype.DIRECTORY },
    ];
    const names = host(() => fs().readdirSync(this.#self(), { withFileTypes: true }));
    for (const d of names) {
      let ino = 0n;
      try {
        ino = fs().lstatSync(this.#at(d.name), { bigint: true }).ino;
      } catch {
        // Removed meanwhile: report it with inode 0.
      }
      out.push({ name: d.name, ino, filetype: filetypeOf(d) });
    }
    return out;
  }
}

/**
 * A directory of the host filesystem to preopen. The directory is opened when a WASI context is
 * built (`openRoot`), so a later rename or replacement of `hostPath` does not redirect the guest.
 */
export class HostFs implements WasiFilesystem {
  /** The host directory. */
  readonly hostPath: string;
  /** A filesystem rooted at the host directory `hostPath` (checked when {@link HostFs.openRoot} runs). */
  constructor(hostPath: string) {
    this.hostPath = hostPath;
  }
  /** Opens the host directory; throws {@link WasiConfigError} if it is not an accessible directory. */
  openRoot(): FsDirectory {
    let fd: number;
    try {
      fd = fs().openSync(this.hostPath, C().O_RDONLY | O_DIRECTORY());
    } catch (e) {
      throw new WasiConfigError(`cannot preopen ${this.hostPath}: ${(e as Error).message}`);
    }
    if (!fs().fstatSync(fd).isDirectory()) {
      fs().closeSync(fd);
      throw new WasiConfigError(`cannot preopen ${this.hostPath}: not a directory`);
    }
    return new HostDir(fd, this.hostPath.replace(/\/+$/, '') || '/');
  }
}
