/**
 * Type handles: `wasm_valtype_t`, `wasm_functype_t`, `wasm_globaltype_t`, `wasm_tabletype_t`,
 * `wasm_memorytype_t`, `wasm_externtype_t`, `wasm_importtype_t`, `wasm_exporttype_t`, each with
 * constructors, accessors, `copy` and `delete`, and their vector families. Each wraps the runtime's
 * own type object.
 * @module
 */
import {
  FuncType,
  GlobalType,
  MemoryType,
  RefType,
  TableType,
  type ExternType,
  type ValType,
} from '@wasmtide/runtime';
import { CApiError } from './errors.js';
import { Handle, drop, use } from './handle.js';
import {
  WasmVec,
  borrowedVec,
  fillBytes,
  freeVec,
  vecFamily,
  vecItems,
  wasmtide_name_to_string,
  wasm_byte_vec_t,
  type wasm_name_t,
} from './vec.js';

/** `wasm_valkind_t`: one of the `WASM_*` value kinds. */
export type wasm_valkind_t = number;
/** `i32`. */
export const WASM_I32 = 0;
/** `i64`. */
export const WASM_I64 = 1;
/** `f32`. */
export const WASM_F32 = 2;
/** `f64`. */
export const WASM_F64 = 3;
/** `v128`. */
export const WASM_V128 = 4;
/** `externref`. */
export const WASM_EXTERNREF = 128;
/** `funcref`. */
export const WASM_FUNCREF = 129;
/** wasmtide extension: a reference in the `any` hierarchy (anyref, eqref, i31ref, ...). */
export const WASMTIDE_ANYREF = 130;
/** wasmtide extension: a reference in the `exn` hierarchy. */
export const WASMTIDE_EXNREF = 131;

/** `wasm_mutability_t`: {@link WASM_CONST} or {@link WASM_VAR}. */
export type wasm_mutability_t = number;
/** An immutable global. */
export const WASM_CONST = 0;
/** A mutable global. */
export const WASM_VAR = 1;

/** `wasm_externkind_t`: one of the `WASM_EXTERN_*` kinds. */
export type wasm_externkind_t = number;
/** A function. */
export const WASM_EXTERN_FUNC = 0;
/** A global. */
export const WASM_EXTERN_GLOBAL = 1;
/** A table. */
export const WASM_EXTERN_TABLE = 2;
/** A memory. */
export const WASM_EXTERN_MEMORY = 3;
/** wasmtide extension: an exception tag (wasm.h has no kind for tags). */
export const WASMTIDE_EXTERN_TAG = 4;

/** `wasm_limits_t`: `max` is {@link wasm_limits_max_default} when there is no maximum. */
export interface wasm_limits_t {
  /** Minimum size (pages or elements). */
  min: number;
  /** Maximum size, or `wasm_limits_max_default`. */
  max: number;
}
/** The `max` of limits without a maximum (`0xffffffff`). */
export const wasm_limits_max_default = 0xffffffff;

function kindOf(t: ValType): wasm_valkind_t {
  switch (t) {
    case 'i32':
      return WASM_I32;
    case 'i64':
      return WASM_I64;
    case 'f32':
      return WASM_F32;
    case 'f64':
      return WASM_F64;
    case 'v128':
      return WASM_V128;
  }
  const top = t.top();
  return top === 'func' ? WASM_FUNCREF : top === 'extern' ? WASM_EXTERNREF : top === 'exn' ? WASMTIDE_EXNREF : WASMTIDE_ANYREF;
}

function typeOfKind(fn: string, k: wasm_valkind_t): ValType {
  switch (k) {
    case WASM_I32:
      return 'i32';
    case WASM_I64:
      return 'i64';
    case WASM_F32:
      return 'f32';
    case WASM_F64:
      return 'f64';
    case WASM_V128:
      return 'v128';
    case WASM_EXTERNREF:
      return RefType.EXTERNREF;
    case WASM_FUNCREF:
      return RefType.FUNCREF;
    case WASMTIDE_ANYREF:
      return RefType.ANYREF;
    case WASMTIDE_EXNREF:
      return RefType.EXNREF;
  }
  throw new CApiError(fn, `unknown value kind ${k}`);
}

/** A value type. */
export class wasm_valtype_t extends Handle {
  /** @internal The runtime type. */
  readonly ty: ValType;
  /** @internal */
  constructor(ty: ValType) {
    super('wasm_valtype_t');
    this.ty = ty;
  }
}

/** Base of the four extern types; `wasm_functype_as_externtype` and friends return the object itself. */
export class wasm_externtype_t extends Handle {
  /** @internal The runtime type. */
  readonly ty: ExternType;
  /** @internal */
  constructor(cname: string, ty: ExternType) {
    super(cname);
    this.ty = ty;
  }
}

/** A function type. */
export class wasm_functype_t extends wasm_externtype_t {
  /** @internal */
  readonly params: wasm_valtype_t[];
  /** @internal */
  readonly results: wasm_valtype_t[];
  /** @internal */
  constructor(params: wasm_valtype_t[], results: wasm_valtype_t[]) {
    super('wasm_functype_t', new FuncType(params.map((p) => p.ty), results.map((r) => r.ty)));
    this.params = params;
    this.results = results;
  }
  protected override onDelete(): void {
    for (const v of [...this.params, ...this.results]) v.kill();
  }
}

/** A global type. */
export class wasm_globaltype_t extends wasm_externtype_t {
  /** @internal */
  readonly content: wasm_valtype_t;
  /** @internal */
  constructor(content: wasm_valtype_t, mutable: boolean) {
    super('wasm_globaltype_t', new GlobalType(content.ty, mutable));
    this.content = content;
  }
  protected override onDelete(): void {
    this.content.kill();
  }
}

/** A table type. */
export class wasm_tabletype_t extends wasm_externtype_t {
  /** @internal */
  readonly element: wasm_valtype_t;
  /** @internal */
  readonly limits: wasm_limits_t;
  /** @internal */
  constructor(element: wasm_valtype_t, ty: TableType) {
    super('wasm_tabletype_t', ty);
    this.element = element;
    this.limits = { min: ty.minimum, max: ty.maximum ?? wasm_limits_max_default };
  }
  protected override onDelete(): void {
    this.element.kill();
  }
}

/** A memory type. */
export class wasm_memorytype_t extends wasm_externtype_t {
  /** @internal */
  readonly limits: wasm_limits_t;
  /** @internal */
  constructor(ty: MemoryType) {
    super('wasm_memorytype_t', ty);
    this.limits = { min: ty.minimum, max: ty.maximum ?? wasm_limits_max_default };
  }
}

/** An import: module name, field name and type. */
export class wasm_importtype_t extends Handle {
  /** @internal */
  readonly module: wasm_name_t;
  /** @internal */
  readonly name: wasm_name_t;
  /** @internal */
  readonly type: wasm_externtype_t;
  /** @internal Takes ownership of the three parts. */
  constructor(module: wasm_name_t, name: wasm_name_t, type: wasm_externtype_t) {
    super('wasm_importtype_t');
    this.module = module;
    this.name = name;
    this.type = type;
  }
  protected override onDelete(): void {
    freeVec('wasm_importtype_delete', 'wasm_byte_vec_t', this.module);
    freeVec('wasm_importtype_delete', 'wasm_byte_vec_t', this.name);
    this.type.kill();
  }
}

/** An export: name and type. */
export class wasm_exporttype_t extends Handle {
  /** @internal */
  readonly name: wasm_name_t;
  /** @internal */
  readonly type: wasm_externtype_t;
  /** @internal Takes ownership of both parts. */
  constructor(name: wasm_name_t, type: wasm_externtype_t) {
    super('wasm_exporttype_t');
    this.name = name;
    this.type = type;
  }
  protected override onDelete(): void {
    freeVec('wasm_exporttype_delete', 'wasm_byte_vec_t', this.name);
    this.type.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions from runtime types (the facade's only "logic": building handles).

/** @internal A new owned valtype handle for a runtime type. */
export function valtypeFrom(t: ValType): wasm_valtype_t {
  return new wasm_valtype_t(t);
}

/** @internal A new owned functype handle for a runtime function type. */
export function functypeFrom(t: FuncType): wasm_functype_t {
  return new wasm_functype_t(t.params.map(valtypeFrom), t.results.map(valtypeFrom));
}

/** @internal A new owned externtype handle for a runtime extern type. */
export function externtypeFrom(t: ExternType): wasm_externtype_t {
  if (t instanceof FuncType) return functypeFrom(t);
  if (t instanceof GlobalType) return new wasm_globaltype_t(valtypeFrom(t.content), t.mutable);
  if (t instanceof TableType) return new wasm_tabletype_t(valtypeFrom(t.element), t);
  if (t instanceof MemoryType) return new wasm_memorytype_t(t);
  return new wasm_externtype_t('wasm_externtype_t', t);
}

/** @internal A new owned name vector holding `s`. */
export function ownedName(fn: string, s: string): wasm_name_t {
  const v = new wasm_byte_vec_t();
  fillBytes(fn, v, new TextEncoder().encode(s));
  return v;
}

/** @internal Takes the elements out of an owned vector passed to a constructor (C moves it). */
function takeVec<T>(fn: string, cname: string, v: WasmVec<T>): T[] {
  const items = vecItems(fn, v);
  if (v.state === 'owned') freeVec(fn, cname, v);
  else v.state = 'deleted';
  return items;
}

const VT = 'a wasm_valtype_t';

// ---------------------------------------------------------------------------------------------
// wasm_valtype_t

/** `wasm_valtype_new(kind)`: own. */
export function wasm_valtype_new(kind: wasm_valkind_t): wasm_valtype_t {
  return new wasm_valtype_t(typeOfKind('wasm_valtype_new', kind));
}
/** `wasm_valtype_new_i32()`. */
export const wasm_valtype_new_i32 = (): wasm_valtype_t => wasm_valtype_new(WASM_I32);
/** `wasm_valtype_new_i64()`. */
export const wasm_valtype_new_i64 = (): wasm_valtype_t => wasm_valtype_new(WASM_I64);
/** `wasm_valtype_new_f32()`. */
export const wasm_valtype_new_f32 = (): wasm_valtype_t => wasm_valtype_new(WASM_F32);
/** `wasm_valtype_new_f64()`. */
export const wasm_valtype_new_f64 = (): wasm_valtype_t => wasm_valtype_new(WASM_F64);
/** `wasm_valtype_new_v128()`. */
export const wasm_valtype_new_v128 = (): wasm_valtype_t => wasm_valtype_new(WASM_V128);
/** `wasm_valtype_new_externref()`. */
export const wasm_valtype_new_externref = (): wasm_valtype_t => wasm_valtype_new(WASM_EXTERNREF);
/** `wasm_valtype_new_funcref()`. */
export const wasm_valtype_new_funcref = (): wasm_valtype_t => wasm_valtype_new(WASM_FUNCREF);
/** `wasm_valtype_kind(type)`. */
export function wasm_valtype_kind(type: wasm_valtype_t): wasm_valkind_t {
  return kindOf(use('wasm_valtype_kind', type, wasm_valtype_t, VT).ty);
}
/** `wasm_valtype_is_num(type)`. */
export function wasm_valtype_is_num(type: wasm_valtype_t): boolean {
  return wasm_valkind_is_num(wasm_valtype_kind(type));
}
/** `wasm_valtype_is_ref(type)`. */
export function wasm_valtype_is_ref(type: wasm_valtype_t): boolean {
  return wasm_valkind_is_ref(wasm_valtype_kind(type));
}
/** `wasm_valkind_is_num(kind)`. */
export function wasm_valkind_is_num(kind: wasm_valkind_t): boolean {
  return kind < WASM_EXTERNREF;
}
/** `wasm_valkind_is_ref(kind)`. */
export function wasm_valkind_is_ref(kind: wasm_valkind_t): boolean {
  return kind >= WASM_EXTERNREF;
}
/** `wasm_valtype_copy(type)`: own. */
export function wasm_valtype_copy(type: wasm_valtype_t): wasm_valtype_t {
  return new wasm_valtype_t(use('wasm_valtype_copy', type, wasm_valtype_t, VT).ty);
}
/** `wasm_valtype_delete(type)`. */
export function wasm_valtype_delete(type: wasm_valtype_t | null): void {
  drop('wasm_valtype_delete', type, wasm_valtype_t, VT);
}
/** wasmtide extension: the text-format spelling of a value type (`i32`, `externref`, ...). */
export function wasmtide_valtype_to_string(type: wasm_valtype_t): string {
  const t = use('wasmtide_valtype_to_string', type, wasm_valtype_t, VT).ty;
  return typeof t === 'string' ? t : t.toString();
}

/** `wasm_valtype_vec_t`. */
export class wasm_valtype_vec_t extends WasmVec<wasm_valtype_t | null> {}
const valtypeVec = vecFamily<wasm_valtype_t | null>('wasm_valtype_vec_t', () => null, (e) => (e ? wasm_valtype_copy(e) : null), (e) => wasm_valtype_delete(e));
/** `wasm_valtype_vec_new_empty(out)`. */
export const wasm_valtype_vec_new_empty = valtypeVec.newEmpty;
/** `wasm_valtype_vec_new_uninitialized(out, size)`: `size` NULL slots. */
export const wasm_valtype_vec_new_uninitialized = valtypeVec.newUninitialized;
/** `wasm_valtype_vec_new(out, size, data)`: takes ownership of the elements. */
export const wasm_valtype_vec_new = valtypeVec.make;
/** `wasm_valtype_vec_copy(out, src)`. */
export const wasm_valtype_vec_copy = valtypeVec.copy;
/** `wasm_valtype_vec_delete(vec)`. */
export const wasm_valtype_vec_delete = valtypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_functype_t

const FT = 'a wasm_functype_t';

function ownedValtypes(fn: string, v: WasmVec<wasm_valtype_t | null>): wasm_valtype_t[] {
  return takeVec(fn, 'wasm_valtype_vec_t', v).map((e) => use(fn, e, wasm_valtype_t, VT));
}

/** `wasm_functype_new(params, results)`: own; takes ownership of both vectors. */
export function wasm_functype_new(params: wasm_valtype_vec_t, results: wasm_valtype_vec_t): wasm_functype_t {
  return new wasm_functype_t(ownedValtypes('wasm_functype_new', params), ownedValtypes('wasm_functype_new', results));
}
/** `wasm_functype_new_0_0()` (and the other `_P_R` helpers): takes ownership of the valtypes. */
export function wasm_functype_new_0_0(): wasm_functype_t {
  return new wasm_functype_t([], []);
}
/** `wasm_functype_new_1_0(p)`. */
export function wasm_functype_new_1_0(p: wasm_valtype_t): wasm_functype_t {
  return new wasm_functype_t([p], []);
}
/** `wasm_functype_new_0_1(r)`. */
export function wasm_functype_new_0_1(r: wasm_valtype_t): wasm_functype_t {
  return new wasm_functype_t([], [r]);
}
/** `wasm_functype_new_1_1(p, r)`. */
export function wasm_functype_new_1_1(p: wasm_valtype_t, r: wasm_valtype_t): wasm_functype_t {
  return new wasm_functype_t([p], [r]);
}
/** `wasm_functype_new_2_1(p1, p2, r)`. */
export function wasm_functype_new_2_1(p1: wasm_valtype_t, p2: wasm_valtype_t, r: wasm_valtype_t): wasm_functype_t {
  return new wasm_functype_t([p1, p2], [r]);
}
/** `wasm_functype_new_2_0(p1, p2)`. */
export function wasm_functype_new_2_0(p1: wasm_valtype_t, p2: wasm_valtype_t): wasm_functype_t {
  return new wasm_functype_t([p1, p2], []);
}
/** `wasm_functype_params(type)`: the parameter types, borrowed (do not delete). */
export function wasm_functype_params(type: wasm_functype_t): wasm_valtype_vec_t {
  return borrowedVec<wasm_valtype_t | null>(use('wasm_functype_params', type, wasm_functype_t, FT).params.slice());
}
/** `wasm_functype_results(type)`: the result types, borrowed (do not delete). */
export function wasm_functype_results(type: wasm_functype_t): wasm_valtype_vec_t {
  return borrowedVec<wasm_valtype_t | null>(use('wasm_functype_results', type, wasm_functype_t, FT).results.slice());
}
/** `wasm_functype_copy(type)`: own. */
export function wasm_functype_copy(type: wasm_functype_t): wasm_functype_t {
  return functypeFrom(use('wasm_functype_copy', type, wasm_functype_t, FT).ty as FuncType);
}
/** `wasm_functype_delete(type)`. */
export function wasm_functype_delete(type: wasm_functype_t | null): void {
  drop('wasm_functype_delete', type, wasm_functype_t, FT);
}
/** `wasm_functype_vec_t`. */
export class wasm_functype_vec_t extends WasmVec<wasm_functype_t | null> {}
const functypeVec = vecFamily<wasm_functype_t | null>('wasm_functype_vec_t', () => null, (e) => (e ? wasm_functype_copy(e) : null), (e) => wasm_functype_delete(e));
/** `wasm_functype_vec_new_empty(out)`. */
export const wasm_functype_vec_new_empty = functypeVec.newEmpty;
/** `wasm_functype_vec_new_uninitialized(out, size)`. */
export const wasm_functype_vec_new_uninitialized = functypeVec.newUninitialized;
/** `wasm_functype_vec_new(out, size, data)`. */
export const wasm_functype_vec_new = functypeVec.make;
/** `wasm_functype_vec_copy(out, src)`. */
export const wasm_functype_vec_copy = functypeVec.copy;
/** `wasm_functype_vec_delete(vec)`. */
export const wasm_functype_vec_delete = functypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_globaltype_t

const GT = 'a wasm_globaltype_t';

/** `wasm_globaltype_new(content, mutability)`: own; takes ownership of `content`. */
export function wasm_globaltype_new(content: wasm_valtype_t, mutability: wasm_mutability_t): wasm_globaltype_t {
  return new wasm_globaltype_t(use('wasm_globaltype_new', content, wasm_valtype_t, VT), mutability === WASM_VAR);
}
/** `wasm_globaltype_content(type)`: borrowed. */
export function wasm_globaltype_content(type: wasm_globaltype_t): wasm_valtype_t {
  return use('wasm_globaltype_content', type, wasm_globaltype_t, GT).content;
}
/** `wasm_globaltype_mutability(type)`. */
export function wasm_globaltype_mutability(type: wasm_globaltype_t): wasm_mutability_t {
  return (use('wasm_globaltype_mutability', type, wasm_globaltype_t, GT).ty as GlobalType).mutable ? WASM_VAR : WASM_CONST;
}
/** `wasm_globaltype_copy(type)`: own. */
export function wasm_globaltype_copy(type: wasm_globaltype_t): wasm_globaltype_t {
  return externtypeFrom(use('wasm_globaltype_copy', type, wasm_globaltype_t, GT).ty) as wasm_globaltype_t;
}
/** `wasm_globaltype_delete(type)`. */
export function wasm_globaltype_delete(type: wasm_globaltype_t | null): void {
  drop('wasm_globaltype_delete', type, wasm_globaltype_t, GT);
}
/** `wasm_globaltype_vec_t`. */
export class wasm_globaltype_vec_t extends WasmVec<wasm_globaltype_t | null> {}
const globaltypeVec = vecFamily<wasm_globaltype_t | null>('wasm_globaltype_vec_t', () => null, (e) => (e ? wasm_globaltype_copy(e) : null), (e) => wasm_globaltype_delete(e));
/** `wasm_globaltype_vec_new_empty(out)`. */
export const wasm_globaltype_vec_new_empty = globaltypeVec.newEmpty;
/** `wasm_globaltype_vec_new_uninitialized(out, size)`. */
export const wasm_globaltype_vec_new_uninitialized = globaltypeVec.newUninitialized;
/** `wasm_globaltype_vec_new(out, size, data)`. */
export const wasm_globaltype_vec_new = globaltypeVec.make;
/** `wasm_globaltype_vec_copy(out, src)`. */
export const wasm_globaltype_vec_copy = globaltypeVec.copy;
/** `wasm_globaltype_vec_delete(vec)`. */
export const wasm_globaltype_vec_delete = globaltypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_tabletype_t

const TT = 'a wasm_tabletype_t';

function checkLimits(fn: string, l: wasm_limits_t): void {
  if (l === null || typeof l !== 'object' || !Number.isInteger(l.min) || !Number.isInteger(l.max) || l.min < 0 || l.max < 0 || l.max > wasm_limits_max_default) {
    throw new CApiError(fn, 'limits must be { min, max } with integers in 0..0xffffffff');
  }
}

/** `wasm_tabletype_new(element, limits)`: own; takes ownership of `element` (a reference type). */
export function wasm_tabletype_new(element: wasm_valtype_t, limits: wasm_limits_t): wasm_tabletype_t {
  const el = use('wasm_tabletype_new', element, wasm_valtype_t, VT);
  checkLimits('wasm_tabletype_new', limits);
  if (!(el.ty instanceof RefType)) throw new CApiError('wasm_tabletype_new', `table elements must be references, not ${el.ty}`);
  return new wasm_tabletype_t(el, new TableType(el.ty, limits.min, limits.max === wasm_limits_max_default ? null : limits.max));
}
/** `wasm_tabletype_element(type)`: borrowed. */
export function wasm_tabletype_element(type: wasm_tabletype_t): wasm_valtype_t {
  return use('wasm_tabletype_element', type, wasm_tabletype_t, TT).element;
}
/** `wasm_tabletype_limits(type)`: borrowed. */
export function wasm_tabletype_limits(type: wasm_tabletype_t): wasm_limits_t {
  return use('wasm_tabletype_limits', type, wasm_tabletype_t, TT).limits;
}
/** `wasm_tabletype_copy(type)`: own. */
export function wasm_tabletype_copy(type: wasm_tabletype_t): wasm_tabletype_t {
  return externtypeFrom(use('wasm_tabletype_copy', type, wasm_tabletype_t, TT).ty) as wasm_tabletype_t;
}
/** `wasm_tabletype_delete(type)`. */
export function wasm_tabletype_delete(type: wasm_tabletype_t | null): void {
  drop('wasm_tabletype_delete', type, wasm_tabletype_t, TT);
}
/** `wasm_tabletype_vec_t`. */
export class wasm_tabletype_vec_t extends WasmVec<wasm_tabletype_t | null> {}
const tabletypeVec = vecFamily<wasm_tabletype_t | null>('wasm_tabletype_vec_t', () => null, (e) => (e ? wasm_tabletype_copy(e) : null), (e) => wasm_tabletype_delete(e));
/** `wasm_tabletype_vec_new_empty(out)`. */
export const wasm_tabletype_vec_new_empty = tabletypeVec.newEmpty;
/** `wasm_tabletype_vec_new_uninitialized(out, size)`. */
export const wasm_tabletype_vec_new_uninitialized = tabletypeVec.newUninitialized;
/** `wasm_tabletype_vec_new(out, size, data)`. */
export const wasm_tabletype_vec_new = tabletypeVec.make;
/** `wasm_tabletype_vec_copy(out, src)`. */
export const wasm_tabletype_vec_copy = tabletypeVec.copy;
/** `wasm_tabletype_vec_delete(vec)`. */
export const wasm_tabletype_vec_delete = tabletypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_memorytype_t

const MT = 'a wasm_memorytype_t';

/** `wasm_memorytype_new(limits)`: own; sizes in 64 KiB pages. */
export function wasm_memorytype_new(limits: wasm_limits_t): wasm_memorytype_t {
  checkLimits('wasm_memorytype_new', limits);
  return new wasm_memorytype_t(new MemoryType(limits.min, limits.max === wasm_limits_max_default ? null : limits.max));
}
/** `wasm_memorytype_limits(type)`: borrowed. */
export function wasm_memorytype_limits(type: wasm_memorytype_t): wasm_limits_t {
  return use('wasm_memorytype_limits', type, wasm_memorytype_t, MT).limits;
}
/** `wasm_memorytype_copy(type)`: own. */
export function wasm_memorytype_copy(type: wasm_memorytype_t): wasm_memorytype_t {
  return new wasm_memorytype_t(use('wasm_memorytype_copy', type, wasm_memorytype_t, MT).ty as MemoryType);
}
/** `wasm_memorytype_delete(type)`. */
export function wasm_memorytype_delete(type: wasm_memorytype_t | null): void {
  drop('wasm_memorytype_delete', type, wasm_memorytype_t, MT);
}
/** `wasm_memorytype_vec_t`. */
export class wasm_memorytype_vec_t extends WasmVec<wasm_memorytype_t | null> {}
const memorytypeVec = vecFamily<wasm_memorytype_t | null>('wasm_memorytype_vec_t', () => null, (e) => (e ? wasm_memorytype_copy(e) : null), (e) => wasm_memorytype_delete(e));
/** `wasm_memorytype_vec_new_empty(out)`. */
export const wasm_memorytype_vec_new_empty = memorytypeVec.newEmpty;
/** `wasm_memorytype_vec_new_uninitialized(out, size)`. */
export const wasm_memorytype_vec_new_uninitialized = memorytypeVec.newUninitialized;
/** `wasm_memorytype_vec_new(out, size, data)`. */
export const wasm_memorytype_vec_new = memorytypeVec.make;
/** `wasm_memorytype_vec_copy(out, src)`. */
export const wasm_memorytype_vec_copy = memorytypeVec.copy;
/** `wasm_memorytype_vec_delete(vec)`. */
export const wasm_memorytype_vec_delete = memorytypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_externtype_t

const ET = 'a wasm_externtype_t';

/** `wasm_externtype_kind(type)`: a `WASM_EXTERN_*` constant. */
export function wasm_externtype_kind(type: wasm_externtype_t): wasm_externkind_t {
  const t = use('wasm_externtype_kind', type, wasm_externtype_t, ET).ty;
  if (t instanceof FuncType) return WASM_EXTERN_FUNC;
  if (t instanceof GlobalType) return WASM_EXTERN_GLOBAL;
  if (t instanceof TableType) return WASM_EXTERN_TABLE;
  if (t instanceof MemoryType) return WASM_EXTERN_MEMORY;
  return WASMTIDE_EXTERN_TAG;
}
/** `wasm_externtype_copy(type)`: own. */
export function wasm_externtype_copy(type: wasm_externtype_t): wasm_externtype_t {
  return externtypeFrom(use('wasm_externtype_copy', type, wasm_externtype_t, ET).ty);
}
/** `wasm_externtype_delete(type)`. */
export function wasm_externtype_delete(type: wasm_externtype_t | null): void {
  drop('wasm_externtype_delete', type, wasm_externtype_t, ET);
}
/** `wasm_functype_as_externtype(type)`: the same object, viewed as an extern type. */
export function wasm_functype_as_externtype(type: wasm_functype_t): wasm_externtype_t {
  return use('wasm_functype_as_externtype', type, wasm_functype_t, FT);
}
/** `wasm_globaltype_as_externtype(type)`. */
export function wasm_globaltype_as_externtype(type: wasm_globaltype_t): wasm_externtype_t {
  return use('wasm_globaltype_as_externtype', type, wasm_globaltype_t, GT);
}
/** `wasm_tabletype_as_externtype(type)`. */
export function wasm_tabletype_as_externtype(type: wasm_tabletype_t): wasm_externtype_t {
  return use('wasm_tabletype_as_externtype', type, wasm_tabletype_t, TT);
}
/** `wasm_memorytype_as_externtype(type)`. */
export function wasm_memorytype_as_externtype(type: wasm_memorytype_t): wasm_externtype_t {
  return use('wasm_memorytype_as_externtype', type, wasm_memorytype_t, MT);
}
/** `wasm_externtype_as_functype(type)`: the same object, or NULL if it is not a function type. */
export function wasm_externtype_as_functype(type: wasm_externtype_t): wasm_functype_t | null {
  const t = use('wasm_externtype_as_functype', type, wasm_externtype_t, ET);
  return t instanceof wasm_functype_t ? t : null;
}
/** `wasm_externtype_as_globaltype(type)`. */
export function wasm_externtype_as_globaltype(type: wasm_externtype_t): wasm_globaltype_t | null {
  const t = use('wasm_externtype_as_globaltype', type, wasm_externtype_t, ET);
  return t instanceof wasm_globaltype_t ? t : null;
}
/** `wasm_externtype_as_tabletype(type)`. */
export function wasm_externtype_as_tabletype(type: wasm_externtype_t): wasm_tabletype_t | null {
  const t = use('wasm_externtype_as_tabletype', type, wasm_externtype_t, ET);
  return t instanceof wasm_tabletype_t ? t : null;
}
/** `wasm_externtype_as_memorytype(type)`. */
export function wasm_externtype_as_memorytype(type: wasm_externtype_t): wasm_memorytype_t | null {
  const t = use('wasm_externtype_as_memorytype', type, wasm_externtype_t, ET);
  return t instanceof wasm_memorytype_t ? t : null;
}
/** `wasm_functype_as_externtype_const` and the other `_const` casts: as their non-const forms. */
export const wasm_functype_as_externtype_const = wasm_functype_as_externtype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_globaltype_as_externtype_const = wasm_globaltype_as_externtype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_tabletype_as_externtype_const = wasm_tabletype_as_externtype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_memorytype_as_externtype_const = wasm_memorytype_as_externtype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_externtype_as_functype_const = wasm_externtype_as_functype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_externtype_as_globaltype_const = wasm_externtype_as_globaltype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_externtype_as_tabletype_const = wasm_externtype_as_tabletype;
/** See {@link wasm_functype_as_externtype_const}. */
export const wasm_externtype_as_memorytype_const = wasm_externtype_as_memorytype;
/** `wasm_externtype_vec_t`. */
export class wasm_externtype_vec_t extends WasmVec<wasm_externtype_t | null> {}
const externtypeVec = vecFamily<wasm_externtype_t | null>('wasm_externtype_vec_t', () => null, (e) => (e ? wasm_externtype_copy(e) : null), (e) => wasm_externtype_delete(e));
/** `wasm_externtype_vec_new_empty(out)`. */
export const wasm_externtype_vec_new_empty = externtypeVec.newEmpty;
/** `wasm_externtype_vec_new_uninitialized(out, size)`. */
export const wasm_externtype_vec_new_uninitialized = externtypeVec.newUninitialized;
/** `wasm_externtype_vec_new(out, size, data)`. */
export const wasm_externtype_vec_new = externtypeVec.make;
/** `wasm_externtype_vec_copy(out, src)`. */
export const wasm_externtype_vec_copy = externtypeVec.copy;
/** `wasm_externtype_vec_delete(vec)`. */
export const wasm_externtype_vec_delete = externtypeVec.delete;

// ---------------------------------------------------------------------------------------------
// wasm_importtype_t / wasm_exporttype_t

const IT = 'a wasm_importtype_t';
const XT = 'a wasm_exporttype_t';

function takeName(fn: string, n: wasm_name_t): wasm_name_t {
  if (!(n instanceof wasm_byte_vec_t) || n.state === 'deleted') throw new CApiError(fn, 'expected a live wasm_name_t');
  const owned = ownedName(fn, new TextDecoder().decode(n.data.subarray(0, n.size)));
  if (n.state === 'owned') freeVec(fn, 'wasm_byte_vec_t', n);
  return owned;
}

/** `wasm_importtype_new(module, name, type)`: own; takes ownership of all three. */
export function wasm_importtype_new(module: wasm_name_t, name: wasm_name_t, type: wasm_externtype_t): wasm_importtype_t {
  const fn = 'wasm_importtype_new';
  const t = use(fn, type, wasm_externtype_t, ET);
  return new wasm_importtype_t(takeName(fn, module), takeName(fn, name), t);
}
/** `wasm_importtype_module(type)`: borrowed. */
export function wasm_importtype_module(type: wasm_importtype_t): wasm_name_t {
  return use('wasm_importtype_module', type, wasm_importtype_t, IT).module;
}
/** `wasm_importtype_name(type)`: borrowed. */
export function wasm_importtype_name(type: wasm_importtype_t): wasm_name_t {
  return use('wasm_importtype_name', type, wasm_importtype_t, IT).name;
}
/** `wasm_importtype_type(type)`: borrowed. */
export function wasm_importtype_type(type: wasm_importtype_t): wasm_externtype_t {
  return use('wasm_importtype_type', type, wasm_importtype_t, IT).type;
}
/** `wasm_importtype_copy(type)`: own. */
export function wasm_importtype_copy(type: wasm_importtype_t): wasm_importtype_t {
  const t = use('wasm_importtype_copy', type, wasm_importtype_t, IT);
  return new wasm_importtype_t(ownedName('wasm_importtype_copy', wasmtide_name_to_string(t.module)), ownedName('wasm_importtype_copy', wasmtide_name_to_string(t.name)), externtypeFrom(t.type.ty));
}
/** `wasm_importtype_delete(type)`. */
export function wasm_importtype_delete(type: wasm_importtype_t | null): void {
  drop('wasm_importtype_delete', type, wasm_importtype_t, IT);
}
/** `wasm_importtype_vec_t`. */
export class wasm_importtype_vec_t extends WasmVec<wasm_importtype_t | null> {}
const importtypeVec = vecFamily<wasm_importtype_t | null>('wasm_importtype_vec_t', () => null, (e) => (e ? wasm_importtype_copy(e) : null), (e) => wasm_importtype_delete(e));
/** `wasm_importtype_vec_new_empty(out)`. */
export const wasm_importtype_vec_new_empty = importtypeVec.newEmpty;
/** `wasm_importtype_vec_new_uninitialized(out, size)`. */
export const wasm_importtype_vec_new_uninitialized = importtypeVec.newUninitialized;
/** `wasm_importtype_vec_new(out, size, data)`. */
export const wasm_importtype_vec_new = importtypeVec.make;
/** `wasm_importtype_vec_copy(out, src)`. */
export const wasm_importtype_vec_copy = importtypeVec.copy;
/** `wasm_importtype_vec_delete(vec)`. */
export const wasm_importtype_vec_delete = importtypeVec.delete;

/** `wasm_exporttype_new(name, type)`: own; takes ownership of both. */
export function wasm_exporttype_new(name: wasm_name_t, type: wasm_externtype_t): wasm_exporttype_t {
  const fn = 'wasm_exporttype_new';
  const t = use(fn, type, wasm_externtype_t, ET);
  return new wasm_exporttype_t(takeName(fn, name), t);
}
/** `wasm_exporttype_name(type)`: borrowed. */
export function wasm_exporttype_name(type: wasm_exporttype_t): wasm_name_t {
  return use('wasm_exporttype_name', type, wasm_exporttype_t, XT).name;
}
/** `wasm_exporttype_type(type)`: borrowed. */
export function wasm_exporttype_type(type: wasm_exporttype_t): wasm_externtype_t {
  return use('wasm_exporttype_type', type, wasm_exporttype_t, XT).type;
}
/** `wasm_exporttype_copy(type)`: own. */
export function wasm_exporttype_copy(type: wasm_exporttype_t): wasm_exporttype_t {
  const t = use('wasm_exporttype_copy', type, wasm_exporttype_t, XT);
  return new wasm_exporttype_t(ownedName('wasm_exporttype_copy', wasmtide_name_to_string(t.name)), externtypeFrom(t.type.ty));
}
/** `wasm_exporttype_delete(type)`. */
export function wasm_exporttype_delete(type: wasm_exporttype_t | null): void {
  drop('wasm_exporttype_delete', type, wasm_exporttype_t, XT);
}
/** `wasm_exporttype_vec_t`. */
export class wasm_exporttype_vec_t extends WasmVec<wasm_exporttype_t | null> {}
const exporttypeVec = vecFamily<wasm_exporttype_t | null>('wasm_exporttype_vec_t', () => null, (e) => (e ? wasm_exporttype_copy(e) : null), (e) => wasm_exporttype_delete(e));
/** `wasm_exporttype_vec_new_empty(out)`. */
export const wasm_exporttype_vec_new_empty = exporttypeVec.newEmpty;
/** `wasm_exporttype_vec_new_uninitialized(out, size)`. */
export const wasm_exporttype_vec_new_uninitialized = exporttypeVec.newUninitialized;
/** `wasm_exporttype_vec_new(out, size, data)`. */
export const wasm_exporttype_vec_new = exporttypeVec.make;
/** `wasm_exporttype_vec_copy(out, src)`. */
export const wasm_exporttype_vec_copy = exporttypeVec.copy;
/** `wasm_exporttype_vec_delete(vec)`. */
export const wasm_exporttype_vec_delete = exporttypeVec.delete;

