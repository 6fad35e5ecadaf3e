/**
 * Value types as small integers, so operand stacks are typed arrays.
 *
 * A code `c` is: 0 = bottom (an unknown operand of unreachable code); 1..5 = i32, i64, f32, f64,
 * v128; 6, 7 = the packed storage types i8, i16 (fields only); `c >= 8` = a reference type with
 * `nullable = c & 1` and heap code `h = (c - 8) >> 1`, where `h < 16` is an abstract heap type
 * (see the `H_*` constants) and `h >= 16` is the concrete type `h - 16` (an index into the
 * module's types, always its canonical representative, so equal types have equal codes).
 * @module
 */
import type { HeapType, StorageType, ValType } from '@wasmtide/parser';

/** Bottom: matches every type (an operand popped from an unreachable, empty stack). */
export const BOT = 0;
/** i32. */
export const I32 = 1;
/** i64. */
export const I64 = 2;
/** f32. */
export const F32 = 3;
/** f64. */
export const F64 = 4;
/** v128. */
export const V128 = 5;
/** Packed i8 (storage only). */
export const I8 = 6;
/** Packed i16 (storage only). */
export const I16 = 7;

/** Abstract heap type codes. */
export const H_FUNC = 0;
/** nofunc. */
export const H_NOFUNC = 1;
/** extern. */
export const H_EXTERN = 2;
/** noextern. */
export const H_NOEXTERN = 3;
/** any. */
export const H_ANY = 4;
/** eq. */
export const H_EQ = 5;
/** i31. */
export const H_I31 = 6;
/** struct. */
export const H_STRUCT = 7;
/** array. */
export const H_ARRAY = 8;
/** none. */
export const H_NONE = 9;
/** exn. */
export const H_EXN = 10;
/** noexn. */
export const H_NOEXN = 11;
/** The bottom heap type (unknown). */
export const H_BOT = 12;
/** First concrete heap code: type index `i` is `H_CONCRETE + i`. */
export const H_CONCRETE = 16;
/**
 * custom-descriptors: offset of exact concrete heap codes. The exact type `(exact i)` is
 * `H_CONCRETE + H_EXACT + i` (type indices stay far below 2^24).
 */
export const H_EXACT = 1 << 24;

/** True if a heap code is an exact concrete type. */
export function isExactHeap(h: number): boolean {
  return h >= H_CONCRETE + H_EXACT;
}

/** The heap code without exactness (the inexact concrete type, or `h` itself). */
export function inexactHeap(h: number): number {
  return h >= H_CONCRETE + H_EXACT ? h - H_EXACT : h;
}

/** The exact form of a concrete heap code (abstract heap codes stay as they are). */
export function exactHeap(h: number): number {
  return h >= H_CONCRETE && h < H_CONCRETE + H_EXACT ? h + H_EXACT : h;
}

const ABS_NAMES = ['func', 'nofunc', 'extern', 'noextern', 'any', 'eq', 'i31', 'struct', 'array', 'none', 'exn', 'noexn', 'bot'] as const;
const ABS_BY_NAME: Record<string, number> = Object.fromEntries(ABS_NAMES.map((n, i) => [n, i]));

/** The code of reference type `(ref null? h)`. */
export function refCode(heap: number, nullable: boolean): number {
  return 8 + heap * 2 + (nullable ? 1 : 0);
}

/** The heap code of a reference type code. */
export function heapOf(code: number): number {
  return (code - 8) >> 1;
}

/** True if `code` is a reference type. */
export function isRef(code: number): boolean {
  return code >= 8;
}

/**
 * Heap code from the binary encoding: the negative s33 value of an abstract heap type byte, or -1
 * if the byte names none.
 */
export function absHeapFromByte(b: number): number {
  switch (b) {
    case 0x70: return H_FUNC;
    case 0x73: return H_NOFUNC;
    case 0x6f: return H_EXTERN;
    case 0x72: return H_NOEXTERN;
    case 0x6e: return H_ANY;
    case 0x6d: return H_EQ;
    case 0x6c: return H_I31;
    case 0x6b: return H_STRUCT;
    case 0x6a: return H_ARRAY;
    case 0x71: return H_NONE;
    case 0x69: return H_EXN;
    case 0x74: return H_NOEXN;
    default: return -1;
  }
}

/** The heap code of an IR heap type (concrete indices mapped through `rep`). */
export function heapCode(h: HeapType, rep: Int32Array | null, exact = false): number {
  if (typeof h === 'number') return H_CONCRETE + (exact ? H_EXACT : 0) + (rep && h < rep.length ? rep[h]! : h);
  return ABS_BY_NAME[h]!;
}

/** The code of an IR value or storage type (concrete indices mapped through `rep`). */
export function valCode(t: StorageType, rep: Int32Array | null): number {
  if (typeof t === 'string') {
    switch (t) {
      case 'i32': return I32;
      case 'i64': return I64;
      case 'f32': return F32;
      case 'f64': return F64;
      case 'v128': return V128;
      case 'i8': return I8;
      default: return I16;
    }
  }
  return refCode(heapCode(t.heap, rep, t.exact === true), t.nullable);
}

/** The IR value type for a code (concrete heap codes become type indices). */
export function codeToValType(c: number): ValType {
  switch (c) {
    case I32: return 'i32';
    case I64: return 'i64';
    case F32: return 'f32';
    case F64: return 'f64';
    case V128: return 'v128';
  }
  const h = heapOf(c);
  if (isExactHeap(h)) return { kind: 'ref', nullable: (c & 1) === 1, heap: h - H_EXACT - H_CONCRETE, exact: true };
  return { kind: 'ref', nullable: (c & 1) === 1, heap: h >= H_CONCRETE ? h - H_CONCRETE : ABS_NAMES[h] as HeapType };
}

/** Text form of a heap code. */
export function heapName(h: number): string {
  if (isExactHeap(h)) return `(exact ${h - H_EXACT - H_CONCRETE})`;
  return h >= H_CONCRETE ? String(h - H_CONCRETE) : ABS_NAMES[h] ?? '?';
}

/** Text form of a value type code, as in the text format (`i32`, `(ref null 3)`, `funcref`). */
export function typeName(c: number): string {
  switch (c) {
    case BOT: return 'bot';
    case I32: return 'i32';
    case I64: return 'i64';
    case F32: return 'f32';
    case F64: return 'f64';
    case V128: return 'v128';
    case I8: return 'i8';
    case I16: return 'i16';
  }
  const h = heapOf(c);
  if (c & 1 && h < H_CONCRETE && h !== H_BOT) return `${ABS_NAMES[h]}ref`;
  return `(ref ${c & 1 ? 'null ' : ''}${heapName(h)})`;
}

/** Text form of a list of codes, `[i32 f64]`. */
export function typesName(cs: ArrayLike<number>, from = 0, to = cs.length): string {
  let s = '[';
  for (let i = from; i < to; i++) s += (i > from ? ' ' : '') + typeName(cs[i]!);
  return s + ']';
}

/** True if a value of this type has a default value (numbers, vectors, nullable references). */
export function defaultable(c: number): boolean {
  return c < 8 || (c & 1) === 1;
}

/** Unpacks a storage type code (i8/i16 become i32). */
export function unpacked(c: number): number {
  return c === I8 || c === I16 ? I32 : c;
}
