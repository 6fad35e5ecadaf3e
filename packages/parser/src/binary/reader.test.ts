import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

function reader(bytes: number[], end = bytes.length): Reader {
  return new Reader(Uint8Array.from(bytes), 0, end, 'test');
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

describe('Reader LEB128', () => {
  const ok: [string, 'u32' | 's32' | 's33' | 'u64', number[], number][] = [
    ['u32 0', 'u32', [0], 0],
    ['u32 127', 'u32', [0x7f], 127],
    ['u32 128', 'u32', [0x80, 0x01], 128],
    ['u32 padded zero', 'u32', [0x80, 0x80, 0x80, 0x80, 0x00], 0],
    ['u32 max', 'u32', [0xff, 0xff, 0xff, 0xff, 0x0f], 0xffffffff],
    ['s32 -1', 's32', [0x7f], -1],
    ['s32 -64', 's32', [0x40], -64],
    ['s32 64', 's32', [0xc0, 0x00], 64],
    ['s32 min', 's32', [0x80, 0x80, 0x80, 0x80, 0x78], -(2 ** 31)],
    ['s32 max', 's32', [0xff, 0xff, 0xff, 0xff, 0x07], 2 ** 31 - 1],
    ['s32 padded -1', 's32', [0xff, 0xff, 0xff, 0xff, 0x7f], -1],
    ['s33 -16 (funcref byte)', 's33', [0x70], -16],
    ['s33 max', 's33', [0xff, 0xff, 0xff, 0xff, 0x0f], 2 ** 32 - 1],
    ['s33 min', 's33', [0x80, 0x80, 0x80, 0x80, 0x70], -(2 ** 32)],
    ['u64 2^53', 'u64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], 2 ** 53],
    ['u64 max (rounded)', 'u64', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 2 ** 64],
    ['u64 padded', 'u64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 0],
  ];
  it.each(ok)('%s', (_name, kind, bytes, value) => {
    const r = reader(bytes);
    expect(r[kind]()).toBe(value);
    expect(r.pos).toBe(bytes.length);
  });

  const bad: [string, 'u32' | 's32' | 's33' | 'u64' | 's64' | 'skipS64', number[], string, number][] = [
    ['u32 unused bits set', 'u32', [0x80, 0x80, 0x80, 0x80, 0x10], 'integer too large', 4],
    ['u32 six bytes', 'u32', [0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 'integer representation too long', 5],
    ['u32 six bytes with large fifth', 'u32', [0x80, 0x80, 0x80, 0x80, 0xf0, 0x00], 'integer too large', 4],
    ['s32 bad sign extension', 's32', [0x80, 0x80, 0x80, 0x80, 0x70], 'integer too large', 4],
    ['s32 positive overflow', 's32', [0xff, 0xff, 0xff, 0xff, 0x0f], 'integer too large', 4],
    ['s32 too long', 's32', [0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], 'integer representation too long', 5],
    ['s33 bad sign extension', 's33', [0x80, 0x80, 0x80, 0x80, 0x50], 'integer too large', 4],
    ['u64 bit 64 set', 'u64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02], 'integer too large', 9],
    ['u64 eleven bytes', 'u64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 'integer representation too long', 10],
    ['s64 bad sign extension', 's64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7e], 'integer too large', 9],
    ['skipS64 bad sign extension', 'skipS64', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 | 0x40], 'integer too large', 9],
    ['u32 truncated', 'u32', [0x80, 0x80], 'unexpected end', 2],
  ];
  it.each(bad)('%s', (_name, kind, bytes, reason, offset) => {
    expect(failure(() => reader(bytes)[kind]())).toEqual({ reason, offset });
  });

  it('reads s64 extremes as bigints', () => {
    const min = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
    expect(reader(min).s64()).toBe(-(2n ** 63n));
    expect(reader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]).s64()).toBe(2n ** 63n - 1n);
    expect(reader([0x7f]).s64()).toBe(-1n);
    const r = reader(min);
    r.skipS64();
    expect(r.pos).toBe(10);
  });

  it('round-trips Writer encodings', () => {
    for (const v of [0, 1, 63, 64, 127, 128, 8191, 8192, 2 ** 31 - 1, -(2 ** 31), -1, -64, -65]) {
      const w = new Writer().s32(v);
      expect(reader([...w.finish()]).s32()).toBe(v);
    }
    for (const v of [0, 1, 127, 128, 2 ** 32 - 1]) expect(reader([...new Writer().u32(v).finish()]).u32()).toBe(v);
    for (const v of [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 123456789012345n]) expect(reader([...new Writer().s64(v).finish()]).s64()).toBe(v);
  });

  it('reads a LEB128 past its range to report over-long integers, then reports the overrun', () => {
    // Range ends after two bytes, but the integer goes on: the reference decoder's wording wins.
    expect(failure(() => reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 2).u32())).toEqual({ reason: 'integer representation too long', offset: 5 });
    expect(failure(() => reader([0x80, 0x80, 0x01], 2).u32())).toEqual({ reason: 'unexpected end of section or function', offset: 2 });
  });
});

describe('Reader names and bytes', () => {
  it('decodes UTF-8 names, keeping a leading BOM', () => {
    expect(reader([3, 0x61, 0x62, 0x63]).name()).toBe('abc');
    expect(reader([2, 0xc3, 0xa9]).name()).toBe('é');
    expect(reader([3, 0xef, 0xbb, 0xbf]).name()).toBe('\ufeff');
    expect(reader([0]).name()).toBe('');
  });

  const bad: [string, number[], string, number][] = [
    ['overlong encoding', [2, 0xc0, 0x80], 'malformed UTF-8 encoding', 1],
    ['surrogate', [3, 0xed, 0xa0, 0x80], 'malformed UTF-8 encoding', 1],
    ['truncated sequence', [1, 0xe2], 'malformed UTF-8 encoding', 1],
    ['length past the input', [5, 0x61], 'length out of bounds', 0],
  ];
  it.each(bad)('rejects %s', (_name, bytes, reason, offset) => {
    expect(failure(() => reader(bytes).name())).toEqual({ reason, offset });
  });

  it('rejects a name that runs past its range but not the input', () => {
    expect(failure(() => reader([3, 0x61, 0x62, 0x63], 2).name())).toEqual({ reason: 'unexpected end of section or function', offset: 2 });
  });

  it('reads raw float bits and skips bytes', () => {
    const r = reader([0x00, 0x00, 0xc0, 0x7f, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.f32Bits()).toBe(0x7fc00000);
    expect(r.f64Bits()).toEqual([0x04030201, 0x08070605]);
    expect(failure(() => r.skip(2))).toEqual({ reason: 'unexpected end', offset: 13 });
  });

  it('folds prefixed opcodes', () => {
    expect(reader([0x6a]).op()).toBe(0x6a);
    expect(reader([0xfc, 0x08]).op()).toBe(0xfc008);
    expect(reader([0xfd, 0x80, 0x02]).op()).toBe(0xfd100);
  });
});

describe('Writer u64', () => {
  it('writes doubles that rounded up to 2^64 as 2^64-1', () => {
    const max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    const v = reader(max).u64();
    expect(v).toBe(2 ** 64);
    expect([...new Writer().u64(v).finish()]).toEqual(max);
    expect([...new Writer().u64(2 ** 40).finish()]).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
  });
});
