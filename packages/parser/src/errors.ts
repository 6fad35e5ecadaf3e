/**
 * The error classes shared by every wasmtide package that raises them at parse time. Later layers
 * define their own (the validator's `ValidationError`, the runtime's `Trap` and `LinkError`), all
 * deriving from {@link WasmtideError}.
 * @module
 */

/** Base class of every error wasmtide raises on purpose. `code` is stable and machine-readable. */
export class WasmtideError extends Error {
  /** A stable, machine-readable code, for example `malformed`, `invalid`, `trap`, `link`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * A malformed binary module. `reason` is the spec's wording (for example `unexpected end`,
 * `integer too large`, `magic header not detected`); the message adds the byte offset:
 * `integer too large (at offset 0x1a)`.
 */
export class DecodeError extends WasmtideError {
  /** The spec's wording, without the offset. */
  readonly reason: string;
  /** Absolute byte offset into the input where the problem was found. */
  readonly offset: number;
  /** The section being decoded, if any (`type`, `code`, ...). */
  readonly section: string | null;
  constructor(reason: string, offset: number, section: string | null = null) {
    super('malformed', `${section ? `section ${section}: ` : ''}${reason} (at offset 0x${offset.toString(16)})`);
    this.reason = reason;
    this.offset = offset;
    this.section = section;
  }
}

/**
 * Malformed text (WAT or a .wast script). `reason` uses the spec interpreter's wording where tests
 * expect one (`unknown operator`, `unexpected token`, `alignment`, `i32 constant out of range`, ...).
 */
export class TextSyntaxError extends WasmtideError {
  /** The wording without the position. */
  readonly reason: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Name of the source (a file name), if known. */
  readonly source: string | null;
  constructor(reason: string, line: number, column: number, source: string | null = null) {
    super('malformed', `${source ?? '<text>'}:${line}:${column}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.source = source;
  }
}
