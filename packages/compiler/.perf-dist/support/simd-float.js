/**
 * f32x4 and f64x2 operators, float/int lane conversions and the relaxed float operators.
 * Arithmetic goes through the Float32Array/Float64Array scratch views: storing a double sum of
 * two f32 values into a Float32Array rounds once, as `Math.fround` does. abs, neg, pmin and
 * pmax select or flip bits, so NaN payloads pass through exactly.
 * @module
 */
import { f32FromBits, f32ToBits } from './bits.js';
import { F64, I32 } from './scratch.js';
import { i32_trunc_sat_f64_s, i32_trunc_sat_f64_u } from './convert.js';
import { f64_ceil, f64_floor, f64_max, f64_min, f64_nearest, f64_trunc } from './float.js';
import { S32, SF32, SF64, V128, putA, putB, putC, takeR, word, withWord } from './v128.js';
const m = (c) => (c ? -1 : 0);
// ---- f32x4 -----------------------------------------------------------------------------------
/** f32x4.splat */
export function f32x4_splat(x) {
    const w = f32ToBits(x);
    return new V128(w, w, w, w);
}
/** f32x4.extract_lane (lane 0..3; NaN bits follow the f32 convention) */
export function f32x4_extract_lane(v, lane) {
    return f32FromBits(word(v, lane));
}
/** f32x4.replace_lane */
export function f32x4_replace_lane(v, x, lane) {
    return withWord(v, lane, f32ToBits(x));
}
/** f32x4.eq */
export function f32x4_eq(a, b) {
    putA(a);
    putB(b);
    return new V128(m(SF32[0] === SF32[4]), m(SF32[1] === SF32[5]), m(SF32[2] === SF32[6]), m(SF32[3] === SF32[7]));
}
/** f32x4.ne */
export function f32x4_ne(a, b) {
    putA(a);
    putB(b);
    return new V128(m(SF32[0] !== SF32[4]), m(SF32[1] !== SF32[5]), m(SF32[2] !== SF32[6]), m(SF32[3] !== SF32[7]));
}
/** f32x4.lt */
export function f32x4_lt(a, b) {
    putA(a);
    putB(b);
    return new V128(m(SF32[0] < SF32[4]), m(SF32[1] < SF32[5]), m(SF32[2] < SF32[6]), m(SF32[3] < SF32[7]));
}
/** f32x4.gt */
export function f32x4_gt(a, b) {
    return f32x4_lt(b, a);
}
/** f32x4.le */
export function f32x4_le(a, b) {
    putA(a);
    putB(b);
    return new V128(m(SF32[0] <= SF32[4]), m(SF32[1] <= SF32[5]), m(SF32[2] <= SF32[6]), m(SF32[3] <= SF32[7]));
}
/** f32x4.ge */
export function f32x4_ge(a, b) {
    return f32x4_le(b, a);
}
/** f32x4.abs (bitwise) */
export function f32x4_abs(a) {
    return new V128(a.w0 & 0x7fffffff, a.w1 & 0x7fffffff, a.w2 & 0x7fffffff, a.w3 & 0x7fffffff);
}
/** f32x4.neg (bitwise) */
export function f32x4_neg(a) {
    return new V128(a.w0 ^ 0x80000000, a.w1 ^ 0x80000000, a.w2 ^ 0x80000000, a.w3 ^ 0x80000000);
}
/** f32x4.sqrt */
export function f32x4_sqrt(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = Math.sqrt(SF32[i]);
    return takeR();
}
/** f32x4.ceil */
export function f32x4_ceil(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_ceil(SF32[i]);
    return takeR();
}
/** f32x4.floor */
export function f32x4_floor(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_floor(SF32[i]);
    return takeR();
}
/** f32x4.trunc */
export function f32x4_trunc(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_trunc(SF32[i]);
    return takeR();
}
/** f32x4.nearest */
export function f32x4_nearest(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_nearest(SF32[i]);
    return takeR();
}
/** f32x4.add */
export function f32x4_add(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = SF32[i] + SF32[4 + i];
    return takeR();
}
/** f32x4.sub */
export function f32x4_sub(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = SF32[i] - SF32[4 + i];
    return takeR();
}
/** f32x4.mul */
export function f32x4_mul(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = SF32[i] * SF32[4 + i];
    return takeR();
}
/** f32x4.div */
export function f32x4_div(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = SF32[i] / SF32[4 + i];
    return takeR();
}
/** f32x4.min (NaN if either is NaN; -0 below +0) */
export function f32x4_min(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_min(SF32[i], SF32[4 + i]);
    return takeR();
}
/** f32x4.max */
export function f32x4_max(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = f64_max(SF32[i], SF32[4 + i]);
    return takeR();
}
/** f32x4.pmin: b < a ? b : a, lane bits selected exactly. */
export function f32x4_pmin(a, b) {
    putA(a);
    putB(b);
    return new V128(SF32[4] < SF32[0] ? b.w0 : a.w0, SF32[5] < SF32[1] ? b.w1 : a.w1, SF32[6] < SF32[2] ? b.w2 : a.w2, SF32[7] < SF32[3] ? b.w3 : a.w3);
}
/** f32x4.pmax: a < b ? b : a, lane bits selected exactly. */
export function f32x4_pmax(a, b) {
    putA(a);
    putB(b);
    return new V128(SF32[0] < SF32[4] ? b.w0 : a.w0, SF32[1] < SF32[5] ? b.w1 : a.w1, SF32[2] < SF32[6] ? b.w2 : a.w2, SF32[3] < SF32[7] ? b.w3 : a.w3);
}
/** f32x4.relaxed_min: deterministic, as `f32x4.min`. */
export const f32x4_relaxed_min = f32x4_min;
/** f32x4.relaxed_max: deterministic, as `f32x4.max`. */
export const f32x4_relaxed_max = f32x4_max;
/** f32x4.relaxed_madd, deterministic: unfused, round(round(a * b) + c). */
export function f32x4_relaxed_madd(a, b, c) {
    putA(a);
    putB(b);
    putC(c);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = Math.fround(SF32[i] * SF32[4 + i]) + SF32[8 + i];
    return takeR();
}
/** f32x4.relaxed_nmadd, deterministic: unfused, round(-round(a * b) + c). */
export function f32x4_relaxed_nmadd(a, b, c) {
    putA(a);
    putB(b);
    putC(c);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = -Math.fround(SF32[i] * SF32[4 + i]) + SF32[8 + i];
    return takeR();
}
/** f32x4.convert_i32x4_s */
export function f32x4_convert_i32x4_s(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = S32[i];
    return takeR();
}
/** f32x4.convert_i32x4_u */
export function f32x4_convert_i32x4_u(a) {
    putA(a);
    for (let i = 0; i < 4; i++)
        SF32[12 + i] = S32[i] >>> 0;
    return takeR();
}
/** f32x4.demote_f64x2_zero */
export function f32x4_demote_f64x2_zero(a) {
    putA(a);
    SF32[12] = SF64[0];
    SF32[13] = SF64[1];
    S32[14] = 0;
    S32[15] = 0;
    return takeR();
}
/** i32x4.trunc_sat_f32x4_s */
export function i32x4_trunc_sat_f32x4_s(a) {
    putA(a);
    return new V128(i32_trunc_sat_f64_s(SF32[0]), i32_trunc_sat_f64_s(SF32[1]), i32_trunc_sat_f64_s(SF32[2]), i32_trunc_sat_f64_s(SF32[3]));
}
/** i32x4.trunc_sat_f32x4_u */
export function i32x4_trunc_sat_f32x4_u(a) {
    putA(a);
    return new V128(i32_trunc_sat_f64_u(SF32[0]), i32_trunc_sat_f64_u(SF32[1]), i32_trunc_sat_f64_u(SF32[2]), i32_trunc_sat_f64_u(SF32[3]));
}
/** i32x4.trunc_sat_f64x2_s_zero */
export function i32x4_trunc_sat_f64x2_s_zero(a) {
    putA(a);
    return new V128(i32_trunc_sat_f64_s(SF64[0]), i32_trunc_sat_f64_s(SF64[1]), 0, 0);
}
/** i32x4.trunc_sat_f64x2_u_zero */
export function i32x4_trunc_sat_f64x2_u_zero(a) {
    putA(a);
    return new V128(i32_trunc_sat_f64_u(SF64[0]), i32_trunc_sat_f64_u(SF64[1]), 0, 0);
}
/** i32x4.relaxed_trunc_f32x4_s: deterministic, as the saturating form. */
export const i32x4_relaxed_trunc_f32x4_s = i32x4_trunc_sat_f32x4_s;
/** i32x4.relaxed_trunc_f32x4_u: deterministic, as the saturating form. */
export const i32x4_relaxed_trunc_f32x4_u = i32x4_trunc_sat_f32x4_u;
/** i32x4.relaxed_trunc_f64x2_s_zero: deterministic, as the saturating form. */
export const i32x4_relaxed_trunc_f64x2_s_zero = i32x4_trunc_sat_f64x2_s_zero;
/** i32x4.relaxed_trunc_f64x2_u_zero: deterministic, as the saturating form. */
export const i32x4_relaxed_trunc_f64x2_u_zero = i32x4_trunc_sat_f64x2_u_zero;
// ---- f64x2 -----------------------------------------------------------------------------------
/** f64x2.splat */
export function f64x2_splat(x) {
    F64[0] = x;
    const lo = I32[0];
    const hi = I32[1];
    return new V128(lo, hi, lo, hi);
}
/** f64x2.extract_lane (lane 0..1) */
export function f64x2_extract_lane(v, lane) {
    I32[0] = lane === 0 ? v.w0 : v.w2;
    I32[1] = lane === 0 ? v.w1 : v.w3;
    return F64[0];
}
/** f64x2.replace_lane */
export function f64x2_replace_lane(v, x, lane) {
    F64[0] = x;
    return lane === 0 ? new V128(I32[0], I32[1], v.w2, v.w3) : new V128(v.w0, v.w1, I32[0], I32[1]);
}
/** f64x2.eq */
export function f64x2_eq(a, b) {
    putA(a);
    putB(b);
    const x = m(SF64[0] === SF64[2]);
    const y = m(SF64[1] === SF64[3]);
    return new V128(x, x, y, y);
}
/** f64x2.ne */
export function f64x2_ne(a, b) {
    putA(a);
    putB(b);
    const x = m(SF64[0] !== SF64[2]);
    const y = m(SF64[1] !== SF64[3]);
    return new V128(x, x, y, y);
}
/** f64x2.lt */
export function f64x2_lt(a, b) {
    putA(a);
    putB(b);
    const x = m(SF64[0] < SF64[2]);
    const y = m(SF64[1] < SF64[3]);
    return new V128(x, x, y, y);
}
/** f64x2.gt */
export function f64x2_gt(a, b) {
    return f64x2_lt(b, a);
}
/** f64x2.le */
export function f64x2_le(a, b) {
    putA(a);
    putB(b);
    const x = m(SF64[0] <= SF64[2]);
    const y = m(SF64[1] <= SF64[3]);
    return new V128(x, x, y, y);
}
/** f64x2.ge */
export function f64x2_ge(a, b) {
    return f64x2_le(b, a);
}
/** f64x2.abs (bitwise) */
export function f64x2_abs(a) {
    return new V128(a.w0, a.w1 & 0x7fffffff, a.w2, a.w3 & 0x7fffffff);
}
/** f64x2.neg (bitwise) */
export function f64x2_neg(a) {
    return new V128(a.w0, a.w1 ^ 0x80000000, a.w2, a.w3 ^ 0x80000000);
}
/** f64x2.sqrt */
export function f64x2_sqrt(a) {
    putA(a);
    SF64[6] = Math.sqrt(SF64[0]);
    SF64[7] = Math.sqrt(SF64[1]);
    return takeR();
}
/** f64x2.ceil */
export function f64x2_ceil(a) {
    putA(a);
    SF64[6] = f64_ceil(SF64[0]);
    SF64[7] = f64_ceil(SF64[1]);
    return takeR();
}
/** f64x2.floor */
export function f64x2_floor(a) {
    putA(a);
    SF64[6] = f64_floor(SF64[0]);
    SF64[7] = f64_floor(SF64[1]);
    return takeR();
}
/** f64x2.trunc */
export function f64x2_trunc(a) {
    putA(a);
    SF64[6] = f64_trunc(SF64[0]);
    SF64[7] = f64_trunc(SF64[1]);
    return takeR();
}
/** f64x2.nearest */
export function f64x2_nearest(a) {
    putA(a);
    SF64[6] = f64_nearest(SF64[0]);
    SF64[7] = f64_nearest(SF64[1]);
    return takeR();
}
/** f64x2.add */
export function f64x2_add(a, b) {
    putA(a);
    putB(b);
    SF64[6] = SF64[0] + SF64[2];
    SF64[7] = SF64[1] + SF64[3];
    return takeR();
}
/** f64x2.sub */
export function f64x2_sub(a, b) {
    putA(a);
    putB(b);
    SF64[6] = SF64[0] - SF64[2];
    SF64[7] = SF64[1] - SF64[3];
    return takeR();
}
/** f64x2.mul */
export function f64x2_mul(a, b) {
    putA(a);
    putB(b);
    SF64[6] = SF64[0] * SF64[2];
    SF64[7] = SF64[1] * SF64[3];
    return takeR();
}
/** f64x2.div */
export function f64x2_div(a, b) {
    putA(a);
    putB(b);
    SF64[6] = SF64[0] / SF64[2];
    SF64[7] = SF64[1] / SF64[3];
    return takeR();
}
/** f64x2.min */
export function f64x2_min(a, b) {
    putA(a);
    putB(b);
    SF64[6] = f64_min(SF64[0], SF64[2]);
    SF64[7] = f64_min(SF64[1], SF64[3]);
    return takeR();
}
/** f64x2.max */
export function f64x2_max(a, b) {
    putA(a);
    putB(b);
    SF64[6] = f64_max(SF64[0], SF64[2]);
    SF64[7] = f64_max(SF64[1], SF64[3]);
    return takeR();
}
/** f64x2.pmin: b < a ? b : a, lane bits selected exactly. */
export function f64x2_pmin(a, b) {
    putA(a);
    putB(b);
    const x = SF64[2] < SF64[0];
    const y = SF64[3] < SF64[1];
    return new V128(x ? b.w0 : a.w0, x ? b.w1 : a.w1, y ? b.w2 : a.w2, y ? b.w3 : a.w3);
}
/** f64x2.pmax: a < b ? b : a, lane bits selected exactly. */
export function f64x2_pmax(a, b) {
    putA(a);
    putB(b);
    const x = SF64[0] < SF64[2];
    const y = SF64[1] < SF64[3];
    return new V128(x ? b.w0 : a.w0, x ? b.w1 : a.w1, y ? b.w2 : a.w2, y ? b.w3 : a.w3);
}
/** f64x2.relaxed_min: deterministic, as `f64x2.min`. */
export const f64x2_relaxed_min = f64x2_min;
/** f64x2.relaxed_max: deterministic, as `f64x2.max`. */
export const f64x2_relaxed_max = f64x2_max;
/** f64x2.relaxed_madd, deterministic: unfused, round(round(a * b) + c). */
export function f64x2_relaxed_madd(a, b, c) {
    putA(a);
    putB(b);
    putC(c);
    SF64[6] = SF64[0] * SF64[2] + SF64[4];
    SF64[7] = SF64[1] * SF64[3] + SF64[5];
    return takeR();
}
/** f64x2.relaxed_nmadd, deterministic: unfused, round(-round(a * b) + c). */
export function f64x2_relaxed_nmadd(a, b, c) {
    putA(a);
    putB(b);
    putC(c);
    SF64[6] = -(SF64[0] * SF64[2]) + SF64[4];
    SF64[7] = -(SF64[1] * SF64[3]) + SF64[5];
    return takeR();
}
/** f64x2.promote_low_f32x4 */
export function f64x2_promote_low_f32x4(a) {
    putA(a);
    SF64[6] = SF32[0];
    SF64[7] = SF32[1];
    return takeR();
}
/** f64x2.convert_low_i32x4_s */
export function f64x2_convert_low_i32x4_s(a) {
    putA(a);
    SF64[6] = S32[0];
    SF64[7] = S32[1];
    return takeR();
}
/** f64x2.convert_low_i32x4_u */
export function f64x2_convert_low_i32x4_u(a) {
    putA(a);
    SF64[6] = S32[0] >>> 0;
    SF64[7] = S32[1] >>> 0;
    return takeR();
}
//# sourceMappingURL=simd-float.js.map