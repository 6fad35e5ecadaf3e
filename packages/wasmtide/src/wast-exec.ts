/**
 * Execution for the script engine: a session per script (one engine and store, the `spectest`
 * host module, registered and named instances), argument values, and bit-exact result matching.
 * Uses only the public API of `@wasmtide/runtime`.
 * @module
 */
import type { WastAction, WastExpected, WastValue } from '@wasmtide/parser/text';
import {
  AnyRef,
  Config,
  Engine,
  ExnRef,
  ExternRef,
  F32Bits,
  F64Bits,
  f32FromBits,
  f32ToBits,
  f64FromBits,
  f64ToBits,
  Func,
  Global,
  GlobalType,
  Instance,
  isArithmeticNanF32,
  isArithmeticNanF64,
  isCanonicalNanF32,
  isCanonicalNanF64,
  LinkError,
  Memory,
  MemoryType,
  Module,
  Store,
  Table,
  TableType,
  V128,
  type Extern,
  type Val,
} from '@wasmtide/runtime';
import type { WastFeatures } from './features.js';

/** Where an import comes from: a registered instance or the host `spectest` module. */
type ImportSource = Instance | ReadonlyMap<string, Extern>;

/** Builds the `spectest` host module the suite imports from, with the runtime's constructors. */
export function spectestModule(store: Store<unknown>): Map<string, Extern> {
  const m = new Map<string, Extern>();
  const ignore = (): undefined => undefined;
  const prints: [string, ('i32' | 'i64' | 'f32' | 'f64')[]][] = [
    ['print', []],
    ['print_i32', ['i32']],
    ['print_i64', ['i64']],
    ['print_f32', ['f32']],
    ['print_f64', ['f64']],
    ['print_i32_f32', ['i32', 'f32']],
    ['print_f64_f64', ['f64', 'f64']],
  ];
  for (const [name, params] of prints) m.set(name, Func.wrap(store, { params, results: [] }, ignore));
  m.set('global_i32', new Global(store, new GlobalType('i32'), 666));
  m.set('global_i64', new Global(store, new GlobalType('i64'), 666n));
  m.set('global_f32', new Global(store, new GlobalType('f32'), Math.fround(666.6)));
  m.set('global_f64', new Global(store, new GlobalType('f64'), 666.6));
  m.set('table', new Table(store, new TableType('funcref', 10, 20), null));
  m.set('table64', new Table(store, new TableType({ element: 'funcref', minimum: 10, maximum: 20, is64: true }), null));
  m.set('memory', new Memory(store, new MemoryType(1, 2)));
  // The threads proposal's scripts import a shared memory of the same limits.
  if (store.engine.config.features.threads) {
    m.set('shared_memory', new Memory(store, new MemoryType({ minimum: 1, maximum: 2, shared: true })));
  }
  return m;
}

/** The live state of one script run. */
export class WastSession {
  /** The engine every module of the script is compiled with. */
  readonly engine: Engine;
  /** The one store every instance of the script lives in. */
  readonly store: Store<unknown>;
  readonly #registered = new Map<string, ImportSource>();
  readonly #instances = new Map<string, Instance>();
  readonly #definitions = new Map<string, Module>();
  readonly #hostRefs = new Map<number, ExternRef>();
  #lastDefinition: Module | null = null;
  /** The instance actions without a name refer to (null after a module failed). */
  current: Instance | null = null;
  /** Script line of the last module that failed to load or instantiate, by name ('' = current). */
  readonly failedAt = new Map<string, number>();

  /** A session whose engine enables `features`, with the `spectest` module registered. */
  constructor(features: WastFeatures) {
    this.engine = new Engine(new Config({ features: { ...features } }));
    this.store = new Store<unknown>(this.engine, null);
    this.#registered.set('spectest', spectestModule(this.store));
  }

  /** Compiles bytes with the runtime (the front end has checked them already). */
  compile(bytes: Uint8Array): Module {
    return new Module(this.engine, bytes);
  }

  /** Remembers a module definition (`(module definition $M …)`). */
  define(name: string | null, module: Module): void {
    this.#lastDefinition = module;
    if (name !== null) this.#definitions.set(name, module);
  }

  /** A defined module by name, or the most recent definition. */
  definition(name: string | null): Module {
    const m = name === null ? this.#lastDefinition : this.#definitions.get(name);
    if (!m) throw new Error(`no module definition ${name ?? '(most recent)'}`);
    return m;
  }

  /** Instantiates a module, resolving its imports by name from the registered instances. */
  instantiate(module: Module): Instance {
    const imports = module.imports().map((imp) => {
      const from = this.#registered.get(imp.module);
      const ext = from === undefined ? undefined : from instanceof Instance ? from.getExport(this.store, imp.name) : from.get(imp.name);
      if (ext === undefined) throw new LinkError('unknown import', imp.module, imp.name);
      return ext;
    });
    return new Instance(this.store, module, imports);
  }

  /** Makes `instance` the current one, under `name` too if given. */
  setCurrent(name: string | null, instance: Instance): void {
    this.current = instance;
    this.failedAt.delete('');
    if (name !== null) {
      this.#instances.set(name, instance);
      this.failedAt.delete(name);
    }
  }

  /** Notes that the module of script line `line` (named `name`, if any) did not instantiate. */
  moduleFailed(name: string | null, line: number): void {
    this.current = null;
    this.failedAt.set('', line);
    if (name !== null) {
      this.#instances.delete(name);
      this.failedAt.set(name, line);
    }
  }

  /** Makes an instance's exports importable under `as`. */
  register(as: string, name: string | null): void {
    this.#registered.set(as, this.instance(name));
  }

  /** A named instance, or the current one. */
  instance(name: string | null): Instance {
    const i = name === null ? this.current : this.#instances.get(name);
    if (!i) {
      const failed = this.failedAt.get(name ?? '');
      const what = name === null ? 'no current module instance' : `no module instance ${name}`;
      throw new Error(failed !== undefined ? `${what} (the module at line ${failed} failed)` : what);
    }
    return i;
  }

  /** Runs an action and returns its results. */
  act(action: WastAction): Val[] {
    const inst = this.instance(action.module);
    if (action.kind === 'get') {
      const g = inst.getGlobal(this.store, action.name);
      if (!g) throw new Error(`no exported global "${action.name}"`);
      return [g.get(this.store)];
    }
    const f = inst.getFunc(this.store, action.name);
    if (!f) throw new Error(`no exported function "${action.name}"`);
    return f.call(
      this.store,
      action.args.map((a) => this.value(a)),
    );
  }

  /** The host reference numbered `n` (the same object every time, so identity survives round trips). */
  hostRef(n: number): ExternRef {
    let r = this.#hostRefs.get(n);
    if (!r) this.#hostRefs.set(n, (r = new ExternRef(n)));
    return r;
  }

  /** A script argument as an API value. */
  value(v: WastValue): Val {
    switch (v.kind) {
      case 'i32':
      case 'i64':
        return v.value;
      // Raw-bits objects, not numbers: V8 quiets a signalling NaN stored in an array of doubles
      // (such as the argument list this value goes into), losing its payload.
      case 'f32':
        return new F32Bits(v.bits);
      case 'f64':
        return new F64Bits(v.bits);
      case 'v128':
        return new V128(v.bytes);
      case 'ref.null':
        return null;
      case 'ref.extern':
        return this.hostRef(v.value);
      case 'ref.host':
        return this.hostRef(v.value).toAnyRef();
    }
  }
}

function floatLaneMatches(shape: 'f32x4' | 'f64x2', x: number, lane: { kind: 'bits'; bits: number | bigint } | { kind: 'nan'; nan: 'canonical' | 'arithmetic' }): boolean {
  if (lane.kind === 'bits') return shape === 'f32x4' ? f32ToBits(x) === Number(lane.bits) >>> 0 : f64ToBits(x) === BigInt.asUintN(64, BigInt(lane.bits));
  if (shape === 'f32x4') return lane.nan === 'canonical' ? isCanonicalNanF32(x) : isArithmeticNanF32(x);
  return lane.nan === 'canonical' ? isCanonicalNanF64(x) : isArithmeticNanF64(x);
}

/** Whether an actual result matches an expected pattern, bit-exactly for floats and vectors. */
export function matchesExpected(e: WastExpected, a: Val): boolean {
  switch (e.kind) {
    case 'i32':
      return typeof a === 'number' && (a | 0) === (e.value | 0);
    case 'i64':
      return typeof a === 'bigint' && BigInt.asUintN(64, a) === BigInt.asUintN(64, e.value);
    case 'f32':
      return typeof a === 'number' && f32ToBits(a) === e.bits >>> 0;
    case 'f64':
      return typeof a === 'number' && f64ToBits(a) === BigInt.asUintN(64, e.bits);
    case 'nan':
      if (typeof a !== 'number') return false;
      if (e.type === 'f32') return e.nan === 'canonical' ? isCanonicalNanF32(a) : isArithmeticNanF32(a);
      return e.nan === 'canonical' ? isCanonicalNanF64(a) : isArithmeticNanF64(a);
    case 'v128': {
      if (!(a instanceof V128)) return false;
      for (let i = 0; i < 16; i++) if (a.bytes[i] !== e.bytes[i]) return false;
      return true;
    }
    case 'v128_lanes': {
      if (!(a instanceof V128)) return false;
      const lanes = a.lanes(e.shape);
      return e.lanes.length === lanes.length && e.lanes.every((l, i) => floatLaneMatches(e.shape, Number(lanes[i]), l));
    }
    case 'ref.null':
    case 'ref.null_any':
      return a === null;
    case 'ref.extern':
      return a instanceof ExternRef && a.data === e.value;
    case 'ref.host':
      return a instanceof AnyRef && a.isExtern() && a.toExternRef().data === e.value;
    case 'ref.extern_any':
      return a instanceof ExternRef;
    case 'ref':
      switch (e.type) {
        case null:
          return a !== null && a !== undefined;
        case 'func':
          return a instanceof Func;
        case 'extern':
          return a instanceof ExternRef;
        case 'exn':
          return a instanceof ExnRef;
        case 'any':
          return a instanceof AnyRef;
        case 'eq':
          return a instanceof AnyRef && (a.isI31() || a.isStruct() || a.isArray());
        case 'i31':
          return a instanceof AnyRef && a.isI31();
        case 'struct':
          return a instanceof AnyRef && a.isStruct();
        case 'array':
          return a instanceof AnyRef && a.isArray();
        case 'host':
          return a instanceof AnyRef && a.isExtern();
      }
      return false;
    case 'either':
      return e.options.some((o) => matchesExpected(o, a));
  }
}

/** A short text of an actual result, shaped by what was expected (floats with their bits). */
export function formatActual(a: Val | undefined, e?: WastExpected): string {
  if (a === undefined) return 'nothing';
  if (a === null) return 'null';
  if (typeof a === 'bigint') return `i64 ${BigInt.asIntN(64, a)}`;
  if (typeof a === 'number') {
    const kind = e?.kind === 'nan' ? e.type : e?.kind;
    if (kind === 'f32') return `f32 ${a} (0x${f32ToBits(a).toString(16)})`;
    if (kind === 'f64') return `f64 ${a} (0x${f64ToBits(a).toString(16)})`;
    if (kind === 'i32') return `i32 ${a | 0}`;
    return String(a);
  }
  if (a instanceof V128) return `v128 ${Array.from(a.bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
  if (a instanceof ExternRef) return `externref ${String(a.data)}`;
  if (a instanceof Func) return 'funcref';
  if (a instanceof AnyRef) return a.isI31() ? `i31ref ${a.i31GetS()}` : a.isStruct() ? 'structref' : a.isArray() ? 'arrayref' : a.isExtern() ? 'anyref (extern)' : 'anyref';
  if (a instanceof ExnRef) return 'exnref';
  return String(a);
}

/** A short text of an expected result. */
export function formatExpected(e: WastExpected): string {
  switch (e.kind) {
    case 'i32':
      return `i32 ${e.value | 0}`;
    case 'i64':
      return `i64 ${BigInt.asIntN(64, e.value)}`;
    case 'f32':
      return `f32 ${f32FromBits(e.bits)} (0x${(e.bits >>> 0).toString(16)})`;
    case 'f64':
      return `f64 ${f64FromBits(e.bits)} (0x${BigInt.asUintN(64, e.bits).toString(16)})`;
    case 'nan':
      return `${e.type} nan:${e.nan}`;
    case 'v128':
      return `v128 ${Array.from(e.bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    case 'v128_lanes':
      return `v128 ${e.shape} ${e.lanes.map((l) => (l.kind === 'nan' ? `nan:${l.nan}` : `0x${l.bits.toString(16)}`)).join(' ')}`;
    case 'ref.null':
      return `ref.null ${e.heap}`;
    case 'ref.null_any':
      return 'ref.null';
    case 'ref.extern':
      return `ref.extern ${e.value}`;
    case 'ref.host':
      return `ref.host ${e.value}`;
    case 'ref.extern_any':
      return 'ref.extern';
    case 'ref':
      return e.type === null ? 'ref' : `ref.${e.type}`;
    case 'either':
      return `either(${e.options.map(formatExpected).join(' | ')})`;
  }
}
