/**
 * `Instance`: a module instantiated in a store with its imports, and `Extern`, anything that can be
 * imported or exported.
 * @module
 */
import { CALL_DEPTH, WasmException, type FuncRef, type GlobalInstance, type InstanceExports, type InstanceImports, type MemoryInstance, type TableInstance, type TagInstance } from '@wasmtide/compiler';
import { LinkError, StoreMismatchError, UsageError, ValueTypeError } from './errors.js';
import { Func, ThrownException, type TypedFunc } from './func.js';
import { Global } from './global.js';
import { asStore, checkStore, type AsStore } from './handles.js';
import { Memory, newMemoryInstance } from './memory.js';
import type { Module } from './module.js';
import type { Store } from './store.js';
import { Table, newTableInstance } from './table.js';
import { Tag } from './tag.js';
import { convertError } from './trapping.js';
import { valTypeEquals, valTypeMatches, type ExternType, type FuncType, type ValTypeLike } from './types.js';
import { ExnRef, type Val } from './values.js';

/** Anything that can be imported or exported: a function, global, table, memory or tag. */
export type Extern = Func | Global | Table | Memory | Tag;

/** One export of an instance. */
export interface InstanceExport {
  /** The export name. */
  readonly name: string;
  /** What is exported. */
  readonly extern: Extern;
}

/** The kind name of an extern, for messages. */
export function externKindOf(e: unknown): string {
  if (e instanceof Func) return 'func';
  if (e instanceof Global) return 'global';
  if (e instanceof Table) return 'table';
  if (e instanceof Memory) return 'memory';
  if (e instanceof Tag) return 'tag';
  return e === null ? 'null' : typeof e;
}

/** @internal Converts what generated code threw during instantiation or a call into what the host sees. */
export function outwardError(store: Store<any>, e: unknown): unknown {
  const c = convertError(store.engine, e);
  if (c instanceof WasmException) return new ThrownException(store, new ExnRef(c));
  return c;
}

/** An instantiated module. */
export class Instance {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** The module this is an instance of. */
  declare readonly module: Module;
  /** @internal The instance's index spaces. */
  declare readonly raw: InstanceExports;
  #exportCache = new Map<string, Extern>();

  /**
   * Instantiates `module` in `store` with `imports` given in the module's import order. Throws a
   * {@link LinkError} if an import is missing or does not match, a `Trap` if a segment is out of
   * bounds or the start function traps, and a {@link ThrownException} if the start function throws.
   */
  constructor(store: AsStore, module: Module, imports: readonly Extern[] = []) {
    const s = asStore(store);
    if (module.engine !== s.engine) throw new UsageError('the module and the store belong to different engines');
    const decl = module.compiled.imports;
    if (!Array.isArray(imports)) throw new TypeError('Instance: imports must be an array');
    if (imports.length !== decl.length) {
      throw new LinkError(`expected ${decl.length} import${decl.length === 1 ? '' : 's'}, got ${imports.length}`);
    }
    const funcs: FuncRef[] = [];
    const tables: TableInstance[] = [];
    const memories: MemoryInstance[] = [];
    const globals: GlobalInstance[] = [];
    const tags: TagInstance[] = [];
    const expected = module.imports();
    for (let i = 0; i < decl.length; i++) {
      const d = decl[i]!;
      const ext = imports[i];
      const want = expected[i]!.ty;
      if (ext === null || ext === undefined) throw new LinkError('unknown import', d.module, d.name, `expected a ${d.kind}, got ${String(ext)}`);
      const fail = (detail: string): never => {
        throw new LinkError('incompatible import type', d.module, d.name, detail);
      };
      const kind = externKindOf(ext);
      if (kind !== d.kind) fail(`expected ${describeType(want)}, got a ${kind}`);
      const e = ext as Extern;
      if (e.store !== s) throw new StoreMismatchError(`import ${d.module}::${d.name}`);
      const problem = importMismatch(e, want);
      if (problem !== null) fail(problem);
      if (d.exact === true && e instanceof Func && !(want as FuncType).isSubtypeOf(e.type)) {
        fail(`expected exactly ${describeType(want)}, got ${e.type}`);
      }
      if (e instanceof Func) funcs.push(e.bindCaller ? e.bindCaller(this) : e.raw);
      else if (e instanceof Table) tables.push(e.inner);
      else if (e instanceof Memory) memories.push(e.inner);
      else if (e instanceof Global) globals.push(e.inner);
      else tags.push((e as Tag).inner);
    }
    s.reserve('instances');
    const registry = s.engine.registry;
    const req: InstanceImports = {
      funcs,
      tables,
      memories,
      globals,
      tags,
      typeIds: module.typeIds,
      isSubtype: (a, b) => registry.isSubtypeId(a, b),
      newMemory: (t) => newMemoryInstance(s, t),
      newTable: (t, init) => newTableInstance(s, t, init),
      epoch: s.engine.epochCounter,
      deadline: s.deadlineBox,
      fuel: s.fuelBox,
    };
    let raw: InstanceExports;
    try {
      raw = module.factory.instantiate(req);
    } catch (e) {
      s.counts.instances--;
      throw outwardError(s, e);
    }
    Object.assign(this, { store: s, module, raw });
    s.entered.push(this);
    const depth = CALL_DEPTH[0]!;
    try {
      raw.start();
    } catch (e) {
      CALL_DEPTH[0] = depth;
      throw outwardError(s, e);
    } finally {
      s.entered.pop();
    }
  }

  /** The export `name`, or undefined. */
  getExport(store: AsStore, name: string): Extern | undefined {
    const s = checkStore(this.store, store, 'Instance');
    const cached = this.#exportCache.get(name);
    if (cached) return cached;
    const ex = this.module.compiled.exports.find((x) => x.name === name);
    if (!ex) return undefined;
    const m = this.module;
    const c = m.compiled;
    const i = ex.index;
    let e: Extern;
    switch (ex.kind) {
      case 'func':
        e = Func.wrapRaw(s, this.raw.funcs[i]!, this);
        break;
      case 'table':
        e = Table.wrap(s, this.raw.tables[i]!, m.tableType(c.tables[i]!));
        break;
      case 'memory':
        e = Memory.wrap(s, this.raw.memories[i]!);
        break;
      case 'global':
        e = Global.wrap(s, this.raw.globals[i]!, m.globalType(c.globals[i]!));
        break;
      default:
        e = Tag.wrap(s, this.raw.tags[i]!);
    }
    this.#exportCache.set(name, e);
    return e;
  }

  /** All exports, in the module's order. */
  exports(store: AsStore): InstanceExport[] {
    checkStore(this.store, store, 'Instance');
    return this.module.compiled.exports.map((x) => ({ name: x.name, extern: this.getExport(store, x.name)! }));
  }

  /** The exported function `name`, or undefined. */
  getFunc(store: AsStore, name: string): Func | undefined {
    const e = this.getExport(store, name);
    return e instanceof Func ? e : undefined;
  }

  /**
   * The exported function `name` as a {@link TypedFunc}. Throws a {@link UsageError} if there is no
   * such function and a {@link ValueTypeError} if its type differs.
   */
  getTypedFunc<P extends Val[] = Val[], R = unknown>(
    store: AsStore,
    name: string,
    params: readonly ValTypeLike[],
    results: readonly ValTypeLike[],
  ): TypedFunc<P, R> {
    const f = this.getFunc(store, name);
    if (!f) throw new UsageError(`failed to find function export \`${name}\``);
    return f.typed<P, R>(store, params, results);
  }

  /** The exported memory `name`, or undefined. */
  getMemory(store: AsStore, name: string): Memory | undefined {
    const e = this.getExport(store, name);
    return e instanceof Memory ? e : undefined;
  }
  /** The exported table `name`, or undefined. */
  getTable(store: AsStore, name: string): Table | undefined {
    const e = this.getExport(store, name);
    return e instanceof Table ? e : undefined;
  }
  /** The exported global `name`, or undefined. */
  getGlobal(store: AsStore, name: string): Global | undefined {
    const e = this.getExport(store, name);
    return e instanceof Global ? e : undefined;
  }
  /** The exported tag `name`, or undefined. */
  getTag(store: AsStore, name: string): Tag | undefined {
    const e = this.getExport(store, name);
    return e instanceof Tag ? e : undefined;
  }
}

function describeType(t: ExternType): string {
  return t.toString();
}

/**
 * Why extern `e` cannot be used where `want` is expected (WebAssembly 3.0 §Import matching), or
 * null if it can. Sizes of tables and memories are their current sizes.
 */
export function importMismatch(e: Extern, want: ExternType): string | null {
  const s = e.store;
  if (e instanceof Func) {
    const w = want as import('./types.js').FuncType;
    return e.type.isSubtypeOf(w) ? null : `expected ${w}, got ${e.type}`;
  }
  if (e instanceof Global) {
    const w = want as import('./types.js').GlobalType;
    const h = e.type;
    if (h.mutable !== w.mutable) return `expected ${w}, got ${h}`;
    const ok = w.mutable ? valTypeEquals(h.content, w.content) : valTypeMatches(h.content, w.content);
    return ok ? null : `expected ${w}, got ${h}`;
  }
  if (e instanceof Table) {
    const w = want as import('./types.js').TableType;
    const h = e.ty(s);
    if (h.is64 !== w.is64 || !valTypeEquals(h.element, w.element)) return `expected ${w}, got ${h}`;
    return limitsMismatch(h.minimum, h.maximum, w.minimum, w.maximum, `expected ${w}, got ${h}`);
  }
  if (e instanceof Memory) {
    const w = want as import('./types.js').MemoryType;
    const h = e.ty(s);
    if (h.is64 !== w.is64 || h.shared !== w.shared || h.pageSizeLog2 !== w.pageSizeLog2) return `expected ${w}, got ${h}`;
    return limitsMismatch(h.minimum, h.maximum, w.minimum, w.maximum, `expected ${w}, got ${h}`);
  }
  const w = want as import('./types.js').TagType;
  return (e as Tag).type.ty === w.ty ? null : `expected ${w}, got ${(e as Tag).type}`;
}

function limitsMismatch(hMin: number, hMax: number | null, wMin: number, wMax: number | null, msg: string): string | null {
  if (hMin < wMin) return msg;
  if (wMax !== null && (hMax === null || hMax > wMax)) return msg;
  return null;
}
