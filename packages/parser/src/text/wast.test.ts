import { describe, expect, it } from 'vitest';
import { TextSyntaxError } from '../errors.js';
import { parseWast, parseWat } from './index.js';
import type { WastAssertReturn, WastCommand, WastInvoke } from './index.js';

const SCRIPT = `;; a script
(module $M (func (export "f") (param i32) (result i32) (local.get 0)))
(module definition $D (memory 1))
(module instance $I $D)
(module binary "\\00asm" "\\01\\00\\00\\00")
(module quote "(func" " nop)")
(register "m" $M)
(invoke "f" (i32.const -1))
(get $M "g")
(assert_return (invoke $M "f" (i32.const 0x10)) (i32.const 16))
(assert_return (invoke "g" (i64.const -1) (f32.const 1.5) (f64.const -0x1p-1))
  (i64.const 18446744073709551615) (f32.const nan:canonical) (f64.const nan:arithmetic) (f32.const -0))
(assert_return (invoke "v" (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1))
  (v128.const f32x4 1 nan:canonical 0 -inf) (v128.const i16x8 0 0 0 0 0 0 0 1))
(assert_return (invoke "r" (ref.null func) (ref.extern 7) (ref.host 3))
  (ref.null) (ref.null extern) (ref.extern) (ref.extern 7) (ref.func) (ref.struct) (ref)
  (either (i32.const 1) (i32.const 2)))
(assert_trap (invoke "f" (i32.const 0)) "unreachable")
(assert_trap (module (func unreachable) (start 0)) "unreachable")
(assert_exhaustion (invoke "loop") "call stack exhausted")
(assert_exception (invoke "throw"))
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(func i32.foo)") "unknown operator")
(assert_unlinkable (module (import "x" "y" (func))) "unknown import")
(assert_malformed_custom (module quote "(@custom)") "@custom annotation")
(assert_invalid_custom (module) "x")
`;

describe('parseWast', () => {
  const script = parseWast(SCRIPT, 'test.wast');
  const cmds = script.commands;
  const byLine = (line: number): WastCommand => cmds.find((c) => c.line === line)!;

  it('produces one command per top-level form, with lines and kinds', () => {
    expect(script.filename).toBe('test.wast');
    expect(cmds.map((c) => [c.line, c.kind])).toEqual([
      [2, 'module'],
      [3, 'module_definition'],
      [4, 'module_instance'],
      [5, 'module'],
      [6, 'module'],
      [7, 'register'],
      [8, 'invoke'],
      [9, 'get'],
      [10, 'assert_return'],
      [11, 'assert_return'],
      [13, 'assert_return'],
      [15, 'assert_return'],
      [18, 'assert_trap'],
      [19, 'assert_trap'],
      [20, 'assert_exhaustion'],
      [21, 'assert_exception'],
      [22, 'assert_invalid'],
      [23, 'assert_malformed'],
      [24, 'assert_unlinkable'],
      [25, 'assert_malformed_custom'],
      [26, 'assert_invalid_custom'],
    ]);
  });

  it('keeps text modules as exact source slices that parseWat accepts', () => {
    const m = byLine(2);
    expect(m).toMatchObject({ kind: 'module', name: '$M', source: { kind: 'text' } });
    if (m.kind !== 'module' || m.source.kind !== 'text') throw new Error('unreachable');
    expect(m.source.text).toBe('(module $M (func (export "f") (param i32) (result i32) (local.get 0)))');
    expect(parseWat(m.source.text).length).toBeGreaterThan(8);
  });

  it('decodes binary and quote modules', () => {
    expect(byLine(5)).toMatchObject({ source: { kind: 'binary', bytes: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) } });
    expect(byLine(6)).toMatchObject({ source: { kind: 'quote', text: '(func nop)' } });
    expect(byLine(3)).toMatchObject({ kind: 'module_definition', name: '$D' });
    expect(byLine(4)).toEqual({ kind: 'module_instance', line: 4, instance: '$I', module: '$D' });
    expect(byLine(7)).toEqual({ kind: 'register', line: 7, as: 'm', module: '$M' });
  });

  it('converts argument values', () => {
    expect((byLine(8) as WastInvoke).args).toEqual([{ kind: 'i32', value: -1 }]);
    expect(byLine(9)).toEqual({ kind: 'get', line: 9, module: '$M', name: 'g' });
    const a = byLine(11) as WastAssertReturn;
    expect(a.action).toMatchObject({ kind: 'invoke', module: null, name: 'g' });
    expect((a.action as WastInvoke).args).toEqual([
      { kind: 'i64', value: -1n },
      { kind: 'f32', bits: 0x3fc00000 },
      { kind: 'f64', bits: 0xbfe0000000000000n },
    ]);
    expect(a.expected).toEqual([
      { kind: 'i64', value: -1n },
      { kind: 'nan', type: 'f32', nan: 'canonical' },
      { kind: 'nan', type: 'f64', nan: 'arithmetic' },
      { kind: 'f32', bits: 0x80000000 },
    ]);
  });

  it('converts vectors, with NaN patterns per lane', () => {
    const a = byLine(13) as WastAssertReturn;
    const arg = (a.action as WastInvoke).args[0];
    expect(arg).toEqual({ kind: 'v128', bytes: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255]) });
    expect(a.expected[0]).toEqual({
      kind: 'v128_lanes',
      shape: 'f32x4',
      lanes: [
        { kind: 'bits', bits: 0x3f800000 },
        { kind: 'nan', nan: 'canonical' },
        { kind: 'bits', bits: 0 },
        { kind: 'bits', bits: 0xff800000 },
      ],
    });
    expect(a.expected[1]).toEqual({ kind: 'v128', bytes: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]) });
  });

  it('converts references and result patterns', () => {
    const a = byLine(15) as WastAssertReturn;
    expect((a.action as WastInvoke).args).toEqual([
      { kind: 'ref.null', heap: 'func' },
      { kind: 'ref.extern', value: 7 },
      { kind: 'ref.host', value: 3 },
    ]);
    expect(a.expected).toEqual([
      { kind: 'ref.null_any' },
      { kind: 'ref.null', heap: 'extern' },
      { kind: 'ref.extern_any' },
      { kind: 'ref.extern', value: 7 },
      { kind: 'ref', type: 'func' },
      { kind: 'ref', type: 'struct' },
      { kind: 'ref', type: null },
      { kind: 'either', options: [{ kind: 'i32', value: 1 }, { kind: 'i32', value: 2 }] },
    ]);
  });

  it('parses assertions with messages', () => {
    expect(byLine(18)).toMatchObject({ kind: 'assert_trap', subject: { kind: 'invoke', name: 'f' }, message: 'unreachable' });
    expect(byLine(19)).toMatchObject({ kind: 'assert_trap', subject: { kind: 'module', source: { kind: 'text' } } });
    expect(byLine(20)).toMatchObject({ kind: 'assert_exhaustion', message: 'call stack exhausted' });
    expect(byLine(21)).toMatchObject({ kind: 'assert_exception', action: { name: 'throw' } });
    expect(byLine(23)).toMatchObject({ module: { source: { kind: 'quote', text: '(func i32.foo)' } }, message: 'unknown operator' });
    expect(byLine(24)).toMatchObject({ kind: 'assert_unlinkable', message: 'unknown import' });
  });

  it('treats a script of bare module fields as one inline module', () => {
    const s = parseWast('(func) (memory 1)');
    expect(s.commands).toEqual([{ kind: 'module', line: 1, name: null, source: { kind: 'text', text: '(func) (memory 1)' } }]);
  });

  it('keeps invalid UTF-8 of quoted modules so parseWat rejects it', () => {
    const s = parseWast('(module quote "(func (export \\"\\ff\\"))")');
    const m = s.commands[0];
    if (m.kind !== 'module' || m.source.kind !== 'quote') throw new Error('expected a quote module');
    expect(() => parseWat(m.source.kind === 'quote' ? m.source.text : '')).toThrow('malformed UTF-8');
    const raw = parseWast('(module quote "(func) \\ff")').commands[0];
    if (raw.kind !== 'module' || raw.source.kind !== 'quote') throw new Error('expected a quote module');
    expect(() => parseWat(raw.source.kind === 'quote' ? raw.source.text : '')).toThrow('malformed UTF-8');
  });

  it.each([
    ['(assert_return (invoke "f" (i32.const x)))', 1, 39],
    ['(module) (bogus)', 1, 11],
    ['\n(invoke "f"', 2, 12],
    ['(assert_return (invoke "f") (i32.const 0x1_0000_0000))', 1, 40],
  ])('reports malformed scripts with a position: %s', (src, line, column) => {
    let err: unknown;
    try {
      parseWast(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TextSyntaxError);
    expect([(err as TextSyntaxError).line, (err as TextSyntaxError).column]).toEqual([line, column]);
  });
});
