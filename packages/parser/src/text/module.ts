/**
 * Lowers one text-format module to its binary encoding. Three passes over the fields:
 * 1. collect the symbolic names of every index space (so forward references resolve);
 * 2. parse the type definitions (so type uses can match or append implicit types);
 * 3. encode every other field into its section, in textual order.
 * @module
 */

import { Writer } from '../binary/writer.js';
import { Tok } from './lexer.js';
import type { Cursor } from './cursor.js';
import {
  type EncType,
  type TypeResolver,
  encodeRefType,
  parseGlobalType,
  parseRefTypeOpt,
  parseValType,
} from './types.js';
import { type FuncScope, encodeExpr } from './instr.js';
import { addrType, memoryType, pageSize, tableType } from './limits.js';
import type { ModuleAnnotations } from './annotations.js';
import { type NameInfo, type SectionBody, assembleModule } from './assemble.js';
import { type TypeUse, TypeDefs } from './typedefs.js';

/** Index spaces with symbolic names. */
export type Space = 'type' | 'func' | 'table' | 'memory' | 'global' | 'tag' | 'elem' | 'data';

const SPACE_WORD: Readonly<Record<Space, string>> = {
  type: 'type',
  func: 'function',
  table: 'table',
  memory: 'memory',
  global: 'global',
  tag: 'tag',
  elem: 'elem segment',
  data: 'data segment',
};


/** Builds one module. */
export class ModuleBuilder implements TypeResolver {
  private readonly names: Record<Space, Map<string, number>> = {
    type: new Map(),
    func: new Map(),
    table: new Map(),
    memory: new Map(),
    global: new Map(),
    tag: new Map(),
    elem: new Map(),
    data: new Map(),
  };
  private readonly counts: Record<Space, number> = { type: 0, func: 0, table: 0, memory: 0, global: 0, tag: 0, elem: 0, data: 0 };
  /** The type section and type information by index (explicit types, then implicit ones). */
  private readonly typeDefs: TypeDefs;
  /** Whether any instruction refers to a data segment (needs the data count section). */
  usesDataCount = false;

  private readonly importSec = new Writer();
  private importEntries = 0;
  private readonly funcSec = new Writer();
  private funcEntries = 0;
  private readonly tableSec = new Writer();
  private tableEntries = 0;
  private readonly memSec = new Writer();
  private memEntries = 0;
  private readonly tagSec = new Writer();
  private tagEntries = 0;
  private readonly globalSec = new Writer();
  private globalEntries = 0;
  private readonly exportSec = new Writer();
  private exportEntries = 0;
  private start: number | null = null;
  private readonly elemSec = new Writer();
  private elemEntries = 0;
  private readonly codeSec = new Writer();
  private codeEntries = 0;
  private readonly dataSec = new Writer();
  private dataEntries = 0;

  /** Function names for the name section, by function index. */
  private readonly funcNames = new Map<number, string>();
  /** Local names for the name section, by function index. */
  private readonly localNames = new Map<number, Map<number, string>>();
  private moduleName: string | null = null;

  constructor(
    readonly c: Cursor,
    private readonly annotations: ModuleAnnotations = { moduleName: null, fieldNames: new Map(), customs: [] },
    /** Bound on the limits of 32-bit tables and memories (32 without memory64). */
    private readonly i32LimitBits: 32 | 64 = 64,
  ) {
    this.typeDefs = new TypeDefs(c, this);
  }

  // ---- names -------------------------------------------------------------------------------

  private define(space: Space, name: string | null, at: number): number {
    const idx = this.counts[space]++;
    if (name !== null) {
      const m = this.names[space];
      if (m.has(name)) throw this.c.error(`duplicate ${SPACE_WORD[space]} $${name}`, at);
      m.set(name, idx);
    }
    return idx;
  }

  /** Resolves an index in `space` at the cursor (a number or `$name`) and consumes it. */
  index(space: Space): number {
    const c = this.c;
    const k = c.kind();
    if (k === Tok.Number) return c.u32();
    if (k === Tok.Id) {
      const name = c.idName(c.pos);
      const v = this.names[space].get(name);
      if (v === undefined) throw c.error(`unknown ${SPACE_WORD[space]} $${name}`);
      c.pos++;
      return v;
    }
    throw c.unexpected();
  }

  /** An optional index (a number or `$name`). */
  optIndex(space: Space): number | null {
    const k = this.c.kind();
    return k === Tok.Number || k === Tok.Id ? this.index(space) : null;
  }

  /** {@link TypeResolver} implementation. */
  typeIndex(c: Cursor): number {
    if (c !== this.c) throw new Error('type index requested from a foreign cursor');
    return this.index('type');
  }

  /** Field index of a struct type (a number or `$name`). */
  fieldIndex(type: number): number {
    const c = this.c;
    if (c.kind() === Tok.Number) return c.u32();
    if (c.kind() === Tok.Id) {
      const name = c.idName(c.pos);
      const v = this.typeDefs.types[type]?.fields?.get(name);
      if (v === undefined) throw c.error(`unknown field $${name}`);
      c.pos++;
      return v;
    }
    throw c.unexpected();
  }

  // ---- pass 1 --------------------------------------------------------------------------------

  /** Parses the module: `(module $id? field*)` or a bare list of fields. Returns the binary. */
  build(): Uint8Array {
    const c = this.c;
    let end = c.t.count;
    if (c.isForm('module')) {
      end = c.match[c.pos];
      c.pos += 2;
      if (c.isKw('definition')) c.pos++;
      this.moduleName = c.optId();
      if (end !== c.t.count - 1) throw c.unexpected(end + 1);
      if (c.isKw('binary')) {
        // `(module binary "..." ...)`: the bytes as given
        c.pos++;
        const parts: Uint8Array[] = [];
        while (c.kind() === Tok.String) parts.push(c.stringBytes());
        if (c.pos !== end) throw c.unexpected();
        const w = new Writer(64);
        for (const p of parts) w.bytes(p);
        return w.finish().slice();
      }
    }
    const fieldsStart = c.pos;
    this.collect(fieldsStart, end);
    c.pos = fieldsStart;
    this.typeDefs.parseTypes(end);
    c.pos = fieldsStart;
    while (c.pos < end) {
      if (c.kind() !== Tok.LParen) throw c.unexpected();
      const open = c.pos;
      this.field();
      if (c.pos !== c.match[open] + 1) throw c.unexpected();
    }
    return this.assemble();
  }

  private collect(from: number, end: number): void {
    const c = this.c;
    c.pos = from;
    let lastDef: string | null = null;
    while (c.pos < end) {
      if (c.kind() !== Tok.LParen) throw c.unexpected();
      const open = c.pos;
      const kw = c.keyword(1);
      c.pos += 2;
      switch (kw) {
        case 'type':
          this.define('type', c.optId(), open);
          break;
        case 'rec':
          while (c.isForm('type')) {
            const o = c.pos;
            c.pos += 2;
            this.define('type', c.optId(), o);
            c.skipForm(o);
          }
          break;
        case 'import': {
          if (lastDef) throw c.error(`import after ${lastDef}`, open);
          c.name();
          c.name();
          const dk = c.formKeyword();
          const space: Space | null =
            dk === 'func' ? 'func' : dk === 'table' ? 'table' : dk === 'memory' ? 'memory' : dk === 'global' ? 'global' : dk === 'tag' ? 'tag' : null;
          if (!space) throw c.unexpected(c.pos + 1);
          c.pos += 2;
          this.define(space, c.optId(), open);
          break;
        }
        case 'func':
        case 'table':
        case 'memory':
        case 'global':
        case 'tag': {
          const space = kw as Space;
          const id = c.optId();
          let imported = false;
          while (c.isForm('export')) c.skipForm();
          if (c.isForm('import')) imported = true;
          if (imported && lastDef) throw c.error(`import after ${lastDef}`, open);
          this.define(space, id, open);
          if (!imported) lastDef = SPACE_WORD[space];
          if (!imported && kw === 'table') {
            // inline element segment
            if (c.isKw('i64') || c.isKw('i32')) c.pos++;
            if (parseRefTypeOptNoResolve(c) && c.isForm('elem')) this.define('elem', null, open);
          }
          if (!imported && kw === 'memory') {
            if (c.isKw('i64') || c.isKw('i32')) c.pos++;
            if (c.isForm('data')) this.define('data', null, open);
          }
          break;
        }
        case 'elem':
          this.define('elem', c.optId(), open);
          break;
        case 'data':
          this.define('data', c.optId(), open);
          break;
        case 'export':
        case 'start':
          break;
        default:
          throw c.unexpected(open + 1);
      }
      c.skipForm(open);
    }
  }

  /** Index of the function type `params -> results`, appending an implicit type if needed. */
  funcType(params: readonly EncType[], results: readonly EncType[]): number {
    return this.typeDefs.funcType(params, results);
  }

  /** Parses a type use `(type x)? (param ...)* (result ...)*`. `named` allows parameter names. */
  typeUse(named: boolean): TypeUse {
    return this.typeDefs.typeUse(named);
  }

  // ---- pass 3: fields ------------------------------------------------------------------------

  private exportsInline(kind: number, index: number): void {
    const c = this.c;
    while (c.isForm('export')) {
      c.pos += 2;
      const nm = c.name();
      c.rparen();
      this.exportSec.name(nm).u8(kind).u32(index);
      this.exportEntries++;
    }
  }

  /**
   * An inline `(import "m" "n")` at the cursor: writes the two names to the import section, counts
   * the entry and returns true (the caller then writes the descriptor); false if there is none.
   */
  private inlineImport(): boolean {
    const c = this.c;
    if (!c.isForm('import')) return false;
    c.pos += 2;
    const m = c.name();
    const n = c.name();
    c.rparen();
    this.importSec.name(m).name(n);
    this.importEntries++;
    return true;
  }

  private field(): void {
    const c = this.c;
    const open = c.pos;
    const kw = c.keyword(1);
    c.pos += 2;
    switch (kw) {
      case 'type':
      case 'rec':
        c.skipForm(open);
        return;
      case 'import': {
        const m = c.name();
        const n = c.name();
        const o = c.pos;
        const dk = c.formKeyword();
        c.pos += 2;
        const id = this.annotations.fieldNames.get(o) ?? c.optId();
        if (this.annotations.fieldNames.has(o)) c.optId();
        if (id !== null && dk === 'func') this.funcNames.set(this.funcCounter, id);
        this.importSec.name(m).name(n);
        this.importEntries++;
        this.importDesc(dk!, o);
        c.rparen();
        c.rparen();
        return;
      }
      case 'func':
        return this.func(open);
      case 'table':
        return this.table();
      case 'memory':
        return this.memory();
      case 'global':
        return this.global();
      case 'tag': {
        c.optId();
        const tagIdx = this.tagCounter++;
        this.exportsInline(0x04, tagIdx);
        const imp = this.inlineImport();
        const tu = this.typeUse(false);
        if (imp) {
          this.importSec.u8(0x04).u8(0).u32(tu.index);
        } else {
          this.tagSec.u8(0).u32(tu.index);
          this.tagEntries++;
        }
        c.rparen();
        return;
      }
      case 'export': {
        const nm = c.name();
        const dk = c.formKeyword();
        const kind = dk === 'func' ? 0 : dk === 'table' ? 1 : dk === 'memory' ? 2 : dk === 'global' ? 3 : dk === 'tag' ? 4 : -1;
        if (kind < 0) throw c.unexpected(c.pos + 1);
        c.pos += 2;
        const idx = this.index(dk as Space);
        c.rparen();
        c.rparen();
        this.exportSec.name(nm).u8(kind).u32(idx);
        this.exportEntries++;
        return;
      }
      case 'start': {
        if (this.start !== null) throw c.error('multiple start sections', open);
        this.start = this.index('func');
        c.rparen();
        return;
      }
      case 'elem':
        return this.elem();
      case 'data':
        return this.data();
      default:
        throw c.unexpected(open + 1);
    }
  }

  private funcCounter = 0;
  private tableCounter = 0;
  private memCounter = 0;
  private globalCounter = 0;
  private tagCounter = 0;

  /** Parses an import descriptor after `(kind $id?`. */
  private importDesc(kind: string, at: number): void {
    const c = this.c;
    const w = this.importSec;
    switch (kind) {
      case 'func': {
        this.funcCounter++;
        const [exact, index] = this.funcImportType();
        w.u8(exact ? 0x20 : 0).u32(index);
        return;
      }
      case 'table': {
        this.tableCounter++;
        w.u8(1);
        tableType(c, this, w, this.i32LimitBits);
        return;
      }
      case 'memory': {
        this.memCounter++;
        w.u8(2);
        memoryType(c, w, this.i32LimitBits);
        return;
      }
      case 'global': {
        this.globalCounter++;
        w.u8(3);
        for (const b of parseGlobalType(c, this)) w.u8(b);
        return;
      }
      case 'tag': {
        this.tagCounter++;
        const tu = this.typeUse(false);
        w.u8(4).u8(0).u32(tu.index);
        return;
      }
      default:
        throw c.unexpected(at + 1);
    }
  }

  /** The type of an imported function: a type use, or `(exact typeuse)` (custom-descriptors). */
  private funcImportType(): [boolean, number] {
    const c = this.c;
    if (c.isForm('exact')) {
      c.pos += 2;
      const tu = this.typeUse(true);
      c.rparen();
      return [true, tu.index];
    }
    return [false, this.typeUse(true).index];
  }

  private func(open: number): void {
    const c = this.c;
    const id = c.optId();
    const idx = this.funcCounter++;
    const nm = this.annotations.fieldNames.get(open) ?? id;
    if (nm !== null) this.funcNames.set(idx, nm);
    this.exportsInline(0x00, idx);
    if (this.inlineImport()) {
      const [exact, index] = this.funcImportType();
      this.importSec.u8(exact ? 0x20 : 0).u32(index);
      c.rparen();
      return;
    }
    const tu = this.typeUse(true);
    this.funcSec.u32(tu.index);
    this.funcEntries++;
    // locals
    const scope: FuncScope = { locals: new Map(), labels: [] };
    let n = 0;
    const paramCount = tu.paramNames.length ? tu.paramNames.length : tu.params.length;
    for (let i = 0; i < tu.paramNames.length; i++) {
      const nm = tu.paramNames[i];
      if (nm !== null) {
        if (scope.locals.has(nm)) throw c.error(`duplicate local $${nm}`);
        scope.locals.set(nm, i);
      }
    }
    n = paramCount;
    const locals: EncType[] = [];
    while (c.isForm('local')) {
      const lo = c.pos;
      c.pos += 2;
      if (c.kind() === Tok.Id) {
        const nm = c.idName(c.pos);
        if (scope.locals.has(nm)) throw c.error(`duplicate local $${nm}`, lo);
        scope.locals.set(nm, n);
        c.pos++;
        locals.push(parseValType(c, this));
        n++;
      } else {
        while (c.kind() !== Tok.RParen) {
          locals.push(parseValType(c, this));
          n++;
        }
      }
      c.rparen();
    }
    const body = new Writer(64);
    // local declarations, run-length grouped
    const groups: [number, EncType][] = [];
    for (const t of locals) {
      const last = groups[groups.length - 1];
      if (last && last[1].join(',') === t.join(',')) last[0]++;
      else groups.push([1, t]);
    }
    body.u32(groups.length);
    for (const [count, t] of groups) {
      body.u32(count);
      for (const b of t) body.u8(b);
    }
    encodeExpr(this, scope, body);
    if (scope.locals.size) this.localNames.set(idx, new Map([...scope.locals].map(([k, v]) => [v, k])));
    body.u8(0x0b);
    c.rparen();
    this.codeSec.sized(body);
    this.codeEntries++;
  }

  private table(): void {
    const c = this.c;
    c.optId();
    const idx = this.tableCounter++;
    this.exportsInline(0x01, idx);
    if (this.inlineImport()) {
      this.importSec.u8(1);
      tableType(c, this, this.importSec, this.i32LimitBits);
      c.rparen();
      return;
    }
    // inline elem form: addrtype? reftype (elem ...)
    const save = c.pos;
    const is64 = addrType(c);
    const rt = parseRefTypeOpt(c, this);
    if (rt && c.isForm('elem')) {
      c.pos += 2;
      const items = new Writer();
      const count = this.elemItems(items, rt, true);
      c.rparen();
      const w = this.tableSec;
      for (const b of encodeRefType(rt)) w.u8(b);
      w.u8(1 | (is64 ? 4 : 0)).u32(count).u32(count);
      this.tableEntries++;
      // active segment on this table at offset 0, expression form
      const e = this.elemSec;
      e.u8(6).u32(idx);
      e.u8(is64 ? 0x42 : 0x41).u8(0).u8(0x0b);
      for (const b of encodeRefType(rt)) e.u8(b);
      e.u32(count).bytes(items.finish());
      this.elemEntries++;
      c.rparen();
      return;
    }
    c.pos = save;
    const w = new Writer(16);
    tableType(c, this, w, this.i32LimitBits);
    if (c.kind() !== Tok.RParen) {
      this.tableSec.u8(0x40).u8(0x00).bytes(w.finish());
      this.constExpr(this.tableSec);
    } else {
      this.tableSec.bytes(w.finish());
    }
    this.tableEntries++;
    c.rparen();
  }

  private memory(): void {
    const c = this.c;
    c.optId();
    const idx = this.memCounter++;
    this.exportsInline(0x02, idx);
    if (this.inlineImport()) {
      this.importSec.u8(2);
      memoryType(c, this.importSec, this.i32LimitBits);
      c.rparen();
      return;
    }
    const save = c.pos;
    const is64 = addrType(c);
    const log2 = pageSize(c);
    if (c.isForm('data')) {
      c.pos += 2;
      const parts: Uint8Array[] = [];
      let len = 0;
      while (c.kind() === Tok.String) {
        const b = c.stringBytes();
        parts.push(b);
        len += b.length;
      }
      c.rparen();
      const page = 2 ** (log2 ?? 16);
      const pages = Math.ceil(len / page);
      const w = this.memSec;
      w.u8(1 | (is64 ? 4 : 0) | (log2 !== null ? 8 : 0)).u32(pages).u32(pages);
      if (log2 !== null) w.u32(log2);
      this.memEntries++;
      const d = this.dataSec;
      if (idx === 0) d.u8(0);
      else d.u8(2).u32(idx);
      d.u8(is64 ? 0x42 : 0x41).u8(0).u8(0x0b).u32(len);
      for (const p of parts) d.bytes(p);
      this.dataEntries++;
      c.rparen();
      return;
    }
    c.pos = save;
    memoryType(c, this.memSec, this.i32LimitBits);
    this.memEntries++;
    c.rparen();
  }

  private global(): void {
    const c = this.c;
    c.optId();
    const idx = this.globalCounter++;
    this.exportsInline(0x03, idx);
    if (this.inlineImport()) {
      this.importSec.u8(3);
      for (const b of parseGlobalType(c, this)) this.importSec.u8(b);
      c.rparen();
      return;
    }
    for (const b of parseGlobalType(c, this)) this.globalSec.u8(b);
    this.constExpr(this.globalSec);
    this.globalEntries++;
    c.rparen();
  }

  /** Encodes instructions up to the closing `)` as a constant expression (with `end`). */
  constExpr(w: Writer): void {
    encodeExpr(this, { locals: new Map(), labels: [] }, w);
    w.u8(0x0b);
  }

  /** Parses `(offset instr*)` or one folded instruction; writes the expression with `end`. */
  private offset(w: Writer): void {
    const c = this.c;
    if (c.isForm('offset')) {
      c.pos += 2;
      this.constExpr(w);
      c.rparen();
      return;
    }
    if (c.kind() !== Tok.LParen) throw c.unexpected();
    const end = c.match[c.pos] + 1;
    encodeExpr(this, { locals: new Map(), labels: [] }, w, end);
    w.u8(0x0b);
  }

  /**
   * Parses an element list's items into `w` (each a constant expression with `end`), for the
   * element type `rt`. With `bareFuncs`, plain function indices are accepted. Returns the count.
   */
  private elemItems(w: Writer, rt: { nullable: boolean; heap: number[] } | null, bareFuncs: boolean): number {
    const c = this.c;
    let n = 0;
    for (;;) {
      const k = c.kind();
      if (k === Tok.RParen || k < 0) return n;
      if (k === Tok.Id || k === Tok.Number) {
        if (!bareFuncs) throw c.unexpected();
        w.u8(0xd2).u32(this.index('func')).u8(0x0b);
        n++;
        continue;
      }
      if (k !== Tok.LParen) throw c.unexpected();
      if (c.isKw('item', 1)) {
        c.pos += 2;
        this.constExpr(w);
        c.rparen();
      } else {
        const end = c.match[c.pos] + 1;
        encodeExpr(this, { locals: new Map(), labels: [] }, w, end);
        w.u8(0x0b);
      }
      n++;
      void rt;
    }
  }

  private elem(): void {
    const c = this.c;
    c.optId();
    const e = this.elemSec;
    this.elemEntries++;
    let mode: 'passive' | 'declare' | 'active' = 'passive';
    let table = 0;
    let explicitTable = false;
    const offset = new Writer(16);
    if (c.isKw('declare')) {
      mode = 'declare';
      c.pos++;
    } else {
      if (c.isForm('table')) {
        c.pos += 2;
        table = this.index('table');
        c.rparen();
        explicitTable = true;
        mode = 'active';
        this.offset(offset);
      } else if ((c.kind() === Tok.Number || c.kind() === Tok.Id) && c.kind(1) === Tok.LParen) {
        table = this.index('table');
        explicitTable = true;
        mode = 'active';
        this.offset(offset);
      } else if (c.kind() === Tok.LParen && !c.isKw('ref', 1)) {
        mode = 'active';
        this.offset(offset);
      }
    }
    // element list
    let funcs = false;
    let rt: { nullable: boolean; heap: number[] } | null = null;
    if (c.isKw('func')) {
      funcs = true;
      c.pos++;
    } else {
      rt = parseRefTypeOpt(c, this);
      if (!rt) {
        if (mode === 'active') funcs = true; // legacy `(elem (offset) $f ...)`
        else if (c.kind() === Tok.RParen) funcs = true;
        else throw c.unexpected();
      }
    }
    const items = new Writer();
    let count = 0;
    if (funcs) {
      while (c.kind() !== Tok.RParen) {
        items.u32(this.index('func'));
        count++;
      }
      if (mode === 'active' && !explicitTable && table === 0) e.u8(0).bytes(offset.finish());
      else if (mode === 'active') e.u8(2).u32(table).bytes(offset.finish()).u8(0);
      else e.u8(mode === 'passive' ? 1 : 3).u8(0);
      e.u32(count).bytes(items.finish());
    } else {
      count = this.elemItems(items, rt, false);
      const rtBytes = encodeRefType(rt!);
      if (mode === 'active') e.u8(6).u32(table).bytes(offset.finish());
      else e.u8(mode === 'passive' ? 5 : 7);
      for (const b of rtBytes) e.u8(b);
      e.u32(count).bytes(items.finish());
    }
    c.rparen();
  }

  private data(): void {
    const c = this.c;
    c.optId();
    const d = this.dataSec;
    this.dataEntries++;
    let mem = -1;
    if (c.isForm('memory')) {
      c.pos += 2;
      mem = this.index('memory');
      c.rparen();
    } else if ((c.kind() === Tok.Number || c.kind() === Tok.Id) && c.kind(1) === Tok.LParen) {
      mem = this.index('memory');
    }
    if (c.kind() === Tok.LParen) {
      if (mem <= 0) d.u8(0);
      else d.u8(2).u32(mem);
      this.offset(d);
    } else {
      if (mem >= 0) throw c.unexpected();
      d.u8(1);
    }
    const parts: Uint8Array[] = [];
    let len = 0;
    while (c.kind() === Tok.String) {
      const b = c.stringBytes();
      parts.push(b);
      len += b.length;
    }
    d.u32(len);
    for (const p of parts) d.bytes(p);
    c.rparen();
  }

  // ---- assembly ------------------------------------------------------------------------------

  private assemble(): Uint8Array {
    const types = this.typeDefs.finish();
    const vec = (id: number, name: string, count: number, body: Writer): SectionBody => ({ id, name, count, body: count ? body : null });
    let start: Writer | null = null;
    if (this.start !== null) start = new Writer(8).u32(this.start);
    let dataCount: Writer | null = null;
    if (this.usesDataCount) dataCount = new Writer(8).u32(this.dataEntries);
    const sections: SectionBody[] = [
      vec(1, 'type', types.count, types.body),
      vec(2, 'import', this.importEntries, this.importSec),
      vec(3, 'func', this.funcEntries, this.funcSec),
      vec(4, 'table', this.tableEntries, this.tableSec),
      vec(5, 'memory', this.memEntries, this.memSec),
      vec(13, 'tag', this.tagEntries, this.tagSec),
      vec(6, 'global', this.globalEntries, this.globalSec),
      vec(7, 'export', this.exportEntries, this.exportSec),
      { id: 8, name: 'start', count: null, body: start },
      vec(9, 'elem', this.elemEntries, this.elemSec),
      { id: 12, name: 'datacount', count: null, body: dataCount },
      vec(10, 'code', this.codeEntries, this.codeSec),
      vec(11, 'data', this.dataEntries, this.dataSec),
    ];
    const invert = (m: Map<string, number>): Map<number, string> => new Map([...m].map(([k, v]) => [v, k]));
    const fields = new Map<number, Map<number, string>>();
    this.typeDefs.types.forEach((t, i) => {
      if (t.fields && t.fields.size) fields.set(i, invert(t.fields));
    });
    const names: NameInfo = {
      module: this.annotations.moduleName ?? this.moduleName,
      funcs: this.funcNames,
      locals: this.localNames,
      types: invert(this.names.type),
      tables: invert(this.names.table),
      memories: invert(this.names.memory),
      globals: invert(this.names.global),
      elems: invert(this.names.elem),
      datas: invert(this.names.data),
      fields,
      tags: invert(this.names.tag),
    };
    return assembleModule(sections, this.annotations.customs, names);
  }
}


/** Skips a reference type without resolving names (pass 1); returns whether one was there. */
function parseRefTypeOptNoResolve(c: Cursor): boolean {
  const kw = c.keyword();
  if (kw !== null) {
    if (kw.endsWith('ref')) {
      c.pos++;
      return true;
    }
    return false;
  }
  if (c.kind() === Tok.LParen && c.isKw('ref', 1)) {
    c.skipForm();
    return true;
  }
  return false;
}
