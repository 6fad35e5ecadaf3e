/**
 * `wasm_func_t`: host functions (`wasm_func_new`, `wasm_func_new_with_env`), `wasm_func_call`,
 * `wasm_func_type`, `wasm_func_param_arity`, `wasm_func_result_arity`.
 * @module
 */
import { Func, FuncType, Trap, TrapCode, type Val } from '@wasmtide/runtime';
import { CApiError } from './errors.js';
import { use, type wasm_finalizer_t } from './handle.js';
import { fromVal, toVal, trapFrom, WASM_INIT_VAL, wasm_func_t, wasm_ref_t, wasm_store_t, wasm_trap_t, type wasm_val_t } from './objects.js';
import { functypeFrom, wasm_functype_t } from './types.js';
import { borrowedVec, vecItems, type WasmVec } from './vec.js';

/** `wasm_func_callback_t`: `(args, results) => trap | null`. Write results into `results.data[i]`. */
export type wasm_func_callback_t = (args: WasmVec<wasm_val_t>, results: WasmVec<wasm_val_t>) => wasm_trap_t | null | undefined | void;
/** `wasm_func_callback_with_env_t`: `(env, args, results) => trap | null`. */
export type wasm_func_callback_with_env_t = (env: any, args: WasmVec<wasm_val_t>, results: WasmVec<wasm_val_t>) => wasm_trap_t | null | undefined | void;

const FN = 'a wasm_func_t';

/** @internal Deletes the reference handles of values the facade created for one call. */
export function dropRefs(vals: readonly (wasm_val_t | undefined)[]): void {
  const seen = new Set<wasm_ref_t>();
  for (const v of vals) {
    const r = v?.of?.ref;
    if (r instanceof wasm_ref_t && !seen.has(r)) {
      seen.add(r);
      r.kill();
    }
  }
}

/** @internal Throws the trap a callback returned as a runtime `Trap` (taking ownership of the handle). */
export function raiseReturnedTrap(fn: string, t: unknown): void {
  if (t === null || t === undefined) return;
  const trap = use(fn, t, wasm_trap_t, 'a wasm_trap_t or NULL from the callback');
  const message = trap.data.message;
  trap.kill();
  throw new Trap(TrapCode.HostError, message);
}

function hostFunc(fn: string, s: wasm_store_t, ty: FuncType, call: (args: WasmVec<wasm_val_t>, results: WasmVec<wasm_val_t>) => unknown): Func {
  return new Func(s.store, ty, (_caller, params) => {
    const args = params.map((p, i) => fromVal(s, ty.params[i]!, p));
    const results = ty.results.map(() => WASM_INIT_VAL());
    const resVec = borrowedVec(results);
    try {
      raiseReturnedTrap(fn, call(borrowedVec(args), resVec));
      return ty.results.map((t, i) => toVal(`${fn} callback result ${i}`, resVec.data[i]!, t));
    } finally {
      dropRefs([...args, ...resVec.data]);
    }
  });
}

/** `wasm_func_new(store, type, callback)`: own; a host function. */
export function wasm_func_new(store: wasm_store_t, type: wasm_functype_t, callback: wasm_func_callback_t): wasm_func_t {
  const fn = 'wasm_func_new';
  const s = use(fn, store, wasm_store_t, 'a wasm_store_t');
  const ty = use(fn, type, wasm_functype_t, 'a wasm_functype_t').ty as FuncType;
  if (typeof callback !== 'function') throw new CApiError(fn, 'expected a callback function');
  return new wasm_func_t('wasm_func_t', s, hostFunc(fn, s, ty, callback));
}

/**
 * `wasm_func_new_with_env(store, type, callback, env, finalizer)`: own; the callback receives
 * `env` first; `finalizer(env)` runs when the store is deleted.
 */
export function wasm_func_new_with_env(
  store: wasm_store_t,
  type: wasm_functype_t,
  callback: wasm_func_callback_with_env_t,
  env: unknown,
  finalizer: wasm_finalizer_t,
): wasm_func_t {
  const fn = 'wasm_func_new_with_env';
  const s = use(fn, store, wasm_store_t, 'a wasm_store_t');
  const ty = use(fn, type, wasm_functype_t, 'a wasm_functype_t').ty as FuncType;
  if (typeof callback !== 'function') throw new CApiError(fn, 'expected a callback function');
  if (finalizer) s.finalizers.push(() => finalizer(env));
  return new wasm_func_t('wasm_func_t', s, hostFunc(fn, s, ty, (a, r) => callback(env, a, r)));
}

/** `wasm_func_type(func)`: own. */
export function wasm_func_type(func: wasm_func_t): wasm_functype_t {
  const f = use('wasm_func_type', func, wasm_func_t, FN);
  return functypeFrom(f.ext.ty(f.owner!.store));
}
/** `wasm_func_param_arity(func)`. */
export function wasm_func_param_arity(func: wasm_func_t): number {
  const f = use('wasm_func_param_arity', func, wasm_func_t, FN);
  return f.ext.ty(f.owner!.store).params.length;
}
/** `wasm_func_result_arity(func)`. */
export function wasm_func_result_arity(func: wasm_func_t): number {
  const f = use('wasm_func_result_arity', func, wasm_func_t, FN);
  return f.ext.ty(f.owner!.store).results.length;
}

/**
 * `wasm_func_call(func, args, results)`: calls the function; returns NULL and writes the results
 * into `results.data` (each owned: delete references with `wasm_val_delete` or
 * `wasm_val_vec_delete`), or returns the trap (own). `results.size` must be the result arity.
 */
export function wasm_func_call(func: wasm_func_t, args: WasmVec<wasm_val_t>, results: WasmVec<wasm_val_t>): wasm_trap_t | null {
  const fn = 'wasm_func_call';
  const f = use(fn, func, wasm_func_t, FN);
  const s = f.owner!;
  const ty = f.ext.ty(s.store);
  const argv = vecItems(fn, args);
  if (argv.length !== ty.params.length) throw new CApiError(fn, `expected ${ty.params.length} arguments, got ${argv.length}`);
  if (results === null || typeof results !== 'object' || results.size !== ty.results.length || results.data.length < ty.results.length) {
    throw new CApiError(fn, `the results vector must have size ${ty.results.length}`);
  }
  const params: Val[] = argv.map((v, i) => toVal(`${fn} argument ${i}`, v, ty.params[i]!));
  let out: Val[];
  try {
    out = f.ext.call(s.store, params);
  } catch (e) {
    return trapFrom(s, e);
  }
  for (let i = 0; i < out.length; i++) results.data[i] = fromVal(s, ty.results[i]!, out[i]!);
  return null;
}
