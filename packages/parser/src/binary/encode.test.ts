import { describe, expect, it } from 'vitest';
import type { Module } from '../ir.js';
import { body, mod, oneFuncType, sec, str, u, vec } from './builder.test-helper.js';
import { decodeModule, type DecodeOptions } from './decode.js';
import { encodeModule } from './encode.js';
import { moduleEquals, normalizeModule } from './equals.js';

const all: DecodeOptions = { features: { customPageSizes: true, customDescriptors: true } };
const custom = (name: string, ...payload: number[]): number[] => sec(0, str(name), payload);
const off = [0x41, 0, 0x0b];

/** Modules covering every section and form; each must survive decode -> encode -> decode. */
const modules: [string, Uint8Array][] = [
  ['empty', mod()],
  [
    'types',
    mod(
      sec(
        1,
        vec([
          [0x60, ...vec([[0x7f], [0x64, 0x00], [0x7b]]), ...vec([[0x70], [0x63, 0x6e]])],
          [0x4e, ...u(0)],
          [0x4e, ...u(1), 0x5e, 0x78, 1],
          [0x4e, ...u(3), 0x50, ...vec([]), 0x5f, ...vec([[0x77, 0], [0x6a, 1]]), 0x4f, ...vec([[2]]), 0x5f, ...vec([]), 0x4f, ...vec([]), 0x5e, 0x7e, 0],
        ]),
      ),
    ),
  ],
  [
    'descriptors and exact types',
    mod(
      sec(1, vec([[0x4e, ...u(2), 0x4d, 1, 0x5f, ...vec([]), 0x4c, 0, 0x5f, ...vec([[0x63, 0x62, 0, 0]])], [0x60, 0, 0]])),
      sec(2, vec([[...str('m'), ...str('f'), 0x20, 2]])),
    ),
  ],
  [
    'imports',
    mod(
      sec(1, vec([[0x60, 0, 0]])),
      sec(
        2,
        vec([
          [...str('m'), ...str('f'), 0, 0],
          [...str('m'), ...str('t'), 1, 0x6f, 5, ...u(1), ...u(2)],
          [...str('m'), ...str('mem'), 2, 3, 1, 2],
          [...str('m'), ...str('small'), 2, 8, 0, 0],
          [...str('m'), ...str('g'), 3, 0x7e, 1],
          [...str('m'), ...str('e'), 4, 0, 0],
        ]),
      ),
    ),
  ],
  [
    'definitions',
    mod(
      oneFuncType(2),
      sec(4, vec([[0x70, 0, 1], [0x40, 0, 0x64, 0x70, 1, 0, 2, 0xd2, 0, 0x0b], [0x6f, 4, ...u(2 ** 33)]])),
      sec(5, vec([[0x0d, 1, 2, 0], [4, ...u(2 ** 40)], [0, 1]])),
      sec(13, vec([[0, 0]])),
      sec(6, vec([[0x7f, 1, 0x41, 0x7b, 0x0b], [0x7c, 0, 0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x0b]])),
      sec(7, vec([[...str('f'), 0, 0], [...str('mem'), 2, 1], [...str('tag'), 4, 0]])),
      sec(8, [1]),
      sec(12, [2]),
      sec(10, vec([body([[2, 0x7f], [1, 0x64, 0x6e]], [0x41, 1, 0x1a, 0x0b]), body([], [0xfc, 9, 0, 0x0b])])),
      sec(11, vec([[0, ...off, ...vec([[1], [2]])], [2, 2, ...off, ...vec([])]])),
    ),
  ],
  [
    'element segments',
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
          [6, 0, ...off, 0x6f, ...vec([])],
          [7, 0x70, ...vec([])],
        ]),
      ),
    ),
  ],
  [
    'custom sections everywhere',
    mod(custom('first', 1, 2), sec(1, vec([])), custom('after types'), sec(3, vec([])), custom('after funcs', 9), sec(10, vec([])), custom('last')),
  ],
  [
    'name section',
    mod(
      oneFuncType(),
      sec(10, vec([body([[1, 0x7f]], [0x0b])])),
      custom('name', ...[0, ...u(4), ...str('mod')], ...[1, ...u(5), ...vec([[0, ...str('fn')]])], ...[2, ...u(6), ...vec([[0, ...vec([[0, ...str('x')]])]])]),
    ),
  ],
];

describe('encodeModule', () => {
  it.each(modules)('round-trips %s', (_name, bytes) => {
    const m = decodeModule(bytes, all);
    const again = decodeModule(encodeModule(m), all);
    expect(normalizeModule(again)).toEqual(normalizeModule(m));
    expect(moduleEquals(m, again)).toBe(true);
  });

  it('reproduces canonical encodings byte for byte', () => {
    for (const [name, bytes] of modules) {
      if (name === 'types' || name === 'empty') continue; // the type module uses non-canonical rec forms
      const again = encodeModule(decodeModule(bytes, all));
      expect([...again], name).toEqual([...bytes]);
    }
  });

  it('keeps the names of the name section', () => {
    const [, bytes] = modules.find(([n]) => n === 'name section')!;
    const m = decodeModule(encodeModule(decodeModule(bytes)));
    expect(m.names?.module).toBe('mod');
    expect(m.names?.funcs.get(0)).toBe('fn');
    expect(m.names?.locals.get(0)?.get(0)).toBe('x');
  });

  it('writes function-index segments of a nullable type as expressions', () => {
    const m = decodeModule(mod(sec(9, vec([[1, 0, ...vec([[7]])]]))));
    const nullable: Module = { ...m, elems: [{ ...m.elems[0]!, type: { kind: 'ref', nullable: true, heap: 'func' } }] };
    const again = decodeModule(encodeModule(nullable));
    expect(again.elems[0]!.type).toEqual({ kind: 'ref', nullable: true, heap: 'func' });
    const items = again.elems[0]!.items;
    expect(items.kind).toBe('exprs');
    if (items.kind === 'exprs') expect([...again.bytes.subarray(items.exprs[0]!.start, items.exprs[0]!.end)]).toEqual([0xd2, 7]);
  });
});

describe('moduleEquals', () => {
  it('compares byte ranges by content, not offset', () => {
    const a = decodeModule(mod(custom('x'), sec(6, vec([[0x7f, 0, 0x41, 1, 0x0b]]))));
    const b = decodeModule(mod(sec(6, vec([[0x7f, 0, 0x41, 1, 0x0b]])), custom('x')));
    expect(a.globals[0]!.init.start).not.toBe(b.globals[0]!.init.start);
    // Same global, different custom section position.
    expect(moduleEquals(a, b)).toBe(false);
    const c = decodeModule(mod(custom('x'), sec(6, vec([[0x7f, 0, 0x41, 2, 0x0b]]))));
    expect(moduleEquals(a, c)).toBe(false);
    const d = decodeModule(mod(custom('x'), custom('y'), sec(6, vec([[0x7f, 0, 0x41, 1, 0x0b]]))));
    expect(moduleEquals(d, decodeModule(encodeModule(d)))).toBe(true);
    expect(moduleEquals(a, d)).toBe(false);
  });
});
