/**
 * i64 operators on int32 pairs. Every operand is two int32 arguments (lo, hi); an i64 result is
 * returned as its lo half with the hi half in `HI[0]`. i32 results are int32 numbers.
 * @module
 */
import { trap, TrapCode } from '../trap.js';
import { ctz32, popcnt32, umulh32 } from './arith.js';
import { HI } from './bits.js';
const P32 = 4294967296;
// ---- arithmetic ----------------------------------------------------------------------------
/** i64.add */
export function i64_add(alo, ahi, blo, bhi) {
    const lo = (alo + blo) | 0;
    HI[0] = (ahi + bhi + ((lo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
    return lo;
}
/** i64.sub */
export function i64_sub(alo, ahi, blo, bhi) {
    HI[0] = (ahi - bhi - ((alo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
    return (alo - blo) | 0;
}
/** i64.mul: 32-bit limb products, the high half of the low product from 16-bit limbs. */
export function i64_mul(alo, ahi, blo, bhi) {
    HI[0] = (Math.imul(alo, bhi) + Math.imul(ahi, blo) + umulh32(alo, blo)) | 0;
    return Math.imul(alo, blo);
}
/** i64.and */
export function i64_and(alo, ahi, blo, bhi) {
    HI[0] = ahi & bhi;
    return alo & blo;
}
/** i64.or */
export function i64_or(alo, ahi, blo, bhi) {
    HI[0] = ahi | bhi;
    return alo | blo;
}
/** i64.xor */
export function i64_xor(alo, ahi, blo, bhi) {
    HI[0] = ahi ^ bhi;
    return alo ^ blo;
}
// ---- division ------------------------------------------------------------------------------
let qLo = 0;
let qHi = 0;
let rLo = 0;
let rHi = 0;
/** Unsigned 64-bit divmod of non-negative doubles below 2^53 into qLo/qHi/rLo/rHi. */
function divmodSmall(a, b) {
    const q = Math.floor(a / b);
    const r = a - q * b;
    qLo = q | 0;
    qHi = (q / P32) | 0;
    rLo = r | 0;
    rHi = (r / P32) | 0;
}
/** Unsigned 64-bit division (b != 0) into qLo/qHi/rLo/rHi. */
function udivmod(alo, ahi, blo, bhi) {
    const ah = ahi >>> 0;
    const al = alo >>> 0;
    const bh = bhi >>> 0;
    const bl = blo >>> 0;
    if (ah < 0x200000 && bh < 0x200000) {
        divmodSmall(ah * P32 + al, bh * P32 + bl);
        return;
    }
    if (bh === 0) {
        // Divisor below 2^32: long division by 32 then two 16-bit digits, each step exact (< 2^48).
        const q1 = Math.floor(ah / bl);
        let r = ah - q1 * bl;
        let x = r * 65536 + (al >>> 16);
        const q2 = Math.floor(x / bl);
        r = x - q2 * bl;
        x = r * 65536 + (al & 0xffff);
        const q3 = Math.floor(x / bl);
        r = x - q3 * bl;
        qHi = q1 | 0;
        qLo = (q2 * 65536 + q3) | 0;
        rLo = r | 0;
        rHi = 0;
        return;
    }
    // Divisor at least 2^32: the quotient is below 2^32. The double estimate is within 1 of it;
    // step 1 below, then correct upwards (at most twice) with exact pair arithmetic.
    let q = Math.floor((ah * P32 + al) / (bh * P32 + bl));
    q = q >= 1 ? q - 1 : 0;
    // p = q * b (fits: q * b <= a)
    const plo = Math.imul(q, bl);
    const phi = (Math.imul(q, bh) + umulh32(q, bl)) | 0;
    let xl = (alo - plo) | 0;
    let xh = (ahi - phi - ((al < plo >>> 0) ? 1 : 0)) | 0;
    while ((xh >>> 0) > bh || ((xh >>> 0) === bh && (xl >>> 0) >= bl)) {
        const nl = (xl - blo) | 0;
        xh = (xh - bhi - ((xl >>> 0) < bl ? 1 : 0)) | 0;
        xl = nl;
        q++;
    }
    qLo = q | 0;
    qHi = 0;
    rLo = xl;
    rHi = xh;
}
/** True when the pair (lo, hi) is a signed value in [-2^53, 2^53) (exact as a double). */
function fits53(hi) {
    return ((hi + 0x200000) >>> 0) < 0x400000;
}
/** i64.div_s (traps on zero divisor and on INT64_MIN / -1). */
export function i64_div_s(alo, ahi, blo, bhi) {
    if ((blo | bhi) === 0)
        trap(TrapCode.IntegerDivideByZero);
    if (ahi === alo >> 31 && bhi === blo >> 31) {
        const q = Math.trunc(alo / blo);
        HI[0] = q < 0 ? -1 : 0;
        return q | 0;
    }
    if (fits53(ahi) && fits53(bhi)) {
        const q = Math.trunc((ahi * P32 + (alo >>> 0)) / (bhi * P32 + (blo >>> 0)));
        HI[0] = Math.floor(q / P32) | 0;
        return q | 0;
    }
    if (ahi === -0x80000000 && alo === 0 && (blo & bhi) === -1)
        trap(TrapCode.IntegerOverflow);
    const an = ahi < 0;
    const bn = bhi < 0;
    udivmod(an ? -alo | 0 : alo, an ? (~ahi + (alo === 0 ? 1 : 0)) | 0 : ahi, bn ? -blo | 0 : blo, bn ? (~bhi + (blo === 0 ? 1 : 0)) | 0 : bhi);
    if (an !== bn) {
        HI[0] = (~qHi + (qLo === 0 ? 1 : 0)) | 0;
        return -qLo | 0;
    }
    HI[0] = qHi;
    return qLo;
}
/** i64.div_u (traps on zero divisor). */
export function i64_div_u(alo, ahi, blo, bhi) {
    if ((blo | bhi) === 0)
        trap(TrapCode.IntegerDivideByZero);
    if ((ahi | bhi) === 0) {
        HI[0] = 0;
        return Math.floor((alo >>> 0) / (blo >>> 0)) | 0;
    }
    udivmod(alo, ahi, blo, bhi);
    HI[0] = qHi;
    return qLo;
}
/** i64.rem_s (traps on zero divisor; INT64_MIN rem -1 is 0). */
export function i64_rem_s(alo, ahi, blo, bhi) {
    if ((blo | bhi) === 0)
        trap(TrapCode.IntegerDivideByZero);
    if (ahi === alo >> 31 && bhi === blo >> 31) {
        const r = alo % blo;
        HI[0] = r < 0 ? -1 : 0;
        return r | 0;
    }
    if (fits53(ahi) && fits53(bhi)) {
        const r = (ahi * P32 + (alo >>> 0)) % (bhi * P32 + (blo >>> 0));
        HI[0] = Math.floor(r / P32) | 0;
        return r | 0;
    }
    const an = ahi < 0;
    const bn = bhi < 0;
    udivmod(an ? -alo | 0 : alo, an ? (~ahi + (alo === 0 ? 1 : 0)) | 0 : ahi, bn ? -blo | 0 : blo, bn ? (~bhi + (blo === 0 ? 1 : 0)) | 0 : bhi);
    if (an) {
        HI[0] = (~rHi + (rLo === 0 ? 1 : 0)) | 0;
        return -rLo | 0;
    }
    HI[0] = rHi;
    return rLo;
}
/** i64.rem_u (traps on zero divisor). */
export function i64_rem_u(alo, ahi, blo, bhi) {
    if ((blo | bhi) === 0)
        trap(TrapCode.IntegerDivideByZero);
    if ((ahi | bhi) === 0) {
        HI[0] = 0;
        return ((alo >>> 0) % (blo >>> 0)) | 0;
    }
    udivmod(alo, ahi, blo, bhi);
    HI[0] = rHi;
    return rLo;
}
// ---- bit counting, shifts, rotates ----------------------------------------------------------
/** i64.clz */
export function i64_clz(lo, hi) {
    HI[0] = 0;
    return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(lo);
}
/** i64.ctz */
export function i64_ctz(lo, hi) {
    HI[0] = 0;
    return lo !== 0 ? ctz32(lo) : 32 + ctz32(hi);
}
/** i64.popcnt */
export function i64_popcnt(lo, hi) {
    HI[0] = 0;
    return popcnt32(lo) + popcnt32(hi);
}
/** i64.shl (count taken mod 64 from the low half of b). */
export function i64_shl(alo, ahi, blo, _bhi) {
    const n = blo & 63;
    if (n === 0) {
        HI[0] = ahi;
        return alo;
    }
    if (n < 32) {
        HI[0] = (ahi << n) | (alo >>> (32 - n));
        return alo << n;
    }
    HI[0] = alo << (n - 32);
    return 0;
}
/** i64.shr_s */
export function i64_shr_s(alo, ahi, blo, _bhi) {
    const n = blo & 63;
    if (n === 0) {
        HI[0] = ahi;
        return alo;
    }
    if (n < 32) {
        HI[0] = ahi >> n;
        return (alo >>> n) | (ahi << (32 - n));
    }
    HI[0] = ahi >> 31;
    return ahi >> (n - 32);
}
/** i64.shr_u */
export function i64_shr_u(alo, ahi, blo, _bhi) {
    const n = blo & 63;
    if (n === 0) {
        HI[0] = ahi;
        return alo;
    }
    if (n < 32) {
        HI[0] = ahi >>> n;
        return (alo >>> n) | (ahi << (32 - n));
    }
    HI[0] = 0;
    return (ahi >>> (n - 32)) | 0;
}
/** i64.rotl */
export function i64_rotl(alo, ahi, blo, _bhi) {
    let n = blo & 63;
    let lo = alo;
    let hi = ahi;
    if (n >= 32) {
        lo = ahi;
        hi = alo;
        n -= 32;
    }
    if (n === 0) {
        HI[0] = hi;
        return lo;
    }
    HI[0] = (hi << n) | (lo >>> (32 - n));
    return (lo << n) | (hi >>> (32 - n));
}
/** i64.rotr */
export function i64_rotr(alo, ahi, blo, bhi) {
    return i64_rotl(alo, ahi, (64 - (blo & 63)) & 63, bhi);
}
// ---- comparisons (i32 results) ---------------------------------------------------------------
/** i64.eqz */
export function i64_eqz(lo, hi) {
    return (lo | hi) === 0 ? 1 : 0;
}
/** i64.eq */
export function i64_eq(alo, ahi, blo, bhi) {
    return alo === blo && ahi === bhi ? 1 : 0;
}
/** i64.ne */
export function i64_ne(alo, ahi, blo, bhi) {
    return alo !== blo || ahi !== bhi ? 1 : 0;
}
/** i64.lt_s */
export function i64_lt_s(alo, ahi, blo, bhi) {
    return ahi < bhi || (ahi === bhi && alo >>> 0 < blo >>> 0) ? 1 : 0;
}
/** i64.lt_u */
export function i64_lt_u(alo, ahi, blo, bhi) {
    return ahi >>> 0 < bhi >>> 0 || (ahi === bhi && alo >>> 0 < blo >>> 0) ? 1 : 0;
}
/** i64.gt_s */
export function i64_gt_s(alo, ahi, blo, bhi) {
    return ahi > bhi || (ahi === bhi && alo >>> 0 > blo >>> 0) ? 1 : 0;
}
/** i64.gt_u */
export function i64_gt_u(alo, ahi, blo, bhi) {
    return ahi >>> 0 > bhi >>> 0 || (ahi === bhi && alo >>> 0 > blo >>> 0) ? 1 : 0;
}
/** i64.le_s */
export function i64_le_s(alo, ahi, blo, bhi) {
    return ahi < bhi || (ahi === bhi && alo >>> 0 <= blo >>> 0) ? 1 : 0;
}
/** i64.le_u */
export function i64_le_u(alo, ahi, blo, bhi) {
    return ahi >>> 0 < bhi >>> 0 || (ahi === bhi && alo >>> 0 <= blo >>> 0) ? 1 : 0;
}
/** i64.ge_s */
export function i64_ge_s(alo, ahi, blo, bhi) {
    return ahi > bhi || (ahi === bhi && alo >>> 0 >= blo >>> 0) ? 1 : 0;
}
/** i64.ge_u */
export function i64_ge_u(alo, ahi, blo, bhi) {
    return ahi >>> 0 > bhi >>> 0 || (ahi === bhi && alo >>> 0 >= blo >>> 0) ? 1 : 0;
}
// ---- width changes -------------------------------------------------------------------------
/** i32.wrap_i64 */
export function i32_wrap_i64(lo, _hi) {
    return lo;
}
/** i64.extend_i32_s */
export function i64_extend_i32_s(a) {
    HI[0] = a >> 31;
    return a;
}
/** i64.extend_i32_u */
export function i64_extend_i32_u(a) {
    HI[0] = 0;
    return a;
}
/** i64.extend8_s */
export function i64_extend8_s(lo, _hi) {
    const r = (lo << 24) >> 24;
    HI[0] = r >> 31;
    return r;
}
/** i64.extend16_s */
export function i64_extend16_s(lo, _hi) {
    const r = (lo << 16) >> 16;
    HI[0] = r >> 31;
    return r;
}
/** i64.extend32_s */
export function i64_extend32_s(lo, _hi) {
    HI[0] = lo >> 31;
    return lo;
}
// ---- wide arithmetic -----------------------------------------------------------------------
/**
 * i64.add128: (a_lo, a_hi) + (b_lo, b_hi) as 128-bit values; each i64 operand is a pair.
 * Returns res_lo.lo; HI[0] = res_lo.hi, HI[1] = res_hi.lo, HI[2] = res_hi.hi.
 */
export function i64_add128(a0, a1, a2, a3, b0, b1, b2, b3) {
    let s = (a0 >>> 0) + (b0 >>> 0);
    const r0 = s | 0;
    s = (a1 >>> 0) + (b1 >>> 0) + (s >= P32 ? 1 : 0);
    HI[0] = s | 0;
    s = (a2 >>> 0) + (b2 >>> 0) + (s >= P32 ? 1 : 0);
    HI[1] = s | 0;
    HI[2] = (a3 + b3 + (s >= P32 ? 1 : 0)) | 0;
    return r0;
}
/** i64.sub128: 128-bit subtraction; results as for `i64_add128`. */
export function i64_sub128(a0, a1, a2, a3, b0, b1, b2, b3) {
    let d = (a0 >>> 0) - (b0 >>> 0);
    const r0 = d | 0;
    d = (a1 >>> 0) - (b1 >>> 0) - (d < 0 ? 1 : 0);
    HI[0] = d | 0;
    d = (a2 >>> 0) - (b2 >>> 0) - (d < 0 ? 1 : 0);
    HI[1] = d | 0;
    HI[2] = (a3 - b3 - (d < 0 ? 1 : 0)) | 0;
    return r0;
}
/** i64.mul_wide_u: the 128-bit product of two unsigned i64; results as for `i64_add128`. */
export function i64_mul_wide_u(alo, ahi, blo, bhi) {
    const r0 = Math.imul(alo, blo);
    const c1 = (umulh32(alo, blo) >>> 0) + (Math.imul(alo, bhi) >>> 0) + (Math.imul(ahi, blo) >>> 0);
    HI[0] = c1 | 0;
    const c2 = Math.floor(c1 / P32) +
        (umulh32(alo, bhi) >>> 0) +
        (umulh32(ahi, blo) >>> 0) +
        (Math.imul(ahi, bhi) >>> 0);
    HI[1] = c2 | 0;
    HI[2] = (Math.floor(c2 / P32) + umulh32(ahi, bhi)) | 0;
    return r0;
}
/** i64.mul_wide_s: the 128-bit product of two signed i64; results as for `i64_add128`. */
export function i64_mul_wide_s(alo, ahi, blo, bhi) {
    const r0 = i64_mul_wide_u(alo, ahi, blo, bhi);
    let h0 = HI[1];
    let h1 = HI[2];
    // Signed high half = unsigned high half - (a < 0 ? b : 0) - (b < 0 ? a : 0) (mod 2^64).
    if (ahi < 0) {
        const l = (h0 - blo) | 0;
        h1 = (h1 - bhi - ((h0 >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
        h0 = l;
    }
    if (bhi < 0) {
        const l = (h0 - alo) | 0;
        h1 = (h1 - ahi - ((h0 >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
        h0 = l;
    }
    HI[1] = h0;
    HI[2] = h1;
    return r0;
}
//# sourceMappingURL=i64.js.map