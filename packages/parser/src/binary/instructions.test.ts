import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { body, mod, oneFuncType, sec, vec } from './builder.test-helper.js';
import { decodeModule } from './decode.js';
import { decodeInstructions } from './instructions.js';

describe('decodeInstructions', () => {
  it('materialises a body with its immediates', () => {
    const code = [
      0x02, 0x40, // block
      0x41, 0x7f, // i32.const -1
      0x0e, 0x02, 0x00, 0x01, 0x00, // br_table 0 1 0
      0x0b, // end
      0x42, 0x80, 0x01, // i64.const 128
      0x1a, // drop
      0x41, 0x00, 0x28, 0x42, 0x01, 0x08, 0x1a, // i32.const 0, i32.load memory 1 offset 8 align 2
      0x1c, 0x01, 0x7f, // select (result i32) -- not type-correct, decoding only
      0x1f, 0x40, 0x02, 0x00, 0x03, 0x00, 0x02, 0x01, 0x0b, // try_table (catch 3 0) (catch_all 1) end
      0xfb, 0x18, 0x03, 0x00, 0x6e, 0x6c, // br_on_cast 0 anyref i31ref
      0x0b,
    ];
    const m = decodeModule(mod(oneFuncType(), sec(10, vec([body([], code)]))));
    const list = decodeInstructions(m.bytes, m.codes[0]!.code);
    expect(list.map((i) => [i.name, i.imm])).toEqual([
      ['block', [null]],
      ['i32.const', [-1]],
      ['br_table', [[0, 1], 0]],
      ['end', []],
      ['i64.const', [128n]],
      ['drop', []],
      ['i32.const', [0]],
      ['i32.load', [{ align: 2, memory: 1, offset: 8 }]],
      ['drop', []],
      ['select_t', [['i32']]],
      ['try_table', [null, [{ kind: 'catch', tag: 3, label: 0 }, { kind: 'catch_all', tag: null, label: 1 }]]],
      ['end', []],
      ['br_on_cast', [3, 0, 'any', 'i31']],
      ['end', []],
    ]);
    expect(list[0]!.offset).toBe(m.codes[0]!.code.start);
    expect(list.at(-1)!.offset).toBe(m.codes[0]!.code.end - 1);
  });

  it('reports malformed bytes', () => {
    const bytes = Uint8Array.from([0x41, 0x00, 0xd7]);
    expect(() => decodeInstructions(bytes, { start: 0, end: 3 })).toThrow(DecodeError);
    expect(() => decodeInstructions(bytes, { start: 0, end: 3 })).toThrow('illegal opcode d7');
  });
});
