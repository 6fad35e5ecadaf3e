/**
 * Readers for the small encodings shared by sections and instructions: value, reference, heap and
 * block types, memory arguments, and {@link skipImmediates}, which steps over an operator's
 * immediates using the opcode table. The validator and the compiler walk function bodies with
 * these; none of them allocates on the common paths (shorthand reference types are shared
 * frozen objects).
 * @module
 */
import type { AbsHeapType, HeapType, RefType, ValType } from '../ir.js';
import { OPS, type ImmKind } from '../opcodes.js';
import type { Reader } from './reader.js';

/** Abstract heap types by their one-byte encoding (index = byte - 0x60), else undefined. */
const ABS_BY_BYTE: (AbsHeapType | undefined)[] = [];
const ABS_ENTRIES: [number, AbsHeapType][] = [
  [0x70, 'func'],
  [0x6f, 'extern'],
  [0x6e, 'any'],
  [0x6d, 'eq'],
  [0x6c, 'i31'],
  [0x6b, 'struct'],
  [0x6a, 'array'],
  [0x71, 'none'],
  [0x72, 'noextern'],
  [0x73, 'nofunc'],
  [0x69, 'exn'],
  [0x74, 'noexn'],
];
for (const [b, h] of ABS_ENTRIES) ABS_BY_BYTE[b - 0x60] = h;

/** The one-byte encoding of each abstract heap type (also the shorthand `(ref null ht)` byte). */
export const ABS_HEAP_BYTE: Readonly<Record<AbsHeapType, number>> = Object.freeze(
  Object.fromEntries(ABS_ENTRIES.map(([b, h]) => [h, b])) as Record<AbsHeapType, number>,
);

/** The abstract heap type encoded by byte `b`, or undefined. */
export function absHeapTypeOfByte(b: number): AbsHeapType | undefined {
  return b >= 0x60 && b < 0x80 ? ABS_BY_BYTE[b - 0x60] : undefined;
}

/** Shared nullable reference types for the shorthand bytes (index = byte - 0x60). */
const SHORTHAND: (RefType | undefined)[] = [];
for (const [b, h] of ABS_ENTRIES) SHORTHAND[b - 0x60] = Object.freeze({ kind: 'ref', nullable: true, heap: h });

/** Byte that marks an exact heap type (custom-descriptors proposal). */
const EXACT = 0x62;

/**
 * A heap type: an abstract one (one byte) or a type index (a non-negative s33). The
 * custom-descriptors form `0x62 typeidx` (an exact type) is accepted and read as its index; use
 * {@link readRefType} to keep the exactness.
 */
export function readHeapType(r: Reader): HeapType {
  const at = r.pos;
  const b = r.peek();
  if (b === EXACT && r.features.customDescriptors === true) {
    r.pos++;
    return readTypeIndexS33(r);
  }
  const v = r.s33();
  if (v >= 0) return v;
  const abs = r.pos - at === 1 ? absHeapTypeOfByte(b) : undefined;
  if (abs === undefined) r.fail('malformed heap type', at);
  return abs;
}

function readTypeIndexS33(r: Reader): number {
  const at = r.pos;
  const v = r.s33();
  if (v < 0) r.fail('malformed heap type', at);
  return v;
}

/**
 * A reference type: a shorthand byte (`0x70` funcref, `0x6F` externref, ...) or `0x63 ht`
 * (`ref null ht`) / `0x64 ht` (`ref ht`). Anything else is `malformed reference type`.
 * An exact heap type (custom descriptors) yields a reference type with an extra `exact: true`.
 */
export function readRefType(r: Reader): RefType {
  const at = r.pos;
  const b = r.u8();
  if (b === 0x63 || b === 0x64) return refBody(r, b === 0x63);
  const s = b >= 0x60 && b < 0x80 ? SHORTHAND[b - 0x60] : undefined;
  if (s === undefined) r.fail('malformed reference type', at);
  return s;
}

function refBody(r: Reader, nullable: boolean, reason = 'malformed heap type', at = r.pos): RefType {
  if (r.peek() === EXACT && r.features.customDescriptors === true) {
    r.pos++;
    const heap = r.s33();
    if (heap < 0) r.fail(reason, at);
    const t: RefType & { readonly exact: true } = { kind: 'ref', nullable, heap, exact: true };
    return t;
  }
  return { kind: 'ref', nullable, heap: readHeapType(r) };
}

/** Shared reference type objects for the shorthand bytes, by abstract heap type. */
function numOrVec(b: number): ValType | undefined {
  switch (b) {
    case 0x7f:
      return 'i32';
    case 0x7e:
      return 'i64';
    case 0x7d:
      return 'f32';
    case 0x7c:
      return 'f64';
    case 0x7b:
      return 'v128';
    default:
      return undefined;
  }
}

/**
 * Reads a value type after its first byte `b` was consumed (at `at`); fails with `reason`.
 * Exposed for the section decoder, which needs different wordings in different places.
 */
export function valTypeAfter(r: Reader, b: number, at: number, reason: string): ValType {
  const n = numOrVec(b);
  if (n !== undefined) return n;
  if (b === 0x63 || b === 0x64) return refBody(r, b === 0x63, reason, at);
  const s = b >= 0x60 && b < 0x80 ? SHORTHAND[b - 0x60] : undefined;
  if (s === undefined) r.fail(reason, at);
  return s;
}

/** A value type: a number type, `v128`, or a reference type (`malformed value type` otherwise). */
export function readValType(r: Reader): ValType {
  const at = r.pos;
  return valTypeAfter(r, r.u8(), at, 'malformed value type');
}

/** A block type: `null` for the empty type (0x40), a value type, or a type index. */
export type BlockType = null | ValType | number;

/** A block type: `0x40` (empty), a value type, or a non-negative s33 type index. */
export function readBlockType(r: Reader): BlockType {
  const at = r.pos;
  const b = r.peek();
  if (b === 0x40) {
    r.pos++;
    return null;
  }
  if (b >= 0x40 && b < 0x80) {
    // One-byte negative s33: must be a value type.
    r.pos++;
    return valTypeAfter(r, b, at, 'malformed value type');
  }
  const v = r.s33();
  if (v < 0) r.fail('malformed block type', at);
  return v;
}

/** A memory argument: log2 alignment, memory index (multi-memory) and offset (u64 as a double). */
export interface MemArg {
  /** log2 of the alignment hint. */
  align: number;
  /** Memory index (0 unless bit 6 of the flags was set). */
  memory: number;
  /** The static offset (a u64 held as a double: exact below 2^53). */
  offset: number;
}

/**
 * A memory argument. Bit 6 of the alignment flags says a memory index follows; flags of 128 or
 * more are `malformed memop flags`. The offset is read as a u64 (memory64) into a double.
 */
export function readMemArg(r: Reader): MemArg {
  const at = r.pos;
  let flags = r.u32();
  let memory = 0;
  if (flags >= 128) r.fail('malformed memop flags', at);
  if (flags & 0x40) {
    flags -= 0x40;
    memory = r.u32();
  }
  const offset = r.u64();
  return { align: flags, memory, offset };
}

/** Skips a memory argument without allocating (same checks as {@link readMemArg}). */
function skipMemArg(r: Reader): void {
  const at = r.pos;
  const flags = r.u32();
  if (flags >= 128) r.fail('malformed memop flags', at);
  if (flags & 0x40) r.u32();
  r.u64();
}

/** Skips a value type (used by `select t*`). */
function skipValType(r: Reader): void {
  const at = r.pos;
  const b = r.u8();
  if (numOrVec(b) !== undefined) return;
  if (b === 0x63 || b === 0x64) {
    skipHeapType(r);
    return;
  }
  if (absHeapTypeOfByte(b) === undefined) r.fail('malformed value type', at);
}

/** Skips a heap type. */
function skipHeapType(r: Reader): void {
  const at = r.pos;
  const b = r.peek();
  if (b === EXACT && r.features.customDescriptors === true) {
    r.pos++;
    readTypeIndexS33(r);
    return;
  }
  const v = r.s33();
  if (v < 0 && (r.pos - at !== 1 || absHeapTypeOfByte(b) === undefined)) r.fail('malformed heap type', at);
}

/** Skips a block type. */
function skipBlockType(r: Reader): void {
  const at = r.pos;
  const b = r.peek();
  if (b === 0x40) {
    r.pos++;
    return;
  }
  if (b >= 0x40 && b < 0x80) {
    skipValType(r);
    return;
  }
  const v = r.s33();
  if (v < 0) r.fail('malformed block type', at);
}

/** Numeric immediate kinds, for fast dispatch (index into {@link IMM_KINDS}). */
const IMM_KINDS: readonly ImmKind[] = [
  'none', 'block', 'br_on_cast', 'br_table', 'call_indirect', 'data', 'data_mem', 'elem', 'elem_table', 'f32', 'f64',
  'func', 'global', 'heaptype', 'i32', 'i64', 'label', 'lane', 'local', 'mem', 'mem_mem', 'memarg', 'memarg_lane',
  'select_t', 'shuffle', 'table', 'table_table', 'tag', 'try_table', 'type', 'type_count', 'type_data', 'type_elem',
  'type_field', 'type_type', 'v128', 'zero_byte',
];
const K = Object.fromEntries(IMM_KINDS.map((k, i) => [k, i])) as Record<ImmKind, number>;

/** Kind of each one-byte opcode (-1: none such). */
const ONE_BYTE = new Int8Array(256).fill(-1);
/** Kind of each prefixed opcode, per prefix 0xFB..0xFE, by sub-opcode below 0x1000 (-1: none such). */
const PREFIXED = [0, 1, 2, 3].map(() => new Int8Array(0x1000).fill(-1));
for (const o of OPS) {
  const k = K[o.imm];
  if (k === undefined) throw new Error(`immediates.ts: unknown immediate kind ${o.imm} in the opcode table`);
  if (o.code < 0x100) ONE_BYTE[o.code] = k;
  else PREFIXED[(o.code >> 12) - 0xfb]![o.code & 0xfff] = k;
}

/** The immediate-kind number of opcode `code`, or -1 if the opcode is unknown. */
function kindOf(code: number): number {
  if (code < 0x100) return ONE_BYTE[code]!;
  const p = (code >> 12) - 0xfb;
  if (p < 0 || p > 3) return -1;
  return PREFIXED[p]![code & 0xfff]!;
}

/** The spec interpreter's wording for an unknown opcode: `illegal opcode ff`, `illegal opcode fc 1f`. */
export function illegalOpcode(code: number): string {
  if (code < 0x100) return `illegal opcode ${code.toString(16).padStart(2, '0')}`;
  return `illegal opcode ${(code >> 12).toString(16)} ${(code & 0xfff).toString(16).padStart(2, '0')}`;
}

/**
 * Skips the immediates of an operator whose opcode (as returned by {@link Reader.op}) is `code`,
 * leaving `r` at the next opcode. An unknown opcode fails with `illegal opcode ..` at the byte
 * before the current position. Never allocates on the common paths, never recurses.
 */
export function skipImmediates(r: Reader, code: number): void {
  const k = kindOf(code);
  if (k < 0) r.fail(illegalOpcode(code), r.pos - 1);
  skipKind(r, k);
}

/** Skips immediates of kind `imm`. */
export function skipImm(r: Reader, imm: ImmKind): void {
  skipKind(r, K[imm]);
}

/** Scratch stack of open block kinds for {@link scanBody} (grown on demand, reused). */
let frames = new Uint8Array(256);
const F_BLOCK = 0;
const F_IF = 1;
const F_ELSE = 2;
const F_TRY = 3;

/**
 * One cheap pass over a function body's instructions from `r.pos` up to and including the final
 * `end`: checks that every opcode is known, every immediate well-formed, and that blocks nest
 * (`else` only directly inside an `if`, as the binary grammar requires). Like the spec's reference
 * decoder it reads until that final `end` regardless of `r.end`: the caller compares the position
 * with the body's declared size. Returns true if the body uses a data segment index
 * (`memory.init`, `data.drop`, `array.new_data`, `array.init_data`), which requires the data count
 * section. Unless `r.features.customDescriptors`, the custom-descriptors operators are illegal opcodes.
 */
export function scanBody(r: Reader): boolean {
  const descriptors = r.features.customDescriptors === true;
  const bytes = r.bytes;
  const limit = r.end;
  let depth = 0;
  let usesData = false;
  for (;;) {
    if (r.pos >= limit) r.fail(r.eofReason, r.pos);
    const at = r.pos;
    const b = bytes[r.pos++]!;
    let k: number;
    if (b < 0xfb) {
      k = ONE_BYTE[b]!;
      if (k < 0) r.fail(illegalOpcode(b), at);
      if (k === 0) {
        if (b === 0x0b) {
          if (depth === 0) return usesData;
          depth--;
        } else if (b === 0x05) {
          if (depth === 0 || frames[depth - 1] !== F_IF) r.fail('END opcode expected', at);
          frames[depth - 1] = F_ELSE;
        }
        continue;
      }
      if (k === K_BLOCK || b === 0x1f) {
        if (depth === frames.length) {
          const next = new Uint8Array(frames.length * 2);
          next.set(frames);
          frames = next;
        }
        frames[depth++] = b === 0x04 ? F_IF : b === 0x06 ? F_TRY : F_BLOCK;
      } else if (b === 0x18 && depth > 0 && frames[depth - 1] === F_TRY) {
        depth--; // legacy `delegate` closes a `try`
      }
    } else {
      if (b === 0xff) r.fail('illegal opcode ff', at);
      const sub = r.u32();
      k = sub < 0x1000 ? PREFIXED[b - 0xfb]![sub]! : -1;
      if (k >= 0 && !descriptors && b === 0xfb && sub >= 0x20 && sub <= 0x26) k = -1;
      if (k < 0) r.fail(`illegal opcode ${b.toString(16)} ${sub.toString(16).padStart(2, '0')}`, at);
      if (k === K_TYPE_DATA || k === K_DATA_MEM || k === K_DATA) usesData = true;
      if (k === 0) continue;
    }
    // one-byte immediates inline: an index, a small i32.const, a memarg without a memory index
    const p = r.pos;
    if (p + 1 < limit) {
      const x = bytes[p]!;
      if (x < 0x80) {
        if (k === K_I32 || U32_COUNT[k] === 1) {
          r.pos = p + 1;
          continue;
        }
        if (k === K_MEMARG && x < 0x40 && bytes[p + 1]! < 0x80) {
          r.pos = p + 2;
          continue;
        }
      }
    }
    skipKind(r, k);
  }
}

const K_BLOCK = K.block;
const K_TYPE_DATA = K.type_data;
const K_DATA_MEM = K.data_mem;
const K_DATA = K.data;

/**
 * How many plain u32 immediates (indices, counts) immediate kind `k` consists of: 1 or 2, or 0 when
 * it is anything else.
 */
export function u32ImmCount(k: ImmKind): 0 | 1 | 2 {
  switch (k) {
    case 'label':
    case 'local':
    case 'global':
    case 'func':
    case 'table':
    case 'tag':
    case 'type':
    case 'data':
    case 'elem':
    case 'mem':
      return 1;
    case 'call_indirect':
    case 'data_mem':
    case 'elem_table':
    case 'mem_mem':
    case 'table_table':
    case 'type_count':
    case 'type_data':
    case 'type_elem':
    case 'type_field':
    case 'type_type':
      return 2;
    default:
      return 0;
  }
}

/** For each numeric kind: {@link u32ImmCount}. */
const U32_COUNT = Uint8Array.from(IMM_KINDS, u32ImmCount);
const K_I32 = K.i32;
const K_MEMARG = K.memarg;

/** Skips immediates of numeric kind `k` (see {@link IMM_KINDS}). */
function skipKind(r: Reader, k: number): void {
  const n = U32_COUNT[k]!;
  if (n !== 0) {
    r.u32();
    if (n === 2) r.u32();
    return;
  }
  if (k === K_I32) {
    r.s32();
    return;
  }
  if (k === K_MEMARG) {
    skipMemArg(r);
    return;
  }
  // the u32 kinds, i32 and memarg are handled above
  switch (IMM_KINDS[k]) {
    case 'none':
      return;
    case 'block':
      skipBlockType(r);
      return;
    case 'i64':
      r.skipS64();
      return;
    case 'f32':
      r.skip(4);
      return;
    case 'f64':
      r.skip(8);
      return;
    case 'v128':
    case 'shuffle':
      r.skip(16);
      return;
    case 'lane':
      r.u8();
      return;
    case 'memarg_lane':
      skipMemArg(r);
      r.u8();
      return;
    case 'heaptype':
      skipHeapType(r);
      return;
    case 'zero_byte': {
      const at = r.pos;
      if (r.u8() !== 0) r.fail('zero byte expected', at);
      return;
    }
    case 'br_table': {
      const n = r.u32();
      // n + 1 labels of at least one byte each: check before looping.
      if (n >= r.end - r.pos) r.fail(r.eofReason, r.end);
      for (let i = 0; i <= n; i++) r.u32();
      return;
    }
    case 'select_t': {
      const n = r.u32();
      if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
      for (let i = 0; i < n; i++) skipValType(r);
      return;
    }
    case 'try_table': {
      skipBlockType(r);
      const n = r.u32();
      if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
      for (let i = 0; i < n; i++) {
        const at = r.pos;
        const k = r.u8();
        if (k === 0 || k === 1) {
          r.u32();
          r.u32();
        } else if (k === 2 || k === 3) {
          r.u32();
        } else {
          r.fail('malformed catch clause', at);
        }
      }
      return;
    }
    case 'br_on_cast': {
      const at = r.pos;
      const flags = r.u8();
      // Bits 0/1: source/target nullable; bits 2/3: exactness (custom-descriptors proposal).
      if (flags > 15) r.fail('malformed br_on_cast flags', at);
      r.u32();
      skipHeapType(r);
      skipHeapType(r);
      return;
    }
  }
}
