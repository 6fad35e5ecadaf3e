/**
 * A materialised instruction list, for tools (disassemblers, tests, debuggers). The runtime never
 * uses it: the validator and the compiler walk bodies in place with a {@link Reader}.
 * @module
 */
import type { ByteRange, HeapType, ValType } from '../ir.js';
import { opInfo } from '../opcodes.js';
import { illegalOpcode, readBlockType, readHeapType, readMemArg, readValType, u32ImmCount, type BlockType, type MemArg } from './immediates.js';
import { Reader, readerFeatures } from './reader.js';

/** One clause of a `try_table`. */
export interface CatchClause {
  readonly kind: 'catch' | 'catch_ref' | 'catch_all' | 'catch_all_ref';
  /** Tag index (`catch` and `catch_ref`), else null. */
  readonly tag: number | null;
  readonly label: number;
}

/** An immediate operand, by the opcode's immediate kind (see {@link Instruction.imm}). */
export type Immediate =
  | number
  | bigint
  | BlockType
  | ValType
  | HeapType
  | MemArg
  | Uint8Array
  | readonly number[]
  | readonly ValType[]
  | readonly CatchClause[];

/** A decoded instruction. */
export interface Instruction {
  /** Absolute offset of the opcode. */
  readonly offset: number;
  /** The opcode number (see `Op`). */
  readonly op: number;
  /** The text name (`i32.add`). */
  readonly name: string;
  /**
   * The immediates in binary order: indices and lanes as numbers; `i64.const` as a bigint;
   * `f32.const` as its bits; `f64.const` as `[lo, hi]` bits; `v128.const` and shuffle lanes as
   * 16 bytes; a memory argument as a {@link MemArg}; `br_table` as `[labels, default]`;
   * `select t*` as `[types]`; `try_table` as `[blocktype, clauses]`; `br_on_cast` as
   * `[flags, label, heaptype, heaptype]`.
   */
  readonly imm: readonly Immediate[];
}

const CATCH_KINDS = ['catch', 'catch_ref', 'catch_all', 'catch_all_ref'] as const;

/**
 * Decodes the instructions of `range` (a function body's `code`, or a constant expression's range)
 * into a list. Throws a `DecodeError` on malformed bytes.
 */
export function decodeInstructions(bytes: Uint8Array, range: ByteRange, features: { readonly customDescriptors?: boolean } = {}): Instruction[] {
  const r = new Reader(bytes, range.start, range.end, 'code');
  r.eofReason = 'unexpected end of section or function';
  r.features = readerFeatures(features);
  const out: Instruction[] = [];
  while (r.pos < range.end) {
    const offset = r.pos;
    let op = r.u8();
    if (op >= 0xfb) {
      const sub = r.u32();
      if (sub >= 0x1000) r.fail(`illegal opcode ${op.toString(16)} ${sub.toString(16)}`, offset);
      op = op * 0x1000 + sub;
    }
    const info = opInfo(op);
    if (info === undefined) return r.fail(illegalOpcode(op), offset);
    const imm: Immediate[] = [];
    // indices and counts first: the kinds that are nothing but u32s
    const u32s = u32ImmCount(info.imm);
    for (let i = 0; i < u32s; i++) imm.push(r.u32());
    switch (info.imm) {
      case 'none':
        break;
      case 'zero_byte':
        if (r.u8() !== 0) r.fail('zero byte expected', r.pos - 1);
        break;
      case 'block':
        imm.push(readBlockType(r));
        break;
      case 'i32':
        imm.push(r.s32());
        break;
      case 'i64':
        imm.push(r.s64());
        break;
      case 'f32':
        imm.push(r.f32Bits());
        break;
      case 'f64':
        imm.push(...r.f64Bits());
        break;
      case 'v128':
      case 'shuffle':
        imm.push(r.take(16).slice());
        break;
      case 'lane':
        imm.push(r.u8());
        break;
      case 'memarg':
        imm.push(readMemArg(r));
        break;
      case 'memarg_lane':
        imm.push(readMemArg(r), r.u8());
        break;
      case 'heaptype':
        imm.push(readHeapType(r));
        break;
      case 'br_table': {
        const n = r.u32();
        const labels: number[] = [];
        for (let i = 0; i < n; i++) labels.push(r.u32());
        imm.push(labels, r.u32());
        break;
      }
      case 'select_t': {
        const n = r.u32();
        const types: ValType[] = [];
        for (let i = 0; i < n; i++) types.push(readValType(r));
        imm.push(types);
        break;
      }
      case 'try_table': {
        imm.push(readBlockType(r));
        const n = r.u32();
        const clauses: CatchClause[] = [];
        for (let i = 0; i < n; i++) {
          const at = r.pos;
          const k = r.u8();
          if (k > 3) r.fail('malformed catch clause', at);
          const tag = k < 2 ? r.u32() : null;
          clauses.push({ kind: CATCH_KINDS[k]!, tag, label: r.u32() });
        }
        imm.push(clauses);
        break;
      }
      case 'br_on_cast': {
        const at = r.pos;
        const flags = r.u8();
        if (flags > 15) r.fail('malformed br_on_cast flags', at);
        imm.push(flags, r.u32(), readHeapType(r), readHeapType(r));
        break;
      }
    }
    out.push({ offset, op, name: info.name, imm });
  }
  return out;
}
