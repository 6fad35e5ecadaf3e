/**
 * v128 loads and stores: `(dv, ea, ...)` as for the scalar ones; lane immediates trail.
 * Out of bounds, DataView throws its RangeError before anything is written (stores write their
 * highest part first).
 * @module
 */
import { V128, word } from './v128.js';
/** v128.load */
export function v128_load(dv, ea) {
    const w3 = dv.getInt32(ea + 12, true);
    return new V128(dv.getInt32(ea, true), dv.getInt32(ea + 4, true), dv.getInt32(ea + 8, true), w3);
}
/** v128.store */
export function v128_store(dv, ea, v) {
    dv.setInt32(ea + 12, v.w3, true);
    dv.setInt32(ea + 8, v.w2, true);
    dv.setInt32(ea + 4, v.w1, true);
    dv.setInt32(ea, v.w0, true);
}
/** v128.load8x8_s */
export function v128_load8x8_s(dv, ea) {
    dv.getInt8(ea + 7);
    const h = (i) => (dv.getInt8(ea + i) & 0xffff) | (dv.getInt8(ea + i + 1) << 16);
    return new V128(h(0), h(2), h(4), h(6));
}
/** v128.load8x8_u */
export function v128_load8x8_u(dv, ea) {
    dv.getUint8(ea + 7);
    const h = (i) => dv.getUint8(ea + i) | (dv.getUint8(ea + i + 1) << 16);
    return new V128(h(0), h(2), h(4), h(6));
}
/** v128.load16x4_s */
export function v128_load16x4_s(dv, ea) {
    dv.getInt16(ea + 6, true);
    return new V128(dv.getInt16(ea, true), dv.getInt16(ea + 2, true), dv.getInt16(ea + 4, true), dv.getInt16(ea + 6, true));
}
/** v128.load16x4_u */
export function v128_load16x4_u(dv, ea) {
    dv.getUint16(ea + 6, true);
    return new V128(dv.getUint16(ea, true), dv.getUint16(ea + 2, true), dv.getUint16(ea + 4, true), dv.getUint16(ea + 6, true));
}
/** v128.load32x2_s */
export function v128_load32x2_s(dv, ea) {
    const b = dv.getInt32(ea + 4, true);
    const a = dv.getInt32(ea, true);
    return new V128(a, a >> 31, b, b >> 31);
}
/** v128.load32x2_u */
export function v128_load32x2_u(dv, ea) {
    const b = dv.getInt32(ea + 4, true);
    return new V128(dv.getInt32(ea, true), 0, b, 0);
}
/** v128.load8_splat */
export function v128_load8_splat(dv, ea) {
    const w = Math.imul(dv.getUint8(ea), 0x01010101);
    return new V128(w, w, w, w);
}
/** v128.load16_splat */
export function v128_load16_splat(dv, ea) {
    const w = Math.imul(dv.getUint16(ea, true), 0x10001);
    return new V128(w, w, w, w);
}
/** v128.load32_splat */
export function v128_load32_splat(dv, ea) {
    const w = dv.getInt32(ea, true);
    return new V128(w, w, w, w);
}
/** v128.load64_splat */
export function v128_load64_splat(dv, ea) {
    const hi = dv.getInt32(ea + 4, true);
    const lo = dv.getInt32(ea, true);
    return new V128(lo, hi, lo, hi);
}
/** v128.load32_zero */
export function v128_load32_zero(dv, ea) {
    return new V128(dv.getInt32(ea, true), 0, 0, 0);
}
/** v128.load64_zero */
export function v128_load64_zero(dv, ea) {
    const hi = dv.getInt32(ea + 4, true);
    return new V128(dv.getInt32(ea, true), hi, 0, 0);
}
/** v128.load8_lane: v with byte `lane` loaded from memory. */
export function v128_load8_lane(dv, ea, v, lane) {
    const x = dv.getUint8(ea);
    const i = lane >> 2;
    const sh = 8 * (lane & 3);
    return setWord(v, i, (word(v, i) & ~(0xff << sh)) | (x << sh));
}
/** v128.load16_lane */
export function v128_load16_lane(dv, ea, v, lane) {
    const x = dv.getUint16(ea, true);
    const i = lane >> 1;
    const sh = 16 * (lane & 1);
    return setWord(v, i, (word(v, i) & ~(0xffff << sh)) | (x << sh));
}
/** v128.load32_lane */
export function v128_load32_lane(dv, ea, v, lane) {
    return setWord(v, lane, dv.getInt32(ea, true));
}
/** v128.load64_lane */
export function v128_load64_lane(dv, ea, v, lane) {
    const hi = dv.getInt32(ea + 4, true);
    const lo = dv.getInt32(ea, true);
    return lane === 0 ? new V128(lo, hi, v.w2, v.w3) : new V128(v.w0, v.w1, lo, hi);
}
/** v128.store8_lane */
export function v128_store8_lane(dv, ea, v, lane) {
    dv.setInt8(ea, word(v, lane >> 2) >> (8 * (lane & 3)));
}
/** v128.store16_lane */
export function v128_store16_lane(dv, ea, v, lane) {
    dv.setInt16(ea, word(v, lane >> 1) >> (16 * (lane & 1)), true);
}
/** v128.store32_lane */
export function v128_store32_lane(dv, ea, v, lane) {
    dv.setInt32(ea, word(v, lane), true);
}
/** v128.store64_lane */
export function v128_store64_lane(dv, ea, v, lane) {
    dv.setInt32(ea + 4, lane === 0 ? v.w1 : v.w3, true);
    dv.setInt32(ea, lane === 0 ? v.w0 : v.w2, true);
}
function setWord(v, i, x) {
    return new V128(i === 0 ? x : v.w0, i === 1 ? x : v.w1, i === 2 ? x : v.w2, i === 3 ? x : v.w3);
}
//# sourceMappingURL=simd-mem.js.map