/**
 * `args_get`, `args_sizes_get`, `environ_get`, `environ_sizes_get`.
 * @module
 */
import { Errno } from './constants.js';
import type { GroupEnv, WasiHostFn } from './fn.js';
import type { GuestMemory } from './memory.js';

function sizes(m: GuestMemory, list: readonly Uint8Array[], countPtr: number, sizePtr: number): number {
  m.setU32(countPtr, list.length);
  m.setU32(sizePtr, list.reduce((n, s) => n + s.length + 1, 0));
  return Errno.SUCCESS;
}

function fill(m: GuestMemory, list: readonly Uint8Array[], ptrs: number, buf: number): number {
  const total = list.reduce((n, s) => n + s.length + 1, 0);
  m.check(ptrs, list.length * 4);
  m.check(buf, total);
  let at = buf >>> 0;
  list.forEach((s, i) => {
    m.setU32((ptrs >>> 0) + i * 4, at);
    m.u8.set(s, at);
    m.u8[at + s.length] = 0;
    at += s.length + 1;
  });
  return Errno.SUCCESS;
}

/** The argument and environment functions. */
export function argsFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  return {
    args_sizes_get: (argc: number, size: number) => sizes(mem(), ctx.args, argc, size),
    args_get: (argv: number, buf: number) => fill(mem(), ctx.args, argv, buf),
    environ_sizes_get: (count: number, size: number) => sizes(mem(), ctx.env, count, size),
    environ_get: (environ: number, buf: number) => fill(mem(), ctx.env, environ, buf),
  };
}
