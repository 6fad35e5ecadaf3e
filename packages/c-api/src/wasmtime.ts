/**
 * wasmtime.h's store-based API: `wasmtime_val_t`, `wasmtime_extern_t`, `wasmtime_instance_new`,
 * `wasmtime_instance_export_get`/`_nth`, `wasmtime_func_new`/`_call`/`_type`, the caller, and the
 * `wasmtime_memory_*`, `wasmtime_global_*`, `wasmtime_table_*`, `wasmtime_externref_*` functions.
 * As in C, `wasmtime_func_t`, `wasmtime_memory_t`, ... are plain values owned by their store (here,
 * the runtime's own `Func`, `Memory`, ... objects) and are never deleted.
 * @module
 */
import {
  AnyRef,
  Caller,
  ExternRef,
  Func,
  FuncType,
  Global,
  GlobalType,
  Instance,
  Memory,
  MemoryType,
  Table,
  TableType,
  V128,
  type Val,
  type ValType,
} from '@wasmtide/runtime';
import { errorFrom, wasmtime_error_t } from './error.js';
import { CApiError } from './errors.js';
import { use, type wasm_finalizer_t } from './handle.js';
import { raiseReturnedTrap } from './func.js';
import { ctxStore, trapFrom, u32, wasm_module_t, wasm_store_t, wasmtime_context_t, type wasm_trap_t } from './objects.js';
import { externtypeFrom, functypeFrom, wasm_functype_t, wasm_globaltype_t, wasm_memorytype_t, wasm_tabletype_t, type wasm_externtype_t } from './types.js';

/** `wasmtime_valkind_t`: one of the `WASMTIME_*` value kinds. */
export type wasmtime_valkind_t = number;
/** `i32`. */
export const WASMTIME_I32 = 0;
/** `i64`. */
export const WASMTIME_I64 = 1;
/** `f32`. */
export const WASMTIME_F32 = 2;
/** `f64`. */
export const WASMTIME_F64 = 3;
/** `v128`. */
export const WASMTIME_V128 = 4;
/** `funcref`. */
export const WASMTIME_FUNCREF = 5;
/** `externref`. */
export const WASMTIME_EXTERNREF = 6;
/** `anyref`. */
export const WASMTIME_ANYREF = 7;

/** `wasmtime_func_t`: a function of a store (the runtime `Func`). */
export type wasmtime_func_t = Func;
/** `wasmtime_memory_t`: a memory of a store. */
export type wasmtime_memory_t = Memory;
/** `wasmtime_global_t`: a global of a store. */
export type wasmtime_global_t = Global;
/** `wasmtime_table_t`: a table of a store. */
export type wasmtime_table_t = Table;
/** `wasmtime_instance_t`: an instance of a store. */
export type wasmtime_instance_t = Instance;
/** `wasmtime_externref_t`: an externref (the runtime `ExternRef`). */
export type wasmtime_externref_t = ExternRef;
/** `wasmtime_anyref_t`: an anyref (the runtime `AnyRef`). */
export type wasmtime_anyref_t = AnyRef;

/**
 * `wasmtime_val_t`: `{ kind, of }` with `kind` a `WASMTIME_*` kind and `of.i32` (number),
 * `of.i64` (bigint), `of.f32` / `of.f64` (number), `of.v128` (16-byte `Uint8Array`),
 * `of.funcref` (`Func` or null), `of.externref` (`ExternRef` or null) or `of.anyref`.
 */
export interface wasmtime_val_t {
  /** The kind of value. */
  kind: wasmtime_valkind_t;
  /** The payload, by kind. */
  of: {
    i32?: number;
    i64?: bigint;
    f32?: number;
    f64?: number;
    v128?: Uint8Array;
    funcref?: Func | null;
    externref?: ExternRef | null;
    anyref?: AnyRef | null;
  };
}

/** `wasmtime_extern_kind_t`: one of the `WASMTIME_EXTERN_*` kinds. */
export type wasmtime_extern_kind_t = number;
/** A function. */
export const WASMTIME_EXTERN_FUNC = 0;
/** A global. */
export const WASMTIME_EXTERN_GLOBAL = 1;
/** A table. */
export const WASMTIME_EXTERN_TABLE = 2;
/** A memory. */
export const WASMTIME_EXTERN_MEMORY = 3;

/** `wasmtime_extern_t`: `{ kind, of: { func | global | table | memory } }`. */
export interface wasmtime_extern_t {
  /** The kind of extern. */
  kind: wasmtime_extern_kind_t;
  /** The extern, by kind. */
  of: { func?: Func; global?: Global; table?: Table; memory?: Memory };
}

function kindOfType(t: ValType): number {
  if (typeof t === 'string') return ['i32', 'i64', 'f32', 'f64', 'v128'].indexOf(t);
  const top = t.top();
  return top === 'func' ? WASMTIME_FUNCREF : top === 'extern' ? WASMTIME_EXTERNREF : WASMTIME_ANYREF;
}

/** @internal The runtime value of `v` for type `t`. */
export function toRtVal(fn: string, v: wasmtime_val_t, t: ValType): Val {
  if (v === null || typeof v !== 'object' || v.of === null || typeof v.of !== 'object') throw new CApiError(fn, 'expected a wasmtime_val_t { kind, of }');
  const want = kindOfType(t);
  if (v.kind !== want) throw new CApiError(fn, `expected a value of kind ${want} (${typeof t === 'string' ? t : t.toString()}), got kind ${v.kind}`);
  switch (want) {
    case WASMTIME_I32:
      return v.of.i32 ?? 0;
    case WASMTIME_I64:
      return BigInt(v.of.i64 ?? 0n);
    case WASMTIME_F32:
      return v.of.f32 ?? 0;
    case WASMTIME_F64:
      return v.of.f64 ?? 0;
    case WASMTIME_V128:
      return new V128(v.of.v128 ?? new Uint8Array(16));
    case WASMTIME_FUNCREF:
      return v.of.funcref ?? null;
    case WASMTIME_EXTERNREF:
      return v.of.externref ?? null;
    default:
      return v.of.anyref ?? null;
  }
}

/** @internal A `wasmtime_val_t` for runtime value `x` of type `t`. */
export function fromRtVal(t: ValType, x: Val): wasmtime_val_t {
  const kind = kindOfType(t);
  switch (kind) {
    case WASMTIME_I32:
      return { kind, of: { i32: x as number } };
    case WASMTIME_I64:
      return { kind, of: { i64: x as bigint } };
    case WASMTIME_F32:
      return { kind, of: { f32: x as number } };
    case WASMTIME_F64:
      return { kind, of: { f64: x as number } };
    case WASMTIME_V128:
      return { kind, of: { v128: (x as V128).bytes } };
    case WASMTIME_FUNCREF:
      return { kind, of: { funcref: x as Func | null } };
    case WASMTIME_EXTERNREF:
      return { kind, of: { externref: x as ExternRef | null } };
    default:
      return { kind, of: { anyref: x as AnyRef | null } };
  }
}

/** @internal A `wasmtime_extern_t` for a runtime extern. */
export function fromRtExtern(fn: string, e: unknown): wasmtime_extern_t {
  if (e instanceof Func) return { kind: WASMTIME_EXTERN_FUNC, of: { func: e } };
  if (e instanceof Global) return { kind: WASMTIME_EXTERN_GLOBAL, of: { global: e } };
  if (e instanceof Table) return { kind: WASMTIME_EXTERN_TABLE, of: { table: e } };
  if (e instanceof Memory) return { kind: WASMTIME_EXTERN_MEMORY, of: { memory: e } };
  throw new CApiError(fn, 'exception tags have no wasmtime_extern_t kind here');
}

/** @internal The runtime extern of a `wasmtime_extern_t`. */
export function toRtExtern(fn: string, x: wasmtime_extern_t): Func | Global | Table | Memory {
  const e = x?.kind === WASMTIME_EXTERN_FUNC ? x.of.func : x?.kind === WASMTIME_EXTERN_GLOBAL ? x.of.global : x?.kind === WASMTIME_EXTERN_TABLE ? x.of.table : x?.kind === WASMTIME_EXTERN_MEMORY ? x.of.memory : undefined;
  if (!(e instanceof Func || e instanceof Global || e instanceof Table || e instanceof Memory)) throw new CApiError(fn, 'expected a wasmtime_extern_t { kind, of }');
  return e;
}

/** `wasmtime_extern_delete(extern)`: externs are owned by their store; this does nothing. */
export function wasmtime_extern_delete(_extern: wasmtime_extern_t): void {}
/** `wasmtime_val_delete(context, val)`: values are owned by their store; this does nothing. */
export function wasmtime_val_delete(_context: wasmtime_context_t, _val: wasmtime_val_t): void {}

// ---------------------------------------------------------------------------------------------
// Instances

/**
 * `wasmtime_instance_new(context, module, imports, instance, trap)`: imports in the module's order.
 * Returns an error (own) for link failures; a trapping start function sets `trap.value` (own).
 */
export function wasmtime_instance_new(
  context: wasmtime_context_t,
  module: wasm_module_t,
  imports: readonly wasmtime_extern_t[],
  instance: { value: Instance | null },
  trap: { value: wasm_trap_t | null },
): wasmtime_error_t | null {
  const fn = 'wasmtime_instance_new';
  const s = ctxStore(fn, context);
  const m = use(fn, module, wasm_module_t, 'a wasmtime_module_t').module;
  const externs = imports.map((x) => toRtExtern(fn, x));
  trap.value = null;
  return callIntoWasm(s, trap, () => {
    instance.value = new Instance(s.store, m, externs);
  });
}

/** @internal Runs `f`; a trap goes to `trap.value`, another failure becomes the returned error. */
function callIntoWasm(s: wasm_store_t, trap: { value: wasm_trap_t | null }, f: () => void): wasmtime_error_t | null {
  try {
    f();
    return null;
  } catch (e) {
    const err = errorFrom(e);
    if (err.exitStatus !== null || !isTrap(e)) return err;
    err.kill();
    trap.value = trapFrom(s, e);
    return null;
  }
}

function isTrap(e: unknown): boolean {
  return e !== null && typeof e === 'object' && (e as { code?: unknown }).code === 'trap';
}

/** `wasmtime_instance_export_get(context, instance, name, item)`: true and `item.value` set if the export exists. */
export function wasmtime_instance_export_get(context: wasmtime_context_t, instance: Instance, name: string, item: { value: wasmtime_extern_t | null }): boolean {
  const fn = 'wasmtime_instance_export_get';
  const s = ctxStore(fn, context);
  const e = instance.getExport(s.store, name);
  if (e === undefined) return false;
  item.value = fromRtExtern(fn, e);
  return true;
}

/** `wasmtime_instance_export_nth(context, instance, index, name, item)`: the export at `index`, in module order. */
export function wasmtime_instance_export_nth(
  context: wasmtime_context_t,
  instance: Instance,
  index: number,
  name: { value: string },
  item: { value: wasmtime_extern_t | null },
): boolean {
  const fn = 'wasmtime_instance_export_nth';
  const s = ctxStore(fn, context);
  const x = instance.exports(s.store)[index];
  if (x === undefined) return false;
  name.value = x.name;
  item.value = fromRtExtern(fn, x.extern);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Functions and callers

/** `wasmtime_caller_t`: what a `wasmtime_func_new` callback gets; valid only during the callback. */
export class wasmtime_caller_t {
  /** @internal */
  readonly caller: Caller;
  /** @internal */
  readonly owner: wasm_store_t;
  /** @internal */
  live = true;
  /** @internal */
  constructor(caller: Caller, owner: wasm_store_t) {
    this.caller = caller;
    this.owner = owner;
  }
}

function useCaller(fn: string, c: wasmtime_caller_t): wasmtime_caller_t {
  if (!(c instanceof wasmtime_caller_t)) throw new CApiError(fn, 'expected a wasmtime_caller_t');
  if (!c.live) throw new CApiError(fn, 'wasmtime_caller_t used after its callback returned');
  return c;
}

/** `wasmtime_caller_context(caller)`: the store's context (borrowed). */
export function wasmtime_caller_context(caller: wasmtime_caller_t): wasmtime_context_t {
  return useCaller('wasmtime_caller_context', caller).owner.context;
}
/** `wasmtime_caller_export_get(caller, name, item)`: an export of the calling instance (`memory`, typically). */
export function wasmtime_caller_export_get(caller: wasmtime_caller_t, name: string, item: { value: wasmtime_extern_t | null }): boolean {
  const fn = 'wasmtime_caller_export_get';
  const e = useCaller(fn, caller).caller.getExport(name);
  if (e === undefined) return false;
  item.value = fromRtExtern(fn, e);
  return true;
}

/**
 * `wasmtime_func_callback_t`: `(env, caller, args, results) => trap | null`. `results` has one
 * blank slot per result: fill `results[i]` (or its `kind` and `of`).
 */
export type wasmtime_func_callback_t = (env: any, caller: wasmtime_caller_t, args: wasmtime_val_t[], results: wasmtime_val_t[]) => wasm_trap_t | null | undefined | void;

/** @internal The runtime host function behind a wasmtime callback. */
export function wasmtimeHostFn(fn: string, s: () => wasm_store_t, ty: FuncType, callback: wasmtime_func_callback_t, env: unknown) {
  if (typeof callback !== 'function') throw new CApiError(fn, 'expected a callback function');
  return (caller: Caller, params: Val[]): Val[] => {
    const c = new wasmtime_caller_t(caller, s());
    const args = params.map((p, i) => fromRtVal(ty.params[i]!, p));
    const results = ty.results.map((t) => fromRtVal(t, typeof t === 'string' ? (t === 'i64' ? 0n : t === 'v128' ? new V128() : 0) : null));
    try {
      raiseReturnedTrap(fn, callback(env, c, args, results));
    } finally {
      c.live = false;
    }
    return ty.results.map((t, i) => toRtVal(`${fn} callback result ${i}`, results[i]!, t));
  };
}

/**
 * `wasmtime_func_new(context, type, callback, env, finalizer, ret)`: a host function in the store
 * (`ret.value`); `finalizer(env)` runs when the store is deleted.
 */
export function wasmtime_func_new(
  context: wasmtime_context_t,
  type: wasm_functype_t,
  callback: wasmtime_func_callback_t,
  env: unknown,
  finalizer: wasm_finalizer_t,
  ret: { value: Func | null },
): void {
  const fn = 'wasmtime_func_new';
  const s = ctxStore(fn, context);
  const ty = use(fn, type, wasm_functype_t, 'a wasm_functype_t').ty as FuncType;
  ret.value = new Func(s.store, ty, wasmtimeHostFn(fn, () => s, ty, callback, env));
  if (finalizer) s.finalizers.push(() => finalizer(env));
}

/**
 * `wasmtime_func_call(context, func, args, results, trap)`: `results` must have one slot per
 * result; they are overwritten. A trap goes to `trap.value` (own); other failures are returned.
 */
export function wasmtime_func_call(
  context: wasmtime_context_t,
  func: Func,
  args: readonly wasmtime_val_t[],
  results: wasmtime_val_t[],
  trap: { value: wasm_trap_t | null },
): wasmtime_error_t | null {
  const fn = 'wasmtime_func_call';
  const s = ctxStore(fn, context);
  if (!(func instanceof Func)) throw new CApiError(fn, 'expected a wasmtime_func_t');
  const ty = func.ty(s.store);
  trap.value = null;
  if (args.length !== ty.params.length) return new wasmtime_error_t(`${fn}: expected ${ty.params.length} arguments, got ${args.length}`, null, null);
  if (results.length !== ty.results.length) return new wasmtime_error_t(`${fn}: expected ${ty.results.length} results, got ${results.length}`, null, null);
  const params = args.map((a, i) => toRtVal(`${fn} argument ${i}`, a, ty.params[i]!));
  return callIntoWasm(s, trap, () => {
    const out = func.call(s.store, params);
    for (let i = 0; i < out.length; i++) results[i] = fromRtVal(ty.results[i]!, out[i]!);
  });
}

/** `wasmtime_func_type(context, func)`: own. */
export function wasmtime_func_type(context: wasmtime_context_t, func: Func): wasm_functype_t {
  return functypeFrom(func.ty(ctxStore('wasmtime_func_type', context).store));
}

// ---------------------------------------------------------------------------------------------
// Memories, globals, tables, externrefs

function attempt(f: () => void): wasmtime_error_t | null {
  try {
    f();
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}

/** `wasmtime_memory_new(context, type, ret)`. */
export function wasmtime_memory_new(context: wasmtime_context_t, type: wasm_memorytype_t, ret: { value: Memory | null }): wasmtime_error_t | null {
  const s = ctxStore('wasmtime_memory_new', context);
  const ty = use('wasmtime_memory_new', type, wasm_memorytype_t, 'a wasm_memorytype_t').ty as MemoryType;
  return attempt(() => void (ret.value = new Memory(s.store, ty)));
}
/** `wasmtime_memory_type(context, memory)`: own. */
export function wasmtime_memory_type(context: wasmtime_context_t, memory: Memory): wasm_memorytype_t {
  return externtypeFrom(memory.ty(ctxStore('wasmtime_memory_type', context).store)) as wasm_memorytype_t;
}
/** `wasmtime_memory_data(context, memory)`: the live bytes (replaced when the memory grows). */
export function wasmtime_memory_data(context: wasmtime_context_t, memory: Memory): Uint8Array {
  return memory.data(ctxStore('wasmtime_memory_data', context).store);
}
/** `wasmtime_memory_data_size(context, memory)`: bytes. */
export function wasmtime_memory_data_size(context: wasmtime_context_t, memory: Memory): number {
  return memory.dataSize(ctxStore('wasmtime_memory_data_size', context).store);
}
/** `wasmtime_memory_size(context, memory)`: pages. */
export function wasmtime_memory_size(context: wasmtime_context_t, memory: Memory): number {
  return memory.size(ctxStore('wasmtime_memory_size', context).store);
}
/** `wasmtime_memory_grow(context, memory, delta, prevSize)`: the previous size in pages goes to `prevSize.value`. */
export function wasmtime_memory_grow(context: wasmtime_context_t, memory: Memory, delta: number | bigint, prevSize: { value: number }): wasmtime_error_t | null {
  const s = ctxStore('wasmtime_memory_grow', context);
  const d = u32('wasmtime_memory_grow', delta, 'delta');
  return attempt(() => void (prevSize.value = memory.grow(s.store, d)));
}

/** `wasmtime_global_new(context, type, val, ret)`. */
export function wasmtime_global_new(context: wasmtime_context_t, type: wasm_globaltype_t, val: wasmtime_val_t, ret: { value: Global | null }): wasmtime_error_t | null {
  const fn = 'wasmtime_global_new';
  const s = ctxStore(fn, context);
  const ty = use(fn, type, wasm_globaltype_t, 'a wasm_globaltype_t').ty as GlobalType;
  const v = toRtVal(fn, val, ty.content);
  return attempt(() => void (ret.value = new Global(s.store, ty, v)));
}
/** `wasmtime_global_type(context, global)`: own. */
export function wasmtime_global_type(context: wasmtime_context_t, global: Global): wasm_globaltype_t {
  return externtypeFrom(global.ty(ctxStore('wasmtime_global_type', context).store)) as wasm_globaltype_t;
}
/** `wasmtime_global_get(context, global, out)`: writes the value into `out`. */
export function wasmtime_global_get(context: wasmtime_context_t, global: Global, out: wasmtime_val_t): void {
  const s = ctxStore('wasmtime_global_get', context);
  const v = fromRtVal(global.ty(s.store).content, global.get(s.store));
  out.kind = v.kind;
  out.of = v.of;
}
/** `wasmtime_global_set(context, global, val)`: an error for an immutable global or a wrong type. */
export function wasmtime_global_set(context: wasmtime_context_t, global: Global, val: wasmtime_val_t): wasmtime_error_t | null {
  const fn = 'wasmtime_global_set';
  const s = ctxStore(fn, context);
  const v = toRtVal(fn, val, global.ty(s.store).content);
  return attempt(() => global.set(s.store, v));
}

/** `wasmtime_table_new(context, type, init, ret)`. */
export function wasmtime_table_new(context: wasmtime_context_t, type: wasm_tabletype_t, init: wasmtime_val_t, ret: { value: Table | null }): wasmtime_error_t | null {
  const fn = 'wasmtime_table_new';
  const s = ctxStore(fn, context);
  const ty = use(fn, type, wasm_tabletype_t, 'a wasm_tabletype_t').ty as TableType;
  const v = toRtVal(fn, init, ty.element);
  return attempt(() => void (ret.value = new Table(s.store, ty, v)));
}
/** `wasmtime_table_type(context, table)`: own. */
export function wasmtime_table_type(context: wasmtime_context_t, table: Table): wasm_tabletype_t {
  return externtypeFrom(table.ty(ctxStore('wasmtime_table_type', context).store)) as wasm_tabletype_t;
}
/** `wasmtime_table_get(context, table, index, out)`: false if out of bounds. */
export function wasmtime_table_get(context: wasmtime_context_t, table: Table, index: number, out: wasmtime_val_t): boolean {
  const s = ctxStore('wasmtime_table_get', context);
  if (!Number.isInteger(index) || index < 0 || index >= table.size(s.store)) return false;
  const v = fromRtVal(table.ty(s.store).element, table.get(s.store, index));
  out.kind = v.kind;
  out.of = v.of;
  return true;
}
/** `wasmtime_table_set(context, table, index, val)`: an error if out of bounds or of the wrong type. */
export function wasmtime_table_set(context: wasmtime_context_t, table: Table, index: number, val: wasmtime_val_t): wasmtime_error_t | null {
  const fn = 'wasmtime_table_set';
  const s = ctxStore(fn, context);
  const v = toRtVal(fn, val, table.ty(s.store).element);
  const i = u32(fn, index, 'index');
  return attempt(() => table.set(s.store, i, v));
}
/** `wasmtime_table_size(context, table)`. */
export function wasmtime_table_size(context: wasmtime_context_t, table: Table): number {
  return table.size(ctxStore('wasmtime_table_size', context).store);
}
/** `wasmtime_table_grow(context, table, delta, init, prevSize)`. */
export function wasmtime_table_grow(context: wasmtime_context_t, table: Table, delta: number, init: wasmtime_val_t, prevSize: { value: number }): wasmtime_error_t | null {
  const fn = 'wasmtime_table_grow';
  const s = ctxStore(fn, context);
  const v = toRtVal(fn, init, table.ty(s.store).element);
  const d = u32(fn, delta, 'delta');
  return attempt(() => void (prevSize.value = table.grow(s.store, d, v)));
}

/** `wasmtime_externref_new(context, data, finalizer, out)`: an externref holding `data`; `finalizer(data)` runs when the store is deleted. */
export function wasmtime_externref_new(context: wasmtime_context_t, data: unknown, finalizer: wasm_finalizer_t, out: { value: ExternRef | null }): boolean {
  const s = ctxStore('wasmtime_externref_new', context);
  out.value = new ExternRef(data);
  if (finalizer) s.finalizers.push(() => finalizer(data));
  return true;
}
/** `wasmtime_externref_data(context, ref)`: the host data. */
export function wasmtime_externref_data(context: wasmtime_context_t, ref: ExternRef): unknown {
  ctxStore('wasmtime_externref_data', context);
  return ref.data;
}
/** `wasmtime_externref_unroot(context, ref)`: references are garbage-collected by JS; this does nothing. */
export function wasmtime_externref_unroot(context: wasmtime_context_t, _ref: ExternRef | null): void {
  ctxStore('wasmtime_externref_unroot', context);
}

/** `wasmtime_extern_type(context, extern)`: own; the extern's type. */
export function wasmtime_extern_type(context: wasmtime_context_t, extern: wasmtime_extern_t): wasm_externtype_t {
  const fn = 'wasmtime_extern_type';
  const s = ctxStore(fn, context);
  return externtypeFrom(toRtExtern(fn, extern).ty(s.store));
}
/** `wasmtime_memory_page_size(context, memory)`: the page size in bytes. */
export function wasmtime_memory_page_size(context: wasmtime_context_t, memory: Memory): number {
  return memory.pageSize(ctxStore('wasmtime_memory_page_size', context).store);
}
