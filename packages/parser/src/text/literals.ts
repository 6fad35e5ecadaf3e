/**
 * Numeric literals of the text format: integers (decimal or hex, with `_` separators and an
 * optional sign) and floats (decimal, hex, `inf`, `nan`, `nan:0x...`), converted exactly (correct
 * rounding, round half to even) to raw bits.
 *
 * Every function returns `null` when the text is not a literal of that shape at all (the caller
 * then reports "unknown operator" / "unexpected token"), and throws a {@link LiteralRangeError}
 * when it is one but does not fit.
 * @module
 */

/** A literal of the right shape whose value does not fit its type. */
export class LiteralRangeError extends Error {}

/** Parses the digits of `s` (no sign) as a natural number with `_` separators; null if malformed. */
function parseNat(s: string, start: number, hex: boolean): bigint | null {
  const text = s.slice(start);
  if (!checkDigits(text, hex)) return null;
  const digits = strip(text);
  return BigInt(hex ? '0x' + digits : digits);
}

/** Parses an integer literal into sign and magnitude; null if the text is not one. */
export function parseIntLiteral(s: string): { neg: boolean; signed: boolean; mag: bigint } | null {
  let i = 0;
  let neg = false;
  let signed = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) {
    neg = c0 === 0x2d;
    signed = true;
    i = 1;
  }
  let hex = false;
  if (s.charCodeAt(i) === 0x30 && s.charCodeAt(i + 1) === 0x78) {
    hex = true;
    i += 2;
  }
  const mag = parseNat(s, i, hex);
  if (mag === null) return null;
  return { neg, signed, mag };
}

/** Fast path for short plain decimal naturals. */
function smallNat(s: string): number {
  if (s.length > 9) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return s.length ? v : -1;
}

/**
 * An `iN` literal for N = 32: returns the value as int32 (`-1` for `0xffffffff`). Accepts
 * `[-2^31, 2^32)`.
 */
export function parseI32(s: string): number | null {
  const fast = smallNat(s);
  if (fast >= 0) return fast | 0;
  const r = parseIntLiteral(s);
  if (!r) return null;
  if (r.neg ? r.mag > 0x80000000n : r.mag > 0xffffffffn) throw new LiteralRangeError('constant out of range');
  return Number(BigInt.asIntN(32, r.neg ? -r.mag : r.mag));
}

/** An `i64` literal, as a signed bigint. Accepts `[-2^63, 2^64)`. */
export function parseI64(s: string): bigint | null {
  const fast = smallNat(s);
  if (fast >= 0) return BigInt(fast);
  const r = parseIntLiteral(s);
  if (!r) return null;
  if (r.neg ? r.mag > 0x8000000000000000n : r.mag > 0xffffffffffffffffn) throw new LiteralRangeError('constant out of range');
  return BigInt.asIntN(64, r.neg ? -r.mag : r.mag);
}

/** An unsigned natural literal (no sign) of at most `bits` bits; null if not a natural. */
export function parseNatural(s: string, bits: 32 | 64): bigint | null {
  const fast = smallNat(s);
  if (fast >= 0) return BigInt(fast);
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) return null;
  const r = parseIntLiteral(s);
  if (!r) return null;
  if (r.mag >= 1n << BigInt(bits)) throw new LiteralRangeError(`i${bits} constant out of range`);
  return r.mag;
}

/** Quick natural-number parse for indices (decimal or hex, `_` allowed); null if not a natural. */
export function parseU32(s: string): number | null {
  const fast = smallNat(s);
  if (fast >= 0) return fast;
  const v = parseNatural(s, 32);
  return v === null ? null : Number(v);
}

interface FloatFormat {
  readonly mant: number;
  readonly expBits: number;
}
const F32: FloatFormat = { mant: 23, expBits: 8 };
const F64: FloatFormat = { mant: 52, expBits: 11 };

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * Rounds the positive rational `n / d` to the nearest float of `fmt` (ties to even) and returns
 * its bits without sign; throws on overflow to infinity.
 */
function roundRational(n: bigint, d: bigint, fmt: FloatFormat): bigint {
  const mant = fmt.mant;
  const bias = (1 << (fmt.expBits - 1)) - 1;
  const emin = 1 - bias;
  let e = bitLength(n) - bitLength(d);
  // ensure 2^e <= n/d
  if (e >= 0 ? n < d << BigInt(e) : n << BigInt(-e) < d) e--;
  if (e > bias) throw new LiteralRangeError('constant out of range');
  const qexp = (e < emin ? emin : e) - mant;
  let num = n;
  let den = d;
  if (qexp >= 0) den = d << BigInt(qexp);
  else num = n << BigInt(-qexp);
  let q = num / den;
  const r = num - q * den;
  const twice = r * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q++;
  if (e < emin) return q; // subnormal (q may carry into the smallest normal: same bits)
  let ee = e;
  if (q === 1n << BigInt(mant + 1)) {
    q >>= 1n;
    ee++;
  }
  if (ee > bias) throw new LiteralRangeError('constant out of range');
  return (BigInt(ee + bias) << BigInt(mant)) | (q - (1n << BigInt(mant)));
}

function checkDigits(s: string, hex: boolean): boolean {
  // digits with single underscores between digits
  if (s.length === 0) return false;
  let prev = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      if (!prev || i + 1 >= s.length) return false;
      prev = false;
      continue;
    }
    const ok = hex ? (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) : c >= 0x30 && c <= 0x39;
    if (!ok) return false;
    prev = true;
  }
  return prev;
}

const f64buf = new DataView(new ArrayBuffer(8));

function strip(s: string): string {
  return s.includes('_') ? s.replace(/_/g, '') : s;
}

/** Bits (without sign) of a non-negative double `v` rounded once to `fmt`; throws on overflow. */
function fromDouble(v: number, fmt: FloatFormat): bigint {
  if (fmt === F64) {
    if (v === Infinity) throw new LiteralRangeError('constant out of range');
    f64buf.setFloat64(0, v);
    return f64buf.getBigUint64(0);
  }
  const f = Math.fround(v);
  if (f === Infinity) throw new LiteralRangeError('constant out of range');
  f64buf.setFloat32(0, f);
  return BigInt(f64buf.getUint32(0));
}

/**
 * The f32 bits (uint32) of a decimal value from its correctly rounded double `v`, when rounding
 * that double again to f32 gives the correctly rounded result; -1 when it might not (or overflows).
 */
function f32ViaDouble(v: number): number {
  const f = Math.fround(v);
  if (!Number.isFinite(f)) return -1;
  if (v !== f) {
    if (Math.abs(v) < 2 ** -126) return -1;
    f64buf.setFloat64(0, v);
    // Double rounding can only go wrong when v sits exactly on an f32 midpoint.
    if ((f64buf.getUint32(4) & 0x1fffffff) === 0x10000000) return -1;
  }
  f64buf.setFloat32(0, f);
  return f64buf.getUint32(0);
}

/**
 * Splits the digits of a float literal (after any sign and `0x`) into integer part, fraction
 * (`_` still in) and exponent (`p`/`P` for hex, `e`/`E` for decimal; saturated to 1e9 in
 * magnitude); null if any part is malformed.
 */
function splitFloat(text: string, hex: boolean): { intPart: string; frac: string; exp: number } | null {
  let rest = text;
  let exp = 0;
  let xi = rest.indexOf(hex ? 'p' : 'e');
  if (xi < 0) xi = rest.indexOf(hex ? 'P' : 'E');
  if (xi >= 0) {
    let es = rest.slice(xi + 1);
    rest = rest.slice(0, xi);
    let eneg = false;
    if (es[0] === '+' || es[0] === '-') {
      eneg = es[0] === '-';
      es = es.slice(1);
    }
    if (!checkDigits(es, false)) return null;
    const ev = strip(es);
    exp = ev.length > 9 ? 1e9 : Number(ev);
    if (eneg) exp = -exp;
  }
  const dot = rest.indexOf('.');
  let intPart = rest;
  let frac = '';
  if (dot >= 0) {
    intPart = rest.slice(0, dot);
    frac = rest.slice(dot + 1);
    if (frac.length && !checkDigits(frac, hex)) return null;
  }
  if (!checkDigits(intPart, hex)) return null;
  return { intPart, frac, exp };
}

/**
 * Parses a float literal to raw bits without the sign handled separately: returns the magnitude
 * bits and sign, or null if the text is not a float literal.
 */
function parseFloatBits(s: string, fmt: FloatFormat): bigint | null {
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) {
    neg = c0 === 0x2d;
    i = 1;
  }
  const signBit = neg ? 1n << BigInt(fmt.mant + fmt.expBits) : 0n;
  const expAll = (1n << BigInt(fmt.expBits)) - 1n;
  const inf = expAll << BigInt(fmt.mant);
  const body = i ? s.slice(i) : s;
  if (body === 'inf') return signBit | inf;
  if (body === 'nan') return signBit | inf | (1n << BigInt(fmt.mant - 1));
  if (body.startsWith('nan:0x')) {
    if (!checkDigits(body.slice(6), true)) return null;
    const payload = BigInt('0x' + body.slice(6).replace(/_/g, ''));
    if (payload === 0n || payload >= 1n << BigInt(fmt.mant)) throw new LiteralRangeError('constant out of range');
    return signBit | inf | payload;
  }
  let mag: bigint;
  if (body.startsWith('0x')) {
    // hexfloat: 0x hexnum (. hexfrac?)? (p|P sign? num)?
    const parts = splitFloat(body.slice(2), true);
    if (parts === null) return null;
    const { intPart, frac, exp } = parts;
    const digits = strip(intPart + frac).replace(/^0+/, '');
    const fracLen = strip(frac).length;
    if (digits === '') return signBit;
    const e2 = exp - 4 * fracLen;
    if (digits.length <= 13 && e2 >= -1074 && e2 <= 1023) {
      // Exact in f64: the mantissa has at most 52 bits and the scale is a power of two that
      // keeps it a multiple of the smallest subnormal. One rounding (to f32) is then correct.
      const v = parseInt(digits, 16) * 2 ** e2;
      return signBit | fromDouble(v, fmt);
    }
    const m = BigInt('0x' + digits);
    const magnitude = bitLength(m) + e2;
    if (magnitude > 2000) throw new LiteralRangeError('constant out of range');
    if (magnitude < -2000) return signBit;
    mag = e2 >= 0 ? roundRational(m << BigInt(e2), 1n, fmt) : roundRational(m, 1n << BigInt(-e2), fmt);
    return signBit | mag;
  }
  // decimal: num (. frac?)? ((e|E) sign? num)?
  const parts = splitFloat(body, false);
  if (parts === null) return null;
  const { intPart, frac, exp } = parts;
  const fracClean = strip(frac);
  const intClean = strip(intPart);
  const allDigits = (intClean + fracClean).replace(/^0+/, '');
  if (allDigits === '') return signBit;
  const e10 = exp - fracClean.length;
  const magnitude = allDigits.length + e10;
  if (magnitude > 400) throw new LiteralRangeError('constant out of range');
  if (magnitude < -400) return signBit;
  // Fast path through the correctly rounded f64 conversion of the engine.
  const v = Number(`${intClean || '0'}.${fracClean || '0'}e${exp}`);
  if (fmt === F64) {
    if (!Number.isFinite(v)) throw new LiteralRangeError('constant out of range');
    f64buf.setFloat64(0, v);
    return signBit | f64buf.getBigUint64(0);
  }
  const fast = f32ViaDouble(v);
  if (fast >= 0) return signBit | BigInt(fast);
  const m = BigInt(allDigits);
  mag = e10 >= 0 ? roundRational(m * 10n ** BigInt(e10), 1n, fmt) : roundRational(m, 10n ** BigInt(-e10), fmt);
  return signBit | mag;
}

/** Plain decimal literals (no `_`, no hex): the common case, converted by the engine. */
const SIMPLE_DECIMAL = /^[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** An `f32` literal as raw bits (uint32), or null if the text is not a float literal. */
export function parseF32(s: string): number | null {
  if (s.length < 24 && SIMPLE_DECIMAL.test(s)) {
    const fast = f32ViaDouble(Number(s));
    if (fast >= 0) return fast;
  }
  const b = parseFloatBits(s, F32);
  return b === null ? null : Number(b);
}

/** An `f64` literal as raw bits (uint64 bigint), or null if the text is not a float literal. */
export function parseF64(s: string): bigint | null {
  if (s.length < 24 && SIMPLE_DECIMAL.test(s)) {
    const v = Number(s);
    if (Number.isFinite(v)) {
      f64buf.setFloat64(0, v);
      return f64buf.getBigUint64(0);
    }
  }
  return parseFloatBits(s, F64);
}
