/**
 * The binary encoder: the module IR back to WebAssembly bytes. Function bodies and constant
 * expressions are copied from {@link Module.bytes}; custom sections are re-emitted where they
 * stood (after the section named by their `after` id). For every module the decoder accepts,
 * `decodeModule(encodeModule(m))` equals `m` structurally (see {@link moduleEquals}).
 * @module
 */
import type {
  CompType,
  ConstExpr,
  ElemSegment,
  FieldType,
  GlobalType,
  HeapType,
  Import,
  MemoryType,
  Module,
  RefType,
  StorageType,
  SubType,
  TableType,
  ValType,
} from '../ir.js';
import { ABS_HEAP_BYTE } from './immediates.js';
import { Writer } from './writer.js';

const NUM_BYTE: Record<string, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

function isExact(t: object): boolean {
  return (t as { exact?: boolean }).exact === true;
}

function heapType(w: Writer, h: HeapType): void {
  if (typeof h === 'number') w.s32(h);
  else w.u8(ABS_HEAP_BYTE[h]);
}

/** Writes a reference type, using the one-byte shorthand where there is one. */
export function writeRefType(w: Writer, t: RefType): void {
  if (isExact(t) && typeof t.heap === 'number') {
    w.u8(t.nullable ? 0x63 : 0x64).u8(0x62).s32(t.heap);
    return;
  }
  if (t.nullable && typeof t.heap === 'string') {
    w.u8(ABS_HEAP_BYTE[t.heap]);
    return;
  }
  w.u8(t.nullable ? 0x63 : 0x64);
  heapType(w, t.heap);
}

/** Writes a value type. */
export function writeValType(w: Writer, t: ValType): void {
  if (typeof t === 'string') w.u8(NUM_BYTE[t]!);
  else writeRefType(w, t);
}

function storageType(w: Writer, t: StorageType): void {
  if (t === 'i8') w.u8(0x78);
  else if (t === 'i16') w.u8(0x77);
  else writeValType(w, t);
}

function fieldType(w: Writer, f: FieldType): void {
  storageType(w, f.storage);
  w.u8(f.mutable ? 1 : 0);
}

function valTypes(w: Writer, ts: readonly ValType[]): void {
  w.u32(ts.length);
  for (const t of ts) writeValType(w, t);
}

function compType(w: Writer, c: CompType): void {
  switch (c.kind) {
    case 'func':
      w.u8(0x60);
      valTypes(w, c.params);
      valTypes(w, c.results);
      return;
    case 'struct':
      w.u8(0x5f).u32(c.fields.length);
      for (const f of c.fields) fieldType(w, f);
      return;
    case 'array':
      w.u8(0x5e);
      fieldType(w, c.element);
  }
}

function subType(w: Writer, t: SubType): void {
  if (!t.final || t.supers.length > 0) {
    w.u8(t.final ? 0x4f : 0x50).u32(t.supers.length);
    for (const s of t.supers) w.u32(s);
  }
  if (t.describes !== undefined) w.u8(0x4c).u32(t.describes);
  if (t.descriptor !== undefined) w.u8(0x4d).u32(t.descriptor);
  compType(w, t.comp);
}

function limits(w: Writer, flags: number, min: number, max: number | null): void {
  w.u8(flags).u64(min);
  if (max !== null) w.u64(max);
}

function tableType(w: Writer, t: TableType): void {
  writeRefType(w, t.element);
  limits(w, (t.limits.max !== null ? 1 : 0) | (t.addr === 'i64' ? 4 : 0), t.limits.min, t.limits.max);
}

function memoryType(w: Writer, t: MemoryType): void {
  const custom = t.pageSizeLog2 !== 16;
  const flags = (t.limits.max !== null ? 1 : 0) | (t.shared ? 2 : 0) | (t.addr === 'i64' ? 4 : 0) | (custom ? 8 : 0);
  limits(w, flags, t.limits.min, t.limits.max);
  if (custom) w.u32(t.pageSizeLog2);
}

function globalType(w: Writer, t: GlobalType): void {
  writeValType(w, t.type);
  w.u8(t.mutable ? 1 : 0);
}

function importEntry(w: Writer, im: Import): void {
  w.name(im.module).name(im.name);
  const d = im.desc;
  switch (d.kind) {
    case 'func':
      w.u8(isExact(d) ? 0x20 : 0x00).u32(d.type);
      return;
    case 'table':
      w.u8(0x01);
      tableType(w, d.type);
      return;
    case 'memory':
      w.u8(0x02);
      memoryType(w, d.type);
      return;
    case 'global':
      w.u8(0x03);
      globalType(w, d.type);
      return;
    case 'tag':
      w.u8(0x04).u8(0x00).u32(d.type.type);
  }
}

const KIND_BYTE = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

function isRefFunc(t: RefType, nullable: boolean): boolean {
  return t.heap === 'func' && t.nullable === nullable && !isExact(t);
}

function elemSegment(w: Writer, bytes: Uint8Array, e: ElemSegment): void {
  const expr = (c: ConstExpr): void => {
    w.bytes(bytes.subarray(c.start, c.end)).u8(0x0b);
  };
  if (e.items.kind === 'funcs' && isRefFunc(e.type, false)) {
    const funcs = e.items.funcs;
    const vec = (): void => {
      w.u32(funcs.length);
      for (const f of funcs) w.u32(f);
    };
    if (e.mode === 'active') {
      if (e.table === 0) {
        w.u8(0);
        expr(e.offset!);
      } else {
        w.u8(2).u32(e.table);
        expr(e.offset!);
        w.u8(0x00);
      }
    } else {
      w.u8(e.mode === 'passive' ? 1 : 3).u8(0x00);
    }
    vec();
    return;
  }
  // The expression forms; a function-index list of another type becomes `ref.func` expressions.
  const items = (): void => {
    if (e.items.kind === 'exprs') {
      w.u32(e.items.exprs.length);
      for (const c of e.items.exprs) expr(c);
    } else {
      w.u32(e.items.funcs.length);
      for (const f of e.items.funcs) w.u8(0xd2).u32(f).u8(0x0b);
    }
  };
  if (e.mode === 'active') {
    if (e.table === 0 && isRefFunc(e.type, true)) {
      w.u8(4);
      expr(e.offset!);
    } else {
      w.u8(6).u32(e.table);
      expr(e.offset!);
      writeRefType(w, e.type);
    }
  } else {
    w.u8(e.mode === 'passive' ? 5 : 7);
    writeRefType(w, e.type);
  }
  items();
}

/** Section ids in the order the binary format requires. */
const ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];

/**
 * Encodes a module. Bodies and constant expressions are copied from `m.bytes`; the name section
 * is re-emitted from its custom section (`m.customs`), not from `m.names`.
 */
export function encodeModule(m: Module): Uint8Array {
  const bytes = m.bytes;
  const out = new Writer(Math.max(256, bytes.length + 64));
  out.u8(0x00).u8(0x61).u8(0x73).u8(0x6d).u8(1).u8(0).u8(0).u8(0);
  const anchored = new Set(m.customs.map((c) => c.after));

  const customsAfter = (id: number): void => {
    for (const c of m.customs) {
      if (c.after !== id) continue;
      const w = new Writer(c.data.end - c.data.start + 16);
      w.name(c.name).bytes(bytes.subarray(c.data.start, c.data.end));
      out.u8(0).sized(w);
    }
  };

  const expr = (w: Writer, c: ConstExpr): void => {
    w.bytes(bytes.subarray(c.start, c.end)).u8(0x0b);
  };

  const section = (id: number): Writer | null => {
    const w = new Writer();
    switch (id) {
      case 1:
        if (m.recGroups.length === 0) return null;
        w.u32(m.recGroups.length);
        for (const g of m.recGroups) {
          if (g.count !== 1) w.u8(0x4e).u32(g.count);
          for (let i = g.start; i < g.start + g.count; i++) subType(w, m.types[i]!);
        }
        return w;
      case 2:
        if (m.imports.length === 0) return null;
        w.u32(m.imports.length);
        for (const im of m.imports) importEntry(w, im);
        return w;
      case 3:
        if (m.funcs.length === 0) return null;
        w.u32(m.funcs.length);
        for (const f of m.funcs) w.u32(f);
        return w;
      case 4:
        if (m.tables.length === 0) return null;
        w.u32(m.tables.length);
        for (const t of m.tables) {
          if (t.init) {
            w.u8(0x40).u8(0x00);
            tableType(w, t.type);
            expr(w, t.init);
          } else tableType(w, t.type);
        }
        return w;
      case 5:
        if (m.memories.length === 0) return null;
        w.u32(m.memories.length);
        for (const t of m.memories) memoryType(w, t);
        return w;
      case 13:
        if (m.tags.length === 0) return null;
        w.u32(m.tags.length);
        for (const t of m.tags) w.u8(0x00).u32(t.type);
        return w;
      case 6:
        if (m.globals.length === 0) return null;
        w.u32(m.globals.length);
        for (const g of m.globals) {
          globalType(w, g.type);
          expr(w, g.init);
        }
        return w;
      case 7:
        if (m.exports.length === 0) return null;
        w.u32(m.exports.length);
        for (const e of m.exports) w.name(e.name).u8(KIND_BYTE[e.kind]).u32(e.index);
        return w;
      case 8:
        if (m.start === null) return null;
        return w.u32(m.start);
      case 9:
        if (m.elems.length === 0) return null;
        w.u32(m.elems.length);
        for (const e of m.elems) elemSegment(w, bytes, e);
        return w;
      case 12:
        if (m.dataCount === null) return null;
        return w.u32(m.dataCount);
      case 10: {
        if (m.codes.length === 0) return null;
        w.u32(m.codes.length);
        const b = new Writer(64);
        for (const c of m.codes) {
          b.length = 0;
          b.u32(c.locals.length);
          for (const l of c.locals) {
            b.u32(l.count);
            writeValType(b, l.type);
          }
          b.bytes(bytes.subarray(c.code.start, c.code.end));
          w.sized(b);
        }
        return w;
      }
      case 11:
        if (m.datas.length === 0) return null;
        w.u32(m.datas.length);
        for (const d of m.datas) {
          if (d.mode === 'passive') w.u8(1);
          else if (d.memory === 0) {
            w.u8(0);
            expr(w, d.offset!);
          } else {
            w.u8(2).u32(d.memory);
            expr(w, d.offset!);
          }
          w.u32(d.init.end - d.init.start).bytes(bytes.subarray(d.init.start, d.init.end));
        }
        return w;
    }
    return null;
  };

  customsAfter(0);
  for (const id of ORDER) {
    let w = section(id);
    // An empty section is kept when a custom section is anchored after it.
    if (w === null && anchored.has(id) && id !== 8 && id !== 12) w = new Writer(1).u32(0);
    if (w !== null) out.u8(id).sized(w);
    customsAfter(id);
  }
  return out.finish().slice();
}
