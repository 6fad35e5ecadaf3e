/**
 * Type definitions of the text format (`type`, `rec`, `sub`, `func`, `struct`, `array`) and type
 * uses, which match an existing function type or append an implicit one to the type section.
 * @module
 */

import { Writer } from '../binary/writer.js';
import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';
import { type EncType, type TypeResolver, parseFieldType, parseValType, pushU32, typesKey } from './types.js';

/** What the module knows about one defined type. */
export interface TypeInfo {
  /** For function types: parameter and result types; null for struct and array types. */
  readonly params: readonly EncType[] | null;
  readonly results: readonly EncType[] | null;
  /** Field names of a struct type. */
  readonly fields: Map<string, number> | null;
}

/** The result of parsing a type use. */
export interface TypeUse {
  readonly index: number;
  readonly params: readonly EncType[];
  readonly results: readonly EncType[];
  /** Parameter names (null where unnamed); empty when the params came from the type itself. */
  readonly paramNames: readonly (string | null)[];
}

/** The type section being built: explicit definitions first, then implicit function types. */
export class TypeDefs {
  /** Type information by index. */
  readonly types: TypeInfo[] = [];
  /** Function-type key -> smallest index of a matching plain function type. */
  private readonly funcTypeIndex = new Map<string, number>();
  private readonly implicit: Writer[] = [];
  private readonly typeSec = new Writer();
  private typeEntries = 0;

  constructor(
    private readonly c: Cursor,
    private readonly r: TypeResolver,
  ) {}

  /** The section body (implicit types appended) and its entry count. */
  finish(): { body: Writer; count: number } {
    for (const w of this.implicit) this.typeSec.bytes(w.finish());
    const count = this.typeEntries + this.implicit.length;
    this.implicit.length = 0;
    return { body: this.typeSec, count };
  }

  /** Parses every `(type ...)` and `(rec ...)` field between the cursor and token `end`. */
  parseTypes(end: number): void {
    const c = this.c;
    // First pass over types only gathers field names so `struct.get $t $f` can resolve later.
    while (c.pos < end) {
      const open = c.pos;
      const kw = c.keyword(1);
      if (kw === 'type') {
        c.pos += 2;
        this.typeEntries++;
        this.subType(this.typeSec, open, 1);
      } else if (kw === 'rec') {
        c.pos += 2;
        const w = new Writer();
        let n = 0;
        let size = 0;
        for (let i = c.pos; i < c.match[open]; i = c.match[i] + 1) size++;
        while (c.kind() !== Tok.RParen) {
          const o = c.pos;
          c.openForm('type');
          this.subType(w, o, size);
          n++;
        }
        this.typeEntries++;
        this.typeSec.u8(0x4e).u32(n).bytes(w.finish());
      }
      c.skipForm(open);
    }
  }

  /** Parses `$id? subtype )` of a type definition (after `(type`). */
  private subType(w: Writer, open: number, recSize: number): void {
    const c = this.c;
    c.optId();
    let final = true;
    const supers: number[] = [];
    let sub = false;
    let closeSub = false;
    if (c.isForm('sub')) {
      sub = true;
      closeSub = true;
      c.pos += 2;
      final = false;
      if (c.isKw('final')) {
        final = true;
        c.pos++;
      }
      while (c.kind() === Tok.Id || c.kind() === Tok.Number) supers.push(this.r.typeIndex(c));
    }
    const prefix: number[] = [];
    if (c.isForm('describes')) {
      c.pos += 2;
      prefix.push(0x4c);
      pushU32(prefix, this.r.typeIndex(c));
      c.rparen();
    }
    if (c.isForm('descriptor')) {
      c.pos += 2;
      prefix.push(0x4d);
      pushU32(prefix, this.r.typeIndex(c));
      c.rparen();
    }
    if (sub && (!final || supers.length)) {
      w.u8(final ? 0x4f : 0x50).u32(supers.length);
      for (const s of supers) w.u32(s);
    } else if (sub && final) {
      w.u8(0x4f).u32(0);
    }
    for (const b of prefix) w.u8(b);
    const kw = c.formKeyword();
    c.pos += 2;
    let info: TypeInfo;
    if (kw === 'func') {
      const params: EncType[] = [];
      const results: EncType[] = [];
      this.paramsResults(params, results, null);
      w.u8(0x60).u32(params.length);
      for (const p of params) for (const b of p) w.u8(b);
      w.u32(results.length);
      for (const r of results) for (const b of r) w.u8(b);
      info = { params, results, fields: null };
      const key = typesKey(params) + '|' + typesKey(results);
      const plain = (!sub || (final && supers.length === 0)) && recSize === 1 && prefix.length === 0;
      if (plain && !this.funcTypeIndex.has(key)) this.funcTypeIndex.set(key, this.types.length);
    } else if (kw === 'struct') {
      const fields: number[][] = [];
      const names = new Map<string, number>();
      while (c.isForm('field')) {
        const fo = c.pos;
        c.pos += 2;
        if (c.kind() === Tok.Id) {
          const nm = c.idName(c.pos);
          if (names.has(nm)) throw c.error(`duplicate field $${nm}`);
          names.set(nm, fields.length);
          c.pos++;
          fields.push(parseFieldType(c, this.r));
        } else {
          while (c.kind() !== Tok.RParen) fields.push(parseFieldType(c, this.r));
        }
        c.rparen();
        void fo;
      }
      w.u8(0x5f).u32(fields.length);
      for (const f of fields) for (const b of f) w.u8(b);
      info = { params: null, results: null, fields: names };
    } else if (kw === 'array') {
      const f = parseFieldType(c, this.r);
      w.u8(0x5e);
      for (const b of f) w.u8(b);
      info = { params: null, results: null, fields: null };
    } else {
      throw c.unexpected(c.pos - 1);
    }
    c.rparen();
    if (closeSub) c.rparen();
    c.rparen();
    void open;
    this.types.push(info);
  }

  /**
   * Parses `(param ...)* (result ...)*`. With `names`, params may be named (`(param $x i32)`);
   * names are collected there.
   */
  paramsResults(params: EncType[], results: EncType[], names: (string | null)[] | null): void {
    const c = this.c;
    while (c.isForm('param')) {
      c.pos += 2;
      if (c.kind() === Tok.Id) {
        const nm = c.idName(c.pos);
        c.pos++;
        params.push(parseValType(c, this.r));
        names?.push(nm);
      } else {
        while (c.kind() !== Tok.RParen) {
          params.push(parseValType(c, this.r));
          names?.push(null);
        }
      }
      c.rparen();
    }
    while (c.isForm('result')) {
      c.pos += 2;
      while (c.kind() !== Tok.RParen) results.push(parseValType(c, this.r));
      c.rparen();
    }
  }

  /** Index of the function type `params -> results`, appending an implicit type if needed. */
  funcType(params: readonly EncType[], results: readonly EncType[]): number {
    const key = typesKey(params) + '|' + typesKey(results);
    const found = this.funcTypeIndex.get(key);
    if (found !== undefined) return found;
    const idx = this.types.length;
    this.types.push({ params, results, fields: null });
    this.funcTypeIndex.set(key, idx);
    const w = new Writer(16);
    w.u8(0x60).u32(params.length);
    for (const p of params) for (const b of p) w.u8(b);
    w.u32(results.length);
    for (const r of results) for (const b of r) w.u8(b);
    this.implicit.push(w);
    return idx;
  }

  /**
   * Parses a type use `(type x)? (param ...)* (result ...)*`. `named` allows parameter names.
   */
  typeUse(named: boolean): TypeUse {
    const c = this.c;
    let index = -1;
    const at = c.pos;
    if (c.isForm('type')) {
      c.pos += 2;
      index = this.r.typeIndex(c);
      c.rparen();
    }
    const params: EncType[] = [];
    const results: EncType[] = [];
    const names: (string | null)[] = [];
    const hasInline = c.isForm('param') || c.isForm('result');
    if (!named && c.isForm('param') && c.kind(2) === Tok.Id) throw c.unexpected(c.pos + 2);
    this.paramsResults(params, results, names);
    if (c.isForm('param')) throw c.unexpected(c.pos + 1);
    if (index >= 0) {
      const info = this.types[index];
      if (hasInline) {
        if (!info) throw c.error(`unknown type ${index}`, at);
        if (info && info.params && info.results) {
          if (typesKey(params) !== typesKey(info.params) || typesKey(results) !== typesKey(info.results)) {
            throw c.error('inline function type', at);
          }
        } else if (info) throw c.error('inline function type', at);
        return { index, params, results, paramNames: names };
      }
      return { index, params: info?.params ?? [], results: info?.results ?? [], paramNames: [] };
    }
    return { index: this.funcType(params, results), params, results, paramNames: names };
  }
}
