import { describe, expect, it } from 'vitest';
import { Trap, TrapCode } from '../trap.js';
import { HI, bigIntToI64, i64ToBigInt, u64ToBigInt } from './bits.js';
import {
  i64_add128, i64_clz, i64_ctz, i64_div_s, i64_div_u, i64_mul, i64_mul_wide_s, i64_mul_wide_u,
  i64_popcnt, i64_rem_s, i64_rem_u, i64_rotl, i64_rotr, i64_shl, i64_shr_s, i64_shr_u, i64_sub128,
} from './i64.js';

type Bin = (alo: number, ahi: number, blo: number, bhi: number) => number;

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
const s64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

/** Calls a pair helper on BigInts and returns the signed BigInt result. */
function call(f: Bin, a: bigint, b: bigint): bigint {
  const alo = bigIntToI64(a);
  const ahi = HI[0]!;
  const blo = bigIntToI64(b);
  const bhi = HI[0]!;
  const lo = f(alo, ahi, blo, bhi);
  return i64ToBigInt(lo, HI[0]!);
}

function trapOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof Trap) return e.trapCode;
    throw e;
  }
}

let seed = 0x2545f491;
function r32(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed | 0;
}
/** Random i64 with a random bit width, both signs. */
function r64(): bigint {
  const v = (BigInt(r32() >>> 0) << 32n) | BigInt(r32() >>> 0);
  const width = BigInt((r32() >>> 0) % 65);
  return s64(BigInt.asIntN(Number(width) || 1, v));
}

const EDGES = [0n, 1n, -1n, 2n, -2n, MIN, MAX, MIN + 1n, 2n ** 32n, 2n ** 32n - 1n, -(2n ** 32n),
  2n ** 53n, 2n ** 53n - 1n, -(2n ** 53n), 2n ** 31n, -(2n ** 31n), 2n ** 52n + 1n, 3n, 7n, -7n,
  0x123456789abcdefn, -0x123456789abcdefn];

describe('i64 arithmetic against BigInt', () => {
  const cases: Array<[string, Bin, (a: bigint, b: bigint) => bigint | 'div0' | 'ovf']> = [
    ['mul', i64_mul, (a, b) => s64(a * b)],
    ['div_s', i64_div_s, (a, b) => (b === 0n ? 'div0' : a === MIN && b === -1n ? 'ovf' : s64(a / b))],
    ['rem_s', i64_rem_s, (a, b) => (b === 0n ? 'div0' : s64(a % b))],
    ['div_u', i64_div_u, (a, b) => (b === 0n ? 'div0' : s64(u64(a) / u64(b)))],
    ['rem_u', i64_rem_u, (a, b) => (b === 0n ? 'div0' : s64(u64(a) % u64(b)))],
    ['shl', i64_shl, (a, b) => s64(a << (u64(b) & 63n))],
    ['shr_s', i64_shr_s, (a, b) => s64(a >> (u64(b) & 63n))],
    ['shr_u', i64_shr_u, (a, b) => s64(u64(a) >> (u64(b) & 63n))],
    ['rotl', i64_rotl, (a, b) => { const n = u64(b) & 63n; return s64((u64(a) << n) | (u64(a) >> ((64n - n) & 63n))); }],
    ['rotr', i64_rotr, (a, b) => { const n = u64(b) & 63n; return s64((u64(a) >> n) | (u64(a) << ((64n - n) & 63n))); }],
  ];
  for (const [name, f, ref] of cases) {
    it(`${name}: edge pairs and 4000 random pairs`, () => {
      const pairs: Array<[bigint, bigint]> = [];
      for (const a of EDGES) for (const b of EDGES) pairs.push([a, b]);
      for (let i = 0; i < 4000; i++) pairs.push([r64(), r64()]);
      const bad: string[] = [];
      for (const [a, b] of pairs) {
        const want = ref(a, b);
        if (want === 'div0' || want === 'ovf') {
          const code = trapOf(() => call(f, a, b));
          const expected = want === 'div0' ? TrapCode.IntegerDivideByZero : TrapCode.IntegerOverflow;
          if (code !== expected) bad.push(`${name}(${a}, ${b}): trap ${code}, want ${expected}`);
          continue;
        }
        const got = call(f, a, b);
        if (got !== want) bad.push(`${name}(${a}, ${b}) = ${got}, want ${want}`);
        if (bad.length > 10) break;
      }
      expect(bad).toEqual([]);
    });
  }

  it('traps exactly at INT64_MIN / -1 and on zero divisors', () => {
    expect(trapOf(() => call(i64_div_s, MIN, -1n))).toBe(TrapCode.IntegerOverflow);
    expect(call(i64_rem_s, MIN, -1n)).toBe(0n);
    expect(call(i64_div_s, MIN, 1n)).toBe(MIN);
    expect(call(i64_div_s, MIN + 1n, -1n)).toBe(MAX);
    for (const f of [i64_div_s, i64_div_u, i64_rem_s, i64_rem_u]) {
      expect(trapOf(() => call(f, 5n, 0n))).toBe(TrapCode.IntegerDivideByZero);
    }
  });
});

describe('i64 bit counts', () => {
  const table: Array<[bigint, number, number, number]> = [
    // value, clz, ctz, popcnt
    [0n, 64, 64, 0],
    [1n, 63, 0, 1],
    [-1n, 0, 0, 64],
    [MIN, 0, 63, 1],
    [MAX, 1, 0, 63],
    [2n ** 32n, 31, 32, 1],
    [0xffffffffn, 32, 0, 32],
    [0x00008000_00000000n, 16, 47, 1],
  ];
  it.each(table)('%s: clz %i ctz %i popcnt %i', (v, clz, ctz, pop) => {
    const lo = bigIntToI64(v);
    const hi = HI[0]!;
    expect(i64_clz(lo, hi)).toBe(clz);
    expect(HI[0]).toBe(0);
    expect(i64_ctz(lo, hi)).toBe(ctz);
    expect(i64_popcnt(lo, hi)).toBe(pop);
  });
});

describe('wide arithmetic', () => {
  const M128 = 2n ** 128n;
  function split(x: bigint): number[] {
    const u = BigInt.asUintN(128, x);
    return [0, 32, 64, 96].map((s) => Number((u >> BigInt(s)) & 0xffffffffn) | 0);
  }
  function result(r0: number): bigint {
    return (
      BigInt(r0 >>> 0) |
      (BigInt(HI[0]! >>> 0) << 32n) |
      (BigInt(HI[1]! >>> 0) << 64n) |
      (BigInt(HI[2]! >>> 0) << 96n)
    );
  }
  const r128 = (): bigint => (BigInt(r32() >>> 0) << 96n) | (BigInt(r32() >>> 0) << 64n) | (r64() & ((1n << 64n) - 1n));

  it('add128 / sub128 wrap modulo 2^128', () => {
    const vals = [0n, 1n, M128 - 1n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 127n, 2n ** 32n - 1n];
    for (let i = 0; i < 500; i++) vals.push(r128());
    for (let i = 0; i < vals.length; i++) {
      const a = vals[i]!;
      const b = vals[(i * 7 + 3) % vals.length]!;
      const [a0, a1, a2, a3] = split(a) as [number, number, number, number];
      const [b0, b1, b2, b3] = split(b) as [number, number, number, number];
      expect(result(i64_add128(a0, a1, a2, a3, b0, b1, b2, b3))).toBe((a + b) % M128);
      expect(result(i64_sub128(a0, a1, a2, a3, b0, b1, b2, b3))).toBe(BigInt.asUintN(128, a - b));
    }
  });

  it('mul_wide_u / mul_wide_s give the full 128-bit product', () => {
    const vals = [...EDGES];
    for (let i = 0; i < 1000; i++) vals.push(r64());
    for (let i = 0; i < vals.length; i++) {
      const a = vals[i]!;
      const b = vals[(i * 13 + 5) % vals.length]!;
      const alo = bigIntToI64(a);
      const ahi = HI[0]!;
      const blo = bigIntToI64(b);
      const bhi = HI[0]!;
      expect(result(i64_mul_wide_u(alo, ahi, blo, bhi))).toBe(u64(a) * u64(b));
      expect(result(i64_mul_wide_s(alo, ahi, blo, bhi))).toBe(BigInt.asUintN(128, a * b));
    }
  });
});

describe('BigInt boundary', () => {
  it.each([0n, -1n, MIN, MAX, 2n ** 64n - 1n, 0x1_0000_0001n])('round-trips %s', (v) => {
    const lo = bigIntToI64(v);
    expect(i64ToBigInt(lo, HI[0]!)).toBe(s64(v));
    expect(u64ToBigInt(lo, HI[0]!)).toBe(u64(v));
  });
});
