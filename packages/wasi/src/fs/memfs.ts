/**
 * An in-memory filesystem for embedders that must not touch the disk (browsers, tests, sandboxes
 * with a virtual tree). Files, directories, symlinks and hard links, with POSIX-like errors.
 * @module
 */
import { Errno, Filetype } from '../constants.js';
import { WasiErrnoError } from '../errors.js';
import type { Filestat, FsDirEntry, FsDirectory, FsFile, FsOpenOptions, WasiFilesystem } from './types.js';

/** Largest file the in-memory filesystem lets a guest create (1 GiB): hostile sizes fail with EFBIG. */
const MAX_FILE_SIZE = 1n << 30n;

type Inode = FileNode | DirNode | LinkNode;

interface NodeBase {
  ino: bigint;
  nlink: bigint;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
}
interface FileNode extends NodeBase {
  kind: 'file';
  data: Uint8Array;
  size: number;
}
interface DirNode extends NodeBase {
  kind: 'dir';
  entries: Map<string, Inode>;
  parent: DirNode | null;
}
interface LinkNode extends NodeBase {
  kind: 'symlink';
  target: string;
}

const fail = (errno: number, detail?: string): never => {
  throw new WasiErrnoError(errno, detail);
};

function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** Rejects names a filesystem must never be given. */
function checkName(name: string): void {
  if (name === '' || name.includes('/') || name.includes('\0')) fail(Errno.INVAL, `bad entry name ${JSON.stringify(name)}`);
}

/**
 * An in-memory filesystem. Preopen it with `WasiCtxBuilder.preopenedFs(fs, '/guest/path')`; fill
 * and inspect it from the host with {@link MemFs.writeFile}, {@link MemFs.readFile},
 * {@link MemFs.mkdirp}, {@link MemFs.symlink} and {@link MemFs.list}.
 */
export class MemFs implements WasiFilesystem {
  #nextIno = 1n;
  readonly #root: DirNode;

  constructor() {
    this.#root = this.#newDir(null);
  }

  #stamp<T extends Omit<Inode, keyof NodeBase>>(node: T): T & NodeBase {
    const t = nowNs();
    return Object.assign(node, { ino: this.#nextIno++, nlink: 1n, atim: t, mtim: t, ctim: t });
  }
  #newDir(parent: DirNode | null): DirNode {
    const d = this.#stamp({ kind: 'dir' as const, entries: new Map<string, Inode>(), parent: parent as DirNode | null });
    d.nlink = 2n;
    return d;
  }
  /** @internal */
  newFile(): FileNode {
    return this.#stamp({ kind: 'file' as const, data: new Uint8Array(0), size: 0 });
  }
  /** @internal */
  newDirNode(parent: DirNode): DirNode {
    return this.#newDir(parent);
  }
  /** @internal */
  newLink(target: string): LinkNode {
    return this.#stamp({ kind: 'symlink' as const, target });
  }

  /** Opens the root directory (what a preopen uses). */
  openRoot(): FsDirectory {
    return new MemDir(this, this.#root);
  }

  /** Walks a host-side path (`a/b/c`, leading `/` optional) to its inode, following no symlinks. */
  #walk(path: string, create: 'dirs' | 'none'): { parent: DirNode; name: string } {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0) fail(Errno.INVAL, 'empty path');
    let dir = this.#root;
    for (const part of parts.slice(0, -1)) {
      if (part === '..') {
        dir = dir.parent ?? dir;
        continue;
      }
      let next = dir.entries.get(part);
      if (next === undefined && create === 'dirs') {
        next = this.#newDir(dir);
        dir.entries.set(part, next);
        dir.nlink++;
      }
      if (next === undefined) fail(Errno.NOENT, path);
      if (next!.kind !== 'dir') fail(Errno.NOTDIR, path);
      dir = next as DirNode;
    }
    return { parent: dir, name: parts[parts.length - 1]! };
  }

  /** Creates or replaces a file (and any missing parent directories) with `data`. */
  writeFile(path: string, data: Uint8Array | string): void {
    const { parent, name } = this.#walk(path, 'dirs');
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data.slice();
    let node = parent.entries.get(name);
    if (node === undefined) {
      node = this.newFile();
      parent.entries.set(name, node);
    }
    if (node.kind !== 'file') fail(Errno.ISDIR, path);
    const f = node as FileNode;
    f.data = bytes;
    f.size = bytes.length;
    f.mtim = f.ctim = nowNs();
  }

  /** The contents of a file. */
  readFile(path: string): Uint8Array {
    const { parent, name } = this.#walk(path, 'none');
    const node = parent.entries.get(name);
    if (node === undefined) return fail(Errno.NOENT, path);
    if (node.kind !== 'file') return fail(Errno.ISDIR, path);
    return node.data.slice(0, node.size);
  }

  /** Creates a directory and any missing parents. */
  mkdirp(path: string): void {
    const { parent, name } = this.#walk(`${path}/x`, 'dirs');
    void name;
    void parent;
  }

  /** Creates a symlink at `path` pointing to `target` (any string). */
  symlink(target: string, path: string): void {
    const { parent, name } = this.#walk(path, 'dirs');
    if (parent.entries.has(name)) fail(Errno.EXIST, path);
    parent.entries.set(name, this.newLink(target));
  }

  /** Metadata of the entry at `path` (not following a final symlink). */
  lstat(path: string): Filestat {
    if (!path.split('/').some((p) => p !== '' && p !== '.')) return statOf(this.#root);
    const { parent, name } = this.#walk(path, 'none');
    const node = parent.entries.get(name);
    if (node === undefined) return fail(Errno.NOENT, path);
    return statOf(node);
  }

  /** The target of the symlink at `path`. */
  readlink(path: string): string {
    const { parent, name } = this.#walk(path, 'none');
    const node = parent.entries.get(name);
    if (node === undefined) return fail(Errno.NOENT, path);
    if (node.kind !== 'symlink') return fail(Errno.INVAL, path);
    return node.target;
  }

  /** Sets the access and modification times (nanoseconds) of the entry at `path`. */
  setTimes(path: string, atim: bigint, mtim: bigint): void {
    const { parent, name } = this.#walk(path, 'none');
    const node = parent.entries.get(name);
    if (node === undefined) return fail(Errno.NOENT, path);
    node.atim = atim;
    node.mtim = mtim;
  }

  /** Names in a directory (sorted), or `null` if it does not exist or is not a directory. */
  list(path = '/'): string[] | null {
    let dir: Inode | undefined = this.#root;
    if (path.split('/').some((p) => p !== '' && p !== '.')) {
      const { parent, name } = this.#walk(path, 'none');
      dir = parent.entries.get(name);
    }
    if (dir === undefined || dir.kind !== 'dir') return null;
    return [...dir.entries.keys()].sort();
  }
}

function statOf(node: Inode): Filestat {
  return {
    dev: 1n,
    ino: node.ino,
    filetype: node.kind === 'dir' ? Filetype.DIRECTORY : node.kind === 'file' ? Filetype.REGULAR_FILE : Filetype.SYMBOLIC_LINK,
    nlink: node.nlink,
    size: node.kind === 'file' ? BigInt(node.size) : node.kind === 'symlink' ? BigInt(new TextEncoder().encode(node.target).length) : 4096n,
    atim: node.atim,
    mtim: node.mtim,
    ctim: node.ctim,
  };
}

function setTimes(node: Inode, atim: bigint | null, mtim: bigint | null): void {
  if (atim !== null) node.atim = atim;
  if (mtim !== null) node.mtim = mtim;
  node.ctim = nowNs();
}

class MemFile implements FsFile {
  readonly kind = 'file' as const;
  readonly node: FileNode;
  constructor(node: FileNode) {
    this.node = node;
  }
  stat(): Filestat {
    return statOf(this.node);
  }
  setTimes(atim: bigint | null, mtim: bigint | null): void {
    setTimes(this.node, atim, mtim);
  }
  sync(): void {}
  close(): void {}
  read(buf: Uint8Array, position: bigint): number {
    const n = this.node;
    if (position >= BigInt(n.size)) return 0;
    const start = Number(position);
    const count = Math.min(buf.length, n.size - start);
    buf.set(n.data.subarray(start, start + count));
    n.atim = nowNs();
    return count;
  }
  #ensure(size: number): void {
    const n = this.node;
    if (size <= n.data.length) return;
    const grown = new Uint8Array(Math.max(size, Math.min(n.data.length * 2, Number(MAX_FILE_SIZE))));
    grown.set(n.data.subarray(0, n.size));
    n.data = grown;
  }
  write(buf: Uint8Array, position: bigint): number {
    const end = position + BigInt(buf.length);
    if (end > MAX_FILE_SIZE) fail(Errno.FBIG);
    const n = this.node;
    const start = Number(position);
    this.#ensure(Number(end));
    if (start > n.size) n.data.fill(0, n.size, start);
    n.data.set(buf, start);
    n.size = Math.max(n.size, Number(end));
    n.mtim = n.ctim = nowNs();
    return buf.length;
  }
  truncate(size: bigint): void {
    if (size > MAX_FILE_SIZE) fail(Errno.FBIG);
    const n = this.node;
    const s = Number(size);
    if (s > n.size) {
      this.#ensure(s);
      n.data.fill(0, n.size, s);
    }
    n.size = s;
    n.mtim = n.ctim = nowNs();
  }
}

/** A symlink opened as a file handle cannot happen (open refuses symlinks); this class is for dirs. */
class MemDir implements FsDirectory {
  readonly kind = 'dir' as const;
  readonly fs: MemFs;
  readonly node: DirNode;
  constructor(fs: MemFs, node: DirNode) {
    this.fs = fs;
    this.node = node;
  }
  stat(): Filestat {
    return statOf(this.node);
  }
  setTimes(atim: bigint | null, mtim: bigint | null): void {
    setTimes(this.node, atim, mtim);
  }
  sync(): void {}
  close(): void {}

  #get(name: string): Inode {
    if (name === '.') return this.node;
    checkName(name);
    const node = this.node.entries.get(name);
    if (node === undefined) return fail(Errno.NOENT, name);
    return node;
  }
  #other(dir: FsDirectory): MemDir {
    if (!(dir instanceof MemDir) || dir.fs !== this.fs) return fail(Errno.XDEV);
    return dir;
  }
  #touch(): void {
    this.node.mtim = this.node.ctim = nowNs();
  }

  lookup(name: string): Filestat {
    return statOf(this.#get(name));
  }

  open(name: string, o: FsOpenOptions): FsFile | FsDirectory {
    let node: Inode | undefined = name === '.' ? this.node : (checkName(name), this.node.entries.get(name));
    if (node !== undefined && o.create && o.exclusive) fail(Errno.EXIST, name);
    if (node === undefined) {
      if (!o.create) return fail(Errno.NOENT, name);
      if (o.directory) return fail(Errno.NOENT, name);
      node = this.fs.newFile();
      this.node.entries.set(name, node);
      this.#touch();
    }
    if (node.kind === 'symlink') return fail(Errno.LOOP, name);
    if (node.kind === 'dir') {
      if (o.write || o.truncate) return fail(Errno.ISDIR, name);
      return new MemDir(this.fs, node);
    }
    if (o.directory) return fail(Errno.NOTDIR, name);
    const f = new MemFile(node);
    if (o.truncate && node.size > 0) f.truncate(0n);
    return f;
  }

  openDir(name: string): FsDirectory {
    const node = this.#get(name);
    if (node.kind === 'symlink') return fail(Errno.LOOP, name);
    if (node.kind !== 'dir') return fail(Errno.NOTDIR, name);
    return new MemDir(this.fs, node);
  }

  mkdir(name: string): void {
    if (name === '.' || this.node.entries.has(name)) fail(Errno.EXIST, name);
    checkName(name);
    this.node.entries.set(name, this.fs.newDirNode(this.node));
    this.node.nlink++;
    this.#touch();
  }

  rmdir(name: string): void {
    if (name === '.') fail(Errno.INVAL);
    const node = this.#get(name);
    if (node.kind !== 'dir') fail(Errno.NOTDIR, name);
    if ((node as DirNode).entries.size > 0) fail(Errno.NOTEMPTY, name);
    this.node.entries.delete(name);
    this.node.nlink--;
    node.nlink = 0n;
    this.#touch();
  }

  unlink(name: string): void {
    const node = this.#get(name);
    if (node.kind === 'dir') fail(Errno.ISDIR, name);
    this.node.entries.delete(name);
    node.nlink--;
    node.ctim = nowNs();
    this.#touch();
  }

  rename(name: string, toDir: FsDirectory, toName: string): void {
    const dest = this.#other(toDir);
    if (name === '.' || toName === '.') fail(Errno.INVAL);
    checkName(toName);
    const node = this.#get(name);
    const existing = dest.node.entries.get(toName);
    if (existing === node) return;
    if (node.kind === 'dir') {
      // A directory cannot move into itself or below itself.
      for (let d: DirNode | null = dest.node; d !== null; d = d.parent) if (d === node) fail(Errno.INVAL, 'rename into own subdirectory');
      if (existing !== undefined) {
        if (existing.kind !== 'dir') fail(Errno.NOTDIR, toName);
        if ((existing as DirNode).entries.size > 0) fail(Errno.NOTEMPTY, toName);
      }
    } else if (existing !== undefined && existing.kind === 'dir') {
      fail(Errno.ISDIR, toName);
    }
    if (existing !== undefined) {
      existing.nlink = existing.kind === 'dir' ? 0n : existing.nlink - 1n;
      if (existing.kind === 'dir') dest.node.nlink--;
    }
    this.node.entries.delete(name);
    dest.node.entries.set(toName, node);
    if (node.kind === 'dir') {
      this.node.nlink--;
      dest.node.nlink++;
      node.parent = dest.node;
    }
    node.ctim = nowNs();
    this.#touch();
    dest.#touch();
  }

  link(name: string, toDir: FsDirectory, toName: string): void {
    const dest = this.#other(toDir);
    const node = this.#get(name);
    if (node.kind === 'dir') fail(Errno.PERM, 'hard link to a directory');
    if (toName === '.' || dest.node.entries.has(toName)) fail(Errno.EXIST, toName);
    checkName(toName);
    dest.node.entries.set(toName, node);
    node.nlink++;
    node.ctim = nowNs();
    dest.#touch();
  }

  symlink(target: string, name: string): void {
    if (name === '.' || this.node.entries.has(name)) fail(Errno.EXIST, name);
    checkName(name);
    this.node.entries.set(name, this.fs.newLink(target));
    this.#touch();
  }

  readlink(name: string): string {
    const node = this.#get(name);
    if (node.kind !== 'symlink') return fail(Errno.INVAL, `${name} is not a symlink`);
    return node.target;
  }

  setTimesAt(name: string, atim: bigint | null, mtim: bigint | null): void {
    setTimes(this.#get(name), atim, mtim);
  }

  readdir(): FsDirEntry[] {
    const d = this.node;
    const out: FsDirEntry[] = [
      { name: '.', ino: d.ino, filetype: Filetype.DIRECTORY },
      { name: '..', ino: (d.parent ?? d).ino, filetype: Filetype.DIRECTORY },
    ];
    for (const [name, node] of d.entries) out.push({ name, ino: node.ino, filetype: statOf(node).filetype });
    return out;
  }
}
