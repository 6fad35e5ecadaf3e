/**
 * Module-scope scratch views over one 16-byte buffer, for bit casts. Internal.
 * @module
 */
/** Scratch view (doubles). Internal to the support library. */
export declare const F64: Float64Array<ArrayBuffer>;
/** Scratch view (floats). Internal to the support library. */
export declare const F32: Float32Array<ArrayBuffer>;
/** Scratch view (int32). Internal to the support library. */
export declare const I32: Int32Array<ArrayBuffer>;
/** Scratch view (uint32). Internal to the support library. */
export declare const U32: Uint32Array<ArrayBuffer>;
//# sourceMappingURL=scratch.d.ts.map