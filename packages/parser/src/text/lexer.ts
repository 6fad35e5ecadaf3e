/**
 * The WebAssembly text lexer: turns source text into a flat token stream held in typed arrays
 * (no object per token). Comments and whitespace are dropped; annotations `(@id ...)` become a
 * single {@link Tok.Annot} token whose matching `)` is an ordinary {@link Tok.RParen}.
 * @module
 */

import { TextSyntaxError } from '../errors.js';

/** Token kinds. */
export const enum Tok {
  /** `(` */
  LParen = 0,
  /** `)` */
  RParen = 1,
  /** An atom starting with a lowercase letter (keywords, `nan`, `inf`, `offset=4`). */
  Keyword = 2,
  /** `$name` or `$"name"`. */
  Id = 3,
  /** A string literal. */
  String = 4,
  /** An atom starting with a digit, `+` or `-` (a number, or a reserved word). */
  Number = 5,
  /** Any other atom (reserved: always an error where a token is expected). */
  Reserved = 6,
  /** `(@id`: the start of an annotation. */
  Annot = 7,
}

/** The token stream of one source text. */
export class Tokens {
  /** Number of tokens. */
  count = 0;
  /** Kind of each token ({@link Tok}). */
  kind: Uint8Array;
  /** Start offset of each token in {@link Tokens.src}. */
  start: Int32Array;
  /** End offset (exclusive) of each token. */
  end: Int32Array;
  private lineStarts: number[] | null = null;

  constructor(
    /** The source text. */
    readonly src: string,
    /** Name used in error messages. */
    readonly filename: string | null,
    /** 1-based line of the first character of `src` (for slices of a larger file). */
    readonly baseLine = 1,
  ) {
    const cap = Math.max(16, src.length >> 2);
    this.kind = new Uint8Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
  }

  /** Appends one token. */
  push(kind: Tok, start: number, end: number): void {
    if (this.count === this.kind.length) {
      const cap = this.count * 2;
      const k = new Uint8Array(cap);
      k.set(this.kind);
      this.kind = k;
      const s = new Int32Array(cap);
      s.set(this.start);
      this.start = s;
      const e = new Int32Array(cap);
      e.set(this.end);
      this.end = e;
    }
    this.kind[this.count] = kind;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }

  /** The source text of token `i`. */
  text(i: number): string {
    return this.src.slice(this.start[i], this.end[i]);
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const ls = [0];
      const s = this.src;
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) ls.push(i + 1);
      this.lineStarts = ls;
    }
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.baseLine, column: offset - ls[lo] + 1 };
  }

  /** A {@link TextSyntaxError} located at a character offset. */
  errorAt(offset: number, reason: string): TextSyntaxError {
    const p = this.position(offset);
    return new TextSyntaxError(reason, p.line, p.column, this.filename);
  }

  /** A {@link TextSyntaxError} located at token `i` (or the end of input). */
  error(i: number, reason: string): TextSyntaxError {
    return this.errorAt(i < this.count ? this.start[i] : this.src.length, reason);
  }
}

// Character classes: 1 = idchar, 2 = whitespace.
const CLASS = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) CLASS[c] = 1;
for (const ch of ' "(),;[]{}') CLASS[ch.charCodeAt(0)] = 0;
CLASS[0x20] = 2;
CLASS[0x09] = 2;
CLASS[0x0a] = 2;
CLASS[0x0d] = 2;

/** `,` `;` `[` `]` `{` `}`: allowed in reserved tokens only. */
function isResChar(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

function isIdChar(c: number): boolean {
  return c < 128 && CLASS[c] === 1;
}

/**
 * Skips a string literal starting at `i` (the opening quote); returns the offset after the closing
 * quote. Only checks the lexical shape (escapes are decoded later by {@link decodeString}).
 */
/**
 * The index after the character at `j` of a comment, a surrogate pair counting as one; a lone
 * surrogate (which UTF-8 cannot encode) is an error.
 */
function commentCharEnd(t: Tokens, j: number): number {
  const x = t.src.charCodeAt(j);
  if (x < 0xd800 || x > 0xdfff) return j + 1;
  const y = t.src.charCodeAt(j + 1);
  if (x >= 0xdc00 || !(y >= 0xdc00 && y <= 0xdfff)) throw t.errorAt(j, 'malformed UTF-8 encoding');
  return j + 2;
}

/**
 * Skips the quoted name at `j` of the identifier or annotation id token at `i` and returns its end.
 * A malformed or empty string fails with `reason` at `i`; a name that is not valid UTF-8 with
 * `malformed UTF-8 encoding`.
 */
function quotedName(t: Tokens, i: number, j: number, reason: string): number {
  let e: number;
  let name: string;
  try {
    e = skipString(t, j);
    name = decodeString(t, j, e);
  } catch {
    throw t.errorAt(i, reason);
  }
  if (name.length === 0) throw t.errorAt(i, reason);
  checkUtf8(t, name, j);
  return e;
}

function skipString(t: Tokens, i: number): number {
  const s = t.src;
  const n = s.length;
  let j = i + 1;
  for (;;) {
    if (j >= n) throw t.errorAt(i, 'unclosed string');
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x0a) throw t.errorAt(i, 'unclosed string');
    if (c < 0x20 || c === 0x7f) throw t.errorAt(j, 'illegal control character in string');
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(j + 1);
      if (c >= 0xdc00 || !(d >= 0xdc00 && d <= 0xdfff)) throw t.errorAt(j, 'malformed UTF-8 encoding');
      j += 2;
      continue;
    }
    if (c === 0x5c) {
      const e = s.charCodeAt(j + 1);
      if (e === 0x75) {
        // \u{hex}
        if (s.charCodeAt(j + 2) !== 0x7b) throw t.errorAt(j, 'illegal escape');
        let k = j + 3;
        while (k < n && s.charCodeAt(k) !== 0x7d && s.charCodeAt(k) !== 0x22) k++;
        if (s.charCodeAt(k) !== 0x7d) throw t.errorAt(j, 'illegal escape');
        j = k + 1;
        continue;
      }
      j += 2;
      continue;
    }
    j++;
  }
}

/**
 * Tokenizes `src`. Throws {@link TextSyntaxError} for lexical errors (unclosed strings, comments
 * or annotations, illegal characters, empty identifiers).
 */
export function tokenize(src: string, filename: string | null = null, baseLine = 1): Tokens {
  const t = new Tokens(src, filename, baseLine);
  const n = src.length;
  let i = 0;
  // Stack depth of open annotations (their `(@` tokens) to report unclosed ones.
  const annotStack: number[] = [];
  let depth = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      i++;
      continue;
    }
    if (c === 0x28) {
      const d = src.charCodeAt(i + 1);
      if (d === 0x3b) {
        // block comment, nested
        let level = 1;
        let j = i + 2;
        while (level > 0) {
          if (j >= n) throw t.errorAt(i, 'unclosed comment');
          const x = src.charCodeAt(j);
          if (x === 0x28 && src.charCodeAt(j + 1) === 0x3b) {
            level++;
            j += 2;
          } else if (x === 0x3b && src.charCodeAt(j + 1) === 0x29) {
            level--;
            j += 2;
          } else {
            j = commentCharEnd(t, j);
          }
        }
        i = j;
        continue;
      }
      if (d === 0x40) {
        // annotation
        let j = i + 2;
        if (src.charCodeAt(j) === 0x22) {
          j = quotedName(t, i, j, 'empty annotation id');
        } else {
          while (j < n && isIdChar(src.charCodeAt(j))) j++;
          if (j === i + 2) {
            if (annotStack.length === 0) throw t.errorAt(i, 'empty annotation id');
            // inside an annotation, `(@` without a name is just `(` and a reserved `@`
            t.push(Tok.LParen, i, i + 1);
            depth++;
            i++;
            continue;
          }
        }
        t.push(Tok.Annot, i, j);
        annotStack.push(depth);
        depth++;
        i = j;
        continue;
      }
      t.push(Tok.LParen, i, i + 1);
      depth++;
      i++;
      continue;
    }
    if (c === 0x29) {
      t.push(Tok.RParen, i, i + 1);
      depth--;
      if (annotStack.length && annotStack[annotStack.length - 1] === depth) annotStack.pop();
      i++;
      continue;
    }
    if (c === 0x3b && src.charCodeAt(i + 1) === 0x3b) {
      let j = i + 2;
      while (j < n && src.charCodeAt(j) !== 0x0a && src.charCodeAt(j) !== 0x0d) j = commentCharEnd(t, j);
      i = j;
      continue;
    }
    if (c === 0x22) {
      const e = skipString(t, i);
      // a string glued to idchars forms a reserved token
      if (e < n && (isIdChar(src.charCodeAt(e)) || src.charCodeAt(e) === 0x22)) {
        let j = e;
        while (j < n && (isIdChar(src.charCodeAt(j)) || src.charCodeAt(j) === 0x22)) {
          j = src.charCodeAt(j) === 0x22 ? skipString(t, j) : j + 1;
        }
        t.push(Tok.Reserved, i, j);
        i = j;
        continue;
      }
      t.push(Tok.String, i, e);
      i = e;
      continue;
    }
    if (isIdChar(c) || isResChar(c)) {
      let j = i + 1;
      let reserved = isResChar(c);
      for (;;) {
        if (j >= n) break;
        const x = src.charCodeAt(j);
        if (isIdChar(x)) j++;
        else if (isResChar(x) && !(x === 0x3b && src.charCodeAt(j + 1) === 0x3b)) {
          reserved = true;
          j++;
        } else break;
      }
      let kind: Tok;
      if (c === 0x24 && !reserved) {
        if (j === i + 1) {
          if (src.charCodeAt(j) === 0x22) {
            const e = quotedName(t, i, j, 'empty identifier');
            if (e < n && (isIdChar(src.charCodeAt(e)) || isResChar(src.charCodeAt(e)) || src.charCodeAt(e) === 0x22)) {
              let k = e;
              while (k < n && (isIdChar(src.charCodeAt(k)) || isResChar(src.charCodeAt(k)) || src.charCodeAt(k) === 0x22)) {
                k = src.charCodeAt(k) === 0x22 ? skipString(t, k) : k + 1;
              }
              t.push(Tok.Reserved, i, k);
              i = k;
              continue;
            }
            t.push(Tok.Id, i, e);
            i = e;
            continue;
          }
          throw t.errorAt(i, 'empty identifier');
        }
        kind = Tok.Id;
      } else if (c >= 0x61 && c <= 0x7a) kind = Tok.Keyword;
      else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d) kind = Tok.Number;
      else kind = Tok.Reserved;
      if (reserved) kind = Tok.Reserved;
      if (j < n && src.charCodeAt(j) === 0x22) {
        // idchars glued to a string: reserved
        while (j < n && (isIdChar(src.charCodeAt(j)) || src.charCodeAt(j) === 0x22)) {
          j = src.charCodeAt(j) === 0x22 ? skipString(t, j) : j + 1;
        }
        kind = Tok.Reserved;
      }
      t.push(kind, i, j);
      i = j;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) throw t.errorAt(i, 'malformed UTF-8 encoding');
    throw t.errorAt(i, 'illegal character');
  }
  if (annotStack.length) throw t.errorAt(n, 'unclosed annotation');
  return t;
}

const HEX = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;

/**
 * Decodes the string literal spanning `[start, end)` (quotes included) into bytes: UTF-8 of its
 * characters with escapes applied (`\hh` gives a raw byte). Lone surrogates U+DC80..U+DCFF stand
 * for raw invalid bytes (see {@link encodeLossless}).
 */
export function decodeStringBytes(t: Tokens, start: number, end: number): Uint8Array {
  const s = t.src;
  const out: number[] = [];
  let j = start + 1;
  const stop = end - 1;
  while (j < stop) {
    const c = s.charCodeAt(j);
    if (c === 0x5c) {
      const e = s.charCodeAt(j + 1);
      switch (e) {
        case 0x74:
          out.push(9);
          j += 2;
          continue;
        case 0x6e:
          out.push(10);
          j += 2;
          continue;
        case 0x72:
          out.push(13);
          j += 2;
          continue;
        case 0x22:
        case 0x27:
        case 0x5c:
          out.push(e);
          j += 2;
          continue;
        case 0x75: {
          let k = j + 3;
          let v = 0;
          let digits = 0;
          while (s.charCodeAt(k) !== 0x7d) {
            const ch = s.charCodeAt(k);
            if (ch === 0x5f && digits > 0 && HEX(s.charCodeAt(k + 1)) >= 0) {
              k++;
              continue;
            }
            const h = HEX(ch);
            if (h < 0) throw t.errorAt(j, 'illegal escape');
            v = v * 16 + h;
            if (v > 0x10ffff) throw t.errorAt(j, 'illegal escape');
            digits++;
            k++;
          }
          if (digits === 0 || (v >= 0xd800 && v < 0xe000)) throw t.errorAt(j, 'illegal escape');
          pushUtf8(out, v);
          j = k + 1;
          continue;
        }
        default: {
          const h1 = HEX(e);
          const h2 = HEX(s.charCodeAt(j + 2));
          if (h1 < 0 || h2 < 0) throw t.errorAt(j, 'illegal escape');
          out.push(h1 * 16 + h2);
          j += 3;
          continue;
        }
      }
    }
    if (c < 0x80) {
      out.push(c);
      j++;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(j + 1) - 0xdc00);
      j += 2;
    } else if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      j++;
      continue;
    } else j++;
    pushUtf8(out, cp);
  }
  return Uint8Array.from(out);
}

function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a string literal as text; raw bytes that are not UTF-8 become U+DCxx escapes. */
export function decodeString(t: Tokens, start: number, end: number): string {
  return decodeLossless(decodeStringBytes(t, start, end));
}

/** Throws "malformed UTF-8 encoding" if `s` holds escaped raw bytes (see {@link decodeLossless}). */
export function checkUtf8(t: Tokens, s: string, offset: number): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) {
      throw t.errorAt(offset, 'malformed UTF-8 encoding');
    }
  }
}

/**
 * Decodes bytes as UTF-8 without losing information: each byte that is not part of a well-formed
 * UTF-8 sequence becomes the lone surrogate U+DC00+byte (it can never come from valid UTF-8), so
 * the lexer can report "malformed UTF-8 encoding" at the right place.
 */
export function decodeLossless(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    // fall through to the slow path
  }
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let len = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      min = 0x10000;
    }
    let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const x = bytes[i + k];
      if ((x & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (x & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))) ok = false;
    if (!ok) {
      out += String.fromCharCode(0xdc00 + b);
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}
