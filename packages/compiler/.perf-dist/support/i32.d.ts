/** i32.eqz */
export declare function i32_eqz(a: number): number;
/** i32.eq */
export declare function i32_eq(a: number, b: number): number;
/** i32.ne */
export declare function i32_ne(a: number, b: number): number;
/** i32.lt_s */
export declare function i32_lt_s(a: number, b: number): number;
/** i32.lt_u */
export declare function i32_lt_u(a: number, b: number): number;
/** i32.gt_s */
export declare function i32_gt_s(a: number, b: number): number;
/** i32.gt_u */
export declare function i32_gt_u(a: number, b: number): number;
/** i32.le_s */
export declare function i32_le_s(a: number, b: number): number;
/** i32.le_u */
export declare function i32_le_u(a: number, b: number): number;
/** i32.ge_s */
export declare function i32_ge_s(a: number, b: number): number;
/** i32.ge_u */
export declare function i32_ge_u(a: number, b: number): number;
/** i32.clz */
export declare function i32_clz(a: number): number;
/** i32.ctz */
export declare function i32_ctz(a: number): number;
/** i32.popcnt */
export declare function i32_popcnt(a: number): number;
/** i32.add */
export declare function i32_add(a: number, b: number): number;
/** i32.sub */
export declare function i32_sub(a: number, b: number): number;
/** i32.mul */
export declare function i32_mul(a: number, b: number): number;
/** i32.div_s (traps on zero divisor and on INT32_MIN / -1). */
export declare function i32_div_s(a: number, b: number): number;
/** i32.div_u (traps on zero divisor). */
export declare function i32_div_u(a: number, b: number): number;
/** i32.rem_s (traps on zero divisor; INT32_MIN rem -1 is 0). */
export declare function i32_rem_s(a: number, b: number): number;
/** i32.rem_u (traps on zero divisor). */
export declare function i32_rem_u(a: number, b: number): number;
/** i32.and */
export declare function i32_and(a: number, b: number): number;
/** i32.or */
export declare function i32_or(a: number, b: number): number;
/** i32.xor */
export declare function i32_xor(a: number, b: number): number;
/** i32.shl */
export declare function i32_shl(a: number, b: number): number;
/** i32.shr_s */
export declare function i32_shr_s(a: number, b: number): number;
/** i32.shr_u */
export declare function i32_shr_u(a: number, b: number): number;
/** i32.rotl */
export declare function i32_rotl(a: number, b: number): number;
/** i32.rotr */
export declare function i32_rotr(a: number, b: number): number;
/** i32.extend8_s */
export declare function i32_extend8_s(a: number): number;
/** i32.extend16_s */
export declare function i32_extend16_s(a: number): number;
//# sourceMappingURL=i32.d.ts.map