import { Trap, TrapCode } from './trap.js';
import { HI as SUPPORT_HI } from './support/bits.js';
import { V128_ZERO } from './support/v128.js';
/**
 * The shared slot for the high half of an i64 result (and of i64 helper results): the support
 * library's `HI`. One per JS realm, so functions of different instances agree on it.
 */
export const HI = SUPPORT_HI;
/** The shared array for multi-value results (one per JS realm). */
export const RET = genericArray();
/**
 * An empty array whose elements kind is generic, so doubles stored in it are boxed with their
 * exact bits (a double-only array would canonicalise NaN payloads).
 */
export function genericArray() {
    const a = [undefined];
    a.length = 0;
    return a;
}
/**
 * The wasm call depth (the `maxCallDepth` option), one per realm. Entry points must restore it
 * when a call exits by an exception: {@link makeEntry} does.
 */
export const CALL_DEPTH = new Int32Array(1);
/** The byte size of a 64 KiB wasm page. */
export const PAGE_SIZE = 65536;
/**
 * A linear memory. Generated code reads `dv` (and `u8` for bulk operations) and calls `grow`;
 * after any call or grow it reloads `dv`, since `grow` replaces the buffer.
 */
export class MemoryInstance {
    /** The current bytes; replaced (not resized) by {@link grow}. */
    buffer;
    /** A DataView over {@link buffer}; generated code does every scalar access through it. */
    dv;
    /** A byte view over {@link buffer}. */
    u8;
    /** Current size in pages. */
    pages;
    /** Maximum size in pages (the declared maximum, or the address space / engine limit). */
    maxPages;
    /** log2 of the page size (16 unless custom-page-sizes). */
    pageSizeLog2;
    /** Whether the memory is shared (threads). */
    shared;
    /** Address type: `i32` or `i64` (memory64). */
    addr;
    /** The memory's type as declared. */
    type;
    /** Optional limiter consulted on growth. */
    growHook = null;
    /**
     * Allocates a memory of `type.limits.min` pages. `engineMaxPages` caps the maximum further
     * (defaults to what an ArrayBuffer can hold: 65536 pages of 64 KiB for 32-bit memories).
     */
    constructor(type, engineMaxPages) {
        this.type = type;
        this.pageSizeLog2 = type.pageSizeLog2;
        this.shared = type.shared;
        this.addr = type.addr;
        const pageSize = 2 ** type.pageSizeLog2;
        const archMax = type.addr === 'i64' ? 2 ** 48 / pageSize : 2 ** 32 / pageSize;
        let max = type.limits.max ?? archMax;
        if (max > archMax)
            max = archMax;
        if (engineMaxPages !== undefined && engineMaxPages < max)
            max = engineMaxPages;
        this.maxPages = max;
        this.pages = type.limits.min;
        const bytes = type.limits.min * pageSize;
        this.buffer = allocBuffer(bytes, type.shared);
        this.dv = new DataView(this.buffer);
        this.u8 = new Uint8Array(this.buffer);
    }
    /** The size in bytes. */
    get byteLength() {
        return this.buffer.byteLength;
    }
    /**
     * Grows by `delta` pages (a non-negative number). Returns the old size in pages, or -1 when the
     * growth exceeds the maximum, the limiter refuses, or the allocation fails.
     */
    grow(delta) {
        const old = this.pages;
        if (delta === 0)
            return old;
        const want = old + delta;
        if (!(want <= this.maxPages))
            return -1;
        const pageSize = 2 ** this.pageSizeLog2;
        if (this.growHook !== null && !this.growHook(old * pageSize, want * pageSize, this.maxPages * pageSize))
            return -1;
        let nb;
        try {
            nb = allocBuffer(want * pageSize, this.shared);
        }
        catch {
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
function allocBuffer(bytes, shared) {
    if (shared) {
        const SAB = globalThis.SharedArrayBuffer;
        if (SAB !== undefined)
            return new SAB(bytes);
    }
    return new ArrayBuffer(bytes);
}
/** A table: an array of references in internal form (`null` for null). */
export class TableInstance {
    /** The elements; its length is the table size. */
    elements;
    /** Maximum size (declared, or the engine's cap). */
    max;
    /** The element reference type. */
    elemType;
    /** Address type (table64). */
    addr;
    /** The table's type as declared. */
    type;
    /** Optional limiter consulted on growth (sizes in elements). */
    growHook = null;
    /** Creates a table of `type.limits.min` elements, all `init`. */
    constructor(type, init = null, engineMax = 10_000_000) {
        this.type = type;
        this.elemType = type.element;
        this.addr = type.addr;
        let max = type.limits.max ?? 2 ** 32 - 1;
        if (max > engineMax)
            max = engineMax;
        this.max = max;
        if (type.limits.min > engineMax)
            throw new RangeError('table minimum size exceeds the engine limit');
        this.elements = new Array(type.limits.min).fill(init);
    }
    /** The current size. */
    get size() {
        return this.elements.length;
    }
    /** Grows by `delta` elements set to `init`; returns the old size or -1. */
    grow(delta, init) {
        const old = this.elements.length;
        const want = old + delta;
        if (!(want <= this.max))
            return -1;
        if (this.growHook !== null && !this.growHook(old, want, this.max))
            return -1;
        for (let i = 0; i < delta; i++)
            this.elements.push(init);
        return old;
    }
}
/**
 * A global: a mutable box. Non-i64 values live in `v`; an i64 lives in `v` (lo) and `h` (hi).
 */
export class GlobalInstance {
    /** The value (or the low half of an i64). */
    v;
    /** The high half of an i64 (0 for other types). */
    h;
    /** The global's type. */
    type;
    /** Creates a global with the zero/null value of its type. */
    constructor(type) {
        this.type = type;
        this.v = defaultInternal(type.type);
        this.h = 0;
    }
    /** The value as an API value (i64 as bigint). */
    getValue() {
        if (this.type.type === 'i64')
            return pairToBigInt(this.v, this.h);
        return this.v;
    }
    /** Sets from an API value (i64 as bigint; i32 truncated to int32; f32 rounded). */
    setValue(value) {
        const t = this.type.type;
        if (t === 'i64') {
            const b = BigInt.asUintN(64, BigInt(value));
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
    typeId;
    /** The tag's function type. */
    type;
    /** Creates a tag. */
    constructor(type, typeId) {
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
    tag;
    /** Payload in internal form. */
    payload;
    /** Creates an exception. */
    constructor(tag, payload) {
        this.tag = tag;
        this.payload = payload;
    }
    /** The payload as API values (i64 as bigint). */
    getValues() {
        return internalToApiList(this.tag.type.params, this.payload, 0);
    }
}
/** A GC struct: fields `f0`, `f1`, ... in internal form (an i64 field as `fN` lo and `fNh` hi). */
export class GcStruct {
    /** Canonical type id. */
    $t;
    /** Creates an empty struct of type id `t` (compiled code fills the fields). */
    constructor(t) {
        this.$t = t;
    }
}
/**
 * A GC array: elements in `a`, `n` of them. Storage by element type: `i8` Uint8Array, `i16`
 * Uint16Array, `i32` Int32Array, `i64` Int32Array of 2n (lo, hi), `f32`/`f64` Float64Array,
 * references and v128 a plain array.
 */
export class GcArray {
    /** Canonical type id. */
    $t;
    /** The element storage. */
    a;
    /** The length. */
    n;
    /** Creates an array of type id `t` over `a` (of `n` elements). */
    constructor(t, a, n = a.length) {
        this.$t = t;
        this.a = a;
        this.n = n;
    }
}
/** The version of this ABI (in {@link CompiledModule.abiVersion}). */
export const ABI_VERSION = 1;
// ---------------------------------------------------------------------------------------------
// Boundary conversions
function defaultInternal(t) {
    if (t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64')
        return 0;
    if (t === 'v128')
        return v128Zero();
    return null;
}
function v128Zero() {
    return V128_ZERO;
}
/** Converts the int32 pair (lo, hi) to a signed 64-bit bigint. */
export function pairToBigInt(lo, hi) {
    return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}
/** Converts an API value of type `t` (not i64) to internal form. */
function apiToInternal(t, value) {
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
function internalToApiList(types, slots, at) {
    const out = genericArray();
    let k = at;
    for (const t of types) {
        if (t === 'i64') {
            out.push(pairToBigInt(slots[k], slots[k + 1]));
            k += 2;
        }
        else {
            out.push(slots[k]);
            k += 1;
        }
    }
    return out;
}
/** Splits API values into internal argument slots (i64 as two). */
function apiToInternalList(types, values) {
    const out = genericArray();
    for (let i = 0; i < types.length; i++) {
        const t = types[i];
        const v = values[i];
        if (t === 'i64') {
            const b = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v));
            out.push(Number(b & 0xffffffffn) | 0, Number(b >> 32n) | 0);
        }
        else {
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
export function toTrap(e) {
    if (e instanceof RangeError) {
        const msg = String(e.message);
        if (/call stack|too much recursion/i.test(msg))
            return new Trap(TrapCode.StackExhausted);
        return new Trap(TrapCode.MemoryOutOfBounds);
    }
    return e;
}
/**
 * Wraps an internal-convention function as a host-callable one: it takes API values (i64 as
 * bigint) and returns `undefined`, one value, or an array for several results. Errors are passed
 * through {@link toTrap}.
 */
export function makeEntry(type, fn) {
    const params = type.params;
    const results = type.results;
    const nres = results.length;
    return function entry(...args) {
        const internal = apiToInternalList(params, args);
        const depth = CALL_DEPTH[0];
        let r;
        try {
            r = fn(...internal);
        }
        catch (e) {
            CALL_DEPTH[0] = depth;
            throw toTrap(e);
        }
        if (nres === 0)
            return undefined;
        if (nres === 1) {
            if (results[0] === 'i64')
                return pairToBigInt(r, HI[0]);
            return r;
        }
        return internalToApiList(results, RET, 0);
    };
}
/**
 * Wraps a host function (taking API values, returning `undefined`, one value, or an array for
 * several results) as an internal-convention function with `$t = typeId`.
 */
export function makeHostAdapter(type, hostFn, typeId = -1) {
    const params = type.params;
    const results = type.results;
    const nres = results.length;
    const hasI64 = params.includes('i64');
    const adapter = function host(...args) {
        let apiArgs;
        if (hasI64)
            apiArgs = internalToApiList(params, args, 0);
        else
            apiArgs = args;
        const r = hostFn(...apiArgs);
        if (nres === 0)
            return undefined;
        if (nres === 1) {
            const t = results[0];
            if (t === 'i64') {
                const b = BigInt.asUintN(64, typeof r === 'bigint' ? r : BigInt(r));
                HI[0] = Number(b >> 32n) | 0;
                return Number(b & 0xffffffffn) | 0;
            }
            return apiToInternal(t, r);
        }
        const list = apiToInternalList(results, r);
        for (let i = 0; i < list.length; i++)
            RET[i] = list[i];
        return undefined;
    };
    adapter.$t = typeId;
    return adapter;
}
/**
 * Maps a JS error's stack to wasm function indices, innermost first: frames of generated
 * functions look like `at f12 (wasm-module-<name>.js:...)`. Returns `[sourceName, funcIndex]`
 * pairs so the runtime can tell modules apart.
 */
export function parseWasmFrames(error) {
    const stack = error !== null && typeof error === 'object' ? error.stack : undefined;
    if (typeof stack !== 'string')
        return [];
    const out = [];
    const re = /at (?:[\w$]+\.)?f(\d+)\$? \((?:.*[\s(])?wasm-module-([^\s:)]*)\.js:/g;
    for (const line of stack.split('\n')) {
        re.lastIndex = 0;
        const m = re.exec(line);
        if (m !== null)
            out.push({ sourceName: m[2], funcIndex: Number(m[1]) });
    }
    return out;
}
//# sourceMappingURL=abi.js.map