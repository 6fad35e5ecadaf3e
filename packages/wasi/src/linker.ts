/**
 * `addToLinker`: defines every `wasi_snapshot_preview1` function in a wasmtime-style linker.
 * Typed structurally (a linker with `funcWrap`, a caller with `data` and `getExport`), so it works
 * with `@wasmtide/linker` without this package depending on its internals.
 * @module
 */
import type { WasiCtx } from './ctx.js';
import { WasiConfigError } from './errors.js';
import { WASI_FUNC_TYPES, WASI_MODULE, wasiImports } from './imports.js';
import type { WasiFuncType } from './imports.js';
import type { MemoryLike } from './memory.js';

/** What `addToLinker` needs of a host function's caller (wasmtime's `Caller<T>`). */
export interface WasiCallerLike<T> {
  /** The store's data (a property or a method, as the runtime defines it). */
  readonly data: T | (() => T);
  /** An export of the calling instance (`memory`). */
  getExport(name: string): unknown;
}

/** What `addToLinker` needs of a linker (wasmtime's `Linker<T>::func_wrap`). */
export interface WasiLinkerLike<T> {
  /** Defines host function `module::name` of type `type`; `fn` gets the caller first. */
  funcWrap(module: string, name: string, type: WasiFuncType, fn: (caller: WasiCallerLike<T>, ...args: never[]) => unknown): unknown;
}

/** Options of {@link addToLinker}. */
export interface AddToLinkerOptions<T> {
  /**
   * How to get the caller's memory bytes. By default: the caller's `memory` export, read through
   * its `buffer` property, or a `buffer(store)`/`data(store)` method given the caller.
   */
  memoryOf?: (caller: WasiCallerLike<T>) => MemoryLike;
}

function defaultMemoryOf<T>(caller: WasiCallerLike<T>): MemoryLike {
  const mem = caller.getExport('memory') as Record<string, unknown> | null | undefined;
  if (mem === null || mem === undefined) throw new WasiConfigError('WASI needs the guest to export "memory"');
  for (const key of ['buffer', 'data']) {
    const v = mem[key];
    if (v instanceof ArrayBuffer) return { buffer: v };
    if (typeof v === 'function') {
      const r = (v as (s: unknown) => unknown).call(mem, caller);
      if (r instanceof ArrayBuffer) return { buffer: r };
      if (r instanceof Uint8Array && r.byteOffset === 0 && r.byteLength === r.buffer.byteLength) return { buffer: r.buffer as ArrayBuffer };
    }
  }
  throw new WasiConfigError('cannot read the guest memory\'s bytes');
}

/**
 * Defines all `wasi_snapshot_preview1` functions in `linker`. `ctxOf` picks the {@link WasiCtx}
 * out of the store's data (as wasmtime's `add_to_linker_sync(linker, |s| &mut s.wasi)`).
 */
export function addToLinker<T>(linker: WasiLinkerLike<T>, ctxOf: (data: T) => WasiCtx, options: AddToLinkerOptions<T> = {}): void {
  const memoryOf = options.memoryOf ?? defaultMemoryOf;
  // One import table per context, created on first use.
  const tables = new WeakMap<WasiCtx, { table: ReturnType<typeof wasiImports>; caller: { current: WasiCallerLike<T> | null } }>();
  const tableFor = (caller: WasiCallerLike<T>) => {
    const data = typeof caller.data === 'function' ? (caller.data as () => T)() : caller.data;
    const ctx = ctxOf(data);
    let t = tables.get(ctx);
    if (t === undefined) {
      const current: { current: WasiCallerLike<T> | null } = { current: null };
      t = { table: wasiImports(ctx, () => memoryOf(current.current!)), caller: current };
      tables.set(ctx, t);
    }
    t.caller.current = caller;
    return t;
  };
  for (const [name, type] of Object.entries(WASI_FUNC_TYPES)) {
    linker.funcWrap(WASI_MODULE, name, type, (caller, ...args) => {
      const t = tableFor(caller);
      return t.table[name]!(...(args as unknown[]));
    });
  }
}
