/**
 * Limits, table types and memory types (memory64, shared memories, custom page sizes).
 * @module
 */

import type { Writer } from '../binary/writer.js';
import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';
import { parseNatural } from './literals.js';
import { type TypeResolver, encodeRefType, parseRefType } from './types.js';

/** Writes the unsigned LEB128 of `v` (a u64) to `w`. */
export function writeU64(w: Writer, v: bigint): void {
  let x = v;
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x !== 0n) b |= 0x80;
    w.u8(b);
  } while (x !== 0n);
}

/** Parses an optional address type (`i32` or `i64`); returns true for `i64`. */
export function addrType(c: Cursor): boolean {
  if (c.isKw('i64')) {
    c.pos++;
    return true;
  }
  if (c.isKw('i32')) c.pos++;
  return false;
}

/** Parses limits; returns min and max. `bits` bounds the values. */
function limits(c: Cursor, bits: 32 | 64): [bigint, bigint | null] {
  if (c.kind() !== Tok.Number) throw c.unexpected();
  const min = c.wrap(() => parseNatural(c.text(), bits));
  if (min === null) throw c.unexpected();
  c.pos++;
  let max: bigint | null = null;
  if (c.kind() === Tok.Number) {
    max = c.wrap(() => parseNatural(c.text(), bits));
    if (max === null) throw c.unexpected();
    c.pos++;
  }
  return [min, max];
}

/**
 * Parses `addrtype? limits reftype` and writes a table type; returns whether it is 64-bit.
 * `i32Bits` bounds the limits of a 32-bit table: 64 in WebAssembly 3.0 (out-of-range sizes are
 * then invalid, not malformed), 32 without memory64.
 */
export function tableType(c: Cursor, r: TypeResolver, w: Writer, i32Bits: 32 | 64 = 64): boolean {
  const is64 = addrType(c);
  const [min, max] = limits(c, is64 ? 64 : i32Bits);
  const rt = parseRefType(c, r);
  for (const b of encodeRefType(rt)) w.u8(b);
  w.u8((max !== null ? 1 : 0) | (is64 ? 4 : 0));
  writeU64(w, min);
  if (max !== null) writeU64(w, max);
  return is64;
}

/**
 * Parses `addrtype? limits shared? (pagesize n)?` and writes a memory type; returns whether it is
 * 64-bit. `i32Bits` bounds the limits of a 32-bit memory (see {@link tableType}).
 */
export function memoryType(c: Cursor, w: Writer, i32Bits: 32 | 64 = 64): boolean {
  const is64 = addrType(c);
  const [min, max] = limits(c, is64 ? 64 : i32Bits);
  let shared = false;
  if (c.isKw('shared')) {
    shared = true;
    c.pos++;
  } else if (c.isKw('unshared')) c.pos++;
  const log2 = pageSize(c);
  w.u8((max !== null ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0) | (log2 !== null ? 8 : 0));
  writeU64(w, min);
  if (max !== null) writeU64(w, max);
  if (log2 !== null) w.u32(log2);
  return is64;
}

/** Parses an optional `(pagesize N)`; returns log2 of N, or null. N must be a power of two. */
export function pageSize(c: Cursor): number | null {
  if (!c.isForm('pagesize')) return null;
  c.pos += 2;
  const at = c.pos;
  const v = c.u32();
  if (v === 0 || (v & (v - 1)) !== 0) throw c.error('invalid custom page size', at);
  c.rparen();
  return 31 - Math.clz32(v);
}
