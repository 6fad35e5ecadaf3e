/**
 * The handle classes of the runtime objects — config, engine, store, and the reference objects
 * (`wasm_ref_t` and its kinds: trap, foreign, module, instance, extern, func, global, table,
 * memory) — plus `wasm_val_t` and its conversion to and from the runtime's values. In C every
 * reference object is a `wasm_ref_t`, and every func/global/table/memory a `wasm_extern_t`; here
 * the classes extend each other the same way, so `wasm_func_as_extern(f)` returns `f` itself.
 * @module
 */
import {
  Config,
  Engine,
  ExternRef,
  Func,
  Global,
  Instance,
  Memory,
  Module,
  Store,
  StoreMismatchError,
  Table,
  Trap,
  WasmtideError,
  type FrameInfo,
  type Val,
  type ValType,
} from '@wasmtide/runtime';
import type { WasiCtx } from '@wasmtide/wasi';
import { CApiError } from './errors.js';
import { Handle, release, retain, type StoreBound } from './handle.js';
import { WASM_EXTERNREF, WASM_F32, WASM_F64, WASM_FUNCREF, WASM_I32, WASM_I64, WASM_V128, WASMTIDE_ANYREF, WASMTIDE_EXNREF, type wasm_valkind_t } from './types.js';

/** `wasm_config_t`: engine settings (a runtime `Config`). */
export class wasm_config_t extends Handle {
  /** @internal */
  readonly config: Config;
  /** @internal */
  constructor(config: Config) {
    super('wasm_config_t');
    this.config = config;
  }
}

/** `wasm_engine_t`: a runtime `Engine`. */
export class wasm_engine_t extends Handle {
  /** @internal */
  readonly engine: Engine;
  /** @internal */
  constructor(engine: Engine) {
    super('wasm_engine_t');
    this.engine = engine;
  }
}

/** @internal What the facade keeps as the runtime store's data. */
export interface CStoreData {
  /** The embedder's data (`wasmtime_context_get_data`). */
  data: unknown;
  /** The WASI context installed with `wasmtime_context_set_wasi`. */
  wasi: WasiCtx | null;
}

/**
 * `wasm_store_t` (and `wasmtime_store_t`): a runtime `Store`. Deleting it runs the finalizers of
 * its data and of the environments of its host functions; every handle of the store becomes
 * unusable.
 */
export class wasm_store_t extends Handle {
  /** @internal */
  readonly engine: wasm_engine_t;
  /** @internal */
  readonly store: Store<CStoreData>;
  /** @internal The store's `wasmtime_context_t`. */
  readonly context: wasmtime_context_t;
  /** @internal Run once when the store is deleted. */
  readonly finalizers: (() => void)[] = [];
  /** @internal */
  constructor(engine: wasm_engine_t, data: unknown) {
    super('wasm_store_t');
    this.engine = engine;
    this.store = new Store<CStoreData>(engine.engine, { data, wasi: null });
    this.context = new wasmtime_context_t(this);
    storeHandles.set(this.store, this);
  }
  protected override onDelete(): void {
    this.store.data.wasi?.close();
    for (const f of this.finalizers.splice(0).reverse()) f();
  }
}

const storeHandles = new WeakMap<Store<CStoreData>, wasm_store_t>();

/** @internal The handle of a runtime store made by this facade. */
export function storeHandleOf(fn: string, store: Store<any>): wasm_store_t {
  const s = storeHandles.get(store);
  if (!s) throw new CApiError(fn, 'the store was not created through the C API');
  return s;
}

/** `wasmtime_store_t`: the same handle as `wasm_store_t`. */
export type wasmtime_store_t = wasm_store_t;

/**
 * `wasmtime_context_t`: the store as the `wasmtime_*` functions take it (borrowed from the store,
 * never deleted; unusable once the store is deleted).
 */
export class wasmtime_context_t {
  /** @internal */
  readonly owner: wasm_store_t;
  /** @internal */
  constructor(owner: wasm_store_t) {
    this.owner = owner;
  }
}

/** @internal Checks a context argument and returns its store handle. */
export function ctxStore(fn: string, context: wasmtime_context_t): wasm_store_t {
  if (!(context instanceof wasmtime_context_t)) throw new CApiError(fn, 'expected a wasmtime_context_t');
  if (!context.owner.alive) throw new CApiError(fn, 'wasmtime_context_t used after its store was deleted');
  return context.owner;
}

// ---------------------------------------------------------------------------------------------
// References

/**
 * `wasm_ref_t`: a reference object. Every handle of the same underlying object shares its host info
 * (`wasm_ref_same` is true between them); the host info's finalizer runs when the last of them is
 * deleted.
 */
export class wasm_ref_t extends Handle implements StoreBound {
  /** @internal The store, or null for store-independent objects (modules). */
  readonly owner: wasm_store_t | null;
  /** @internal The underlying object: what identity and host info attach to. */
  readonly ident: object;
  /** @internal The wasm reference value, when this object is one (funcs, foreigns, externrefs). */
  readonly val: Val | undefined;
  /** @internal */
  constructor(cname: string, owner: wasm_store_t | null, ident: object, val: Val | undefined) {
    super(cname);
    this.owner = owner;
    this.ident = ident;
    this.val = val;
    retain(ident);
  }
  /** @internal A new handle of the same object. */
  clone(): wasm_ref_t {
    return new wasm_ref_t(this.cname, this.owner, this.ident, this.val);
  }
  protected override onDelete(): void {
    release(this.ident);
  }
}

/** Externrefs made by `wasm_foreign_new`, to give them back as `wasm_foreign_t` when wasm returns them. */
const foreignRefs = new WeakSet<object>();

/** `wasm_foreign_t`: a host object that wasm can hold as an `externref`. */
export class wasm_foreign_t extends wasm_ref_t {
  /** @internal */
  constructor(owner: wasm_store_t, ref: ExternRef) {
    super('wasm_foreign_t', owner, ref, ref);
    foreignRefs.add(ref);
  }
  /** @internal */
  override clone(): wasm_foreign_t {
    return new wasm_foreign_t(this.owner!, this.val as ExternRef);
  }
}

/** The data behind a `wasm_trap_t`. */
export interface TrapData {
  /** The message. */
  readonly message: string;
  /** The wasm frames, innermost first. */
  readonly frames: readonly FrameInfo[];
  /** The runtime error, if the trap came from one. */
  readonly error: unknown;
}

/** `wasm_trap_t`: a trap (message and wasm backtrace). */
export class wasm_trap_t extends wasm_ref_t {
  /** @internal */
  readonly data: TrapData;
  /** @internal */
  constructor(owner: wasm_store_t | null, data: TrapData) {
    super('wasm_trap_t', owner, data, undefined);
    this.data = data;
  }
  /** @internal */
  override clone(): wasm_trap_t {
    return new wasm_trap_t(this.owner, this.data);
  }
}

/** `wasm_module_t` (and `wasmtime_module_t`): a compiled runtime `Module`, usable in any store of its engine. */
export class wasm_module_t extends wasm_ref_t {
  /** @internal */
  readonly module: Module;
  /** @internal */
  constructor(module: Module) {
    super('wasm_module_t', null, module, undefined);
    this.module = module;
  }
  /** @internal */
  override clone(): wasm_module_t {
    return new wasm_module_t(this.module);
  }
}

/** `wasmtime_module_t`: the same handle as `wasm_module_t`. */
export type wasmtime_module_t = wasm_module_t;

/** `wasm_instance_t`: a runtime `Instance`. */
export class wasm_instance_t extends wasm_ref_t {
  /** @internal */
  readonly instance: Instance;
  /** @internal */
  constructor(owner: wasm_store_t, instance: Instance) {
    super('wasm_instance_t', owner, instance, undefined);
    this.instance = instance;
  }
  /** @internal */
  override clone(): wasm_instance_t {
    return new wasm_instance_t(this.owner!, this.instance);
  }
}

/** `wasm_extern_t`: a function, global, table or memory (the base of their handle classes). */
export class wasm_extern_t extends wasm_ref_t {
  /** @internal The runtime extern. */
  readonly ext: Func | Global | Table | Memory;
  /** @internal */
  constructor(cname: string, owner: wasm_store_t, ext: Func | Global | Table | Memory) {
    super(cname, owner, ext, ext instanceof Func ? ext : undefined);
    this.ext = ext;
  }
  /** @internal */
  override clone(): wasm_extern_t {
    return externFrom(this.owner!, this.ext);
  }
}

/** `wasm_func_t`: a runtime `Func`. */
export class wasm_func_t extends wasm_extern_t {
  /** @internal */
  declare readonly ext: Func;
}
/** `wasm_global_t`: a runtime `Global`. */
export class wasm_global_t extends wasm_extern_t {
  /** @internal */
  declare readonly ext: Global;
}
/** `wasm_table_t`: a runtime `Table`. */
export class wasm_table_t extends wasm_extern_t {
  /** @internal */
  declare readonly ext: Table;
}
/** `wasm_memory_t`: a runtime `Memory`. */
export class wasm_memory_t extends wasm_extern_t {
  /** @internal */
  declare readonly ext: Memory;
}

/** @internal A new owned handle of the right class for a runtime extern (tags are not supported by wasm.h). */
export function externFrom(owner: wasm_store_t, e: unknown): wasm_extern_t {
  if (e instanceof Func) return new wasm_func_t('wasm_func_t', owner, e);
  if (e instanceof Global) return new wasm_global_t('wasm_global_t', owner, e);
  if (e instanceof Table) return new wasm_table_t('wasm_table_t', owner, e);
  if (e instanceof Memory) return new wasm_memory_t('wasm_memory_t', owner, e);
  throw new CApiError('wasm_extern_t', 'exception tags have no wasm.h extern kind');
}

/** @internal A new owned reference handle for a runtime reference value (null for null). */
export function refFrom(owner: wasm_store_t, v: Val): wasm_ref_t | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Func) return new wasm_func_t('wasm_func_t', owner, v);
  if (v instanceof ExternRef && foreignRefs.has(v)) return new wasm_foreign_t(owner, v);
  const raw = (v as { raw?: unknown }).raw;
  return new wasm_ref_t('wasm_ref_t', owner, raw !== null && typeof raw === 'object' ? raw : (v as object), v);
}

// ---------------------------------------------------------------------------------------------
// wasm_val_t

/**
 * `wasm_val_t`: `{ kind, of }` where `kind` is a `WASM_*` value kind and `of` holds the member of
 * the C union for that kind: `of.i32` (number), `of.i64` (bigint), `of.f32` / `of.f64` (number), or
 * `of.ref` (a `wasm_ref_t` or null). A value owns its reference (`wasm_val_delete`).
 */
export interface wasm_val_t {
  /** The kind of value. */
  kind: wasm_valkind_t;
  /** The payload, by kind. */
  of: {
    i32?: number;
    i64?: bigint;
    f32?: number;
    f64?: number;
    ref?: wasm_ref_t | null;
  };
}

/** `WASM_I32_VAL(n)`. */
export const WASM_I32_VAL = (i32: number): wasm_val_t => ({ kind: WASM_I32, of: { i32 } });
/** `WASM_I64_VAL(n)`. */
export const WASM_I64_VAL = (i64: bigint): wasm_val_t => ({ kind: WASM_I64, of: { i64 } });
/** `WASM_F32_VAL(x)`. */
export const WASM_F32_VAL = (f32: number): wasm_val_t => ({ kind: WASM_F32, of: { f32 } });
/** `WASM_F64_VAL(x)`. */
export const WASM_F64_VAL = (f64: number): wasm_val_t => ({ kind: WASM_F64, of: { f64 } });
/** `WASM_REF_VAL(ref)`: an externref-kind value holding `ref` (which the value borrows). */
export const WASM_REF_VAL = (ref: wasm_ref_t | null): wasm_val_t => ({ kind: WASM_EXTERNREF, of: { ref } });
/** `WASM_INIT_VAL`: a blank value (a null reference). */
export const WASM_INIT_VAL = (): wasm_val_t => ({ kind: WASM_EXTERNREF, of: { ref: null } });

function kindName(k: number): string {
  return ['i32', 'i64', 'f32', 'f64', 'v128'][k] ?? (k === WASM_EXTERNREF ? 'externref' : k === WASM_FUNCREF ? 'funcref' : `kind ${k}`);
}

/** @internal The runtime value of `v`, which must suit type `t`. */
export function toVal(fn: string, v: wasm_val_t, t: ValType): Val {
  if (v === null || typeof v !== 'object' || v.of === null || typeof v.of !== 'object') throw new CApiError(fn, 'expected a wasm_val_t { kind, of }');
  const want = typeof t === 'string' ? t : 'ref';
  const bad = (): never => {
    throw new CApiError(fn, `expected a ${typeof t === 'string' ? t : t.toString()} value, got ${kindName(v.kind)}`);
  };
  switch (want) {
    case 'i32':
      if (v.kind !== WASM_I32 || typeof v.of.i32 !== 'number') bad();
      return v.of.i32!;
    case 'i64':
      if (v.kind !== WASM_I64 || (typeof v.of.i64 !== 'bigint' && typeof v.of.i64 !== 'number')) bad();
      return BigInt(v.of.i64!);
    case 'f32':
      if (v.kind !== WASM_F32 || typeof v.of.f32 !== 'number') bad();
      return v.of.f32!;
    case 'f64':
      if (v.kind !== WASM_F64 || typeof v.of.f64 !== 'number') bad();
      return v.of.f64!;
    case 'ref': {
      if (v.kind < WASM_EXTERNREF) bad();
      const r = v.of.ref ?? null;
      if (r === null) return null;
      if (!(r instanceof wasm_ref_t) || !r.alive) throw new CApiError(fn, 'the value\'s ref is not a live wasm_ref_t');
      if (r.val === undefined) throw new CApiError(fn, `a ${r.cname} is not a WebAssembly reference value`);
      return r.val;
    }
  }
  return bad();
}

/** @internal A new `wasm_val_t` for runtime value `x` of type `t` (its ref, if any, is a new owned handle). */
export function fromVal(owner: wasm_store_t, t: ValType, x: Val): wasm_val_t {
  switch (t) {
    case 'i32':
      return { kind: WASM_I32, of: { i32: x as number } };
    case 'i64':
      return { kind: WASM_I64, of: { i64: x as bigint } };
    case 'f32':
      return { kind: WASM_F32, of: { f32: x as number } };
    case 'f64':
      return { kind: WASM_F64, of: { f64: x as number } };
    case 'v128':
      return { kind: WASM_V128, of: {} };
  }
  const top = t.top();
  const kind = top === 'func' ? WASM_FUNCREF : top === 'extern' ? WASM_EXTERNREF : top === 'exn' ? WASMTIDE_EXNREF : WASMTIDE_ANYREF;
  return { kind, of: { ref: refFrom(owner, x) } };
}

/** @internal Checks that `n` is a count or index (an integer in 0..2^32-1), as C's `uint32_t`. */
export function u32(fn: string, n: number | bigint, what: string): number {
  const x = Number(n);
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new CApiError(fn, `${what} must be an integer in 0..0xffffffff, got ${String(n)}`);
  return x;
}

/** @internal Whether an error is misuse of the API (rethrown) rather than a wasm failure (returned). */
export function isMisuse(e: unknown): boolean {
  return e instanceof CApiError || e instanceof StoreMismatchError || !(e instanceof WasmtideError);
}

/** @internal The misuse hidden in a `host error` trap raised by a callback, if any. */
export function misuseInside(e: unknown): unknown {
  if (e instanceof Trap && e.cause instanceof CApiError) return e.cause;
  return null;
}

/** @internal A new owned trap for what a runtime call threw; misuse is rethrown. */
export function trapFrom(owner: wasm_store_t | null, e: unknown): wasm_trap_t {
  const inner = misuseInside(e);
  if (inner) throw inner;
  if (isMisuse(e)) throw e;
  const frames = e instanceof Trap ? e.backtrace : [];
  return new wasm_trap_t(owner, { message: (e as Error).message, frames, error: e });
}
