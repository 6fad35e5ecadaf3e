// The fast loop against the general path on bodies that take its edge cases: padded and
// over-long LEB128s, immediates at the very end of a body, stacks that must grow, long br_tables,
// type errors, unreachable code. Both must give the same facts or the same error.
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeModule } from '@wasmtide/parser';
import { body, encode, functype, T } from './build.test-helper.js';
import { setFastPath } from './fast.js';
import { validate, ValidationError } from './index.js';
import type { ValidatedModule } from './index.js';

/**
 * A module with a memory, a mutable i32 global, a funcref table and one `[i32 i32] -> [i32]` function
 * with 200 more i32 locals; `code` is its body without the final `end` (added here).
 */
function module(code: number[], locals: [number, number][] = [[200, T.i32]]): Uint8Array {
  const bytes = encode({
    types: [functype([T.i32, T.i32], [T.i32]), functype([], [])],
    funcs: [0],
    tables: [[0x70, 0x00, 0x01]],
    memories: [[0x00, 0x01]],
    globals: [[T.i32, 0x01, 0x41, 0x00, 0x0b]],
    codes: [body(locals, code)],
  });
  return bytes;
}

function outcome(bytes: Uint8Array, fast: boolean, scanBodies: boolean): string {
  setFastPath(fast);
  try {
    const v: ValidatedModule = validate(decodeModule(bytes, { scanBodies }));
    return `ok ${v.maxStackHeight[0]} ${v.maxBlockDepth[0]} ${v.funcFlags[0]}`;
  } catch (e) {
    if (e instanceof DecodeError || e instanceof ValidationError) return `${e.name} ${e.message}`;
    throw e;
  } finally {
    setFastPath(true);
  }
}

const pad5 = (n: number): number[] => [(n & 0x7f) | 0x80, ((n >> 7) & 0x7f) | 0x80, ((n >> 14) & 0x7f) | 0x80, ((n >> 21) & 0x7f) | 0x80, (n >> 28) & 0x0f];
const repeat = (n: number, xs: number[]): number[] => Array.from({ length: n }, () => xs).flat();

const cases: [string, number[]][] = [
  ['local.get with a 2-byte index', [0x20, 0x83, 0x01]],
  ['local.get with a padded index', [0x20, ...pad5(1)]],
  ['local.get with an index of unused bits set', [0x20, 0x81, 0x80, 0x80, 0x80, 0x10]],
  ['local.get with a 6-byte index', [0x20, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00]],
  ['local.get out of range', [0x20, 0xff, 0x0f]],
  ['local.get running past the end', [0x20, 0x80]],
  ['i32.const padded, negative', [0x41, 0xff, 0xff, 0xff, 0xff, 0x7f]],
  ['i32.const with bad unused bits', [0x41, 0xff, 0xff, 0xff, 0xff, 0x4f]],
  ['i64.const of 10 bytes', [0x42, ...repeat(9, [0x80]), 0x00, 0x1a, 0x20, 0x00]],
  ['i64.const of 10 bytes, too large', [0x42, ...repeat(9, [0x80]), 0x02, 0x1a, 0x20, 0x00]],
  ['f64.const cut off', [0x44, 0x00, 0x00]],
  ['i32.add on i64', [0x42, 0x00, 0x20, 0x00, 0x6a]],
  ['i32.add on one operand', [0x20, 0x00, 0x6a]],
  ['unreachable then i32.add', [0x00, 0x6a]],
  ['load with a padded offset', [0x20, 0x00, 0x28, 0x02, ...pad5(8)]],
  ['load with over-natural alignment', [0x20, 0x00, 0x28, 0x03, 0x00]],
  ['load with memop flags 128', [0x20, 0x00, 0x28, 0x80, 0x01, 0x00]],
  ['store of the wrong type', [0x20, 0x00, 0x42, 0x00, 0x36, 0x02, 0x00, 0x20, 0x00]],
  ['deep blocks (the control stack grows)', [...repeat(40, [0x02, 0x40]), ...repeat(40, [0x0b]), 0x20, 0x00]],
  ['many operands (the operand stack grows)', [...repeat(300, [0x20, 0x00]), ...repeat(299, [0x1a])]],
  ['br_table of 200 labels', [0x02, 0x40, 0x20, 0x00, 0x0e, 0xc8, 0x01, ...repeat(200, [0x00]), 0x00, 0x0b, 0x20, 0x00]],
  ['br_table to labels of different arities', [0x02, 0x40, 0x02, T.i32, 0x20, 0x00, 0x20, 0x00, 0x0e, 0x01, 0x00, 0x01, 0x0b, 0x1a, 0x0b, 0x20, 0x00]],
  ['br to a loop', [0x03, 0x40, 0x20, 0x00, 0x0d, 0x00, 0x0b, 0x20, 0x00]],
  ['if with a result but no else', [0x20, 0x00, 0x04, T.i32, 0x20, 0x00, 0x0b]],
  ['else without if', [0x05]],
  ['end with a missing result', [0x02, T.i32, 0x0b]],
  ['call with padded index', [0x20, 0x00, 0x20, 0x00, 0x10, ...pad5(0)]],
  ['call of an unknown function', [0x20, 0x00, 0x20, 0x00, 0x10, 0x05]],
  ['call_indirect', [0x20, 0x00, 0x20, 0x00, 0x20, 0x00, 0x11, 0x00, 0x00]],
  ['call_indirect of a non-function type index', [0x20, 0x00, 0x11, 0x09, 0x00]],
  ['global.set', [0x20, 0x00, 0x24, 0x00, 0x20, 0x00]],
  ['select of mixed types', [0x20, 0x00, 0x42, 0x00, 0x20, 0x00, 0x1b]],
  ['memory.grow', [0x20, 0x00, 0x40, 0x00]],
  ['return then bottom', [0x20, 0x00, 0x0f, 0x6a]],
  ['trailing bytes after the final end', [0x20, 0x00, 0x0b, 0x01]],
  ['no final end', [0x20, 0x00, 0x02, 0x40]],
  ['illegal opcode', [0x20, 0x00, 0xff]],
  ['i64.const of 10 bytes, negative', [0x42, ...repeat(9, [0xff]), 0x7f, 0x1a, 0x20, 0x00]],
  ['memory.copy', [0x20, 0x00, 0x20, 0x01, 0x20, 0x00, 0xfc, 0x0a, 0x00, 0x00, 0x20, 0x00]],
  ['memory.copy of the wrong types', [0x20, 0x00, 0x42, 0x00, 0x20, 0x00, 0xfc, 0x0a, 0x00, 0x00, 0x20, 0x00]],
  ['memory.copy from an unknown memory', [0x20, 0x00, 0x20, 0x01, 0x20, 0x00, 0xfc, 0x0a, 0x00, 0x01, 0x20, 0x00]],
  ['memory.fill', [0x20, 0x00, 0x20, 0x01, 0x20, 0x00, 0xfc, 0x0b, 0x00, 0x20, 0x00]],
  ['memory.fill with a short stack', [0x20, 0x00, 0x20, 0x00, 0xfc, 0x0b, 0x00, 0x20, 0x00]],
  ['block result after br', [0x02, T.i32, 0x20, 0x00, 0x0c, 0x00, 0x0b]],
  ['if result after br in both arms', [0x20, 0x00, 0x04, T.i32, 0x20, 0x00, 0x0c, 0x00, 0x05, 0x00, 0x0b]],
  ['function end after unreachable', [0x00]],
  ['unreachable block end of the wrong type', [0x02, T.i32, 0x00, 0x42, 0x00, 0x0b]],
];

describe('the fast loop agrees with the general path', () => {
  it.each(cases)('%s', (_name, code) => {
    const bytes = module(code);
    const general = outcome(bytes, false, false);
    expect(outcome(bytes, true, false)).toBe(general);
    // and, as far as the bodies are well-formed, with a decode that scans them
    const eager = outcome(bytes, true, true);
    if (!eager.startsWith('DecodeError')) expect(eager).toBe(general);
  });

  it('covers both outcomes', () => {
    const results = cases.map(([, code]) => outcome(module(code), true, false));
    expect(results.filter((r) => r.startsWith('ok')).length).toBeGreaterThan(10);
    expect(results.filter((r) => r.startsWith('ValidationError')).length).toBeGreaterThan(5);
    expect(results.filter((r) => r.startsWith('DecodeError')).length).toBeGreaterThan(5);
  });
});
