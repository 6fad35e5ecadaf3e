/**
 * i32 operators on int32 numbers. Most are one JS expression the compiler should inline; the
 * helpers exist so every operator has one, and for the trapping ones.
 * @module
 */
import { trap, TrapCode } from '../trap.js';
import { ctz32, popcnt32 } from './arith.js';
/** i32.eqz */
export function i32_eqz(a) {
    return a === 0 ? 1 : 0;
}
/** i32.eq */
export function i32_eq(a, b) {
    return a === b ? 1 : 0;
}
/** i32.ne */
export function i32_ne(a, b) {
    return a !== b ? 1 : 0;
}
/** i32.lt_s */
export function i32_lt_s(a, b) {
    return a < b ? 1 : 0;
}
/** i32.lt_u */
export function i32_lt_u(a, b) {
    return a >>> 0 < b >>> 0 ? 1 : 0;
}
/** i32.gt_s */
export function i32_gt_s(a, b) {
    return a > b ? 1 : 0;
}
/** i32.gt_u */
export function i32_gt_u(a, b) {
    return a >>> 0 > b >>> 0 ? 1 : 0;
}
/** i32.le_s */
export function i32_le_s(a, b) {
    return a <= b ? 1 : 0;
}
/** i32.le_u */
export function i32_le_u(a, b) {
    return a >>> 0 <= b >>> 0 ? 1 : 0;
}
/** i32.ge_s */
export function i32_ge_s(a, b) {
    return a >= b ? 1 : 0;
}
/** i32.ge_u */
export function i32_ge_u(a, b) {
    return a >>> 0 >= b >>> 0 ? 1 : 0;
}
/** i32.clz */
export function i32_clz(a) {
    return Math.clz32(a);
}
/** i32.ctz */
export function i32_ctz(a) {
    return ctz32(a);
}
/** i32.popcnt */
export function i32_popcnt(a) {
    return popcnt32(a);
}
/** i32.add */
export function i32_add(a, b) {
    return (a + b) | 0;
}
/** i32.sub */
export function i32_sub(a, b) {
    return (a - b) | 0;
}
/** i32.mul */
export function i32_mul(a, b) {
    return Math.imul(a, b);
}
/** i32.div_s (traps on zero divisor and on INT32_MIN / -1). */
export function i32_div_s(a, b) {
    if (b === 0)
        trap(TrapCode.IntegerDivideByZero);
    if (a === -0x80000000 && b === -1)
        trap(TrapCode.IntegerOverflow);
    return (a / b) | 0;
}
/** i32.div_u (traps on zero divisor). */
export function i32_div_u(a, b) {
    if (b === 0)
        trap(TrapCode.IntegerDivideByZero);
    return ((a >>> 0) / (b >>> 0)) | 0;
}
/** i32.rem_s (traps on zero divisor; INT32_MIN rem -1 is 0). */
export function i32_rem_s(a, b) {
    if (b === 0)
        trap(TrapCode.IntegerDivideByZero);
    return (a % b) | 0;
}
/** i32.rem_u (traps on zero divisor). */
export function i32_rem_u(a, b) {
    if (b === 0)
        trap(TrapCode.IntegerDivideByZero);
    return ((a >>> 0) % (b >>> 0)) | 0;
}
/** i32.and */
export function i32_and(a, b) {
    return a & b;
}
/** i32.or */
export function i32_or(a, b) {
    return a | b;
}
/** i32.xor */
export function i32_xor(a, b) {
    return a ^ b;
}
/** i32.shl */
export function i32_shl(a, b) {
    return a << b;
}
/** i32.shr_s */
export function i32_shr_s(a, b) {
    return a >> b;
}
/** i32.shr_u */
export function i32_shr_u(a, b) {
    return (a >>> b) | 0;
}
/** i32.rotl */
export function i32_rotl(a, b) {
    return (a << b) | (a >>> (32 - (b & 31)));
}
/** i32.rotr */
export function i32_rotr(a, b) {
    return (a >>> b) | (a << (32 - (b & 31)));
}
/** i32.extend8_s */
export function i32_extend8_s(a) {
    return (a << 24) >> 24;
}
/** i32.extend16_s */
export function i32_extend16_s(a) {
    return (a << 16) >> 16;
}
//# sourceMappingURL=i32.js.map