/**
 * Text forms of module types for the CLI (`wasmtide validate` lists imports and exports), written
 * in the WebAssembly text format's notation.
 * @module
 */
import type { CompType, GlobalType, HeapType, Import, Limits, MemoryType, Module, RefType, StorageType, TableType, ValType } from '@wasmtide/parser';

const SHORT_REFS: Partial<Record<string, string>> = {
  func: 'funcref',
  extern: 'externref',
  any: 'anyref',
  eq: 'eqref',
  i31: 'i31ref',
  struct: 'structref',
  array: 'arrayref',
  none: 'nullref',
  noextern: 'nullexternref',
  nofunc: 'nullfuncref',
  exn: 'exnref',
  noexn: 'nullexnref',
};

function heapText(h: HeapType): string {
  return typeof h === 'number' ? String(h) : h;
}

/** `i32`, `funcref`, `(ref null 3)`, … */
export function valTypeText(t: ValType | StorageType): string {
  if (typeof t === 'string') return t;
  const r = t as RefType;
  if (r.nullable && typeof r.heap === 'string' && SHORT_REFS[r.heap]) return SHORT_REFS[r.heap]!;
  return `(ref ${r.nullable ? 'null ' : ''}${heapText(r.heap)})`;
}

/** `(func (param i32) (result i64))`, `(struct (field (mut i32)))`, `(array i8)`. */
export function compTypeText(c: CompType): string {
  if (c.kind === 'func') {
    const params = c.params.length ? ` (param ${c.params.map(valTypeText).join(' ')})` : '';
    const results = c.results.length ? ` (result ${c.results.map(valTypeText).join(' ')})` : '';
    return `(func${params}${results})`;
  }
  const field = (f: { storage: StorageType; mutable: boolean }) => (f.mutable ? `(mut ${valTypeText(f.storage)})` : valTypeText(f.storage));
  if (c.kind === 'struct') return `(struct${c.fields.map((f) => ` (field ${field(f)})`).join('')})`;
  return `(array ${field(c.element)})`;
}

function limitsText(l: Limits): string {
  return l.max === null ? `${l.min}` : `${l.min} ${l.max}`;
}

/** `(memory i64 1 2 shared)` */
export function memoryTypeText(m: MemoryType): string {
  const addr = m.addr === 'i64' ? 'i64 ' : '';
  const page = m.pageSizeLog2 !== 16 ? ` (pagesize ${2 ** m.pageSizeLog2})` : '';
  return `(memory ${addr}${limitsText(m.limits)}${m.shared ? ' shared' : ''}${page})`;
}

/** `(table 10 funcref)` */
export function tableTypeText(t: TableType): string {
  return `(table ${t.addr === 'i64' ? 'i64 ' : ''}${limitsText(t.limits)} ${valTypeText(t.element)})`;
}

/** `(global (mut i32))` */
export function globalTypeText(g: GlobalType): string {
  return `(global ${g.mutable ? `(mut ${valTypeText(g.type)})` : valTypeText(g.type)})`;
}

function funcTypeAt(m: Module, typeIndex: number): string {
  const t = m.types[typeIndex];
  if (!t) return `(func (type ${typeIndex}))`;
  return t.comp.kind === 'func' ? compTypeText(t.comp) : `(func (type ${typeIndex}))`;
}

function tagTypeText(m: Module, typeIndex: number): string {
  return funcTypeAt(m, typeIndex).replace(/^\(func/, '(tag');
}

/** The type of an import, as text. */
export function importTypeText(m: Module, imp: Import): string {
  const d = imp.desc;
  switch (d.kind) {
    case 'func':
      return funcTypeAt(m, d.type);
    case 'table':
      return tableTypeText(d.type);
    case 'memory':
      return memoryTypeText(d.type);
    case 'global':
      return globalTypeText(d.type);
    case 'tag':
      return tagTypeText(m, d.type.type);
  }
}

/** Lists every import (`module::name: type`) and export (`name: type`) of a module. */
export function describeModule(m: Module): { imports: string[]; exports: string[] } {
  const imports = m.imports.map((imp) => `${imp.module}::${imp.name}: ${importTypeText(m, imp)}`);
  // Index spaces: imports of each kind first, then the module's own definitions.
  const funcs: number[] = [];
  const tables: TableType[] = [];
  const memories: MemoryType[] = [];
  const globals: GlobalType[] = [];
  const tags: number[] = [];
  for (const imp of m.imports) {
    const d = imp.desc;
    if (d.kind === 'func') funcs.push(d.type);
    else if (d.kind === 'table') tables.push(d.type);
    else if (d.kind === 'memory') memories.push(d.type);
    else if (d.kind === 'global') globals.push(d.type);
    else tags.push(d.type.type);
  }
  funcs.push(...m.funcs);
  tables.push(...m.tables.map((t) => t.type));
  memories.push(...m.memories);
  globals.push(...m.globals.map((g) => g.type));
  tags.push(...m.tags.map((t) => t.type));
  const exports = m.exports.map((e) => {
    let ty: string;
    switch (e.kind) {
      case 'func':
        ty = funcs[e.index] !== undefined ? funcTypeAt(m, funcs[e.index]!) : '(func)';
        break;
      case 'table':
        ty = tables[e.index] ? tableTypeText(tables[e.index]!) : '(table)';
        break;
      case 'memory':
        ty = memories[e.index] ? memoryTypeText(memories[e.index]!) : '(memory)';
        break;
      case 'global':
        ty = globals[e.index] ? globalTypeText(globals[e.index]!) : '(global)';
        break;
      case 'tag':
        ty = tags[e.index] !== undefined ? tagTypeText(m, tags[e.index]!) : '(tag)';
        break;
    }
    return `${e.name}: ${ty}`;
  });
  return { imports, exports };
}
