/**
 * i8x16 and i16x8 operators. Word-parallel (SWAR) where it is short, else lane loops over the
 * scratch buffer (A at lanes 0.., B after it, the result R at bytes 48..63).
 * @module
 */
import { V128 } from './v128.js';
/** i8x16.splat */
export declare function i8x16_splat(x: number): V128;
/** i8x16.extract_lane_s (lane 0..15) */
export declare function i8x16_extract_lane_s(v: V128, lane: number): number;
/** i8x16.extract_lane_u */
export declare function i8x16_extract_lane_u(v: V128, lane: number): number;
/** i8x16.replace_lane */
export declare function i8x16_replace_lane(v: V128, x: number, lane: number): V128;
/** i8x16.eq */
export declare function i8x16_eq(a: V128, b: V128): V128;
/** i8x16.ne */
export declare function i8x16_ne(a: V128, b: V128): V128;
/** i8x16.lt_s */
export declare function i8x16_lt_s(a: V128, b: V128): V128;
/** i8x16.lt_u */
export declare function i8x16_lt_u(a: V128, b: V128): V128;
/** i8x16.gt_s */
export declare function i8x16_gt_s(a: V128, b: V128): V128;
/** i8x16.gt_u */
export declare function i8x16_gt_u(a: V128, b: V128): V128;
/** i8x16.le_s */
export declare function i8x16_le_s(a: V128, b: V128): V128;
/** i8x16.le_u */
export declare function i8x16_le_u(a: V128, b: V128): V128;
/** i8x16.ge_s */
export declare function i8x16_ge_s(a: V128, b: V128): V128;
/** i8x16.ge_u */
export declare function i8x16_ge_u(a: V128, b: V128): V128;
/** i8x16.abs (-128 stays -128) */
export declare function i8x16_abs(a: V128): V128;
/** i8x16.neg */
export declare function i8x16_neg(a: V128): V128;
/** i8x16.popcnt */
export declare function i8x16_popcnt(a: V128): V128;
/** i8x16.all_true */
export declare function i8x16_all_true(a: V128): number;
/** i8x16.bitmask */
export declare function i8x16_bitmask(a: V128): number;
/** i8x16.narrow_i16x8_s */
export declare function i8x16_narrow_i16x8_s(a: V128, b: V128): V128;
/** i8x16.narrow_i16x8_u */
export declare function i8x16_narrow_i16x8_u(a: V128, b: V128): V128;
/** i8x16.shl (count mod 8) */
export declare function i8x16_shl(a: V128, n: number): V128;
/** i8x16.shr_u (count mod 8) */
export declare function i8x16_shr_u(a: V128, n: number): V128;
/** i8x16.shr_s (count mod 8) */
export declare function i8x16_shr_s(a: V128, n: number): V128;
/** i8x16.add */
export declare function i8x16_add(a: V128, b: V128): V128;
/** i8x16.sub */
export declare function i8x16_sub(a: V128, b: V128): V128;
/** i8x16.add_sat_s */
export declare function i8x16_add_sat_s(a: V128, b: V128): V128;
/** i8x16.add_sat_u */
export declare function i8x16_add_sat_u(a: V128, b: V128): V128;
/** i8x16.sub_sat_s */
export declare function i8x16_sub_sat_s(a: V128, b: V128): V128;
/** i8x16.sub_sat_u */
export declare function i8x16_sub_sat_u(a: V128, b: V128): V128;
/** i8x16.min_s */
export declare function i8x16_min_s(a: V128, b: V128): V128;
/** i8x16.min_u */
export declare function i8x16_min_u(a: V128, b: V128): V128;
/** i8x16.max_s */
export declare function i8x16_max_s(a: V128, b: V128): V128;
/** i8x16.max_u */
export declare function i8x16_max_u(a: V128, b: V128): V128;
/** i8x16.avgr_u: (a + b + 1) >> 1, unsigned */
export declare function i8x16_avgr_u(a: V128, b: V128): V128;
/** i16x8.splat */
export declare function i16x8_splat(x: number): V128;
/** i16x8.extract_lane_s (lane 0..7) */
export declare function i16x8_extract_lane_s(v: V128, lane: number): number;
/** i16x8.extract_lane_u */
export declare function i16x8_extract_lane_u(v: V128, lane: number): number;
/** i16x8.replace_lane */
export declare function i16x8_replace_lane(v: V128, x: number, lane: number): V128;
/** i16x8.eq */
export declare function i16x8_eq(a: V128, b: V128): V128;
/** i16x8.ne */
export declare function i16x8_ne(a: V128, b: V128): V128;
/** i16x8.lt_s */
export declare function i16x8_lt_s(a: V128, b: V128): V128;
/** i16x8.lt_u */
export declare function i16x8_lt_u(a: V128, b: V128): V128;
/** i16x8.gt_s */
export declare function i16x8_gt_s(a: V128, b: V128): V128;
/** i16x8.gt_u */
export declare function i16x8_gt_u(a: V128, b: V128): V128;
/** i16x8.le_s */
export declare function i16x8_le_s(a: V128, b: V128): V128;
/** i16x8.le_u */
export declare function i16x8_le_u(a: V128, b: V128): V128;
/** i16x8.ge_s */
export declare function i16x8_ge_s(a: V128, b: V128): V128;
/** i16x8.ge_u */
export declare function i16x8_ge_u(a: V128, b: V128): V128;
/** i16x8.extadd_pairwise_i8x16_s */
export declare function i16x8_extadd_pairwise_i8x16_s(a: V128): V128;
/** i16x8.extadd_pairwise_i8x16_u */
export declare function i16x8_extadd_pairwise_i8x16_u(a: V128): V128;
/** i16x8.abs */
export declare function i16x8_abs(a: V128): V128;
/** i16x8.neg */
export declare function i16x8_neg(a: V128): V128;
/** i16x8.q15mulr_sat_s: saturate((a * b + 0x4000) >> 15) */
export declare function i16x8_q15mulr_sat_s(a: V128, b: V128): V128;
/** i16x8.relaxed_q15mulr_s: deterministic, as `i16x8.q15mulr_sat_s`. */
export declare const i16x8_relaxed_q15mulr_s: typeof i16x8_q15mulr_sat_s;
/** i16x8.all_true */
export declare function i16x8_all_true(a: V128): number;
/** i16x8.bitmask */
export declare function i16x8_bitmask(a: V128): number;
/** i16x8.narrow_i32x4_s */
export declare function i16x8_narrow_i32x4_s(a: V128, b: V128): V128;
/** i16x8.narrow_i32x4_u */
export declare function i16x8_narrow_i32x4_u(a: V128, b: V128): V128;
/** i16x8.extend_low_i8x16_s */
export declare function i16x8_extend_low_i8x16_s(a: V128): V128;
/** i16x8.extend_high_i8x16_s */
export declare function i16x8_extend_high_i8x16_s(a: V128): V128;
/** i16x8.extend_low_i8x16_u */
export declare function i16x8_extend_low_i8x16_u(a: V128): V128;
/** i16x8.extend_high_i8x16_u */
export declare function i16x8_extend_high_i8x16_u(a: V128): V128;
/** i16x8.shl (count mod 16) */
export declare function i16x8_shl(a: V128, n: number): V128;
/** i16x8.shr_u (count mod 16) */
export declare function i16x8_shr_u(a: V128, n: number): V128;
/** i16x8.shr_s (count mod 16) */
export declare function i16x8_shr_s(a: V128, n: number): V128;
/** i16x8.add */
export declare function i16x8_add(a: V128, b: V128): V128;
/** i16x8.sub */
export declare function i16x8_sub(a: V128, b: V128): V128;
/** i16x8.add_sat_s */
export declare function i16x8_add_sat_s(a: V128, b: V128): V128;
/** i16x8.add_sat_u */
export declare function i16x8_add_sat_u(a: V128, b: V128): V128;
/** i16x8.sub_sat_s */
export declare function i16x8_sub_sat_s(a: V128, b: V128): V128;
/** i16x8.sub_sat_u */
export declare function i16x8_sub_sat_u(a: V128, b: V128): V128;
/** i16x8.mul */
export declare function i16x8_mul(a: V128, b: V128): V128;
/** i16x8.min_s */
export declare function i16x8_min_s(a: V128, b: V128): V128;
/** i16x8.min_u */
export declare function i16x8_min_u(a: V128, b: V128): V128;
/** i16x8.max_s */
export declare function i16x8_max_s(a: V128, b: V128): V128;
/** i16x8.max_u */
export declare function i16x8_max_u(a: V128, b: V128): V128;
/** i16x8.avgr_u */
export declare function i16x8_avgr_u(a: V128, b: V128): V128;
/** i16x8.extmul_low_i8x16_s */
export declare function i16x8_extmul_low_i8x16_s(a: V128, b: V128): V128;
/** i16x8.extmul_high_i8x16_s */
export declare function i16x8_extmul_high_i8x16_s(a: V128, b: V128): V128;
/** i16x8.extmul_low_i8x16_u */
export declare function i16x8_extmul_low_i8x16_u(a: V128, b: V128): V128;
/** i16x8.extmul_high_i8x16_u */
export declare function i16x8_extmul_high_i8x16_u(a: V128, b: V128): V128;
/**
 * i16x8.relaxed_dot_i8x16_i7x16_s, deterministic: both operands signed, each pair sum
 * saturated to i16.
 */
export declare function i16x8_relaxed_dot_i8x16_i7x16_s(a: V128, b: V128): V128;
/**
 * i32x4.relaxed_dot_i8x16_i7x16_add_s, deterministic: the i16 pair sums of
 * `i16x8.relaxed_dot_i8x16_i7x16_s` added pairwise (as i32) to c.
 */
export declare function i32x4_relaxed_dot_i8x16_i7x16_add_s(a: V128, b: V128, c: V128): V128;
//# sourceMappingURL=simd-i8i16.d.ts.map