/**
 * `wasmtime_linker_t`: name-based instantiation through `@wasmtide/linker` (`new`, `define`,
 * `define_func`, `define_wasi`, `define_instance`, `instantiate`, `module`, `get_default`, `get`,
 * `allow_shadowing`, `delete`).
 * @module
 */
import { Linker } from '@wasmtide/linker';
import { Func, FuncType, type Instance } from '@wasmtide/runtime';
import { addToLinker, WasiConfigError, type WasiLinkerLike } from '@wasmtide/wasi';
import { errorFrom, type wasmtime_error_t } from './error.js';
import { drop, Handle, use, type wasm_finalizer_t } from './handle.js';
import { ctxStore, storeHandleOf, trapFrom, wasm_engine_t, wasm_module_t, wasmtime_context_t, type CStoreData, type wasm_trap_t } from './objects.js';
import { wasm_functype_t } from './types.js';
import { fromRtExtern, toRtExtern, wasmtimeHostFn, type wasmtime_extern_t, type wasmtime_func_callback_t } from './wasmtime.js';

/** `wasmtime_linker_t`: a `Linker` of the facade's stores. */
export class wasmtime_linker_t extends Handle {
  /** @internal */
  readonly linker: Linker<CStoreData>;
  /** @internal Environment finalizers of `define_func`, run on delete. */
  readonly finalizers: (() => void)[] = [];
  /** @internal */
  constructor(linker: Linker<CStoreData>) {
    super('wasmtime_linker_t');
    this.linker = linker;
  }
  protected override onDelete(): void {
    for (const f of this.finalizers.splice(0)) f();
  }
}

const LNK = 'a wasmtime_linker_t';

function attempt(f: () => void): wasmtime_error_t | null {
  try {
    f();
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}

/** `wasmtime_linker_new(engine)`: own. */
export function wasmtime_linker_new(engine: wasm_engine_t): wasmtime_linker_t {
  return new wasmtime_linker_t(new Linker<CStoreData>(use('wasmtime_linker_new', engine, wasm_engine_t, 'a wasm_engine_t').engine));
}
/** `wasmtime_linker_delete(linker)`: runs the finalizers of `define_func` environments. */
export function wasmtime_linker_delete(linker: wasmtime_linker_t | null): void {
  drop('wasmtime_linker_delete', linker, wasmtime_linker_t, LNK);
}
/** `wasmtime_linker_allow_shadowing(linker, allow)`: let later definitions replace earlier ones. */
export function wasmtime_linker_allow_shadowing(linker: wasmtime_linker_t, allow: boolean): void {
  use('wasmtime_linker_allow_shadowing', linker, wasmtime_linker_t, LNK).linker.allowShadowing(allow);
}
/** `wasmtime_linker_define(linker, context, module, name, item)`: defines `module::name` as an extern of the store. */
export function wasmtime_linker_define(linker: wasmtime_linker_t, context: wasmtime_context_t, module: string, name: string, item: wasmtime_extern_t): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_define';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  const e = toRtExtern(fn, item);
  return attempt(() => l.define(s.store, module, name, e));
}
/**
 * `wasmtime_linker_define_func(linker, module, name, type, callback, env, finalizer)`: a host
 * function usable in every store; `finalizer(env)` runs when the linker is deleted.
 */
export function wasmtime_linker_define_func(
  linker: wasmtime_linker_t,
  module: string,
  name: string,
  type: wasm_functype_t,
  callback: wasmtime_func_callback_t,
  env: unknown,
  finalizer: wasm_finalizer_t,
): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_define_func';
  const l = use(fn, linker, wasmtime_linker_t, LNK);
  const ty = use(fn, type, wasm_functype_t, 'a wasm_functype_t').ty as FuncType;
  let current: Func['store'] | null = null;
  const host = wasmtimeHostFn(fn, () => storeHandleOf(fn, current!), ty, callback, env);
  const err = attempt(() =>
    l.linker.funcNew(module, name, ty, (caller, params) => {
      current = caller.store;
      return host(caller, params);
    }),
  );
  if (!err && finalizer) l.finalizers.push(() => finalizer(env));
  return err;
}
/**
 * `wasmtime_linker_define_wasi(linker)`: defines `wasi_snapshot_preview1`; each store's WASI
 * context comes from `wasmtime_context_set_wasi`.
 */
export function wasmtime_linker_define_wasi(linker: wasmtime_linker_t): wasmtime_error_t | null {
  const l = use('wasmtime_linker_define_wasi', linker, wasmtime_linker_t, LNK).linker;
  return attempt(() =>
    addToLinker(l as unknown as WasiLinkerLike<CStoreData>, (data) => {
      if (!data.wasi) throw new WasiConfigError('no WASI context in this store: call wasmtime_context_set_wasi first');
      return data.wasi;
    }),
  );
}
/** `wasmtime_linker_define_instance(linker, context, name, instance)`: every export of `instance` under `name`. */
export function wasmtime_linker_define_instance(linker: wasmtime_linker_t, context: wasmtime_context_t, name: string, instance: Instance): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_define_instance';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  return attempt(() => l.instance(s.store, name, instance));
}
/**
 * `wasmtime_linker_instantiate(linker, context, module, instance, trap)`: link errors are returned
 * (own); a trapping start function sets `trap.value` (own).
 */
export function wasmtime_linker_instantiate(
  linker: wasmtime_linker_t,
  context: wasmtime_context_t,
  module: wasm_module_t,
  instance: { value: Instance | null },
  trap: { value: wasm_trap_t | null },
): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_instantiate';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  const m = use(fn, module, wasm_module_t, 'a wasmtime_module_t').module;
  trap.value = null;
  try {
    instance.value = l.instantiate(s.store, m);
    return null;
  } catch (e) {
    const err = errorFrom(e);
    if (err.exitStatus !== null || (e as { code?: unknown }).code !== 'trap') return err;
    err.kill();
    trap.value = trapFrom(s, e);
    return null;
  }
}
/** `wasmtime_linker_module(linker, context, name, module)`: defines a command or reactor module under `name`. */
export function wasmtime_linker_module(linker: wasmtime_linker_t, context: wasmtime_context_t, name: string, module: wasm_module_t): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_module';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  const m = use(fn, module, wasm_module_t, 'a wasmtime_module_t').module;
  return attempt(() => l.module(s.store, name, m));
}
/**
 * `wasmtime_linker_define_unknown_imports_as_traps(linker, module)`: defines every function import
 * of `module` the linker does not have as a function that traps when called.
 */
export function wasmtime_linker_define_unknown_imports_as_traps(linker: wasmtime_linker_t, module: wasm_module_t): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_define_unknown_imports_as_traps';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const m = use(fn, module, wasm_module_t, 'a wasmtime_module_t').module;
  return attempt(() => void l.defineUnknownImportsAsTraps(m));
}
/** `wasmtime_linker_get_default(linker, context, name, func)`: the default export (`""` or `_start`) of module `name`. */
export function wasmtime_linker_get_default(linker: wasmtime_linker_t, context: wasmtime_context_t, name: string, func: { value: Func | null }): wasmtime_error_t | null {
  const fn = 'wasmtime_linker_get_default';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  return attempt(() => void (func.value = l.getDefault(s.store, name)));
}
/** `wasmtime_linker_get(linker, context, module, name, item)`: true and `item.value` set if `module::name` is defined. */
export function wasmtime_linker_get(linker: wasmtime_linker_t, context: wasmtime_context_t, module: string, name: string, item: { value: wasmtime_extern_t | null }): boolean {
  const fn = 'wasmtime_linker_get';
  const l = use(fn, linker, wasmtime_linker_t, LNK).linker;
  const s = ctxStore(fn, context);
  const e = l.get(s.store, module, name);
  if (e === undefined) return false;
  item.value = fromRtExtern(fn, e);
  return true;
}
