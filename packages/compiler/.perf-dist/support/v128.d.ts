/**
 * The v128 representation: an immutable object of four int32 words, `w0` holding bytes 0..3
 * (little-endian) up to `w3` holding bytes 12..15. Measured against an `Int32Array(4)` per
 * value (5M i32x4.add / i8x16.add on Node 20): 21-28 ms / 36 ms for the object, 113-123 ms /
 * 120 ms for the typed array, so the object it is. Lane-wise helpers that are not word-wise
 * go through a module-scope scratch buffer (no allocation but the result object).
 * @module
 */
/** A 128-bit SIMD value: four int32 words in little-endian lane order. Never mutated. */
export declare class V128 {
    /** Bytes 0..3 as a little-endian int32. */
    readonly w0: number;
    /** Bytes 4..7 as a little-endian int32. */
    readonly w1: number;
    /** Bytes 8..11 as a little-endian int32. */
    readonly w2: number;
    /** Bytes 12..15 as a little-endian int32. */
    readonly w3: number;
    /** Makes a v128 from four int32 words (taken modulo 2^32). */
    constructor(w0: number, w1: number, w2: number, w3: number);
}
/** The all-zero v128. */
export declare const V128_ZERO: V128;
/** Scratch view (int8). Internal. */
export declare const S8: Int8Array<ArrayBuffer>;
/** Scratch view (uint8). Internal. */
export declare const SU8: Uint8Array<ArrayBuffer>;
/** Scratch view (int16). Internal. */
export declare const S16: Int16Array<ArrayBuffer>;
/** Scratch view (uint16). Internal. */
export declare const SU16: Uint16Array<ArrayBuffer>;
/** Scratch view (int32). Internal. */
export declare const S32: Int32Array<ArrayBuffer>;
/** Scratch view (uint32). Internal. */
export declare const SU32: Uint32Array<ArrayBuffer>;
/** Scratch view (float32). Internal. */
export declare const SF32: Float32Array<ArrayBuffer>;
/** Scratch view (float64). Internal. */
export declare const SF64: Float64Array<ArrayBuffer>;
/** Writes a to scratch A. Internal. */
export declare function putA(a: V128): void;
/** Writes b to scratch B. Internal. */
export declare function putB(b: V128): void;
/** Writes c to scratch C. Internal. */
export declare function putC(c: V128): void;
/** The v128 in scratch R. Internal. */
export declare function takeR(): V128;
/** Word i (0..3) of v. Internal. */
export declare function word(v: V128, i: number): number;
/** v with word i (0..3) replaced by x. Internal. */
export declare function withWord(v: V128, i: number, x: number): V128;
/** The v128 of 16 bytes (little-endian lane order). Reads bytes 0..15 of the array. */
export declare function v128FromBytes(bytes: Uint8Array): V128;
/** The 16 bytes of a v128 (a fresh array). */
export declare function v128ToBytes(v: V128): Uint8Array;
/** The precomputed immediate of `i8x16.shuffle`: the 16 lane indices (0..31). */
export interface ShuffleLanes {
    /** Lane indices into the 32 bytes of (a, b). */
    readonly lanes: Uint8Array;
}
/** Builds the `i8x16.shuffle` immediate once, from its 16 lane indices (each 0..31). */
export declare function shuffleLanes(lanes: ArrayLike<number>): ShuffleLanes;
//# sourceMappingURL=v128.d.ts.map