/**
 * The high halves of i64 results: a helper returning an i64 returns its low 32 bits and writes
 * the high 32 bits to `HI[0]`; helpers with two i64 results write hi1, lo2, hi2 to `HI[0..2]`.
 * Read it right after the call.
 */
export declare const HI: Int32Array<ArrayBuffer>;
/** The f32 with the given bits (a uint32 or int32), as a JS number following the NaN convention. */
export declare function f32FromBits(bits: number): number;
/** The bits (as int32) of an f32 held as a JS number following the NaN convention. */
export declare function f32ToBits(v: number): number;
/** The f64 with the given bits (two int32 halves), NaN payloads exact. */
export declare function f64FromBits(lo: number, hi: number): number;
/** The bits of an f64 as `[lo, hi]` (int32 halves), NaN payloads exact. */
export declare function f64ToBits(v: number): [number, number];
/** The bits of an f64 as a pair: returns lo, `HI[0]` = hi. Allocation-free form of `f64ToBits`. */
export declare function f64ToBitsLo(v: number): number;
/** The f64 with the given 64 bits as a BigInt (taken modulo 2^64). */
export declare function f64FromBigInt(b: bigint): number;
/** The bits of an f64 as an unsigned 64-bit BigInt. */
export declare function f64ToBigInt(v: number): bigint;
/** The signed i64 (as a BigInt) of a (lo, hi) int32 pair. */
export declare function i64ToBigInt(lo: number, hi: number): bigint;
/** The unsigned i64 (as a BigInt) of a (lo, hi) int32 pair. */
export declare function u64ToBigInt(lo: number, hi: number): bigint;
/** Splits a BigInt (taken modulo 2^64) into a pair: returns lo, writes hi to `HI[0]`. */
export declare function bigIntToI64(b: bigint): number;
//# sourceMappingURL=bits.d.ts.map