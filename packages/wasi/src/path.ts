/**
 * The `path_*` functions: every one resolves its guest path through the sandbox in `resolve.ts`
 * and then acts on a single entry of an opened directory.
 * @module
 */
import { Errno, Filetype, Fdflags, Lookupflags, Oflags, RIGHTS_DIRECTORY, RIGHTS_FILE, Rights } from './constants.js';
import type { DirEntry, FdEntry } from './ctx.js';
import { WasiErrnoError } from './errors.js';
import { timesFromFlags, writeFilestat } from './fd.js';
import type { GroupEnv, WasiHostFn } from './fn.js';
import type { FsFile, FsDirectory } from './fs/types.js';
import type { GuestMemory } from './memory.js';
import { decodePath, resolvePath } from './resolve.js';
import type { Resolved } from './resolve.js';

const fail = (errno: number, detail?: string): never => {
  throw new WasiErrnoError(errno, detail);
};

/** The directory entry behind `fd` with `rights`; `ENOTDIR` if `fd` is not a directory. */
function dirOf(e: FdEntry, rights: bigint): DirEntry {
  if ((e.rightsBase & rights) !== rights) fail(Errno.NOTCAPABLE);
  if (e.kind !== 'dir') return fail(Errno.NOTDIR);
  return e;
}

function writable(d: DirEntry): void {
  if (!d.perms.write) fail(Errno.ROFS);
}

/** Runs `f` on a resolved path and releases it afterwards. */
function at<T>(m: GuestMemory, d: DirEntry, ptr: number, len: number, follow: boolean, f: (r: Resolved) => T): T {
  const path = decodePath(m.bytes(ptr, len));
  const r = resolvePath(d.dir, path, follow);
  try {
    return f(r);
  } finally {
    r.release();
  }
}

/** The path functions. */
export function pathFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  return {
    path_create_directory: (fd: number, path: number, len: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_CREATE_DIRECTORY);
      writable(d);
      at(mem(), d, path, len, false, (r) => {
        if (r.name === '.') fail(Errno.EXIST);
        r.dir.mkdir(r.name);
      });
      return Errno.SUCCESS;
    },

    path_filestat_get: (fd: number, flags: number, path: number, len: number, buf: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_FILESTAT_GET);
      const m = mem();
      const st = at(m, d, path, len, (flags & Lookupflags.SYMLINK_FOLLOW) !== 0, (r) => {
        const s = r.dir.lookup(r.name);
        if (r.trailingSlash && s.filetype !== Filetype.DIRECTORY) fail(Errno.NOTDIR);
        return s;
      });
      writeFilestat(m, buf, st);
      return Errno.SUCCESS;
    },

    path_filestat_set_times: (fd: number, flags: number, path: number, len: number, atim: bigint, mtim: bigint, fst: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_FILESTAT_SET_TIMES);
      writable(d);
      const [a, mt] = timesFromFlags(ctx, atim, mtim, fst);
      at(mem(), d, path, len, (flags & Lookupflags.SYMLINK_FOLLOW) !== 0, (r) => {
        if (r.trailingSlash && r.dir.lookup(r.name).filetype !== Filetype.DIRECTORY) fail(Errno.NOTDIR);
        r.dir.setTimesAt(r.name, a, mt);
      });
      return Errno.SUCCESS;
    },

    path_link: (oldFd: number, oldFlags: number, oldPath: number, oldLen: number, newFd: number, newPath: number, newLen: number) => {
      const src = dirOf(ctx.get(oldFd), Rights.PATH_LINK_SOURCE);
      const dst = dirOf(ctx.get(newFd), Rights.PATH_LINK_TARGET);
      writable(dst);
      const m = mem();
      at(m, src, oldPath, oldLen, (oldFlags & Lookupflags.SYMLINK_FOLLOW) !== 0, (from) => {
        if (from.name === '.') fail(Errno.PERM);
        const s = from.dir.lookup(from.name);
        if (s.filetype === Filetype.DIRECTORY) fail(Errno.PERM);
        if (from.trailingSlash) fail(Errno.NOTDIR);
        at(m, dst, newPath, newLen, false, (to) => {
          if (to.name === '.') fail(Errno.EXIST);
          if (to.trailingSlash) fail(Errno.NOENT);
          from.dir.link(from.name, to.dir, to.name);
        });
      });
      return Errno.SUCCESS;
    },

    path_open: (
      fd: number, dirflags: number, path: number, len: number, oflags: number,
      base: bigint, inheriting: bigint, fdflags: number, outPtr: number,
    ) => {
      const o = oflags & 0xffff;
      const ff = fdflags & 0xffff;
      if (o & ~0xf || ff & ~0x1f) fail(Errno.INVAL);
      let need = Rights.PATH_OPEN;
      if (o & Oflags.CREAT) need |= Rights.PATH_CREATE_FILE;
      if (o & Oflags.TRUNC) need |= Rights.PATH_FILESTAT_SET_SIZE;
      const d = dirOf(ctx.get(fd), need);
      const b = BigInt.asUintN(64, base) & d.rightsInheriting;
      const inh = BigInt.asUintN(64, inheriting) & d.rightsInheriting;
      const wantsWrite = (b & (Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE)) !== 0n ||
        (o & Oflags.TRUNC) !== 0 || (ff & Fdflags.APPEND) !== 0;
      const wantsRead = (b & (Rights.FD_READ | Rights.FD_READDIR)) !== 0n;
      if (wantsWrite && !d.perms.write) fail(Errno.ROFS);
      if (wantsRead && !d.perms.read) fail(Errno.ACCES);
      const m = mem();
      m.check(outPtr, 4);
      const handle = at(m, d, path, len, (dirflags & Lookupflags.SYMLINK_FOLLOW) !== 0, (r): FsFile | FsDirectory => {
        if (r.name === '.' && o & Oflags.CREAT && o & Oflags.EXCL) fail(Errno.EXIST);
        let create = (o & Oflags.CREAT) !== 0;
        if (create && !d.perms.write) {
          // A read-only preopen may still open an existing file with O_CREAT.
          let exists = true;
          try {
            r.dir.lookup(r.name);
          } catch {
            exists = false;
          }
          if (!exists || o & Oflags.EXCL) fail(Errno.ROFS);
          create = false;
        }
        if (r.trailingSlash && create) {
          let exists = true;
          try {
            r.dir.lookup(r.name);
          } catch {
            exists = false;
          }
          if (!exists) fail(Errno.ISDIR);
        }
        return r.dir.open(r.name, {
          create,
          exclusive: (o & Oflags.EXCL) !== 0,
          truncate: (o & Oflags.TRUNC) !== 0,
          directory: (o & Oflags.DIRECTORY) !== 0 || r.trailingSlash,
          read: wantsRead || !wantsWrite,
          write: wantsWrite,
        });
      });
      let newFd: number;
      try {
        newFd = ctx.insert(
          handle.kind === 'dir'
            ? { kind: 'dir', dir: handle, preopenPath: null, perms: d.perms, listing: null, rightsBase: b & RIGHTS_DIRECTORY, rightsInheriting: inh, fdflags: ff }
            : { kind: 'file', file: handle, position: 0n, perms: d.perms, rightsBase: b & RIGHTS_FILE, rightsInheriting: inh, fdflags: ff },
        );
      } catch (e) {
        handle.close();
        throw e;
      }
      m.setU32(outPtr, newFd);
      return Errno.SUCCESS;
    },

    path_readlink: (fd: number, path: number, len: number, buf: number, bufLen: number, usedPtr: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_READLINK);
      const m = mem();
      m.check(usedPtr, 4);
      const out = m.bytes(buf, bufLen);
      const target = at(m, d, path, len, false, (r) => {
        if (r.name === '.') fail(Errno.INVAL);
        return r.dir.readlink(r.name);
      });
      const bytes = new TextEncoder().encode(target);
      const n = Math.min(bytes.length, out.length);
      out.set(bytes.subarray(0, n));
      m.setU32(usedPtr, n);
      return Errno.SUCCESS;
    },

    path_remove_directory: (fd: number, path: number, len: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_REMOVE_DIRECTORY);
      writable(d);
      at(mem(), d, path, len, false, (r) => {
        if (r.name === '.') fail(Errno.INVAL);
        r.dir.rmdir(r.name);
      });
      return Errno.SUCCESS;
    },

    path_rename: (fd: number, oldPath: number, oldLen: number, newFd: number, newPath: number, newLen: number) => {
      const src = dirOf(ctx.get(fd), Rights.PATH_RENAME_SOURCE);
      const dst = dirOf(ctx.get(newFd), Rights.PATH_RENAME_TARGET);
      writable(src);
      writable(dst);
      const m = mem();
      at(m, src, oldPath, oldLen, false, (from) => {
        at(m, dst, newPath, newLen, false, (to) => {
          if (from.name === '.' || to.name === '.') fail(Errno.BUSY);
          if (from.trailingSlash || to.trailingSlash) {
            if (from.dir.lookup(from.name).filetype !== Filetype.DIRECTORY) fail(Errno.NOTDIR);
          }
          from.dir.rename(from.name, to.dir, to.name);
        });
      });
      return Errno.SUCCESS;
    },

    path_symlink: (oldPath: number, oldLen: number, fd: number, newPath: number, newLen: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_SYMLINK);
      writable(d);
      const m = mem();
      const target = decodePath(m.bytes(oldPath, oldLen));
      if (target === '') fail(Errno.NOENT);
      at(m, d, newPath, newLen, false, (r) => {
        if (r.name === '.') fail(Errno.EXIST);
        if (r.trailingSlash) {
          let exists = true;
          try {
            r.dir.lookup(r.name);
          } catch {
            exists = false;
          }
          fail(exists ? Errno.EXIST : Errno.NOENT);
        }
        r.dir.symlink(target, r.name);
      });
      return Errno.SUCCESS;
    },

    path_unlink_file: (fd: number, path: number, len: number) => {
      const d = dirOf(ctx.get(fd), Rights.PATH_UNLINK_FILE);
      writable(d);
      at(mem(), d, path, len, false, (r) => {
        if (r.name === '.') fail(Errno.ISDIR);
        if (r.trailingSlash) {
          fail(r.dir.lookup(r.name).filetype === Filetype.DIRECTORY ? Errno.ISDIR : Errno.NOTDIR);
        }
        r.dir.unlink(r.name);
      });
      return Errno.SUCCESS;
    },
  };
}
