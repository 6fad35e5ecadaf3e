/**
 * Values at the API boundary (`Val`) and their conversion to and from the compiler's internal
 * representation. Conventions: i32, f32 and f64 are JS numbers; i64 is a bigint; v128 is a
 * {@link V128}; a funcref is a `Func` or `null`; an externref is an {@link ExternRef} or `null`
 * (any other JS value passed where an externref is expected is wrapped in a new `ExternRef`); an
 * anyref (and eqref, i31ref, structref, arrayref) is an {@link AnyRef} or `null`; an exnref is an
 * {@link ExnRef} or `null`.
 *
 * Floats: an f32 is the JS number of equal value; a NaN f32 keeps its payload in the top 23
 * mantissa bits of the double (see {@link f32ToBits} / {@link f32FromBits}). Use the bits helpers
 * to compare results bit-exactly.
 * @module
 */
import { GcArray, GcStruct, WasmException, type FuncRef } from '@wasmtide/compiler';
import { ValueTypeError } from './errors.js';
import { FuncType, heapMatches, heapTop, RefType, valTypeToString, type ValType } from './types.js';
import type { Func } from './func.js';
import type { Store } from './store.js';

// ---------------------------------------------------------------------------------------------
// Bits helpers

const scratch = new DataView(new ArrayBuffer(8));

/** The bits of an f32 value (as an unsigned 32-bit number), NaN payloads exact. */
export function f32ToBits(v: number): number {
  if (v === v) {
    scratch.setFloat32(0, v, true);
    return scratch.getUint32(0, true);
  }
  scratch.setFloat64(0, v, true);
  const hi = scratch.getUint32(4, true);
  const lo = scratch.getUint32(0, true);
  let m = ((hi & 0xfffff) << 3) | (lo >>> 29);
  if (m === 0) m = 0x400000;
  return ((hi & 0x80000000) | 0x7f800000 | m) >>> 0;
}

/** The f32 value (as a JS number) with the given bits, NaN payloads exact. */
export function f32FromBits(bits: number): number {
  bits >>>= 0;
  if ((bits & 0x7f800000) !== 0x7f800000 || (bits & 0x7fffff) === 0) {
    scratch.setUint32(0, bits, true);
    return scratch.getFloat32(0, true);
  }
  scratch.setUint32(0, ((bits & 7) << 29) >>> 0, true);
  scratch.setUint32(4, ((bits & 0x80000000) | 0x7ff00000 | ((bits & 0x7fffff) >>> 3)) >>> 0, true);
  return scratch.getFloat64(0, true);
}

/** The bits of an f64 value as an unsigned 64-bit bigint, NaN payloads exact. */
export function f64ToBits(v: number): bigint {
  scratch.setFloat64(0, v, true);
  return scratch.getBigUint64(0, true);
}

/** The f64 value with the given bits (a bigint, taken modulo 2^64). */
export function f64FromBits(bits: bigint): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, bits), true);
  return scratch.getFloat64(0, true);
}

/** Whether `v`, an f32, is a canonical NaN (payload exactly the quiet bit, either sign). */
export function isCanonicalNanF32(v: number): boolean {
  return (f32ToBits(v) & 0x7fffffff) === 0x7fc00000;
}
/** Whether `v`, an f32, is an arithmetic NaN (quiet bit set, any payload, either sign). */
export function isArithmeticNanF32(v: number): boolean {
  return (f32ToBits(v) & 0x7fc00000) === 0x7fc00000;
}
/** Whether `v`, an f64, is a canonical NaN. */
export function isCanonicalNanF64(v: number): boolean {
  return (f64ToBits(v) & 0x7fffffffffffffffn) === 0x7ff8000000000000n;
}
/** Whether `v`, an f64, is an arithmetic NaN. */
export function isArithmeticNanF64(v: number): boolean {
  return (f64ToBits(v) & 0x7ff8000000000000n) === 0x7ff8000000000000n;
}

/**
 * An f32 argument given by its raw bits, as wasmtime's `Val::F32`. Accepted wherever an f32 value
 * is: use it to pass NaNs with an exact payload, because V8 quiets signalling NaNs that are stored
 * in an array of doubles (for example one built with `map` or an array literal).
 */
export class F32Bits {
  /** The bits, an unsigned 32-bit number. */
  readonly bits: number;
  /** An f32 with these bits. */
  constructor(bits: number) {
    this.bits = bits >>> 0;
  }
  /** The value as a JS number (NaN payloads follow the f32 convention). */
  get value(): number {
    return f32FromBits(this.bits);
  }
}

/** An f64 argument given by its raw bits, as wasmtime's `Val::F64` (see {@link F32Bits}). */
export class F64Bits {
  /** The bits, an unsigned 64-bit bigint. */
  readonly bits: bigint;
  /** An f64 with these bits (taken modulo 2^64). */
  constructor(bits: bigint) {
    this.bits = BigInt.asUintN(64, bits);
  }
  /** The value as a JS number. */
  get value(): number {
    return f64FromBits(this.bits);
  }
}

/**
 * @internal An array of `n` nulls whose elements are tagged (never a double array), so that NaN
 * payloads of the numbers stored in it survive: V8 quiets signalling NaNs stored in double arrays.
 */
export function newSlots(n: number): unknown[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [null];
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
    default:
      return new Array<unknown>(n).fill(null);
  }
}

/** @internal Number of internal slots values of `types` take (an i64 takes two). */
export function slotTotal(types: readonly ValType[]): number {
  let n = types.length;
  for (let i = 0; i < types.length; i++) if (types[i] === 'i64') n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// V128

/** A lane shape of a v128. */
export type V128Shape = 'i8x16' | 'i16x8' | 'i32x4' | 'i64x2' | 'f32x4' | 'f64x2';

/** A 128-bit vector value: 16 bytes, little-endian. */
export class V128 {
  /** The 16 bytes (a copy owned by this value). */
  readonly bytes: Uint8Array;
  /** A vector from 16 bytes (copied); all zero if omitted. */
  constructor(bytes?: ArrayLike<number>) {
    this.bytes = new Uint8Array(16);
    if (bytes) {
      if (bytes.length !== 16) throw new ValueTypeError(`a v128 needs 16 bytes, got ${bytes.length}`);
      this.bytes.set(bytes);
    }
  }
  /** A vector from an unsigned 128-bit bigint (taken modulo 2^128). */
  static fromBigInt(b: bigint): V128 {
    const v = new V128();
    const dv = new DataView(v.bytes.buffer);
    const u = BigInt.asUintN(128, b);
    dv.setBigUint64(0, u & 0xffffffffffffffffn, true);
    dv.setBigUint64(8, u >> 64n, true);
    return v;
  }
  /** A vector from lane values (`i64x2` lanes as bigints; f32 lanes follow the NaN convention). */
  static fromLanes(shape: V128Shape, lanes: readonly (number | bigint)[]): V128 {
    const v = new V128();
    const dv = new DataView(v.bytes.buffer);
    const n = 16 / laneBytes(shape);
    if (lanes.length !== n) throw new ValueTypeError(`${shape} needs ${n} lanes, got ${lanes.length}`);
    for (let i = 0; i < n; i++) {
      const x = lanes[i]!;
      switch (shape) {
        case 'i8x16':
          dv.setUint8(i, Number(x) & 0xff);
          break;
        case 'i16x8':
          dv.setUint16(i * 2, Number(x) & 0xffff, true);
          break;
        case 'i32x4':
          dv.setUint32(i * 4, Number(x) >>> 0, true);
          break;
        case 'i64x2':
          dv.setBigUint64(i * 8, BigInt.asUintN(64, BigInt(x)), true);
          break;
        case 'f32x4':
          dv.setUint32(i * 4, f32ToBits(Number(x)), true);
          break;
        case 'f64x2':
          dv.setBigUint64(i * 8, f64ToBits(Number(x)), true);
          break;
      }
    }
    return v;
  }
  /** The lanes (integers unsigned; `i64x2` lanes as bigints; f32 lanes follow the NaN convention). */
  lanes(shape: V128Shape): (number | bigint)[] {
    const dv = new DataView(this.bytes.buffer);
    const n = 16 / laneBytes(shape);
    const out = newSlots(n) as (number | bigint)[]; // tagged: keeps NaN payloads
    for (let i = 0; i < n; i++) {
      switch (shape) {
        case 'i8x16':
          out[i] = dv.getUint8(i);
          break;
        case 'i16x8':
          out[i] = dv.getUint16(i * 2, true);
          break;
        case 'i32x4':
          out[i] = dv.getUint32(i * 4, true);
          break;
        case 'i64x2':
          out[i] = dv.getBigUint64(i * 8, true);
          break;
        case 'f32x4':
          out[i] = f32FromBits(dv.getUint32(i * 4, true));
          break;
        case 'f64x2':
          out[i] = dv.getFloat64(i * 8, true);
          break;
      }
    }
    return out;
  }
  /** The value as an unsigned 128-bit bigint. */
  toBigInt(): bigint {
    const dv = new DataView(this.bytes.buffer);
    return (dv.getBigUint64(8, true) << 64n) | dv.getBigUint64(0, true);
  }
  /** Bitwise equality. */
  equals(other: V128): boolean {
    for (let i = 0; i < 16; i++) if (this.bytes[i] !== other.bytes[i]) return false;
    return true;
  }
  /** `0x` and 32 hex digits. */
  toString(): string {
    return '0x' + this.toBigInt().toString(16).padStart(32, '0');
  }
}

function laneBytes(shape: V128Shape): number {
  switch (shape) {
    case 'i8x16':
      return 1;
    case 'i16x8':
      return 2;
    case 'i32x4':
    case 'f32x4':
      return 4;
    default:
      return 8;
  }
}

/**
 * @internal Internal form of a v128: the compiler's `{w0, w1, w2, w3}` (four little-endian int32
 * words, `w0` = bytes 0..3).
 */
export function v128ToInternal(v: V128): { w0: number; w1: number; w2: number; w3: number } {
  const dv = new DataView(v.bytes.buffer, v.bytes.byteOffset, 16);
  return { w0: dv.getInt32(0, true), w1: dv.getInt32(4, true), w2: dv.getInt32(8, true), w3: dv.getInt32(12, true) };
}

/** @internal API form of an internal v128 (the compiler's word object, or any 16-byte typed array). */
export function v128FromInternal(x: unknown): V128 {
  if (ArrayBuffer.isView(x) && x.byteLength === 16) return new V128(new Uint8Array(x.buffer, x.byteOffset, 16));
  const v = new V128();
  if (x !== null && typeof x === 'object' && 'w0' in x) {
    const w = x as { w0: number; w1: number; w2: number; w3: number };
    const dv = new DataView(v.bytes.buffer);
    dv.setInt32(0, w.w0, true);
    dv.setInt32(4, w.w1, true);
    dv.setInt32(8, w.w2, true);
    dv.setInt32(12, w.w3, true);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// References

/**
 * An `externref`: an opaque reference to a host value. `data` is the host value. References that
 * came from wasm via `extern.convert_any` wrap an internal reference instead (see {@link isAny}).
 */
export class ExternRef {
  /** The host value (or, for a converted anyref, the internal reference). */
  readonly data: unknown;
  /** @internal The internal reference: `this` for host values. */
  readonly raw: unknown;
  /** An externref holding `data`. */
  constructor(data: unknown) {
    this.data = data;
    this.raw = this;
  }
  /** @internal An externref over an internal value that is not a host ExternRef. */
  static fromInternal(raw: unknown): ExternRef {
    if (raw instanceof ExternRef) return raw;
    const r = Object.create(ExternRef.prototype) as { data: unknown; raw: unknown };
    r.data = raw;
    r.raw = raw;
    return r as ExternRef;
  }
  /** Whether this externref is an anyref converted with `extern.convert_any`. */
  isAny(): boolean {
    return this.raw !== this;
  }
  /** The anyref this externref converts to (`any.convert_extern`). */
  toAnyRef(): AnyRef {
    return AnyRef.fromInternal(this.raw);
  }
}

/**
 * An `anyref` (also used for eqref, i31ref, structref and arrayref values): an i31, a GC struct or
 * array, or a host value converted with `any.convert_extern`.
 */
export class AnyRef {
  /** @internal The internal reference (a number for an i31). */
  readonly raw: unknown;
  private constructor(raw: unknown) {
    this.raw = raw;
  }
  /** @internal Wraps an internal non-null any-hierarchy reference. */
  static fromInternal(raw: unknown): AnyRef {
    return new AnyRef(raw);
  }
  /** An i31 reference holding the low 31 bits of `value`. */
  static fromI31(value: number): AnyRef {
    return new AnyRef(((value << 1) >> 1) | 0);
  }
  /** Whether this is an i31. */
  isI31(): boolean {
    return typeof this.raw === 'number';
  }
  /** The i31 value sign-extended (throws if not an i31). */
  i31GetS(): number {
    if (typeof this.raw !== 'number') throw new ValueTypeError('anyref is not an i31');
    return this.raw;
  }
  /** The i31 value zero-extended (throws if not an i31). */
  i31GetU(): number {
    return this.i31GetS() & 0x7fffffff;
  }
  /** Whether this is a GC struct. */
  isStruct(): boolean {
    return this.raw instanceof GcStruct;
  }
  /** Whether this is a GC array. */
  isArray(): boolean {
    return this.raw instanceof GcArray;
  }
  /** Whether this is a host value converted with `any.convert_extern`. */
  isExtern(): boolean {
    return this.raw instanceof ExternRef;
  }
  /** The externref this anyref converts to (`extern.convert_any`). */
  toExternRef(): ExternRef {
    return ExternRef.fromInternal(this.raw);
  }
  /** Reference equality (`ref.eq`): same object, or equal i31 values. */
  equals(other: AnyRef): boolean {
    return this.raw === other.raw;
  }
}

/** An `exnref`: a caught wasm exception. */
export class ExnRef {
  /** @internal The compiler's exception object. */
  readonly raw: WasmException;
  /** @internal */
  constructor(raw: WasmException) {
    this.raw = raw;
  }
}

/**
 * A value at the API boundary. `F32Bits` and `F64Bits` are accepted as arguments (never returned:
 * results are plain numbers).
 */
export type Val = number | bigint | F32Bits | F64Bits | V128 | Func | ExternRef | AnyRef | ExnRef | null;

/** A value written with its type, e.g. `{type: 'i64', value: 1n}` (used where the type is not implied). */
export interface TypedVal {
  /** The type. */
  readonly type: ValType;
  /** The value. */
  readonly value: Val;
}

// ---------------------------------------------------------------------------------------------
// Conversions

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object' || typeof v === 'function') return (v as object).constructor?.name ?? typeof v;
  return `${typeof v} ${String(v)}`;
}

function mismatch(t: ValType, v: unknown, what: string): never {
  throw new ValueTypeError(`${what}: expected ${valTypeToString(t)}, got ${describe(v)}`);
}

/** @internal Hooks for funcref conversion, filled by func.ts (avoids an import cycle at load time). */
export const funcHooks: {
  isFunc(v: unknown): v is Func;
  rawOf(f: Func, store: Store<any>, what: string): FuncRef;
  typeOf(f: Func): FuncType;
  wrap(store: Store<any>, raw: FuncRef): Func;
} = {
  isFunc: (_v: unknown): _v is Func => false,
  rawOf: () => {
    throw new Error('func.ts not loaded');
  },
  typeOf: () => {
    throw new Error('func.ts not loaded');
  },
  wrap: () => {
    throw new Error('func.ts not loaded');
  },
};

/**
 * @internal Converts an API value of type `t` to internal form and stores it at `out[k]` (an i64
 * as two slots, lo then hi); returns the next index. `out` must come from {@link newSlots}.
 * Throws {@link ValueTypeError} on a mismatch.
 */
export function setInternal(store: Store<any>, t: ValType, v: unknown, out: unknown[], k: number, what: string): number {
  switch (t) {
    case 'i32':
      if (typeof v !== 'number') mismatch(t, v, what);
      out[k] = v | 0;
      return k + 1;
    case 'i64': {
      let b: bigint;
      if (typeof v === 'bigint') b = v;
      else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
      else mismatch(t, v, what);
      const u = BigInt.asUintN(64, b);
      out[k] = Number(u & 0xffffffffn) | 0;
      out[k + 1] = Number(u >> 32n) | 0;
      return k + 2;
    }
    case 'f32':
      if (v instanceof F32Bits) out[k] = f32FromBits(v.bits);
      else if (typeof v !== 'number') mismatch(t, v, what);
      else out[k] = v !== v ? v : Math.fround(v);
      return k + 1;
    case 'f64':
      if (v instanceof F64Bits) out[k] = f64FromBits(v.bits);
      else if (typeof v !== 'number') mismatch(t, v, what);
      else out[k] = v;
      return k + 1;
    case 'v128':
      if (!(v instanceof V128)) mismatch(t, v, what);
      out[k] = v128ToInternal(v);
      return k + 1;
  }
  out[k] = refToInternal(store, t, v, what);
  return k + 1;
}

/** @internal Converts an API reference of type `t` to its internal form. */
export function refToInternal(store: Store<any>, t: RefType, v: unknown, what: string): unknown {
  if (v === null || v === undefined) {
    if (!t.nullable) throw new ValueTypeError(`${what}: null is not a ${t}`);
    return null;
  }
  switch (heapTop(t.heap)) {
    case 'func': {
      if (!funcHooks.isFunc(v)) mismatch(t, v, what);
      const raw = funcHooks.rawOf(v, store, what);
      const ft = funcHooks.typeOf(v);
      if (t.heap !== 'func' && (t.exact ? ft !== t.heap : !heapMatches(ft, t.heap))) {
        throw new ValueTypeError(`${what}: function of type ${funcHooks.typeOf(v)} is not a ${t}`);
      }
      return raw;
    }
    case 'extern': {
      if (t.heap === 'noextern') mismatch(t, v, what);
      if (v instanceof ExternRef) return v.raw;
      if (v instanceof AnyRef || v instanceof ExnRef || funcHooks.isFunc(v)) mismatch(t, v, what);
      return new ExternRef(v).raw;
    }
    case 'exn':
      if (!(v instanceof ExnRef) || t.heap === 'noexn') mismatch(t, v, what);
      return v.raw;
    default: {
      if (!(v instanceof AnyRef)) mismatch(t, v, what);
      const raw = v.raw;
      const h = t.heap;
      const gc = raw instanceof GcStruct || raw instanceof GcArray;
      if (typeof h === 'string' ? !anyMatches(raw, h) : !(gc && (t.exact ? raw.$t === h.uid : store.engine.registry.isSubtypeId(raw.$t, h.uid)))) {
        mismatch(t, v, what);
      }
      return raw;
    }
  }
}

function anyMatches(raw: unknown, h: string): boolean {
  switch (h) {
    case 'any':
      return true;
    case 'eq':
      return typeof raw === 'number' || raw instanceof GcStruct || raw instanceof GcArray;
    case 'i31':
      return typeof raw === 'number';
    case 'struct':
      return raw instanceof GcStruct;
    case 'array':
      return raw instanceof GcArray;
    default:
      return false;
  }
}

/**
 * @internal Converts internal slots to an API value of type `t`, reading from `slots[at]` (an i64
 * reads two slots). Returns the value; the caller advances by {@link slotCount}.
 */
export function fromInternal(store: Store<any>, t: ValType, a: unknown, b?: unknown): Val {
  switch (t) {
    case 'i32':
    case 'f32':
    case 'f64':
      return a as number;
    case 'i64':
      return (BigInt((b as number) | 0) << 32n) | BigInt((a as number) >>> 0);
    case 'v128':
      return v128FromInternal(a);
  }
  if (a === null || a === undefined) return null;
  switch (heapTop(t.heap)) {
    case 'func':
      return funcHooks.wrap(store, a as FuncRef);
    case 'extern':
      return ExternRef.fromInternal(a);
    case 'exn':
      return a instanceof WasmException ? new ExnRef(a) : null;
    default:
      return AnyRef.fromInternal(a);
  }
}

/** @internal Number of internal slots a value of type `t` takes (2 for i64, else 1). */
export function slotCount(t: ValType): number {
  return t === 'i64' ? 2 : 1;
}

/** @internal Converts a list of API values to internal argument slots, checking count and types. */
export function toInternalList(store: Store<any>, types: readonly ValType[], vals: readonly unknown[], what: string): unknown[] {
  if (!Array.isArray(vals)) throw new ValueTypeError(`${what}: expected an array of ${types.length} values`);
  if (vals.length !== types.length) {
    throw new ValueTypeError(`${what}: expected ${types.length} value${types.length === 1 ? '' : 's'}, got ${vals.length}`);
  }
  const out = newSlots(slotTotal(types));
  let k = 0;
  for (let i = 0; i < types.length; i++) k = setInternal(store, types[i]!, vals[i], out, k, `${what} ${i}`);
  return out;
}

/** @internal Converts internal slots (i64 as two) to a list of API values. */
export function fromInternalList(store: Store<any>, types: readonly ValType[], slots: ArrayLike<unknown>, at = 0): Val[] {
  const out: Val[] = new Array<Val>(types.length).fill(null);
  let k = at;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (t === 'i64') {
      out[i] = fromInternal(store, t, slots[k], slots[k + 1]);
      k += 2;
    } else {
      out[i] = fromInternal(store, t, slots[k]);
      k += 1;
    }
  }
  return out;
}

/** @internal The default (zero or null) API value of a type. */
export function defaultVal(t: ValType): Val {
  switch (t) {
    case 'i32':
    case 'f32':
    case 'f64':
      return 0;
    case 'i64':
      return 0n;
    case 'v128':
      return new V128();
    default:
      return null;
  }
}
