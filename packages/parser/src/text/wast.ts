/**
 * The `.wast` script parser: splits a spec script into commands. Modules are not parsed here: a
 * text module keeps its exact source slice, so a malformed one fails only its own command.
 * @module
 */

import { TextSyntaxError } from '../errors.js';
import { Cursor, stripAnnotations } from './cursor.js';
import { Tok, decodeLossless, decodeStringBytes, tokenize } from './lexer.js';
import { LiteralRangeError, parseF32, parseF64, parseI32, parseI64, parseIntLiteral, parseU32 } from './literals.js';
import type {
  WastAction,
  WastCommand,
  WastExpected,
  WastFloatLane,
  WastModuleCommand,
  WastModuleDefinition,
  WastModuleInstance,
  WastModuleSource,
  WastRefKind,
  WastScript,
  WastValue,
} from './wast-types.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const COMMANDS = new Set([
  'module',
  'register',
  'invoke',
  'get',
  'assert_return',
  'assert_trap',
  'assert_exhaustion',
  'assert_exception',
  'assert_invalid',
  'assert_malformed',
  'assert_unlinkable',
  'assert_invalid_custom',
  'assert_malformed_custom',
]);

class WastParser {
  readonly c: Cursor;
  constructor(
    readonly src: string,
    readonly filename: string | null,
  ) {
    const t = tokenize(src, filename);
    stripAnnotations(t);
    this.c = new Cursor(t);
  }

  line(at: number): number {
    return this.c.t.position(this.c.t.start[at]).line;
  }

  string(): string {
    const c = this.c;
    if (c.kind() !== Tok.String) throw c.unexpected();
    const i = c.pos++;
    return utf8.decode(decodeStringBytes(c.t, c.t.start[i], c.t.end[i]));
  }

  optName(): string | null {
    const c = this.c;
    if (c.kind() !== Tok.Id) return null;
    return c.t.text(c.pos++);
  }

  script(): WastScript {
    const c = this.c;
    const commands: WastCommand[] = [];
    const first = c.keyword(1);
    if (c.t.count > 0 && first !== null && !COMMANDS.has(first)) {
      // an inline module: the whole script is a list of module fields
      commands.push({ kind: 'module', line: this.line(0), name: null, source: { kind: 'text', text: this.src } });
      return { filename: this.filename, commands };
    }
    while (c.pos < c.t.count) {
      if (c.kind() === Tok.Annot) {
        c.skipForm();
        continue;
      }
      commands.push(this.command());
    }
    return { filename: this.filename, commands };
  }

  command(): WastCommand {
    const c = this.c;
    const open = c.pos;
    if (c.kind() !== Tok.LParen) throw c.unexpected();
    const kw = c.keyword(1);
    switch (kw) {
      case 'module':
        return this.module();
      case 'register': {
        c.pos += 2;
        const as = this.string();
        const module = this.optName();
        c.rparen();
        return { kind: 'register', line: this.line(open), as, module };
      }
      case 'invoke':
      case 'get':
        return this.action();
      case 'assert_return': {
        c.pos += 2;
        const action = this.action();
        const expected: WastExpected[] = [];
        while (c.kind() === Tok.LParen) expected.push(this.expected());
        c.rparen();
        return { kind: 'assert_return', line: this.line(open), action, expected };
      }
      case 'assert_trap': {
        c.pos += 2;
        const subj = c.formKeyword() === 'module' ? this.module() : this.action();
        const message = this.string();
        c.rparen();
        return { kind: 'assert_trap', line: this.line(open), subject: subj, message };
      }
      case 'assert_exhaustion': {
        c.pos += 2;
        const action = this.action();
        const message = this.string();
        c.rparen();
        return { kind: 'assert_exhaustion', line: this.line(open), action, message };
      }
      case 'assert_exception': {
        c.pos += 2;
        const action = this.action();
        c.rparen();
        return { kind: 'assert_exception', line: this.line(open), action };
      }
      case 'assert_invalid':
      case 'assert_malformed':
      case 'assert_unlinkable':
      case 'assert_invalid_custom':
      case 'assert_malformed_custom': {
        c.pos += 2;
        const m = this.module();
        if (m.kind === 'module_instance') throw c.unexpected(open + 2);
        const message = this.string();
        c.rparen();
        return { kind: kw, line: this.line(open), module: m, message };
      }
      default:
        throw c.unexpected(open + 1);
    }
  }

  module(): WastModuleCommand | WastModuleDefinition | WastModuleInstance {
    const c = this.c;
    const open = c.pos;
    const close = c.match[open];
    const line = this.line(open);
    c.pos += 2;
    if (c.isKw('instance')) {
      c.pos++;
      const instance = this.optName();
      const module = this.optName();
      c.rparen();
      return { kind: 'module_instance', line, instance, module };
    }
    let definition = false;
    if (c.isKw('definition')) {
      definition = true;
      c.pos++;
    }
    const name = this.optName();
    let source: WastModuleSource;
    if (c.isKw('binary') || c.isKw('quote')) {
      const binary = c.isKw('binary');
      c.pos++;
      const parts: Uint8Array[] = [];
      let len = 0;
      while (c.kind() === Tok.String) {
        const i = c.pos++;
        const b = decodeStringBytes(c.t, c.t.start[i], c.t.end[i]);
        parts.push(b);
        len += b.length;
      }
      c.rparen();
      const bytes = new Uint8Array(len);
      let o = 0;
      for (const p of parts) {
        bytes.set(p, o);
        o += p.length;
      }
      source = binary ? { kind: 'binary', bytes } : { kind: 'quote', text: decodeLossless(bytes) };
    } else {
      source = { kind: 'text', text: this.src.slice(c.t.start[open], c.t.end[close]) };
      c.pos = close + 1;
    }
    return definition ? { kind: 'module_definition', line, name, source } : { kind: 'module', line, name, source };
  }

  action(): WastAction {
    const c = this.c;
    const open = c.pos;
    const kw = c.keyword(1);
    if (kw !== 'invoke' && kw !== 'get') throw c.unexpected(open + 1);
    c.pos += 2;
    const module = this.optName();
    const name = this.string();
    const line = this.line(open);
    if (kw === 'get') {
      c.rparen();
      return { kind: 'get', line, module, name };
    }
    const args: WastValue[] = [];
    while (c.kind() === Tok.LParen) {
      const v = this.value(false);
      if (v.kind !== 'i32' && v.kind !== 'i64' && v.kind !== 'f32' && v.kind !== 'f64' && v.kind !== 'v128' && v.kind !== 'ref.null' && v.kind !== 'ref.extern' && v.kind !== 'ref.host') {
        throw c.error('unexpected token', open);
      }
      args.push(v);
    }
    c.rparen();
    return { kind: 'invoke', line, module, name, args };
  }

  expected(): WastExpected {
    const c = this.c;
    if (c.isForm('either')) {
      c.pos += 2;
      const options: WastExpected[] = [];
      while (c.kind() === Tok.LParen) options.push(this.expected());
      c.rparen();
      return { kind: 'either', options };
    }
    return this.value(true);
  }

  literal<T>(f: (s: string) => T | null): T {
    const c = this.c;
    if (c.kind() !== Tok.Number && c.kind() !== Tok.Keyword) throw c.unexpected();
    let v: T | null;
    try {
      v = f(c.text());
    } catch (e) {
      if (e instanceof LiteralRangeError) throw c.error(e.message);
      throw e;
    }
    if (v === null) throw c.unexpected();
    c.pos++;
    return v;
  }

  nanPattern(): 'canonical' | 'arithmetic' | null {
    const c = this.c;
    if (c.isKw('nan:canonical')) {
      c.pos++;
      return 'canonical';
    }
    if (c.isKw('nan:arithmetic')) {
      c.pos++;
      return 'arithmetic';
    }
    return null;
  }

  value(pattern: boolean): WastValue | WastExpected {
    const c = this.c;
    c.lparen();
    const at = c.pos;
    const kw = c.keyword();
    if (kw === null) throw c.unexpected();
    c.pos++;
    let r: WastValue | WastExpected;
    switch (kw) {
      case 'i32.const':
        r = { kind: 'i32', value: this.literal(parseI32) };
        break;
      case 'i64.const':
        r = { kind: 'i64', value: this.literal(parseI64) };
        break;
      case 'f32.const': {
        const nan = pattern ? this.nanPattern() : null;
        r = nan ? { kind: 'nan', type: 'f32', nan } : { kind: 'f32', bits: this.literal(parseF32) };
        break;
      }
      case 'f64.const': {
        const nan = pattern ? this.nanPattern() : null;
        r = nan ? { kind: 'nan', type: 'f64', nan } : { kind: 'f64', bits: this.literal(parseF64) };
        break;
      }
      case 'v128.const':
        r = this.v128(pattern);
        break;
      case 'ref.null': {
        if (c.kind() === Tok.RParen) {
          if (!pattern) throw c.unexpected();
          r = { kind: 'ref.null_any' };
          break;
        }
        let heap: string | number;
        if (c.kind() === Tok.Number) heap = this.literal(parseU32);
        else if (c.kind() === Tok.Keyword || c.kind() === Tok.Id) heap = c.t.text(c.pos++);
        else throw c.unexpected();
        r = { kind: 'ref.null', heap };
        break;
      }
      case 'ref.extern':
      case 'ref.host': {
        if (c.kind() === Tok.RParen && kw === 'ref.extern') {
          if (!pattern) throw c.unexpected();
          r = { kind: 'ref.extern_any' };
          break;
        }
        const value = this.literal(parseU32);
        r = { kind: kw, value };
        break;
      }
      case 'ref':
        if (!pattern) throw c.unexpected(at);
        r = { kind: 'ref', type: null };
        break;
      case 'ref.func':
      case 'ref.any':
      case 'ref.eq':
      case 'ref.i31':
      case 'ref.struct':
      case 'ref.array':
      case 'ref.exn':
        if (!pattern) throw c.unexpected(at);
        if (c.kind() === Tok.Number || c.kind() === Tok.Id) c.pos++;
        r = { kind: 'ref', type: kw.slice(4) as WastRefKind };
        break;
      default:
        throw c.unexpected(at);
    }
    c.rparen();
    return r;
  }

  v128(pattern: boolean): WastValue | WastExpected {
    const c = this.c;
    const shape = c.keyword();
    const shapes: Record<string, number> = { i8x16: 16, i16x8: 8, i32x4: 4, i64x2: 2, f32x4: 4, f64x2: 2 };
    if (shape === null || !(shape in shapes)) throw c.unexpected();
    c.pos++;
    const n = shapes[shape];
    const bytes = new Uint8Array(16);
    const dv = new DataView(bytes.buffer);
    const lanes: WastFloatLane[] = [];
    let hasNan = false;
    for (let i = 0; i < n; i++) {
      if (c.kind() === Tok.RParen) throw c.error('wrong number of lane literals');
      switch (shape) {
        case 'i8x16':
        case 'i16x8': {
          const bits = shape === 'i8x16' ? 8 : 16;
          const v = this.literal((s) => {
            const r = parseIntLiteral(s);
            if (!r) return null;
            const lim = 1n << BigInt(bits);
            if (r.neg ? r.mag > lim / 2n : r.mag >= lim) throw new LiteralRangeError('constant out of range');
            return Number(r.neg ? -r.mag : r.mag);
          });
          if (bits === 8) dv.setUint8(i, v & 0xff);
          else dv.setUint16(i * 2, v & 0xffff, true);
          break;
        }
        case 'i32x4':
          dv.setInt32(i * 4, this.literal(parseI32), true);
          break;
        case 'i64x2':
          dv.setBigInt64(i * 8, this.literal(parseI64), true);
          break;
        case 'f32x4': {
          const nan = pattern ? this.nanPattern() : null;
          if (nan) {
            hasNan = true;
            lanes.push({ kind: 'nan', nan });
          } else {
            const b = this.literal(parseF32);
            dv.setUint32(i * 4, b, true);
            lanes.push({ kind: 'bits', bits: b });
          }
          break;
        }
        default: {
          const nan = pattern ? this.nanPattern() : null;
          if (nan) {
            hasNan = true;
            lanes.push({ kind: 'nan', nan });
          } else {
            const b = this.literal(parseF64);
            dv.setBigUint64(i * 8, b, true);
            lanes.push({ kind: 'bits', bits: b });
          }
        }
      }
    }
    if (hasNan) return { kind: 'v128_lanes', shape: shape as 'f32x4' | 'f64x2', lanes };
    return { kind: 'v128', bytes };
  }
}

/**
 * Parses a `.wast` spec script into its commands. Throws {@link TextSyntaxError} (with line and
 * column) if the script itself is malformed; modules inside it are only sliced, not parsed.
 */
export function parseWast(source: string, filename?: string): WastScript {
  const p = new WastParser(source, filename ?? null);
  return p.script();
}

