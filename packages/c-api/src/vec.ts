/**
 * The `*_vec_t` families. A vector is a small struct `{ size, data }` that the caller declares
 * (`const v = new wasm_byte_vec_t()`) and a `*_vec_new*` / `*_vec_copy` function, or an API
 * function with a vector out-parameter, fills. A filled vector is owned: `*_vec_delete` frees it
 * and deletes its elements. `WASM_ARRAY_VEC(array)` borrows a JS array as a vector without
 * copying (never delete it), as the C macro does.
 * @module
 */
import { CApiError } from './errors.js';
import { countVec } from './handle.js';

type VecState = 'empty' | 'owned' | 'deleted' | 'borrowed';

/** A vector: `size` elements in `data` (a JS array; bytes use {@link wasm_byte_vec_t}). */
export class WasmVec<T> {
  /** Number of elements. */
  size = 0;
  /** The elements (`data.length === size`). */
  data: T[] = [];
  /** @internal Ownership state. */
  state: VecState = 'empty';
}

/** A byte vector: `data` is a `Uint8Array` of length `size`. Also `wasm_name_t` and `wasm_message_t`. */
export class wasm_byte_vec_t {
  /** Number of bytes. */
  size = 0;
  /** The bytes. */
  data: Uint8Array = new Uint8Array(0);
  /** @internal Ownership state. */
  state: VecState = 'empty';
}

/** A name (UTF-8 bytes, no terminating NUL). */
export type wasm_name_t = wasm_byte_vec_t;
/** A trap or error message (UTF-8 bytes, no terminating NUL). */
export type wasm_message_t = wasm_name_t;

/** @internal Makes `out` an owned vector holding `items` (counted as a live allocation). */
export function fillVec<T>(cname: string, out: WasmVec<T>, items: T[]): void {
  if (!(out instanceof WasmVec)) throw new CApiError(cname, 'the out-parameter must be a vector object (new wasm_..._vec_t())');
  out.size = items.length;
  out.data = items;
  out.state = items.length > 0 ? 'owned' : 'empty';
  if (items.length > 0) countVec(cname, 1);
}

/** @internal Makes `out` an owned byte vector holding `bytes`. */
export function fillBytes(fn: string, out: wasm_byte_vec_t, bytes: Uint8Array): void {
  if (!(out instanceof wasm_byte_vec_t)) throw new CApiError(fn, 'the out-parameter must be a wasm_byte_vec_t');
  out.size = bytes.length;
  out.data = bytes;
  out.state = bytes.length > 0 ? 'owned' : 'empty';
  if (bytes.length > 0) countVec('wasm_byte_vec_t', 1);
}

/** @internal Frees a vector; `each` deletes one element. Throws on double delete or a borrowed vector. */
export function freeVec<T>(fn: string, cname: string, v: WasmVec<T> | wasm_byte_vec_t | null, each?: (e: T) => void): void {
  if (v === null || v === undefined) return;
  if (v.state === 'deleted') throw new CApiError(fn, `${cname} deleted twice`);
  if (v.state === 'borrowed') throw new CApiError(fn, `${cname} is borrowed (WASM_ARRAY_VEC or an accessor result), not owned`);
  if (v.state === 'owned') {
    countVec(cname, -1);
    if (each && v instanceof WasmVec) for (const e of v.data) each(e);
  }
  v.state = 'deleted';
  v.size = 0;
  if (v instanceof WasmVec) v.data = [];
  else v.data = new Uint8Array(0);
}

/** @internal The elements of a vector argument, checked. */
export function vecItems<T>(fn: string, v: WasmVec<T> | null | undefined): T[] {
  if (v === null || v === undefined) return [];
  if (!(v instanceof WasmVec)) throw new CApiError(fn, 'expected a vector');
  if (v.state === 'deleted') throw new CApiError(fn, 'vector used after it was deleted');
  if (v.data.length < v.size) throw new CApiError(fn, `vector size ${v.size} exceeds its ${v.data.length} elements`);
  return v.data.slice(0, v.size);
}

/** @internal A borrowed vector over `items` (for accessor results the caller must not delete). */
export function borrowedVec<T>(items: T[]): WasmVec<T> {
  const v = new WasmVec<T>();
  v.size = items.length;
  v.data = items;
  v.state = 'borrowed';
  return v;
}

/** `WASM_ARRAY_VEC(array)`: borrows a JS array as a vector (no copy, never delete it). */
export function WASM_ARRAY_VEC<T>(array: T[]): WasmVec<T> {
  return borrowedVec(array);
}

/** `WASM_EMPTY_VEC`: an empty borrowed vector. */
export function WASM_EMPTY_VEC<T>(): WasmVec<T> {
  return borrowedVec<T>([]);
}

/** The five functions of a vector family (`new_empty`, `new_uninitialized`, `new`, `copy`, `delete`). */
export interface VecFamily<T> {
  /** `wasm_X_vec_new_empty(out)`. */
  newEmpty(out: WasmVec<T>): void;
  /** `wasm_X_vec_new_uninitialized(out, size)`: `size` slots holding the family's blank value. */
  newUninitialized(out: WasmVec<T>, size: number): void;
  /** `wasm_X_vec_new(out, size, data)`: takes ownership of the first `size` elements of `data`. */
  make(out: WasmVec<T>, size: number, data: readonly T[]): void;
  /** `wasm_X_vec_copy(out, src)`: a deep copy. */
  copy(out: WasmVec<T>, src: WasmVec<T>): void;
  /** `wasm_X_vec_delete(vec)`: deletes the elements and frees the vector. */
  delete(vec: WasmVec<T> | null): void;
}

/** @internal Builds the functions of vector family `X` (`cname` is `wasm_X_vec_t`). */
export function vecFamily<T>(cname: string, blank: () => T, copyElem: (e: T) => T, deleteElem: (e: T) => void): VecFamily<T> {
  const base = cname.replace(/_t$/, '');
  const checkSize = (fn: string, size: number) => {
    if (!Number.isInteger(size) || size < 0 || size > 0x10000000) throw new CApiError(fn, `invalid vector size ${size}`);
  };
  return {
    newEmpty(out) {
      fillVec(cname, out, []);
    },
    newUninitialized(out, size) {
      checkSize(`${base}_new_uninitialized`, size);
      fillVec(cname, out, Array.from({ length: size }, blank));
    },
    make(out, size, data) {
      checkSize(`${base}_new`, size);
      if (data.length < size) throw new CApiError(`${base}_new`, `size ${size} exceeds the ${data.length} elements given`);
      fillVec(cname, out, data.slice(0, size));
    },
    copy(out, src) {
      fillVec(cname, out, vecItems(`${base}_copy`, src).map(copyElem));
    },
    delete(vec) {
      freeVec(`${base}_delete`, cname, vec, deleteElem);
    },
  };
}

/** `wasm_byte_vec_new_empty(out)`. */
export function wasm_byte_vec_new_empty(out: wasm_byte_vec_t): void {
  fillBytes('wasm_byte_vec_new_empty', out, new Uint8Array(0));
}
/** `wasm_byte_vec_new_uninitialized(out, size)`: `size` zero bytes. */
export function wasm_byte_vec_new_uninitialized(out: wasm_byte_vec_t, size: number): void {
  if (!Number.isInteger(size) || size < 0 || size > 0x40000000) throw new CApiError('wasm_byte_vec_new_uninitialized', `invalid size ${size}`);
  fillBytes('wasm_byte_vec_new_uninitialized', out, new Uint8Array(size));
}
/** `wasm_byte_vec_new(out, size, data)`: copies the first `size` bytes of `data`. */
export function wasm_byte_vec_new(out: wasm_byte_vec_t, size: number, data: ArrayLike<number>): void {
  if (!Number.isInteger(size) || size < 0 || size > data.length) throw new CApiError('wasm_byte_vec_new', `invalid size ${size} for ${data.length} bytes`);
  fillBytes('wasm_byte_vec_new', out, Uint8Array.from({ length: size }, (_, i) => data[i]!));
}
/** `wasm_byte_vec_copy(out, src)`. */
export function wasm_byte_vec_copy(out: wasm_byte_vec_t, src: wasm_byte_vec_t): void {
  if (src.state === 'deleted') throw new CApiError('wasm_byte_vec_copy', 'wasm_byte_vec_t used after it was deleted');
  fillBytes('wasm_byte_vec_copy', out, src.data.slice(0, src.size));
}
/** `wasm_byte_vec_delete(vec)`. */
export function wasm_byte_vec_delete(vec: wasm_byte_vec_t | null): void {
  freeVec('wasm_byte_vec_delete', 'wasm_byte_vec_t', vec);
}
/** `wasm_name_new_from_string(out, s)`: the UTF-8 bytes of `s` (no NUL). */
export function wasm_name_new_from_string(out: wasm_name_t, s: string): void {
  fillBytes('wasm_name_new_from_string', out, new TextEncoder().encode(s));
}
/** `wasm_name_new_from_string_nt(out, s)`: the UTF-8 bytes of `s` plus a terminating NUL, as in C. */
export function wasm_name_new_from_string_nt(out: wasm_name_t, s: string): void {
  fillBytes('wasm_name_new_from_string_nt', out, new TextEncoder().encode(`${s}\0`));
}
/** `wasm_name_new`, `wasm_name_new_empty`, `wasm_name_copy`, `wasm_name_delete`: the byte-vector functions. */
export const wasm_name_new = wasm_byte_vec_new;
/** See {@link wasm_name_new}. */
export const wasm_name_new_empty = wasm_byte_vec_new_empty;
/** See {@link wasm_name_new}. */
export const wasm_name_new_uninitialized = wasm_byte_vec_new_uninitialized;
/** See {@link wasm_name_new}. */
export const wasm_name_copy = wasm_byte_vec_copy;
/** See {@link wasm_name_new}. */
export const wasm_name_delete = wasm_byte_vec_delete;

/** Decodes a name or message vector as a JS string (a trailing NUL, if any, is dropped). */
export function wasmtide_name_to_string(v: wasm_byte_vec_t): string {
  let n = v.size;
  if (n > 0 && v.data[n - 1] === 0) n--;
  return new TextDecoder().decode(v.data.subarray(0, n));
}
