/**
 * The filesystem interface WASI works against. Directories are opened handles, and every
 * operation names one entry of a directory (`name` is a single path component, never containing
 * `/`; it may be `.` for the directory itself where noted). The WASI layer resolves guest paths
 * component by component on top of this interface, so a filesystem never sees `..`, an absolute
 * path or a symlink it is asked to follow: the sandbox lives in one place (see `resolve.ts`).
 * Implementations signal failure by throwing {@link WasiErrnoError}.
 * @module
 */

/** File metadata, as preview1's `filestat` (times in nanoseconds since the Unix epoch). */
export interface Filestat {
  /** Device id. */
  dev: bigint;
  /** Inode number. */
  ino: bigint;
  /** A {@link Filetype} value. */
  filetype: number;
  /** Number of hard links. */
  nlink: bigint;
  /** Size in bytes (for a symlink, the length of its target). */
  size: bigint;
  /** Last access time. */
  atim: bigint;
  /** Last data modification time. */
  mtim: bigint;
  /** Last status change time. */
  ctim: bigint;
}

/** One entry of a directory listing. */
export interface FsDirEntry {
  /** The entry's name (a single component). */
  name: string;
  /** Inode number (0 if unknown). */
  ino: bigint;
  /** A {@link Filetype} value. */
  filetype: number;
}

/** How {@link FsDirectory.open} opens an entry. */
export interface FsOpenOptions {
  /** Create the file if it does not exist. */
  create: boolean;
  /** With `create`: fail with `EEXIST` if it exists. */
  exclusive: boolean;
  /** Truncate an existing regular file to length 0. */
  truncate: boolean;
  /** Fail with `ENOTDIR` unless the entry is a directory. */
  directory: boolean;
  /** Open for reading. */
  read: boolean;
  /** Open for writing (a directory then fails with `EISDIR`). */
  write: boolean;
}

/** What both opened files and opened directories offer. */
export interface FsHandle {
  /** `'file'` or `'dir'`. */
  readonly kind: 'file' | 'dir';
  /** Metadata of the opened object. */
  stat(): Filestat;
  /** Sets the access and/or modification time (nanoseconds); `null` leaves one unchanged. */
  setTimes(atim: bigint | null, mtim: bigint | null): void;
  /** Flushes to stable storage (`dataOnly`: data, not metadata). */
  sync(dataOnly: boolean): void;
  /** Releases the handle. Called once. */
  close(): void;
}

/** An opened file (any non-directory). */
export interface FsFile extends FsHandle {
  /** Always `'file'`. */
  readonly kind: 'file';
  /** Reads into `buf` at byte `position`; returns the count read (0 at end of file). */
  read(buf: Uint8Array, position: bigint): number;
  /** Writes `buf` at byte `position`, extending the file as needed; returns the count written. */
  write(buf: Uint8Array, position: bigint): number;
  /** Sets the size, cutting or extending with zeros. */
  truncate(size: bigint): void;
}

/** An opened directory. */
export interface FsDirectory extends FsHandle {
  /** Always `'dir'`. */
  readonly kind: 'dir';
  /** Metadata of entry `name` (or `.`), not following a symlink (lstat). `ENOENT` if absent. */
  lookup(name: string): Filestat;
  /**
   * Opens entry `name` (or `.`), never following a symlink there (`ELOOP` if it is one). Returns a
   * directory handle when the entry is a directory, a file handle otherwise.
   */
  open(name: string, options: FsOpenOptions): FsFile | FsDirectory;
  /** Opens the sub-directory `name`, never following a symlink (`ELOOP`); `ENOTDIR` if not a dir. */
  openDir(name: string): FsDirectory;
  /** Creates directory `name`. */
  mkdir(name: string): void;
  /** Removes the empty directory `name`. */
  rmdir(name: string): void;
  /** Removes the non-directory entry `name` (`EISDIR` for a directory). */
  unlink(name: string): void;
  /** Moves entry `name` to `toName` in `toDir` (a handle of the same filesystem), replacing it. */
  rename(name: string, toDir: FsDirectory, toName: string): void;
  /** Creates hard link `toName` in `toDir` to the entry `name` (not following a symlink). */
  link(name: string, toDir: FsDirectory, toName: string): void;
  /** Creates symlink `name` whose target is `target` (stored as given). */
  symlink(target: string, name: string): void;
  /** The target of symlink `name` (`EINVAL` if it is not a symlink). */
  readlink(name: string): string;
  /** Sets times of entry `name` (or `.`) without following a symlink; `null` leaves one unchanged. */
  setTimesAt(name: string, atim: bigint | null, mtim: bigint | null): void;
  /** The directory's entries, including `.` and `..`. */
  readdir(): FsDirEntry[];
}

/** Something that can be preopened: gives a fresh handle of its root directory. */
export interface WasiFilesystem {
  /** Opens the root directory of this filesystem. */
  openRoot(): FsDirectory;
}
