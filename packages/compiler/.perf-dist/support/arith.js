/**
 * Small 32-bit integer helpers shared by the operator modules.
 * @module
 */
/** High 32 bits (as int32) of the unsigned 64-bit product of two 32-bit values. */
export function umulh32(a, b) {
    const a0 = a & 0xffff;
    const a1 = a >>> 16;
    const b0 = b & 0xffff;
    const b1 = b >>> 16;
    const p01 = a0 * b1;
    const p10 = a1 * b0;
    const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}
/** Number of trailing zeros of an int32 (32 for 0). */
export function ctz32(x) {
    return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}
/** Number of one bits of an int32. */
export function popcnt32(x) {
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    x = (x + (x >>> 4)) & 0x0f0f0f0f;
    return Math.imul(x, 0x01010101) >>> 24;
}
//# sourceMappingURL=arith.js.map