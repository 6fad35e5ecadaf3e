import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { OPS, type ImmKind } from '../opcodes.js';
import {
  illegalOpcode,
  readBlockType,
  readHeapType,
  readMemArg,
  readRefType,
  readValType,
  scanBody,
  skipImm,
  skipImmediates,
} from './immediates.js';
import { Reader } from './reader.js';

function reader(bytes: number[], descriptors = false): Reader {
  const r = new Reader(Uint8Array.from(bytes), 0, bytes.length, 'code');
  r.features = { customDescriptors: descriptors };
  return r;
}

function failure(f: () => unknown): { reason: string; offset: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof DecodeError) return { reason: e.reason, offset: e.offset };
    throw e;
  }
  throw new Error('no error');
}

describe('type immediates', () => {
  const valTypes: [number[], unknown][] = [
    [[0x7f], 'i32'],
    [[0x7e], 'i64'],
    [[0x7d], 'f32'],
    [[0x7c], 'f64'],
    [[0x7b], 'v128'],
    [[0x70], { kind: 'ref', nullable: true, heap: 'func' }],
    [[0x6f], { kind: 'ref', nullable: true, heap: 'extern' }],
    [[0x6e], { kind: 'ref', nullable: true, heap: 'any' }],
    [[0x6d], { kind: 'ref', nullable: true, heap: 'eq' }],
    [[0x6c], { kind: 'ref', nullable: true, heap: 'i31' }],
    [[0x6b], { kind: 'ref', nullable: true, heap: 'struct' }],
    [[0x6a], { kind: 'ref', nullable: true, heap: 'array' }],
    [[0x71], { kind: 'ref', nullable: true, heap: 'none' }],
    [[0x72], { kind: 'ref', nullable: true, heap: 'noextern' }],
    [[0x73], { kind: 'ref', nullable: true, heap: 'nofunc' }],
    [[0x69], { kind: 'ref', nullable: true, heap: 'exn' }],
    [[0x74], { kind: 'ref', nullable: true, heap: 'noexn' }],
    [[0x63, 0x6e], { kind: 'ref', nullable: true, heap: 'any' }],
    [[0x64, 0x70], { kind: 'ref', nullable: false, heap: 'func' }],
    [[0x64, 0x80, 0x01], { kind: 'ref', nullable: false, heap: 128 }],
  ];
  it.each(valTypes)('readValType %j', (bytes, type) => {
    const r = reader(bytes);
    expect(readValType(r)).toEqual(type);
    expect(r.pos).toBe(bytes.length);
  });

  it('rejects what is not a type, with the right wording', () => {
    expect(failure(() => readValType(reader([0x40])))).toEqual({ reason: 'malformed value type', offset: 0 });
    expect(failure(() => readRefType(reader([0x7f])))).toEqual({ reason: 'malformed reference type', offset: 0 });
    expect(failure(() => readHeapType(reader([0x7f])))).toEqual({ reason: 'malformed heap type', offset: 0 });
    // A two-byte encoding of an abstract heap type is not allowed.
    expect(failure(() => readHeapType(reader([0xf0, 0x7f])))).toEqual({ reason: 'malformed heap type', offset: 0 });
  });

  it('reads exact reference types only with the custom-descriptors proposal', () => {
    expect(readRefType(reader([0x63, 0x62, 5], true))).toEqual({ kind: 'ref', nullable: true, heap: 5, exact: true });
    expect(failure(() => readRefType(reader([0x63, 0x62, 5])))).toEqual({ reason: 'malformed heap type', offset: 1 });
  });

  const blockTypes: [number[], unknown][] = [
    [[0x40], null],
    [[0x7f], 'i32'],
    [[0x70], { kind: 'ref', nullable: true, heap: 'func' }],
    [[0x63, 0x00], { kind: 'ref', nullable: true, heap: 0 }],
    [[0x05], 5],
    [[0x80, 0x01], 128],
  ];
  it.each(blockTypes)('readBlockType %j', (bytes, type) => {
    const r = reader(bytes);
    expect(readBlockType(r)).toEqual(type);
    expect(r.pos).toBe(bytes.length);
  });

  it('rejects a negative multi-byte block type', () => {
    expect(failure(() => readBlockType(reader([0xff, 0x7f])))).toEqual({ reason: 'malformed block type', offset: 0 });
  });
});

describe('readMemArg', () => {
  const cases: [number[], unknown][] = [
    [[0x02, 0x10], { align: 2, memory: 0, offset: 16 }],
    [[0x43, 0x01, 0x00], { align: 3, memory: 1, offset: 0 }],
    [[0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], { align: 0, memory: 0, offset: 2 ** 35 }],
  ];
  it.each(cases)('%j', (bytes, arg) => {
    expect(readMemArg(reader(bytes))).toEqual(arg);
  });
  it('rejects alignment flags of 128 and more', () => {
    expect(failure(() => readMemArg(reader([0x80, 0x01, 0x00])))).toEqual({ reason: 'malformed memop flags', offset: 0 });
  });
});

describe('skipImmediates', () => {
  // One well-formed encoding per immediate kind; the reader must end exactly after it.
  const samples: Record<ImmKind, number[]> = {
    none: [],
    block: [0x7f],
    br_on_cast: [0x03, 0x00, 0x6e, 0x01],
    br_table: [0x02, 0x00, 0x01, 0x02],
    call_indirect: [0x01, 0x00],
    data: [0x03],
    data_mem: [0x00, 0x00],
    elem: [0x01],
    elem_table: [0x01, 0x02],
    f32: [0, 0, 0x80, 0x3f],
    f64: [0, 0, 0, 0, 0, 0, 0xf0, 0x3f],
    func: [0x80, 0x01],
    global: [0x00],
    heaptype: [0x6f],
    i32: [0x7f],
    i64: [0x80, 0x80, 0x01],
    label: [0x00],
    lane: [0x0f],
    local: [0x02],
    mem: [0x00],
    mem_mem: [0x00, 0x01],
    memarg: [0x42, 0x01, 0x08],
    memarg_lane: [0x00, 0x00, 0x03],
    select_t: [0x01, 0x7f],
    shuffle: Array.from({ length: 16 }, (_, i) => i),
    table: [0x00],
    table_table: [0x00, 0x00],
    tag: [0x00],
    try_table: [0x40, 0x04, 0x00, 0x00, 0x01, 0x01, 0x00, 0x02, 0x02, 0x03, 0x03, 0x04],
    type: [0x00],
    type_count: [0x00, 0x05],
    type_data: [0x00, 0x00],
    type_elem: [0x00, 0x00],
    type_field: [0x00, 0x01],
    type_type: [0x00, 0x00],
    v128: Array.from({ length: 16 }, () => 0xff),
    zero_byte: [0x00],
  };

  it.each(OPS.map((o) => [o.name, o.code, o.imm] as const))('%s', (_name, code, imm) => {
    const bytes = [...samples[imm], 0xaa];
    const r = reader(bytes);
    skipImmediates(r, code);
    expect(r.pos).toBe(bytes.length - 1);
    const r2 = reader(bytes);
    skipImm(r2, imm);
    expect(r2.pos).toBe(bytes.length - 1);
  });

  it('reports unknown opcodes with the reference wording', () => {
    expect(failure(() => skipImmediates(reader([0x27]), 0x27))).toEqual({ reason: 'illegal opcode 27', offset: -1 });
    expect(illegalOpcode(0xff)).toBe('illegal opcode ff');
    expect(illegalOpcode(0xfc01f)).toBe('illegal opcode fc 1f');
  });

  it('checks immediates inside', () => {
    expect(failure(() => skipImm(reader([0x01]), 'zero_byte'))).toEqual({ reason: 'zero byte expected', offset: 0 });
    expect(failure(() => skipImm(reader([0x10, 0x00, 0x6e, 0x6e]), 'br_on_cast'))).toEqual({ reason: 'malformed br_on_cast flags', offset: 0 });
    expect(failure(() => skipImm(reader([0x01, 0x40]), 'select_t'))).toEqual({ reason: 'malformed value type', offset: 1 });
  });
});

describe('scanBody', () => {
  const scan = (bytes: number[]): boolean => scanBody(reader(bytes));
  it('walks nested blocks to the final end', () => {
    const r = reader([0x02, 0x40, 0x03, 0x40, 0x0b, 0x0b, 0x04, 0x40, 0x05, 0x0b, 0x0b, 0x01]);
    expect(scanBody(r)).toBe(false);
    expect(r.pos).toBe(11);
  });
  it('closes a legacy try with delegate and accepts catch clauses', () => {
    expect(scan([0x06, 0x40, 0x18, 0x00, 0x06, 0x40, 0x07, 0x00, 0x19, 0x0b, 0x0b])).toBe(false);
  });
  it('reports whether a data index is used', () => {
    expect(scan([0xfc, 0x09, 0x00, 0x0b])).toBe(true);
    expect(scan([0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x08, 0x00, 0x00, 0x0b])).toBe(true);
    expect(scan([0xfb, 0x09, 0x00, 0x00, 0x0b])).toBe(true);
    expect(scan([0xfc, 0x0d, 0x00, 0x0b])).toBe(false);
  });
  it('rejects a misplaced else', () => {
    expect(failure(() => scan([0x05, 0x0b]))).toEqual({ reason: 'END opcode expected', offset: 0 });
  });
  it('accepts custom-descriptors operators only when enabled', () => {
    expect(failure(() => scan([0xfb, 0x20, 0x00, 0x0b]))).toEqual({ reason: 'illegal opcode fb 20', offset: 0 });
    expect(scanBody(reader([0xfb, 0x20, 0x00, 0x0b], true))).toBe(false);
  });
});
