// A minimal WASI preview1 shim shared by every engine in the execution benchmark, so that all of
// them pay the same (tiny) system-call cost: args, environ, fd_write to captured stdout/stderr,
// clock, proc_exit. The programs only print one checksum line.
export class BenchExit extends Error {
  constructor(code) { super(`exit ${code}`); this.exitCode = code; }
}

export function makeWasi(args, getBuffer) {
  const out = [];
  const dv = () => new DataView(getBuffer());
  const u8 = () => new Uint8Array(getBuffer());
  const enc = new TextEncoder();
  const argBytes = args.map((a) => enc.encode(a + '\0'));
  const imports = {
    args_sizes_get(pc, ps) { const d = dv(); d.setUint32(pc, argBytes.length, true); d.setUint32(ps, argBytes.reduce((n, b) => n + b.length, 0), true); return 0; },
    args_get(pv, pb) { const d = dv(); const m = u8(); let p = pb; argBytes.forEach((b, i) => { d.setUint32(pv + 4 * i, p, true); m.set(b, p); p += b.length; }); return 0; },
    environ_sizes_get(pc, ps) { const d = dv(); d.setUint32(pc, 0, true); d.setUint32(ps, 0, true); return 0; },
    environ_get() { return 0; },
    fd_write(fd, iovs, n, pw) {
      const d = dv(); const m = u8(); let total = 0;
      for (let i = 0; i < n; i++) { const p = d.getUint32(iovs + 8 * i, true); const l = d.getUint32(iovs + 8 * i + 4, true); if (fd === 1 || fd === 2) out.push(m.slice(p, p + l)); total += l; }
      d.setUint32(pw, total, true); return 0;
    },
    fd_close() { return 0; },
    fd_seek() { return 70; },
    fd_fdstat_get(fd, p) { const d = dv(); d.setUint8(p, fd <= 2 ? 2 : 0); d.setUint16(p + 2, 0, true); d.setBigUint64(p + 8, 0xffffffffn, true); d.setBigUint64(p + 16, 0xffffffffn, true); return 0; },
    clock_time_get(id, prec, p) { dv().setBigUint64(p, BigInt(Math.round(performance.now() * 1e6)), true); return 0; },
    proc_exit(code) { throw new BenchExit(code); },
  };
  return { imports, output: () => Buffer.concat(out).toString() };
}
