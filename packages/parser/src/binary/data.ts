/**
 * The decoder's representation of a data segment: one object of numbers per segment (modules built
 * by Go's toolchain have a hundred thousand), instead of a segment, an offset range and an init
 * range. It implements the IR's {@link DataSegment} interface unchanged.
 * @module
 */
import type { ByteRange, ConstExpr, DataSegment } from '../ir.js';

/**
 * A decoded data segment. `offset` and `init` are ranges made on each read from the numbers held
 * here (cheap, short-lived objects); code that walks many segments can test `instanceof
 * DecodedData` and read `offsetStart`, `offsetEnd`, `initStart` and `initEnd` instead, allocating
 * nothing. `toJSON` gives the plain form of the IR, so serialising a module shows the same shape
 * as a plain-object segment.
 */
export class DecodedData implements DataSegment {
  /** `active` or `passive`. */
  readonly mode: 'active' | 'passive';
  /** Memory index (0 for passive segments). */
  readonly memory: number;
  /** Start of the offset expression, or -1 for a passive segment. */
  readonly offsetStart: number;
  /** End of the offset expression (where its final `end` sits). */
  readonly offsetEnd: number;
  /** Start of the segment's bytes. */
  readonly initStart: number;
  /** End of the segment's bytes. */
  readonly initEnd: number;

  constructor(mode: 'active' | 'passive', memory: number, offsetStart: number, offsetEnd: number, initStart: number, initEnd: number) {
    this.mode = mode;
    this.memory = memory;
    this.offsetStart = offsetStart;
    this.offsetEnd = offsetEnd;
    this.initStart = initStart;
    this.initEnd = initEnd;
  }

  /** The offset expression (active segments); null otherwise. */
  get offset(): ConstExpr | null {
    return this.offsetStart < 0 ? null : { start: this.offsetStart, end: this.offsetEnd };
  }

  /** The segment's bytes, a range into the module's bytes. */
  get init(): ByteRange {
    return { start: this.initStart, end: this.initEnd };
  }

  /** The plain IR form, `{ mode, memory, offset, init }`. */
  toJSON(): DataSegment {
    return { mode: this.mode, memory: this.memory, offset: this.offset, init: this.init };
  }
}
