/**
 * The `fd_*` functions: reading, writing, seeking, metadata, directory listing, preopen queries,
 * closing and renumbering descriptors.
 * @module
 */
import { Errno, Fdflags, Filetype, Fstflags, Layout, Preopentype, Rights, Whence } from './constants.js';
import type { DirEntry, FdEntry, FileEntry, WasiCtx } from './ctx.js';
import { WasiCtx as Ctx } from './ctx.js';
import { WasiErrnoError } from './errors.js';
import type { GroupEnv, WasiHostFn } from './fn.js';
import type { Filestat, FsHandle } from './fs/types.js';
import type { GuestMemory } from './memory.js';

const fail = (errno: number, detail?: string): never => {
  throw new WasiErrnoError(errno, detail);
};

/** Writes a `filestat` at `ptr`. */
export function writeFilestat(m: GuestMemory, ptr: number, s: Filestat): void {
  const p = m.check(ptr, Layout.FILESTAT_SIZE);
  m.u8.fill(0, p, p + Layout.FILESTAT_SIZE);
  m.setU64(p + Layout.FILESTAT_DEV, s.dev);
  m.setU64(p + Layout.FILESTAT_INO, s.ino);
  m.setU8(p + Layout.FILESTAT_FILETYPE, s.filetype);
  m.setU64(p + Layout.FILESTAT_NLINK, s.nlink);
  m.setU64(p + Layout.FILESTAT_SIZE_FIELD, s.size);
  m.setU64(p + Layout.FILESTAT_ATIM, s.atim);
  m.setU64(p + Layout.FILESTAT_MTIM, s.mtim);
  m.setU64(p + Layout.FILESTAT_CTIM, s.ctim);
}

/**
 * The new (atime, mtime) of a `*_set_times` call: `null` leaves a time unchanged. `EINVAL` when a
 * time is both given and `_NOW`, or unknown flag bits are set.
 */
export function timesFromFlags(ctx: WasiCtx, atim: bigint, mtim: bigint, flags: number): [bigint | null, bigint | null] {
  const f = flags & 0xffff;
  if (f & ~0xf) fail(Errno.INVAL);
  if (f & Fstflags.ATIM && f & Fstflags.ATIM_NOW) fail(Errno.INVAL);
  if (f & Fstflags.MTIM && f & Fstflags.MTIM_NOW) fail(Errno.INVAL);
  const now = f & (Fstflags.ATIM_NOW | Fstflags.MTIM_NOW) ? ctx.clocks.realtime() : 0n;
  const a = f & Fstflags.ATIM ? BigInt.asUintN(64, atim) : f & Fstflags.ATIM_NOW ? now : null;
  const mt = f & Fstflags.MTIM ? BigInt.asUintN(64, mtim) : f & Fstflags.MTIM_NOW ? now : null;
  return [a, mt];
}

function fileOf(e: FdEntry): FileEntry {
  if (e.kind === 'stream') return fail(Errno.SPIPE);
  if (e.kind === 'dir') return fail(Errno.ISDIR);
  return e;
}

function handleOf(e: FdEntry): FsHandle | null {
  return e.kind === 'file' ? e.file : e.kind === 'dir' ? e.dir : null;
}

function streamStat(e: FdEntry): Filestat {
  return { dev: 0n, ino: 0n, filetype: e.kind === 'stream' ? e.filetype : Filetype.UNKNOWN, nlink: 1n, size: 0n, atim: 0n, mtim: 0n, ctim: 0n };
}

/** Reads into the iovecs from a file at `pos`; returns the count, stopping at a short read. */
function readFileInto(e: FileEntry, iovs: Uint8Array[], pos: bigint): number {
  let total = 0;
  for (const iov of iovs) {
    if (iov.length === 0) continue;
    const n = e.file.read(iov, pos + BigInt(total));
    total += n;
    if (n < iov.length) break;
  }
  return total;
}

function writeFileFrom(e: FileEntry, iovs: Uint8Array[], pos: bigint): number {
  let total = 0;
  for (const iov of iovs) {
    if (iov.length === 0) continue;
    const n = e.file.write(iov, pos + BigInt(total));
    total += n;
    if (n < iov.length) break;
  }
  if (e.fdflags & (Fdflags.SYNC | Fdflags.DSYNC)) e.file.sync((e.fdflags & Fdflags.SYNC) === 0);
  return total;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The descriptor functions. */
export function fdFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  const writeTo = (e: FdEntry, iovs: Uint8Array[]): number => {
    if (e.kind === 'stream') {
      if (e.output === null) return fail(Errno.BADF);
      const data = concat(iovs);
      e.output.write(data);
      return data.length;
    }
    const f = fileOf(e);
    const pos = f.fdflags & Fdflags.APPEND ? f.file.stat().size : f.position;
    const n = writeFileFrom(f, iovs, pos);
    f.position = pos + BigInt(n);
    return n;
  };

  const readFrom = (e: FdEntry, iovs: Uint8Array[]): number => {
    if (e.kind === 'stream') {
      if (e.input === null) return fail(Errno.BADF);
      const want = iovs.reduce((n, v) => n + v.length, 0);
      if (want === 0) return 0;
      const data = e.input.read(want);
      let at = 0;
      for (const iov of iovs) {
        if (at >= data.length) break;
        const n = Math.min(iov.length, data.length - at);
        iov.set(data.subarray(at, at + n));
        at += n;
      }
      return at;
    }
    const f = fileOf(e);
    const n = readFileInto(f, iovs, f.position);
    f.position += BigInt(n);
    return n;
  };

  return {
    fd_advise: (fd: number, _offset: bigint, _len: bigint, advice: number) => {
      const e = ctx.getWith(fd, Rights.FD_ADVISE);
      if ((advice >>> 0) > 5) fail(Errno.INVAL);
      fileOf(e);
      return Errno.SUCCESS;
    },
    fd_allocate: (fd: number, offset: bigint, len: bigint) => {
      const f = fileOf(ctx.getWith(fd, Rights.FD_ALLOCATE));
      const o = BigInt.asUintN(64, offset);
      const l = BigInt.asUintN(64, len);
      if (l === 0n) fail(Errno.INVAL);
      const end = o + l;
      if (end > BigInt(Number.MAX_SAFE_INTEGER)) fail(Errno.FBIG);
      if (f.file.stat().size < end) f.file.truncate(end);
      return Errno.SUCCESS;
    },
    fd_close: (fd: number) => {
      const e = ctx.get(fd);
      ctx.fds.delete(fd >>> 0);
      Ctx.release(e);
      return Errno.SUCCESS;
    },
    fd_datasync: (fd: number) => {
      const e = ctx.getWith(fd, Rights.FD_DATASYNC);
      if (e.kind === 'stream') e.output?.flush?.();
      else handleOf(e)!.sync(true);
      return Errno.SUCCESS;
    },
    fd_sync: (fd: number) => {
      const e = ctx.getWith(fd, Rights.FD_SYNC);
      if (e.kind === 'stream') e.output?.flush?.();
      else handleOf(e)!.sync(false);
      return Errno.SUCCESS;
    },
    fd_fdstat_get: (fd: number, ptr: number) => {
      const e = ctx.get(fd);
      const m = mem();
      const p = m.check(ptr, Layout.FDSTAT_SIZE);
      const filetype = e.kind === 'stream' ? e.filetype : e.kind === 'dir' ? Filetype.DIRECTORY : e.file.stat().filetype;
      m.u8.fill(0, p, p + Layout.FDSTAT_SIZE);
      m.setU8(p + Layout.FDSTAT_FILETYPE, filetype);
      m.setU16(p + Layout.FDSTAT_FLAGS, e.fdflags);
      m.setU64(p + Layout.FDSTAT_RIGHTS_BASE, e.rightsBase);
      m.setU64(p + Layout.FDSTAT_RIGHTS_INHERITING, e.rightsInheriting);
      return Errno.SUCCESS;
    },
    fd_fdstat_set_flags: (fd: number, flags: number) => {
      const e = ctx.getWith(fd, Rights.FD_FDSTAT_SET_FLAGS);
      const f = flags & 0xffff;
      if (f & ~0x1f) fail(Errno.INVAL);
      if (e.kind === 'file' && f & Fdflags.APPEND && !e.perms.write) fail(Errno.ROFS);
      e.fdflags = f;
      return Errno.SUCCESS;
    },
    fd_fdstat_set_rights: (fd: number, base: bigint, inheriting: bigint) => {
      const e = ctx.get(fd);
      const b = BigInt.asUintN(64, base);
      const i = BigInt.asUintN(64, inheriting);
      if ((b & ~e.rightsBase) !== 0n || (i & ~e.rightsInheriting) !== 0n) fail(Errno.NOTCAPABLE);
      e.rightsBase = b;
      e.rightsInheriting = i;
      return Errno.SUCCESS;
    },
    fd_filestat_get: (fd: number, ptr: number) => {
      const e = ctx.getWith(fd, Rights.FD_FILESTAT_GET);
      const h = handleOf(e);
      writeFilestat(mem(), ptr, h === null ? streamStat(e) : h.stat());
      return Errno.SUCCESS;
    },
    fd_filestat_set_size: (fd: number, size: bigint) => {
      const f = fileOf(ctx.getWith(fd, Rights.FD_FILESTAT_SET_SIZE));
      if (!f.perms.write) fail(Errno.ROFS);
      const s = BigInt.asUintN(64, size);
      if (s > BigInt(Number.MAX_SAFE_INTEGER)) fail(Errno.FBIG);
      f.file.truncate(s);
      return Errno.SUCCESS;
    },
    fd_filestat_set_times: (fd: number, atim: bigint, mtim: bigint, flags: number) => {
      const e = ctx.getWith(fd, Rights.FD_FILESTAT_SET_TIMES);
      const h = handleOf(e);
      if (h === null) return fail(Errno.BADF);
      if (e.kind !== 'stream' && !e.perms.write) fail(Errno.ROFS);
      const [a, m] = timesFromFlags(ctx, atim, mtim, flags);
      if (a !== null || m !== null) h.setTimes(a, m);
      return Errno.SUCCESS;
    },
    fd_pread: (fd: number, iovs: number, iovsLen: number, offset: bigint, nreadPtr: number) => {
      const e = ctx.get(fd);
      const f = fileOf(e);
      if ((f.rightsBase & (Rights.FD_READ | Rights.FD_SEEK)) !== (Rights.FD_READ | Rights.FD_SEEK)) fail(Errno.NOTCAPABLE);
      const m = mem();
      m.check(nreadPtr, 4);
      const n = readFileInto(f, m.iovecs(iovs, iovsLen), BigInt.asUintN(64, offset));
      m.setU32(nreadPtr, n);
      return Errno.SUCCESS;
    },
    fd_pwrite: (fd: number, iovs: number, iovsLen: number, offset: bigint, nwrittenPtr: number) => {
      const e = ctx.get(fd);
      const f = fileOf(e);
      if ((f.rightsBase & (Rights.FD_WRITE | Rights.FD_SEEK)) !== (Rights.FD_WRITE | Rights.FD_SEEK)) fail(Errno.NOTCAPABLE);
      const m = mem();
      m.check(nwrittenPtr, 4);
      const n = writeFileFrom(f, m.iovecs(iovs, iovsLen), BigInt.asUintN(64, offset));
      m.setU32(nwrittenPtr, n);
      return Errno.SUCCESS;
    },
    fd_read: (fd: number, iovs: number, iovsLen: number, nreadPtr: number) => {
      const e = ctx.getWith(fd, Rights.FD_READ);
      const m = mem();
      m.check(nreadPtr, 4);
      const n = readFrom(e, m.iovecs(iovs, iovsLen));
      mem().setU32(nreadPtr, n);
      return Errno.SUCCESS;
    },
    fd_write: (fd: number, iovs: number, iovsLen: number, nwrittenPtr: number) => {
      const e = ctx.getWith(fd, Rights.FD_WRITE);
      const m = mem();
      m.check(nwrittenPtr, 4);
      const n = writeTo(e, m.iovecs(iovs, iovsLen));
      m.setU32(nwrittenPtr, n);
      return Errno.SUCCESS;
    },
    fd_prestat_get: (fd: number, ptr: number) => {
      const e = ctx.get(fd);
      if (e.kind !== 'dir' || e.preopenPath === null) return fail(Errno.BADF);
      const m = mem();
      const p = m.check(ptr, Layout.PRESTAT_SIZE);
      m.u8.fill(0, p, p + Layout.PRESTAT_SIZE);
      m.setU8(p + Layout.PRESTAT_TAG, Preopentype.DIR);
      m.setU32(p + Layout.PRESTAT_NAME_LEN, new TextEncoder().encode(e.preopenPath).length);
      return Errno.SUCCESS;
    },
    fd_prestat_dir_name: (fd: number, path: number, len: number) => {
      const e = ctx.get(fd);
      if (e.kind !== 'dir' || e.preopenPath === null) return fail(Errno.BADF);
      const name = new TextEncoder().encode(e.preopenPath);
      if ((len >>> 0) < name.length) fail(Errno.NAMETOOLONG);
      mem().bytes(path, name.length).set(name);
      return Errno.SUCCESS;
    },
    fd_readdir: (fd: number, buf: number, bufLen: number, cookie: bigint, usedPtr: number) => {
      const e = ctx.getWith(fd, Rights.FD_READDIR);
      if (e.kind !== 'dir') return fail(Errno.NOTDIR);
      const d: DirEntry = e;
      const m = mem();
      m.check(usedPtr, 4);
      const out = m.bytes(buf, bufLen);
      const start = BigInt.asUintN(64, cookie);
      if (start === 0n || d.listing === null) d.listing = d.dir.readdir();
      const enc = new TextEncoder();
      let used = 0;
      for (let i = start; i < BigInt(d.listing.length) && used < out.length; i++) {
        const ent = d.listing[Number(i)]!;
        const name = enc.encode(ent.name);
        const rec = new Uint8Array(Layout.DIRENT_SIZE + name.length);
        const dv = new DataView(rec.buffer);
        dv.setBigUint64(Layout.DIRENT_NEXT, i + 1n, true);
        dv.setBigUint64(Layout.DIRENT_INO, ent.ino, true);
        dv.setUint32(Layout.DIRENT_NAMLEN, name.length, true);
        dv.setUint8(Layout.DIRENT_TYPE, ent.filetype);
        rec.set(name, Layout.DIRENT_SIZE);
        const n = Math.min(rec.length, out.length - used);
        out.set(rec.subarray(0, n), used);
        used += n;
      }
      m.setU32(usedPtr, used);
      return Errno.SUCCESS;
    },
    fd_renumber: (from: number, to: number) => {
      const src = ctx.get(from);
      if (from === to) return Errno.SUCCESS;
      // `to` may be free (as in wasmtime): Yosys parks stdout on a spare number and brings it back.
      // Releasing a replaced entry never closes a host stdio descriptor (streams are only flushed).
      const dst = ctx.fds.get(to >>> 0);
      if (dst !== undefined) Ctx.release(dst);
      ctx.fds.set(to >>> 0, src);
      ctx.fds.delete(from >>> 0);
      return Errno.SUCCESS;
    },
    fd_seek: (fd: number, offset: bigint, whence: number, newOffsetPtr: number) => {
      const e = ctx.get(fd);
      const f = fileOf(e);
      const off = BigInt.asIntN(64, offset);
      const tellOnly = off === 0n && whence === Whence.CUR;
      if ((f.rightsBase & Rights.FD_SEEK) === 0n && !(tellOnly && (f.rightsBase & Rights.FD_TELL) !== 0n)) fail(Errno.NOTCAPABLE);
      const m = mem();
      m.check(newOffsetPtr, 8);
      let base: bigint;
      switch (whence) {
        case Whence.SET: base = 0n; break;
        case Whence.CUR: base = f.position; break;
        case Whence.END: base = f.file.stat().size; break;
        default: return fail(Errno.INVAL);
      }
      const pos = base + off;
      if (pos < 0n || pos > 0x7fff_ffff_ffff_ffffn) fail(Errno.INVAL);
      f.position = pos;
      m.setU64(newOffsetPtr, pos);
      return Errno.SUCCESS;
    },
    fd_tell: (fd: number, ptr: number) => {
      const f = fileOf(ctx.get(fd));
      if ((f.rightsBase & Rights.FD_TELL) === 0n) fail(Errno.NOTCAPABLE);
      mem().setU64(ptr, f.position);
      return Errno.SUCCESS;
    },
  };
}
