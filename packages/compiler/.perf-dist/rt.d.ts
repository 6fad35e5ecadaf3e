import type { MemoryInstance, TableInstance } from './abi.js';
/** `memory.init`: copies `n` bytes of `seg` from `s` to `d` (all unsigned doubles). */
export declare function memInit(m: MemoryInstance, d: number, seg: Uint8Array, s: number, n: number): void;
/** `memory.copy` (possibly between two memories). */
export declare function memCopy(md: MemoryInstance, d: number, ms: MemoryInstance, s: number, n: number): void;
/** `memory.fill`. */
export declare function memFill(m: MemoryInstance, d: number, v: number, n: number): void;
/** `table.init`: copies `n` references of `seg` from `s` to `d`. */
export declare function tableInit(t: TableInstance, d: number, seg: readonly unknown[], s: number, n: number): void;
/** `table.copy` (possibly between two tables), overlap-safe. */
export declare function tableCopy(td: TableInstance, d: number, ts: TableInstance, s: number, n: number): void;
/** `table.fill`. */
export declare function tableFill(t: TableInstance, d: number, v: unknown, n: number): void;
/** `table.grow`: returns the old size or -1. */
export declare function tableGrow(t: TableInstance, v: unknown, n: number): number;
/** `table.get` bounds-checked. */
export declare function tableGet(t: TableInstance, i: number): unknown;
/** `table.set` bounds-checked. */
export declare function tableSet(t: TableInstance, i: number, v: unknown): void;
/** Encodes bytes as base64 (no padding). */
export declare function encodeBase64(bytes: Uint8Array): string;
/** Decodes base64 without padding (as written by {@link encodeBase64}). */
export declare function decodeBase64(s: string): Uint8Array;
/** The empty byte array (a dropped data segment). */
export declare const EMPTY_BYTES: Uint8Array;
/** Element storage kinds of GC arrays (see `GcArray`). */
export type ElemKind = 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64' | 'ref' | 'v128';
/** New element storage of `n` elements, all `v` (`vh`: the hi half of an i64). */
export declare function arrayStore(kind: ElemKind, n: number, v: unknown, vh: number): any;
/** Reads `n` elements of `kind` from `bytes` at `s` into new storage (for `array.new_data`). */
export declare function arrayFromData(kind: ElemKind, bytes: Uint8Array, s: number, n: number, f32FromBits: (b: number) => number): any;
/** `array.init_data`. */
export declare function arrayInitData(kind: ElemKind, arr: {
    a: any;
    n: number;
}, d: number, bytes: Uint8Array, s: number, n: number, f32FromBits: (b: number) => number): void;
/** `array.new_elem`: a copy of `seg[s, s+n)`. */
export declare function arrayFromElem(seg: readonly unknown[], s: number, n: number): unknown[];
/** `array.init_elem`. */
export declare function arrayInitElem(arr: {
    a: any;
    n: number;
}, d: number, seg: readonly unknown[], s: number, n: number): void;
/** `array.fill` (`scale` 2 for i64 storage, with `vh` the hi half). */
export declare function arrayFill(arr: {
    a: any;
    n: number;
}, d: number, v: unknown, vh: number, n: number, scale: number): void;
/** `array.copy` (overlap-safe; `scale` 2 for i64 storage). */
export declare function arrayCopy(dst: {
    a: any;
    n: number;
}, d: number, src: {
    a: any;
    n: number;
}, s: number, n: number, scale: number): void;
/** An atomic load of `size` bytes, zero-extended; returns lo, hi in `hi[0]`. */
export declare function atomicLoad(dv: DataView, ea: number, size: number, hi: Int32Array): number;
/** An atomic store of the low `size` bytes of (lo, hi). */
export declare function atomicStore(dv: DataView, ea: number, size: number, lo: number, hi: number): void;
/**
 * An atomic read-modify-write (`op`: 0 add, 1 sub, 2 and, 3 or, 4 xor, 5 xchg) of `size` bytes;
 * returns the old value (zero-extended) as lo with hi in `hi[0]`.
 */
export declare function atomicRmw(dv: DataView, ea: number, size: number, op: number, lo: number, vhi: number, hi: Int32Array): number;
/** An atomic compare-exchange of `size` bytes; returns the old value (lo, hi in `hi[0]`). */
export declare function atomicCmpxchg(dv: DataView, ea: number, size: number, elo: number, ehi: number, rlo: number, rhi: number, hi: Int32Array): number;
/** `memory.atomic.notify`: no other thread can wait here, so it wakes 0. */
export declare function atomicNotify(dv: DataView, ea: number): number;
/**
 * `memory.atomic.wait32/64`: traps on an unshared memory; returns 1 ("not-equal") when the value
 * differs, else 2 ("timed-out"): a single-threaded instance has no one to wake it.
 */
export declare function atomicWait(m: MemoryInstance, ea: number, size: number, elo: number, ehi: number): number;
//# sourceMappingURL=rt.d.ts.map