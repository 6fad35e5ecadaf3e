import { describe, expect, it } from 'vitest';
import {
  Errno, Fdflags, Filetype, Fstflags, Lookupflags, Oflags, RIGHTS_DIRECTORY, RIGHTS_FILE, Rights, Signal,
} from './constants.js';
import { WasiCtxBuilder } from './ctx.js';
import type { WasiCtx } from './ctx.js';
import { WasiExit, WasiSignal } from './errors.js';
import { MemFs } from './fs/memfs.js';
import { WASI_FUNC_TYPES, wasiImports } from './imports.js';
import { CaptureOutputStream } from './streams.js';

/** A guest stand-in: a memory, a bump allocator and the import table. */
function guest(ctx: WasiCtx) {
  const memory = { buffer: new ArrayBuffer(1 << 18) };
  const w = wasiImports(ctx, () => memory);
  let top = 1024;
  const dv = () => new DataView(memory.buffer);
  const u8 = () => new Uint8Array(memory.buffer);
  const alloc = (n: number) => {
    const p = top;
    top += (n + 7) & ~7;
    return p;
  };
  const str = (s: string): [number, number] => {
    const b = new TextEncoder().encode(s);
    const p = alloc(b.length);
    u8().set(b, p);
    return [p, b.length];
  };
  const call = (name: string, ...args: (number | bigint)[]) => w[name]!(...args) as number;
  const u32 = (p: number) => dv().getUint32(p, true);
  const u64 = (p: number) => dv().getBigUint64(p, true);
  const iov = (data: Uint8Array | number): number => {
    const len = typeof data === 'number' ? data : data.length;
    const buf = alloc(len);
    if (typeof data !== 'number') u8().set(data, buf);
    const v = alloc(8);
    dv().setUint32(v, buf, true);
    dv().setUint32(v + 4, len, true);
    return v;
  };
  const open = (dirfd: number, path: string, oflags = 0, base = RIGHTS_FILE, fdflags = 0, lookup = 0): number | string => {
    const [p, l] = str(path);
    const out = alloc(4);
    const e = call('path_open', dirfd, lookup, p, l, oflags, base, RIGHTS_FILE | RIGHTS_DIRECTORY, fdflags, out);
    return e === 0 ? u32(out) : `errno ${e}`;
  };
  const write = (fd: number, text: string): number => {
    const v = iov(new TextEncoder().encode(text));
    const n = alloc(4);
    const e = call('fd_write', fd, v, 1, n);
    return e === 0 ? u32(n) : -e;
  };
  const read = (fd: number, max = 256): string | number => {
    const v = iov(max);
    const n = alloc(4);
    const e = call('fd_read', fd, v, 1, n);
    if (e !== 0) return -e;
    return new TextDecoder().decode(u8().subarray(u32(v), u32(v) + u32(n)));
  };
  return { memory, w, alloc, str, call, u32, u64, dv, u8, iov, open, write, read };
}

function memCtx(perms = {}) {
  const fs = new MemFs();
  const stdout = new CaptureOutputStream();
  const stderr = new CaptureOutputStream();
  const ctx = new WasiCtxBuilder().args(['prog', 'ä']).env([['A', '1'], ['B', 'two']]).stdin('line1\nline2\n')
    .stdout(stdout).stderr(stderr).preopenedFs(fs, '/sandbox', perms).build();
  return { fs, ctx, stdout, stderr, g: guest(ctx) };
}

describe('wasiImports', () => {
  it('defines exactly the preview1 functions with their types', () => {
    const { g } = memCtx();
    expect(Object.keys(g.w).sort()).toEqual(Object.keys(WASI_FUNC_TYPES).sort());
    expect(Object.keys(WASI_FUNC_TYPES)).toHaveLength(46);
    expect(WASI_FUNC_TYPES.path_open).toEqual({ params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i64', 'i64', 'i32', 'i32'], results: ['i32'] });
    expect(WASI_FUNC_TYPES.proc_exit).toEqual({ params: ['i32'], results: [] });
    expect(WASI_FUNC_TYPES.sched_yield).toEqual({ params: [], results: ['i32'] });
  });

  it('lays out args and environ as C expects', () => {
    const { g } = memCtx();
    const [c, s] = [g.alloc(4), g.alloc(4)];
    expect(g.call('args_sizes_get', c, s)).toBe(0);
    expect([g.u32(c), g.u32(s)]).toEqual([2, 5 + 3]);
    const argv = g.alloc(8);
    const buf = g.alloc(8);
    expect(g.call('args_get', argv, buf)).toBe(0);
    expect(g.u32(argv)).toBe(buf);
    expect(g.u32(argv + 4)).toBe(buf + 5);
    expect([...g.u8().subarray(buf, buf + 8)]).toEqual([112, 114, 111, 103, 0, 0xc3, 0xa4, 0]);
    expect(g.call('environ_sizes_get', c, s)).toBe(0);
    expect([g.u32(c), g.u32(s)]).toEqual([2, 4 + 6]);
    // Out-of-bounds pointers fail with EFAULT instead of throwing.
    expect(g.call('args_get', 0xffff0000, buf)).toBe(Errno.FAULT);
    expect(g.call('args_sizes_get', -1, s)).toBe(Errno.FAULT);
  });

  it('reads stdin and writes stdout/stderr', () => {
    const { g, stdout, stderr } = memCtx();
    expect(g.read(0, 3)).toBe('lin');
    expect(g.read(0)).toBe('e1\nline2\n');
    expect(g.read(0)).toBe('');
    expect(g.write(1, 'out')).toBe(3);
    expect(g.write(2, 'err')).toBe(3);
    expect(stdout.text()).toBe('out');
    expect(stderr.text()).toBe('err');
    expect(g.write(0, 'x')).toBe(-Errno.NOTCAPABLE);
    expect(g.write(77, 'x')).toBe(-Errno.BADF);
    const st = g.alloc(24);
    expect(g.call('fd_fdstat_get', 1, st)).toBe(0);
    expect(g.u8()[st]).toBe(Filetype.UNKNOWN);
    expect(g.u64(st + 8) & Rights.FD_SEEK).toBe(0n);
    expect(g.call('fd_seek', 1, 0n, 0, g.alloc(8))).toBe(Errno.SPIPE);
  });

  it('reports the preopen', () => {
    const { g } = memCtx();
    const ps = g.alloc(8);
    expect(g.call('fd_prestat_get', 3, ps)).toBe(0);
    expect([g.u8()[ps], g.u32(ps + 4)]).toEqual([0, 8]);
    const name = g.alloc(8);
    expect(g.call('fd_prestat_dir_name', 3, name, 8)).toBe(0);
    expect(new TextDecoder().decode(g.u8().subarray(name, name + 8))).toBe('/sandbox');
    expect(g.call('fd_prestat_dir_name', 3, name, 4)).toBe(Errno.NAMETOOLONG);
    expect(g.call('fd_prestat_get', 4, ps)).toBe(Errno.BADF);
    expect(g.call('fd_prestat_get', 1, ps)).toBe(Errno.BADF);
  });

  it('opens, writes, seeks, appends and stats files', () => {
    const { g, fs } = memCtx();
    expect(g.open(3, 'f.txt')).toBe(`errno ${Errno.NOENT}`);
    const fd = g.open(3, 'f.txt', Oflags.CREAT) as number;
    expect(fd).toBe(4);
    expect(g.write(fd, 'hello')).toBe(5);
    const pos = g.alloc(8);
    expect(g.call('fd_seek', fd, -2n, 1, pos)).toBe(0);
    expect(g.u64(pos)).toBe(3n);
    expect(g.call('fd_seek', fd, -10n, 1, pos)).toBe(Errno.INVAL);
    expect(g.call('fd_seek', fd, 0n, 9, pos)).toBe(Errno.INVAL);
    expect(g.read(fd)).toBe('lo');
    expect(g.call('fd_tell', fd, pos)).toBe(0);
    expect(g.u64(pos)).toBe(5n);
    expect(g.call('fd_fdstat_set_flags', fd, Fdflags.APPEND)).toBe(0);
    expect(g.call('fd_seek', fd, 0n, 0, pos)).toBe(0);
    expect(g.write(fd, '!')).toBe(1);
    expect(new TextDecoder().decode(fs.readFile('f.txt'))).toBe('hello!');
    const st = g.alloc(64);
    expect(g.call('fd_filestat_get', fd, st)).toBe(0);
    expect(g.u8()[st + 16]).toBe(Filetype.REGULAR_FILE);
    expect(g.u64(st + 32)).toBe(6n);
    expect(g.call('fd_filestat_set_size', fd, 2n)).toBe(0);
    expect(g.call('fd_filestat_set_times', fd, 7n, 9n, Fstflags.ATIM | Fstflags.MTIM)).toBe(0);
    expect(g.call('fd_filestat_get', fd, st)).toBe(0);
    expect([g.u64(st + 32), g.u64(st + 40), g.u64(st + 48)]).toEqual([2n, 7n, 9n]);
    expect(g.call('fd_filestat_set_times', fd, 7n, 9n, Fstflags.ATIM | Fstflags.ATIM_NOW)).toBe(Errno.INVAL);
    expect(g.call('fd_allocate', fd, 0n, 100n)).toBe(0);
    expect(fs.readFile('f.txt').length).toBe(100);
    expect(g.call('fd_close', fd)).toBe(0);
    expect(g.call('fd_close', fd)).toBe(Errno.BADF);
    expect(g.open(3, 'f.txt', Oflags.CREAT | Oflags.EXCL)).toBe(`errno ${Errno.EXIST}`);
    // Read-only rights: writes fail, pread works.
    const ro = g.open(3, 'f.txt', 0, Rights.FD_READ | Rights.FD_SEEK) as number;
    expect(g.write(ro, 'x')).toBe(-Errno.NOTCAPABLE);
    expect(g.call('fd_fdstat_set_rights', ro, Rights.FD_READ | Rights.FD_WRITE, 0n)).toBe(Errno.NOTCAPABLE);
    expect(g.call('fd_fdstat_set_rights', ro, Rights.FD_READ, 0n)).toBe(0);
    expect(g.call('fd_pread', ro, g.iov(4), 1, 0n, g.alloc(4))).toBe(Errno.NOTCAPABLE);
  });

  it('lists directories with resumable cookies', () => {
    const { g, fs } = memCtx();
    for (let i = 0; i < 20; i++) fs.writeFile(`dir/file-${String(i).padStart(2, '0')}`, 'x');
    const d = g.open(3, 'dir', Oflags.DIRECTORY, RIGHTS_DIRECTORY) as number;
    const names: string[] = [];
    let cookie = 0n;
    const buf = g.alloc(64);
    const used = g.alloc(4);
    for (let guard = 0; guard < 100; guard++) {
      expect(g.call('fd_readdir', d, buf, 64, cookie, used)).toBe(0);
      // Parse whole entries; the last one may be cut off.
      let at = 0;
      let progressed = false;
      while (at + 24 <= g.u32(used)) {
        const namlen = g.u32(buf + at + 16);
        if (at + 24 + namlen > g.u32(used)) break;
        names.push(new TextDecoder().decode(g.u8().subarray(buf + at + 24, buf + at + 24 + namlen)));
        cookie = g.u64(buf + at);
        at += 24 + namlen;
        progressed = true;
      }
      if (g.u32(used) < 64) break;
      expect(progressed).toBe(true);
    }
    expect(names.sort()).toEqual(['.', '..', ...Array.from({ length: 20 }, (_, i) => `file-${String(i).padStart(2, '0')}`)]);
    expect(g.call('fd_readdir', 1, buf, 64, 0n, used)).toBe(Errno.NOTCAPABLE);
  });

  it('renumbers without closing stdout (the Yosys pattern)', () => {
    const { g, stdout, fs } = memCtx();
    const spare = g.open(3, 'spare', Oflags.CREAT) as number;
    const tmp = g.open(3, 'captured', Oflags.CREAT) as number;
    // Park stdout on the spare number, put the file at 1, write, then bring stdout back.
    expect(g.call('fd_renumber', 1, spare)).toBe(0);
    expect(g.call('fd_renumber', tmp, 1)).toBe(0);
    expect(g.write(1, 'to file')).toBe(7);
    expect(g.call('fd_renumber', spare, 1)).toBe(0);
    expect(g.write(1, 'to stdout')).toBe(9);
    expect(stdout.text()).toBe('to stdout');
    expect(new TextDecoder().decode(fs.readFile('captured'))).toBe('to file');
    expect(g.call('fd_renumber', 99, 1)).toBe(Errno.BADF);
    expect(g.write(spare, 'x')).toBe(-Errno.BADF);
  });

  it('creates, links, renames and removes through paths', () => {
    const { g, fs } = memCtx();
    const p = (s: string) => g.str(s);
    expect(g.call('path_create_directory', 3, ...p('d'))).toBe(0);
    expect(g.call('path_create_directory', 3, ...p('d'))).toBe(Errno.EXIST);
    fs.writeFile('d/f', 'data');
    expect(g.call('path_link', 3, 0, ...p('d/f'), 3, ...p('hard'))).toBe(0);
    expect(g.call('path_symlink', ...p('d/f'), 3, ...p('soft'))).toBe(0);
    const used = g.alloc(4);
    const buf = g.alloc(16);
    expect(g.call('path_readlink', 3, ...p('soft'), buf, 16, used)).toBe(0);
    expect(new TextDecoder().decode(g.u8().subarray(buf, buf + g.u32(used)))).toBe('d/f');
    const st = g.alloc(64);
    expect(g.call('path_filestat_get', 3, 0, ...p('soft'), st)).toBe(0);
    expect(g.u8()[st + 16]).toBe(Filetype.SYMBOLIC_LINK);
    expect(g.call('path_filestat_get', 3, Lookupflags.SYMLINK_FOLLOW, ...p('soft'), st)).toBe(0);
    expect([g.u8()[st + 16], g.u64(st + 24), g.u64(st + 32)]).toEqual([Filetype.REGULAR_FILE, 2n, 4n]);
    expect(g.call('path_rename', 3, ...p('d'), 3, ...p('e'))).toBe(0);
    expect(g.call('path_remove_directory', 3, ...p('e'))).toBe(Errno.NOTEMPTY);
    expect(g.call('path_unlink_file', 3, ...p('e'))).toBe(Errno.ISDIR);
    expect(g.call('path_unlink_file', 3, ...p('e/f/'))).toBe(Errno.NOTDIR);
    expect(g.call('path_unlink_file', 3, ...p('e/f'))).toBe(0);
    expect(g.call('path_remove_directory', 3, ...p('e'))).toBe(0);
    expect(g.call('path_filestat_set_times', 3, 0, ...p('hard'), 1n, 2n, Fstflags.ATIM | Fstflags.MTIM)).toBe(0);
    expect(g.call('path_filestat_get', 3, 0, ...p('hard'), st)).toBe(0);
    expect([g.u64(st + 40), g.u64(st + 48)]).toEqual([1n, 2n]);
    expect(fs.list()).toEqual(['hard', 'soft']);
    // Paths must be valid UTF-8, and the directory must be a directory.
    const bad = g.alloc(2);
    g.u8().set([0xff, 0xfe], bad);
    expect(g.call('path_create_directory', 3, bad, 2)).toBe(Errno.ILSEQ);
    expect(g.call('path_create_directory', 1, ...p('x'))).toBe(Errno.NOTCAPABLE);
    expect(g.call('path_create_directory', 3, 0xfffffff0, 100)).toBe(Errno.FAULT);
  });

  it('refuses escapes with ENOTCAPABLE and leaves nothing behind', () => {
    const { g, fs } = memCtx();
    const p = (s: string) => g.str(s);
    fs.symlink('../x', 'up');
    expect(g.open(3, '../x', Oflags.CREAT)).toBe(`errno ${Errno.NOTCAPABLE}`);
    expect(g.open(3, '/x', Oflags.CREAT)).toBe(`errno ${Errno.NOTCAPABLE}`);
    expect(g.open(3, 'up', Oflags.CREAT, RIGHTS_FILE, 0, Lookupflags.SYMLINK_FOLLOW)).toBe(`errno ${Errno.NOTCAPABLE}`);
    expect(g.call('path_create_directory', 3, ...p('a/../../b'))).toBe(Errno.NOENT);
    expect(g.call('path_create_directory', 3, ...p('./../b'))).toBe(Errno.NOTCAPABLE);
    expect(g.call('path_rename', 3, ...p('up'), 3, ...p('../up'))).toBe(Errno.NOTCAPABLE);
    expect(fs.list()).toEqual(['up']);
  });

  it('enforces read-only preopens', () => {
    const { g, fs } = memCtx({ write: false });
    fs.writeFile('f', 'content');
    const p = (s: string) => g.str(s);
    expect(typeof g.open(3, 'f', 0, Rights.FD_READ)).toBe('number');
    expect(g.open(3, 'f', 0, Rights.FD_READ | Rights.FD_WRITE)).toBe(`errno ${Errno.ROFS}`);
    expect(g.open(3, 'new', Oflags.CREAT, Rights.FD_READ)).toBe(`errno ${Errno.ROFS}`);
    expect(g.open(3, 'f', Oflags.TRUNC, Rights.FD_READ)).toBe(`errno ${Errno.ROFS}`);
    expect(g.call('path_create_directory', 3, ...p('d'))).toBe(Errno.ROFS);
    expect(g.call('path_unlink_file', 3, ...p('f'))).toBe(Errno.ROFS);
    expect(new TextDecoder().decode(fs.readFile('f'))).toBe('content');
  });

  it('polls clocks and descriptors', () => {
    let now = 1000n;
    let slept = 0n;
    const ctx = new WasiCtxBuilder().clocks({
      realtime: () => now, monotonic: () => now, processCputime: () => null, threadCputime: () => null,
      sleep: (ns) => {
        slept += ns;
        now += ns;
      },
    }).build();
    const g = guest(ctx);
    const subs = g.alloc(48 * 2);
    const events = g.alloc(32 * 2);
    const n = g.alloc(4);
    const dv = g.dv();
    const clockSub = (at: number, userdata: bigint, timeout: bigint, abs: boolean) => {
      dv.setBigUint64(at, userdata, true);
      dv.setUint8(at + 8, 0);
      dv.setUint32(at + 16, 1, true);
      dv.setBigUint64(at + 24, timeout, true);
      dv.setUint16(at + 40, abs ? 1 : 0, true);
    };
    clockSub(subs, 1n, 500n, false);
    clockSub(subs + 48, 2n, 1200n, true);
    expect(g.call('poll_oneoff', subs, events, 2, n)).toBe(0);
    expect(slept).toBe(200n);
    expect(g.u32(n)).toBe(1);
    expect(g.u64(events)).toBe(2n);
    // A writable descriptor is ready at once, with no sleep (the absolute clock has expired too).
    dv.setBigUint64(subs, 3n, true);
    dv.setUint8(subs + 8, 2);
    dv.setUint32(subs + 16, 1, true);
    expect(g.call('poll_oneoff', subs, events, 2, n)).toBe(0);
    expect(slept).toBe(200n);
    expect([g.u32(n), g.u64(events), g.u8()[events + 10], g.dv().getUint16(events + 8, true)]).toEqual([2, 3n, 2, 0]);
    expect(g.u64(events + 32)).toBe(2n);
    dv.setUint32(subs + 16, 42, true);
    expect(g.call('poll_oneoff', subs, events, 1, n)).toBe(0);
    expect(g.dv().getUint16(events + 8, true)).toBe(Errno.BADF);
    expect(g.call('poll_oneoff', subs, events, 0, n)).toBe(Errno.INVAL);
    const t = g.alloc(8);
    expect(g.call('clock_time_get', 0, 0n, t)).toBe(0);
    expect(g.u64(t)).toBe(1200n);
    expect(g.call('clock_time_get', 2, 0n, t)).toBe(Errno.NOTSUP);
    expect(g.call('clock_time_get', 9, 0n, t)).toBe(Errno.INVAL);
    expect(g.call('clock_res_get', 1, t)).toBe(0);
    expect(g.u64(t) > 0n).toBe(true);
  });

  it('exits and raises with typed errors', () => {
    const { g } = memCtx();
    expect(() => g.call('proc_exit', 42)).toThrow(WasiExit);
    try {
      g.call('proc_exit', 42);
    } catch (e) {
      expect((e as WasiExit).exitCode).toBe(42);
    }
    expect(g.call('proc_raise', Signal.CHLD)).toBe(0);
    expect(g.call('proc_raise', 99)).toBe(Errno.INVAL);
    expect(g.call('proc_raise', Signal.STOP)).toBe(Errno.NOTSUP);
    let caught: unknown;
    try {
      g.call('proc_raise', Signal.TERM);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WasiSignal);
    expect((caught as WasiSignal).exitCode).toBe(128 + 15);
    expect(g.call('sched_yield')).toBe(0);
    expect(g.call('sock_accept', 1, 0, g.alloc(4))).toBe(Errno.NOTSUP);
    expect(g.call('sock_send', 55, 0, 0, 0, 0)).toBe(Errno.BADF);
  });

  it('fills random bytes from the configured source', () => {
    const ctx = new WasiCtxBuilder().secureRandom((b) => b.fill(7)).build();
    const g = guest(ctx);
    const p = g.alloc(100);
    expect(g.call('random_get', p, 100)).toBe(0);
    expect(g.u8().subarray(p, p + 100).every((b) => b === 7)).toBe(true);
    const real = guest(new WasiCtxBuilder().build());
    const q = real.alloc(70000);
    expect(real.call('random_get', q, 70000)).toBe(0);
    expect(real.u8().subarray(q, q + 70000).some((b) => b !== 0)).toBe(true);
    expect(real.call('random_get', (1 << 18) - 1, 2)).toBe(Errno.FAULT);
  });
});
