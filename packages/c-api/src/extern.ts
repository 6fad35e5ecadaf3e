/**
 * `wasm_global_t`, `wasm_table_t`, `wasm_memory_t` and `wasm_extern_t`: constructors, types,
 * access, growth, and the extern conversions (`wasm_func_as_extern`, `wasm_extern_as_func`, ...,
 * `wasm_extern_kind`, `wasm_extern_type`), plus the `wasm_extern_vec_t` family.
 * @module
 */
import { Global, GlobalType, Memory, MemoryType, RefType, Table, TableType, type Val } from '@wasmtide/runtime';
import { use } from './handle.js';
import {
  fromVal,
  isMisuse,
  toVal,
  u32,
  wasm_extern_t,
  wasm_func_t,
  wasm_global_t,
  wasm_memory_t,
  wasm_ref_t,
  wasm_store_t,
  wasm_table_t,
  type wasm_val_t,
} from './objects.js';
import { wasm_extern_copy, wasm_extern_delete } from './refs.js';
import {
  externtypeFrom,
  WASM_EXTERN_FUNC,
  WASM_EXTERN_GLOBAL,
  WASM_EXTERN_MEMORY,
  WASM_EXTERN_TABLE,
  WASM_EXTERNREF,
  wasm_globaltype_t,
  wasm_memorytype_t,
  wasm_tabletype_t,
  type wasm_externkind_t,
  type wasm_externtype_t,
} from './types.js';
import { WasmVec, vecFamily } from './vec.js';
import { CApiError } from './errors.js';

const STO = 'a wasm_store_t';

function ok(f: () => void): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isMisuse(e)) throw e;
    return false;
  }
}

function refVal(fn: string, r: wasm_ref_t | null): Val {
  return toVal(fn, { kind: WASM_EXTERNREF, of: { ref: r } }, RefType.EXTERNREF);
}

// ---------------------------------------------------------------------------------------------
// Globals

/** `wasm_global_new(store, type, val)`: own; NULL if `val` does not suit the type. */
export function wasm_global_new(store: wasm_store_t, type: wasm_globaltype_t, val: wasm_val_t): wasm_global_t | null {
  const fn = 'wasm_global_new';
  const s = use(fn, store, wasm_store_t, STO);
  const ty = use(fn, type, wasm_globaltype_t, 'a wasm_globaltype_t').ty as GlobalType;
  const v = toVal(fn, val, ty.content);
  try {
    return new wasm_global_t('wasm_global_t', s, new Global(s.store, ty, v));
  } catch (e) {
    if (isMisuse(e)) throw e;
    return null;
  }
}
/** `wasm_global_type(global)`: own. */
export function wasm_global_type(global: wasm_global_t): wasm_globaltype_t {
  const g = use('wasm_global_type', global, wasm_global_t, 'a wasm_global_t');
  return externtypeFrom(g.ext.ty(g.owner!.store)) as wasm_globaltype_t;
}
/** `wasm_global_get(global, out)`: writes the value into `out` (a reference in it is owned by `out`). */
export function wasm_global_get(global: wasm_global_t, out: wasm_val_t): void {
  const g = use('wasm_global_get', global, wasm_global_t, 'a wasm_global_t');
  const s = g.owner!;
  const v = fromVal(s, g.ext.ty(s.store).content, g.ext.get(s.store));
  out.kind = v.kind;
  out.of = v.of;
}
/** `wasm_global_set(global, val)`: throws a {@link CApiError} for an immutable global or a value of the wrong kind. */
export function wasm_global_set(global: wasm_global_t, val: wasm_val_t): void {
  const fn = 'wasm_global_set';
  const g = use(fn, global, wasm_global_t, 'a wasm_global_t');
  const s = g.owner!;
  const ty = g.ext.ty(s.store);
  if (!ty.mutable) throw new CApiError(fn, 'the global is immutable');
  g.ext.set(s.store, toVal(fn, val, ty.content));
}

// ---------------------------------------------------------------------------------------------
// Tables

/** `wasm_table_new(store, type, init)`: own; every element `init` (NULL for null); NULL on failure. */
export function wasm_table_new(store: wasm_store_t, type: wasm_tabletype_t, init: wasm_ref_t | null): wasm_table_t | null {
  const fn = 'wasm_table_new';
  const s = use(fn, store, wasm_store_t, STO);
  const ty = use(fn, type, wasm_tabletype_t, 'a wasm_tabletype_t').ty as TableType;
  const v = refVal(fn, init);
  try {
    return new wasm_table_t('wasm_table_t', s, new Table(s.store, ty, v));
  } catch (e) {
    if (isMisuse(e)) throw e;
    return null;
  }
}
/** `wasm_table_type(table)`: own (the current size as the minimum). */
export function wasm_table_type(table: wasm_table_t): wasm_tabletype_t {
  const t = use('wasm_table_type', table, wasm_table_t, 'a wasm_table_t');
  return externtypeFrom(t.ext.ty(t.owner!.store)) as wasm_tabletype_t;
}
/** `wasm_table_get(table, index)`: own; the element (NULL for null or an index out of bounds). */
export function wasm_table_get(table: wasm_table_t, index: number): wasm_ref_t | null {
  const t = use('wasm_table_get', table, wasm_table_t, 'a wasm_table_t');
  const s = t.owner!;
  if (!Number.isInteger(index) || index < 0 || index >= t.ext.size(s.store)) return null;
  return fromVal(s, t.ext.ty(s.store).element, t.ext.get(s.store, index)).of.ref ?? null;
}
/** `wasm_table_set(table, index, ref)`: false if out of bounds or of the wrong type. */
export function wasm_table_set(table: wasm_table_t, index: number, ref: wasm_ref_t | null): boolean {
  const fn = 'wasm_table_set';
  const t = use(fn, table, wasm_table_t, 'a wasm_table_t');
  const i = u32(fn, index, 'index');
  return ok(() => t.ext.set(t.owner!.store, i, refVal(fn, ref)));
}
/** `wasm_table_size(table)`: the number of elements. */
export function wasm_table_size(table: wasm_table_t): number {
  const t = use('wasm_table_size', table, wasm_table_t, 'a wasm_table_t');
  return t.ext.size(t.owner!.store);
}
/** `wasm_table_grow(table, delta, init)`: false if the table cannot grow that much. */
export function wasm_table_grow(table: wasm_table_t, delta: number, init: wasm_ref_t | null): boolean {
  const fn = 'wasm_table_grow';
  const t = use(fn, table, wasm_table_t, 'a wasm_table_t');
  const d = u32(fn, delta, 'delta');
  return ok(() => void t.ext.grow(t.owner!.store, d, refVal(fn, init)));
}

// ---------------------------------------------------------------------------------------------
// Memories

/** `wasm_memory_new(store, type)`: own; NULL if the memory cannot be created. */
export function wasm_memory_new(store: wasm_store_t, type: wasm_memorytype_t): wasm_memory_t | null {
  const fn = 'wasm_memory_new';
  const s = use(fn, store, wasm_store_t, STO);
  const ty = use(fn, type, wasm_memorytype_t, 'a wasm_memorytype_t').ty as MemoryType;
  try {
    return new wasm_memory_t('wasm_memory_t', s, new Memory(s.store, ty));
  } catch (e) {
    if (isMisuse(e)) throw e;
    return null;
  }
}
/** `wasm_memory_type(memory)`: own (the current size as the minimum). */
export function wasm_memory_type(memory: wasm_memory_t): wasm_memorytype_t {
  const m = use('wasm_memory_type', memory, wasm_memory_t, 'a wasm_memory_t');
  return externtypeFrom(m.ext.ty(m.owner!.store)) as wasm_memorytype_t;
}
/**
 * `wasm_memory_data(memory)`: the live bytes of the memory as a `Uint8Array` (replaced when the
 * memory grows: take it again after any call or grow).
 */
export function wasm_memory_data(memory: wasm_memory_t): Uint8Array {
  const m = use('wasm_memory_data', memory, wasm_memory_t, 'a wasm_memory_t');
  return m.ext.data(m.owner!.store);
}
/** `wasm_memory_data_size(memory)`: the size in bytes. */
export function wasm_memory_data_size(memory: wasm_memory_t): number {
  const m = use('wasm_memory_data_size', memory, wasm_memory_t, 'a wasm_memory_t');
  return m.ext.dataSize(m.owner!.store);
}
/** `wasm_memory_size(memory)`: the size in pages. */
export function wasm_memory_size(memory: wasm_memory_t): number {
  const m = use('wasm_memory_size', memory, wasm_memory_t, 'a wasm_memory_t');
  return m.ext.size(m.owner!.store);
}
/** `wasm_memory_grow(memory, delta)`: false if the memory cannot grow by `delta` pages. */
export function wasm_memory_grow(memory: wasm_memory_t, delta: number): boolean {
  const m = use('wasm_memory_grow', memory, wasm_memory_t, 'a wasm_memory_t');
  const d = u32('wasm_memory_grow', delta, 'delta');
  return ok(() => void m.ext.grow(m.owner!.store, d));
}

// ---------------------------------------------------------------------------------------------
// Externs

const EXT = 'a wasm_extern_t';

/** `wasm_extern_kind(extern)`: a `WASM_EXTERN_*` constant. */
export function wasm_extern_kind(extern: wasm_extern_t): wasm_externkind_t {
  const e = use('wasm_extern_kind', extern, wasm_extern_t, EXT);
  if (e instanceof wasm_func_t) return WASM_EXTERN_FUNC;
  if (e instanceof wasm_global_t) return WASM_EXTERN_GLOBAL;
  if (e instanceof wasm_table_t) return WASM_EXTERN_TABLE;
  return WASM_EXTERN_MEMORY;
}
/** `wasm_extern_type(extern)`: own. */
export function wasm_extern_type(extern: wasm_extern_t): wasm_externtype_t {
  const e = use('wasm_extern_type', extern, wasm_extern_t, EXT);
  return externtypeFrom(e.ext.ty(e.owner!.store));
}
/** `wasm_func_as_extern(func)`: the same object as a `wasm_extern_t` (borrowed). */
export function wasm_func_as_extern(func: wasm_func_t): wasm_extern_t {
  return use('wasm_func_as_extern', func, wasm_func_t, 'a wasm_func_t');
}
/** `wasm_global_as_extern(global)`. */
export function wasm_global_as_extern(global: wasm_global_t): wasm_extern_t {
  return use('wasm_global_as_extern', global, wasm_global_t, 'a wasm_global_t');
}
/** `wasm_table_as_extern(table)`. */
export function wasm_table_as_extern(table: wasm_table_t): wasm_extern_t {
  return use('wasm_table_as_extern', table, wasm_table_t, 'a wasm_table_t');
}
/** `wasm_memory_as_extern(memory)`. */
export function wasm_memory_as_extern(memory: wasm_memory_t): wasm_extern_t {
  return use('wasm_memory_as_extern', memory, wasm_memory_t, 'a wasm_memory_t');
}
/** `wasm_extern_as_func(extern)`: the same object as a `wasm_func_t`, or NULL (borrowed). */
export function wasm_extern_as_func(extern: wasm_extern_t): wasm_func_t | null {
  const e = use('wasm_extern_as_func', extern, wasm_extern_t, EXT);
  return e instanceof wasm_func_t ? e : null;
}
/** `wasm_extern_as_global(extern)`. */
export function wasm_extern_as_global(extern: wasm_extern_t): wasm_global_t | null {
  const e = use('wasm_extern_as_global', extern, wasm_extern_t, EXT);
  return e instanceof wasm_global_t ? e : null;
}
/** `wasm_extern_as_table(extern)`. */
export function wasm_extern_as_table(extern: wasm_extern_t): wasm_table_t | null {
  const e = use('wasm_extern_as_table', extern, wasm_extern_t, EXT);
  return e instanceof wasm_table_t ? e : null;
}
/** `wasm_extern_as_memory(extern)`. */
export function wasm_extern_as_memory(extern: wasm_extern_t): wasm_memory_t | null {
  const e = use('wasm_extern_as_memory', extern, wasm_extern_t, EXT);
  return e instanceof wasm_memory_t ? e : null;
}
/** `_const` variants of the extern casts: as their non-const forms. */
export const wasm_func_as_extern_const = wasm_func_as_extern;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_global_as_extern_const = wasm_global_as_extern;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_table_as_extern_const = wasm_table_as_extern;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_memory_as_extern_const = wasm_memory_as_extern;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_extern_as_func_const = wasm_extern_as_func;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_extern_as_global_const = wasm_extern_as_global;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_extern_as_table_const = wasm_extern_as_table;
/** See {@link wasm_func_as_extern_const}. */
export const wasm_extern_as_memory_const = wasm_extern_as_memory;

/** `wasm_extern_vec_t`. */
export class wasm_extern_vec_t extends WasmVec<wasm_extern_t | null> {}
const externVec = vecFamily<wasm_extern_t | null>('wasm_extern_vec_t', () => null, (e) => (e ? wasm_extern_copy(e) : null), (e) => wasm_extern_delete(e));
/** `wasm_extern_vec_new_empty(out)`. */
export const wasm_extern_vec_new_empty = externVec.newEmpty;
/** `wasm_extern_vec_new_uninitialized(out, size)`. */
export const wasm_extern_vec_new_uninitialized = externVec.newUninitialized;
/** `wasm_extern_vec_new(out, size, data)`: takes ownership of the externs. */
export const wasm_extern_vec_new = externVec.make;
/** `wasm_extern_vec_copy(out, src)`. */
export const wasm_extern_vec_copy = externVec.copy;
/** `wasm_extern_vec_delete(vec)`. */
export const wasm_extern_vec_delete = externVec.delete;
