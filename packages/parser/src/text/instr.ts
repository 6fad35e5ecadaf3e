/**
 * Instructions of the text format (plain and folded) encoded straight to binary: labels, locals
 * and every other index space resolved on the way, block types matched or appended as implicit
 * types through the {@link ModuleBuilder}.
 * @module
 */

import type { Writer } from '../binary/writer.js';
import { opByName, type OpInfo } from '../opcodes.js';
import { Tok } from './lexer.js';
import { isNumberLiteral } from './cursor.js';
import type { ModuleBuilder } from './module.js';
import { parseF32, parseF64, parseI32, parseI64, parseIntLiteral, parseNatural } from './literals.js';
import { writeU64 } from './limits.js';
import { type RefTypeEnc, parseHeapType, parseRefType, parseValType, pushU32, type EncType } from './types.js';

/** Names visible inside a function body. */
export interface FuncScope {
  /** Local (and parameter) names. */
  readonly locals: Map<string, number>;
  /** Enclosing block labels, innermost last (null for unlabelled blocks). */
  readonly labels: (string | null)[];
}

const TERMINATORS = new Set(['end', 'else', 'catch', 'catch_all', 'delegate']);

function emitOp(w: Writer, code: number): void {
  if (code < 0x100) w.u8(code);
  else w.u8(code >> 12).u32(code & 0xfff);
}

/** Reads one numeric literal token with `parse` (null: out of range or not a literal). */
function numericLiteral<T>(c: ModuleBuilder['c'], parse: (text: string) => T | null): T {
  const k = c.kind();
  if (k !== Tok.Number && k !== Tok.Keyword) throw c.unexpected();
  const v = c.wrap(() => parse(c.text()));
  if (v === null) throw c.unexpected();
  c.pos++;
  return v;
}

function writeF64(w: Writer, bits: bigint): void {
  w.f64Bits(Number(bits & 0xffffffffn), Number(bits >> 32n));
}

/**
 * Encodes instructions from the cursor until a `)` (not consumed), a block terminator keyword, or
 * token index `end`.
 */
export function encodeExpr(m: ModuleBuilder, s: FuncScope, w: Writer, end = Infinity): void {
  const c = m.c;
  for (;;) {
    if (c.pos >= end) return;
    const k = c.kind();
    if (k === Tok.RParen || k < 0) return;
    if (k === Tok.LParen) {
      folded(m, s, w);
      continue;
    }
    if (k !== Tok.Keyword) throw c.unexpected();
    const name = c.text();
    if (TERMINATORS.has(name)) return;
    plain(m, s, w, name);
  }
}

function label(m: ModuleBuilder, s: FuncScope): number {
  const c = m.c;
  if (c.kind() === Tok.Number) return c.u32();
  if (c.kind() === Tok.Id) {
    const name = c.idName(c.pos);
    for (let i = s.labels.length - 1; i >= 0; i--) {
      if (s.labels[i] === name) {
        c.pos++;
        return s.labels.length - 1 - i;
      }
    }
    throw c.error(`unknown label $${name}`);
  }
  throw c.unexpected();
}

function endLabel(m: ModuleBuilder, lbl: string | null): void {
  const c = m.c;
  if (c.kind() === Tok.Id) {
    const nm = c.idName(c.pos);
    if (nm !== lbl) throw c.error(`mismatching label $${nm}`);
    c.pos++;
  }
}

function blockType(m: ModuleBuilder, w: Writer): void {
  const c = m.c;
  if (c.isForm('type') || c.isForm('param')) {
    const tu = m.typeUse(false);
    w.s32(tu.index);
    return;
  }
  const results: EncType[] = [];
  while (c.isForm('result')) {
    c.pos += 2;
    while (c.kind() !== Tok.RParen) results.push(parseValType(c, m));
    c.rparen();
  }
  if (results.length === 0) w.u8(0x40);
  else if (results.length === 1) for (const b of results[0]) w.u8(b);
  else w.s32(m.funcType([], results));
}

function catchClauses(m: ModuleBuilder, s: FuncScope, w: Writer): void {
  const c = m.c;
  const clauses: number[][] = [];
  const tmp: number[] = [];
  for (;;) {
    const kw = c.formKeyword();
    let kind: number;
    if (kw === 'catch') kind = 0;
    else if (kw === 'catch_ref') kind = 1;
    else if (kw === 'catch_all') kind = 2;
    else if (kw === 'catch_all_ref') kind = 3;
    else break;
    c.pos += 2;
    tmp.length = 0;
    tmp.push(kind);
    if (kind < 2) pushU32(tmp, m.index('tag'));
    pushU32(tmp, label(m, s));
    c.rparen();
    clauses.push(tmp.slice());
  }
  w.u32(clauses.length);
  for (const cl of clauses) for (const b of cl) w.u8(b);
}

/** Opcodes of the block instructions that {@link openBlock} starts. */
const BLOCK_OPS: Readonly<Record<string, number>> = { block: 0x02, loop: 0x03, if: 0x04, try: 0x06, try_table: 0x1f };

/**
 * Starts block instruction `name` at the cursor: its opcode, optional label, block type (and a
 * `try_table`'s catch clauses, resolved outside the new label), then pushes the label.
 */
function openBlock(m: ModuleBuilder, s: FuncScope, w: Writer, name: string): string | null {
  const c = m.c;
  c.pos++;
  w.u8(BLOCK_OPS[name]);
  const lbl = c.optId();
  blockType(m, w);
  if (name === 'try_table') catchClauses(m, s, w);
  s.labels.push(lbl);
  return lbl;
}

/** Closes a plain block: `end` with its optional repeated label, pops the label, emits `end`. */
function closePlain(m: ModuleBuilder, s: FuncScope, w: Writer, lbl: string | null): void {
  m.c.expectKw('end');
  endLabel(m, lbl);
  s.labels.pop();
  w.u8(0x0b);
}

/** Closes a folded block: pops the label, emits `end`, consumes the form's `)`. */
function closeFolded(m: ModuleBuilder, s: FuncScope, w: Writer): void {
  s.labels.pop();
  w.u8(0x0b);
  m.c.rparen();
}

/** A plain instruction named `name` at the cursor. */
function plain(m: ModuleBuilder, s: FuncScope, w: Writer, name: string): void {
  const c = m.c;
  switch (name) {
    case 'block':
    case 'loop':
    case 'try_table': {
      const lbl = openBlock(m, s, w, name);
      encodeExpr(m, s, w);
      closePlain(m, s, w, lbl);
      return;
    }
    case 'if': {
      const lbl = openBlock(m, s, w, name);
      encodeExpr(m, s, w);
      if (c.isKw('else')) {
        c.pos++;
        endLabel(m, lbl);
        w.u8(0x05);
        encodeExpr(m, s, w);
      }
      closePlain(m, s, w, lbl);
      return;
    }
    case 'try': {
      const lbl = openBlock(m, s, w, name);
      encodeExpr(m, s, w);
      let catches = 0;
      let catchAll = false;
      for (;;) {
        if (catchAll && (c.isKw('catch') || c.isKw('catch_all'))) throw c.unexpected();
        if (c.isKw('catch') || c.isKw('catch_all')) catches++;
        if (c.isKw('catch')) {
          c.pos++;
          // `catch $l $tag` repeats the label; a lone identifier is the tag
          if (c.kind() === Tok.Id && isIndexTok(c.kind(1))) endLabel(m, lbl);
          w.u8(0x07).u32(m.index('tag'));
          encodeExpr(m, s, w);
        } else if (c.isKw('catch_all')) {
          catchAll = true;
          c.pos++;
          endLabel(m, lbl);
          w.u8(0x19);
          encodeExpr(m, s, w);
        } else break;
      }
      if (c.isKw('delegate')) {
        if (catches) throw c.unexpected();
        c.pos++;
        s.labels.pop();
        w.u8(0x18).u32(label(m, s));
        return;
      }
      closePlain(m, s, w, lbl);
      return;
    }
    default:
      c.pos++;
      operator(m, s, w, name, c.pos - 1);
  }
}

/** A folded instruction `( ... )` at the cursor. */
function folded(m: ModuleBuilder, s: FuncScope, w: Writer): void {
  const c = m.c;
  const open = c.pos;
  c.pos++;
  if (c.kind() !== Tok.Keyword) throw c.unexpected();
  const name = c.text();
  switch (name) {
    case 'block':
    case 'loop':
    case 'try_table':
      openBlock(m, s, w, name);
      encodeExpr(m, s, w);
      closeFolded(m, s, w);
      return;
    case 'if': {
      c.pos++;
      const lbl = c.optId();
      const start = w.length;
      blockType(m, w);
      const bt = w.finish().slice(start);
      w.length = start;
      while (c.kind() === Tok.LParen && !c.isKw('then', 1)) folded(m, s, w);
      w.u8(0x04).bytes(bt);
      s.labels.push(lbl);
      c.openForm('then');
      encodeExpr(m, s, w);
      c.rparen();
      if (c.isForm('else')) {
        c.pos += 2;
        w.u8(0x05);
        encodeExpr(m, s, w);
        c.rparen();
      }
      closeFolded(m, s, w);
      return;
    }
    case 'try': {
      openBlock(m, s, w, name);
      c.openForm('do');
      encodeExpr(m, s, w);
      c.rparen();
      let catches = 0;
      let catchAll = false;
      for (;;) {
        const kw = c.formKeyword();
        if (catchAll && (kw === 'catch' || kw === 'catch_all')) throw c.unexpected();
        if (kw === 'catch' || kw === 'catch_all') catches++;
        if (kw === 'catch_all') catchAll = true;
        if (kw === 'catch') {
          c.pos += 2;
          w.u8(0x07).u32(m.index('tag'));
          encodeExpr(m, s, w);
          c.rparen();
        } else if (kw === 'catch_all') {
          c.pos += 2;
          w.u8(0x19);
          encodeExpr(m, s, w);
          c.rparen();
        } else break;
      }
      if (c.isForm('delegate')) {
        if (catches) throw c.unexpected();
        c.pos += 2;
        s.labels.pop();
        w.u8(0x18).u32(label(m, s));
        c.rparen();
        c.rparen();
        return;
      }
      closeFolded(m, s, w);
      return;
    }
    default: {
      if (TERMINATORS.has(name) || name === 'then') throw c.unexpected();
      c.pos++;
      const immStart = c.pos;
      if (c.kind() === Tok.RParen) {
        // no immediates and no operands: the common leaf case
        operator(m, s, w, name, immStart - 1);
        c.pos++;
        return;
      }
      // Parse the immediates once to find the operands, emit the operands, then the operator
      // (re-parsing its few immediate tokens is cheaper than buffering its bytes).
      const start = w.length;
      operator(m, s, w, name, immStart - 1);
      w.length = start;
      while (c.kind() === Tok.LParen) folded(m, s, w);
      if (c.kind() !== Tok.RParen) throw c.unexpected();
      const close = c.pos;
      c.pos = immStart;
      operator(m, s, w, name, immStart - 1);
      c.pos = close + 1;
      void open;
    }
  }
}

function isIndexTok(k: number): boolean {
  return k === Tok.Number || k === Tok.Id;
}

/** Memory argument: `memidx? offset=N? align=N?`. */
function memarg(m: ModuleBuilder, w: Writer, info: OpInfo, allowMemIdx: boolean, laneFollows: boolean): void {
  const c = m.c;
  let mem = 0;
  if (allowMemIdx) {
    if (c.kind() === Tok.Id) mem = m.index('memory');
    else if (c.kind() === Tok.Number) {
      const nextIsArg = c.kind(1) === Tok.Number || (c.kind(1) === Tok.Keyword && /^(offset|align)=/.test(c.text(1)));
      if (!laneFollows || nextIsArg) mem = m.index('memory');
    }
  }
  let offset = 0n;
  let align = info.align;
  const kw = c.keyword();
  if (kw !== null && kw.startsWith('offset=')) {
    const v = c.wrap(() => parseNatural(kw.slice(7), 64));
    if (v === null) throw c.unexpected();
    offset = v;
    c.pos++;
  }
  const kw2 = c.keyword();
  if (kw2 !== null && kw2.startsWith('align=')) {
    const v = c.wrap(() => parseNatural(kw2.slice(6), 64));
    if (v === null) throw c.unexpected();
    if (v === 0n || (v & (v - 1n)) !== 0n) throw c.error('alignment must be a power of two');
    align = v.toString(2).length - 1;
    c.pos++;
  }
  if (mem !== 0) w.u32(align | 0x40).u32(mem);
  else w.u32(align);
  writeU64(w, offset);
}

/** A lane index immediate (a natural below 256). */
function laneIndex(m: ModuleBuilder): number {
  const c = m.c;
  if (c.kind() !== Tok.Number) throw c.unexpected();
  const t = c.text();
  const code = t.charCodeAt(0);
  if (code === 0x2b || code === 0x2d) throw c.unexpected();
  const v = c.wrap(() => parseNatural(t, 64));
  if (v === null) throw c.unexpected();
  if (v > 255n) throw c.error('i8 constant out of range');
  c.pos++;
  return Number(v);
}

const SHAPES: Readonly<Record<string, [number, 'i' | 'f', number]>> = {
  i8x16: [16, 'i', 8],
  i16x8: [8, 'i', 16],
  i32x4: [4, 'i', 32],
  i64x2: [2, 'i', 64],
  f32x4: [4, 'f', 32],
  f64x2: [2, 'f', 64],
};

function isLaneTok(c: ModuleBuilder['c'], off: number): boolean {
  const k = c.kind(off);
  if (k === Tok.Number || k === Tok.Reserved) return true;
  if (k !== Tok.Keyword) return false;
  const t = c.text(off);
  return t === 'inf' || t === 'nan' || t.startsWith('nan:');
}

/** Parses `shape lanes...` of a `v128.const` into 16 bytes. */
function v128Const(m: ModuleBuilder): Uint8Array {
  const c = m.c;
  const shape = c.keyword();
  const sh = shape ? SHAPES[shape] : undefined;
  if (!sh) throw c.unexpected();
  c.pos++;
  const [n, kind, bits] = sh;
  let avail = 0;
  while (avail <= n && isLaneTok(c, avail)) avail++;
  if (avail !== n) throw c.error('wrong number of lane literals');
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < n; i++) {
    const k = c.kind();
    if (k !== Tok.Number && k !== Tok.Keyword) {
      if (k === Tok.RParen || k < 0) throw c.error('wrong number of lane literals');
      throw c.unexpected();
    }
    const t = c.text();
    if (kind === 'i') {
      if (bits === 64) {
        const v = c.wrap(() => parseI64(t));
        if (v === null) throw c.unexpected();
        dv.setBigInt64(i * 8, v, true);
      } else if (bits === 32) {
        const v = c.wrap(() => parseI32(t));
        if (v === null) throw c.unexpected();
        dv.setInt32(i * 4, v, true);
      } else {
        const r = parseIntLiteral(t);
        if (!r) throw c.unexpected();
        const lim = 1n << BigInt(bits);
        if (r.neg ? r.mag > lim / 2n : r.mag >= lim) throw c.error('constant out of range');
        const v = Number(r.neg ? -r.mag : r.mag);
        if (bits === 8) dv.setUint8(i, v & 0xff);
        else dv.setUint16(i * 2, v & 0xffff, true);
      }
    } else if (bits === 32) {
      const v = c.wrap(() => parseF32(t));
      if (v === null) throw c.unexpected();
      dv.setUint32(i * 4, v, true);
    } else {
      const v = c.wrap(() => parseF64(t));
      if (v === null) throw c.unexpected();
      dv.setBigUint64(i * 8, v, true);
    }
    c.pos++;
  }
  return out;
}

/** An operator with its immediates (the cursor is past the name at token `at`). */
function operator(m: ModuleBuilder, s: FuncScope, w: Writer, name: string, at: number): void {
  const c = m.c;
  switch (name) {
    case 'select': {
      const types: EncType[] = [];
      let typed = false;
      while (c.isForm('result')) {
        typed = true;
        c.pos += 2;
        while (c.kind() !== Tok.RParen) types.push(parseValType(c, m));
        c.rparen();
      }
      if (!typed) {
        w.u8(0x1b);
        return;
      }
      w.u8(0x1c).u32(types.length);
      for (const t of types) for (const b of t) w.u8(b);
      return;
    }
    case 'ref.test':
    case 'ref.cast': {
      const rt = parseRefType(c, m);
      const info = opByName(rt.nullable ? `${name}_null` : name)!;
      emitOp(w, info.code);
      for (const b of rt.heap) w.u8(b);
      return;
    }
    case 'struct.new_desc':
    case 'struct.new_default_desc':
    case 'ref.get_desc':
      // custom-descriptors proposal
      emitOp(w, name === 'struct.new_desc' ? 0xfb020 : name === 'ref.get_desc' ? 0xfb022 : 0xfb021);
      w.u32(m.index('type'));
      return;
    case 'ref.cast_desc_eq': {
      const rt = parseRefType(c, m);
      emitOp(w, rt.nullable ? 0xfb024 : 0xfb023);
      for (const b of rt.heap) w.u8(b);
      return;
    }
    case 'br_on_cast':
    case 'br_on_cast_fail':
    case 'br_on_cast_desc_eq':
    case 'br_on_cast_desc_eq_fail': {
      const code = name === 'br_on_cast_desc_eq' ? 0xfb025 : name === 'br_on_cast_desc_eq_fail' ? 0xfb026 : opByName(name)!.code;
      const l = label(m, s);
      const rt1: RefTypeEnc = parseRefType(c, m);
      const rt2: RefTypeEnc = parseRefType(c, m);
      emitOp(w, code);
      w.u8((rt1.nullable ? 1 : 0) | (rt2.nullable ? 2 : 0)).u32(l);
      for (const b of rt1.heap) w.u8(b);
      for (const b of rt2.heap) w.u8(b);
      return;
    }
  }
  const info = opByName(name);
  if (!info || name === 'select_t' || name === 'ref.test_null' || name === 'ref.cast_null' || name === 'ref.cast_desc_eq_null') throw c.unexpected(at);
  emitOp(w, info.code);
  switch (info.imm) {
    case 'none':
      return;
    case 'label':
      w.u32(label(m, s));
      return;
    case 'br_table': {
      const labels: number[] = [];
      while (isIndexTok(c.kind())) labels.push(label(m, s));
      if (labels.length === 0) throw c.unexpected();
      w.u32(labels.length - 1);
      for (const l of labels) w.u32(l);
      return;
    }
    case 'func':
      w.u32(m.index('func'));
      return;
    case 'call_indirect': {
      const table = m.optIndex('table') ?? 0;
      const tu = m.typeUse(false);
      w.u32(tu.index).u32(table);
      return;
    }
    case 'type':
      w.u32(m.index('type'));
      return;
    case 'local': {
      if (c.kind() === Tok.Id) {
        const nm = c.idName(c.pos);
        const v = s.locals.get(nm);
        if (v === undefined) throw c.error(`unknown local $${nm}`);
        c.pos++;
        w.u32(v);
      } else w.u32(c.u32());
      return;
    }
    case 'global':
      w.u32(m.index('global'));
      return;
    case 'table':
      w.u32(m.optIndex('table') ?? 0);
      return;
    case 'mem':
      w.u32(m.optIndex('memory') ?? 0);
      return;
    case 'tag':
      w.u32(m.index('tag'));
      return;
    case 'elem':
      w.u32(m.index('elem'));
      return;
    case 'data':
      m.usesDataCount = true;
      w.u32(m.index('data'));
      return;
    case 'memarg':
      memarg(m, w, info, true, false);
      return;
    case 'memarg_lane':
      memarg(m, w, info, true, true);
      w.u8(laneIndex(m));
      return;
    case 'lane':
      w.u8(laneIndex(m));
      return;
    case 'i32': {
      const v = numericLiteral(c, parseI32);
      w.s32(v);
      return;
    }
    case 'i64': {
      const v = numericLiteral(c, parseI64);
      w.s64(v);
      return;
    }
    case 'f32': {
      const v = numericLiteral(c, parseF32);
      w.f32Bits(v);
      return;
    }
    case 'f64': {
      const v = numericLiteral(c, parseF64);
      writeF64(w, v);
      return;
    }
    case 'v128':
      w.bytes(v128Const(m));
      return;
    case 'shuffle': {
      for (let i = 0; i < 16; i++) {
        if (!isLaneTok(c, 0)) {
          if (c.kind() === Tok.LParen || c.kind() === Tok.RParen) throw c.error('invalid lane length');
          throw c.unexpected();
        }
        const r = parseIntLiteral(c.text());
        if (!r && !isNumberLiteral(c.text())) throw c.unexpected();
        if (!r || r.neg || r.mag > 255n) throw c.error('i8 constant out of range');
        w.u8(Number(r.mag));
        c.pos++;
      }
      if (c.kind() === Tok.Number) throw c.error('invalid lane length');
      return;
    }
    case 'heaptype':
      for (const b of parseHeapType(c, m)) w.u8(b);
      return;
    case 'type_field': {
      const t = m.index('type');
      w.u32(t).u32(m.fieldIndex(t));
      return;
    }
    case 'type_count':
      w.u32(m.index('type')).u32(c.u32());
      return;
    case 'type_data':
      m.usesDataCount = true;
      w.u32(m.index('type')).u32(m.index('data'));
      return;
    case 'type_elem':
      w.u32(m.index('type')).u32(m.index('elem'));
      return;
    case 'type_type':
      w.u32(m.index('type')).u32(m.index('type'));
      return;
    case 'data_mem': {
      m.usesDataCount = true;
      if (isIndexTok(c.kind(1)) && isIndexTok(c.kind())) {
        const mem = m.index('memory');
        w.u32(m.index('data')).u32(mem);
      } else w.u32(m.index('data')).u32(0);
      return;
    }
    case 'mem_mem': {
      const a = m.optIndex('memory');
      const b = a === null ? null : m.optIndex('memory');
      w.u32(a ?? 0).u32(b ?? 0);
      return;
    }
    case 'elem_table': {
      if (isIndexTok(c.kind(1)) && isIndexTok(c.kind())) {
        const t = m.index('table');
        w.u32(m.index('elem')).u32(t);
      } else w.u32(m.index('elem')).u32(0);
      return;
    }
    case 'table_table': {
      const a = m.optIndex('table');
      const b = a === null ? null : m.optIndex('table');
      w.u32(a ?? 0).u32(b ?? 0);
      return;
    }
    case 'zero_byte':
      w.u8(0);
      return;
    default:
      throw c.error(`unsupported immediate kind ${info.imm}`, at);
  }
}

