/**
 * Decoders for the type-level encodings used by several sections: the type section's recursion
 * groups, sub types and composite types; limits, table, memory, global and tag types.
 * @module
 */
import type {
  CompType,
  FieldType,
  GlobalType,
  Limits,
  MemoryType,
  RecGroup,
  StorageType,
  SubType,
  TableType,
  TagType,
  ValType,
} from '../ir.js';
import { readRefType, valTypeAfter } from './immediates.js';
import type { Reader } from './reader.js';

/**
 * A vector length. Not checked against the bytes left (the reference decoder reads elements until
 * the input runs out); callers never preallocate, and every element consumes at least one byte.
 */
export function vecLen(r: Reader): number {
  return r.u32();
}

/** A value type, failing with `reason` (the wording depends on the context). */
function valType(r: Reader, reason: string): ValType {
  const at = r.pos;
  return valTypeAfter(r, r.u8(), at, reason);
}

/** A value type in a function signature, local declaration, global or `select`. */
export function readValTypeIn(r: Reader): ValType {
  return valType(r, 'malformed value type');
}

function valTypes(r: Reader): ValType[] {
  const n = vecLen(r);
  const out: ValType[] = [];
  for (let i = 0; i < n; i++) out.push(valType(r, 'malformed value type'));
  return out;
}

/** `0x00` immutable or `0x01` mutable. */
export function readMut(r: Reader): boolean {
  const at = r.pos;
  const b = r.u8();
  if (b > 1) r.fail('malformed mutability', at);
  return b === 1;
}

function storageType(r: Reader): StorageType {
  const at = r.pos;
  const b = r.u8();
  if (b === 0x78) return 'i8';
  if (b === 0x77) return 'i16';
  return valTypeAfter(r, b, at, 'malformed storage type');
}

function fieldType(r: Reader): FieldType {
  const storage = storageType(r);
  return { storage, mutable: readMut(r) };
}

function compType(r: Reader): CompType {
  const at = r.pos;
  const b = r.u8();
  // The reference decoder reads this byte as a signed LEB128 (s7).
  if (b & 0x80) r.fail('integer representation too long', r.pos);
  switch (b) {
    case 0x60: {
      const params = valTypes(r);
      return { kind: 'func', params, results: valTypes(r) };
    }
    case 0x5f: {
      const n = vecLen(r);
      const fields: FieldType[] = [];
      for (let i = 0; i < n; i++) fields.push(fieldType(r));
      return { kind: 'struct', fields };
    }
    case 0x5e:
      return { kind: 'array', element: fieldType(r) };
    default:
      return r.fail('malformed definition type', at);
  }
}

function subType(r: Reader): SubType {
  const b = r.peek();
  let final = true;
  let supers: number[] = [];
  if (b === 0x50 || b === 0x4f) {
    r.pos++;
    final = b === 0x4f;
    const n = vecLen(r);
    supers = [];
    for (let i = 0; i < n; i++) supers.push(r.u32());
  }
  let describes: number | undefined;
  let descriptor: number | undefined;
  const desc = r.features.customDescriptors === true;
  if (desc && r.peek() === 0x4c) {
    r.pos++;
    describes = r.u32();
  }
  if (desc && r.peek() === 0x4d) {
    r.pos++;
    descriptor = r.u32();
  }
  const comp = compType(r);
  const t: { final: boolean; supers: number[]; comp: CompType; describes?: number; descriptor?: number } = { final, supers, comp };
  if (describes !== undefined) t.describes = describes;
  if (descriptor !== undefined) t.descriptor = descriptor;
  return t;
}

/** The type section's contents: appends to `types` and `groups`. */
export function readTypeSection(r: Reader, types: SubType[], groups: RecGroup[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) {
    const start = types.length;
    if (r.peek() === 0x4e) {
      r.pos++;
      const m = vecLen(r);
      for (let j = 0; j < m; j++) types.push(subType(r));
      groups.push({ start, count: m });
    } else {
      types.push(subType(r));
      groups.push({ start, count: 1 });
    }
  }
}

/**
 * A limit: read as a u64 for every address type (WebAssembly 3.0). A 32-bit limit above 2^32-1 is
 * well-formed; the validator rejects it (`memory size ...`, `table size`).
 */
function limitValue(r: Reader): number {
  return r.u64();
}

/** A table type: reference type, then limits (flags 0x00/0x01, 0x04/0x05 for table64). */
export function readTableType(r: Reader): TableType {
  const element = readRefType(r);
  const at = r.pos;
  const flags = r.u8();
  if (flags & ~0x05) r.fail('malformed limits flags', at);
  const i64 = (flags & 4) !== 0;
  const min = limitValue(r);
  const max = flags & 1 ? limitValue(r) : null;
  const limits: Limits = { min, max };
  return { element, limits, addr: i64 ? 'i64' : 'i32' };
}

/**
 * A memory type: limits flags (bit 0 max, bit 1 shared, bit 2 memory64, bit 3 custom page size),
 * min, max, and with bit 3 a u32 log2 page size.
 */
export function readMemoryType(r: Reader): MemoryType {
  const at = r.pos;
  const flags = r.u8();
  if (flags & ~(r.features.customPageSizes === true ? 0x0f : 0x07)) r.fail('malformed limits flags', at);
  const i64 = (flags & 4) !== 0;
  const min = limitValue(r);
  const max = flags & 1 ? limitValue(r) : null;
  let pageSizeLog2 = 16;
  if (flags & 8) {
    const pat = r.pos;
    pageSizeLog2 = r.u32();
    if (pageSizeLog2 > 64) r.fail('invalid custom page size', pat);
  }
  return { limits: { min, max }, shared: (flags & 2) !== 0, addr: i64 ? 'i64' : 'i32', pageSizeLog2 };
}

/** A global type: value type and mutability. */
export function readGlobalType(r: Reader): GlobalType {
  const type = valType(r, 'malformed value type');
  return { type, mutable: readMut(r) };
}

/** A tag type: attribute byte 0 (exception), then a type index. */
export function readTagType(r: Reader): TagType {
  const at = r.pos;
  if (r.u8() !== 0) r.fail('malformed tag attribute', at);
  return { type: r.u32() };
}
