/**
 * Run-time helpers that generated code calls for the operators too big to inline: bulk memory and
 * table operations, segment initialisation, and constant decoding. They are handed to the
 * generated code by {@link loadCompiled} (never reached through globals).
 * @module
 */
import { Trap, TrapCode } from './trap.js';
import type { CompiledData, DataRun, MemoryInstance, TableInstance } from './abi.js';

const EMPTY_U8 = new Uint8Array(0);

/** `memory.init`: copies `n` bytes of `seg` from `s` to `d` (all unsigned doubles). */
export function memInit(m: MemoryInstance, d: number, seg: Uint8Array, s: number, n: number): void {
  if (s + n > seg.length || d + n > m.buffer.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
  if (n === 0) return;
  if (n <= 32) {
    // Short segments (Go modules have ~100,000): a loop is cheaper than a view plus a copy.
    const u8 = m.u8;
    for (let i = 0; i < n; i++) u8[d + i] = seg[s + i]!;
    return;
  }
  m.u8.set(seg.subarray(s, s + n), d);
}

/** `memory.copy` (possibly between two memories). */
export function memCopy(md: MemoryInstance, d: number, ms: MemoryInstance, s: number, n: number): void {
  if (s + n > ms.buffer.byteLength || d + n > md.buffer.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
  if (n === 0) return;
  if (md === ms) md.u8.copyWithin(d, s, s + n);
  else md.u8.set(ms.u8.subarray(s, s + n), d);
}

/** `memory.fill`. */
export function memFill(m: MemoryInstance, d: number, v: number, n: number): void {
  if (d + n > m.buffer.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
  if (n === 0) return;
  m.u8.fill(v & 255, d, d + n);
}

/** `table.init`: copies `n` references of `seg` from `s` to `d`. */
export function tableInit(t: TableInstance, d: number, seg: readonly unknown[], s: number, n: number): void {
  const el = t.elements;
  if (s + n > seg.length || d + n > el.length) throw new Trap(TrapCode.TableOutOfBounds);
  for (let i = 0; i < n; i++) el[d + i] = seg[s + i];
}

/** `table.copy` (possibly between two tables), overlap-safe. */
export function tableCopy(td: TableInstance, d: number, ts: TableInstance, s: number, n: number): void {
  const de = td.elements;
  const se = ts.elements;
  if (s + n > se.length || d + n > de.length) throw new Trap(TrapCode.TableOutOfBounds);
  if (n === 0) return;
  if (de === se && d > s) {
    for (let i = n - 1; i >= 0; i--) de[d + i] = se[s + i];
  } else {
    for (let i = 0; i < n; i++) de[d + i] = se[s + i];
  }
}

/** `table.fill`. */
export function tableFill(t: TableInstance, d: number, v: unknown, n: number): void {
  const el = t.elements;
  if (d + n > el.length) throw new Trap(TrapCode.TableOutOfBounds);
  for (let i = 0; i < n; i++) el[d + i] = v;
}

/** `table.grow`: returns the old size or -1. */
export function tableGrow(t: TableInstance, v: unknown, n: number): number {
  return t.grow(n, v);
}

/** `table.get` bounds-checked. */
export function tableGet(t: TableInstance, i: number): unknown {
  const el = t.elements;
  if (i >= el.length) throw new Trap(TrapCode.TableOutOfBounds);
  return el[i];
}

/** `table.set` bounds-checked. */
export function tableSet(t: TableInstance, i: number, v: unknown): void {
  const el = t.elements;
  if (i >= el.length) throw new Trap(TrapCode.TableOutOfBounds);
  el[i] = v;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_CODE = Uint8Array.from(B64, (c) => c.charCodeAt(0));
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Encodes bytes as base64 (no padding). */
export function encodeBase64(bytes: Uint8Array): string {
  const full = bytes.length - (bytes.length % 3);
  const rest = bytes.length - full;
  const out = new Uint8Array((full / 3) * 4 + (rest === 0 ? 0 : rest + 1));
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64_CODE[v >> 18]!;
    out[o++] = B64_CODE[(v >> 12) & 63]!;
    out[o++] = B64_CODE[(v >> 6) & 63]!;
    out[o++] = B64_CODE[v & 63]!;
  }
  if (rest === 1) {
    const v = bytes[full]! << 16;
    out[o++] = B64_CODE[v >> 18]!;
    out[o++] = B64_CODE[(v >> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[full]! << 16) | (bytes[full + 1]! << 8);
    out[o++] = B64_CODE[v >> 18]!;
    out[o++] = B64_CODE[(v >> 12) & 63]!;
    out[o++] = B64_CODE[(v >> 6) & 63]!;
  }
  // ASCII codes to a string in chunks (one string per chunk, joined once: no long rope).
  const parts: string[] = [];
  for (let i = 0; i < out.length; i += 0x2000) parts.push(String.fromCharCode.apply(null, out.subarray(i, i + 0x2000) as unknown as number[]));
  return parts.join('');
}

/** Decodes base64 without padding (as written by {@link encodeBase64}). */
export function decodeBase64(s: string): Uint8Array {
  if (s.length === 0) return EMPTY_U8;
  const n = Math.floor((s.length * 3) / 4);
  const out = new Uint8Array(n);
  const full = s.length - (s.length % 4);
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const v =
      (B64_INDEX[s.charCodeAt(i) & 127]! << 18) |
      (B64_INDEX[s.charCodeAt(i + 1) & 127]! << 12) |
      (B64_INDEX[s.charCodeAt(i + 2) & 127]! << 6) |
      B64_INDEX[s.charCodeAt(i + 3) & 127]!;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  let acc = 0;
  let bits = 0;
  for (let i = full; i < s.length; i++) {
    acc = (acc << 6) | B64_INDEX[s.charCodeAt(i) & 127]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** The empty byte array (a dropped data segment). */
export const EMPTY_BYTES: Uint8Array = EMPTY_U8;

// ---------------------------------------------------------------------------------------------
// GC arrays

/** Element storage kinds of GC arrays (see `GcArray`). */
export type ElemKind = 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64' | 'ref' | 'v128';

/** Byte size of one element of each kind (data segments). */
const ELEM_SIZE: Record<ElemKind, number> = { i8: 1, i16: 2, i32: 4, i64: 8, f32: 4, f64: 8, ref: 0, v128: 16 };

/** Largest array the engine allocates (elements); larger requests trap. */
const MAX_ARRAY = 2 ** 27;

function checkLen(n: number): void {
  if (n > MAX_ARRAY) throw new Trap('allocation failed: array too large');
}

/** New element storage of `n` elements, all `v` (`vh`: the hi half of an i64). */
export function arrayStore(kind: ElemKind, n: number, v: unknown, vh: number): any {
  checkLen(n);
  switch (kind) {
    case 'i8': {
      const a = new Uint8Array(n);
      if (v !== 0) a.fill(v as number);
      return a;
    }
    case 'i16': {
      const a = new Uint16Array(n);
      if (v !== 0) a.fill(v as number);
      return a;
    }
    case 'i32': {
      const a = new Int32Array(n);
      if (v !== 0) a.fill(v as number);
      return a;
    }
    case 'i64': {
      const a = new Int32Array(2 * n);
      if (v !== 0 || vh !== 0) {
        for (let i = 0; i < n; i++) {
          a[2 * i] = v as number;
          a[2 * i + 1] = vh;
        }
      }
      return a;
    }
    case 'f32':
    case 'f64': {
      const a = new Float64Array(n);
      if (v !== 0) a.fill(v as number);
      return a;
    }
    default:
      return new Array(n).fill(v);
  }
}

/** Reads `n` elements of `kind` from `bytes` at `s` into new storage (for `array.new_data`). */
export function arrayFromData(kind: ElemKind, bytes: Uint8Array, s: number, n: number, f32FromBits: (b: number) => number): any {
  const z = ELEM_SIZE[kind];
  if (s + n * z > bytes.length) throw new Trap(TrapCode.MemoryOutOfBounds);
  checkLen(n);
  const a = arrayStore(kind, n, 0, 0);
  copyData(kind, a, 0, bytes, s, n, f32FromBits);
  return a;
}

function copyData(kind: ElemKind, a: any, d: number, bytes: Uint8Array, s: number, n: number, f32FromBits: (b: number) => number): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const z = ELEM_SIZE[kind];
  for (let i = 0; i < n; i++) {
    const p = s + i * z;
    switch (kind) {
      case 'i8':
        a[d + i] = bytes[p];
        break;
      case 'i16':
        a[d + i] = dv.getUint16(p, true);
        break;
      case 'i32':
        a[d + i] = dv.getInt32(p, true);
        break;
      case 'i64':
        a[2 * (d + i)] = dv.getInt32(p, true);
        a[2 * (d + i) + 1] = dv.getInt32(p + 4, true);
        break;
      case 'f32':
        a[d + i] = f32FromBits(dv.getInt32(p, true));
        break;
      case 'f64':
        a[d + i] = dv.getFloat64(p, true);
        break;
      default:
        throw new Trap('unsupported array element type for data');
    }
  }
}

/** `array.init_data`. */
export function arrayInitData(
  kind: ElemKind,
  arr: { a: any; n: number },
  d: number,
  bytes: Uint8Array,
  s: number,
  n: number,
  f32FromBits: (b: number) => number,
): void {
  if (d + n > arr.n) throw new Trap(TrapCode.ArrayOutOfBounds);
  if (s + n * ELEM_SIZE[kind] > bytes.length) throw new Trap(TrapCode.MemoryOutOfBounds);
  copyData(kind, arr.a, d, bytes, s, n, f32FromBits);
}

/** `array.new_elem`: a copy of `seg[s, s+n)`. */
export function arrayFromElem(seg: readonly unknown[], s: number, n: number): unknown[] {
  if (s + n > seg.length) throw new Trap(TrapCode.TableOutOfBounds);
  return seg.slice(s, s + n);
}

/** `array.init_elem`. */
export function arrayInitElem(arr: { a: any; n: number }, d: number, seg: readonly unknown[], s: number, n: number): void {
  if (d + n > arr.n) throw new Trap(TrapCode.ArrayOutOfBounds);
  if (s + n > seg.length) throw new Trap(TrapCode.TableOutOfBounds);
  for (let i = 0; i < n; i++) arr.a[d + i] = seg[s + i];
}

/** `array.fill` (`scale` 2 for i64 storage, with `vh` the hi half). */
export function arrayFill(arr: { a: any; n: number }, d: number, v: unknown, vh: number, n: number, scale: number): void {
  if (d + n > arr.n) throw new Trap(TrapCode.ArrayOutOfBounds);
  const a = arr.a;
  if (scale === 2) {
    for (let i = d; i < d + n; i++) {
      a[2 * i] = v;
      a[2 * i + 1] = vh;
    }
  } else if (typeof a.fill === 'function') {
    a.fill(v, d, d + n);
  }
}

/** `array.copy` (overlap-safe; `scale` 2 for i64 storage). */
export function arrayCopy(dst: { a: any; n: number }, d: number, src: { a: any; n: number }, s: number, n: number, scale: number): void {
  if (d + n > dst.n || s + n > src.n) throw new Trap(TrapCode.ArrayOutOfBounds);
  if (n === 0) return;
  const da = dst.a;
  const sa = src.a;
  if (da === sa && typeof da.copyWithin === 'function') {
    da.copyWithin(d * scale, s * scale, (s + n) * scale);
    return;
  }
  if (da === sa && d > s) {
    for (let i = n * scale - 1; i >= 0; i--) da[d * scale + i] = sa[s * scale + i];
  } else {
    for (let i = 0; i < n * scale; i++) da[d * scale + i] = sa[s * scale + i];
  }
}

// ---------------------------------------------------------------------------------------------
// Atomics (threads). Single-threaded semantics through the DataView; the checks are the spec's:
// bounds first, then alignment (`unaligned atomic`).

function atomicCheck(dv: DataView, ea: number, size: number): void {
  if (ea + size > dv.byteLength) throw new Trap(TrapCode.MemoryOutOfBounds);
  if (ea % size !== 0) throw new Trap(TrapCode.UnalignedAtomic);
}

function readSized(dv: DataView, ea: number, size: number): number {
  switch (size) {
    case 1:
      return dv.getUint8(ea);
    case 2:
      return dv.getUint16(ea, true);
    default:
      return dv.getInt32(ea, true);
  }
}

function writeSized(dv: DataView, ea: number, size: number, v: number): void {
  switch (size) {
    case 1:
      dv.setUint8(ea, v & 255);
      return;
    case 2:
      dv.setUint16(ea, v & 65535, true);
      return;
    default:
      dv.setInt32(ea, v, true);
  }
}

/** An atomic load of `size` bytes, zero-extended; returns lo, hi in `hi[0]`. */
export function atomicLoad(dv: DataView, ea: number, size: number, hi: Int32Array): number {
  atomicCheck(dv, ea, size);
  if (size === 8) {
    hi[0] = dv.getInt32(ea + 4, true);
    return dv.getInt32(ea, true);
  }
  hi[0] = 0;
  return readSized(dv, ea, size);
}

/** An atomic store of the low `size` bytes of (lo, hi). */
export function atomicStore(dv: DataView, ea: number, size: number, lo: number, hi: number): void {
  atomicCheck(dv, ea, size);
  if (size === 8) {
    dv.setInt32(ea + 4, hi, true);
    dv.setInt32(ea, lo, true);
    return;
  }
  writeSized(dv, ea, size, lo);
}

function combine(op: number, a: bigint, b: bigint): bigint {
  switch (op) {
    case 0:
      return a + b;
    case 1:
      return a - b;
    case 2:
      return a & b;
    case 3:
      return a | b;
    case 4:
      return a ^ b;
    default:
      return b;
  }
}

/**
 * An atomic read-modify-write (`op`: 0 add, 1 sub, 2 and, 3 or, 4 xor, 5 xchg) of `size` bytes;
 * returns the old value (zero-extended) as lo with hi in `hi[0]`.
 */
export function atomicRmw(dv: DataView, ea: number, size: number, op: number, lo: number, vhi: number, hi: Int32Array): number {
  atomicCheck(dv, ea, size);
  if (size === 8) {
    const oldLo = dv.getInt32(ea, true);
    const oldHi = dv.getInt32(ea + 4, true);
    const old = (BigInt(oldHi) << 32n) | BigInt(oldLo >>> 0);
    const v = (BigInt(vhi) << 32n) | BigInt(lo >>> 0);
    const n = BigInt.asUintN(64, combine(op, old, v));
    dv.setInt32(ea, Number(n & 0xffffffffn) | 0, true);
    dv.setInt32(ea + 4, Number(n >> 32n) | 0, true);
    hi[0] = oldHi;
    return oldLo;
  }
  const old = readSized(dv, ea, size);
  let n: number;
  switch (op) {
    case 0:
      n = (old + lo) | 0;
      break;
    case 1:
      n = (old - lo) | 0;
      break;
    case 2:
      n = old & lo;
      break;
    case 3:
      n = old | lo;
      break;
    case 4:
      n = old ^ lo;
      break;
    default:
      n = lo;
  }
  writeSized(dv, ea, size, n);
  hi[0] = 0;
  return old;
}

/** An atomic compare-exchange of `size` bytes; returns the old value (lo, hi in `hi[0]`). */
export function atomicCmpxchg(
  dv: DataView,
  ea: number,
  size: number,
  elo: number,
  ehi: number,
  rlo: number,
  rhi: number,
  hi: Int32Array,
): number {
  atomicCheck(dv, ea, size);
  if (size === 8) {
    const oldLo = dv.getInt32(ea, true);
    const oldHi = dv.getInt32(ea + 4, true);
    if (oldLo === elo && oldHi === ehi) {
      dv.setInt32(ea, rlo, true);
      dv.setInt32(ea + 4, rhi, true);
    }
    hi[0] = oldHi;
    return oldLo;
  }
  const old = readSized(dv, ea, size);
  const mask = size === 4 ? -1 : size === 2 ? 0xffff : 0xff;
  if ((old & mask) === (elo & mask)) writeSized(dv, ea, size, rlo);
  hi[0] = 0;
  return old;
}

/** `memory.atomic.notify`: no other thread can wait here, so it wakes 0. */
export function atomicNotify(dv: DataView, ea: number): number {
  atomicCheck(dv, ea, 4);
  return 0;
}

/**
 * `memory.atomic.wait32/64`: traps on an unshared memory; returns 1 ("not-equal") when the value
 * differs, else 2 ("timed-out"): a single-threaded instance has no one to wake it.
 */
export function atomicWait(m: MemoryInstance, ea: number, size: number, elo: number, ehi: number): number {
  if (!m.shared) throw new Trap('expected shared memory');
  const dv = m.dv;
  atomicCheck(dv, ea, size);
  const lo = dv.getInt32(ea, true);
  if (lo !== elo) return 1;
  if (size === 8 && dv.getInt32(ea + 4, true) !== ehi) return 1;
  return 2;
}

/**
 * A compiled module's data segments in memory: segment `i` is `bytes[starts[i], ends[i])`.
 * `JSON.stringify` writes the serialized {@link CompiledData} form (base64 of the concatenated
 * segments), so the bytes are encoded only when a module is saved.
 */
export class DataSegments implements CompiledData {
  /** Bytes holding every segment. */
  readonly bytes: Uint8Array;
  /** Start of each segment in {@link bytes}. */
  readonly starts: Int32Array;
  /** End of each segment in {@link bytes}. */
  readonly ends: Int32Array;
  /** The runs of active segments initialised by one loop each. */
  readonly runs: readonly DataRun[];
  constructor(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, runs: readonly DataRun[]) {
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
    this.runs = runs;
  }

  /** The serialized form: the segments concatenated, in base64, with their end offsets. */
  toJSON(): CompiledData {
    const n = this.ends.length;
    const bytes = this.bytes;
    let total = 0;
    for (let i = 0; i < n; i++) total += this.ends[i]! - this.starts[i]!;
    const blob = new Uint8Array(total);
    const ends: number[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]!;
      if (e - s < 64) {
        for (let k = s; k < e; k++) blob[at + k - s] = bytes[k]!;
      } else blob.set(bytes.subarray(s, e), at);
      at += e - s;
      ends.push(at);
    }
    const runs = this.runs.map((r) => ({ memory: r.memory, segs: Array.from(r.segs), offs: Array.from(r.offs) }));
    return { base64: encodeBase64(blob), ends, runs };
  }
}

/** The bytes holding a compiled module's data segments (decoded once if serialized). */
export function dataBytes(d: CompiledData): Uint8Array {
  return d.bytes ?? decodeBase64(d.base64 ?? '');
}

/** The start offset of each data segment in {@link dataBytes}. */
export function dataStarts(d: CompiledData): ArrayLike<number> {
  if (d.starts !== undefined) return d.starts;
  const ends = d.ends;
  const starts: number[] = [];
  for (let i = 0; i < ends.length; i++) starts.push(i === 0 ? 0 : ends[i - 1]!);
  return starts;
}
