/**
 * Test-only helper: a tiny S-expression reader for `.wast` scripts that extracts every
 * `(module binary "...")` (also `module $id binary`, `module definition binary`) with the command it
 * sits in. Just enough syntax for the spec suite: comments, strings with escapes, parentheses.
 * @module
 */

/** A parsed S-expression: an atom, a string literal (as bytes), or a list. */
export type SExpr = { t: 'atom'; v: string } | { t: 'str'; v: Uint8Array } | { t: 'list'; v: SExpr[]; line: number };

const enc = new TextEncoder();

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parses a whole script into its top-level S-expressions. */
export function parseSExprs(src: string): SExpr[] {
  let i = 0;
  let line = 1;
  const n = src.length;
  const stack: SExpr[][] = [[]];
  const lines: number[] = [];
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 59 && src.charCodeAt(i + 1) === 59) {
      while (i < n && src.charCodeAt(i) !== 10) i++;
    } else if (c === 40 && src.charCodeAt(i + 1) === 59) {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (src.charCodeAt(i) === 10) line++;
        if (src.startsWith('(;', i)) {
          depth++;
          i += 2;
        } else if (src.startsWith(';)', i)) {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === 40) {
      stack.push([]);
      lines.push(line);
      i++;
    } else if (c === 41) {
      const v = stack.pop()!;
      stack[stack.length - 1]!.push({ t: 'list', v, line: lines.pop()! });
      i++;
    } else if (c === 34) {
      i++;
      const out: number[] = [];
      while (i < n && src.charCodeAt(i) !== 34) {
        const d = src.charCodeAt(i);
        if (d === 92) {
          const e = src[i + 1]!;
          if (e === 'n') out.push(10), (i += 2);
          else if (e === 't') out.push(9), (i += 2);
          else if (e === 'r') out.push(13), (i += 2);
          else if (e === '"' || e === "'" || e === '\\') out.push(e.charCodeAt(0)), (i += 2);
          else if (e === 'u') {
            const close = src.indexOf('}', i);
            const cp = parseInt(src.slice(i + 3, close).replace(/_/g, ''), 16);
            out.push(...enc.encode(String.fromCodePoint(cp)));
            i = close + 1;
          } else {
            out.push(hex(src.charCodeAt(i + 1)) * 16 + hex(src.charCodeAt(i + 2)));
            i += 3;
          }
        } else {
          const cp = src.codePointAt(i)!;
          const s = String.fromCodePoint(cp);
          out.push(...enc.encode(s));
          i += s.length;
        }
      }
      i++;
      stack[stack.length - 1]!.push({ t: 'str', v: Uint8Array.from(out) });
    } else {
      const startAt = i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 32 || d === 9 || d === 10 || d === 13 || d === 40 || d === 41 || d === 34 || d === 59) break;
        i++;
      }
      stack[stack.length - 1]!.push({ t: 'atom', v: src.slice(startAt, i) });
    }
  }
  return stack[0]!;
}

/** A binary module found in a script. */
export interface WastBinary {
  /** The command it belongs to: `module`, `assert_malformed`, `assert_invalid`, ... */
  command: string;
  /** 1-based line of the command. */
  line: number;
  bytes: Uint8Array;
  /** For `assert_malformed` and friends: the expected message. */
  expected: string | null;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** If `e` is `(module ... binary "..."*)`, its bytes. */
function moduleBinary(e: SExpr): Uint8Array | null {
  if (e.t !== 'list' || e.v[0]?.t !== 'atom' || e.v[0].v !== 'module') return null;
  let k = 1;
  while (k < e.v.length && e.v[k]!.t === 'atom' && (e.v[k] as { v: string }).v !== 'binary') k++;
  if (k >= e.v.length || e.v[k]!.t !== 'atom') return null;
  const parts: Uint8Array[] = [];
  for (const x of e.v.slice(k + 1)) if (x.t === 'str') parts.push(x.v);
  return concat(parts);
}

const dec = new TextDecoder();

/** Every binary module in a script, with its command and expected message. */
export function wastBinaries(src: string): WastBinary[] {
  const out: WastBinary[] = [];
  for (const cmd of parseSExprs(src)) {
    if (cmd.t !== 'list' || cmd.v[0]?.t !== 'atom') continue;
    const head = cmd.v[0].v;
    if (head === 'module') {
      const b = moduleBinary(cmd);
      if (b) out.push({ command: 'module', line: cmd.line, bytes: b, expected: null });
      continue;
    }
    if (!head.startsWith('assert_')) continue;
    const m = cmd.v[1];
    if (!m) continue;
    const b = moduleBinary(m);
    if (!b) continue;
    const msg = cmd.v[2];
    out.push({ command: head, line: cmd.line, bytes: b, expected: msg?.t === 'str' ? dec.decode(msg.v) : null });
  }
  return out;
}
