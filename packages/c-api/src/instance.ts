/**
 * `wasm_instance_t`: `wasm_instance_new` (imports in the module's order; a failed start function
 * or link comes back as a trap) and `wasm_instance_exports`.
 * @module
 */
import { use } from './handle.js';
import { externFrom, trapFrom, wasm_extern_t, wasm_instance_t, wasm_module_t, wasm_store_t, type wasm_trap_t } from './objects.js';
import { Instance } from '@wasmtide/runtime';
import { fillVec, vecItems, type WasmVec } from './vec.js';
import type { wasm_extern_vec_t } from './extern.js';

/**
 * `wasm_instance_new(store, module, imports, trap)`: own; NULL on failure, with the trap (own)
 * written to `trap.value` when `trap` is given (a link error becomes a trap with its message).
 */
export function wasm_instance_new(
  store: wasm_store_t,
  module: wasm_module_t,
  imports: WasmVec<wasm_extern_t | null> | null,
  trap: { value: wasm_trap_t | null } | null = null,
): wasm_instance_t | null {
  const fn = 'wasm_instance_new';
  const s = use(fn, store, wasm_store_t, 'a wasm_store_t');
  const m = use(fn, module, wasm_module_t, 'a wasm_module_t').module;
  const externs = vecItems(fn, imports).map((e, i) => use(`${fn} import ${i}`, e, wasm_extern_t, 'a wasm_extern_t').ext);
  if (trap) trap.value = null;
  try {
    return new wasm_instance_t(s, new Instance(s.store, m, externs));
  } catch (e) {
    const t = trapFrom(s, e);
    if (trap) trap.value = t;
    else t.kill();
    return null;
  }
}

/** `wasm_instance_exports(instance, out)`: fills `out` with the exports in the module's order (own). */
export function wasm_instance_exports(instance: wasm_instance_t, out: wasm_extern_vec_t): void {
  const i = use('wasm_instance_exports', instance, wasm_instance_t, 'a wasm_instance_t');
  const s = i.owner!;
  fillVec('wasm_extern_vec_t', out, i.instance.exports(s.store).map((x) => externFrom(s, x.extern)));
}
