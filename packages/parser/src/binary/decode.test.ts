import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import type { DecodeOptions } from './decode.js';
import { checkBodies, decodeModule } from './decode.js';
import { moduleEquals, normalizeModule } from './equals.js';
import { body, HEADER, mod, oneFuncType, s, sec, str, u, vec } from './builder.test-helper.js';

function decodeError(bytes: Uint8Array, options?: DecodeOptions): DecodeError {
  try {
    decodeModule(bytes, options);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('decoded without error');
}

const H = HEADER.length;
const FT = oneFuncType(); // 10 bytes: type section (6) + function section (4)
const CODE_AT = H + FT.length; // offset of the code section id

describe('decodeModule: malformed modules', () => {
  const cases: { name: string; bytes: Uint8Array; reason: string; offset: number; options?: DecodeOptions }[] = [
    { name: 'empty input', bytes: new Uint8Array(), reason: 'unexpected end', offset: 0 },
    { name: 'bad magic', bytes: Uint8Array.from([0x61, 0x73, 0x6d, 0x00, 1, 0, 0, 0]), reason: 'magic header not detected', offset: 0 },
    { name: 'truncated version', bytes: Uint8Array.from([0, 0x61, 0x73, 0x6d, 1]), reason: 'unexpected end', offset: 5 },
    { name: 'unknown version', bytes: Uint8Array.from([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]), reason: 'unknown binary version', offset: 4 },
    { name: 'section id 14', bytes: mod([14, 0]), reason: 'malformed section id', offset: H },
    { name: 'section size past the end', bytes: mod([1, 5, 0]), reason: 'length out of bounds', offset: H + 1 },
    { name: 'trailing byte in a section', bytes: mod(sec(1, vec([]), [0])), reason: 'section size mismatch', offset: H + 3 },
    { name: 'duplicate type section', bytes: mod(sec(1, vec([])), sec(1, vec([]))), reason: 'unexpected content after last section', offset: H + 3 },
    { name: 'code before function', bytes: mod(sec(10, vec([])), sec(3, vec([]))), reason: 'unexpected content after last section', offset: H + 3 },
    { name: 'tag after global', bytes: mod(sec(6, vec([])), sec(13, vec([]))), reason: 'unexpected content after last section', offset: H + 3 },
    { name: 'unknown composite type', bytes: mod(sec(1, vec([[0x61]]))), reason: 'malformed definition type', offset: H + 3 },
    { name: 'bad value type in params', bytes: mod(sec(1, vec([[0x60, 1, 0x40, 0]]))), reason: 'malformed value type', offset: H + 5 },
    { name: 'bad storage type', bytes: mod(sec(1, vec([[0x5e, 0x76, 0]]))), reason: 'malformed storage type', offset: H + 4 },
    { name: 'bad field mutability', bytes: mod(sec(1, vec([[0x5e, 0x78, 2]]))), reason: 'malformed mutability', offset: H + 5 },
    { name: 'import kind 5', bytes: mod(sec(2, vec([[...str('m'), ...str('n'), 5, 0]]))), reason: 'malformed import kind', offset: H + 7 },
    { name: 'exact import without the proposal', bytes: mod(sec(2, vec([[...str('m'), ...str('n'), 0x20, 0]]))), reason: 'malformed import kind', offset: H + 7 },
    { name: 'import name not UTF-8', bytes: mod(sec(2, vec([[1, 0xff, ...str('n'), 0, 0]]))), reason: 'malformed UTF-8 encoding', offset: H + 4 },
    { name: 'table limits flags 2', bytes: mod(sec(4, vec([[0x70, 2, 0]]))), reason: 'malformed limits flags', offset: H + 4 },
    { name: 'table element not a reference type', bytes: mod(sec(4, vec([[0x7f, 0, 0]]))), reason: 'malformed reference type', offset: H + 3 },
    { name: 'bad heap type', bytes: mod(sec(4, vec([[0x63, 0x7f, 0, 0]]))), reason: 'malformed heap type', offset: H + 4 },
    { name: 'table with initialiser, bad reserved byte', bytes: mod(sec(4, vec([[0x40, 1, 0x70, 0, 0, 0x0b]]))), reason: 'malformed table', offset: H + 4 },
    { name: 'memory page-size flag without the proposal', bytes: mod(sec(5, vec([[8, 0, 16]]))), reason: 'malformed limits flags', offset: H + 3 },
    {
      name: 'page size beyond 2^64',
      bytes: mod(sec(5, vec([[8, 0, 65]]))),
      reason: 'invalid custom page size',
      offset: H + 5,
      options: { features: { customPageSizes: true } },
    },
    { name: 'memory limit with bit 64 set', bytes: mod(sec(5, vec([[0, ...Array(9).fill(0x80), 0x02]]))), reason: 'integer too large', offset: H + 13 },
    { name: 'table limit of eleven bytes', bytes: mod(sec(4, vec([[0x70, 0, ...Array(10).fill(0x80), 0]]))), reason: 'integer representation too long', offset: H + 15 },
    { name: 'global mutability 2', bytes: mod(sec(6, vec([[0x7f, 2, 0x41, 0, 0x0b]]))), reason: 'malformed mutability', offset: H + 4 },
    { name: 'global initialiser runs out', bytes: mod(sec(6, vec([[0x7f, 0, 0x41, 0]]))), reason: 'unexpected end of section or function', offset: H + 7 },
    { name: 'global initialiser with illegal opcode', bytes: mod(sec(6, vec([[0x7f, 0, 0x27, 0x0b]]))), reason: 'illegal opcode 27', offset: H + 5 },
    { name: 'export kind 5', bytes: mod(sec(7, vec([[...str('e'), 5, 0]]))), reason: 'malformed export kind', offset: H + 5 },
    { name: 'tag attribute 1', bytes: mod(sec(13, vec([[1, 0]]))), reason: 'malformed tag attribute', offset: H + 3 },
    { name: 'element segment flags 8', bytes: mod(sec(9, vec([[8]]))), reason: 'malformed elements segment kind', offset: H + 3 },
    { name: 'element kind 1', bytes: mod(sec(9, vec([[1, 1, 0]]))), reason: 'malformed element kind', offset: H + 4 },
    { name: 'element type i32', bytes: mod(sec(9, vec([[5, 0x7f, 0]]))), reason: 'malformed reference type', offset: H + 4 },
    { name: 'data segment flags 3', bytes: mod(sec(11, vec([[3]]))), reason: 'malformed data segment kind', offset: H + 3 },
    { name: 'data bytes run out', bytes: mod(sec(11, vec([[1, 5, 1]]))), reason: 'unexpected end of section or function', offset: H + 6 },
    { name: 'functions without code', bytes: mod(FT), reason: 'function and code section have inconsistent lengths', offset: CODE_AT },
    {
      name: 'more bodies than functions',
      bytes: mod(FT, sec(10, vec([body([], [0x0b]), body([], [0x0b])]))),
      reason: 'function and code section have inconsistent lengths',
      offset: CODE_AT + 9,
    },
    {
      name: 'data count without data',
      bytes: mod(sec(12, [1])),
      reason: 'data count and data section have inconsistent lengths',
      offset: H + 3,
    },
    {
      name: 'data count disagrees',
      bytes: mod(sec(12, [2]), sec(11, vec([[1, 0]]))),
      reason: 'data count and data section have inconsistent lengths',
      offset: H + 8,
    },
    {
      name: 'data.drop without data count',
      bytes: mod(FT, sec(10, vec([body([], [0xfc, 9, 0, 0x0b])])), sec(11, vec([[1, 0]]))),
      reason: 'data count section required',
      offset: CODE_AT + 5,
    },
    {
      name: 'too many locals',
      bytes: mod(FT, sec(10, vec([body([[0xffffffff, 0x7f], [1, 0x7e]], [0x0b])]))),
      reason: 'too many locals',
      offset: CODE_AT + 4,
    },
    { name: 'bad local type', bytes: mod(FT, sec(10, vec([body([[1, 0x40]], [0x0b])]))), reason: 'malformed value type', offset: CODE_AT + 6 },
    {
      name: 'body size past the section',
      bytes: mod(FT, sec(10, vec([[9, 0, 0x0b]]))),
      reason: 'length out of bounds',
      offset: CODE_AT + 3,
    },
    {
      name: 'body shorter than its instructions',
      bytes: mod(FT, sec(10, vec([[2, 0, 0x01, 0x0b]]))),
      reason: 'section size mismatch',
      offset: CODE_AT + 7,
    },
    {
      name: 'body without final end at end of input',
      bytes: mod(FT, sec(10, vec([body([], [0x01])]))),
      reason: 'unexpected end of section or function',
      offset: CODE_AT + 6,
    },
    { name: 'else outside if', bytes: mod(FT, sec(10, vec([body([], [0x02, 0x40, 0x05, 0x0b, 0x0b])]))), reason: 'END opcode expected', offset: CODE_AT + 7 },
    { name: 'second else', bytes: mod(FT, sec(10, vec([body([], [0x04, 0x40, 0x05, 0x05, 0x0b, 0x0b])]))), reason: 'END opcode expected', offset: CODE_AT + 8 },
    { name: 'illegal opcode ff', bytes: mod(FT, sec(10, vec([body([], [0xff, 0x0b])]))), reason: 'illegal opcode ff', offset: CODE_AT + 5 },
    { name: 'unknown 0xFC operator', bytes: mod(FT, sec(10, vec([body([], [0xfc, 0x1f, 0x0b])]))), reason: 'illegal opcode fc 1f', offset: CODE_AT + 5 },
    {
      name: 'custom-descriptors operator without the proposal',
      bytes: mod(FT, sec(10, vec([body([], [0xfb, 0x22, 0, 0x0b])]))),
      reason: 'illegal opcode fb 22',
      offset: CODE_AT + 5,
    },
    {
      name: 'memarg flags 128',
      bytes: mod(FT, sec(10, vec([body([], [0x41, 0, 0x28, 0x80, 0x01, 0, 0x1a, 0x0b])]))),
      reason: 'malformed memop flags',
      offset: CODE_AT + 8,
    },
    {
      name: 'i32.const too large',
      bytes: mod(FT, sec(10, vec([body([], [0x41, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1a, 0x0b])]))),
      reason: 'integer too large',
      offset: CODE_AT + 10,
    },
    {
      name: 'i64.const too long',
      bytes: mod(FT, sec(10, vec([body([], [0x42, ...Array(10).fill(0x80), 0, 0x1a, 0x0b])]))),
      reason: 'integer representation too long',
      offset: CODE_AT + 16,
    },
    {
      name: 'atomic.fence reserved byte',
      bytes: mod(FT, sec(10, vec([body([], [0xfe, 0x03, 1, 0x0b])]))),
      reason: 'zero byte expected',
      offset: CODE_AT + 7,
    },
    {
      name: 'try_table catch kind 4',
      bytes: mod(FT, sec(10, vec([body([], [0x1f, 0x40, 1, 4, 0, 0x0b, 0x0b])]))),
      reason: 'malformed catch clause',
      offset: CODE_AT + 8,
    },
    {
      name: 'br_table count past the input',
      bytes: mod(FT, sec(10, vec([body([], [0x41, 0, 0x0e, 0xff, 0xff, 0xff, 0xff, 0x0f])]))),
      reason: 'unexpected end of section or function',
      offset: CODE_AT + 13,
    },
  ];

  it.each(cases)('$name', ({ bytes, reason, offset, options }) => {
    const e = decodeError(bytes, options);
    expect(e.code).toBe('malformed');
    expect(e.reason).toBe(reason);
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(`(at offset 0x${offset.toString(16)})`);
  });
});

describe('decodeModule: sections', () => {
  it('decodes the header-only module', () => {
    const m = decodeModule(mod());
    expect(m.types).toEqual([]);
    expect(m.start).toBeNull();
    expect(m.dataCount).toBeNull();
    expect(m.names).toBeNull();
    expect(m.importCounts).toEqual({ func: 0, table: 0, memory: 0, global: 0, tag: 0 });
  });

  it('decodes types: rec groups, sub types, struct, array, func', () => {
    const m = decodeModule(
      mod(
        sec(
          1,
          vec([
            [0x60, ...vec([[0x7f], [0x64, 0x00]]), ...vec([[0x70]])],
            [0x4e, ...u(2), 0x50, ...vec([]), 0x5f, ...vec([[0x78, 1], [0x63, 0x01, 0]]), 0x4f, ...vec([[1]]), 0x5e, 0x77, 0],
          ]),
        ),
      ),
    );
    expect(m.recGroups).toEqual([
      { start: 0, count: 1 },
      { start: 1, count: 2 },
    ]);
    expect(m.types[0]).toEqual({
      final: true,
      supers: [],
      comp: { kind: 'func', params: ['i32', { kind: 'ref', nullable: false, heap: 0 }], results: [{ kind: 'ref', nullable: true, heap: 'func' }] },
    });
    expect(m.types[1]).toEqual({
      final: false,
      supers: [],
      comp: {
        kind: 'struct',
        fields: [
          { storage: 'i8', mutable: true },
          { storage: { kind: 'ref', nullable: true, heap: 1 }, mutable: false },
        ],
      },
    });
    expect(m.types[2]).toEqual({ final: true, supers: [1], comp: { kind: 'array', element: { storage: 'i16', mutable: false } } });
  });

  it('decodes descriptor clauses and exact types with the custom-descriptors proposal', () => {
    const bytes = mod(sec(1, vec([[0x4e, ...u(2), 0x4d, 1, 0x5f, ...vec([]), 0x4c, 0, 0x5f, ...vec([[0x64, 0x62, 0, 0]])]])));
    expect(decodeError(bytes).reason).toBe('malformed definition type');
    const m = decodeModule(bytes, { features: { customDescriptors: true } });
    expect(m.types[0]).toMatchObject({ descriptor: 1, comp: { kind: 'struct', fields: [] } });
    expect(m.types[1]).toMatchObject({ describes: 0 });
    expect(m.types[1]!.comp).toEqual({ kind: 'struct', fields: [{ storage: { kind: 'ref', nullable: false, heap: 0, exact: true }, mutable: false }] });
  });

  it('decodes imports of every kind and counts them', () => {
    const m = decodeModule(
      mod(
        sec(1, vec([[0x60, 0, 0]])),
        sec(
          2,
          vec([
            [...str('m'), ...str('f'), 0, 0],
            [...str('m'), ...str('t'), 1, 0x6f, 5, ...u(1), ...u(2)],
            [...str('m'), ...str('mem'), 2, 3, 1, 2],
            [...str('m'), ...str('g'), 3, 0x7e, 1],
            [...str('m'), ...str('e'), 4, 0, 0],
          ]),
        ),
      ),
    );
    expect(m.imports.map((i) => i.desc)).toEqual([
      { kind: 'func', type: 0 },
      { kind: 'table', type: { element: { kind: 'ref', nullable: true, heap: 'extern' }, limits: { min: 1, max: 2 }, addr: 'i64' } },
      { kind: 'memory', type: { limits: { min: 1, max: 2 }, shared: true, addr: 'i32', pageSizeLog2: 16 } },
      { kind: 'global', type: { type: 'i64', mutable: true } },
      { kind: 'tag', type: { type: 0 } },
    ]);
    expect(m.imports[2]!.name).toBe('mem');
    expect(m.importCounts).toEqual({ func: 1, table: 1, memory: 1, global: 1, tag: 1 });
  });

  it('decodes tables, memories, globals, exports, start, tags', () => {
    const bytes = mod(
      oneFuncType(),
      sec(4, vec([[0x70, 0, 1], [0x40, 0, 0x64, 0x70, 1, 0, 2, 0xd2, 0, 0x0b]])),
      sec(5, vec([[0x0d, 1, 2, ...u(0)], [4, ...u(2 ** 40)]])),
      sec(13, vec([[0, 0]])),
      sec(6, vec([[0x7f, 1, 0x41, ...s(-5), 0x0b]])),
      sec(7, vec([[...str('f'), 0, 0], [...str('mem'), 2, 1]])),
      sec(8, [0]),
      sec(10, vec([body([], [0x0b])])),
    );
    const m = decodeModule(bytes, { features: { customPageSizes: true } });
    expect(m.tables[0]).toEqual({ type: { element: { kind: 'ref', nullable: true, heap: 'func' }, limits: { min: 1, max: null }, addr: 'i32' }, init: null });
    const t1 = m.tables[1]!;
    expect(t1.type).toEqual({ element: { kind: 'ref', nullable: false, heap: 'func' }, limits: { min: 0, max: 2 }, addr: 'i32' });
    expect([...bytes.subarray(t1.init!.start, t1.init!.end)]).toEqual([0xd2, 0]);
    expect(bytes[t1.init!.end]).toBe(0x0b);
    expect(m.memories).toEqual([
      { limits: { min: 1, max: 2 }, shared: false, addr: 'i64', pageSizeLog2: 0 },
      { limits: { min: 2 ** 40, max: null }, shared: false, addr: 'i64', pageSizeLog2: 16 },
    ]);
    expect(m.tags).toEqual([{ type: 0 }]);
    expect(m.globals[0]!.type).toEqual({ type: 'i32', mutable: true });
    expect([...bytes.subarray(m.globals[0]!.init.start, m.globals[0]!.init.end)]).toEqual([0x41, 0x7b]);
    expect(m.exports).toEqual([
      { name: 'f', kind: 'func', index: 0 },
      { name: 'mem', kind: 'memory', index: 1 },
    ]);
    expect(m.start).toBe(0);
  });

  it('reads 32-bit memory and table limits as u64, leaving sizes above 2^32-1 to the validator', () => {
    const big = 2 ** 32;
    const m = decodeModule(mod(sec(4, vec([[0x70, 1, ...u(0), ...u(big)]])), sec(5, vec([[1, ...u(big), ...u(big + 1)]]))));
    expect(m.tables[0]!.type).toMatchObject({ addr: 'i32', limits: { min: 0, max: big } });
    expect(m.memories[0]).toMatchObject({ addr: 'i32', limits: { min: big, max: big + 1 } });
  });

  it('decodes the eight element segment forms', () => {
    const off = [0x41, 0, 0x0b];
    const m = decodeModule(
      mod(
        sec(
          9,
          vec([
            [0, ...off, ...vec([[0], [1]])],
            [1, 0, ...vec([[2]])],
            [2, 1, ...off, 0, ...vec([])],
            [3, 0, ...vec([[3]])],
            [4, ...off, ...vec([[0xd2, 0, 0x0b], [0xd0, 0x70, 0x0b]])],
            [5, 0x6f, ...vec([[0xd0, 0x6f, 0x0b]])],
            [6, 2, ...off, 0x64, 0x70, ...vec([])],
            [7, 0x70, ...vec([])],
          ]),
        ),
      ),
    );
    const nonNullFunc = { kind: 'ref', nullable: false, heap: 'func' };
    expect(m.elems.map((e) => [e.mode, e.table, e.offset !== null, e.type, e.items.kind])).toEqual([
      ['active', 0, true, nonNullFunc, 'funcs'],
      ['passive', 0, false, nonNullFunc, 'funcs'],
      ['active', 1, true, nonNullFunc, 'funcs'],
      ['declarative', 0, false, nonNullFunc, 'funcs'],
      ['active', 0, true, { kind: 'ref', nullable: true, heap: 'func' }, 'exprs'],
      ['passive', 0, false, { kind: 'ref', nullable: true, heap: 'extern' }, 'exprs'],
      ['active', 2, true, nonNullFunc, 'exprs'],
      ['declarative', 0, false, { kind: 'ref', nullable: true, heap: 'func' }, 'exprs'],
    ]);
    expect(m.elems[0]!.items).toEqual({ kind: 'funcs', funcs: [0, 1] });
    const e4 = m.elems[4]!.items;
    expect(e4.kind === 'exprs' && e4.exprs.map((c) => [...m.bytes.subarray(c.start, c.end)])).toEqual([
      [0xd2, 0],
      [0xd0, 0x70],
    ]);
  });

  it('decodes code bodies and data segments', () => {
    const bytes = mod(
      oneFuncType(2),
      sec(5, vec([[0, 1]])),
      sec(12, [3]),
      sec(10, vec([body([[2, 0x7f], [1, 0x7b]], [0x41, 1, 0x1a, 0x0b]), body([], [0xfc, 9, 0, 0x0b])])),
      sec(11, vec([[0, 0x41, 8, 0x0b, ...vec([[1], [2]])], [1, ...vec([[3]])], [2, 1, 0x41, 0, 0x0b, ...vec([])]])),
    );
    const m = decodeModule(bytes);
    expect(m.codes[0]!.locals).toEqual([
      { count: 2, type: 'i32' },
      { count: 1, type: 'v128' },
    ]);
    expect(m.codes[0]!.localCount).toBe(3);
    const c = m.codes[0]!.code;
    expect([...bytes.subarray(c.start, c.end)]).toEqual([0x41, 1, 0x1a, 0x0b]);
    expect(m.codes[1]!.range.end).toBe(m.codes[1]!.code.end);
    expect(m.dataCount).toBe(3);
    expect(m.datas.map((d) => [d.mode, d.memory, d.offset !== null, [...bytes.subarray(d.init.start, d.init.end)]])).toEqual([
      ['active', 0, true, [1, 2]],
      ['passive', 0, false, [3]],
      ['active', 1, true, []],
    ]);
  });

  it('keeps custom sections anywhere, with the id of the section before them', () => {
    const custom = (name: string, ...payload: number[]): number[] => sec(0, str(name), payload);
    const m = decodeModule(mod(custom('a', 1), sec(1, vec([])), custom('b'), custom('c', 2, 3), sec(12, [0]), custom('d')));
    expect(m.customs.map((c) => [c.name, c.after, [...m.bytes.subarray(c.data.start, c.data.end)]])).toEqual([
      ['a', 0, [1]],
      ['b', 1, []],
      ['c', 1, [2, 3]],
      ['d', 12, []],
    ]);
  });

  it('rejects a custom section whose name runs past it', () => {
    const e = decodeError(mod([0, 2, 5, 0x61]));
    expect(e.reason).toBe('length out of bounds');
  });

  it('never preallocates for huge counts', () => {
    const huge = [0xff, 0xff, 0xff, 0xff, 0x0f];
    for (const id of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13]) {
      const e = decodeError(mod(sec(id, huge)));
      expect(e.reason.startsWith('unexpected end')).toBe(true);
    }
  });

  it('handles deep nesting without recursion', () => {
    const depth = 200000;
    const code = [...Array(depth).fill([0x02, 0x40]).flat(), ...Array(depth + 1).fill(0x0b)];
    const m = decodeModule(mod(oneFuncType(), sec(10, vec([body([], code)]))));
    expect(m.codes[0]!.code.end - m.codes[0]!.code.start).toBe(code.length);
  });
});

describe('decodeModule: constant expressions', () => {
  // a memory and one active data segment whose offset expression is `expr` (without its `end`)
  const data = (expr: number[]): Uint8Array => mod(sec(5, vec([[0, 1]])), sec(11, vec([[0, ...expr, 0x0b, 0]])));
  const OFFSET_AT = H + 5 + 4; // the memory section, then the data section id, size, count, flags

  it.each([
    ['one byte', [0x41, 0x05]],
    ['two bytes', [0x41, 0x80, 0x01]],
    ['five bytes, positive', [0x41, 0x80, 0x80, 0x80, 0x80, 0x00]],
    ['five bytes, negative', [0x41, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['two instructions', [0x41, 0x01, 0x41, 0x02, 0x6a]],
    ['global.get', [0x23, 0x00]],
  ])('delimits i32.const offsets: %s', (_name, expr) => {
    const m = decodeModule(data(expr));
    expect(m.datas[0]!.offset).toEqual({ start: OFFSET_AT, end: OFFSET_AT + expr.length });
  });

  it.each([
    ['unused bits not the sign', [0x41, 0x80, 0x80, 0x80, 0x80, 0x08], 'integer too large', OFFSET_AT + 5],
    ['six bytes', [0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 'integer representation too long', OFFSET_AT + 6],
  ])('rejects malformed i32.const offsets: %s', (_name, expr, reason, offset) => {
    const e = decodeError(data(expr));
    expect(e.reason).toBe(reason);
    expect(e.offset).toBe(offset);
  });
});

describe('decodeModule: scanBodies false and checkBodies', () => {
  const illegal = mod(FT, sec(10, vec([body([], [0x27, 0x0b])])));
  const needsDataCount = mod(FT, sec(5, vec([[0, 1]])), sec(10, vec([body([], [0xfc, 0x09, 0x00, 0x0b])])), sec(11, vec([[1, 0]])));

  it('delimits bodies without checking their instructions', () => {
    const m = decodeModule(illegal, { scanBodies: false });
    expect(m.codes).toHaveLength(1);
    expect(m.codes[0]!.code.end).toBe(illegal.length);
    expect(() => checkBodies(m)).toThrow('illegal opcode 27');
  });

  it('checkBodies throws exactly what a scanning decode throws', () => {
    for (const bytes of [illegal, needsDataCount]) {
      const eager = decodeError(bytes);
      let lazy: unknown = null;
      try {
        checkBodies(decodeModule(bytes, { scanBodies: false }));
      } catch (e) {
        lazy = e;
      }
      expect(lazy).toBeInstanceOf(DecodeError);
      expect((lazy as DecodeError).message).toBe(eager.message);
    }
    expect(decodeError(needsDataCount).reason).toBe('data count section required');
  });

  it('still reports a malformed body before an error in a later section', () => {
    const bytes = mod(FT, sec(10, vec([body([], [0x27, 0x0b])])), sec(11, vec([[9]])));
    expect(decodeError(bytes, { scanBodies: false }).reason).toBe('illegal opcode 27');
    expect(decodeError(mod(FT, sec(10, vec([body([], [0x01, 0x0b])])), sec(11, vec([[9]]))), { scanBodies: false }).reason).toBe('malformed data segment kind');
  });

  it('accepts what a scanning decode accepts', () => {
    const ok = mod(FT, sec(10, vec([body([[2, 0x7f]], [0x20, 0x00, 0x1a, 0x0b])])));
    const m = decodeModule(ok, { scanBodies: false });
    expect(m.codes[0]!.locals).toEqual([{ count: 2, type: 'i32' }]);
    expect(() => checkBodies(m)).not.toThrow();
  });
});

describe('decodeModule: data segments and input kinds', () => {
  const bytes = mod(
    sec(5, vec([[0, 1]])),
    sec(12, [3]),
    sec(11, vec([[0, 0x41, 8, 0x0b, ...vec([[1], [2]])], [1, ...vec([[3]])], [0, 0x41, 1, 0x41, 2, 0x6a, 0x0b, ...vec([])]])),
  );

  it('reads segments as plain IR objects (fields, JSON and structural comparison)', () => {
    const m = decodeModule(bytes);
    const plain = m.datas.map((d) => ({ mode: d.mode, memory: d.memory, offset: d.offset, init: d.init }));
    expect(JSON.parse(JSON.stringify(m.datas))).toEqual(plain);
    expect(plain[1]!.offset).toBeNull();
    expect(plain[2]!.offset!.end - plain[2]!.offset!.start).toBe(5);
    expect(normalizeModule(m)).toEqual(normalizeModule({ ...m, datas: plain }));
  });

  it('keeps a Uint8Array subclass as the module bytes and decodes it like a plain one', () => {
    class Sub extends Uint8Array {}
    const sub = new Sub(bytes.length);
    sub.set(bytes);
    const m = decodeModule(sub);
    expect(m.bytes).toBe(sub);
    expect(moduleEquals(m, decodeModule(bytes))).toBe(true);
  });
});
