/** f32.eq */
export declare function f32_eq(a: number, b: number): number;
/** f32.ne */
export declare function f32_ne(a: number, b: number): number;
/** f32.lt */
export declare function f32_lt(a: number, b: number): number;
/** f32.gt */
export declare function f32_gt(a: number, b: number): number;
/** f32.le */
export declare function f32_le(a: number, b: number): number;
/** f32.ge */
export declare function f32_ge(a: number, b: number): number;
/** f64.eq */
export declare const f64_eq: typeof f32_eq;
/** f64.ne */
export declare const f64_ne: typeof f32_ne;
/** f64.lt */
export declare const f64_lt: typeof f32_lt;
/** f64.gt */
export declare const f64_gt: typeof f32_gt;
/** f64.le */
export declare const f64_le: typeof f32_le;
/** f64.ge */
export declare const f64_ge: typeof f32_ge;
/** f64.abs: clears the sign bit (NaN payload kept). Also correct for f32 values. */
export declare function f64_abs(x: number): number;
/** f64.neg: flips the sign bit (NaN payload kept). Also correct for f32 values. */
export declare function f64_neg(x: number): number;
/** f64.copysign: x with the sign bit of y (NaN payloads kept). Also correct for f32 values. */
export declare function f64_copysign(x: number, y: number): number;
/** f32.abs */
export declare const f32_abs: typeof f64_abs;
/** f32.neg */
export declare const f32_neg: typeof f64_neg;
/** f32.copysign */
export declare const f32_copysign: typeof f64_copysign;
/** f64.ceil (a NaN input gives a quiet NaN). Also correct for f32 values. */
export declare function f64_ceil(x: number): number;
/** f64.floor */
export declare function f64_floor(x: number): number;
/** f64.trunc */
export declare function f64_trunc(x: number): number;
/** f64.nearest: round to nearest integer, ties to even; keeps the sign of zero. */
export declare function f64_nearest(x: number): number;
/** f64.sqrt */
export declare function f64_sqrt(x: number): number;
/** f32.ceil */
export declare const f32_ceil: typeof f64_ceil;
/** f32.floor */
export declare const f32_floor: typeof f64_floor;
/** f32.trunc */
export declare const f32_trunc: typeof f64_trunc;
/** f32.nearest */
export declare const f32_nearest: typeof f64_nearest;
/** f32.sqrt (one rounding to f32 of the double square root is exact). */
export declare function f32_sqrt(x: number): number;
/** f32.add */
export declare function f32_add(a: number, b: number): number;
/** f32.sub */
export declare function f32_sub(a: number, b: number): number;
/** f32.mul */
export declare function f32_mul(a: number, b: number): number;
/** f32.div */
export declare function f32_div(a: number, b: number): number;
/** f64.add */
export declare function f64_add(a: number, b: number): number;
/** f64.sub */
export declare function f64_sub(a: number, b: number): number;
/** f64.mul */
export declare function f64_mul(a: number, b: number): number;
/** f64.div */
export declare function f64_div(a: number, b: number): number;
/** f64.min: NaN if either is NaN (quiet), -0 below +0. Also correct for f32 values. */
export declare function f64_min(a: number, b: number): number;
/** f64.max: NaN if either is NaN (quiet), +0 above -0. Also correct for f32 values. */
export declare function f64_max(a: number, b: number): number;
/** f32.min */
export declare const f32_min: typeof f64_min;
/** f32.max */
export declare const f32_max: typeof f64_max;
/** f32.demote_f64: round to f32 (NaN: quiet, top payload bits kept, per the convention). */
export declare function f32_demote_f64(x: number): number;
/** f64.promote_f32: exact; a NaN comes out quiet with its payload kept. */
export declare function f64_promote_f32(x: number): number;
/** i32.reinterpret_f32 */
export declare function i32_reinterpret_f32(x: number): number;
/** f32.reinterpret_i32 */
export declare function f32_reinterpret_i32(a: number): number;
/** i64.reinterpret_f64: returns lo, HI[0] = hi. */
export declare function i64_reinterpret_f64(x: number): number;
/** f64.reinterpret_i64 */
export declare function f64_reinterpret_i64(lo: number, hi: number): number;
//# sourceMappingURL=float.d.ts.map