/**
 * Test-only helpers: WAT -> compiled instance with minimal stand-in imports, and exports as
 * host-callable functions. Not part of the public API.
 * @module
 */
import { decodeModule, type FuncType, type Module } from '@wasmtide/parser';
import { parseWat } from '@wasmtide/parser/text';
import {
  GlobalInstance,
  MemoryInstance,
  TableInstance,
  TagInstance,
  makeEntry,
  makeHostAdapter,
  type CompileOptions,
  type FuncRef,
  type InstanceExports,
  type InstanceImports,
} from '../abi.js';
import { compileModule } from '../compile.js';
import { loadCompiled } from '../load.js';

/** Canonical ids by structural key (tests only: no recursion groups; descriptor clauses count). */
const registry = new Map<string, number>();
function canon(m: Module, i: number): number {
  const st = m.types[i]!;
  let key = JSON.stringify(st.comp);
  if (st.describes !== undefined || st.descriptor !== undefined) key += `#${i}:${st.describes ?? ''}:${st.descriptor ?? ''}`;
  let id = registry.get(key);
  if (id === undefined) registry.set(key, (id = registry.size));
  return id;
}

/** Host imports for {@link instantiateWat}: by `module.name`. */
export type TestImports = Record<string, unknown>;

/** The result of {@link instantiateWat}. */
export interface TestInstance {
  /** Exported functions as host-callable functions (API values). */
  fn: Record<string, (...args: unknown[]) => unknown>;
  /** The raw instance. */
  inst: InstanceExports;
  /** The module. */
  module: Module;
  /** The generated source. */
  source: string;
  /** Exports by name to their index-space entries. */
  get(name: string): unknown;
}

/** Compiles and instantiates a WAT module; imports are looked up as `module.name`. */
export function instantiateWat(
  wat: string,
  imports: TestImports = {},
  options: CompileOptions = {},
  extra: Partial<InstanceImports> = {},
): TestInstance {
  const bytes = parseWat(wat);
  const m = decodeModule(bytes, { features: { customDescriptors: true } });
  const c = compileModule(m, options);
  // Round-trip through JSON: the compiled module must be serialisable (a deferred lazy module is
  // loaded live, so that its bodies are generated on first call; completeCompiled is tested apart).
  const c2 = c.lazySource !== undefined ? c : JSON.parse(JSON.stringify(c));
  const factory = loadCompiled(c2);
  const typeIds = new Int32Array(m.types.length);
  for (let i = 0; i < m.types.length; i++) typeIds[i] = canon(m, i);
  const funcs: FuncRef[] = [];
  const tables: TableInstance[] = [];
  const memories: MemoryInstance[] = [];
  const globals: GlobalInstance[] = [];
  const tags: TagInstance[] = [];
  for (const im of m.imports) {
    const v = imports[`${im.module}.${im.name}`];
    const d = im.desc;
    if (d.kind === 'func') {
      const ft = m.types[d.type]!.comp as FuncType;
      funcs.push(makeHostAdapter(ft, v as (...a: unknown[]) => unknown, typeIds[d.type]));
    } else if (d.kind === 'memory') memories.push((v as MemoryInstance) ?? new MemoryInstance(d.type));
    else if (d.kind === 'table') tables.push((v as TableInstance) ?? new TableInstance(d.type));
    else if (d.kind === 'global') globals.push(v as GlobalInstance);
    else tags.push((v as TagInstance) ?? new TagInstance(m.types[d.type.type]!.comp as FuncType, typeIds[d.type.type]!));
  }
  const inst = factory.instantiate({ funcs, tables, memories, globals, tags, typeIds, isSubtype: (a, b) => a === b, ...extra });
  inst.start();
  const fn: Record<string, (...args: unknown[]) => unknown> = {};
  for (const e of m.exports) {
    if (e.kind === 'func') fn[e.name] = makeEntry(m.types[c.funcTypes[e.index]!]!.comp as FuncType, inst.funcs[e.index]!);
  }
  const get = (name: string): unknown => {
    const e = m.exports.find((x) => x.name === name);
    if (e === undefined) return undefined;
    const space = { func: inst.funcs, table: inst.tables, memory: inst.memories, global: inst.globals, tag: inst.tags }[e.kind];
    return space[e.index];
  };
  return { fn, inst, module: m, source: c.source, get };
}
