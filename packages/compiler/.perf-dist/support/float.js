/**
 * f32 and f64 operators on JS numbers (an f32 is a double holding an f32 value; NaNs follow the
 * convention in bits.ts). Sign operations work on bits, so NaN payloads pass through exactly;
 * operators whose result is a NaN for a NaN input return a quiet NaN (an arithmetic NaN) that
 * keeps the input's payload where the hardware does.
 * @module
 */
import { HI, f32FromBits, f32ToBits } from './bits.js';
import { F64, I32 } from './scratch.js';
// ---- comparisons (i32 results) ---------------------------------------------------------------
/** f32.eq */
export function f32_eq(a, b) {
    return a === b ? 1 : 0;
}
/** f32.ne */
export function f32_ne(a, b) {
    return a !== b ? 1 : 0;
}
/** f32.lt */
export function f32_lt(a, b) {
    return a < b ? 1 : 0;
}
/** f32.gt */
export function f32_gt(a, b) {
    return a > b ? 1 : 0;
}
/** f32.le */
export function f32_le(a, b) {
    return a <= b ? 1 : 0;
}
/** f32.ge */
export function f32_ge(a, b) {
    return a >= b ? 1 : 0;
}
/** f64.eq */
export const f64_eq = f32_eq;
/** f64.ne */
export const f64_ne = f32_ne;
/** f64.lt */
export const f64_lt = f32_lt;
/** f64.gt */
export const f64_gt = f32_gt;
/** f64.le */
export const f64_le = f32_le;
/** f64.ge */
export const f64_ge = f32_ge;
// ---- sign operations (bit-exact, also for NaNs) -----------------------------------------------
/** f64.abs: clears the sign bit (NaN payload kept). Also correct for f32 values. */
export function f64_abs(x) {
    if (x === x)
        return Math.abs(x);
    F64[0] = x;
    I32[1] = I32[1] & 0x7fffffff;
    return F64[0];
}
/** f64.neg: flips the sign bit (NaN payload kept). Also correct for f32 values. */
export function f64_neg(x) {
    if (x === x)
        return -x;
    F64[0] = x;
    I32[1] = I32[1] ^ 0x80000000;
    return F64[0];
}
/** f64.copysign: x with the sign bit of y (NaN payloads kept). Also correct for f32 values. */
export function f64_copysign(x, y) {
    F64[0] = y;
    const s = I32[1] & 0x80000000;
    F64[0] = x;
    I32[1] = (I32[1] & 0x7fffffff) | s;
    return F64[0];
}
/** f32.abs */
export const f32_abs = f64_abs;
/** f32.neg */
export const f32_neg = f64_neg;
/** f32.copysign */
export const f32_copysign = f64_copysign;
// ---- rounding --------------------------------------------------------------------------------
/** f64.ceil (a NaN input gives a quiet NaN). Also correct for f32 values. */
export function f64_ceil(x) {
    return x === x ? Math.ceil(x) : x + 0;
}
/** f64.floor */
export function f64_floor(x) {
    return x === x ? Math.floor(x) : x + 0;
}
/** f64.trunc */
export function f64_trunc(x) {
    return x === x ? Math.trunc(x) : x + 0;
}
/** f64.nearest: round to nearest integer, ties to even; keeps the sign of zero. */
export function f64_nearest(x) {
    if (x !== x)
        return x + 0;
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
/** f64.sqrt */
export function f64_sqrt(x) {
    return Math.sqrt(x);
}
/** f32.ceil */
export const f32_ceil = f64_ceil;
/** f32.floor */
export const f32_floor = f64_floor;
/** f32.trunc */
export const f32_trunc = f64_trunc;
/** f32.nearest */
export const f32_nearest = f64_nearest;
/** f32.sqrt (one rounding to f32 of the double square root is exact). */
export function f32_sqrt(x) {
    return Math.fround(Math.sqrt(x));
}
// ---- arithmetic ------------------------------------------------------------------------------
/** f32.add */
export function f32_add(a, b) {
    return Math.fround(a + b);
}
/** f32.sub */
export function f32_sub(a, b) {
    return Math.fround(a - b);
}
/** f32.mul */
export function f32_mul(a, b) {
    return Math.fround(a * b);
}
/** f32.div */
export function f32_div(a, b) {
    return Math.fround(a / b);
}
/** f64.add */
export function f64_add(a, b) {
    return a + b;
}
/** f64.sub */
export function f64_sub(a, b) {
    return a - b;
}
/** f64.mul */
export function f64_mul(a, b) {
    return a * b;
}
/** f64.div */
export function f64_div(a, b) {
    return a / b;
}
/** f64.min: NaN if either is NaN (quiet), -0 below +0. Also correct for f32 values. */
export function f64_min(a, b) {
    return a === a && b === b ? Math.min(a, b) : a + b;
}
/** f64.max: NaN if either is NaN (quiet), +0 above -0. Also correct for f32 values. */
export function f64_max(a, b) {
    return a === a && b === b ? Math.max(a, b) : a + b;
}
/** f32.min */
export const f32_min = f64_min;
/** f32.max */
export const f32_max = f64_max;
// ---- conversions between float widths and reinterpretations ---------------------------------
/** f32.demote_f64: round to f32 (NaN: quiet, top payload bits kept, per the convention). */
export function f32_demote_f64(x) {
    return Math.fround(x);
}
/** f64.promote_f32: exact; a NaN comes out quiet with its payload kept. */
export function f64_promote_f32(x) {
    return x === x ? x : x + 0;
}
/** i32.reinterpret_f32 */
export function i32_reinterpret_f32(x) {
    return f32ToBits(x);
}
/** f32.reinterpret_i32 */
export function f32_reinterpret_i32(a) {
    return f32FromBits(a);
}
/** i64.reinterpret_f64: returns lo, HI[0] = hi. */
export function i64_reinterpret_f64(x) {
    F64[0] = x;
    HI[0] = I32[1];
    return I32[0];
}
/** f64.reinterpret_i64 */
export function f64_reinterpret_i64(lo, hi) {
    I32[0] = lo;
    I32[1] = hi;
    return F64[0];
}
//# sourceMappingURL=float.js.map