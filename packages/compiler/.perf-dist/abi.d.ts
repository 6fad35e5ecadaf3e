/**
 * The ABI between generated code and the runtime: the live objects generated code touches (whose
 * instances the runtime creates and owns), the value representations, the shape of a compiled
 * module and of an instantiated one, and the adapters between the internal calling convention and
 * API values. See `ABI.md` beside this package for the prose version.
 *
 * ## Internal value representation
 * - `i32`: a JS number in int32 form. `f32`: a number (always `Math.fround`-exact). `f64`: a number.
 * - `i64`: two int32 numbers, `lo` and `hi`. As a parameter it occupies two JS arguments
 *   (lo then hi); in a global, the `v` (lo) and `h` (hi) fields; in exception payloads and
 *   multi-value results, two consecutive slots (lo then hi).
 * - `v128`: the support library's opaque representation.
 * - references: `null` is the null reference of every heap type. A non-null `funcref` is an
 *   internal-convention JS function carrying its canonical type id in the property `$t`
 *   ({@link FuncRef}). An `i31` is a JS number (int32 holding a sign-extended 31-bit value).
 *   GC structs and arrays are {@link GcObject}s. `exnref` is a {@link WasmException}.
 *   An `externref` is any non-null JS value; the runtime must not hand a bare JS number in as a
 *   host externref (box it), because numbers are i31 references once internalised.
 *
 * ## Internal calling convention
 * A wasm function is a JS function taking its parameters in order (an i64 as two arguments, lo
 * then hi). Results: none -> returns `undefined`; one non-i64 result -> returns it; one i64 result
 * -> returns lo and leaves hi in `HI[0]` ({@link HI}, shared engine-wide, read immediately after the
 * call); two or more results -> stored in {@link RET} in order (i64 as two slots, lo then hi) and
 * the function returns `undefined`. Traps are thrown as {@link Trap}; wasm exceptions as
 * {@link WasmException}; an out-of-bounds memory access may surface as a `RangeError` from a
 * `DataView` and a deep recursion as V8's `RangeError`: {@link toTrap} turns both into traps, and
 * {@link makeEntry} applies it.
 * @module
 */
import type { FuncType, GlobalType, MemoryType, RefType, TableType } from '@wasmtide/parser';
/**
 * The shared slot for the high half of an i64 result (and of i64 helper results): the support
 * library's `HI`. One per JS realm, so functions of different instances agree on it.
 */
export declare const HI: Int32Array;
/** The shared array for multi-value results (one per JS realm). */
export declare const RET: unknown[];
/**
 * An empty array whose elements kind is generic, so doubles stored in it are boxed with their
 * exact bits (a double-only array would canonicalise NaN payloads).
 */
export declare function genericArray(): unknown[];
/**
 * The wasm call depth (the `maxCallDepth` option), one per realm. Entry points must restore it
 * when a call exits by an exception: {@link makeEntry} does.
 */
export declare const CALL_DEPTH: Int32Array;
/** A funcref: an internal-convention function carrying its canonical type id. */
export interface FuncRef {
    (...args: any[]): any;
    /** Canonical type id (from the runtime's type registry). */
    $t: number;
}
/** A value in internal form (i64 never appears as one value: it is a lo/hi pair). */
export type InternalValue = number | bigint | object | null | unknown;
/** The byte size of a 64 KiB wasm page. */
export declare const PAGE_SIZE = 65536;
/** Options for a memory's growth, set by the runtime (resource limiter). */
export interface MemoryGrowHook {
    /** Called before growing: return false to refuse (grow then returns -1). Sizes in bytes. */
    (currentBytes: number, desiredBytes: number, maxBytes: number | null): boolean;
}
/**
 * A linear memory. Generated code reads `dv` (and `u8` for bulk operations) and calls `grow`;
 * after any call or grow it reloads `dv`, since `grow` replaces the buffer.
 */
export declare class MemoryInstance {
    /** The current bytes; replaced (not resized) by {@link grow}. */
    buffer: ArrayBuffer;
    /** A DataView over {@link buffer}; generated code does every scalar access through it. */
    dv: DataView;
    /** A byte view over {@link buffer}. */
    u8: Uint8Array;
    /** Current size in pages. */
    pages: number;
    /** Maximum size in pages (the declared maximum, or the address space / engine limit). */
    readonly maxPages: number;
    /** log2 of the page size (16 unless custom-page-sizes). */
    readonly pageSizeLog2: number;
    /** Whether the memory is shared (threads). */
    readonly shared: boolean;
    /** Address type: `i32` or `i64` (memory64). */
    readonly addr: 'i32' | 'i64';
    /** The memory's type as declared. */
    readonly type: MemoryType;
    /** Optional limiter consulted on growth. */
    growHook: MemoryGrowHook | null;
    /**
     * Allocates a memory of `type.limits.min` pages. `engineMaxPages` caps the maximum further
     * (defaults to what an ArrayBuffer can hold: 65536 pages of 64 KiB for 32-bit memories).
     */
    constructor(type: MemoryType, engineMaxPages?: number);
    /** The size in bytes. */
    get byteLength(): number;
    /**
     * Grows by `delta` pages (a non-negative number). Returns the old size in pages, or -1 when the
     * growth exceeds the maximum, the limiter refuses, or the allocation fails.
     */
    grow(delta: number): number;
}
/** A table: an array of references in internal form (`null` for null). */
export declare class TableInstance {
    /** The elements; its length is the table size. */
    elements: unknown[];
    /** Maximum size (declared, or the engine's cap). */
    readonly max: number;
    /** The element reference type. */
    readonly elemType: RefType;
    /** Address type (table64). */
    readonly addr: 'i32' | 'i64';
    /** The table's type as declared. */
    readonly type: TableType;
    /** Optional limiter consulted on growth (sizes in elements). */
    growHook: ((current: number, desired: number, max: number | null) => boolean) | null;
    /** Creates a table of `type.limits.min` elements, all `init`. */
    constructor(type: TableType, init?: unknown, engineMax?: number);
    /** The current size. */
    get size(): number;
    /** Grows by `delta` elements set to `init`; returns the old size or -1. */
    grow(delta: number, init: unknown): number;
}
/**
 * A global: a mutable box. Non-i64 values live in `v`; an i64 lives in `v` (lo) and `h` (hi).
 */
export declare class GlobalInstance {
    /** The value (or the low half of an i64). */
    v: any;
    /** The high half of an i64 (0 for other types). */
    h: number;
    /** The global's type. */
    readonly type: GlobalType;
    /** Creates a global with the zero/null value of its type. */
    constructor(type: GlobalType);
    /** The value as an API value (i64 as bigint). */
    getValue(): unknown;
    /** Sets from an API value (i64 as bigint; i32 truncated to int32; f32 rounded). */
    setValue(value: unknown): void;
}
/** A tag: identity plus the canonical id of its function type. */
export declare class TagInstance {
    /** Canonical type id of the tag's function type. */
    readonly typeId: number;
    /** The tag's function type. */
    readonly type: FuncType;
    /** Creates a tag. */
    constructor(type: FuncType, typeId: number);
}
/**
 * A wasm exception (the value of an `exnref`, and what `throw` throws in JS). `payload` holds the
 * tag's parameters in internal form (an i64 as two slots, lo then hi).
 */
export declare class WasmException {
    /** The tag. */
    readonly tag: TagInstance;
    /** Payload in internal form. */
    readonly payload: unknown[];
    /** Creates an exception. */
    constructor(tag: TagInstance, payload: unknown[]);
    /** The payload as API values (i64 as bigint). */
    getValues(): unknown[];
}
/** A GC struct or array: the canonical type id plus fields (layout private to compiled code). */
export interface GcObject {
    /** Canonical type id. */
    $t: number;
}
/** A GC struct: fields `f0`, `f1`, ... in internal form (an i64 field as `fN` lo and `fNh` hi). */
export declare class GcStruct implements GcObject {
    /** Canonical type id. */
    $t: number;
    /** Creates an empty struct of type id `t` (compiled code fills the fields). */
    constructor(t: number);
    [field: string]: unknown;
}
/**
 * A GC array: elements in `a`, `n` of them. Storage by element type: `i8` Uint8Array, `i16`
 * Uint16Array, `i32` Int32Array, `i64` Int32Array of 2n (lo, hi), `f32`/`f64` Float64Array,
 * references and v128 a plain array.
 */
export declare class GcArray implements GcObject {
    /** Canonical type id. */
    $t: number;
    /** The element storage. */
    a: any;
    /** The length. */
    n: number;
    /** Creates an array of type id `t` over `a` (of `n` elements). */
    constructor(t: number, a: any, n?: number);
}
/** Options for {@link compileModule}. */
export interface CompileOptions {
    /** Count fuel (instructions); the instance traps with `out of fuel` when it runs out. */
    fuel?: boolean;
    /** Check the epoch deadline at function entries and loop headers. */
    epoch?: boolean;
    /** Deterministic call-depth limit (off by default: V8's own stack limit applies). */
    maxCallDepth?: number;
    /**
     * Lazy evaluation for big modules: every function's JS is still generated up front (the compiled
     * module stays self-contained), but each body is evaluated by its own `new Function` on its first
     * call, so start-up parses only stubs.
     */
    lazy?: boolean;
    /** A name for `//# sourceURL=wasm-module-<name>.js` (default: the name section's, or `anon`). */
    name?: string;
}
/** An import as recorded in the compiled metadata. */
export interface CompiledImport {
    readonly module: string;
    readonly name: string;
    readonly kind: 'func' | 'table' | 'memory' | 'global' | 'tag';
    /** For funcs and tags: the type index; else -1. */
    readonly typeIndex: number;
    /** For tables, memories and globals: their types (plain JSON). */
    readonly table?: TableType;
    readonly memory?: MemoryType;
    readonly global?: GlobalType;
}
/** An export as recorded in the compiled metadata. */
export interface CompiledExport {
    readonly name: string;
    readonly kind: 'func' | 'table' | 'memory' | 'global' | 'tag';
    readonly index: number;
}
/**
 * A compiled module: self-contained JavaScript source plus plain-JSON metadata. It can be saved
 * (`JSON.stringify`) and loaded later with {@link loadCompiled} without the parser, validator or
 * compiler.
 */
export interface CompiledModule {
    /** Format version of this structure. */
    readonly abiVersion: number;
    /** The JavaScript source (the body of the module factory). */
    readonly source: string;
    /** The module's types (function types as `{kind:'func',params,results}`, etc.), by type index. */
    readonly types: readonly import('@wasmtide/parser').SubType[];
    /** The module's rec groups (for canonicalisation by the runtime's type registry). */
    readonly recGroups: readonly import('@wasmtide/parser').RecGroup[];
    /** Type index of every function in the function index space (imports first). */
    readonly funcTypes: readonly number[];
    /** Table types, index space order (imports first). */
    readonly tables: readonly TableType[];
    /** Memory types, index space order. */
    readonly memories: readonly MemoryType[];
    /** Global types, index space order. */
    readonly globals: readonly GlobalType[];
    /** Tag type indices, index space order. */
    readonly tags: readonly number[];
    readonly imports: readonly CompiledImport[];
    readonly exports: readonly CompiledExport[];
    /** The start function's index, or null. */
    readonly start: number | null;
    /** Module name (name section) or null. */
    readonly moduleName: string | null;
    /** Function names by index (from the name section), as `[index, name]` pairs. */
    readonly funcNames: readonly (readonly [number, string])[];
    /** The name in the source URL (`wasm-module-<sourceName>.js`). */
    readonly sourceName: string;
    /** The options the module was compiled with. */
    readonly options: CompileOptions;
    /**
     * Lazy mode (`options.lazy`): the shared prelude and, per defined function (index
     * `lazyBase + i`), the source of its factory, evaluated on the function's first call.
     */
    readonly lazyPrelude?: string;
    readonly lazyFuncs?: readonly string[];
    readonly lazyBase?: number;
}
/** What {@link ModuleFactory.instantiate} needs: the imports by kind, in import order. */
export interface InstanceImports {
    /** Imported functions, internal convention, each with `$t`. */
    funcs: readonly FuncRef[];
    tables: readonly TableInstance[];
    memories: readonly MemoryInstance[];
    globals: readonly GlobalInstance[];
    tags: readonly TagInstance[];
    /** Canonical type id of each of the module's types (by type index). */
    typeIds: Int32Array;
    /** Is canonical type `sub` a subtype of canonical type `sup` (both ids)? */
    isSubtype: (sub: number, sup: number) => boolean;
    /** Optional factories for defined memories and tables (default: the classes in this file). */
    newMemory?: (type: MemoryType) => MemoryInstance;
    newTable?: (type: TableType, init: unknown) => TableInstance;
    /** Shared epoch counter (epoch option): trap with `interrupt` when `epoch[0] >= deadline[0]`. */
    epoch?: Int32Array;
    /** Epoch deadline (epoch option). */
    deadline?: Int32Array;
    /** Fuel box (fuel option): `fuel[0]` remaining (a double); trap `out of fuel` when below 0. */
    fuel?: Float64Array;
}
/** An instance's full index spaces (imports first), plus its start function. */
export interface InstanceExports {
    funcs: FuncRef[];
    tables: TableInstance[];
    memories: MemoryInstance[];
    globals: GlobalInstance[];
    tags: TagInstance[];
    /** Runs the start function, if any (the runtime calls it after instantiation). */
    start(): void;
}
/** A loaded module: call {@link instantiate} once per instance. */
export interface ModuleFactory {
    /** The compiled module this factory came from. */
    readonly compiled: CompiledModule;
    /**
     * Creates an instance: allocates defined memories, tables, globals and tags, evaluates constant
     * expressions, applies active element and data segments (throwing a {@link Trap} on an
     * out-of-bounds segment, after the partial writes the spec prescribes). Does not run start.
     */
    instantiate(imports: InstanceImports): InstanceExports;
}
/** The version of this ABI (in {@link CompiledModule.abiVersion}). */
export declare const ABI_VERSION = 1;
/** Converts the int32 pair (lo, hi) to a signed 64-bit bigint. */
export declare function pairToBigInt(lo: number, hi: number): bigint;
/**
 * Converts any error thrown by generated code into what the embedder should see: a `RangeError`
 * for V8's stack overflow becomes a `call stack exhausted` trap, any other `RangeError` (from a
 * DataView bounds check) an `out of bounds memory access` trap; other errors pass through.
 */
export declare function toTrap(e: unknown): unknown;
/**
 * Wraps an internal-convention function as a host-callable one: it takes API values (i64 as
 * bigint) and returns `undefined`, one value, or an array for several results. Errors are passed
 * through {@link toTrap}.
 */
export declare function makeEntry(type: FuncType, fn: (...args: any[]) => any): (...args: unknown[]) => unknown;
/**
 * Wraps a host function (taking API values, returning `undefined`, one value, or an array for
 * several results) as an internal-convention function with `$t = typeId`.
 */
export declare function makeHostAdapter(type: FuncType, hostFn: (...args: unknown[]) => unknown, typeId?: number): FuncRef;
/**
 * Maps a JS error's stack to wasm function indices, innermost first: frames of generated
 * functions look like `at f12 (wasm-module-<name>.js:...)`. Returns `[sourceName, funcIndex]`
 * pairs so the runtime can tell modules apart.
 */
export declare function parseWasmFrames(error: unknown): {
    sourceName: string;
    funcIndex: number;
}[];
//# sourceMappingURL=abi.d.ts.map