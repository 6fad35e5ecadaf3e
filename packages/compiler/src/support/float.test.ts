import { describe, expect, it } from 'vitest';
import { Trap, TrapCode } from '../trap.js';
import { HI, bigIntToI64, f32FromBits, f32ToBits, f64FromBits, f64ToBits, i64ToBigInt } from './bits.js';
import {
  f32_convert_i64_s, f32_convert_i64_u, f64_convert_i64_s, f64_convert_i64_u, i32_trunc_f32_s,
  i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u, i64_trunc_f64_s,
  i64_trunc_f64_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u,
} from './convert.js';
import {
  f32_demote_f64, f64_abs, f64_ceil, f64_copysign, f64_max, f64_min, f64_nearest, f64_neg,
  f64_promote_f32, i64_reinterpret_f64, f64_reinterpret_i64,
} from './float.js';
import { f32_load, f32_store, f64_load, f64_store, i64_store } from './memory.js';

const hex = (x: number): string => (x >>> 0).toString(16);

function trapOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof Trap) return e.trapCode;
    throw e;
  }
}

describe('f32 NaN convention', () => {
  const bits = [0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0xffbfffff, 0x7fffffff, 0x7f812345,
    0x7f800000, 0xff800000, 0, 0x80000000, 0x3f800000, 1, 0x7f7fffff];
  it.each(bits)('bits %s round-trip through a number', (b) => {
    expect(hex(f32ToBits(f32FromBits(b)))).toBe(hex(b));
  });
  it('puts the f32 payload in the top mantissa bits of the double', () => {
    const [lo, hi] = f64ToBits(f32FromBits(0x7f800001));
    expect([hex(hi), hex(lo)]).toEqual(['7ff00000', '20000000']);
    expect(f64ToBits(f32FromBits(0x7fc00000))).toEqual([0, 0x7ff80000]);
  });
  it('maps a double NaN with no high payload bits to a quiet f32 NaN', () => {
    expect(hex(f32ToBits(f64FromBits(1, 0x7ff00000)))).toBe('7fc00000');
  });
  it('keeps payloads through abs/neg/copysign (bitwise), on f32 and f64', () => {
    const s = f32FromBits(0x7fa00001);
    expect(hex(f32ToBits(f64_neg(s)))).toBe('ffa00001');
    expect(hex(f32ToBits(f64_abs(f64_neg(s))))).toBe('7fa00001');
    expect(hex(f32ToBits(f64_copysign(s, -0)))).toBe('ffa00001');
    expect(hex(f32ToBits(f64_copysign(1, f32FromBits(0xffc00000))))).toBe('bf800000');
    const d = f64FromBits(0x12345, 0x7ff00000);
    expect(f64ToBits(f64_neg(d))).toEqual([0x12345, 0xfff00000 | 0]);
    expect(f64ToBits(f64_copysign(d, -1))).toEqual([0x12345, 0xfff00000 | 0]);
  });
  it('promote quiets a signalling NaN and keeps the payload; demote rounds once', () => {
    expect(f64ToBits(f64_promote_f32(f32FromBits(0x7fa00000)))).toEqual([0, 0x7ffc0000]);
    expect(hex(f32ToBits(f32_demote_f64(f64FromBits(0, 0x7ff40000))))).toBe('7fe00000');
    expect(f32_demote_f64(1 + 2 ** -24)).toBe(1);
    expect(f32_demote_f64(1 + 2 ** -24 + 2 ** -50)).toBe(1 + 2 ** -23);
  });
  it('reinterprets f64 both ways exactly', () => {
    const lo = i64_reinterpret_f64(f64FromBits(7, 0x7ff00000));
    expect([lo, HI[0]]).toEqual([7, 0x7ff00000]);
    expect(f64ToBits(f64_reinterpret_i64(7, 0x7ff00000))).toEqual([7, 0x7ff00000]);
  });
});

describe('float loads and stores', () => {
  const dv = new DataView(new ArrayBuffer(16));
  it.each([0x7f800001, 0xffa00000, 0x7fc00000, 0x3f800000, 0x80000000])('f32 %s is exact', (b) => {
    dv.setInt32(0, b, true);
    const v = f32_load(dv, 0);
    f32_store(dv, 4, v);
    expect(hex(dv.getInt32(4, true))).toBe(hex(b));
  });
  it('f64 signalling NaN is exact', () => {
    dv.setInt32(0, 1, true);
    dv.setInt32(4, 0x7ff00000, true);
    f64_store(dv, 8, f64_load(dv, 0));
    expect([dv.getInt32(8, true), dv.getInt32(12, true)]).toEqual([1, 0x7ff00000]);
  });
  it('out of bounds throws RangeError and writes nothing', () => {
    dv.setInt32(12, 0x01020304, true);
    expect(() => i64_store(dv, 12, -1, -1)).toThrow(RangeError);
    expect(dv.getInt32(12, true)).toBe(0x01020304);
    expect(() => f32_load(dv, 13)).toThrow(RangeError);
    expect(() => f64_load(dv, 2 ** 32)).toThrow(RangeError);
  });
});

describe('nearest, min, max', () => {
  const nearest: Array<[number, number]> = [
    [0.5, 0], [1.5, 2], [2.5, 2], [3.5, 4], [-0.5, -0], [-1.5, -2], [-2.5, -2], [-0.4, -0],
    [0.49999999999999994, 0], [4503599627370495.5, 4503599627370496], [4503599627370497, 4503599627370497],
    [-4503599627370495.5, -4503599627370496], [Infinity, Infinity], [-Infinity, -Infinity], [-0, -0],
    [Math.fround(8388607.5), 8388608], [Math.fround(-8388607.5), -8388608],
  ];
  it.each(nearest)('nearest(%s) = %s', (x, want) => {
    expect(Object.is(f64_nearest(x), want)).toBe(true);
  });
  it('nearest/ceil of a signalling NaN is a quiet NaN', () => {
    expect(f64ToBits(f64_nearest(f64FromBits(0, 0x7ff40000)))[1]).toBe(0x7ffc0000);
    expect(f64ToBits(f64_ceil(f64FromBits(0, 0x7ff40000)))[1]).toBe(0x7ffc0000);
  });
  it('min/max order -0 below +0 and propagate NaN (quiet)', () => {
    expect(Object.is(f64_min(0, -0), -0)).toBe(true);
    expect(Object.is(f64_min(-0, 0), -0)).toBe(true);
    expect(Object.is(f64_max(-0, 0), 0)).toBe(true);
    expect(Object.is(f64_max(0, -0), 0)).toBe(true);
    const m = f64_min(1, f64FromBits(0, 0x7ff40000));
    expect(Number.isNaN(m)).toBe(true);
    expect(f64ToBits(m)[1]! & 0x80000).toBe(0x80000);
    expect(Number.isNaN(f64_max(NaN, Infinity))).toBe(true);
  });
});

describe('float to int', () => {
  const P63 = 2 ** 63;
  type Row = [string, (x: number) => number, number, number | string];
  const rows: Row[] = [
    ['i32_trunc_f64_s', i32_trunc_f64_s, -2147483648.9, -2147483648],
    ['i32_trunc_f64_s', i32_trunc_f64_s, 2147483647.9, 2147483647],
    ['i32_trunc_f64_s', i32_trunc_f64_s, 2147483648, TrapCode.IntegerOverflow],
    ['i32_trunc_f64_s', i32_trunc_f64_s, -2147483649, TrapCode.IntegerOverflow],
    ['i32_trunc_f64_s', i32_trunc_f64_s, NaN, TrapCode.InvalidConversionToInteger],
    ['i32_trunc_f32_s', i32_trunc_f32_s, Math.fround(-2147483904), TrapCode.IntegerOverflow],
    ['i32_trunc_f64_u', i32_trunc_f64_u, -0.9, 0],
    ['i32_trunc_f64_u', i32_trunc_f64_u, 4294967295.9, -1],
    ['i32_trunc_f64_u', i32_trunc_f64_u, -1, TrapCode.IntegerOverflow],
    ['i32_trunc_f64_u', i32_trunc_f64_u, 4294967296, TrapCode.IntegerOverflow],
    ['i32_trunc_sat_f64_s', i32_trunc_sat_f64_s, NaN, 0],
    ['i32_trunc_sat_f64_s', i32_trunc_sat_f64_s, -Infinity, -2147483648],
    ['i32_trunc_sat_f64_s', i32_trunc_sat_f64_s, 1e10, 2147483647],
    ['i32_trunc_sat_f64_u', i32_trunc_sat_f64_u, 1e10, -1],
    ['i32_trunc_sat_f64_u', i32_trunc_sat_f64_u, -5, 0],
  ];
  it.each(rows)('%s(%s)', (_n, f, x, want) => {
    if (typeof want === 'string') expect(trapOf(() => f(x))).toBe(want);
    else expect(f(x)).toBe(want);
  });

  const rows64: Array<[string, (x: number) => number, number, bigint | string]> = [
    ['s', i64_trunc_f64_s, -P63, -(2n ** 63n)],
    ['s', i64_trunc_f64_s, P63, TrapCode.IntegerOverflow],
    ['s', i64_trunc_f64_s, -P63 - 2048 * 2, TrapCode.IntegerOverflow],
    ['s', i64_trunc_f64_s, 9223372036854774784, 9223372036854774784n],
    ['s', i64_trunc_f64_s, -1.5, -1n],
    ['s', i64_trunc_f64_s, NaN, TrapCode.InvalidConversionToInteger],
    ['u', i64_trunc_f64_u, 18446744073709549568, 18446744073709549568n - 2n ** 64n],
    ['u', i64_trunc_f64_u, 2 ** 64, TrapCode.IntegerOverflow],
    ['u', i64_trunc_f64_u, -0.99, 0n],
    ['u', i64_trunc_f64_u, -1, TrapCode.IntegerOverflow],
    ['u', i64_trunc_f64_u, -Infinity, TrapCode.IntegerOverflow],
    ['sat_s', i64_trunc_sat_f64_s, Infinity, 2n ** 63n - 1n],
    ['sat_s', i64_trunc_sat_f64_s, -Infinity, -(2n ** 63n)],
    ['sat_s', i64_trunc_sat_f64_s, NaN, 0n],
    ['sat_u', i64_trunc_sat_f64_u, 1e30, -1n],
    ['sat_u', i64_trunc_sat_f64_u, -1e30, 0n],
    ['sat_u', i64_trunc_sat_f64_u, NaN, 0n],
    ['sat_u', i64_trunc_sat_f64_u, 4294967296.5, 4294967296n],
  ];
  it.each(rows64)('i64 trunc %s (%s)', (_n, f, x, want) => {
    if (typeof want === 'string') {
      expect(trapOf(() => f(x))).toBe(want);
    } else {
      const lo = f(x);
      expect(i64ToBigInt(lo, HI[0]!)).toBe(want);
    }
  });
});

describe('int to float, rounded once', () => {
  /** Reference: round a BigInt to f32 by exact arithmetic (ties to even). */
  function refF32(v: bigint): number {
    if (v === 0n) return 0;
    const neg = v < 0n;
    const mag = neg ? -v : v;
    let e = 0;
    while (mag >> BigInt(e) >= 2n ** 24n) e++;
    const shift = BigInt(e);
    const q = mag >> shift;
    const rem = mag - (q << shift);
    const half = shift > 0n ? 1n << (shift - 1n) : 0n;
    let r = q;
    if (shift > 0n && (rem > half || (rem === half && (q & 1n) === 1n))) r += 1n;
    const out = Number(r) * 2 ** e;
    return neg ? -out : out;
  }
  const cases: bigint[] = [
    0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n,
    // ties and near-ties that a double-then-float rounding gets wrong
    (1n << 60n) + (1n << 36n) + 1n, (1n << 60n) + (1n << 36n), (1n << 60n) + (1n << 36n) - 1n,
    0x7fffff4000000001n, -0x7fffff4000000001n, 0x20000020000001n, 0xffffff7fffffffffn - 2n ** 64n,
    (1n << 54n) + (1n << 30n) + 1n, 9007199791611905n,
  ];
  for (let i = 0; i < 2000; i++) {
    const hi = BigInt(((i * 2654435761) >>> 0) >>> (i % 32));
    cases.push(BigInt.asIntN(64, (hi << 32n) | BigInt((i * 40503 * 65537) >>> 0)));
  }
  it('f32.convert_i64_s / _u match exact rounding', () => {
    const bad: string[] = [];
    for (const v of cases) {
      const lo = bigIntToI64(v);
      const hi = HI[0]!;
      const s = f32_convert_i64_s(lo, hi);
      if (!Object.is(s, refF32(v))) bad.push(`s ${v}: ${s} want ${refF32(v)}`);
      const u = BigInt.asUintN(64, v);
      const uu = f32_convert_i64_u(lo, hi);
      if (!Object.is(uu, refF32(u))) bad.push(`u ${u}: ${uu} want ${refF32(u)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it('f64.convert_i64_s / _u match Number(BigInt)', () => {
    for (const v of cases) {
      const lo = bigIntToI64(v);
      const hi = HI[0]!;
      expect(f64_convert_i64_s(lo, hi)).toBe(Number(v));
      expect(f64_convert_i64_u(lo, hi)).toBe(Number(BigInt.asUintN(64, v)));
    }
  });
});
