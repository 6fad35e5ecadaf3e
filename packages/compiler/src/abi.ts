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
import type { FuncType, GlobalType, MemoryType, RefType, TableType, ValType } from '@wasmtide/parser';
import { Trap, TrapCode } from './trap.js';
import { HI as SUPPORT_HI } from './support/bits.js';
import { V128_ZERO } from './support/v128.js';

/**
 * The shared slot for the high half of an i64 result (and of i64 helper results): the support
 * library's `HI`. One per JS realm, so functions of different instances agree on it.
 */
export const HI: Int32Array = SUPPORT_HI;

/** The shared array for multi-value results (one per JS realm). */
export const RET: unknown[] = genericArray();

/**
 * An empty array whose elements kind is generic, so doubles stored in it are boxed with their
 * exact bits (a double-only array would canonicalise NaN payloads).
 */
export function genericArray(): unknown[] {
  const a: unknown[] = [undefined];
  a.length = 0;
  return a;
}

/**
 * The wasm call depth (the `maxCallDepth` option), one per realm. Entry points must restore it
 * when a call exits by an exception: {@link makeEntry} does.
 */
export const CALL_DEPTH: Int32Array = new Int32Array(1);

/** A funcref: an internal-convention function carrying its canonical type id. */
export interface FuncRef {
  (...args: any[]): any;
  /** Canonical type id (from the runtime's type registry). */
  $t: number;
}

/** A value in internal form (i64 never appears as one value: it is a lo/hi pair). */
export type InternalValue = number | bigint | object | null | unknown;

/** The byte size of a 64 KiB wasm page. */
export const PAGE_SIZE = 65536;

/** Options for a memory's growth, set by the runtime (resource limiter). */
export interface MemoryGrowHook {
  /** Called before growing: return false to refuse (grow then returns -1). Sizes in bytes. */
  (currentBytes: number, desiredBytes: number, maxBytes: number | null): boolean;
}

/**
 * A linear memory. Generated code reads `dv` (and `u8` for bulk operations) and calls `grow`;
 * after any call or grow it reloads `dv`, since `grow` replaces the buffer.
 */
export class MemoryInstance {
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
  growHook: MemoryGrowHook | null = null;

  /**
   * Allocates a memory of `type.limits.min` pages. `engineMaxPages` caps the maximum further
   * (defaults to what an ArrayBuffer can hold: 65536 pages of 64 KiB for 32-bit memories).
   */
  constructor(type: MemoryType, engineMaxPages?: number) {
    this.type = type;
    this.pageSizeLog2 = type.pageSizeLog2;
    this.shared = type.shared;
    this.addr = type.addr;
    const pageSize = 2 ** type.pageSizeLog2;
    const archMax = type.addr === 'i64' ? 2 ** 48 / pageSize : 2 ** 32 / pageSize;
    let max = type.limits.max ?? archMax;
    if (max > archMax) max = archMax;
    if (engineMaxPages !== undefined && engineMaxPages < max) max = engineMaxPages;
    this.maxPages = max;
    this.pages = type.limits.min;
    const bytes = type.limits.min * pageSize;
    this.buffer = allocBuffer(bytes, type.shared);
    this.dv = new DataView(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
  }

  /** The size in bytes. */
  get byteLength(): number {
    return this.buffer.byteLength;
  }

  /**
   * Grows by `delta` pages (a non-negative number). Returns the old size in pages, or -1 when the
   * growth exceeds the maximum, the limiter refuses, or the allocation fails.
   */
  grow(delta: number): number {
    const old = this.pages;
    if (delta === 0) return old;
    const want = old + delta;
    if (!(want <= this.maxPages)) return -1;
    const pageSize = 2 ** this.pageSizeLog2;
    if (this.growHook !== null && !this.growHook(old * pageSize, want * pageSize, this.maxPages * pageSize)) return -1;
    let nb: ArrayBuffer;
    try {
      nb = allocBuffer(want * pageSize, this.shared);
    } catch {
      return -1;
    }
    new Uint8Array(nb).set(this.u8);
    this.buffer = nb;
    this.dv = new DataView(nb);
    this.u8 = new Uint8Array(nb);
    this.pages = want;
    return old;
  }
}

function allocBuffer(bytes: number, shared: boolean): ArrayBuffer {
  if (shared) {
    const SAB = (globalThis as { SharedArrayBuffer?: typeof SharedArrayBuffer }).SharedArrayBuffer;
    if (SAB !== undefined) return new SAB(bytes) as unknown as ArrayBuffer;
  }
  return new ArrayBuffer(bytes);
}

/** A table: an array of references in internal form (`null` for null). */
export class TableInstance {
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
  growHook: ((current: number, desired: number, max: number | null) => boolean) | null = null;

  /** Creates a table of `type.limits.min` elements, all `init`. */
  constructor(type: TableType, init: unknown = null, engineMax = 10_000_000) {
    this.type = type;
    this.elemType = type.element;
    this.addr = type.addr;
    let max = type.limits.max ?? 2 ** 32 - 1;
    if (max > engineMax) max = engineMax;
    this.max = max;
    if (type.limits.min > engineMax) throw new RangeError('table minimum size exceeds the engine limit');
    this.elements = new Array(type.limits.min).fill(init);
  }

  /** The current size. */
  get size(): number {
    return this.elements.length;
  }

  /** Grows by `delta` elements set to `init`; returns the old size or -1. */
  grow(delta: number, init: unknown): number {
    const old = this.elements.length;
    const want = old + delta;
    if (!(want <= this.max)) return -1;
    if (this.growHook !== null && !this.growHook(old, want, this.max)) return -1;
    for (let i = 0; i < delta; i++) this.elements.push(init);
    return old;
  }
}

/**
 * A global: a mutable box. Non-i64 values live in `v`; an i64 lives in `v` (lo) and `h` (hi).
 */
export class GlobalInstance {
  /** The value (or the low half of an i64). */
  v: any;
  /** The high half of an i64 (0 for other types). */
  h: number;
  /** The global's type. */
  readonly type: GlobalType;

  /** Creates a global with the zero/null value of its type. */
  constructor(type: GlobalType) {
    this.type = type;
    this.v = defaultInternal(type.type);
    this.h = 0;
  }

  /** The value as an API value (i64 as bigint). */
  getValue(): unknown {
    if (this.type.type === 'i64') return pairToBigInt(this.v, this.h);
    return this.v;
  }

  /** Sets from an API value (i64 as bigint; i32 truncated to int32; f32 rounded). */
  setValue(value: unknown): void {
    const t = this.type.type;
    if (t === 'i64') {
      const b = BigInt.asUintN(64, BigInt(value as bigint));
      this.v = Number(b & 0xffffffffn) | 0;
      this.h = Number(b >> 32n) | 0;
      return;
    }
    this.v = apiToInternal(t, value);
  }
}

/** A tag: identity plus the canonical id of its function type. */
export class TagInstance {
  /** Canonical type id of the tag's function type. */
  readonly typeId: number;
  /** The tag's function type. */
  readonly type: FuncType;
  /** Creates a tag. */
  constructor(type: FuncType, typeId: number) {
    this.type = type;
    this.typeId = typeId;
  }
}

/**
 * A wasm exception (the value of an `exnref`, and what `throw` throws in JS). `payload` holds the
 * tag's parameters in internal form (an i64 as two slots, lo then hi).
 */
export class WasmException {
  /** The tag. */
  readonly tag: TagInstance;
  /** Payload in internal form. */
  readonly payload: unknown[];
  /** Creates an exception. */
  constructor(tag: TagInstance, payload: unknown[]) {
    this.tag = tag;
    this.payload = payload;
  }
  /** The payload as API values (i64 as bigint). */
  getValues(): unknown[] {
    return internalToApiList(this.tag.type.params, this.payload, 0);
  }
}

/** A GC struct or array: the canonical type id plus fields (layout private to compiled code). */
export interface GcObject {
  /** Canonical type id. */
  $t: number;
}

/**
 * A GC struct: fields `f0`, `f1`, ... in internal form (an i64 field as `fN` lo and `fNh` hi). A
 * struct whose type declares a descriptor (custom descriptors) also has `$d`, its descriptor struct.
 */
export class GcStruct implements GcObject {
  /** Canonical type id. */
  $t: number;
  /** Creates an empty struct of type id `t` (compiled code fills the fields). */
  constructor(t: number) {
    this.$t = t;
  }
  [field: string]: unknown;
}

/**
 * A GC array: elements in `a`, `n` of them. Storage by element type: `i8` Uint8Array, `i16`
 * Uint16Array, `i32` Int32Array, `i64` Int32Array of 2n (lo, hi), `f32`/`f64` Float64Array,
 * references and v128 a plain array.
 */
export class GcArray implements GcObject {
  /** Canonical type id. */
  $t: number;
  /** The element storage. */
  a: any;
  /** The length. */
  n: number;
  /** Creates an array of type id `t` over `a` (of `n` elements). */
  constructor(t: number, a: any, n: number = a.length) {
    this.$t = t;
    this.a = a;
    this.n = n;
  }
}

/**
 * Function-body bytes above which `lazy: 'auto'` (the default) chooses lazy evaluation: around
 * this size the whole-module source takes V8 longer to parse than most programs spend running
 * the parts they use.
 */
export const LAZY_AUTO_BYTES = 1 << 21;

/** Options of {@link compileModule}. */
export interface CompileOptions {
  /** Count fuel (instructions); the instance traps with `out of fuel` when it runs out. */
  fuel?: boolean;
  /** Check the epoch deadline at function entries and loop headers. */
  epoch?: boolean;
  /** Deterministic call-depth limit (off by default: V8's own stack limit applies). */
  maxCallDepth?: number;
  /**
   * Lazy compilation for big modules: compile time produces only the module prelude and the
   * instantiation code (which makes one stub per function); each body's JS is generated from the module bytes (see
   * {@link deferCodegen}) and evaluated by its own `new Function` on the function's first call.
   * `true`/`false` force the mode; absent (or `'auto'`), a module whose code section holds more
   * than {@link LAZY_AUTO_BYTES} bytes of function bodies is compiled lazily and smaller ones whole.
   */
  lazy?: boolean | 'auto';
  /**
   * In lazy mode, generate each body's JS on its first call (default `true`): the compiled module
   * then keeps the module (bytes) in {@link CompiledModule.lazySource}, and
   * {@link completeCompiled} generates the rest for serialization. `false`: generate every body at
   * compile time (only evaluation is deferred), so `lazyFuncs` is complete from the start.
   */
  deferCodegen?: boolean;
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
  /**
   * For funcs (custom descriptors): an exact import `(func (exact (type t)))`, which matches only
   * a function whose dynamic type is exactly `t`, not a subtype.
   */
  readonly exact?: boolean;
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
   * The data segments: their bytes (in memory a `Uint8Array`; serialized, the concatenation in
   * base64, decoded once per load) and the runs of active segments initialised by one loop each.
   */
  readonly data?: CompiledData;
  /**
   * Lazy mode (`options.lazy`): the shared prelude and, per defined function (index
   * `lazyBase + i`), the source of its factory, evaluated on the function's first call. Bodies
   * compiled now bind the environment names they use themselves, so the prelude is empty (one
   * written by an earlier compiler is still prepended to each factory).
   */
  readonly lazyPrelude?: string;
  readonly lazyFuncs?: readonly string[];
  readonly lazyBase?: number;
  /**
   * Deferred lazy mode: generates the factory source of defined function `funcIndex` (same form
   * as a `lazyFuncs` entry) from the module bytes it closes over. Not JSON: `JSON.stringify`
   * drops it, so call {@link completeCompiled} before saving a compiled module.
   */
  readonly lazySource?: (funcIndex: number) => string;
}

/**
 * A run of active data segments with bare `i32.const` offsets into one memory, initialised in
 * order by one loop: segment `segs[k]` goes to offset `offs[k]` (an int32, read unsigned).
 */
export interface DataRun {
  readonly memory: number;
  readonly segs: ArrayLike<number>;
  readonly offs: ArrayLike<number>;
}

/**
 * The data segments of a compiled module. In memory, segment `i` is `bytes[starts[i], ends[i])`
 * (`bytes` may be a view of the module's bytes); `JSON.stringify` writes the serialized form
 * instead: the segments concatenated as `base64` (no padding), `ends` the end of each segment in
 * the concatenation, and no `bytes` or `starts`.
 */
export interface CompiledData {
  readonly base64?: string;
  readonly bytes?: Uint8Array;
  readonly starts?: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  readonly runs: readonly DataRun[];
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
export const ABI_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Boundary conversions

function defaultInternal(t: ValType): unknown {
  if (t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64') return 0;
  if (t === 'v128') return v128Zero();
  return null;
}

function v128Zero(): unknown {
  return V128_ZERO;
}

/** Converts the int32 pair (lo, hi) to a signed 64-bit bigint. */
export function pairToBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}

/** Converts an API value of type `t` (not i64) to internal form. */
function apiToInternal(t: ValType, value: unknown): unknown {
  switch (t) {
    case 'i32':
      return Number(value) | 0;
    case 'f32': {
      // NaNs pass unchanged (f32 NaNs follow the support library's convention; fround would quiet them).
      const n = Number(value);
      return n === n ? Math.fround(n) : n;
    }
    case 'f64':
      return Number(value);
    default:
      return value === undefined ? null : value;
  }
}

/** Reads API values for `types` from internal slots starting at `at` (i64 takes two). */
function internalToApiList(types: readonly ValType[], slots: readonly unknown[], at: number): unknown[] {
  const out: unknown[] = genericArray();
  let k = at;
  for (const t of types) {
    if (t === 'i64') {
      out.push(pairToBigInt(slots[k] as number, slots[k + 1] as number));
      k += 2;
    } else {
      out.push(slots[k]);
      k += 1;
    }
  }
  return out;
}

/** Splits API values into internal argument slots (i64 as two). */
function apiToInternalList(types: readonly ValType[], values: readonly unknown[]): unknown[] {
  const out: unknown[] = genericArray();
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    const v = values[i];
    if (t === 'i64') {
      const b = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v as number));
      out.push(Number(b & 0xffffffffn) | 0, Number(b >> 32n) | 0);
    } else {
      out.push(apiToInternal(t, v));
    }
  }
  return out;
}

/**
 * Converts any error thrown by generated code into what the embedder should see: a `RangeError`
 * for V8's stack overflow becomes a `call stack exhausted` trap, any other `RangeError` (from a
 * DataView bounds check) an `out of bounds memory access` trap; other errors pass through.
 */
export function toTrap(e: unknown): unknown {
  if (e instanceof RangeError) {
    const msg = String(e.message);
    if (/call stack|too much recursion/i.test(msg)) return new Trap(TrapCode.StackExhausted);
    return new Trap(TrapCode.MemoryOutOfBounds);
  }
  return e;
}

/**
 * Wraps an internal-convention function as a host-callable one: it takes API values (i64 as
 * bigint) and returns `undefined`, one value, or an array for several results. Errors are passed
 * through {@link toTrap}.
 */
export function makeEntry(type: FuncType, fn: (...args: any[]) => any): (...args: unknown[]) => unknown {
  const params = type.params;
  const results = type.results;
  const nres = results.length;
  return function entry(...args: unknown[]): unknown {
    const internal = apiToInternalList(params, args);
    const depth = CALL_DEPTH[0]!;
    let r: unknown;
    try {
      r = fn(...internal);
    } catch (e) {
      CALL_DEPTH[0] = depth;
      throw toTrap(e);
    }
    if (nres === 0) return undefined;
    if (nres === 1) {
      if (results[0] === 'i64') return pairToBigInt(r as number, HI[0]!);
      return r;
    }
    return internalToApiList(results, RET, 0);
  };
}

/**
 * Wraps a host function (taking API values, returning `undefined`, one value, or an array for
 * several results) as an internal-convention function with `$t = typeId`.
 */
export function makeHostAdapter(type: FuncType, hostFn: (...args: unknown[]) => unknown, typeId = -1): FuncRef {
  const params = type.params;
  const results = type.results;
  const nres = results.length;
  const hasI64 = params.includes('i64');
  const adapter = function host(...args: unknown[]): unknown {
    let apiArgs: unknown[];
    if (hasI64) apiArgs = internalToApiList(params, args, 0);
    else apiArgs = args;
    const r = hostFn(...apiArgs);
    if (nres === 0) return undefined;
    if (nres === 1) {
      const t = results[0]!;
      if (t === 'i64') {
        const b = BigInt.asUintN(64, typeof r === 'bigint' ? r : BigInt(r as number));
        HI[0] = Number(b >> 32n) | 0;
        return Number(b & 0xffffffffn) | 0;
      }
      return apiToInternal(t, r);
    }
    const list = apiToInternalList(results, r as unknown[]);
    for (let i = 0; i < list.length; i++) RET[i] = list[i];
    return undefined;
  } as FuncRef;
  adapter.$t = typeId;
  return adapter;
}

/**
 * Maps a JS error's stack to wasm function indices, innermost first: frames of generated
 * functions look like `at f12 (wasm-module-<name>.js:...)`. Returns `[sourceName, funcIndex]`
 * pairs so the runtime can tell modules apart.
 */
export function parseWasmFrames(error: unknown): { sourceName: string; funcIndex: number }[] {
  const stack = error !== null && typeof error === 'object' ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return [];
  const out: { sourceName: string; funcIndex: number }[] = [];
  const re = /at (?:[\w$]+\.)?f(\d+)\$? \((?:.*[\s(])?wasm-module-([^\s:)]*)\.js:/g;
  for (const line of stack.split('\n')) {
    re.lastIndex = 0;
    const m = re.exec(line);
    if (m !== null) out.push({ sourceName: m[2]!, funcIndex: Number(m[1]) });
  }
  return out;
}
