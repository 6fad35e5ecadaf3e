/**
 * Module-scope scratch views over one 16-byte buffer, for bit casts. Internal.
 * @module
 */
const scratch = new ArrayBuffer(16);
/** Scratch view (doubles). Internal to the support library. */
export const F64 = new Float64Array(scratch);
/** Scratch view (floats). Internal to the support library. */
export const F32 = new Float32Array(scratch);
/** Scratch view (int32). Internal to the support library. */
export const I32 = new Int32Array(scratch);
/** Scratch view (uint32). Internal to the support library. */
export const U32 = new Uint32Array(scratch);
//# sourceMappingURL=scratch.js.map