/**
 * A cursor over WebAssembly bytes: LEB128 integers exactly as the spec states them, floats as raw
 * bits, names as validated UTF-8, opcodes with their prefixes folded (see `opcodes.ts`). The
 * decoder, the validator and the compiler all walk function bodies with it; offsets are absolute
 * in the original input.
 * @module
 */
import { DecodeError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A forward-only reader over `bytes[pos, end)`. */
export class Reader {
  /** The whole input; offsets are absolute into it. */
  readonly bytes: Uint8Array;
  /** Current absolute offset. */
  pos: number;
  /** Absolute end of the readable range (a section or body end). */
  end: number;
  /** Section name for error messages. */
  section: string | null;
  /** The wording used when the range runs out: `unexpected end` or `unexpected end of section or function`. */
  eofReason: string;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length, section: string | null = null) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
    this.section = section;
    this.eofReason = end < bytes.length ? 'unexpected end of section or function' : 'unexpected end';
  }

  /** Throws a {@link DecodeError} at `at` (default: the current offset). */
  fail(reason: string, at: number = this.pos): never {
    throw new DecodeError(reason, at, this.section);
  }

  /** True when the range is exhausted. */
  eof(): boolean {
    return this.pos >= this.end;
  }

  /** One byte. */
  u8(): number {
    if (this.pos >= this.end) this.fail(this.eofReason);
    return this.bytes[this.pos++]!;
  }

  /** Peeks the next byte without consuming it (-1 at the end). */
  peek(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : -1;
  }

  /** An unsigned 32-bit LEB128. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        if (b & 0x70) this.fail('integer too large', this.pos - 1);
        return (result | (b << 28)) >>> 0;
      }
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
      shift += 7;
    }
  }

  /** A signed 32-bit LEB128 (as an int32 number). */
  s32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        // The unused bits (bits 4..6 of the last byte) must all equal the sign bit (bit 3).
        const high = b & 0x78;
        if (high !== 0 && high !== 0x78) this.fail('integer too large', this.pos - 1);
        return result | (b << 28);
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) return shift < 32 && b & 0x40 ? result | (-1 << shift) : result;
    }
  }

  /** A signed 33-bit LEB128 (block types), returned as a double. */
  s33(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        // 33 bits: 4*7 = 28 bits so far, 5 more from this byte (bits 0..4); bits 5,6 must equal bit 4.
        const high = b & 0x60;
        const sign = b & 0x10;
        if ((sign && high !== 0x60) || (!sign && high !== 0)) this.fail('integer too large', this.pos - 1);
        result += (b & 0x1f) * mul;
        return sign ? result - 2 ** 33 : result;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return b & 0x40 ? result - mul : result;
    }
  }

  /** A signed 64-bit LEB128 as a bigint. */
  s64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 9) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        // 63 bits so far; bit 0 of this byte is bit 63 (the sign); bits 1..6 must equal it.
        if (b !== 0 && b !== 0x7f) this.fail('integer too large', this.pos - 1);
        result |= BigInt(b & 1) << 63n;
        return BigInt.asIntN(64, result);
      }
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) return b & 0x40 ? BigInt.asIntN(64, result - (1n << shift)) : result;
    }
  }

  /** An unsigned 64-bit LEB128 as a double (exact below 2^53). */
  u64(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 9) {
        if (b & 0x80) this.fail('integer representation too long', this.pos - 1);
        if (b & 0x7e) this.fail('integer too large', this.pos - 1);
        return result + (b & 1) * mul;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return result;
    }
  }

  /** Raw bits of an f32 immediate, as a uint32. */
  f32Bits(): number {
    if (this.pos + 4 > this.end) this.fail(this.eofReason, this.end);
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  /** Raw bits of an f64 immediate as `[lo, hi]` uint32 halves. */
  f64Bits(): [number, number] {
    const lo = this.f32Bits();
    const hi = this.f32Bits();
    return [lo, hi];
  }

  /** `n` raw bytes (a view, not a copy). */
  take(n: number): Uint8Array {
    if (n > this.end - this.pos) this.fail(this.eofReason, this.end);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** A name: a u32 length and UTF-8 bytes (`malformed UTF-8 encoding` if they are not). */
  name(): string {
    const len = this.u32();
    if (len > this.end - this.pos) this.fail(this.eofReason, this.end);
    const at = this.pos;
    const v = this.take(len);
    try {
      return utf8.decode(v);
    } catch {
      return this.fail('malformed UTF-8 encoding', at);
    }
  }

  /**
   * An opcode: one byte, or a prefix byte (0xFB..0xFE) and a u32 sub-opcode folded into
   * `prefix * 0x1000 + sub` (a sub-opcode of 0x1000 or more is `unknown operator`).
   */
  op(): number {
    const b = this.u8();
    if (b < 0xfb) return b;
    const at = this.pos;
    const sub = this.u32();
    if (sub >= 0x1000) this.fail('unknown operator', at);
    return b * 0x1000 + sub;
  }
}
