/**
 * Conversions between integers and floats: trapping and saturating truncations, and
 * integer-to-float conversions rounded once to the target type.
 * @module
 */
import { trap, TrapCode } from '../trap.js';
import { HI } from './bits.js';
const P32 = 4294967296;
const P63 = 9223372036854775808;
const P64 = 18446744073709551616;
function badConversion(x) {
    return trap(x !== x ? TrapCode.InvalidConversionToInteger : TrapCode.IntegerOverflow);
}
/** Splits an integral double t with -2^63 <= t < 2^64 into a pair: returns lo, HI[0] = hi. */
function splitIntegral(t) {
    const hi = Math.floor(t / P32);
    HI[0] = hi | 0;
    return (t - hi * P32) | 0;
}
// ---- to i32 --------------------------------------------------------------------------------
/** i32.trunc_f32_s / i32.trunc_f64_s (traps on NaN and out of range). */
export function i32_trunc_f64_s(x) {
    if (!(x > -2147483649 && x < 2147483648))
        badConversion(x);
    return x | 0;
}
/** i32.trunc_f32_u / i32.trunc_f64_u (traps on NaN and out of range). */
export function i32_trunc_f64_u(x) {
    if (!(x > -1 && x < 4294967296))
        badConversion(x);
    return x | 0;
}
/** i32.trunc_f32_s */
export const i32_trunc_f32_s = i32_trunc_f64_s;
/** i32.trunc_f32_u */
export const i32_trunc_f32_u = i32_trunc_f64_u;
/** i32.trunc_sat_f64_s (NaN gives 0, out of range saturates). */
export function i32_trunc_sat_f64_s(x) {
    if (x > -2147483649 && x < 2147483648)
        return x | 0;
    if (x !== x)
        return 0;
    return x < 0 ? -0x80000000 : 0x7fffffff;
}
/** i32.trunc_sat_f64_u (NaN gives 0, out of range saturates). */
export function i32_trunc_sat_f64_u(x) {
    if (x > -1 && x < 4294967296)
        return x | 0;
    if (x !== x)
        return 0;
    return x < 0 ? 0 : -1;
}
/** i32.trunc_sat_f32_s */
export const i32_trunc_sat_f32_s = i32_trunc_sat_f64_s;
/** i32.trunc_sat_f32_u */
export const i32_trunc_sat_f32_u = i32_trunc_sat_f64_u;
// ---- to i64 --------------------------------------------------------------------------------
/** i64.trunc_f64_s (traps on NaN and out of range): returns lo, HI[0] = hi. */
export function i64_trunc_f64_s(x) {
    if (!(x >= -P63 && x < P63))
        badConversion(x);
    return splitIntegral(Math.trunc(x));
}
/** i64.trunc_f64_u (traps on NaN and out of range): returns lo, HI[0] = hi. */
export function i64_trunc_f64_u(x) {
    if (!(x > -1 && x < P64))
        badConversion(x);
    return splitIntegral(Math.trunc(x));
}
/** i64.trunc_f32_s */
export const i64_trunc_f32_s = i64_trunc_f64_s;
/** i64.trunc_f32_u */
export const i64_trunc_f32_u = i64_trunc_f64_u;
/** i64.trunc_sat_f64_s: returns lo, HI[0] = hi. */
export function i64_trunc_sat_f64_s(x) {
    if (x >= -P63 && x < P63)
        return splitIntegral(Math.trunc(x));
    if (x !== x) {
        HI[0] = 0;
        return 0;
    }
    if (x < 0) {
        HI[0] = -0x80000000;
        return 0;
    }
    HI[0] = 0x7fffffff;
    return -1;
}
/** i64.trunc_sat_f64_u: returns lo, HI[0] = hi. */
export function i64_trunc_sat_f64_u(x) {
    if (x > -1 && x < P64)
        return splitIntegral(Math.trunc(x));
    if (x > 0) {
        HI[0] = -1;
        return -1;
    }
    HI[0] = 0;
    return 0;
}
/** i64.trunc_sat_f32_s */
export const i64_trunc_sat_f32_s = i64_trunc_sat_f64_s;
/** i64.trunc_sat_f32_u */
export const i64_trunc_sat_f32_u = i64_trunc_sat_f64_u;
// ---- from integers -------------------------------------------------------------------------
/** f32.convert_i32_s */
export function f32_convert_i32_s(a) {
    return Math.fround(a);
}
/** f32.convert_i32_u */
export function f32_convert_i32_u(a) {
    return Math.fround(a >>> 0);
}
/** f64.convert_i32_s */
export function f64_convert_i32_s(a) {
    return a;
}
/** f64.convert_i32_u */
export function f64_convert_i32_u(a) {
    return a >>> 0;
}
/** f64.convert_i64_s: hi * 2^32 is exact, so the one addition is the one rounding. */
export function f64_convert_i64_s(lo, hi) {
    return hi * P32 + (lo >>> 0);
}
/** f64.convert_i64_u */
export function f64_convert_i64_u(lo, hi) {
    return (hi >>> 0) * P32 + (lo >>> 0);
}
/**
 * f32.convert_i64_u, rounded once. At or above 2^53, the low 12 bits fold into a sticky bit
 * (bit 11): the value becomes exact as a double and rounds to f32 as the original would.
 */
export function f32_convert_i64_u(lo, hi) {
    const h = hi >>> 0;
    if (h < 0x200000)
        return Math.fround(h * P32 + (lo >>> 0));
    const l = (lo & ~0xfff) | ((lo & 0xfff) !== 0 ? 0x800 : 0);
    return Math.fround(h * P32 + (l >>> 0));
}
/** f32.convert_i64_s, rounded once. */
export function f32_convert_i64_s(lo, hi) {
    if (((hi + 0x200000) >>> 0) < 0x400000)
        return Math.fround(hi * P32 + (lo >>> 0));
    if (hi >= 0)
        return f32_convert_i64_u(lo, hi);
    return -f32_convert_i64_u(-lo | 0, (~hi + (lo === 0 ? 1 : 0)) | 0);
}
//# sourceMappingURL=convert.js.map