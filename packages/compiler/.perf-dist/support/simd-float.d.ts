import { V128 } from './v128.js';
/** f32x4.splat */
export declare function f32x4_splat(x: number): V128;
/** f32x4.extract_lane (lane 0..3; NaN bits follow the f32 convention) */
export declare function f32x4_extract_lane(v: V128, lane: number): number;
/** f32x4.replace_lane */
export declare function f32x4_replace_lane(v: V128, x: number, lane: number): V128;
/** f32x4.eq */
export declare function f32x4_eq(a: V128, b: V128): V128;
/** f32x4.ne */
export declare function f32x4_ne(a: V128, b: V128): V128;
/** f32x4.lt */
export declare function f32x4_lt(a: V128, b: V128): V128;
/** f32x4.gt */
export declare function f32x4_gt(a: V128, b: V128): V128;
/** f32x4.le */
export declare function f32x4_le(a: V128, b: V128): V128;
/** f32x4.ge */
export declare function f32x4_ge(a: V128, b: V128): V128;
/** f32x4.abs (bitwise) */
export declare function f32x4_abs(a: V128): V128;
/** f32x4.neg (bitwise) */
export declare function f32x4_neg(a: V128): V128;
/** f32x4.sqrt */
export declare function f32x4_sqrt(a: V128): V128;
/** f32x4.ceil */
export declare function f32x4_ceil(a: V128): V128;
/** f32x4.floor */
export declare function f32x4_floor(a: V128): V128;
/** f32x4.trunc */
export declare function f32x4_trunc(a: V128): V128;
/** f32x4.nearest */
export declare function f32x4_nearest(a: V128): V128;
/** f32x4.add */
export declare function f32x4_add(a: V128, b: V128): V128;
/** f32x4.sub */
export declare function f32x4_sub(a: V128, b: V128): V128;
/** f32x4.mul */
export declare function f32x4_mul(a: V128, b: V128): V128;
/** f32x4.div */
export declare function f32x4_div(a: V128, b: V128): V128;
/** f32x4.min (NaN if either is NaN; -0 below +0) */
export declare function f32x4_min(a: V128, b: V128): V128;
/** f32x4.max */
export declare function f32x4_max(a: V128, b: V128): V128;
/** f32x4.pmin: b < a ? b : a, lane bits selected exactly. */
export declare function f32x4_pmin(a: V128, b: V128): V128;
/** f32x4.pmax: a < b ? b : a, lane bits selected exactly. */
export declare function f32x4_pmax(a: V128, b: V128): V128;
/** f32x4.relaxed_min: deterministic, as `f32x4.min`. */
export declare const f32x4_relaxed_min: typeof f32x4_min;
/** f32x4.relaxed_max: deterministic, as `f32x4.max`. */
export declare const f32x4_relaxed_max: typeof f32x4_max;
/** f32x4.relaxed_madd, deterministic: unfused, round(round(a * b) + c). */
export declare function f32x4_relaxed_madd(a: V128, b: V128, c: V128): V128;
/** f32x4.relaxed_nmadd, deterministic: unfused, round(-round(a * b) + c). */
export declare function f32x4_relaxed_nmadd(a: V128, b: V128, c: V128): V128;
/** f32x4.convert_i32x4_s */
export declare function f32x4_convert_i32x4_s(a: V128): V128;
/** f32x4.convert_i32x4_u */
export declare function f32x4_convert_i32x4_u(a: V128): V128;
/** f32x4.demote_f64x2_zero */
export declare function f32x4_demote_f64x2_zero(a: V128): V128;
/** i32x4.trunc_sat_f32x4_s */
export declare function i32x4_trunc_sat_f32x4_s(a: V128): V128;
/** i32x4.trunc_sat_f32x4_u */
export declare function i32x4_trunc_sat_f32x4_u(a: V128): V128;
/** i32x4.trunc_sat_f64x2_s_zero */
export declare function i32x4_trunc_sat_f64x2_s_zero(a: V128): V128;
/** i32x4.trunc_sat_f64x2_u_zero */
export declare function i32x4_trunc_sat_f64x2_u_zero(a: V128): V128;
/** i32x4.relaxed_trunc_f32x4_s: deterministic, as the saturating form. */
export declare const i32x4_relaxed_trunc_f32x4_s: typeof i32x4_trunc_sat_f32x4_s;
/** i32x4.relaxed_trunc_f32x4_u: deterministic, as the saturating form. */
export declare const i32x4_relaxed_trunc_f32x4_u: typeof i32x4_trunc_sat_f32x4_u;
/** i32x4.relaxed_trunc_f64x2_s_zero: deterministic, as the saturating form. */
export declare const i32x4_relaxed_trunc_f64x2_s_zero: typeof i32x4_trunc_sat_f64x2_s_zero;
/** i32x4.relaxed_trunc_f64x2_u_zero: deterministic, as the saturating form. */
export declare const i32x4_relaxed_trunc_f64x2_u_zero: typeof i32x4_trunc_sat_f64x2_u_zero;
/** f64x2.splat */
export declare function f64x2_splat(x: number): V128;
/** f64x2.extract_lane (lane 0..1) */
export declare function f64x2_extract_lane(v: V128, lane: number): number;
/** f64x2.replace_lane */
export declare function f64x2_replace_lane(v: V128, x: number, lane: number): V128;
/** f64x2.eq */
export declare function f64x2_eq(a: V128, b: V128): V128;
/** f64x2.ne */
export declare function f64x2_ne(a: V128, b: V128): V128;
/** f64x2.lt */
export declare function f64x2_lt(a: V128, b: V128): V128;
/** f64x2.gt */
export declare function f64x2_gt(a: V128, b: V128): V128;
/** f64x2.le */
export declare function f64x2_le(a: V128, b: V128): V128;
/** f64x2.ge */
export declare function f64x2_ge(a: V128, b: V128): V128;
/** f64x2.abs (bitwise) */
export declare function f64x2_abs(a: V128): V128;
/** f64x2.neg (bitwise) */
export declare function f64x2_neg(a: V128): V128;
/** f64x2.sqrt */
export declare function f64x2_sqrt(a: V128): V128;
/** f64x2.ceil */
export declare function f64x2_ceil(a: V128): V128;
/** f64x2.floor */
export declare function f64x2_floor(a: V128): V128;
/** f64x2.trunc */
export declare function f64x2_trunc(a: V128): V128;
/** f64x2.nearest */
export declare function f64x2_nearest(a: V128): V128;
/** f64x2.add */
export declare function f64x2_add(a: V128, b: V128): V128;
/** f64x2.sub */
export declare function f64x2_sub(a: V128, b: V128): V128;
/** f64x2.mul */
export declare function f64x2_mul(a: V128, b: V128): V128;
/** f64x2.div */
export declare function f64x2_div(a: V128, b: V128): V128;
/** f64x2.min */
export declare function f64x2_min(a: V128, b: V128): V128;
/** f64x2.max */
export declare function f64x2_max(a: V128, b: V128): V128;
/** f64x2.pmin: b < a ? b : a, lane bits selected exactly. */
export declare function f64x2_pmin(a: V128, b: V128): V128;
/** f64x2.pmax: a < b ? b : a, lane bits selected exactly. */
export declare function f64x2_pmax(a: V128, b: V128): V128;
/** f64x2.relaxed_min: deterministic, as `f64x2.min`. */
export declare const f64x2_relaxed_min: typeof f64x2_min;
/** f64x2.relaxed_max: deterministic, as `f64x2.max`. */
export declare const f64x2_relaxed_max: typeof f64x2_max;
/** f64x2.relaxed_madd, deterministic: unfused, round(round(a * b) + c). */
export declare function f64x2_relaxed_madd(a: V128, b: V128, c: V128): V128;
/** f64x2.relaxed_nmadd, deterministic: unfused, round(-round(a * b) + c). */
export declare function f64x2_relaxed_nmadd(a: V128, b: V128, c: V128): V128;
/** f64x2.promote_low_f32x4 */
export declare function f64x2_promote_low_f32x4(a: V128): V128;
/** f64x2.convert_low_i32x4_s */
export declare function f64x2_convert_low_i32x4_s(a: V128): V128;
/** f64x2.convert_low_i32x4_u */
export declare function f64x2_convert_low_i32x4_u(a: V128): V128;
//# sourceMappingURL=simd-float.d.ts.map