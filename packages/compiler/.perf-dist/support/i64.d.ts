/** i64.add */
export declare function i64_add(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.sub */
export declare function i64_sub(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.mul: 32-bit limb products, the high half of the low product from 16-bit limbs. */
export declare function i64_mul(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.and */
export declare function i64_and(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.or */
export declare function i64_or(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.xor */
export declare function i64_xor(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.div_s (traps on zero divisor and on INT64_MIN / -1). */
export declare function i64_div_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.div_u (traps on zero divisor). */
export declare function i64_div_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.rem_s (traps on zero divisor; INT64_MIN rem -1 is 0). */
export declare function i64_rem_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.rem_u (traps on zero divisor). */
export declare function i64_rem_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.clz */
export declare function i64_clz(lo: number, hi: number): number;
/** i64.ctz */
export declare function i64_ctz(lo: number, hi: number): number;
/** i64.popcnt */
export declare function i64_popcnt(lo: number, hi: number): number;
/** i64.shl (count taken mod 64 from the low half of b). */
export declare function i64_shl(alo: number, ahi: number, blo: number, _bhi: number): number;
/** i64.shr_s */
export declare function i64_shr_s(alo: number, ahi: number, blo: number, _bhi: number): number;
/** i64.shr_u */
export declare function i64_shr_u(alo: number, ahi: number, blo: number, _bhi: number): number;
/** i64.rotl */
export declare function i64_rotl(alo: number, ahi: number, blo: number, _bhi: number): number;
/** i64.rotr */
export declare function i64_rotr(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.eqz */
export declare function i64_eqz(lo: number, hi: number): number;
/** i64.eq */
export declare function i64_eq(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.ne */
export declare function i64_ne(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.lt_s */
export declare function i64_lt_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.lt_u */
export declare function i64_lt_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.gt_s */
export declare function i64_gt_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.gt_u */
export declare function i64_gt_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.le_s */
export declare function i64_le_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.le_u */
export declare function i64_le_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.ge_s */
export declare function i64_ge_s(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.ge_u */
export declare function i64_ge_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i32.wrap_i64 */
export declare function i32_wrap_i64(lo: number, _hi: number): number;
/** i64.extend_i32_s */
export declare function i64_extend_i32_s(a: number): number;
/** i64.extend_i32_u */
export declare function i64_extend_i32_u(a: number): number;
/** i64.extend8_s */
export declare function i64_extend8_s(lo: number, _hi: number): number;
/** i64.extend16_s */
export declare function i64_extend16_s(lo: number, _hi: number): number;
/** i64.extend32_s */
export declare function i64_extend32_s(lo: number, _hi: number): number;
/**
 * i64.add128: (a_lo, a_hi) + (b_lo, b_hi) as 128-bit values; each i64 operand is a pair.
 * Returns res_lo.lo; HI[0] = res_lo.hi, HI[1] = res_hi.lo, HI[2] = res_hi.hi.
 */
export declare function i64_add128(a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number): number;
/** i64.sub128: 128-bit subtraction; results as for `i64_add128`. */
export declare function i64_sub128(a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number): number;
/** i64.mul_wide_u: the 128-bit product of two unsigned i64; results as for `i64_add128`. */
export declare function i64_mul_wide_u(alo: number, ahi: number, blo: number, bhi: number): number;
/** i64.mul_wide_s: the 128-bit product of two signed i64; results as for `i64_add128`. */
export declare function i64_mul_wide_s(alo: number, ahi: number, blo: number, bhi: number): number;
//# sourceMappingURL=i64.d.ts.map