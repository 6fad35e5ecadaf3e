import { V128 } from './v128.js';
/** i32x4.splat */
export declare function i32x4_splat(x: number): V128;
/** i32x4.extract_lane (lane 0..3) */
export declare function i32x4_extract_lane(v: V128, lane: number): number;
/** i32x4.replace_lane */
export declare function i32x4_replace_lane(v: V128, x: number, lane: number): V128;
/** i32x4.eq */
export declare function i32x4_eq(a: V128, b: V128): V128;
/** i32x4.ne */
export declare function i32x4_ne(a: V128, b: V128): V128;
/** i32x4.lt_s */
export declare function i32x4_lt_s(a: V128, b: V128): V128;
/** i32x4.lt_u */
export declare function i32x4_lt_u(a: V128, b: V128): V128;
/** i32x4.gt_s */
export declare function i32x4_gt_s(a: V128, b: V128): V128;
/** i32x4.gt_u */
export declare function i32x4_gt_u(a: V128, b: V128): V128;
/** i32x4.le_s */
export declare function i32x4_le_s(a: V128, b: V128): V128;
/** i32x4.le_u */
export declare function i32x4_le_u(a: V128, b: V128): V128;
/** i32x4.ge_s */
export declare function i32x4_ge_s(a: V128, b: V128): V128;
/** i32x4.ge_u */
export declare function i32x4_ge_u(a: V128, b: V128): V128;
/** i32x4.extadd_pairwise_i16x8_s */
export declare function i32x4_extadd_pairwise_i16x8_s(a: V128): V128;
/** i32x4.extadd_pairwise_i16x8_u */
export declare function i32x4_extadd_pairwise_i16x8_u(a: V128): V128;
/** i32x4.abs */
export declare function i32x4_abs(a: V128): V128;
/** i32x4.neg */
export declare function i32x4_neg(a: V128): V128;
/** i32x4.all_true */
export declare function i32x4_all_true(a: V128): number;
/** i32x4.bitmask */
export declare function i32x4_bitmask(a: V128): number;
/** i32x4.extend_low_i16x8_s */
export declare function i32x4_extend_low_i16x8_s(a: V128): V128;
/** i32x4.extend_high_i16x8_s */
export declare function i32x4_extend_high_i16x8_s(a: V128): V128;
/** i32x4.extend_low_i16x8_u */
export declare function i32x4_extend_low_i16x8_u(a: V128): V128;
/** i32x4.extend_high_i16x8_u */
export declare function i32x4_extend_high_i16x8_u(a: V128): V128;
/** i32x4.shl (count mod 32) */
export declare function i32x4_shl(a: V128, n: number): V128;
/** i32x4.shr_s (count mod 32) */
export declare function i32x4_shr_s(a: V128, n: number): V128;
/** i32x4.shr_u (count mod 32) */
export declare function i32x4_shr_u(a: V128, n: number): V128;
/** i32x4.add */
export declare function i32x4_add(a: V128, b: V128): V128;
/** i32x4.sub */
export declare function i32x4_sub(a: V128, b: V128): V128;
/** i32x4.mul */
export declare function i32x4_mul(a: V128, b: V128): V128;
/** i32x4.min_s */
export declare function i32x4_min_s(a: V128, b: V128): V128;
/** i32x4.max_s */
export declare function i32x4_max_s(a: V128, b: V128): V128;
/** i32x4.min_u */
export declare function i32x4_min_u(a: V128, b: V128): V128;
/** i32x4.max_u */
export declare function i32x4_max_u(a: V128, b: V128): V128;
/** i32x4.dot_i16x8_s: pairwise sums of signed 16-bit products (wrapping). */
export declare function i32x4_dot_i16x8_s(a: V128, b: V128): V128;
/** i32x4.extmul_low_i16x8_s */
export declare function i32x4_extmul_low_i16x8_s(a: V128, b: V128): V128;
/** i32x4.extmul_high_i16x8_s */
export declare function i32x4_extmul_high_i16x8_s(a: V128, b: V128): V128;
/** i32x4.extmul_low_i16x8_u */
export declare function i32x4_extmul_low_i16x8_u(a: V128, b: V128): V128;
/** i32x4.extmul_high_i16x8_u */
export declare function i32x4_extmul_high_i16x8_u(a: V128, b: V128): V128;
/** i64x2.splat (operand as a pair) */
export declare function i64x2_splat(lo: number, hi: number): V128;
/** i64x2.extract_lane (lane 0..1): returns lo, HI[0] = hi. */
export declare function i64x2_extract_lane(v: V128, lane: number): number;
/** i64x2.replace_lane (operand as a pair) */
export declare function i64x2_replace_lane(v: V128, lo: number, hi: number, lane: number): V128;
/** i64x2.eq */
export declare function i64x2_eq(a: V128, b: V128): V128;
/** i64x2.ne */
export declare function i64x2_ne(a: V128, b: V128): V128;
/** i64x2.lt_s */
export declare function i64x2_lt_s(a: V128, b: V128): V128;
/** i64x2.gt_s */
export declare function i64x2_gt_s(a: V128, b: V128): V128;
/** i64x2.le_s */
export declare function i64x2_le_s(a: V128, b: V128): V128;
/** i64x2.ge_s */
export declare function i64x2_ge_s(a: V128, b: V128): V128;
/** i64x2.abs */
export declare function i64x2_abs(a: V128): V128;
/** i64x2.neg */
export declare function i64x2_neg(a: V128): V128;
/** i64x2.all_true */
export declare function i64x2_all_true(a: V128): number;
/** i64x2.bitmask */
export declare function i64x2_bitmask(a: V128): number;
/** i64x2.extend_low_i32x4_s */
export declare function i64x2_extend_low_i32x4_s(a: V128): V128;
/** i64x2.extend_high_i32x4_s */
export declare function i64x2_extend_high_i32x4_s(a: V128): V128;
/** i64x2.extend_low_i32x4_u */
export declare function i64x2_extend_low_i32x4_u(a: V128): V128;
/** i64x2.extend_high_i32x4_u */
export declare function i64x2_extend_high_i32x4_u(a: V128): V128;
/** i64x2.shl (count mod 64) */
export declare function i64x2_shl(a: V128, n: number): V128;
/** i64x2.shr_s (count mod 64) */
export declare function i64x2_shr_s(a: V128, n: number): V128;
/** i64x2.shr_u (count mod 64) */
export declare function i64x2_shr_u(a: V128, n: number): V128;
/** i64x2.add */
export declare function i64x2_add(a: V128, b: V128): V128;
/** i64x2.sub */
export declare function i64x2_sub(a: V128, b: V128): V128;
/** i64x2.mul */
export declare function i64x2_mul(a: V128, b: V128): V128;
/** i64x2.extmul_low_i32x4_s */
export declare function i64x2_extmul_low_i32x4_s(a: V128, b: V128): V128;
/** i64x2.extmul_high_i32x4_s */
export declare function i64x2_extmul_high_i32x4_s(a: V128, b: V128): V128;
/** i64x2.extmul_low_i32x4_u */
export declare function i64x2_extmul_low_i32x4_u(a: V128, b: V128): V128;
/** i64x2.extmul_high_i32x4_u */
export declare function i64x2_extmul_high_i32x4_u(a: V128, b: V128): V128;
//# sourceMappingURL=simd-i32i64.d.ts.map