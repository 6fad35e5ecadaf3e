import { describe, expect, it } from 'vitest';
import { LiteralRangeError, parseF32, parseF64, parseI32, parseI64, parseNatural, parseU32 } from './literals.js';

describe('integer literals', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['+42', 42],
    ['-42', -42],
    ['1_000_000', 1000000],
    ['0x7fffffff', 0x7fffffff],
    ['0xffffffff', -1],
    ['0x8000_0000', -2147483648],
    ['-0x80000000', -2147483648],
    ['4294967295', -1],
    ['-2147483648', -2147483648],
  ])('i32 %s', (text, value) => {
    expect(parseI32(text)).toBe(value);
  });

  it.each([
    ['0', 0n],
    ['-1', -1n],
    ['0xffffffffffffffff', -1n],
    ['18446744073709551615', -1n],
    ['-9223372036854775808', -9223372036854775808n],
    ['0x7fff_ffff_ffff_ffff', 9223372036854775807n],
  ])('i64 %s', (text, value) => {
    expect(parseI64(text)).toBe(value);
  });

  it.each(['0x100000000', '-0x80000001', '4294967296', '-2147483649'])('i32 %s is out of range', (text) => {
    expect(() => parseI32(text)).toThrow(LiteralRangeError);
  });

  it.each(['0x10000000000000000', '-0x8000000000000001', '18446744073709551616', '-9223372036854775809'])(
    'i64 %s is out of range',
    (text) => {
      expect(() => parseI64(text)).toThrow(LiteralRangeError);
    },
  );

  it.each(['_100', '+_100', '100_', '1__0', '0x', '0x_1', '0_x1', '1.5', 'abc', '', '-'])('%j is not an integer', (text) => {
    expect(parseI32(text)).toBeNull();
  });

  it('naturals reject signs and report the width in range errors', () => {
    expect(parseNatural('0x1_0000_0000', 64)).toBe(0x100000000n);
    expect(parseNatural('+1', 32)).toBeNull();
    expect(() => parseNatural('0x1_0000_0000', 32)).toThrow('i32 constant out of range');
    expect(parseU32('0xff')).toBe(255);
  });
});

const f32 = (x: number): number => {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, x);
  return dv.getUint32(0);
};
const f64 = (x: number): bigint => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigUint64(0);
};

describe('float literals', () => {
  it.each([
    ['0', 0],
    ['-0', 0x80000000],
    ['1', f32(1)],
    ['1.5', f32(1.5)],
    ['-1.5e3', f32(-1500)],
    ['0x1p-1', f32(0.5)],
    ['0x1.8p1', f32(3)],
    ['0x1P+2', f32(4)],
    ['1_000.000_1', f32(1000.0001)],
    ['inf', 0x7f800000],
    ['-inf', 0xff800000],
    ['nan', 0x7fc00000],
    ['-nan', 0xffc00000],
    ['nan:0x1', 0x7f800001],
    ['nan:0x7f_ffff', 0x7fffffff],
    ['0x1p-149', 1],
    ['0x1p-150', 0], // ties to even: rounds down to zero
    ['0x1.000001p-149', 1],
    ['0x1.fffffep127', 0x7f7fffff],
    ['1e-46', 0],
    ['+0x1.00000100000000001p-50', 0x26800001], // just above the midpoint: rounds up
    ['+0x1.000001p-50', 0x26800000], // exactly the midpoint: ties to even
    ['1.000000059604644775390625', 0x3f800000], // midpoint 1 + 2^-24: ties to even
    ['1.00000005960464477539062500001', 0x3f800001],
    ['3.4028235677973366e38', 0x7f7fffff],
  ])('f32 %s', (text, bits) => {
    expect(parseF32(text)).toBe(bits);
  });

  it.each([
    ['0', 0n],
    ['-0', 0x8000000000000000n],
    ['0.1', f64(0.1)],
    ['1e308', f64(1e308)],
    ['0x1p-1074', 1n],
    ['0x1.fffffffffffffp1023', 0x7fefffffffffffffn],
    ['nan', 0x7ff8000000000000n],
    ['nan:0xf_ffff_ffff_ffff', 0x7fffffffffffffffn],
    ['-inf', 0xfff0000000000000n],
    ['1e-400', 0n],
    ['0x1p-99999999999999', 0n],
  ])('f64 %s', (text, bits) => {
    expect(parseF64(text)).toBe(bits);
  });

  it.each([
    ['0x1p128', 'f32'],
    ['1e39', 'f32'],
    ['0x1.ffffffp127', 'f32'],
    ['nan:0x0', 'f32'],
    ['nan:0x80_0000', 'f32'],
    ['1e309', 'f64'],
    ['0x1p1024', 'f64'],
    ['nan:0x10_0000_0000_0000', 'f64'],
    ['1e99999999999', 'f64'],
  ])('%s is out of range for %s', (text, type) => {
    expect(() => (type === 'f32' ? parseF32(text) : parseF64(text))).toThrow('constant out of range');
  });

  it.each(['_1.0', '1.0_', '1_.0', '1._0', '1e_1', '1.0e+_1', '0x_1p1', '0x1p_1', 'nan:1', 'nan:0x', '.5', '0x.8', 'infinity'])(
    '%s is not a float',
    (text) => {
      expect(parseF32(text)).toBeNull();
      expect(parseF64(text)).toBeNull();
    },
  );
});
