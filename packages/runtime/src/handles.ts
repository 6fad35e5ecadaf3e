/**
 * Shared plumbing of the API handles: resolving a store-like argument, checking that an object
 * belongs to a store, and converting API types to the IR types the compiler's instance classes use.
 * @module
 */
import type * as ir from '@wasmtide/parser';
import { StoreMismatchError } from './errors.js';
import { Store } from './store.js';
import { FuncType, StructType, type GlobalType, type MemoryType, type TableType, type ValType } from './types.js';

/** Anything that gives access to a store: the `Store` itself, or a `Caller`. */
export type AsStore<T = any> = Store<T> | { readonly store: Store<T> };

/** @internal The store behind a store-like argument (throws a `TypeError` if there is none). */
export function asStore(x: AsStore | unknown): Store<any> {
  if (x instanceof Store) return x;
  if (x !== null && typeof x === 'object' && 'store' in x && (x as { store: unknown }).store instanceof Store) return (x as { store: Store<any> }).store;
  throw new TypeError('expected a Store or a Caller');
}

/** @internal Checks that an object owned by `owner` is used with `store`. */
export function checkStore(owner: Store<any>, storeLike: AsStore | unknown, what: string): Store<any> {
  const s = asStore(storeLike);
  if (s !== owner) throw new StoreMismatchError(what);
  return s;
}

/** @internal An API value type as an IR one (concrete heap types become their abstract top). */
export function toIrValType(v: ValType): ir.ValType {
  if (typeof v === 'string') return v;
  const h = v.heap;
  const heap: ir.AbsHeapType = typeof h === 'string' ? h : h instanceof FuncType ? 'func' : h instanceof StructType ? 'struct' : 'array';
  return { kind: 'ref', nullable: v.nullable, heap };
}

/** @internal */
export function toIrFuncType(t: FuncType): ir.FuncType {
  return { kind: 'func', params: t.params.map(toIrValType), results: t.results.map(toIrValType) };
}

/** @internal */
export function toIrGlobalType(t: GlobalType): ir.GlobalType {
  return { type: toIrValType(t.content), mutable: t.mutable };
}

/** @internal */
export function toIrMemoryType(t: MemoryType): ir.MemoryType {
  return { limits: { min: t.minimum, max: t.maximum }, shared: t.shared, addr: t.is64 ? 'i64' : 'i32', pageSizeLog2: t.pageSizeLog2 };
}

/** @internal */
export function toIrTableType(t: TableType): ir.TableType {
  return { element: toIrValType(t.element) as ir.RefType, limits: { min: t.minimum, max: t.maximum }, addr: t.is64 ? 'i64' : 'i32' };
}
