/**
 * v128.const, shuffles, swizzles and the bitwise v128 operators.
 * @module
 */
import { SU8, V128, putA, putB, takeR } from './v128.js';
/** v128.const: a constant from its four int32 words (the compiler hoists these). */
export function v128_const(w0, w1, w2, w3) {
    return new V128(w0, w1, w2, w3);
}
/** i8x16.shuffle: byte i of the result is byte lanes[i] of the concatenation a ++ b. */
export function i8x16_shuffle(a, b, s) {
    putA(a);
    putB(b);
    const l = s.lanes;
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = SU8[l[i]];
    return takeR();
}
/** i8x16.swizzle: byte i is a[b[i]], or 0 when b[i] >= 16. */
export function i8x16_swizzle(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++) {
        const j = SU8[16 + i];
        SU8[48 + i] = j < 16 ? SU8[j] : 0;
    }
    return takeR();
}
/** i8x16.relaxed_swizzle: deterministic, as `i8x16.swizzle`. */
export const i8x16_relaxed_swizzle = i8x16_swizzle;
// ---- bitwise ---------------------------------------------------------------------------------
/** v128.not */
export function v128_not(a) {
    return new V128(~a.w0, ~a.w1, ~a.w2, ~a.w3);
}
/** v128.and */
export function v128_and(a, b) {
    return new V128(a.w0 & b.w0, a.w1 & b.w1, a.w2 & b.w2, a.w3 & b.w3);
}
/** v128.andnot: a & ~b. */
export function v128_andnot(a, b) {
    return new V128(a.w0 & ~b.w0, a.w1 & ~b.w1, a.w2 & ~b.w2, a.w3 & ~b.w3);
}
/** v128.or */
export function v128_or(a, b) {
    return new V128(a.w0 | b.w0, a.w1 | b.w1, a.w2 | b.w2, a.w3 | b.w3);
}
/** v128.xor */
export function v128_xor(a, b) {
    return new V128(a.w0 ^ b.w0, a.w1 ^ b.w1, a.w2 ^ b.w2, a.w3 ^ b.w3);
}
/** v128.bitselect: bits of a where c is 1, of b where c is 0. */
export function v128_bitselect(a, b, c) {
    return new V128((a.w0 & c.w0) | (b.w0 & ~c.w0), (a.w1 & c.w1) | (b.w1 & ~c.w1), (a.w2 & c.w2) | (b.w2 & ~c.w2), (a.w3 & c.w3) | (b.w3 & ~c.w3));
}
/** v128.any_true */
export function v128_any_true(a) {
    return (a.w0 | a.w1 | a.w2 | a.w3) !== 0 ? 1 : 0;
}
/** i8x16.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export const i8x16_relaxed_laneselect = v128_bitselect;
/** i16x8.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export const i16x8_relaxed_laneselect = v128_bitselect;
/** i32x4.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export const i32x4_relaxed_laneselect = v128_bitselect;
/** i64x2.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export const i64x2_relaxed_laneselect = v128_bitselect;
//# sourceMappingURL=simd-bitwise.js.map