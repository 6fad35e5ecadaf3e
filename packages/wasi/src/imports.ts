/**
 * The `wasi_snapshot_preview1` import table as plain functions, and their wasm types.
 * @module
 */
import { argsFunctions } from './args.js';
import { clockFunctions } from './clock.js';
import type { WasiCtx } from './ctx.js';
import { WasiExit, errnoOf } from './errors.js';
import { fdFunctions } from './fd.js';
import type { WasiHostFn } from './fn.js';
import { GuestMemory } from './memory.js';
import type { MemoryLike } from './memory.js';
import { pathFunctions } from './path.js';
import { pollFunctions } from './poll.js';
import { procFunctions } from './proc.js';
import { sockFunctions } from './sock.js';

/** The import module name of WASI preview1. */
export const WASI_MODULE = 'wasi_snapshot_preview1';

/** A wasm value type as WASI's signatures use them. */
export type WasiValType = 'i32' | 'i64';

/** A WASI function's wasm signature. */
export interface WasiFuncType {
  /** Parameter types. */
  readonly params: readonly WasiValType[];
  /** Result types (`[]` for `proc_exit`, `['i32']`, the errno, for the rest). */
  readonly results: readonly WasiValType[];
}

const sig = (params: string, results: WasiValType[] = ['i32']): WasiFuncType => ({
  params: params === '' ? [] : (params.split(' ') as WasiValType[]),
  results,
});

/** The wasm type of every `wasi_snapshot_preview1` function. */
export const WASI_FUNC_TYPES: Readonly<Record<string, WasiFuncType>> = {
  args_get: sig('i32 i32'),
  args_sizes_get: sig('i32 i32'),
  environ_get: sig('i32 i32'),
  environ_sizes_get: sig('i32 i32'),
  clock_res_get: sig('i32 i32'),
  clock_time_get: sig('i32 i64 i32'),
  fd_advise: sig('i32 i64 i64 i32'),
  fd_allocate: sig('i32 i64 i64'),
  fd_close: sig('i32'),
  fd_datasync: sig('i32'),
  fd_fdstat_get: sig('i32 i32'),
  fd_fdstat_set_flags: sig('i32 i32'),
  fd_fdstat_set_rights: sig('i32 i64 i64'),
  fd_filestat_get: sig('i32 i32'),
  fd_filestat_set_size: sig('i32 i64'),
  fd_filestat_set_times: sig('i32 i64 i64 i32'),
  fd_pread: sig('i32 i32 i32 i64 i32'),
  fd_prestat_get: sig('i32 i32'),
  fd_prestat_dir_name: sig('i32 i32 i32'),
  fd_pwrite: sig('i32 i32 i32 i64 i32'),
  fd_read: sig('i32 i32 i32 i32'),
  fd_readdir: sig('i32 i32 i32 i64 i32'),
  fd_renumber: sig('i32 i32'),
  fd_seek: sig('i32 i64 i32 i32'),
  fd_sync: sig('i32'),
  fd_tell: sig('i32 i32'),
  fd_write: sig('i32 i32 i32 i32'),
  path_create_directory: sig('i32 i32 i32'),
  path_filestat_get: sig('i32 i32 i32 i32 i32'),
  path_filestat_set_times: sig('i32 i32 i32 i32 i64 i64 i32'),
  path_link: sig('i32 i32 i32 i32 i32 i32 i32'),
  path_open: sig('i32 i32 i32 i32 i32 i64 i64 i32 i32'),
  path_readlink: sig('i32 i32 i32 i32 i32 i32'),
  path_remove_directory: sig('i32 i32 i32'),
  path_rename: sig('i32 i32 i32 i32 i32 i32'),
  path_symlink: sig('i32 i32 i32 i32 i32'),
  path_unlink_file: sig('i32 i32 i32'),
  poll_oneoff: sig('i32 i32 i32 i32'),
  proc_exit: sig('i32', []),
  proc_raise: sig('i32'),
  sched_yield: sig(''),
  random_get: sig('i32 i32'),
  sock_accept: sig('i32 i32 i32'),
  sock_recv: sig('i32 i32 i32 i32 i32 i32'),
  sock_send: sig('i32 i32 i32 i32 i32'),
  sock_shutdown: sig('i32 i32'),
};

/**
 * The `wasi_snapshot_preview1` functions for `ctx`, as a plain object of host functions: i32
 * parameters as numbers, i64 as bigints, each returning an errno (`proc_exit` returns nothing and
 * throws {@link WasiExit}). `getMemory` is called on every call (memory can grow). Use it as
 * `{ wasi_snapshot_preview1: wasiImports(ctx, () => instance.exports.memory) }`.
 */
export function wasiImports(ctx: WasiCtx, getMemory: () => MemoryLike): Record<string, WasiHostFn> {
  const env = { ctx, mem: () => new GuestMemory(getMemory().buffer) };
  const groups = [argsFunctions, clockFunctions, fdFunctions, pathFunctions, pollFunctions, procFunctions, sockFunctions];
  const out: Record<string, WasiHostFn> = {};
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group(env))) {
      out[name] = (...args: unknown[]) => {
        try {
          return fn(...args);
        } catch (e) {
          if (e instanceof WasiExit) throw e;
          return errnoOf(e);
        }
      };
    }
  }
  return out;
}
