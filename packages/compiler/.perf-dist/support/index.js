/**
 * The numeric support library of generated code: one helper per numeric, memory-access and
 * SIMD operator, named after the opcode with '.' -> '_' (`i64.div_s` -> `i64_div_s`), collected
 * in the frozen object `support` and exported one by one.
 *
 * Conventions (generated code relies on exactly these):
 * - i32: int32 numbers (`x | 0` form). Comparisons and tests return 0 or 1.
 * - i64: two int32 arguments (lo, hi) per operand, lo first. An i64 result is returned as its
 *   lo half; the hi half is in `HI[0]`, to be read right after the call (`HI` is an
 *   `Int32Array(4)`). Two i64 results (`i64.add128`, `i64.sub128`, `i64.mul_wide_s/u`): the
 *   call returns lo1 and sets `HI[0]` = hi1, `HI[1]` = lo2, `HI[2]` = hi2.
 * - f64: JS numbers, NaN payloads kept bit-exact (V8 keeps them in locals, arguments, object
 *   fields and typed arrays; it quiets them in plain `Array`s of doubles, so never store
 *   float values in an `Array`).
 * - f32: a JS number holding the f32 value. A NaN f32 is the double NaN with the same sign and
 *   its 23-bit f32 mantissa in the top 23 mantissa bits of the double, zeros below (what a
 *   hardware widening gives for a quiet NaN; the quiet bit is kept as is, so signalling f32
 *   NaNs survive). `f32FromBits`/`f32ToBits` convert between this and the raw bits; use them
 *   for f32 constants that are NaNs (hoist the value; `Math.fround` of a literal is fine for
 *   every other constant). `Math.fround(a op b)` for add/sub/mul/div/sqrt follows the
 *   convention by itself, and a NaN operand yields a quiet NaN, as the spec allows.
 *   Measured on Node 20 / V8 11.3: `Math.ceil/floor/trunc` return a signalling NaN unchanged
 *   in the interpreter tier (the spec wants a quiet one), and `f64.promote_f32` as the
 *   identity keeps it signalling; the helpers guard both (`x === x ? Math.ceil(x) : x + 0`).
 *   `-x`, `Math.abs`, `Math.min/max` (canonical NaN out) and `Math.fround` are fine inline.
 * - v128: an immutable `V128` object of four int32 words `w0..w3` (little-endian byte order,
 *   `w0` = bytes 0..3). f32/f64 lane values move in and out with the same NaN rules.
 * - Traps: helpers throw `Trap` (from `../trap.js`) with `integer divide by zero`,
 *   `integer overflow` or `invalid conversion to integer`.
 * - Memory: `(dv, ea, ...operands, ...lane immediate)` with `dv` the memory's DataView and `ea`
 *   the effective address as a double (unsigned address + offset; may exceed 2^32). Out of
 *   bounds, the DataView's own `RangeError` propagates; the generated code turns it into the
 *   `out of bounds memory access` trap. A trapping store writes nothing.
 * - Immediates trail the operands: lane indexes as numbers, the `i8x16.shuffle` lanes as a
 *   `ShuffleLanes` built once with `shuffleLanes(bytes)`, `v128.const` as four int32 words.
 * - Shift counts are taken modulo the lane width by the helper.
 * - Relaxed SIMD is deterministic: swizzle, trunc, min/max, laneselect, q15mulr as their
 *   non-relaxed counterparts; madd/nmadd unfused (two roundings); the i7 dot products treat
 *   both operands as signed and saturate the i16 pair sums.
 *
 * Speed: bind helpers once (e.g. `const { i64_mul } = support;` or module-scope `let`s) rather
 * than looking them up on `support` in a hot path. Trivial operators (i32 arithmetic, f64
 * arithmetic, comparisons, i64 add/sub/and/or/xor) are best inlined by the compiler; their
 * helpers exist for completeness and as the reference.
 * @module
 */
import { HI } from './bits.js';
import * as ops_i32 from './i32.js';
import * as ops_i64 from './i64.js';
import * as ops_float from './float.js';
import * as ops_convert from './convert.js';
import * as ops_memory from './memory.js';
import * as ops_simd_bitwise from './simd-bitwise.js';
import * as ops_simd_i8i16 from './simd-i8i16.js';
import * as ops_simd_i32i64 from './simd-i32i64.js';
import * as ops_simd_float from './simd-float.js';
import * as ops_simd_mem from './simd-mem.js';
export { HI, f32FromBits, f32ToBits, f64FromBits, f64ToBits, f64ToBitsLo, f64FromBigInt, f64ToBigInt, i64ToBigInt, u64ToBigInt, bigIntToI64, } from './bits.js';
export { V128, V128_ZERO, v128FromBytes, v128ToBytes, shuffleLanes } from './v128.js';
export { i32_eqz, i32_eq, i32_ne, i32_lt_s, i32_lt_u, i32_gt_s, i32_gt_u, i32_le_s, i32_le_u, i32_ge_s, i32_ge_u, i32_clz, i32_ctz, i32_popcnt, i32_add, i32_sub, i32_mul, i32_div_s, i32_div_u, i32_rem_s, i32_rem_u, i32_and, i32_or, i32_xor, i32_shl, i32_shr_s, i32_shr_u, i32_rotl, i32_rotr, i32_extend8_s, i32_extend16_s, } from './i32.js';
export { i64_add, i64_sub, i64_mul, i64_and, i64_or, i64_xor, i64_div_s, i64_div_u, i64_rem_s, i64_rem_u, i64_clz, i64_ctz, i64_popcnt, i64_shl, i64_shr_s, i64_shr_u, i64_rotl, i64_rotr, i64_eqz, i64_eq, i64_ne, i64_lt_s, i64_lt_u, i64_gt_s, i64_gt_u, i64_le_s, i64_le_u, i64_ge_s, i64_ge_u, i32_wrap_i64, i64_extend_i32_s, i64_extend_i32_u, i64_extend8_s, i64_extend16_s, i64_extend32_s, i64_add128, i64_sub128, i64_mul_wide_u, i64_mul_wide_s, } from './i64.js';
export { f32_eq, f32_ne, f32_lt, f32_gt, f32_le, f32_ge, f64_eq, f64_ne, f64_lt, f64_gt, f64_le, f64_ge, f64_abs, f64_neg, f64_copysign, f32_abs, f32_neg, f32_copysign, f64_ceil, f64_floor, f64_trunc, f64_nearest, f64_sqrt, f32_ceil, f32_floor, f32_trunc, f32_nearest, f32_sqrt, f32_add, f32_sub, f32_mul, f32_div, f64_add, f64_sub, f64_mul, f64_div, f64_min, f64_max, f32_min, f32_max, f32_demote_f64, f64_promote_f32, i32_reinterpret_f32, f32_reinterpret_i32, i64_reinterpret_f64, f64_reinterpret_i64, } from './float.js';
export { i32_trunc_f64_s, i32_trunc_f64_u, i32_trunc_f32_s, i32_trunc_f32_u, i32_trunc_sat_f64_s, i32_trunc_sat_f64_u, i32_trunc_sat_f32_s, i32_trunc_sat_f32_u, i64_trunc_f64_s, i64_trunc_f64_u, i64_trunc_f32_s, i64_trunc_f32_u, i64_trunc_sat_f64_s, i64_trunc_sat_f64_u, i64_trunc_sat_f32_s, i64_trunc_sat_f32_u, f32_convert_i32_s, f32_convert_i32_u, f64_convert_i32_s, f64_convert_i32_u, f64_convert_i64_s, f64_convert_i64_u, f32_convert_i64_u, f32_convert_i64_s, } from './convert.js';
export { i32_load, i32_load8_s, i32_load8_u, i32_load16_s, i32_load16_u, i64_load, i64_load8_s, i64_load8_u, i64_load16_s, i64_load16_u, i64_load32_s, i64_load32_u, f32_load, f64_load, i32_store, i32_store8, i32_store16, i64_store, i64_store8, i64_store16, i64_store32, f32_store, f64_store, } from './memory.js';
export { v128_const, i8x16_shuffle, i8x16_swizzle, i8x16_relaxed_swizzle, v128_not, v128_and, v128_andnot, v128_or, v128_xor, v128_bitselect, v128_any_true, i8x16_relaxed_laneselect, i16x8_relaxed_laneselect, i32x4_relaxed_laneselect, i64x2_relaxed_laneselect, } from './simd-bitwise.js';
export { i8x16_splat, i8x16_extract_lane_s, i8x16_extract_lane_u, i8x16_replace_lane, i8x16_eq, i8x16_ne, i8x16_lt_s, i8x16_lt_u, i8x16_gt_s, i8x16_gt_u, i8x16_le_s, i8x16_le_u, i8x16_ge_s, i8x16_ge_u, i8x16_abs, i8x16_neg, i8x16_popcnt, i8x16_all_true, i8x16_bitmask, i8x16_narrow_i16x8_s, i8x16_narrow_i16x8_u, i8x16_shl, i8x16_shr_u, i8x16_shr_s, i8x16_add, i8x16_sub, i8x16_add_sat_s, i8x16_add_sat_u, i8x16_sub_sat_s, i8x16_sub_sat_u, i8x16_min_s, i8x16_min_u, i8x16_max_s, i8x16_max_u, i8x16_avgr_u, i16x8_splat, i16x8_extract_lane_s, i16x8_extract_lane_u, i16x8_replace_lane, i16x8_eq, i16x8_ne, i16x8_lt_s, i16x8_lt_u, i16x8_gt_s, i16x8_gt_u, i16x8_le_s, i16x8_le_u, i16x8_ge_s, i16x8_ge_u, i16x8_extadd_pairwise_i8x16_s, i16x8_extadd_pairwise_i8x16_u, i16x8_abs, i16x8_neg, i16x8_q15mulr_sat_s, i16x8_relaxed_q15mulr_s, i16x8_all_true, i16x8_bitmask, i16x8_narrow_i32x4_s, i16x8_narrow_i32x4_u, i16x8_extend_low_i8x16_s, i16x8_extend_high_i8x16_s, i16x8_extend_low_i8x16_u, i16x8_extend_high_i8x16_u, i16x8_shl, i16x8_shr_u, i16x8_shr_s, i16x8_add, i16x8_sub, i16x8_add_sat_s, i16x8_add_sat_u, i16x8_sub_sat_s, i16x8_sub_sat_u, i16x8_mul, i16x8_min_s, i16x8_min_u, i16x8_max_s, i16x8_max_u, i16x8_avgr_u, i16x8_extmul_low_i8x16_s, i16x8_extmul_high_i8x16_s, i16x8_extmul_low_i8x16_u, i16x8_extmul_high_i8x16_u, i16x8_relaxed_dot_i8x16_i7x16_s, i32x4_relaxed_dot_i8x16_i7x16_add_s, } from './simd-i8i16.js';
export { i32x4_splat, i32x4_extract_lane, i32x4_replace_lane, i32x4_eq, i32x4_ne, i32x4_lt_s, i32x4_lt_u, i32x4_gt_s, i32x4_gt_u, i32x4_le_s, i32x4_le_u, i32x4_ge_s, i32x4_ge_u, i32x4_extadd_pairwise_i16x8_s, i32x4_extadd_pairwise_i16x8_u, i32x4_abs, i32x4_neg, i32x4_all_true, i32x4_bitmask, i32x4_extend_low_i16x8_s, i32x4_extend_high_i16x8_s, i32x4_extend_low_i16x8_u, i32x4_extend_high_i16x8_u, i32x4_shl, i32x4_shr_s, i32x4_shr_u, i32x4_add, i32x4_sub, i32x4_mul, i32x4_min_s, i32x4_max_s, i32x4_min_u, i32x4_max_u, i32x4_dot_i16x8_s, i32x4_extmul_low_i16x8_s, i32x4_extmul_high_i16x8_s, i32x4_extmul_low_i16x8_u, i32x4_extmul_high_i16x8_u, i64x2_splat, i64x2_extract_lane, i64x2_replace_lane, i64x2_eq, i64x2_ne, i64x2_lt_s, i64x2_gt_s, i64x2_le_s, i64x2_ge_s, i64x2_abs, i64x2_neg, i64x2_all_true, i64x2_bitmask, i64x2_extend_low_i32x4_s, i64x2_extend_high_i32x4_s, i64x2_extend_low_i32x4_u, i64x2_extend_high_i32x4_u, i64x2_shl, i64x2_shr_s, i64x2_shr_u, i64x2_add, i64x2_sub, i64x2_mul, i64x2_extmul_low_i32x4_s, i64x2_extmul_high_i32x4_s, i64x2_extmul_low_i32x4_u, i64x2_extmul_high_i32x4_u, } from './simd-i32i64.js';
export { f32x4_splat, f32x4_extract_lane, f32x4_replace_lane, f32x4_eq, f32x4_ne, f32x4_lt, f32x4_gt, f32x4_le, f32x4_ge, f32x4_abs, f32x4_neg, f32x4_sqrt, f32x4_ceil, f32x4_floor, f32x4_trunc, f32x4_nearest, f32x4_add, f32x4_sub, f32x4_mul, f32x4_div, f32x4_min, f32x4_max, f32x4_pmin, f32x4_pmax, f32x4_relaxed_min, f32x4_relaxed_max, f32x4_relaxed_madd, f32x4_relaxed_nmadd, f32x4_convert_i32x4_s, f32x4_convert_i32x4_u, f32x4_demote_f64x2_zero, i32x4_trunc_sat_f32x4_s, i32x4_trunc_sat_f32x4_u, i32x4_trunc_sat_f64x2_s_zero, i32x4_trunc_sat_f64x2_u_zero, i32x4_relaxed_trunc_f32x4_s, i32x4_relaxed_trunc_f32x4_u, i32x4_relaxed_trunc_f64x2_s_zero, i32x4_relaxed_trunc_f64x2_u_zero, f64x2_splat, f64x2_extract_lane, f64x2_replace_lane, f64x2_eq, f64x2_ne, f64x2_lt, f64x2_gt, f64x2_le, f64x2_ge, f64x2_abs, f64x2_neg, f64x2_sqrt, f64x2_ceil, f64x2_floor, f64x2_trunc, f64x2_nearest, f64x2_add, f64x2_sub, f64x2_mul, f64x2_div, f64x2_min, f64x2_max, f64x2_pmin, f64x2_pmax, f64x2_relaxed_min, f64x2_relaxed_max, f64x2_relaxed_madd, f64x2_relaxed_nmadd, f64x2_promote_low_f32x4, f64x2_convert_low_i32x4_s, f64x2_convert_low_i32x4_u, } from './simd-float.js';
export { v128_load, v128_store, v128_load8x8_s, v128_load8x8_u, v128_load16x4_s, v128_load16x4_u, v128_load32x2_s, v128_load32x2_u, v128_load8_splat, v128_load16_splat, v128_load32_splat, v128_load64_splat, v128_load32_zero, v128_load64_zero, v128_load8_lane, v128_load16_lane, v128_load32_lane, v128_load64_lane, v128_store8_lane, v128_store16_lane, v128_store32_lane, v128_store64_lane, } from './simd-mem.js';
export const support = Object.freeze({
    HI,
    ...ops_i32,
    ...ops_i64,
    ...ops_float,
    ...ops_convert,
    ...ops_memory,
    ...ops_simd_bitwise,
    ...ops_simd_i8i16,
    ...ops_simd_i32i64,
    ...ops_simd_float,
    ...ops_simd_mem,
});
//# sourceMappingURL=index.js.map