/**
 * A growable byte buffer with the WebAssembly binary encodings (LEB128, names, raw float bits).
 * The binary encoder and the text parser both emit bytes through it.
 * @module
 */

const utf8 = new TextEncoder();

/** Appends WebAssembly-encoded values to a growing buffer. */
export class Writer {
  private buf: Uint8Array;
  /** Number of bytes written. */
  length = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** One byte. */
  u8(b: number): this {
    this.ensure(1);
    this.buf[this.length++] = b & 0xff;
    return this;
  }

  /** Raw bytes. */
  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** Unsigned LEB128 of a non-negative integer below 2^53 (u32 and u64 limits alike). */
  u32(v: number): this {
    let x = v;
    do {
      let b = x % 128;
      x = Math.floor(x / 128);
      if (x !== 0) b |= 0x80;
      this.u8(b);
    } while (x !== 0);
    return this;
  }

  /**
   * An unsigned 64-bit LEB128 of a value held as a double. Doubles at or above 2^64 (what the
   * decoder yields for u64 values that round up, such as 2^64-1) are written as 2^64-1.
   */
  u64(v: number): this {
    if (v >= 2 ** 64) {
      for (let i = 0; i < 9; i++) this.u8(0xff);
      return this.u8(0x01);
    }
    return this.u32(v);
  }

  /** Signed LEB128 of an int32 (also used for s33 block type indices, which are non-negative). */
  s32(v: number): this {
    let x = v;
    for (;;) {
      const b = x & 0x7f;
      x = Math.floor(x / 128); // arithmetic shift that also works past 32 bits
      if ((x === 0 && !(b & 0x40)) || (x === -1 && b & 0x40)) {
        this.u8(b);
        return this;
      }
      this.u8(b | 0x80);
    }
  }

  /** Signed LEB128 of a 64-bit integer. */
  s64(v: bigint): this {
    let x = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      if ((x === 0n && !(b & 0x40)) || (x === -1n && b & 0x40)) {
        this.u8(b);
        return this;
      }
      this.u8(b | 0x80);
    }
  }

  /** Raw 32-bit little-endian bits (an f32 immediate). */
  f32Bits(bits: number): this {
    this.u8(bits).u8(bits >>> 8).u8(bits >>> 16).u8(bits >>> 24);
    return this;
  }

  /** Raw 64-bit little-endian bits as `[lo, hi]` halves (an f64 immediate). */
  f64Bits(lo: number, hi: number): this {
    return this.f32Bits(lo).f32Bits(hi);
  }

  /** A name: u32 byte length, then UTF-8. */
  name(s: string): this {
    const b = utf8.encode(s);
    this.u32(b.length);
    return this.bytes(b);
  }

  /** Writes `inner`'s bytes prefixed by their u32 length (sections, bodies, sub-sections). */
  sized(inner: Writer): this {
    this.u32(inner.length);
    return this.bytes(inner.finish());
  }

  /** A view of the bytes written so far. */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
