/** i32.trunc_f32_s / i32.trunc_f64_s (traps on NaN and out of range). */
export declare function i32_trunc_f64_s(x: number): number;
/** i32.trunc_f32_u / i32.trunc_f64_u (traps on NaN and out of range). */
export declare function i32_trunc_f64_u(x: number): number;
/** i32.trunc_f32_s */
export declare const i32_trunc_f32_s: typeof i32_trunc_f64_s;
/** i32.trunc_f32_u */
export declare const i32_trunc_f32_u: typeof i32_trunc_f64_u;
/** i32.trunc_sat_f64_s (NaN gives 0, out of range saturates). */
export declare function i32_trunc_sat_f64_s(x: number): number;
/** i32.trunc_sat_f64_u (NaN gives 0, out of range saturates). */
export declare function i32_trunc_sat_f64_u(x: number): number;
/** i32.trunc_sat_f32_s */
export declare const i32_trunc_sat_f32_s: typeof i32_trunc_sat_f64_s;
/** i32.trunc_sat_f32_u */
export declare const i32_trunc_sat_f32_u: typeof i32_trunc_sat_f64_u;
/** i64.trunc_f64_s (traps on NaN and out of range): returns lo, HI[0] = hi. */
export declare function i64_trunc_f64_s(x: number): number;
/** i64.trunc_f64_u (traps on NaN and out of range): returns lo, HI[0] = hi. */
export declare function i64_trunc_f64_u(x: number): number;
/** i64.trunc_f32_s */
export declare const i64_trunc_f32_s: typeof i64_trunc_f64_s;
/** i64.trunc_f32_u */
export declare const i64_trunc_f32_u: typeof i64_trunc_f64_u;
/** i64.trunc_sat_f64_s: returns lo, HI[0] = hi. */
export declare function i64_trunc_sat_f64_s(x: number): number;
/** i64.trunc_sat_f64_u: returns lo, HI[0] = hi. */
export declare function i64_trunc_sat_f64_u(x: number): number;
/** i64.trunc_sat_f32_s */
export declare const i64_trunc_sat_f32_s: typeof i64_trunc_sat_f64_s;
/** i64.trunc_sat_f32_u */
export declare const i64_trunc_sat_f32_u: typeof i64_trunc_sat_f64_u;
/** f32.convert_i32_s */
export declare function f32_convert_i32_s(a: number): number;
/** f32.convert_i32_u */
export declare function f32_convert_i32_u(a: number): number;
/** f64.convert_i32_s */
export declare function f64_convert_i32_s(a: number): number;
/** f64.convert_i32_u */
export declare function f64_convert_i32_u(a: number): number;
/** f64.convert_i64_s: hi * 2^32 is exact, so the one addition is the one rounding. */
export declare function f64_convert_i64_s(lo: number, hi: number): number;
/** f64.convert_i64_u */
export declare function f64_convert_i64_u(lo: number, hi: number): number;
/**
 * f32.convert_i64_u, rounded once. At or above 2^53, the low 12 bits fold into a sticky bit
 * (bit 11): the value becomes exact as a double and rounds to f32 as the original would.
 */
export declare function f32_convert_i64_u(lo: number, hi: number): number;
/** f32.convert_i64_s, rounded once. */
export declare function f32_convert_i64_s(lo: number, hi: number): number;
//# sourceMappingURL=convert.d.ts.map