/**
 * `wasm_config_t`, `wasm_engine_t` and `wasm_store_t`, with wasmtime's configuration, store and
 * context extensions (`wasmtime_config_*_set`, `wasmtime_store_new`, `wasmtime_store_context`,
 * `wasmtime_context_get_data`/`set_data`, fuel, epochs).
 * @module
 */
import { Config, Engine, StoreLimits, type StoreLimitsOptions } from '@wasmtide/runtime';
import { drop, use, type wasm_finalizer_t } from './handle.js';
import { ctxStore, wasm_config_t, wasm_engine_t, wasm_store_t, wasmtime_context_t, type wasmtime_store_t } from './objects.js';
import { errorFrom, type wasmtime_error_t } from './error.js';

const CFG = 'a wasm_config_t';
const ENG = 'a wasm_engine_t';
const STO = 'a wasm_store_t';

/** `wasm_config_new()`: own. */
export function wasm_config_new(): wasm_config_t {
  return new wasm_config_t(new Config());
}
/** `wasm_config_delete(config)`. */
export function wasm_config_delete(config: wasm_config_t | null): void {
  drop('wasm_config_delete', config, wasm_config_t, CFG);
}
/** `wasmtime_config_consume_fuel_set(config, enable)`. */
export function wasmtime_config_consume_fuel_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_consume_fuel_set', config, wasm_config_t, CFG).config.consumeFuel(enable);
}
/** `wasmtime_config_epoch_interruption_set(config, enable)`. */
export function wasmtime_config_epoch_interruption_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_epoch_interruption_set', config, wasm_config_t, CFG).config.epochInterruption(enable);
}
/** `wasmtime_config_max_wasm_stack_set(config, bytes)`. */
export function wasmtime_config_max_wasm_stack_set(config: wasm_config_t, bytes: number): void {
  use('wasmtime_config_max_wasm_stack_set', config, wasm_config_t, CFG).config.maxWasmStack(bytes);
}
/** `wasmtime_config_wasm_simd_set(config, enable)`. */
export function wasmtime_config_wasm_simd_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_simd_set', config, wasm_config_t, CFG).config.wasmSimd(enable);
}
/** `wasmtime_config_wasm_reference_types_set(config, enable)`. */
export function wasmtime_config_wasm_reference_types_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_reference_types_set', config, wasm_config_t, CFG).config.wasmReferenceTypes(enable);
}
/** `wasmtime_config_wasm_multi_value_set(config, enable)`. */
export function wasmtime_config_wasm_multi_value_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_multi_value_set', config, wasm_config_t, CFG).config.wasmMultiValue(enable);
}
/** `wasmtime_config_wasm_bulk_memory_set(config, enable)`. */
export function wasmtime_config_wasm_bulk_memory_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_bulk_memory_set', config, wasm_config_t, CFG).config.wasmBulkMemory(enable);
}
/** `wasmtime_config_wasm_threads_set(config, enable)`. */
export function wasmtime_config_wasm_threads_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_threads_set', config, wasm_config_t, CFG).config.wasmThreads(enable);
}
/** `wasmtime_config_wasm_multi_memory_set(config, enable)`. */
export function wasmtime_config_wasm_multi_memory_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_multi_memory_set', config, wasm_config_t, CFG).config.wasmMultiMemory(enable);
}
/** `wasmtime_config_wasm_memory64_set(config, enable)`. */
export function wasmtime_config_wasm_memory64_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_memory64_set', config, wasm_config_t, CFG).config.wasmMemory64(enable);
}
/** `wasmtime_config_wasm_tail_call_set(config, enable)`. */
export function wasmtime_config_wasm_tail_call_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_tail_call_set', config, wasm_config_t, CFG).config.wasmTailCall(enable);
}
/** `wasmtime_config_wasm_gc_set(config, enable)`. */
export function wasmtime_config_wasm_gc_set(config: wasm_config_t, enable: boolean): void {
  use('wasmtime_config_wasm_gc_set', config, wasm_config_t, CFG).config.wasmGc(enable);
}

/** `wasm_engine_new()`: own; an engine with the default configuration. */
export function wasm_engine_new(): wasm_engine_t {
  return new wasm_engine_t(new Engine());
}
/** `wasm_engine_new_with_config(config)`: own; takes ownership of `config` (deletes it). */
export function wasm_engine_new_with_config(config: wasm_config_t): wasm_engine_t {
  const c = use('wasm_engine_new_with_config', config, wasm_config_t, CFG);
  const e = new wasm_engine_t(new Engine(c.config));
  c.kill();
  return e;
}
/** `wasm_engine_delete(engine)`. */
export function wasm_engine_delete(engine: wasm_engine_t | null): void {
  drop('wasm_engine_delete', engine, wasm_engine_t, ENG);
}
/** `wasmtime_engine_increment_epoch(engine)`: advances the epoch by one (for epoch deadlines). */
export function wasmtime_engine_increment_epoch(engine: wasm_engine_t): void {
  use('wasmtime_engine_increment_epoch', engine, wasm_engine_t, ENG).engine.incrementEpoch();
}

/** `wasm_store_new(engine)`: own. */
export function wasm_store_new(engine: wasm_engine_t): wasm_store_t {
  return new wasm_store_t(use('wasm_store_new', engine, wasm_engine_t, ENG), null);
}
/** `wasm_store_delete(store)`: runs the finalizers of host-function environments; every handle of the store becomes unusable. */
export function wasm_store_delete(store: wasm_store_t | null): void {
  drop('wasm_store_delete', store, wasm_store_t, STO);
}

/** `wasmtime_store_new(engine, data, finalizer)`: own; `finalizer(data)` runs when the store is deleted. */
export function wasmtime_store_new(engine: wasm_engine_t, data: unknown, finalizer: wasm_finalizer_t): wasmtime_store_t {
  const s = new wasm_store_t(use('wasmtime_store_new', engine, wasm_engine_t, ENG), data);
  if (finalizer) s.finalizers.unshift(() => finalizer(s.store.data.data));
  return s;
}
/** `wasmtime_store_context(store)`: the store's context (borrowed). */
export function wasmtime_store_context(store: wasmtime_store_t): wasmtime_context_t {
  return use('wasmtime_store_context', store, wasm_store_t, STO).context;
}
/** `wasmtime_store_delete(store)`. */
export function wasmtime_store_delete(store: wasmtime_store_t | null): void {
  drop('wasmtime_store_delete', store, wasm_store_t, STO);
}
/** `wasmtime_context_get_data(context)`: the data given to `wasmtime_store_new` (or set since). */
export function wasmtime_context_get_data(context: wasmtime_context_t): unknown {
  return ctxStore('wasmtime_context_get_data', context).store.data.data;
}
/** `wasmtime_context_set_data(context, data)`. */
export function wasmtime_context_set_data(context: wasmtime_context_t, data: unknown): void {
  ctxStore('wasmtime_context_set_data', context).store.data.data = data;
}
/** `wasmtime_context_set_fuel(context, fuel)`: error if fuel is not enabled in the engine's config. */
export function wasmtime_context_set_fuel(context: wasmtime_context_t, fuel: bigint | number): wasmtime_error_t | null {
  const s = ctxStore('wasmtime_context_set_fuel', context);
  try {
    s.store.setFuel(fuel);
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}
/** `wasmtime_context_get_fuel(context, fuel)`: writes the remaining fuel to `fuel.value` (a bigint). */
export function wasmtime_context_get_fuel(context: wasmtime_context_t, fuel: { value: bigint }): wasmtime_error_t | null {
  const s = ctxStore('wasmtime_context_get_fuel', context);
  try {
    fuel.value = BigInt(s.store.getFuel());
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}
/** `wasmtime_context_set_epoch_deadline(context, ticks)`: trap with `interrupt` `ticks` epochs from now. */
export function wasmtime_context_set_epoch_deadline(context: wasmtime_context_t, ticks: number | bigint): void {
  ctxStore('wasmtime_context_set_epoch_deadline', context).store.setEpochDeadline(Number(ticks));
}

/**
 * `wasmtime_store_limiter(store, memorySize, tableElements, instances, tables, memories)`: limits
 * for the store (a runtime `StoreLimits`); a negative value means "no limit", as in C.
 */
export function wasmtime_store_limiter(
  store: wasmtime_store_t,
  memorySize: number,
  tableElements: number,
  instances: number,
  tables: number,
  memories: number,
): void {
  const s = use('wasmtime_store_limiter', store, wasm_store_t, STO);
  const opt = (n: number) => (n < 0 ? undefined : n);
  const o: StoreLimitsOptions = {};
  const entries: [keyof StoreLimitsOptions, number][] = [
    ['memorySize', memorySize],
    ['tableElements', tableElements],
    ['instances', instances],
    ['tables', tables],
    ['memories', memories],
  ];
  for (const [k, v] of entries) if (opt(v) !== undefined) (o as Record<string, number>)[k] = v;
  s.store.limiter(new StoreLimits(o));
}
/** `wasmtime_context_gc(context)`: references are collected by the JS garbage collector; this does nothing. */
export function wasmtime_context_gc(context: wasmtime_context_t): void {
  ctxStore('wasmtime_context_gc', context);
}
