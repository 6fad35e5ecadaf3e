/**
 * Annotations the text format gives meaning to: `(@custom "name" placement? "data"*)` (a custom
 * section), `(@name "...")` (names for the name section) and `(@metadata.code.branch_hint ...)`
 * (checked for placement only). All other annotations are ignored. Annotations are removed from
 * the token stream here; what they mean is returned keyed by positions in the stripped stream.
 * @module
 */

import { Tok, type Tokens, decodeString, decodeStringBytes } from './lexer.js';

/** Where a custom section goes, relative to the standard sections. */
export interface CustomPlacement {
  readonly where: 'before' | 'after';
  /** A section name (`type`, `func`, `code`, ...), or `first` / `last`. */
  readonly section: string;
}

/** A custom section from an `@custom` annotation. */
export interface CustomAnnotation {
  readonly name: string;
  readonly data: Uint8Array;
  readonly placement: CustomPlacement;
}

/** What the annotations of one module say. */
export interface ModuleAnnotations {
  /** The module's `@name`, if any. */
  moduleName: string | null;
  /** `@name` of a module field, by the stripped-stream index of the field's `(`. */
  readonly fieldNames: Map<number, string>;
  /** Custom sections in textual order. */
  readonly customs: CustomAnnotation[];
}

const SECTION_KINDS = new Set([
  'type',
  'import',
  'func',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'elem',
  'code',
  'data',
  'datacount',
  'tag',
]);

interface Frame {
  /** Keyword after `(`, or null. */
  readonly kw: string | null;
  /** Stripped index of the `(`. */
  readonly open: number;
  /** Tokens seen inside so far (not counting annotations). */
  items: number;
  /** Whether the last item was an identifier. */
  lastWasId: boolean;
}

/**
 * Interprets and removes every annotation of a module's token stream. Throws `TextSyntaxError`
 * for malformed or misplaced `@custom`, `@name` and branch-hint annotations.
 */
export function extractAnnotations(t: Tokens): ModuleAnnotations {
  const result: ModuleAnnotations = { moduleName: null, fieldNames: new Map(), customs: [] };
  let has = false;
  for (let i = 0; i < t.count; i++) if (t.kind[i] === Tok.Annot) has = true;
  if (!has) return result;

  const stack: Frame[] = [];
  // Top-level pseudo frame: bare module fields behave like the body of `(module`.
  const top: Frame = { kw: null, open: -1, items: 0, lastWasId: false };
  let out = 0;
  let lastHintAt = -1;
  const moduleForm = t.count > 1 && t.kind[0] === Tok.LParen && t.kind[1] === Tok.Keyword && t.text(1) === 'module';
  const isFieldLevel = (f: Frame | undefined): boolean =>
    moduleForm ? f !== undefined && f.kw === 'module' && stack.length === 1 : f === undefined;

  let i = 0;
  while (i < t.count) {
    const k = t.kind[i];
    if (k === Tok.Annot) {
      const close = skipForm(t, i) - 1; // the matching `)`
      const id = annotationId(t, i);
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      if (id === 'custom') {
        if (!isFieldLevel(parent)) throw t.error(i, 'misplaced @custom annotation');
        result.customs.push(parseCustom(t, i, close));
      } else if (id === 'name') {
        const nameTok = i + 1;
        if (nameTok >= close || t.kind[nameTok] !== Tok.String || nameTok + 1 !== close) {
          throw t.error(nameTok, '@name annotation: string expected');
        }
        const name = decodeString(t, t.start[nameTok], t.end[nameTok]);
        const f = parent ?? top;
        const atHead = f.items === 1 || (f.items === 2 && f.lastWasId);
        if (!parent || !atHead) throw t.error(i, 'misplaced @name annotation');
        if (f.kw === 'module') {
          if (result.moduleName !== null) throw t.error(i, '@name annotation: multiple module names');
          result.moduleName = name;
        } else if (f.kw === 'func' || f.kw === 'tag' || f.kw === 'global' || f.kw === 'table' || f.kw === 'memory') {
          if (result.fieldNames.has(f.open)) throw t.error(i, `@name annotation: multiple ${f.kw} names`);
          result.fieldNames.set(f.open, name);
        } else if (f.kw === 'start' || f.kw === 'export' || f.kw === 'import') {
          throw t.error(i, 'misplaced @name annotation');
        }
      } else if (id === 'metadata.code.branch_hint') {
        if (!stack.some((f) => f.kw === 'func')) throw t.error(i, '@metadata.code.branch_hint annotation: not in a function');
        if (lastHintAt === out) throw t.error(i, '@metadata.code.branch_hint annotation: duplicate annotation');
        if (!hintTargetFollows(t, close + 1)) throw t.error(i, '@metadata.code.branch_hint annotation: invalid target');
        lastHintAt = out;
      }
      i = close + 1;
      continue;
    }
    const f = stack.length ? stack[stack.length - 1] : top;
    if (k === Tok.LParen) {
      f.items++;
      f.lastWasId = false;
      const kw = i + 1 < t.count && t.kind[i + 1] === Tok.Keyword ? t.text(i + 1) : null;
      stack.push({ kw, open: out, items: 0, lastWasId: false });
    } else if (k === Tok.RParen) {
      stack.pop();
      const p = stack.length ? stack[stack.length - 1] : top;
      p.lastWasId = false;
    } else {
      f.items++;
      f.lastWasId = k === Tok.Id;
    }
    t.kind[out] = k;
    t.start[out] = t.start[i];
    t.end[out] = t.end[i];
    out++;
    i++;
  }
  t.count = out;
  return result;
}

/** The index just past the annotation or parenthesised form opening at `i`. */
function skipForm(t: Tokens, i: number): number {
  let depth = 1;
  let j = i + 1;
  while (j < t.count && depth > 0) {
    const k = t.kind[j];
    if (k === Tok.LParen || k === Tok.Annot) depth++;
    else if (k === Tok.RParen) depth--;
    j++;
  }
  return j;
}

/**
 * Whether the instruction after a branch hint (at token `i`, other annotations skipped) is one a
 * hint may annotate: `if` or `br_if`, plain or folded.
 */
function hintTargetFollows(t: Tokens, i: number): boolean {
  while (i < t.count && t.kind[i] === Tok.Annot) i = skipForm(t, i);
  if (i < t.count && t.kind[i] === Tok.LParen) i++;
  if (i >= t.count || t.kind[i] !== Tok.Keyword) return false;
  const kw = t.text(i);
  return kw === 'if' || kw === 'br_if';
}

function annotationId(t: Tokens, i: number): string {
  const s = t.start[i] + 2;
  if (t.src.charCodeAt(s) === 0x22) return decodeString(t, s, t.end[i]);
  return t.src.slice(s, t.end[i]);
}

function parseCustom(t: Tokens, open: number, close: number): CustomAnnotation {
  let i = open + 1;
  if (i >= close || t.kind[i] !== Tok.String) throw t.error(i, '@custom annotation: missing section name');
  const nameBytes = decodeStringBytes(t, t.start[i], t.end[i]);
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(nameBytes);
  } catch {
    throw t.error(i, '@custom annotation: malformed UTF-8 encoding');
  }
  i++;
  let placement: CustomPlacement = { where: 'after', section: 'last' };
  if (i < close && t.kind[i] === Tok.LParen) {
    const kw = t.kind[i + 1] === Tok.Keyword ? t.text(i + 1) : null;
    if (kw !== 'before' && kw !== 'after') throw t.error(i + 1, '@custom annotation: malformed placement');
    const secTok = i + 2;
    const sec = t.kind[secTok] === Tok.Keyword ? t.text(secTok) : null;
    const ok = sec !== null && (SECTION_KINDS.has(sec) || (kw === 'before' && sec === 'first') || (kw === 'after' && sec === 'last'));
    if (!ok || t.kind[secTok + 1] !== Tok.RParen) throw t.error(secTok, '@custom annotation: malformed section kind');
    placement = { where: kw, section: sec };
    i = secTok + 2;
  }
  const parts: Uint8Array[] = [];
  let len = 0;
  for (; i < close; i++) {
    if (t.kind[i] !== Tok.String) throw t.error(i, `@custom annotation: unexpected token ${t.text(i)}`);
    const b = decodeStringBytes(t, t.start[i], t.end[i]);
    parts.push(b);
    len += b.length;
  }
  const data = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  return { name, data, placement };
}
