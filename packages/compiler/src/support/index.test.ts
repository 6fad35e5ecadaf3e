import { describe, expect, it } from 'vitest';
import { OPS } from '@wasmtide/parser';
import * as lib from './index.js';
import { HI, support } from './index.js';

/** The operators the library covers: scalar memory/numeric, 0xFC numeric, all 0xFD. */
const covered = OPS.filter(({ code }) =>
  (code >= 0x28 && code <= 0x3e) || (code >= 0x45 && code <= 0xc4) ||
  (code >= 0xfc000 && code <= 0xfc007) || (code >= 0xfc013 && code <= 0xfc016) ||
  (code >> 12) === 0xfd,
);

describe('support object', () => {
  it('has one helper per covered operator, named after the opcode', () => {
    const table = support as unknown as Record<string, unknown>;
    const missing = covered.map((op) => op.name.replace(/\./g, '_')).filter((n) => typeof table[n] !== 'function');
    expect(missing).toEqual([]);
    expect(covered.length).toBe(419);
    expect(Object.keys(support).length).toBe(420);
  });
  it('exports the same functions by name, and is frozen', () => {
    const named = lib as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(support)) expect(named[k]).toBe(v);
    expect(Object.isFrozen(support)).toBe(true);
  });
  it('HI is an Int32Array(4) shared with the object', () => {
    expect(HI).toBeInstanceOf(Int32Array);
    expect(HI.length).toBe(4);
    expect(support.HI).toBe(HI);
    support.i64_extend_i32_s(-5);
    expect(HI[0]).toBe(-1);
  });
});
