/**
 * Shared shapes of the WASI function groups.
 * @module
 */
import type { WasiCtx } from './ctx.js';
import type { GuestMemory } from './memory.js';

/** A WASI host function: i32 as numbers, i64 as bigints; returns an errno (or nothing). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WasiHostFn = (...args: any[]) => number | void;

/** What each function group is built from: the context and a way to reach memory now. */
export interface GroupEnv {
  /** The WASI context. */
  readonly ctx: WasiCtx;
  /** Fresh, bounds-checked views of guest memory. */
  readonly mem: () => GuestMemory;
}
