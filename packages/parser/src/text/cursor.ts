/**
 * A cursor over a token stream with the small parsing helpers every text parser needs: keyword
 * tests, parenthesised forms, identifiers, strings, numbers, and the spec's error wordings.
 * @module
 */

import type { TextSyntaxError } from '../errors.js';
import { opByName } from '../opcodes.js';
import { Tok, type Tokens, decodeString, decodeStringBytes, checkUtf8 } from './lexer.js';
import { LiteralRangeError, parseF64, parseIntLiteral, parseU32 } from './literals.js';

/** Keywords of the text format that are not operator names. */
const KEYWORDS = new Set(
  (
    'module type rec sub final func struct array field param result local import export table memory global ' +
    'elem data start tag offset item declare mut ref null then else end do catch catch_ref catch_all catch_all_ref ' +
    'delegate shared pagesize i32 i64 f32 f64 v128 i8 i16 funcref externref anyref eqref i31ref structref arrayref ' +
    'nullref nullfuncref nullexternref exnref nullexnref any eq i31 extern none nofunc noextern exn noexn inf nan ' +
    'i8x16 i16x8 i32x4 i64x2 f32x4 f64x2 definition instance binary quote exact descriptor describes ' +
    'register invoke get assert_return assert_trap assert_exhaustion assert_exception assert_invalid assert_malformed ' +
    'assert_unlinkable assert_invalid_custom assert_malformed_custom either'
  ).split(' '),
);

/** Whether a keyword is known to the text format (an operator, a structural keyword, a float). */
function isKnownKeyword(s: string): boolean {
  if (KEYWORDS.has(s) || opByName(s)) return true;
  if (s.startsWith('nan:0x') || s === 'nan:canonical' || s === 'nan:arithmetic') return true;
  if (s.startsWith('offset=')) return isNat(s.slice(7));
  if (s.startsWith('align=')) return isNat(s.slice(6));
  return false;
}

function isNat(s: string): boolean {
  const c = s.charCodeAt(0);
  return c !== 0x2b && c !== 0x2d && parseIntLiteral(s) !== null;
}

/** The position of each token's matching parenthesis (for `(` tokens and annotation starts). */
function matchParens(t: Tokens): Int32Array {
  const m = new Int32Array(t.count).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (k === Tok.LParen || k === Tok.Annot) stack.push(i);
    else if (k === Tok.RParen) {
      const o = stack.pop();
      if (o === undefined) throw t.error(i, 'unexpected token');
      m[o] = i;
      m[i] = o;
    }
  }
  if (stack.length) throw t.error(t.count, 'unexpected end of input');
  return m;
}

/**
 * Removes annotations `(@id ...)` from a token stream in place (the text format ignores unknown
 * annotations wherever they appear).
 */
export function stripAnnotations(t: Tokens): void {
  let has = false;
  for (let i = 0; i < t.count; i++) if (t.kind[i] === Tok.Annot) has = true;
  if (!has) return;
  let out = 0;
  let depth = 0;
  let annotDepth = -1;
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (annotDepth >= 0) {
      if (k === Tok.LParen || k === Tok.Annot) depth++;
      else if (k === Tok.RParen) {
        depth--;
        if (depth === annotDepth) annotDepth = -1;
      }
      continue;
    }
    if (k === Tok.Annot) {
      annotDepth = depth;
      depth++;
      continue;
    }
    if (k === Tok.LParen) depth++;
    else if (k === Tok.RParen) depth--;
    t.kind[out] = k;
    t.start[out] = t.start[i];
    t.end[out] = t.end[i];
    out++;
  }
  t.count = out;
}

/** A cursor over a token stream. */
export class Cursor {
  /** Current token index. */
  pos = 0;
  /** Matching parenthesis of each `(` and `)` token. */
  readonly match: Int32Array;

  constructor(readonly t: Tokens) {
    this.match = matchParens(t);
  }

  /** Kind of the token at `pos + off` (-1 past the end). */
  kind(off = 0): number {
    const i = this.pos + off;
    return i < this.t.count ? this.t.kind[i] : -1;
  }

  /** Text of the token at `pos + off`. */
  text(off = 0): string {
    return this.t.text(this.pos + off);
  }

  /** Whether the token at `pos + off` is the keyword `kw`. */
  isKw(kw: string, off = 0): boolean {
    const i = this.pos + off;
    if (i >= this.t.count || this.t.kind[i] !== Tok.Keyword) return false;
    const s = this.t.start[i];
    return this.t.end[i] - s === kw.length && this.t.src.startsWith(kw, s);
  }

  /** Whether the cursor is at `(kw`. */
  isForm(kw: string): boolean {
    return this.kind() === Tok.LParen && this.isKw(kw, 1);
  }

  /** Keyword text at `pos + off`, or null if it is not a keyword. */
  keyword(off = 0): string | null {
    return this.kind(off) === Tok.Keyword ? this.text(off) : null;
  }

  /** The keyword after `(` at the cursor, or null. */
  formKeyword(): string | null {
    return this.kind() === Tok.LParen ? this.keyword(1) : null;
  }

  /** An error at the current token. */
  error(reason: string, at = this.pos): TextSyntaxError {
    return this.t.error(at, reason);
  }

  /** The error for an unexpected token at `at`, with the spec's wording. */
  unexpected(at = this.pos): TextSyntaxError {
    if (at >= this.t.count) return this.t.error(at, 'unexpected end of input');
    const k = this.t.kind[at];
    const s = this.t.text(at);
    if (k === Tok.Reserved) return this.t.error(at, `unknown operator ${s}`);
    if (k === Tok.Keyword && !isKnownKeyword(s)) return this.t.error(at, `unknown operator ${s}`);
    if (k === Tok.Number && !isNumberLiteral(s)) return this.t.error(at, `unknown operator ${s}`);
    return this.t.error(at, `unexpected token ${s}`);
  }

  /** Consumes `(`. */
  lparen(): void {
    if (this.kind() !== Tok.LParen) throw this.unexpected();
    this.pos++;
  }

  /** Consumes `)`. */
  rparen(): void {
    if (this.kind() !== Tok.RParen) throw this.unexpected();
    this.pos++;
  }

  /** Consumes the keyword `kw`. */
  expectKw(kw: string): void {
    if (!this.isKw(kw)) throw this.unexpected();
    this.pos++;
  }

  /** Consumes `(kw`. */
  openForm(kw: string): void {
    this.lparen();
    this.expectKw(kw);
  }

  /** Skips to just past the `)` matching the `(` at `open`. */
  skipForm(open = this.pos): void {
    this.pos = this.match[open] + 1;
  }

  /** An optional identifier: its name (without `$`), or null. */
  optId(): string | null {
    if (this.kind() !== Tok.Id) return null;
    return this.idName(this.pos++);
  }

  /** The name of the identifier token `i`. */
  idName(i: number): string {
    const t = this.t;
    if (t.src.charCodeAt(t.start[i] + 1) === 0x22) return decodeString(t, t.start[i] + 1, t.end[i]);
    return t.src.slice(t.start[i] + 1, t.end[i]);
  }

  /** A string literal's bytes. */
  stringBytes(): Uint8Array {
    if (this.kind() !== Tok.String) throw this.unexpected();
    const i = this.pos++;
    return decodeStringBytes(this.t, this.t.start[i], this.t.end[i]);
  }

  /** A string literal that must be valid UTF-8 (a name). */
  name(): string {
    if (this.kind() !== Tok.String) throw this.unexpected();
    const i = this.pos++;
    const s = decodeString(this.t, this.t.start[i], this.t.end[i]);
    checkUtf8(this.t, s, this.t.start[i]);
    return s;
  }

  /** A u32 natural. */
  u32(): number {
    if (this.kind() !== Tok.Number) throw this.unexpected();
    const v = this.wrap(() => parseU32(this.text()));
    if (v === null) throw this.unexpected();
    this.pos++;
    return v;
  }

  /** Runs a literal conversion, turning range errors into located syntax errors. */
  wrap<T>(f: () => T, at = this.pos): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof LiteralRangeError) throw this.error(e.message, at);
      throw e;
    }
  }
}

/** Whether `s` has the shape of a numeric literal (int or float), regardless of range. */
export function isNumberLiteral(s: string): boolean {
  if (parseIntLiteral(s)) return true;
  try {
    return parseF64(s) !== null;
  } catch {
    return true;
  }
}
