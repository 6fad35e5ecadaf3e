/**
 * Bit-level boundary conversions and the shared scratch buffers.
 *
 * The f32-in-a-double convention: an f32 value is held as the JS number (a double) of equal
 * value. A NaN f32 with bits `s 11111111 m` (23-bit mantissa `m`, quiet bit = top bit of `m`) is
 * held as the double NaN with the same sign, an all-ones exponent, `m` in the double's top 23
 * mantissa bits and zeros below. That is what a hardware float-to-double widening produces
 * for a quiet NaN, and the quiet bit stays where it was for a signalling one, so the payload
 * survives unchanged. `f32ToBits` reads the top 23 mantissa bits back (a double NaN whose top
 * 23 mantissa bits are all zero, which no f32 NaN maps to, becomes the quiet f32 NaN with those
 * bits).
 *
 * V8 keeps NaN bits in locals, arguments, object fields and typed arrays, but quiets them in
 * plain JS arrays holding doubles: never keep f32/f64 values in an `Array`.
 * @module
 */
import { F32, F64, I32, U32 } from './scratch.js';
/**
 * The high halves of i64 results: a helper returning an i64 returns its low 32 bits and writes
 * the high 32 bits to `HI[0]`; helpers with two i64 results write hi1, lo2, hi2 to `HI[0..2]`.
 * Read it right after the call.
 */
export const HI = new Int32Array(4);
/** The f32 with the given bits (a uint32 or int32), as a JS number following the NaN convention. */
export function f32FromBits(bits) {
    if ((bits & 0x7f800000) !== 0x7f800000 || (bits & 0x7fffff) === 0) {
        I32[0] = bits;
        return F32[0];
    }
    I32[0] = (bits & 7) << 29;
    I32[1] = (bits & 0x80000000) | 0x7ff00000 | ((bits & 0x7fffff) >>> 3);
    return F64[0];
}
/** The bits (as int32) of an f32 held as a JS number following the NaN convention. */
export function f32ToBits(v) {
    if (v === v) {
        F32[0] = v;
        return I32[0];
    }
    F64[0] = v;
    const hi = I32[1];
    let m = ((hi & 0xfffff) << 3) | (I32[0] >>> 29);
    if (m === 0)
        m = 0x400000;
    return (hi & 0x80000000) | 0x7f800000 | m;
}
/** The f64 with the given bits (two int32 halves), NaN payloads exact. */
export function f64FromBits(lo, hi) {
    I32[0] = lo;
    I32[1] = hi;
    return F64[0];
}
/** The bits of an f64 as `[lo, hi]` (int32 halves), NaN payloads exact. */
export function f64ToBits(v) {
    F64[0] = v;
    return [I32[0], I32[1]];
}
/** The bits of an f64 as a pair: returns lo, `HI[0]` = hi. Allocation-free form of `f64ToBits`. */
export function f64ToBitsLo(v) {
    F64[0] = v;
    HI[0] = I32[1];
    return I32[0];
}
/** The f64 with the given 64 bits as a BigInt (taken modulo 2^64). */
export function f64FromBigInt(b) {
    const lo = bigIntToI64(b);
    return f64FromBits(lo, HI[0]);
}
/** The bits of an f64 as an unsigned 64-bit BigInt. */
export function f64ToBigInt(v) {
    F64[0] = v;
    return (BigInt(U32[1]) << 32n) | BigInt(U32[0]);
}
/** The signed i64 (as a BigInt) of a (lo, hi) int32 pair. */
export function i64ToBigInt(lo, hi) {
    return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}
/** The unsigned i64 (as a BigInt) of a (lo, hi) int32 pair. */
export function u64ToBigInt(lo, hi) {
    return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
/** Splits a BigInt (taken modulo 2^64) into a pair: returns lo, writes hi to `HI[0]`. */
export function bigIntToI64(b) {
    const u = BigInt.asUintN(64, b);
    HI[0] = Number(u >> 32n) | 0;
    return Number(u & 0xffffffffn) | 0;
}
//# sourceMappingURL=bits.js.map