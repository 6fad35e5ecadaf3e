/**
 * A cursor over WebAssembly bytes: LEB128 integers exactly as the spec states them, floats as raw
 * bits, names as validated UTF-8, opcodes with their prefixes folded (see `opcodes.ts`). The
 * decoder, the validator and the compiler all walk function bodies with it; offsets are absolute
 * in the original input.
 * @module
 */
import { DecodeError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The four possible feature sets, one shared object each, all of one shape. */
const FEATURE_SETS = [false, true].flatMap((pageSizes) =>
  [false, true].map((descriptors) => Object.freeze({ customPageSizes: pageSizes, customDescriptors: descriptors })),
);

/**
 * The shared object for the proposals named in `f` (only `customPageSizes` and
 * `customDescriptors` matter to a reader).
 */
export function readerFeatures(f: { readonly customPageSizes?: boolean; readonly customDescriptors?: boolean }): {
  readonly customPageSizes: boolean;
  readonly customDescriptors: boolean;
} {
  return FEATURE_SETS[(f.customPageSizes === true ? 2 : 0) + (f.customDescriptors === true ? 1 : 0)]!;
}

/**
 * `bytes` as a plain `Uint8Array`: itself, or a view of the same memory (not a copy) when it is an
 * instance of a subclass such as Node's `Buffer`. Code that walks a large module then sees one kind
 * of object only, which keeps the engine's optimized code for it (a second kind arriving after
 * optimization, e.g. a `Buffer` after a warm-up on a `Uint8Array`, throws that code away).
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

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
  /**
   * Proposals the decoder accepts beyond WebAssembly 3.0 (see `DecodeFeatures`). Assign it through
   * {@link readerFeatures}, which keeps every reader's value of one shape (so code that reads it
   * stays monomorphic and optimized).
   */
  features: { readonly customPageSizes?: boolean; readonly customDescriptors?: boolean } = readerFeatures({});
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

  /**
   * One byte of a LEB128. Like the spec's reference decoder, a LEB128 may be read past the end of
   * the current range (but not of the input), so that an over-long or too-large integer is reported
   * as such; {@link lebDone} then reports the overrun.
   */
  private lb(): number {
    if (this.pos >= this.bytes.length) this.fail(this.eofReason, this.pos);
    return this.bytes[this.pos++]!;
  }

  /** After a LEB128: fails if it ran past the current range. */
  private lebDone(): void {
    if (this.pos > this.end) this.fail(this.eofReason, this.end);
  }

  /** An unsigned 32-bit LEB128. */
  u32(): number {
    const p = this.pos;
    if (p < this.end) {
      const b0 = this.bytes[p]!;
      if (b0 < 0x80) {
        this.pos = p + 1;
        return b0;
      }
    }
    let result = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 4) {
        if (b & 0x70) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        result = (result | (b << 28)) >>> 0;
        break;
      }
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) {
        result >>>= 0;
        break;
      }
      shift += 7;
    }
    this.lebDone();
    return result;
  }

  /** A signed 32-bit LEB128 (as an int32 number). */
  s32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 4) {
        // The unused bits (bits 4..6 of the last byte) must all equal the sign bit (bit 3).
        const high = b & 0x78;
        if (high !== 0 && high !== 0x78) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        result |= b << 28;
        break;
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        if (shift < 32 && b & 0x40) result |= -1 << shift;
        break;
      }
    }
    this.lebDone();
    return result;
  }

  /** A signed 33-bit LEB128 (block types), returned as a double. */
  s33(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 4) {
        // 33 bits: 4*7 = 28 bits so far, 5 more from this byte (bits 0..4); bits 5,6 must equal bit 4.
        const high = b & 0x60;
        const sign = b & 0x10;
        if ((sign && high !== 0x60) || (!sign && high !== 0)) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        result += (b & 0x1f) * mul;
        if (sign) result -= 2 ** 33;
        break;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) {
        if (b & 0x40) result -= mul;
        break;
      }
    }
    this.lebDone();
    return result;
  }

  /** A signed 64-bit LEB128 as a bigint. */
  s64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 9) {
        // 63 bits so far; bit 0 of this byte is bit 63 (the sign); bits 1..6 must equal it.
        if ((b & 0x7f) !== 0 && (b & 0x7f) !== 0x7f) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        result = BigInt.asIntN(64, result | (BigInt(b & 1) << 63n));
        break;
      }
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) {
        if (b & 0x40) result = BigInt.asIntN(64, result - (1n << shift));
        break;
      }
    }
    this.lebDone();
    return result;
  }

  /** An unsigned 64-bit LEB128 as a double (exact below 2^53). */
  u64(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 9) {
        if (b & 0x7e) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        result += (b & 1) * mul;
        break;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) break;
    }
    this.lebDone();
    return result;
  }

  /** Skips a signed 64-bit LEB128 with the same checks as {@link s64}, without allocating. */
  skipS64(): void {
    for (let i = 0; ; i++) {
      const b = this.lb();
      if (i === 9) {
        if ((b & 0x7f) !== 0 && (b & 0x7f) !== 0x7f) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long', this.pos);
        break;
      }
      if (!(b & 0x80)) break;
    }
    this.lebDone();
  }

  /** Skips `n` bytes (fails with the end-of-range wording if fewer remain). */
  skip(n: number): void {
    if (n > this.end - this.pos) this.fail(this.eofReason, this.end);
    this.pos += n;
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
    const lenAt = this.pos;
    const len = this.u32();
    if (len > this.bytes.length - this.pos) this.fail('length out of bounds', lenAt);
    if (len > this.end - this.pos) this.fail(this.eofReason, this.end);
    const at = this.pos;
    const bytes = this.bytes;
    if (len <= 64) {
      // Fast path: short ASCII names need no decoder.
      let ascii = true;
      for (let i = at; i < at + len; i++) if (bytes[i]! >= 0x80) { ascii = false; break; }
      if (ascii) {
        this.pos = at + len;
        return len === 0 ? '' : String.fromCharCode.apply(null, bytes.subarray(at, at + len) as unknown as number[]);
      }
    }
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
