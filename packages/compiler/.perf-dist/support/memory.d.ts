/** i32.load */
export declare function i32_load(dv: DataView, ea: number): number;
/** i32.load8_s */
export declare function i32_load8_s(dv: DataView, ea: number): number;
/** i32.load8_u */
export declare function i32_load8_u(dv: DataView, ea: number): number;
/** i32.load16_s */
export declare function i32_load16_s(dv: DataView, ea: number): number;
/** i32.load16_u */
export declare function i32_load16_u(dv: DataView, ea: number): number;
/** i64.load: returns lo, HI[0] = hi. */
export declare function i64_load(dv: DataView, ea: number): number;
/** i64.load8_s */
export declare function i64_load8_s(dv: DataView, ea: number): number;
/** i64.load8_u */
export declare function i64_load8_u(dv: DataView, ea: number): number;
/** i64.load16_s */
export declare function i64_load16_s(dv: DataView, ea: number): number;
/** i64.load16_u */
export declare function i64_load16_u(dv: DataView, ea: number): number;
/** i64.load32_s */
export declare function i64_load32_s(dv: DataView, ea: number): number;
/** i64.load32_u */
export declare function i64_load32_u(dv: DataView, ea: number): number;
/** f32.load: exact for NaNs (the non-NaN case is one DataView read). */
export declare function f32_load(dv: DataView, ea: number): number;
/** f64.load */
export declare function f64_load(dv: DataView, ea: number): number;
/** i32.store */
export declare function i32_store(dv: DataView, ea: number, v: number): void;
/** i32.store8 */
export declare function i32_store8(dv: DataView, ea: number, v: number): void;
/** i32.store16 */
export declare function i32_store16(dv: DataView, ea: number, v: number): void;
/** i64.store (writes the high word first, so an out-of-bounds store writes nothing). */
export declare function i64_store(dv: DataView, ea: number, lo: number, hi: number): void;
/** i64.store8 */
export declare function i64_store8(dv: DataView, ea: number, lo: number, _hi: number): void;
/** i64.store16 */
export declare function i64_store16(dv: DataView, ea: number, lo: number, _hi: number): void;
/** i64.store32 */
export declare function i64_store32(dv: DataView, ea: number, lo: number, _hi: number): void;
/** f32.store: exact for NaNs (the non-NaN case is one DataView write). */
export declare function f32_store(dv: DataView, ea: number, v: number): void;
/** f64.store */
export declare function f64_store(dv: DataView, ea: number, v: number): void;
//# sourceMappingURL=memory.d.ts.map