/**
 * The sandbox: turns a guest path relative to a directory descriptor into (opened directory,
 * final name), walking one component at a time through {@link FsDirectory} handles.
 *
 * - An absolute path, or `..` above the starting directory, fails with `ENOTCAPABLE`. Every
 *   directory descriptor is its own root, as in wasmtime (cap-std).
 * - Symlinks are never followed by the host: each one met on the way (and the final one when
 *   asked) is read and its target spliced into the remaining path, under the same rules, so a
 *   target that is absolute or climbs out fails with `ENOTCAPABLE`. At most 40 are expanded
 *   (`ELOOP`).
 * - Intermediate directories are opened with no-follow semantics, so a directory swapped for a
 *   symlink after it was checked fails (`ELOOP`/`ENOTDIR`) instead of escaping.
 * @module
 */
import { Errno, Filetype } from './constants.js';
import { WasiErrnoError } from './errors.js';
import type { FsDirectory } from './fs/types.js';

/** Most symlinks one resolution expands before failing with `ELOOP` (Linux's limit). */
export const MAX_SYMLINK_EXPANSIONS = 40;
/** Most directories held open while walking one path (`ENAMETOOLONG` beyond). */
export const MAX_DEPTH = 256;
/** Longest guest path accepted (bytes); longer ones fail with `ENAMETOOLONG`. */
export const MAX_PATH_BYTES = 4096;

/** A resolved guest path. Call {@link Resolved.release} when done with it. */
export interface Resolved {
  /** The directory holding the final component (the start directory or one opened on the way). */
  readonly dir: FsDirectory;
  /** The final component: a plain name, or `.` when the path names `dir` itself. */
  readonly name: string;
  /** The path ended in `/` (so the final entry must be a directory). */
  readonly trailingSlash: boolean;
  /** Closes the directories opened on the way. */
  release(): void;
}

const fail = (errno: number, detail?: string): never => {
  throw new WasiErrnoError(errno, detail);
};

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a guest path: strict UTF-8 (`EILSEQ`), no NUL (`EINVAL`), bounded length. */
export function decodePath(bytes: Uint8Array): string {
  if (bytes.length > MAX_PATH_BYTES) fail(Errno.NAMETOOLONG);
  let s: string;
  try {
    s = decoder.decode(bytes);
  } catch {
    return fail(Errno.ILSEQ, 'path is not valid UTF-8');
  }
  if (s.includes('\0')) fail(Errno.INVAL, 'path contains NUL');
  return s;
}

/**
 * Resolves `path` relative to `start`. With `follow`, a symlink in the final position is followed
 * too (always when the path ends in `/`). The final entry need not exist. Throws
 * {@link WasiErrnoError} (`ENOENT`, `ENOTDIR`, `ELOOP`, `ENOTCAPABLE`, ...).
 */
export function resolvePath(start: FsDirectory, path: string, follow: boolean): Resolved {
  if (path === '') fail(Errno.NOENT, 'empty path');
  if (path.length > MAX_PATH_BYTES) fail(Errno.NAMETOOLONG);
  const opened: FsDirectory[] = [];
  const stack: FsDirectory[] = [start];
  const release = (): void => {
    for (const d of opened.splice(0)) d.close();
  };
  try {
    if (path.startsWith('/')) fail(Errno.NOTCAPABLE, 'absolute path');
    let trailingSlash = /\/$/.test(path);
    // The components still to walk, in reverse (pop from the end).
    const todo = path.split('/').filter((c) => c !== '').reverse();
    let expansions = 0;
    const top = (): FsDirectory => stack[stack.length - 1]!;
    const pop = (): void => {
      if (stack.length === 1) fail(Errno.NOTCAPABLE, 'path escapes its directory');
      const d = stack.pop()!;
      opened.splice(opened.indexOf(d), 1);
      d.close();
    };
    let final = '.';
    while (todo.length > 0) {
      const c = todo.pop()!;
      const last = todo.length === 0;
      if (c === '.') {
        if (last) final = '.';
        continue;
      }
      if (c === '..') {
        pop();
        if (last) final = '.';
        continue;
      }
      if (c.length > 255) fail(Errno.NAMETOOLONG);
      if (last && !follow && !trailingSlash) {
        final = c;
        break;
      }
      let st;
      try {
        st = top().lookup(c);
      } catch (e) {
        if (last && e instanceof WasiErrnoError && e.errno === Errno.NOENT) {
          final = c;
          break;
        }
        throw e;
      }
      if (st.filetype === Filetype.SYMBOLIC_LINK) {
        if (++expansions > MAX_SYMLINK_EXPANSIONS) fail(Errno.LOOP, 'too many symlinks');
        const target = top().readlink(c);
        if (target === '') fail(Errno.NOENT, 'empty symlink');
        if (target.startsWith('/')) fail(Errno.NOTCAPABLE, 'symlink to an absolute path');
        if (last && target.endsWith('/')) trailingSlash = true;
        const parts = target.split('/').filter((p) => p !== '');
        for (let i = parts.length - 1; i >= 0; i--) todo.push(parts[i]!);
        if (parts.length === 0) final = '.';
        continue;
      }
      if (last) {
        final = c;
        break;
      }
      if (st.filetype !== Filetype.DIRECTORY) fail(Errno.NOTDIR, c);
      if (stack.length > MAX_DEPTH) fail(Errno.NAMETOOLONG, 'path too deep');
      const sub = top().openDir(c);
      opened.push(sub);
      stack.push(sub);
    }
    return { dir: top(), name: final, trailingSlash, release };
  } catch (e) {
    release();
    throw e;
  }
}
