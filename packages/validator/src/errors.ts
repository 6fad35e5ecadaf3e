/**
 * The validator's error class.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';

/**
 * A module that decodes but is not valid. `reason` is the spec's wording (`type mismatch`,
 * `unknown local 3`, ...); the message adds where (function index or name, byte offset) and, for
 * type errors, what was expected and what was found.
 */
export class ValidationError extends WasmtideError {
  /** The spec's wording, without context. */
  readonly reason: string;
  /** Absolute byte offset of the offending instruction or entry, or -1 when unknown. */
  readonly offset: number;
  /** Index of the function being validated, or -1 outside function bodies. */
  readonly func: number;
  constructor(reason: string, context = '', offset = -1, func = -1) {
    const where = offset >= 0 ? ` (at offset 0x${offset.toString(16)})` : '';
    super('invalid', `${reason}${context ? `: ${context}` : ''}${where}`);
    this.reason = reason;
    this.offset = offset;
    this.func = func;
  }
}
