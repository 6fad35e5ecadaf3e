/**
 * i8x16 and i16x8 operators. Word-parallel (SWAR) where it is short, else lane loops over the
 * scratch buffer (A at lanes 0.., B after it, the result R at bytes 48..63).
 * @module
 */
import { S16, S32, S8, SU16, SU8, V128, putA, putB, takeR, withWord, word } from './v128.js';
const H8 = 0x80808080 | 0;
const L8 = 0x7f7f7f7f;
const H16 = 0x80008000 | 0;
const L16 = 0x7fff7fff;
function sat8s(x) {
    return x > 127 ? 127 : x < -128 ? -128 : x;
}
function sat8u(x) {
    return x > 255 ? 255 : x < 0 ? 0 : x;
}
function sat16s(x) {
    return x > 32767 ? 32767 : x < -32768 ? -32768 : x;
}
function sat16u(x) {
    return x > 65535 ? 65535 : x < 0 ? 0 : x;
}
// ---- i8x16 -----------------------------------------------------------------------------------
/** i8x16.splat */
export function i8x16_splat(x) {
    const w = Math.imul(x & 0xff, 0x01010101);
    return new V128(w, w, w, w);
}
/** i8x16.extract_lane_s (lane 0..15) */
export function i8x16_extract_lane_s(v, lane) {
    return (word(v, lane >> 2) << (24 - 8 * (lane & 3))) >> 24;
}
/** i8x16.extract_lane_u */
export function i8x16_extract_lane_u(v, lane) {
    return (word(v, lane >> 2) >>> (8 * (lane & 3))) & 0xff;
}
/** i8x16.replace_lane */
export function i8x16_replace_lane(v, x, lane) {
    const sh = 8 * (lane & 3);
    const i = lane >> 2;
    return withWord(v, i, (word(v, i) & ~(0xff << sh)) | ((x & 0xff) << sh));
}
/** i8x16.eq */
export function i8x16_eq(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] === S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.ne */
export function i8x16_ne(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] !== S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.lt_s */
export function i8x16_lt_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] < S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.lt_u */
export function i8x16_lt_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = SU8[i] < SU8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.gt_s */
export function i8x16_gt_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] > S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.gt_u */
export function i8x16_gt_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = SU8[i] > SU8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.le_s */
export function i8x16_le_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] <= S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.le_u */
export function i8x16_le_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = SU8[i] <= SU8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.ge_s */
export function i8x16_ge_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] >= S8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.ge_u */
export function i8x16_ge_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = SU8[i] >= SU8[16 + i] ? -1 : 0;
    return takeR();
}
/** i8x16.abs (-128 stays -128) */
export function i8x16_abs(a) {
    putA(a);
    for (let i = 0; i < 16; i++) {
        const x = S8[i];
        S8[48 + i] = x < 0 ? -x : x;
    }
    return takeR();
}
/** i8x16.neg */
export function i8x16_neg(a) {
    putA(a);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = -S8[i];
    return takeR();
}
function popcnt8w(x) {
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (x + (x >>> 4)) & 0x0f0f0f0f;
}
/** i8x16.popcnt */
export function i8x16_popcnt(a) {
    return new V128(popcnt8w(a.w0), popcnt8w(a.w1), popcnt8w(a.w2), popcnt8w(a.w3));
}
function hasZeroByte(w) {
    return ((w - 0x01010101) & ~w & H8) !== 0;
}
/** i8x16.all_true */
export function i8x16_all_true(a) {
    return hasZeroByte(a.w0) || hasZeroByte(a.w1) || hasZeroByte(a.w2) || hasZeroByte(a.w3) ? 0 : 1;
}
/** i8x16.bitmask */
export function i8x16_bitmask(a) {
    putA(a);
    let m = 0;
    for (let i = 0; i < 16; i++)
        if (S8[i] < 0)
            m |= 1 << i;
    return m;
}
/** i8x16.narrow_i16x8_s */
export function i8x16_narrow_i16x8_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = sat8s(S16[i]);
    return takeR();
}
/** i8x16.narrow_i16x8_u */
export function i8x16_narrow_i16x8_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = sat8u(S16[i]);
    return takeR();
}
/** i8x16.shl (count mod 8) */
export function i8x16_shl(a, n) {
    n &= 7;
    const m = Math.imul((0xff << n) & 0xff, 0x01010101);
    return new V128((a.w0 << n) & m, (a.w1 << n) & m, (a.w2 << n) & m, (a.w3 << n) & m);
}
/** i8x16.shr_u (count mod 8) */
export function i8x16_shr_u(a, n) {
    n &= 7;
    const m = Math.imul(0xff >>> n, 0x01010101);
    return new V128((a.w0 >>> n) & m, (a.w1 >>> n) & m, (a.w2 >>> n) & m, (a.w3 >>> n) & m);
}
/** i8x16.shr_s (count mod 8) */
export function i8x16_shr_s(a, n) {
    n &= 7;
    putA(a);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = S8[i] >> n;
    return takeR();
}
function add8(a, b) {
    return ((a & L8) + (b & L8)) ^ ((a ^ b) & H8);
}
function sub8(a, b) {
    return ((a | H8) - (b & L8)) ^ ((a ^ ~b) & H8);
}
/** i8x16.add */
export function i8x16_add(a, b) {
    return new V128(add8(a.w0, b.w0), add8(a.w1, b.w1), add8(a.w2, b.w2), add8(a.w3, b.w3));
}
/** i8x16.sub */
export function i8x16_sub(a, b) {
    return new V128(sub8(a.w0, b.w0), sub8(a.w1, b.w1), sub8(a.w2, b.w2), sub8(a.w3, b.w3));
}
/** i8x16.add_sat_s */
export function i8x16_add_sat_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = sat8s(S8[i] + S8[16 + i]);
    return takeR();
}
/** i8x16.add_sat_u */
export function i8x16_add_sat_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = sat8u(SU8[i] + SU8[16 + i]);
    return takeR();
}
/** i8x16.sub_sat_s */
export function i8x16_sub_sat_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = sat8s(S8[i] - S8[16 + i]);
    return takeR();
}
/** i8x16.sub_sat_u */
export function i8x16_sub_sat_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = sat8u(SU8[i] - SU8[16 + i]);
    return takeR();
}
/** i8x16.min_s */
export function i8x16_min_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = Math.min(S8[i], S8[16 + i]);
    return takeR();
}
/** i8x16.min_u */
export function i8x16_min_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = Math.min(SU8[i], SU8[16 + i]);
    return takeR();
}
/** i8x16.max_s */
export function i8x16_max_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        S8[48 + i] = Math.max(S8[i], S8[16 + i]);
    return takeR();
}
/** i8x16.max_u */
export function i8x16_max_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = Math.max(SU8[i], SU8[16 + i]);
    return takeR();
}
/** i8x16.avgr_u: (a + b + 1) >> 1, unsigned */
export function i8x16_avgr_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 16; i++)
        SU8[48 + i] = (SU8[i] + SU8[16 + i] + 1) >> 1;
    return takeR();
}
// ---- i16x8 -----------------------------------------------------------------------------------
/** i16x8.splat */
export function i16x8_splat(x) {
    const w = Math.imul(x & 0xffff, 0x10001);
    return new V128(w, w, w, w);
}
/** i16x8.extract_lane_s (lane 0..7) */
export function i16x8_extract_lane_s(v, lane) {
    return (word(v, lane >> 1) << (16 - 16 * (lane & 1))) >> 16;
}
/** i16x8.extract_lane_u */
export function i16x8_extract_lane_u(v, lane) {
    return (word(v, lane >> 1) >>> (16 * (lane & 1))) & 0xffff;
}
/** i16x8.replace_lane */
export function i16x8_replace_lane(v, x, lane) {
    const sh = 16 * (lane & 1);
    const i = lane >> 1;
    return withWord(v, i, (word(v, i) & ~(0xffff << sh)) | ((x & 0xffff) << sh));
}
/** i16x8.eq */
export function i16x8_eq(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] === S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.ne */
export function i16x8_ne(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] !== S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.lt_s */
export function i16x8_lt_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] < S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.lt_u */
export function i16x8_lt_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU16[i] < SU16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.gt_s */
export function i16x8_gt_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] > S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.gt_u */
export function i16x8_gt_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU16[i] > SU16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.le_s */
export function i16x8_le_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] <= S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.le_u */
export function i16x8_le_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU16[i] <= SU16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.ge_s */
export function i16x8_ge_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] >= S16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.ge_u */
export function i16x8_ge_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU16[i] >= SU16[8 + i] ? -1 : 0;
    return takeR();
}
/** i16x8.extadd_pairwise_i8x16_s */
export function i16x8_extadd_pairwise_i8x16_s(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S8[2 * i] + S8[2 * i + 1];
    return takeR();
}
/** i16x8.extadd_pairwise_i8x16_u */
export function i16x8_extadd_pairwise_i8x16_u(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU8[2 * i] + SU8[2 * i + 1];
    return takeR();
}
/** i16x8.abs */
export function i16x8_abs(a) {
    putA(a);
    for (let i = 0; i < 8; i++) {
        const x = S16[i];
        S16[24 + i] = x < 0 ? -x : x;
    }
    return takeR();
}
/** i16x8.neg */
export function i16x8_neg(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = -S16[i];
    return takeR();
}
/** i16x8.q15mulr_sat_s: saturate((a * b + 0x4000) >> 15) */
export function i16x8_q15mulr_sat_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = sat16s((S16[i] * S16[8 + i] + 0x4000) >> 15);
    return takeR();
}
/** i16x8.relaxed_q15mulr_s: deterministic, as `i16x8.q15mulr_sat_s`. */
export const i16x8_relaxed_q15mulr_s = i16x8_q15mulr_sat_s;
function hasZeroHalf(w) {
    return (w & 0xffff) === 0 || (w >>> 16) === 0;
}
/** i16x8.all_true */
export function i16x8_all_true(a) {
    return hasZeroHalf(a.w0) || hasZeroHalf(a.w1) || hasZeroHalf(a.w2) || hasZeroHalf(a.w3) ? 0 : 1;
}
/** i16x8.bitmask */
export function i16x8_bitmask(a) {
    return (((a.w0 >>> 15) & 1) | ((a.w0 >>> 30) & 2) |
        ((a.w1 >>> 13) & 4) | ((a.w1 >>> 28) & 8) |
        ((a.w2 >>> 11) & 16) | ((a.w2 >>> 26) & 32) |
        ((a.w3 >>> 9) & 64) | ((a.w3 >>> 24) & 128));
}
/** i16x8.narrow_i32x4_s */
export function i16x8_narrow_i32x4_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = sat16s(S32[i]);
    return takeR();
}
/** i16x8.narrow_i32x4_u */
export function i16x8_narrow_i32x4_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = sat16u(S32[i]);
    return takeR();
}
/** i16x8.extend_low_i8x16_s */
export function i16x8_extend_low_i8x16_s(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S8[i];
    return takeR();
}
/** i16x8.extend_high_i8x16_s */
export function i16x8_extend_high_i8x16_s(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S8[8 + i];
    return takeR();
}
/** i16x8.extend_low_i8x16_u */
export function i16x8_extend_low_i8x16_u(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU8[i];
    return takeR();
}
/** i16x8.extend_high_i8x16_u */
export function i16x8_extend_high_i8x16_u(a) {
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = SU8[8 + i];
    return takeR();
}
/** i16x8.shl (count mod 16) */
export function i16x8_shl(a, n) {
    n &= 15;
    const m = Math.imul((0xffff << n) & 0xffff, 0x10001);
    return new V128((a.w0 << n) & m, (a.w1 << n) & m, (a.w2 << n) & m, (a.w3 << n) & m);
}
/** i16x8.shr_u (count mod 16) */
export function i16x8_shr_u(a, n) {
    n &= 15;
    const m = Math.imul(0xffff >>> n, 0x10001);
    return new V128((a.w0 >>> n) & m, (a.w1 >>> n) & m, (a.w2 >>> n) & m, (a.w3 >>> n) & m);
}
/** i16x8.shr_s (count mod 16) */
export function i16x8_shr_s(a, n) {
    n &= 15;
    putA(a);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S16[i] >> n;
    return takeR();
}
function add16(a, b) {
    return ((a & L16) + (b & L16)) ^ ((a ^ b) & H16);
}
function sub16(a, b) {
    return ((a | H16) - (b & L16)) ^ ((a ^ ~b) & H16);
}
/** i16x8.add */
export function i16x8_add(a, b) {
    return new V128(add16(a.w0, b.w0), add16(a.w1, b.w1), add16(a.w2, b.w2), add16(a.w3, b.w3));
}
/** i16x8.sub */
export function i16x8_sub(a, b) {
    return new V128(sub16(a.w0, b.w0), sub16(a.w1, b.w1), sub16(a.w2, b.w2), sub16(a.w3, b.w3));
}
/** i16x8.add_sat_s */
export function i16x8_add_sat_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = sat16s(S16[i] + S16[8 + i]);
    return takeR();
}
/** i16x8.add_sat_u */
export function i16x8_add_sat_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = sat16u(SU16[i] + SU16[8 + i]);
    return takeR();
}
/** i16x8.sub_sat_s */
export function i16x8_sub_sat_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = sat16s(S16[i] - S16[8 + i]);
    return takeR();
}
/** i16x8.sub_sat_u */
export function i16x8_sub_sat_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = sat16u(SU16[i] - SU16[8 + i]);
    return takeR();
}
/** i16x8.mul */
export function i16x8_mul(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = Math.imul(S16[i], S16[8 + i]);
    return takeR();
}
/** i16x8.min_s */
export function i16x8_min_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = Math.min(S16[i], S16[8 + i]);
    return takeR();
}
/** i16x8.min_u */
export function i16x8_min_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = Math.min(SU16[i], SU16[8 + i]);
    return takeR();
}
/** i16x8.max_s */
export function i16x8_max_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = Math.max(S16[i], S16[8 + i]);
    return takeR();
}
/** i16x8.max_u */
export function i16x8_max_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = Math.max(SU16[i], SU16[8 + i]);
    return takeR();
}
/** i16x8.avgr_u */
export function i16x8_avgr_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = (SU16[i] + SU16[8 + i] + 1) >> 1;
    return takeR();
}
/** i16x8.extmul_low_i8x16_s */
export function i16x8_extmul_low_i8x16_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S8[i] * S8[16 + i];
    return takeR();
}
/** i16x8.extmul_high_i8x16_s */
export function i16x8_extmul_high_i8x16_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        S16[24 + i] = S8[8 + i] * S8[24 + i];
    return takeR();
}
/** i16x8.extmul_low_i8x16_u */
export function i16x8_extmul_low_i8x16_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = SU8[i] * SU8[16 + i];
    return takeR();
}
/** i16x8.extmul_high_i8x16_u */
export function i16x8_extmul_high_i8x16_u(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++)
        SU16[24 + i] = SU8[8 + i] * SU8[24 + i];
    return takeR();
}
/**
 * i16x8.relaxed_dot_i8x16_i7x16_s, deterministic: both operands signed, each pair sum
 * saturated to i16.
 */
export function i16x8_relaxed_dot_i8x16_i7x16_s(a, b) {
    putA(a);
    putB(b);
    for (let i = 0; i < 8; i++) {
        const j = 2 * i;
        S16[24 + i] = sat16s(S8[j] * S8[16 + j] + S8[j + 1] * S8[17 + j]);
    }
    return takeR();
}
/**
 * i32x4.relaxed_dot_i8x16_i7x16_add_s, deterministic: the i16 pair sums of
 * `i16x8.relaxed_dot_i8x16_i7x16_s` added pairwise (as i32) to c.
 */
export function i32x4_relaxed_dot_i8x16_i7x16_add_s(a, b, c) {
    const d = i16x8_relaxed_dot_i8x16_i7x16_s(a, b);
    putA(d);
    const w = (i, cw) => (S16[2 * i] + S16[2 * i + 1] + cw) | 0;
    return new V128(w(0, c.w0), w(1, c.w1), w(2, c.w2), w(3, c.w3));
}
//# sourceMappingURL=simd-i8i16.js.map