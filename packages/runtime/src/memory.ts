/**
 * `Memory`: a linear memory, created by the host or exported by an instance. Sizes are in pages
 * (64 KiB unless the memory uses custom page sizes); offsets are byte offsets.
 * @module
 */
import { MemoryInstance } from '@wasmtide/compiler';
import type * as ir from '@wasmtide/parser';
import { ResourceLimitError, UsageError } from './errors.js';
import { asStore, checkStore, toIrMemoryType, type AsStore } from './handles.js';
import type { Store } from './store.js';
import { MemoryType } from './types.js';

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** @internal Allocates a memory for `store`, applying the engine's and the limiter's limits. */
export function newMemoryInstance(store: Store<any>, type: ir.MemoryType): MemoryInstance {
  const pageSize = 2 ** type.pageSizeLog2;
  const engineMaxPages = Math.floor(store.engine.config.maxMemorySize / pageSize);
  const minBytes = type.limits.min * pageSize;
  if (type.limits.min > engineMaxPages) {
    throw new ResourceLimitError(`memory minimum size of ${type.limits.min} pages exceeds the engine limit of ${store.engine.config.maxMemorySize} bytes`);
  }
  const declaredMax = type.limits.max === null ? null : type.limits.max * pageSize;
  const limiter = store.currentLimiter;
  if (limiter && !limiter.memoryGrowing(0, minBytes, declaredMax)) {
    throw new ResourceLimitError(`memory minimum size of ${minBytes} bytes is refused by the store's resource limiter`);
  }
  store.reserve('memories');
  let mem: MemoryInstance;
  try {
    mem = new MemoryInstance(type, engineMaxPages);
  } catch (e) {
    store.counts.memories--;
    throw new ResourceLimitError(`cannot allocate a memory of ${minBytes} bytes: ${e instanceof Error ? e.message : String(e)}`);
  }
  mem.growHook = (current, desired) => {
    const l = store.currentLimiter;
    return l === null || l.memoryGrowing(current, desired, declaredMax);
  };
  return mem;
}

/** A linear memory owned by a store. */
export class Memory {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** @internal The memory's declared type. */
  declare readonly type: MemoryType;
  /** @internal The compiler's memory object. */
  declare readonly inner: MemoryInstance;

  /** A new memory of type `ty` (its minimum size, zero-filled). */
  constructor(store: AsStore, ty: MemoryType) {
    const s = asStore(store);
    Memory.#init(this, s, ty, newMemoryInstance(s, toIrMemoryType(ty)));
  }

  static #init(m: Memory, store: Store<any>, type: MemoryType, inner: MemoryInstance): void {
    Object.assign(m, { store, type, inner });
    store.wrappers.set(inner, m);
  }

  /** @internal The API object for an internal memory (cached per store). */
  static wrap(store: Store<any>, inner: MemoryInstance): Memory {
    const w = store.wrappers.get(inner);
    if (w instanceof Memory) return w;
    const m = Object.create(Memory.prototype) as Memory;
    const t = inner.type;
    const type = new MemoryType({ minimum: t.limits.min, maximum: t.limits.max, is64: t.addr === 'i64', shared: t.shared, pageSizeLog2: t.pageSizeLog2 });
    Memory.#init(m, store, type, inner);
    return m;
  }

  /** The memory's type, with its current size as the minimum (as wasmtime reports it). */
  ty(store: AsStore): MemoryType {
    checkStore(this.store, store, 'Memory');
    const t = this.type;
    return new MemoryType({ minimum: this.inner.pages, maximum: t.maximum, is64: t.is64, shared: t.shared, pageSizeLog2: t.pageSizeLog2 });
  }

  /** The current size in pages. */
  size(store: AsStore): number {
    checkStore(this.store, store, 'Memory');
    return this.inner.pages;
  }

  /** The current size in bytes. */
  dataSize(store: AsStore): number {
    checkStore(this.store, store, 'Memory');
    return this.inner.byteLength;
  }

  /** The page size in bytes. */
  pageSize(store: AsStore): number {
    checkStore(this.store, store, 'Memory');
    return 2 ** this.inner.pageSizeLog2;
  }

  /**
   * Grows by `delta` pages and returns the previous size in pages. Throws a {@link UsageError} if
   * the memory cannot grow that much (maximum, engine limit or resource limiter).
   */
  grow(store: AsStore, delta: number | bigint): number {
    checkStore(this.store, store, 'Memory');
    const d = Number(delta);
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`grow: delta must be a non-negative integer, got ${delta}`);
    const old = this.inner.grow(d);
    if (old < 0) throw new UsageError(`failed to grow memory by ${d} pages (size ${this.inner.pages}, maximum ${this.inner.maxPages})`);
    return old;
  }

  /**
   * A live byte view of the whole memory. It is replaced when the memory grows: take a new one
   * after any call into wasm or any `grow`.
   */
  data(store: AsStore): Uint8Array {
    checkStore(this.store, store, 'Memory');
    return this.inner.u8;
  }

  /** A live `DataView` of the whole memory (same caveat as {@link data}). */
  view(store: AsStore): DataView {
    checkStore(this.store, store, 'Memory');
    return this.inner.dv;
  }

  private checkRange(store: AsStore, offset: number, length: number): void {
    checkStore(this.store, store, 'Memory');
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.inner.byteLength) {
      throw new UsageError(`out of bounds memory access: ${length} bytes at ${offset} (memory size ${this.inner.byteLength})`);
    }
  }

  /** A copy of `length` bytes at `offset` (throws a {@link UsageError} if out of bounds). */
  read(store: AsStore, offset: number, length: number): Uint8Array {
    this.checkRange(store, offset, length);
    return this.inner.u8.slice(offset, offset + length);
  }

  /** Copies `bytes` into the memory at `offset` (throws a {@link UsageError} if out of bounds). */
  write(store: AsStore, offset: number, bytes: ArrayLike<number>): void {
    this.checkRange(store, offset, bytes.length);
    this.inner.u8.set(bytes, offset);
  }

  /** Decodes `length` bytes at `offset` as UTF-8 (malformed sequences become U+FFFD). */
  readString(store: AsStore, offset: number, length: number): string {
    this.checkRange(store, offset, length);
    return utf8Decoder.decode(this.inner.u8.subarray(offset, offset + length));
  }

  /** Encodes `text` as UTF-8 at `offset`; returns the number of bytes written. */
  writeString(store: AsStore, offset: number, text: string): number {
    const bytes = utf8Encoder.encode(text);
    this.write(store, offset, bytes);
    return bytes.length;
  }

  /** The unsigned byte at `offset`. */
  readU8(store: AsStore, offset: number): number {
    this.checkRange(store, offset, 1);
    return this.inner.dv.getUint8(offset);
  }
  /** Writes a byte at `offset`. */
  writeU8(store: AsStore, offset: number, v: number): void {
    this.checkRange(store, offset, 1);
    this.inner.dv.setUint8(offset, v);
  }
  /** The little-endian signed 32-bit integer at `offset`. */
  readI32(store: AsStore, offset: number): number {
    this.checkRange(store, offset, 4);
    return this.inner.dv.getInt32(offset, true);
  }
  /** The little-endian unsigned 32-bit integer at `offset`. */
  readU32(store: AsStore, offset: number): number {
    this.checkRange(store, offset, 4);
    return this.inner.dv.getUint32(offset, true);
  }
  /** Writes a little-endian 32-bit integer at `offset`. */
  writeI32(store: AsStore, offset: number, v: number): void {
    this.checkRange(store, offset, 4);
    this.inner.dv.setInt32(offset, v, true);
  }
  /** The little-endian signed 64-bit integer at `offset`. */
  readI64(store: AsStore, offset: number): bigint {
    this.checkRange(store, offset, 8);
    return this.inner.dv.getBigInt64(offset, true);
  }
  /** Writes a little-endian 64-bit integer at `offset`. */
  writeI64(store: AsStore, offset: number, v: bigint): void {
    this.checkRange(store, offset, 8);
    this.inner.dv.setBigInt64(offset, BigInt.asIntN(64, v), true);
  }
  /** The little-endian f32 at `offset`. */
  readF32(store: AsStore, offset: number): number {
    this.checkRange(store, offset, 4);
    return this.inner.dv.getFloat32(offset, true);
  }
  /** Writes a little-endian f32 at `offset`. */
  writeF32(store: AsStore, offset: number, v: number): void {
    this.checkRange(store, offset, 4);
    this.inner.dv.setFloat32(offset, v, true);
  }
  /** The little-endian f64 at `offset`. */
  readF64(store: AsStore, offset: number): number {
    this.checkRange(store, offset, 8);
    return this.inner.dv.getFloat64(offset, true);
  }
  /** Writes a little-endian f64 at `offset`. */
  writeF64(store: AsStore, offset: number, v: number): void {
    this.checkRange(store, offset, 8);
    this.inner.dv.setFloat64(offset, v, true);
  }
}
