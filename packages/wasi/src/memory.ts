/**
 * Guest memory access for one WASI call: views made fresh from the memory's current buffer (it may
 * have grown since the last call), with every access checked (`EFAULT` when out of bounds).
 * @module
 */
import { Errno } from './constants.js';
import { WasiErrnoError } from './errors.js';

/** What WASI needs of a linear memory: its current buffer. */
export interface MemoryLike {
  /** The memory's bytes now (re-read on every call: a grow replaces it). */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** Bounds-checked little-endian access to guest memory. */
export class GuestMemory {
  /** The bytes. */
  readonly u8: Uint8Array;
  /** The same bytes, for multi-byte fields. */
  readonly dv: DataView;
  constructor(buffer: ArrayBuffer | SharedArrayBuffer) {
    this.u8 = new Uint8Array(buffer);
    this.dv = new DataView(buffer);
  }
  /** Checks `[ptr, ptr+len)` is inside memory; returns `ptr` as an unsigned number. */
  check(ptr: number, len: number): number {
    const p = ptr >>> 0;
    if (len < 0 || p + len > this.u8.length) throw new WasiErrnoError(Errno.FAULT);
    return p;
  }
  /** A view (not a copy) of `len` bytes at `ptr`. */
  bytes(ptr: number, len: number): Uint8Array {
    const p = this.check(ptr, len >>> 0);
    return this.u8.subarray(p, p + (len >>> 0));
  }
  u8At(ptr: number): number {
    return this.u8[this.check(ptr, 1)]!;
  }
  u16At(ptr: number): number {
    return this.dv.getUint16(this.check(ptr, 2), true);
  }
  u32At(ptr: number): number {
    return this.dv.getUint32(this.check(ptr, 4), true);
  }
  u64At(ptr: number): bigint {
    return this.dv.getBigUint64(this.check(ptr, 8), true);
  }
  setU8(ptr: number, v: number): void {
    this.u8[this.check(ptr, 1)] = v;
  }
  setU16(ptr: number, v: number): void {
    this.dv.setUint16(this.check(ptr, 2), v, true);
  }
  setU32(ptr: number, v: number): void {
    this.dv.setUint32(this.check(ptr, 4), v >>> 0, true);
  }
  setU64(ptr: number, v: bigint): void {
    this.dv.setBigUint64(this.check(ptr, 8), BigInt.asUintN(64, v), true);
  }
  /** The iovec array at `iovs` (`count` entries) as views, checked against memory. */
  iovecs(iovs: number, count: number): Uint8Array[] {
    const n = count >>> 0;
    this.check(iovs, n * 8);
    const out: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      const base = (iovs >>> 0) + i * 8;
      out.push(this.bytes(this.u32At(base), this.u32At(base + 4)));
    }
    return out;
  }
}
