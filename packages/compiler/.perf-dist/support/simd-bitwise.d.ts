/**
 * v128.const, shuffles, swizzles and the bitwise v128 operators.
 * @module
 */
import { V128 } from './v128.js';
import type { ShuffleLanes } from './v128.js';
/** v128.const: a constant from its four int32 words (the compiler hoists these). */
export declare function v128_const(w0: number, w1: number, w2: number, w3: number): V128;
/** i8x16.shuffle: byte i of the result is byte lanes[i] of the concatenation a ++ b. */
export declare function i8x16_shuffle(a: V128, b: V128, s: ShuffleLanes): V128;
/** i8x16.swizzle: byte i is a[b[i]], or 0 when b[i] >= 16. */
export declare function i8x16_swizzle(a: V128, b: V128): V128;
/** i8x16.relaxed_swizzle: deterministic, as `i8x16.swizzle`. */
export declare const i8x16_relaxed_swizzle: typeof i8x16_swizzle;
/** v128.not */
export declare function v128_not(a: V128): V128;
/** v128.and */
export declare function v128_and(a: V128, b: V128): V128;
/** v128.andnot: a & ~b. */
export declare function v128_andnot(a: V128, b: V128): V128;
/** v128.or */
export declare function v128_or(a: V128, b: V128): V128;
/** v128.xor */
export declare function v128_xor(a: V128, b: V128): V128;
/** v128.bitselect: bits of a where c is 1, of b where c is 0. */
export declare function v128_bitselect(a: V128, b: V128, c: V128): V128;
/** v128.any_true */
export declare function v128_any_true(a: V128): number;
/** i8x16.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export declare const i8x16_relaxed_laneselect: typeof v128_bitselect;
/** i16x8.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export declare const i16x8_relaxed_laneselect: typeof v128_bitselect;
/** i32x4.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export declare const i32x4_relaxed_laneselect: typeof v128_bitselect;
/** i64x2.relaxed_laneselect: deterministic, as `v128.bitselect`. */
export declare const i64x2_relaxed_laneselect: typeof v128_bitselect;
//# sourceMappingURL=simd-bitwise.d.ts.map