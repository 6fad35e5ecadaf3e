import { describe, expect, it } from 'vitest';
import { HI, f32FromBits, f32ToBits } from './bits.js';
import { V128, shuffleLanes, v128FromBytes, v128ToBytes } from './v128.js';
import { i8x16_shuffle, i8x16_swizzle, v128_const } from './simd-bitwise.js';
import {
  i16x8_q15mulr_sat_s, i16x8_relaxed_dot_i8x16_i7x16_s, i32x4_relaxed_dot_i8x16_i7x16_add_s,
  i8x16_all_true, i8x16_bitmask, i8x16_narrow_i16x8_s, i8x16_narrow_i16x8_u, i8x16_replace_lane,
  i8x16_extract_lane_s, i8x16_extract_lane_u,
} from './simd-i8i16.js';
import { i64x2_extract_lane, i64x2_replace_lane } from './simd-i32i64.js';
import {
  f32x4_extract_lane, f32x4_pmin, f32x4_relaxed_madd, f32x4_replace_lane, f32x4_splat,
  i32x4_relaxed_trunc_f32x4_s,
} from './simd-float.js';
import {
  v128_load, v128_load16_lane, v128_load32_zero, v128_load8_splat, v128_load8x8_s,
  v128_load8x8_u, v128_load16x4_s, v128_load32x2_s, v128_store, v128_store16_lane,
  v128_store64_lane, v128_load64_lane,
} from './simd-mem.js';

const bytes = (v: V128): number[] => Array.from(v128ToBytes(v));
const fromBytes = (b: number[]): V128 => v128FromBytes(Uint8Array.from(b));
const iota = Array.from({ length: 16 }, (_, i) => i);

describe('v128 representation', () => {
  it('bytes round-trip, little-endian words', () => {
    const v = fromBytes(iota.map((i) => i * 17));
    expect(bytes(v)).toEqual(iota.map((i) => (i * 17) & 0xff));
    expect(fromBytes([1, 2, 3, 4, ...Array(12).fill(0)]).w0).toBe(0x04030201);
    expect(v128_const(-1, 0, 0, 0x80000000).w3).toBe(-0x80000000);
  });
});

describe('shuffle and swizzle', () => {
  const a = fromBytes(iota);
  const b = fromBytes(iota.map((i) => 16 + i));
  it.each([
    [iota, iota],
    [iota.map((i) => 31 - i), iota.map((i) => 31 - i)],
    [iota.map((i) => (i * 5) % 32), iota.map((i) => (i * 5) % 32)],
  ])('shuffle %j', (lanes, want) => {
    expect(bytes(i8x16_shuffle(a, b, shuffleLanes(lanes)))).toEqual(want);
  });
  it('swizzle zeroes out-of-range indexes', () => {
    const idx = fromBytes([0, 15, 16, 255, 3, 128, 7, 8, 1, 2, 17, 4, 5, 6, 9, 10]);
    expect(bytes(i8x16_swizzle(fromBytes(iota.map((i) => i + 100)), idx))).toEqual(
      [100, 115, 0, 0, 103, 0, 107, 108, 101, 102, 0, 104, 105, 106, 109, 110],
    );
  });
});

describe('lane access', () => {
  const v = fromBytes(iota.map((i) => (i % 2 ? 0x80 + i : i)));
  it.each(iota)('i8 lane %i', (l) => {
    const want = l % 2 ? 0x80 + l : l;
    expect(i8x16_extract_lane_u(v, l)).toBe(want);
    expect(i8x16_extract_lane_s(v, l)).toBe((want << 24) >> 24);
    expect(i8x16_extract_lane_u(i8x16_replace_lane(v, 0x1ff, l), l)).toBe(0xff);
  });
  it('i64 and f32 lanes, NaN bits exact', () => {
    const w = i64x2_replace_lane(new V128(0, 0, 0, 0), 5, -7, 1);
    expect(i64x2_extract_lane(w, 1)).toBe(5);
    expect(HI[0]).toBe(-7);
    const s = f32FromBits(0x7fa00001);
    expect(f32ToBits(f32x4_extract_lane(f32x4_splat(s), 2)) >>> 0).toBe(0x7fa00001);
    expect(f32x4_replace_lane(new V128(0, 0, 0, 0), s, 3).w3 >>> 0).toBe(0x7fa00001);
  });
  it('pmin selects the operand bits exactly (NaN first operand kept)', () => {
    const nan = new V128(0x7fa00001, 0x3f800000, 0xffc00000, 0);
    const one = new V128(0x3f800000, 0x7fa00001, 0x3f800000, 0x80000000);
    const r = f32x4_pmin(nan, one);
    expect([r.w0 >>> 0, r.w1 >>> 0, r.w2 >>> 0, r.w3 >>> 0]).toEqual([0x7fa00001, 0x3f800000, 0xffc00000, 0]);
  });
});

describe('saturation and masks', () => {
  it('narrow saturates', () => {
    const a = new V128(0x7fff8000, 0x00ff0100, 0xff80007f, 0xffff0000);
    expect(bytes(i8x16_narrow_i16x8_s(a, a)).slice(0, 8)).toEqual([0x80, 0x7f, 0x7f, 0x7f, 0x7f, 0x80, 0x00, 0xff]);
    expect(bytes(i8x16_narrow_i16x8_u(a, a)).slice(0, 8)).toEqual([0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0]);
  });
  it('q15mulr saturates only -32768 * -32768', () => {
    const m = new V128(0x80008000, 0x40000001, 0, 0);
    const r = i16x8_q15mulr_sat_s(m, m);
    expect([r.w0 & 0xffff, r.w0 >>> 16, r.w1 & 0xffff, r.w1 >>> 16]).toEqual([0x7fff, 0x7fff, 0, 0x2000]);
  });
  it('bitmask and all_true', () => {
    expect(i8x16_bitmask(fromBytes(iota.map((i) => (i % 3 === 0 ? 0x80 : 0x7f))))).toBe(0b1001001001001001);
    expect(i8x16_all_true(fromBytes(iota.map((i) => i + 1)))).toBe(1);
    expect(i8x16_all_true(fromBytes(iota.map((i) => (i === 9 ? 0 : 0x80))))).toBe(0);
  });
});

describe('relaxed SIMD (deterministic choices)', () => {
  it('dot products: signed x signed, saturated i16 pair sums', () => {
    const a = fromBytes([0x80, 0x80, 127, 127, 0, 1, 2, 3, ...Array(8).fill(0)]);
    const b = fromBytes([0x81, 0x81, 127, 127, 0, 1, 2, 3, ...Array(8).fill(0)]);
    const d = i16x8_relaxed_dot_i8x16_i7x16_s(a, b);
    expect([(d.w0 << 16) >> 16, d.w0 >> 16, (d.w1 << 16) >> 16, d.w1 >> 16]).toEqual([32512, 32258, 1, 13]);
    const c = new V128(1, 2, 3, 4);
    const r = i32x4_relaxed_dot_i8x16_i7x16_add_s(a, b, c);
    expect([r.w0, r.w1, r.w2, r.w3]).toEqual([32512 + 32258 + 1, 14 + 2, 3, 4]);
  });
  it('madd is unfused', () => {
    const x = f32x4_splat(Math.fround(1 + 2 ** -22));
    const y = f32x4_splat(Math.fround(1 + 2 ** -15));
    const z = f32x4_splat(-Math.fround(1 + 2 ** -15 + 2 ** -22));
    expect(f32x4_extract_lane(f32x4_relaxed_madd(x, y, z), 0)).toBe(0);
  });
  it('relaxed trunc saturates like trunc_sat', () => {
    const r = i32x4_relaxed_trunc_f32x4_s(new V128(0x7fc00000, 0x4f000000, 0xcf800000, 0x3fc00000));
    expect([r.w0, r.w1, r.w2, r.w3]).toEqual([0, 0x7fffffff, -0x80000000, 1]);
  });
});

describe('v128 memory', () => {
  const mem = new Uint8Array(32).map((_, i) => (i * 37 + 128) & 0xff);
  const dv = new DataView(mem.buffer);
  it('load/store round-trip and extending loads', () => {
    const v = v128_load(dv, 3);
    expect(bytes(v)).toEqual(Array.from(mem.slice(3, 19)));
    const ext = v128_load8x8_s(dv, 0);
    for (let i = 0; i < 8; i++) {
      const lane = (ext[`w${i >> 1}` as 'w0'] << (16 - 16 * (i & 1))) >> 16;
      expect(lane).toBe((mem[i]! << 24) >> 24);
    }
    const extu = v128_load8x8_u(dv, 0);
    expect(extu.w0 & 0xffff).toBe(mem[0]);
    expect(v128_load16x4_s(dv, 0).w1).toBe(dv.getInt16(2, true));
    expect(v128_load32x2_s(dv, 4).w3).toBe(dv.getInt32(8, true) >> 31);
    expect(v128_load8_splat(dv, 5).w2).toBe(Math.imul(mem[5]!, 0x01010101));
    expect(v128_load32_zero(dv, 1).w1).toBe(0);
  });
  it('lane loads and stores', () => {
    const v = new V128(0x11111111, 0x22222222, 0x33333333, 0x44444444);
    const w = v128_load16_lane(dv, 10, v, 5);
    expect(w.w2 >>> 16).toBe(dv.getUint16(10, true));
    expect(w.w2 & 0xffff).toBe(0x3333);
    const w2 = v128_load64_lane(dv, 8, v, 1);
    expect([w2.w2, w2.w3]).toEqual([dv.getInt32(8, true), dv.getInt32(12, true)]);
    const copy = new DataView(new ArrayBuffer(8));
    v128_store16_lane(copy, 0, v, 7);
    expect(copy.getUint16(0, true)).toBe(0x4444);
    v128_store64_lane(copy, 0, v, 1);
    expect([copy.getInt32(0, true), copy.getInt32(4, true)]).toEqual([0x33333333, 0x44444444]);
  });
  it('out-of-bounds store throws RangeError and writes nothing', () => {
    const small = new DataView(new ArrayBuffer(20));
    expect(() => v128_store(small, 5, new V128(-1, -1, -1, -1))).toThrow(RangeError);
    expect(Array.from(new Uint8Array(small.buffer)).every((x) => x === 0)).toBe(true);
    expect(() => v128_load(small, 5)).toThrow(RangeError);
    expect(() => v128_store64_lane(small, 16, new V128(-1, -1, -1, -1), 0)).toThrow(RangeError);
    expect(Array.from(new Uint8Array(small.buffer)).every((x) => x === 0)).toBe(true);
  });
});
