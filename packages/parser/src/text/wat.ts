/**
 * `parseWat`: one text-format module to its binary encoding.
 * @module
 */

import { Cursor } from './cursor.js';
import { extractAnnotations } from './annotations.js';
import { decodeLossless, tokenize } from './lexer.js';
import { ModuleBuilder } from './module.js';

/** Options of {@link parseWat}. */
export interface ParseWatOptions {
  /** Source name used in error messages. */
  readonly filename?: string;
  /** 1-based line number of the first line of `source` (when it is a slice of a larger file). */
  readonly line?: number;
  /**
   * Whether 64-bit address types (memory64) are enabled; default true (WebAssembly 3.0). When
   * false, the limits of tables and memories must fit in 32 bits, as WebAssembly 2.0's text format
   * requires (`i32 constant out of range`); when true, a 32-bit memory or table that is too large
   * is left for the validator to reject.
   */
  readonly memory64?: boolean;
}

/**
 * Parses one WebAssembly text module, either a whole `(module ...)` form or a bare list of module
 * fields, and returns its binary encoding (`(module binary "...")` gives its bytes as written).
 * Symbolic names become a name section (module and function names; `(@name ...)` overrides), and
 * `(@custom ...)` annotations become custom sections. Source bytes that are not valid UTF-8 are
 * rejected. Throws `TextSyntaxError` (reason plus line:column, the spec's wording first) for
 * malformed text, including unknown symbolic identifiers.
 */
export function parseWat(source: string | Uint8Array, options: ParseWatOptions = {}): Uint8Array {
  const text = typeof source === 'string' ? source : decodeLossless(source);
  const tokens = tokenize(text, options.filename ?? null, options.line ?? 1);
  const annotations = extractAnnotations(tokens);
  const cursor = new Cursor(tokens);
  try {
    return new ModuleBuilder(cursor, annotations, options.memory64 === false ? 32 : 64).build();
  } catch (e) {
    // Pathologically deep nesting exhausts the JS stack: report it as malformed text.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw cursor.error('nesting too deep');
    throw e;
  }
}
