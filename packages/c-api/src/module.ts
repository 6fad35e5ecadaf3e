/**
 * `wasm_module_t`: `new`, `validate`, `imports`, `exports`, `serialize`, `deserialize`,
 * `share`/`obtain`; and wasmtime's `wasmtime_module_new`, `_validate`, `_serialize`,
 * `_deserialize`, `_delete`.
 * @module
 */
import { Module } from '@wasmtide/runtime';
import { errorFrom, type wasmtime_error_t } from './error.js';
import { drop, Handle, use } from './handle.js';
import { isMisuse, wasm_engine_t, wasm_module_t, wasm_store_t } from './objects.js';
import { externtypeFrom, ownedName, wasm_exporttype_t, wasm_importtype_t, type wasm_exporttype_vec_t, type wasm_importtype_vec_t } from './types.js';
import { fillBytes, fillVec, type wasm_byte_vec_t } from './vec.js';

const MOD = 'a wasm_module_t';
const STO = 'a wasm_store_t';

function bytesOf(v: wasm_byte_vec_t | Uint8Array): Uint8Array {
  return v instanceof Uint8Array ? v : v.data.subarray(0, v.size);
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isMisuse(e)) throw e;
    return null;
  }
}

/** `wasm_module_new(store, binary)`: own; NULL if the bytes are malformed or invalid. */
export function wasm_module_new(store: wasm_store_t, binary: wasm_byte_vec_t): wasm_module_t | null {
  const s = use('wasm_module_new', store, wasm_store_t, STO);
  return attempt(() => new wasm_module_t(new Module(s.engine.engine, bytesOf(binary))));
}
/** `wasm_module_validate(store, binary)`: whether the bytes are a valid module. */
export function wasm_module_validate(store: wasm_store_t, binary: wasm_byte_vec_t): boolean {
  const s = use('wasm_module_validate', store, wasm_store_t, STO);
  return attempt(() => (Module.validate(s.engine.engine, bytesOf(binary)), true)) ?? false;
}
/** `wasm_module_imports(module, out)`: fills `out` with the imports, in order (own). */
export function wasm_module_imports(module: wasm_module_t, out: wasm_importtype_vec_t): void {
  const fn = 'wasm_module_imports';
  const m = use(fn, module, wasm_module_t, MOD).module;
  fillVec('wasm_importtype_vec_t', out, m.imports().map((i) => new wasm_importtype_t(ownedName(fn, i.module), ownedName(fn, i.name), externtypeFrom(i.ty))));
}
/** `wasm_module_exports(module, out)`: fills `out` with the exports, in order (own). */
export function wasm_module_exports(module: wasm_module_t, out: wasm_exporttype_vec_t): void {
  const fn = 'wasm_module_exports';
  const m = use(fn, module, wasm_module_t, MOD).module;
  fillVec('wasm_exporttype_vec_t', out, m.exports().map((x) => new wasm_exporttype_t(ownedName(fn, x.name), externtypeFrom(x.ty))));
}
/** `wasm_module_serialize(module, out)`: fills `out` with the compiled module's bytes (own). */
export function wasm_module_serialize(module: wasm_module_t, out: wasm_byte_vec_t): void {
  fillBytes('wasm_module_serialize', out, use('wasm_module_serialize', module, wasm_module_t, MOD).module.serialize());
}
/** `wasm_module_deserialize(store, bytes)`: own; NULL if the bytes are not a module serialized by this version. */
export function wasm_module_deserialize(store: wasm_store_t, bytes: wasm_byte_vec_t): wasm_module_t | null {
  const s = use('wasm_module_deserialize', store, wasm_store_t, STO);
  return attempt(() => new wasm_module_t(Module.deserialize(s.engine.engine, bytesOf(bytes))));
}

/** `wasm_shared_module_t`: a module handed to another thread (or store) with `wasm_module_obtain`. */
export class wasm_shared_module_t extends Handle {
  /** @internal */
  readonly module: Module;
  /** @internal */
  constructor(module: Module) {
    super('wasm_shared_module_t');
    this.module = module;
  }
}
/** `wasm_module_share(module)`: own. */
export function wasm_module_share(module: wasm_module_t): wasm_shared_module_t {
  return new wasm_shared_module_t(use('wasm_module_share', module, wasm_module_t, MOD).module);
}
/** `wasm_module_obtain(store, shared)`: own; NULL if the store's engine is not the module's. */
export function wasm_module_obtain(store: wasm_store_t, shared: wasm_shared_module_t): wasm_module_t | null {
  const s = use('wasm_module_obtain', store, wasm_store_t, STO);
  const m = use('wasm_module_obtain', shared, wasm_shared_module_t, 'a wasm_shared_module_t').module;
  return m.engine === s.engine.engine ? new wasm_module_t(m) : null;
}
/** `wasm_shared_module_delete(shared)`. */
export function wasm_shared_module_delete(shared: wasm_shared_module_t | null): void {
  drop('wasm_shared_module_delete', shared, wasm_shared_module_t, 'a wasm_shared_module_t');
}

// wasmtime.h

/** `wasmtime_module_new(engine, wasm, ret)`: compiles `wasm` (bytes); on success `ret.value` is the module (own). */
export function wasmtime_module_new(engine: wasm_engine_t, wasm: Uint8Array, ret: { value: wasm_module_t | null }): wasmtime_error_t | null {
  const e = use('wasmtime_module_new', engine, wasm_engine_t, 'a wasm_engine_t');
  try {
    ret.value = new wasm_module_t(new Module(e.engine, wasm));
    return null;
  } catch (err) {
    return errorFrom(err);
  }
}
/** `wasmtime_module_validate(engine, wasm)`: NULL if valid, else the error (own). */
export function wasmtime_module_validate(engine: wasm_engine_t, wasm: Uint8Array): wasmtime_error_t | null {
  const e = use('wasmtime_module_validate', engine, wasm_engine_t, 'a wasm_engine_t');
  try {
    Module.validate(e.engine, wasm);
    return null;
  } catch (err) {
    return errorFrom(err);
  }
}
/** `wasmtime_module_serialize(module, ret)`: fills `ret` with the compiled module's bytes (own). */
export function wasmtime_module_serialize(module: wasm_module_t, ret: wasm_byte_vec_t): wasmtime_error_t | null {
  wasm_module_serialize(module, ret);
  return null;
}
/** `wasmtime_module_deserialize(engine, bytes, ret)`: loads a serialized module (own). */
export function wasmtime_module_deserialize(engine: wasm_engine_t, bytes: Uint8Array, ret: { value: wasm_module_t | null }): wasmtime_error_t | null {
  const e = use('wasmtime_module_deserialize', engine, wasm_engine_t, 'a wasm_engine_t');
  try {
    ret.value = new wasm_module_t(Module.deserialize(e.engine, bytes));
    return null;
  } catch (err) {
    return errorFrom(err);
  }
}
/** `wasmtime_module_imports(module, out)`: as `wasm_module_imports`. */
export const wasmtime_module_imports = wasm_module_imports;
/** `wasmtime_module_exports(module, out)`: as `wasm_module_exports`. */
export const wasmtime_module_exports = wasm_module_exports;
/** `wasmtime_module_delete(module)`. */
export function wasmtime_module_delete(module: wasm_module_t | null): void {
  drop('wasmtime_module_delete', module, wasm_module_t, MOD);
}
