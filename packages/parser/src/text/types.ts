/**
 * Value, reference, heap and composite types of the text format, parsed straight to their binary
 * encodings (as byte arrays, so two types can be compared by their bytes).
 * @module
 */

import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';

/** A value type as its binary encoding. */
export type EncType = readonly number[];

/** Resolves a symbolic type index (`$t`) or a numeric one. */
export interface TypeResolver {
  /** Index of type `$name`; throws "unknown type" if there is none. */
  typeIndex(c: Cursor): number;
}

/** Abstract heap types and their one-byte encodings. */
const ABS_HEAP: Readonly<Record<string, number>> = {
  nofunc: 0x73,
  noextern: 0x72,
  none: 0x71,
  func: 0x70,
  extern: 0x6f,
  any: 0x6e,
  eq: 0x6d,
  i31: 0x6c,
  struct: 0x6b,
  array: 0x6a,
  exn: 0x69,
  noexn: 0x74,
};

/** Nullable reference shorthands (`funcref` = `(ref null func)`). */
const REF_SHORT: Readonly<Record<string, number>> = {
  funcref: 0x70,
  externref: 0x6f,
  anyref: 0x6e,
  eqref: 0x6d,
  i31ref: 0x6c,
  structref: 0x6b,
  arrayref: 0x6a,
  nullref: 0x71,
  nullfuncref: 0x73,
  nullexternref: 0x72,
  exnref: 0x69,
  nullexnref: 0x74,
};

const NUM: Readonly<Record<string, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Appends the signed LEB128 encoding of a non-negative type index (s33) to `out`. */
function pushS33(out: number[], v: number): void {
  let x = v;
  for (;;) {
    const b = x & 0x7f;
    x = Math.floor(x / 128);
    if (x === 0 && !(b & 0x40)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

/** Appends the unsigned LEB128 of `v` (a u32) to `out`. */
export function pushU32(out: number[], v: number): void {
  let x = v;
  do {
    let b = x & 0x7f;
    x >>>= 7;
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
}

/** A parsed heap type: its encoding. */
export function parseHeapType(c: Cursor, r: TypeResolver): number[] {
  const kw = c.keyword();
  if (kw !== null) {
    const b = ABS_HEAP[kw];
    if (b === undefined) throw c.unexpected();
    c.pos++;
    return [b];
  }
  if (c.kind() === Tok.LParen && c.isKw('exact', 1)) {
    c.pos += 2;
    const out = [0x62];
    pushU32(out, r.typeIndex(c));
    c.rparen();
    return out;
  }
  if (c.kind() === Tok.Id || c.kind() === Tok.Number) {
    const out: number[] = [];
    pushS33(out, r.typeIndex(c));
    return out;
  }
  throw c.unexpected();
}

/** A reference type, with the nullability reported separately (for cast flags). */
export interface RefTypeEnc {
  readonly nullable: boolean;
  readonly heap: number[];
}

/** Parses `(ref null? ht)` or a shorthand like `funcref`; null if the cursor is not at one. */
export function parseRefTypeOpt(c: Cursor, r: TypeResolver): RefTypeEnc | null {
  const kw = c.keyword();
  if (kw !== null) {
    const b = REF_SHORT[kw];
    if (b === undefined) return null;
    c.pos++;
    return { nullable: true, heap: [b] };
  }
  if (c.kind() === Tok.LParen && c.isKw('ref', 1)) {
    c.pos += 2;
    let nullable = false;
    if (c.isKw('null')) {
      nullable = true;
      c.pos++;
    }
    const heap = parseHeapType(c, r);
    c.rparen();
    return { nullable, heap };
  }
  return null;
}

/** Parses a reference type; throws if there is none. */
export function parseRefType(c: Cursor, r: TypeResolver): RefTypeEnc {
  const rt = parseRefTypeOpt(c, r);
  if (!rt) throw c.unexpected();
  return rt;
}

/** Encodes a reference type (nullable abstract types use their one-byte shorthand). */
export function encodeRefType(rt: RefTypeEnc): number[] {
  if (rt.nullable && rt.heap.length === 1 && rt.heap[0] >= 0x69 && rt.heap[0] <= 0x74) return [rt.heap[0]];
  return [rt.nullable ? 0x63 : 0x64, ...rt.heap];
}

/** Parses a value type. */
export function parseValType(c: Cursor, r: TypeResolver): EncType {
  const kw = c.keyword();
  if (kw !== null) {
    const n = NUM[kw];
    if (n !== undefined) {
      c.pos++;
      return [n];
    }
  }
  const rt = parseRefTypeOpt(c, r);
  if (!rt) throw c.unexpected();
  return encodeRefType(rt);
}

/** Parses a storage type (a value type or `i8`/`i16`). */
export function parseStorageType(c: Cursor, r: TypeResolver): EncType {
  if (c.isKw('i8')) {
    c.pos++;
    return [0x78];
  }
  if (c.isKw('i16')) {
    c.pos++;
    return [0x77];
  }
  return parseValType(c, r);
}

/** Parses a field type `t` or `(mut t)`: storage type bytes followed by the mutability byte. */
export function parseFieldType(c: Cursor, r: TypeResolver): number[] {
  if (c.isForm('mut')) {
    c.pos += 2;
    const t = parseStorageType(c, r);
    c.rparen();
    return [...t, 1];
  }
  return [...parseStorageType(c, r), 0];
}

/** Parses a global type `t` or `(mut t)`. */
export function parseGlobalType(c: Cursor, r: TypeResolver): number[] {
  if (c.isForm('mut')) {
    c.pos += 2;
    const t = parseValType(c, r);
    c.rparen();
    return [...t, 1];
  }
  return [...parseValType(c, r), 0];
}

/** A key identifying a list of encoded types. */
export function typesKey(ts: readonly EncType[]): string {
  return ts.map((t) => t.join(',')).join(';');
}
