/**
 * v128 loads and stores: `(dv, ea, ...)` as for the scalar ones; lane immediates trail.
 * Out of bounds, DataView throws its RangeError before anything is written (stores write their
 * highest part first).
 * @module
 */
import { V128 } from './v128.js';
/** v128.load */
export declare function v128_load(dv: DataView, ea: number): V128;
/** v128.store */
export declare function v128_store(dv: DataView, ea: number, v: V128): void;
/** v128.load8x8_s */
export declare function v128_load8x8_s(dv: DataView, ea: number): V128;
/** v128.load8x8_u */
export declare function v128_load8x8_u(dv: DataView, ea: number): V128;
/** v128.load16x4_s */
export declare function v128_load16x4_s(dv: DataView, ea: number): V128;
/** v128.load16x4_u */
export declare function v128_load16x4_u(dv: DataView, ea: number): V128;
/** v128.load32x2_s */
export declare function v128_load32x2_s(dv: DataView, ea: number): V128;
/** v128.load32x2_u */
export declare function v128_load32x2_u(dv: DataView, ea: number): V128;
/** v128.load8_splat */
export declare function v128_load8_splat(dv: DataView, ea: number): V128;
/** v128.load16_splat */
export declare function v128_load16_splat(dv: DataView, ea: number): V128;
/** v128.load32_splat */
export declare function v128_load32_splat(dv: DataView, ea: number): V128;
/** v128.load64_splat */
export declare function v128_load64_splat(dv: DataView, ea: number): V128;
/** v128.load32_zero */
export declare function v128_load32_zero(dv: DataView, ea: number): V128;
/** v128.load64_zero */
export declare function v128_load64_zero(dv: DataView, ea: number): V128;
/** v128.load8_lane: v with byte `lane` loaded from memory. */
export declare function v128_load8_lane(dv: DataView, ea: number, v: V128, lane: number): V128;
/** v128.load16_lane */
export declare function v128_load16_lane(dv: DataView, ea: number, v: V128, lane: number): V128;
/** v128.load32_lane */
export declare function v128_load32_lane(dv: DataView, ea: number, v: V128, lane: number): V128;
/** v128.load64_lane */
export declare function v128_load64_lane(dv: DataView, ea: number, v: V128, lane: number): V128;
/** v128.store8_lane */
export declare function v128_store8_lane(dv: DataView, ea: number, v: V128, lane: number): void;
/** v128.store16_lane */
export declare function v128_store16_lane(dv: DataView, ea: number, v: V128, lane: number): void;
/** v128.store32_lane */
export declare function v128_store32_lane(dv: DataView, ea: number, v: V128, lane: number): void;
/** v128.store64_lane */
export declare function v128_store64_lane(dv: DataView, ea: number, v: V128, lane: number): void;
//# sourceMappingURL=simd-mem.d.ts.map