/**
 * Scalar loads and stores: `(dv, ea, ...)` with `ea` the effective address as a double
 * (unsigned address plus offset). Out of bounds, DataView throws its own RangeError, which the
 * generated code turns into the `out of bounds memory access` trap. A store that is out of
 * bounds writes nothing (multi-part stores write the highest part first).
 * @module
 */
import { HI, f32FromBits, f32ToBits } from './bits.js';
/** i32.load */
export function i32_load(dv, ea) {
    return dv.getInt32(ea, true);
}
/** i32.load8_s */
export function i32_load8_s(dv, ea) {
    return dv.getInt8(ea);
}
/** i32.load8_u */
export function i32_load8_u(dv, ea) {
    return dv.getUint8(ea);
}
/** i32.load16_s */
export function i32_load16_s(dv, ea) {
    return dv.getInt16(ea, true);
}
/** i32.load16_u */
export function i32_load16_u(dv, ea) {
    return dv.getUint16(ea, true);
}
/** i64.load: returns lo, HI[0] = hi. */
export function i64_load(dv, ea) {
    HI[0] = dv.getInt32(ea + 4, true);
    return dv.getInt32(ea, true);
}
/** i64.load8_s */
export function i64_load8_s(dv, ea) {
    const v = dv.getInt8(ea);
    HI[0] = v >> 31;
    return v;
}
/** i64.load8_u */
export function i64_load8_u(dv, ea) {
    const v = dv.getUint8(ea);
    HI[0] = 0;
    return v;
}
/** i64.load16_s */
export function i64_load16_s(dv, ea) {
    const v = dv.getInt16(ea, true);
    HI[0] = v >> 31;
    return v;
}
/** i64.load16_u */
export function i64_load16_u(dv, ea) {
    const v = dv.getUint16(ea, true);
    HI[0] = 0;
    return v;
}
/** i64.load32_s */
export function i64_load32_s(dv, ea) {
    const v = dv.getInt32(ea, true);
    HI[0] = v >> 31;
    return v;
}
/** i64.load32_u */
export function i64_load32_u(dv, ea) {
    const v = dv.getInt32(ea, true);
    HI[0] = 0;
    return v;
}
/** f32.load: exact for NaNs (the non-NaN case is one DataView read). */
export function f32_load(dv, ea) {
    const v = dv.getFloat32(ea, true);
    return v === v ? v : f32FromBits(dv.getInt32(ea, true));
}
/** f64.load */
export function f64_load(dv, ea) {
    return dv.getFloat64(ea, true);
}
/** i32.store */
export function i32_store(dv, ea, v) {
    dv.setInt32(ea, v, true);
}
/** i32.store8 */
export function i32_store8(dv, ea, v) {
    dv.setInt8(ea, v);
}
/** i32.store16 */
export function i32_store16(dv, ea, v) {
    dv.setInt16(ea, v, true);
}
/** i64.store (writes the high word first, so an out-of-bounds store writes nothing). */
export function i64_store(dv, ea, lo, hi) {
    dv.setInt32(ea + 4, hi, true);
    dv.setInt32(ea, lo, true);
}
/** i64.store8 */
export function i64_store8(dv, ea, lo, _hi) {
    dv.setInt8(ea, lo);
}
/** i64.store16 */
export function i64_store16(dv, ea, lo, _hi) {
    dv.setInt16(ea, lo, true);
}
/** i64.store32 */
export function i64_store32(dv, ea, lo, _hi) {
    dv.setInt32(ea, lo, true);
}
/** f32.store: exact for NaNs (the non-NaN case is one DataView write). */
export function f32_store(dv, ea, v) {
    if (v === v)
        dv.setFloat32(ea, v, true);
    else
        dv.setInt32(ea, f32ToBits(v), true);
}
/** f64.store */
export function f64_store(dv, ea, v) {
    dv.setFloat64(ea, v, true);
}
//# sourceMappingURL=memory.js.map