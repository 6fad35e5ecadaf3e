/**
 * The module-wide facts that instruction validation consults, as flat typed arrays.
 * @module
 */
import type { Module } from '@wasmtide/parser';
import type { Features } from './features.js';
import { BOT, H_ANY, H_ARRAY, H_BOT, H_CONCRETE, H_EQ, H_EXACT, inexactHeap, H_EXN, H_EXTERN, H_FUNC, H_I31, H_NOEXN, H_NOEXTERN, H_NOFUNC, H_NONE, H_STRUCT, heapOf, V128 } from './valtypes.js';

/** Composite kinds. */
export const K_FUNC = 0;
/** Struct kind. */
export const K_STRUCT = 1;
/** Array kind. */
export const K_ARRAY = 2;

/** Everything the body validator needs to know about the module. Built once per `validate`. */
export interface Ctx {
  readonly module: Module;
  readonly features: Features;
  readonly nTypes: number;
  /** Canonical representative of each type index. */
  readonly rep: Int32Array;
  /** Composite kind per type index. */
  readonly kind: Uint8Array;
  /** Declared supertype (as representative index) per type index, or -1. */
  readonly sup: Int32Array;
  /** Depth in the declared-supertype chain per type index. */
  readonly depth: Int32Array;
  /** Function types: parameter and result codes (null for non-function types). */
  readonly params: (Int32Array | null)[];
  readonly results: (Int32Array | null)[];
  /** Struct field storage codes / array element code (as a 1-entry array). */
  readonly fields: (Int32Array | null)[];
  /** Mutability per field (struct) or of the element (array). */
  readonly fieldMut: (Uint8Array | null)[];
  /** custom-descriptors: the descriptor type (as representative index) per type index, or -1. */
  readonly desc: Int32Array;
  /** Type index of every function in the function index space. */
  funcType: Int32Array;
  /** custom-descriptors: 1 for functions whose references are inexact (imports not declared exact). */
  funcInexact: Uint8Array;
  nFuncs: number;
  tableElem: Int32Array;
  tableAddr: Int32Array;
  nTables: number;
  memAddr: Int32Array;
  nMems: number;
  globalType: Int32Array;
  globalMut: Uint8Array;
  nGlobals: number;
  tagType: Int32Array;
  nTags: number;
  elemType: Int32Array;
  nElems: number;
  nDatas: number;
  /** Functions that may be named by `ref.func` in bodies (C.refs). */
  refs: Uint8Array;
}

/** Heap subtyping inside one module (heap codes, concrete ones canonical). */
export function heapSub(ctx: Ctx, a: number, b: number): boolean {
  if (a === b || a === H_BOT) return true;
  if (b >= H_CONCRETE + H_EXACT) {
    // an exact type's only proper subtype is its hierarchy's bottom
    return a === (ctx.kind[b - H_EXACT - H_CONCRETE] === K_FUNC ? H_NOFUNC : H_NONE);
  }
  if (a >= H_CONCRETE + H_EXACT) {
    a -= H_EXACT;
    if (a === b) return true;
  }
  if (b >= H_CONCRETE) {
    if (a < H_CONCRETE) return ctx.kind[b - H_CONCRETE] === K_FUNC ? a === H_NOFUNC : a === H_NONE;
    let x = a - H_CONCRETE;
    const y = b - H_CONCRETE;
    const dy = ctx.depth[y]!;
    let dx = ctx.depth[x]!;
    if (dx <= dy) return false;
    while (dx > dy) {
      x = ctx.sup[x]!;
      dx--;
    }
    return x === y;
  }
  if (a >= H_CONCRETE) {
    const k = ctx.kind[a - H_CONCRETE];
    if (k === K_FUNC) return b === H_FUNC;
    if (b === H_ANY || b === H_EQ) return true;
    return k === K_STRUCT ? b === H_STRUCT : b === H_ARRAY;
  }
  switch (b) {
    case H_ANY: return a === H_EQ || a === H_I31 || a === H_STRUCT || a === H_ARRAY || a === H_NONE;
    case H_EQ: return a === H_I31 || a === H_STRUCT || a === H_ARRAY || a === H_NONE;
    case H_I31: case H_STRUCT: case H_ARRAY: return a === H_NONE;
    case H_FUNC: return a === H_NOFUNC;
    case H_EXTERN: return a === H_NOEXTERN;
    case H_EXN: return a === H_NOEXN;
    default: return false;
  }
}

/** Value subtyping inside one module (codes). */
export function valSub(ctx: Ctx, a: number, b: number): boolean {
  if (a === b || a === BOT) return true;
  if (a < 8 || b < 8) return false;
  if ((a & 1) > (b & 1)) return false;
  return heapSub(ctx, heapOf(a), heapOf(b));
}

/** The top heap type of a heap code's hierarchy (func, extern, exn or any). */
export function topHeap(ctx: Ctx, h: number): number {
  if (h >= H_CONCRETE) return ctx.kind[inexactHeap(h) - H_CONCRETE] === K_FUNC ? H_FUNC : H_ANY;
  switch (h) {
    case H_FUNC: case H_NOFUNC: return H_FUNC;
    case H_EXTERN: case H_NOEXTERN: return H_EXTERN;
    case H_EXN: case H_NOEXN: return H_EXN;
    case H_BOT: return H_BOT;
    default: return H_ANY;
  }
}

/**
 * The proposal a value type needs that `ctx.features` lacks, as an error reason, or null when the
 * type is available (v128 needs simd; references need reference types; typed and non-nullable
 * references need function references; the any/eq/i31/struct/array hierarchy needs GC; exnref
 * needs exceptions).
 */
export function missingTypeFeature(ctx: Ctx, c: number): string | null {
  const f = ctx.features;
  if (c === V128) return f.simd ? null : 'simd support is not enabled';
  if (c < 8) return null;
  if (!f.referenceTypes) return 'referenceTypes support is not enabled';
  const h = heapOf(c);
  if (h === H_EXN || h === H_NOEXN) return f.exceptions || f.legacyExceptions ? null : 'exceptions support is not enabled';
  if (h === H_FUNC || h === H_EXTERN || h >= H_CONCRETE) {
    if (h < H_CONCRETE && (c & 1) === 1) return null;
    return f.functionReferences || f.gc ? null : 'functionReferences support is not enabled';
  }
  return f.gc ? null : 'gc support is not enabled';
}
