/**
 * Opaque handles: liveness (use after delete and double delete are typed errors), the live-handle
 * counters behind `wasmtide_debug_live_handles`, and host info shared by every handle of one
 * underlying object.
 * @module
 */
import { CApiError } from './errors.js';

const liveCounts = new Map<string, number>();

function count(cname: string, delta: number): void {
  const n = (liveCounts.get(cname) ?? 0) + delta;
  if (n === 0) liveCounts.delete(cname);
  else liveCounts.set(cname, n);
}

/** Base of every opaque handle. `cname` is the C type name (`wasm_func_t`, ...). */
export class Handle {
  /** The C type name of this handle. */
  declare readonly cname: string;
  #alive = true;
  /** @internal Creates a live (owned) handle. */
  constructor(cname: string) {
    Object.defineProperty(this, 'cname', { value: cname, enumerable: false });
    count(cname, 1);
  }
  /** Whether the handle has not been deleted. */
  get alive(): boolean {
    return this.#alive;
  }
  /** @internal Marks the handle deleted and runs `onDelete`; false if it already was. */
  kill(): boolean {
    if (!this.#alive) return false;
    this.#alive = false;
    count(this.cname, -1);
    this.onDelete();
    return true;
  }
  /** @internal Releases what the handle owns. */
  protected onDelete(): void {}
}

/** A handle tied to a store: unusable once the store is deleted. */
export interface StoreBound {
  /** The owning store handle (or null for store-less handles). */
  readonly owner: Handle | null;
}

function describe(v: unknown): string {
  if (v === null) return 'NULL';
  if (v instanceof Handle) return `a ${v.cname}`;
  if (typeof v === 'object') return `a ${(v as object).constructor?.name ?? 'object'}`;
  return `${typeof v} ${String(v)}`;
}

/** Any class of handle. */
export type HandleClass<T extends Handle> = abstract new (...args: never[]) => T;

/**
 * @internal Checks that `h` is a live handle of class `cls` (and, if store-bound, that its store is
 * alive); `fn` names the C function for the message.
 */
export function use<T extends Handle>(fn: string, h: unknown, cls: HandleClass<T>, expected: string): T {
  if (!(h instanceof cls)) throw new CApiError(fn, `expected ${expected}, got ${describe(h)}`);
  if (!h.alive) throw new CApiError(fn, `${h.cname} used after it was deleted`);
  const owner = (h as unknown as Partial<StoreBound>).owner;
  if (owner instanceof Handle && !owner.alive) throw new CApiError(fn, `${h.cname} used after its ${owner.cname} was deleted`);
  return h;
}

/** @internal As {@link use}, but `null` is allowed and returned as is. */
export function useOpt<T extends Handle>(fn: string, h: unknown, cls: HandleClass<T>, expected: string): T | null {
  return h === null || h === undefined ? null : use(fn, h, cls, expected);
}

/**
 * @internal Deletes handle `h` (of class `cls`). Deleting `NULL` does nothing, as in C; deleting
 * twice or deleting a handle of another kind throws a {@link CApiError}.
 */
export function drop<T extends Handle>(fn: string, h: unknown, cls: HandleClass<T>, expected: string): void {
  if (h === null || h === undefined) return;
  if (!(h instanceof cls)) throw new CApiError(fn, `expected ${expected}, got ${describe(h)}`);
  if (!h.kill()) throw new CApiError(fn, `${h.cname} deleted twice`);
}

/** A finalizer for host info or an environment: called once with the value. */
export type wasm_finalizer_t = ((data: any) => void) | null;

interface HostInfo {
  info: unknown;
  finalizer: wasm_finalizer_t;
}

const hostInfos = new WeakMap<object, HostInfo>();
const handleCounts = new WeakMap<object, number>();

/** @internal Counts one more handle of the underlying object `ident`. */
export function retain(ident: object): void {
  handleCounts.set(ident, (handleCounts.get(ident) ?? 0) + 1);
}

/**
 * @internal One handle of `ident` is gone; when it was the last, the host info's finalizer runs
 * and the host info is dropped.
 */
export function release(ident: object): void {
  const n = (handleCounts.get(ident) ?? 1) - 1;
  if (n > 0) {
    handleCounts.set(ident, n);
    return;
  }
  handleCounts.delete(ident);
  const hi = hostInfos.get(ident);
  if (hi) {
    hostInfos.delete(ident);
    hi.finalizer?.(hi.info);
  }
}

/** @internal The host info of `ident`, or null. */
export function getHostInfo(ident: object): unknown {
  return hostInfos.get(ident)?.info ?? null;
}

/** @internal Sets the host info of `ident`; a previous finalizer runs on the value it replaces. */
export function setHostInfo(ident: object, info: unknown, finalizer: wasm_finalizer_t): void {
  const old = hostInfos.get(ident);
  hostInfos.set(ident, { info, finalizer });
  if (old && old.info !== info) old.finalizer?.(old.info);
}

/** Total number of live handles (and owned vectors): zero after a program deleted all it owns. */
export function wasmtide_debug_live_handles(): number {
  let n = 0;
  for (const v of liveCounts.values()) n += v;
  return n;
}

/** Live handles by C type name, for finding a leak: `{ wasm_func_t: 2, wasm_val_vec_t: 1 }`. */
export function wasmtide_debug_live_handles_by_kind(): Record<string, number> {
  return Object.fromEntries([...liveCounts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** @internal For vectors: count an owned allocation of `cname` (+1 or -1). */
export function countVec(cname: string, delta: number): void {
  count(cname, delta);
}
