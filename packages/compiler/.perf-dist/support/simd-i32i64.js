/**
 * i32x4 and i64x2 operators (word-wise on the V128 fields; i64 lanes are (w0, w1) and (w2, w3)).
 * @module
 */
import { HI } from './bits.js';
import { umulh32 } from './arith.js';
import { i64_mul } from './i64.js';
import { V128, word, withWord } from './v128.js';
// ---- i32x4 -----------------------------------------------------------------------------------
/** i32x4.splat */
export function i32x4_splat(x) {
    return new V128(x, x, x, x);
}
/** i32x4.extract_lane (lane 0..3) */
export function i32x4_extract_lane(v, lane) {
    return word(v, lane);
}
/** i32x4.replace_lane */
export function i32x4_replace_lane(v, x, lane) {
    return withWord(v, lane, x);
}
const m = (c) => (c ? -1 : 0);
/** i32x4.eq */
export function i32x4_eq(a, b) {
    return new V128(m(a.w0 === b.w0), m(a.w1 === b.w1), m(a.w2 === b.w2), m(a.w3 === b.w3));
}
/** i32x4.ne */
export function i32x4_ne(a, b) {
    return new V128(m(a.w0 !== b.w0), m(a.w1 !== b.w1), m(a.w2 !== b.w2), m(a.w3 !== b.w3));
}
/** i32x4.lt_s */
export function i32x4_lt_s(a, b) {
    return new V128(m(a.w0 < b.w0), m(a.w1 < b.w1), m(a.w2 < b.w2), m(a.w3 < b.w3));
}
/** i32x4.lt_u */
export function i32x4_lt_u(a, b) {
    return new V128(m(a.w0 >>> 0 < b.w0 >>> 0), m(a.w1 >>> 0 < b.w1 >>> 0), m(a.w2 >>> 0 < b.w2 >>> 0), m(a.w3 >>> 0 < b.w3 >>> 0));
}
/** i32x4.gt_s */
export function i32x4_gt_s(a, b) {
    return i32x4_lt_s(b, a);
}
/** i32x4.gt_u */
export function i32x4_gt_u(a, b) {
    return i32x4_lt_u(b, a);
}
/** i32x4.le_s */
export function i32x4_le_s(a, b) {
    return new V128(m(a.w0 <= b.w0), m(a.w1 <= b.w1), m(a.w2 <= b.w2), m(a.w3 <= b.w3));
}
/** i32x4.le_u */
export function i32x4_le_u(a, b) {
    return new V128(m(a.w0 >>> 0 <= b.w0 >>> 0), m(a.w1 >>> 0 <= b.w1 >>> 0), m(a.w2 >>> 0 <= b.w2 >>> 0), m(a.w3 >>> 0 <= b.w3 >>> 0));
}
/** i32x4.ge_s */
export function i32x4_ge_s(a, b) {
    return i32x4_le_s(b, a);
}
/** i32x4.ge_u */
export function i32x4_ge_u(a, b) {
    return i32x4_le_u(b, a);
}
/** i32x4.extadd_pairwise_i16x8_s */
export function i32x4_extadd_pairwise_i16x8_s(a) {
    const f = (w) => (w >> 16) + ((w << 16) >> 16);
    return new V128(f(a.w0), f(a.w1), f(a.w2), f(a.w3));
}
/** i32x4.extadd_pairwise_i16x8_u */
export function i32x4_extadd_pairwise_i16x8_u(a) {
    const f = (w) => (w >>> 16) + (w & 0xffff);
    return new V128(f(a.w0), f(a.w1), f(a.w2), f(a.w3));
}
const abs32 = (x) => (x < 0 ? -x | 0 : x);
/** i32x4.abs */
export function i32x4_abs(a) {
    return new V128(abs32(a.w0), abs32(a.w1), abs32(a.w2), abs32(a.w3));
}
/** i32x4.neg */
export function i32x4_neg(a) {
    return new V128(-a.w0, -a.w1, -a.w2, -a.w3);
}
/** i32x4.all_true */
export function i32x4_all_true(a) {
    return a.w0 !== 0 && a.w1 !== 0 && a.w2 !== 0 && a.w3 !== 0 ? 1 : 0;
}
/** i32x4.bitmask */
export function i32x4_bitmask(a) {
    return (a.w0 >>> 31) | ((a.w1 >>> 31) << 1) | ((a.w2 >>> 31) << 2) | ((a.w3 >>> 31) << 3);
}
/** i32x4.extend_low_i16x8_s */
export function i32x4_extend_low_i16x8_s(a) {
    return new V128((a.w0 << 16) >> 16, a.w0 >> 16, (a.w1 << 16) >> 16, a.w1 >> 16);
}
/** i32x4.extend_high_i16x8_s */
export function i32x4_extend_high_i16x8_s(a) {
    return new V128((a.w2 << 16) >> 16, a.w2 >> 16, (a.w3 << 16) >> 16, a.w3 >> 16);
}
/** i32x4.extend_low_i16x8_u */
export function i32x4_extend_low_i16x8_u(a) {
    return new V128(a.w0 & 0xffff, a.w0 >>> 16, a.w1 & 0xffff, a.w1 >>> 16);
}
/** i32x4.extend_high_i16x8_u */
export function i32x4_extend_high_i16x8_u(a) {
    return new V128(a.w2 & 0xffff, a.w2 >>> 16, a.w3 & 0xffff, a.w3 >>> 16);
}
/** i32x4.shl (count mod 32) */
export function i32x4_shl(a, n) {
    return new V128(a.w0 << n, a.w1 << n, a.w2 << n, a.w3 << n);
}
/** i32x4.shr_s (count mod 32) */
export function i32x4_shr_s(a, n) {
    return new V128(a.w0 >> n, a.w1 >> n, a.w2 >> n, a.w3 >> n);
}
/** i32x4.shr_u (count mod 32) */
export function i32x4_shr_u(a, n) {
    return new V128(a.w0 >>> n, a.w1 >>> n, a.w2 >>> n, a.w3 >>> n);
}
/** i32x4.add */
export function i32x4_add(a, b) {
    return new V128(a.w0 + b.w0, a.w1 + b.w1, a.w2 + b.w2, a.w3 + b.w3);
}
/** i32x4.sub */
export function i32x4_sub(a, b) {
    return new V128(a.w0 - b.w0, a.w1 - b.w1, a.w2 - b.w2, a.w3 - b.w3);
}
/** i32x4.mul */
export function i32x4_mul(a, b) {
    return new V128(Math.imul(a.w0, b.w0), Math.imul(a.w1, b.w1), Math.imul(a.w2, b.w2), Math.imul(a.w3, b.w3));
}
/** i32x4.min_s */
export function i32x4_min_s(a, b) {
    return new V128(Math.min(a.w0, b.w0), Math.min(a.w1, b.w1), Math.min(a.w2, b.w2), Math.min(a.w3, b.w3));
}
/** i32x4.max_s */
export function i32x4_max_s(a, b) {
    return new V128(Math.max(a.w0, b.w0), Math.max(a.w1, b.w1), Math.max(a.w2, b.w2), Math.max(a.w3, b.w3));
}
const minu = (x, y) => (x >>> 0 < y >>> 0 ? x : y);
const maxu = (x, y) => (x >>> 0 > y >>> 0 ? x : y);
/** i32x4.min_u */
export function i32x4_min_u(a, b) {
    return new V128(minu(a.w0, b.w0), minu(a.w1, b.w1), minu(a.w2, b.w2), minu(a.w3, b.w3));
}
/** i32x4.max_u */
export function i32x4_max_u(a, b) {
    return new V128(maxu(a.w0, b.w0), maxu(a.w1, b.w1), maxu(a.w2, b.w2), maxu(a.w3, b.w3));
}
/** i32x4.dot_i16x8_s: pairwise sums of signed 16-bit products (wrapping). */
export function i32x4_dot_i16x8_s(a, b) {
    const f = (x, y) => (Math.imul(x >> 16, y >> 16) + Math.imul((x << 16) >> 16, (y << 16) >> 16)) | 0;
    return new V128(f(a.w0, b.w0), f(a.w1, b.w1), f(a.w2, b.w2), f(a.w3, b.w3));
}
/** i32x4.extmul_low_i16x8_s */
export function i32x4_extmul_low_i16x8_s(a, b) {
    return new V128(Math.imul((a.w0 << 16) >> 16, (b.w0 << 16) >> 16), Math.imul(a.w0 >> 16, b.w0 >> 16), Math.imul((a.w1 << 16) >> 16, (b.w1 << 16) >> 16), Math.imul(a.w1 >> 16, b.w1 >> 16));
}
/** i32x4.extmul_high_i16x8_s */
export function i32x4_extmul_high_i16x8_s(a, b) {
    return new V128(Math.imul((a.w2 << 16) >> 16, (b.w2 << 16) >> 16), Math.imul(a.w2 >> 16, b.w2 >> 16), Math.imul((a.w3 << 16) >> 16, (b.w3 << 16) >> 16), Math.imul(a.w3 >> 16, b.w3 >> 16));
}
/** i32x4.extmul_low_i16x8_u */
export function i32x4_extmul_low_i16x8_u(a, b) {
    return new V128(Math.imul(a.w0 & 0xffff, b.w0 & 0xffff), Math.imul(a.w0 >>> 16, b.w0 >>> 16), Math.imul(a.w1 & 0xffff, b.w1 & 0xffff), Math.imul(a.w1 >>> 16, b.w1 >>> 16));
}
/** i32x4.extmul_high_i16x8_u */
export function i32x4_extmul_high_i16x8_u(a, b) {
    return new V128(Math.imul(a.w2 & 0xffff, b.w2 & 0xffff), Math.imul(a.w2 >>> 16, b.w2 >>> 16), Math.imul(a.w3 & 0xffff, b.w3 & 0xffff), Math.imul(a.w3 >>> 16, b.w3 >>> 16));
}
// ---- i64x2 -----------------------------------------------------------------------------------
/** i64x2.splat (operand as a pair) */
export function i64x2_splat(lo, hi) {
    return new V128(lo, hi, lo, hi);
}
/** i64x2.extract_lane (lane 0..1): returns lo, HI[0] = hi. */
export function i64x2_extract_lane(v, lane) {
    if (lane === 0) {
        HI[0] = v.w1;
        return v.w0;
    }
    HI[0] = v.w3;
    return v.w2;
}
/** i64x2.replace_lane (operand as a pair) */
export function i64x2_replace_lane(v, lo, hi, lane) {
    return lane === 0 ? new V128(lo, hi, v.w2, v.w3) : new V128(v.w0, v.w1, lo, hi);
}
/** i64x2.eq */
export function i64x2_eq(a, b) {
    const x = m(a.w0 === b.w0 && a.w1 === b.w1);
    const y = m(a.w2 === b.w2 && a.w3 === b.w3);
    return new V128(x, x, y, y);
}
/** i64x2.ne */
export function i64x2_ne(a, b) {
    const x = m(a.w0 !== b.w0 || a.w1 !== b.w1);
    const y = m(a.w2 !== b.w2 || a.w3 !== b.w3);
    return new V128(x, x, y, y);
}
const lt64 = (al, ah, bl, bh) => ah < bh || (ah === bh && al >>> 0 < bl >>> 0);
/** i64x2.lt_s */
export function i64x2_lt_s(a, b) {
    const x = m(lt64(a.w0, a.w1, b.w0, b.w1));
    const y = m(lt64(a.w2, a.w3, b.w2, b.w3));
    return new V128(x, x, y, y);
}
/** i64x2.gt_s */
export function i64x2_gt_s(a, b) {
    return i64x2_lt_s(b, a);
}
/** i64x2.le_s */
export function i64x2_le_s(a, b) {
    const x = m(!lt64(b.w0, b.w1, a.w0, a.w1));
    const y = m(!lt64(b.w2, b.w3, a.w2, a.w3));
    return new V128(x, x, y, y);
}
/** i64x2.ge_s */
export function i64x2_ge_s(a, b) {
    return i64x2_le_s(b, a);
}
/** i64x2.abs */
export function i64x2_abs(a) {
    return a.w1 >= 0 && a.w3 >= 0 ? a : i64x2_neg_where(a, a.w1 < 0, a.w3 < 0);
}
function i64x2_neg_where(a, n0, n1) {
    return new V128(n0 ? -a.w0 : a.w0, n0 ? ~a.w1 + (a.w0 === 0 ? 1 : 0) : a.w1, n1 ? -a.w2 : a.w2, n1 ? ~a.w3 + (a.w2 === 0 ? 1 : 0) : a.w3);
}
/** i64x2.neg */
export function i64x2_neg(a) {
    return i64x2_neg_where(a, true, true);
}
/** i64x2.all_true */
export function i64x2_all_true(a) {
    return (a.w0 | a.w1) !== 0 && (a.w2 | a.w3) !== 0 ? 1 : 0;
}
/** i64x2.bitmask */
export function i64x2_bitmask(a) {
    return (a.w1 >>> 31) | ((a.w3 >>> 31) << 1);
}
/** i64x2.extend_low_i32x4_s */
export function i64x2_extend_low_i32x4_s(a) {
    return new V128(a.w0, a.w0 >> 31, a.w1, a.w1 >> 31);
}
/** i64x2.extend_high_i32x4_s */
export function i64x2_extend_high_i32x4_s(a) {
    return new V128(a.w2, a.w2 >> 31, a.w3, a.w3 >> 31);
}
/** i64x2.extend_low_i32x4_u */
export function i64x2_extend_low_i32x4_u(a) {
    return new V128(a.w0, 0, a.w1, 0);
}
/** i64x2.extend_high_i32x4_u */
export function i64x2_extend_high_i32x4_u(a) {
    return new V128(a.w2, 0, a.w3, 0);
}
function shl64(lo, hi, n, out) {
    if (n === 0)
        return out === 0 ? lo : hi;
    if (n < 32)
        return out === 0 ? lo << n : (hi << n) | (lo >>> (32 - n));
    return out === 0 ? 0 : lo << (n - 32);
}
function shr64(lo, hi, n, signed, out) {
    if (n === 0)
        return out === 0 ? lo : hi;
    if (n < 32) {
        if (out === 0)
            return (lo >>> n) | (hi << (32 - n));
        return signed ? hi >> n : hi >>> n;
    }
    if (out === 0)
        return signed ? hi >> (n - 32) : hi >>> (n - 32);
    return signed ? hi >> 31 : 0;
}
/** i64x2.shl (count mod 64) */
export function i64x2_shl(a, n) {
    n &= 63;
    return new V128(shl64(a.w0, a.w1, n, 0), shl64(a.w0, a.w1, n, 1), shl64(a.w2, a.w3, n, 0), shl64(a.w2, a.w3, n, 1));
}
/** i64x2.shr_s (count mod 64) */
export function i64x2_shr_s(a, n) {
    n &= 63;
    return new V128(shr64(a.w0, a.w1, n, true, 0), shr64(a.w0, a.w1, n, true, 1), shr64(a.w2, a.w3, n, true, 0), shr64(a.w2, a.w3, n, true, 1));
}
/** i64x2.shr_u (count mod 64) */
export function i64x2_shr_u(a, n) {
    n &= 63;
    return new V128(shr64(a.w0, a.w1, n, false, 0), shr64(a.w0, a.w1, n, false, 1), shr64(a.w2, a.w3, n, false, 0), shr64(a.w2, a.w3, n, false, 1));
}
/** i64x2.add */
export function i64x2_add(a, b) {
    const l0 = (a.w0 + b.w0) | 0;
    const l1 = (a.w2 + b.w2) | 0;
    return new V128(l0, a.w1 + b.w1 + (l0 >>> 0 < a.w0 >>> 0 ? 1 : 0), l1, a.w3 + b.w3 + (l1 >>> 0 < a.w2 >>> 0 ? 1 : 0));
}
/** i64x2.sub */
export function i64x2_sub(a, b) {
    return new V128(a.w0 - b.w0, a.w1 - b.w1 - (a.w0 >>> 0 < b.w0 >>> 0 ? 1 : 0), a.w2 - b.w2, a.w3 - b.w3 - (a.w2 >>> 0 < b.w2 >>> 0 ? 1 : 0));
}
/** i64x2.mul */
export function i64x2_mul(a, b) {
    const l0 = i64_mul(a.w0, a.w1, b.w0, b.w1);
    const h0 = HI[0];
    const l1 = i64_mul(a.w2, a.w3, b.w2, b.w3);
    return new V128(l0, h0, l1, HI[0]);
}
/** i64x2.extmul_low_i32x4_s */
export function i64x2_extmul_low_i32x4_s(a, b) {
    return extmul2(a.w0, b.w0, a.w1, b.w1, true);
}
/** i64x2.extmul_high_i32x4_s */
export function i64x2_extmul_high_i32x4_s(a, b) {
    return extmul2(a.w2, b.w2, a.w3, b.w3, true);
}
/** i64x2.extmul_low_i32x4_u */
export function i64x2_extmul_low_i32x4_u(a, b) {
    return extmul2(a.w0, b.w0, a.w1, b.w1, false);
}
/** i64x2.extmul_high_i32x4_u */
export function i64x2_extmul_high_i32x4_u(a, b) {
    return extmul2(a.w2, b.w2, a.w3, b.w3, false);
}
function mulhi(x, y, signed) {
    let h = umulh32(x, y);
    if (signed) {
        if (x < 0)
            h = (h - y) | 0;
        if (y < 0)
            h = (h - x) | 0;
    }
    return h;
}
function extmul2(x0, y0, x1, y1, signed) {
    return new V128(Math.imul(x0, y0), mulhi(x0, y0, signed), Math.imul(x1, y1), mulhi(x1, y1, signed));
}
//# sourceMappingURL=simd-i32i64.js.map