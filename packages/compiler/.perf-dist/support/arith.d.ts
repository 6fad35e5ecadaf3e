/**
 * Small 32-bit integer helpers shared by the operator modules.
 * @module
 */
/** High 32 bits (as int32) of the unsigned 64-bit product of two 32-bit values. */
export declare function umulh32(a: number, b: number): number;
/** Number of trailing zeros of an int32 (32 for 0). */
export declare function ctz32(x: number): number;
/** Number of one bits of an int32. */
export declare function popcnt32(x: number): number;
//# sourceMappingURL=arith.d.ts.map