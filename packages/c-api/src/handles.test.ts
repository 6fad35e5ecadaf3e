import { describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';
import { StoreMismatchError, WasmtideError } from '@wasmtide/runtime';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

describe('handles: misuse is a typed error, leaks are countable', () => {
  it('rejects use after delete and double delete', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const ty = c.wasm_functype_new_0_0();
    const f = c.wasm_func_new(store, ty, () => null);
    c.wasm_func_delete(f);
    expect(() => c.wasm_func_call(f, c.WASM_EMPTY_VEC(), c.WASM_EMPTY_VEC())).toThrow(/wasm_func_call: wasm_func_t used after it was deleted/);
    expect(() => c.wasm_func_delete(f)).toThrow(/wasm_func_delete: wasm_func_t deleted twice/);
    try {
      c.wasm_functype_params(ty);
      c.wasm_functype_delete(ty);
      c.wasm_functype_delete(ty);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(c.CApiError);
      expect(e).toBeInstanceOf(WasmtideError);
      expect((e as c.CApiError).code).toBe('c-api');
      expect((e as c.CApiError).func).toBe('wasm_functype_delete');
    }
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
    expect(c.wasmtide_debug_live_handles()).toBe(0);
  });

  it('rejects a handle of the wrong kind', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const ty = c.wasm_memorytype_new({ min: 1, max: c.wasm_limits_max_default });
    const mem = c.wasm_memory_new(store, ty)!;
    expect(() => c.wasm_func_call(mem as never, c.WASM_EMPTY_VEC(), c.WASM_EMPTY_VEC())).toThrow(/expected a wasm_func_t, got a wasm_memory_t/);
    expect(() => c.wasm_memory_size(null as never)).toThrow(/got NULL/);
    expect(() => c.wasm_func_delete(mem as never)).toThrow(c.CApiError);
    expect(c.wasm_extern_as_func(mem)).toBeNull();
    expect(() => c.wasm_memory_grow(mem, -1)).toThrow(/wasm_memory_grow: delta must be an integer/);
    expect(c.wasm_memory_grow(mem, 70000)).toBe(false);
    expect(c.wasm_ref_as_memory(c.wasm_memory_as_ref(mem))).toBe(mem);
    c.wasm_memorytype_delete(ty);
    c.wasm_memory_delete(mem);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
    expect(c.wasmtide_debug_live_handles()).toBe(0);
  });

  it('rejects objects of another store and handles of a deleted store', () => {
    const engine = c.wasm_engine_new();
    const store1 = c.wasm_store_new(engine);
    const store2 = c.wasm_store_new(engine);
    const binary = wat(`(module (import "" "f" (func)))`);
    const module = c.wasm_module_new(store1, binary)!;
    c.wasm_byte_vec_delete(binary);
    const ty = c.wasm_functype_new_0_0();
    const f = c.wasm_func_new(store2, ty, () => null);
    expect(() => c.wasm_instance_new(store1, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(f)]))).toThrow(StoreMismatchError);

    const gty = c.wasm_globaltype_new(c.wasm_valtype_new_funcref(), c.WASM_VAR);
    const g = c.wasm_global_new(store1, gty, c.WASM_REF_VAL(null))!;
    expect(() => c.wasm_global_set(g, c.WASM_REF_VAL(c.wasm_func_as_ref(f)))).toThrow(StoreMismatchError);

    c.wasm_store_delete(store2);
    expect(() => c.wasm_func_param_arity(f)).toThrow(/wasm_func_t used after its wasm_store_t was deleted/);
    c.wasm_func_delete(f);
    c.wasm_global_delete(g);
    c.wasm_globaltype_delete(gty);
    c.wasm_functype_delete(ty);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store1);
    c.wasm_engine_delete(engine);
    expect(c.wasmtide_debug_live_handles()).toBe(0);
  });

  it('counts live handles and owned vectors so a leak shows', () => {
    expect(c.wasmtide_debug_live_handles()).toBe(0);
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const name = new c.wasm_byte_vec_t();
    c.wasm_name_new_from_string(name, 'leak');
    const vt = c.wasm_valtype_new_i32();
    expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({ wasm_byte_vec_t: 1, wasm_engine_t: 1, wasm_store_t: 1, wasm_valtype_t: 1 });
    expect(c.wasmtide_debug_live_handles()).toBe(4);
    c.wasm_name_delete(name);
    c.wasm_valtype_delete(vt);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
    expect(c.wasmtide_debug_live_handles()).toBe(0);
  });

  it('follows the vector conventions', () => {
    const v = new c.wasm_valtype_vec_t();
    c.wasm_valtype_vec_new_uninitialized(v, 3);
    expect(v.size).toBe(3);
    expect(v.data).toEqual([null, null, null]);
    v.data[0] = c.wasm_valtype_new_f64();
    const copy = new c.wasm_valtype_vec_t();
    c.wasm_valtype_vec_copy(copy, v);
    expect(c.wasm_valtype_kind(copy.data[0]!)).toBe(c.WASM_F64);
    expect(copy.data[0]).not.toBe(v.data[0]);
    c.wasm_valtype_vec_delete(v);
    c.wasm_valtype_vec_delete(copy);
    expect(() => c.wasm_valtype_vec_delete(copy)).toThrow(/deleted twice/);

    const borrowed = c.WASM_ARRAY_VEC([c.WASM_I32_VAL(1)]);
    expect(() => c.wasm_val_vec_delete(borrowed)).toThrow(/borrowed/);

    const empty = new c.wasm_byte_vec_t();
    c.wasm_byte_vec_new_empty(empty);
    c.wasm_byte_vec_delete(empty);
    const bytes = new c.wasm_byte_vec_t();
    c.wasm_byte_vec_new(bytes, 2, [7, 8, 9]);
    expect([...bytes.data]).toEqual([7, 8]);
    const bytes2 = new c.wasm_byte_vec_t();
    c.wasm_byte_vec_copy(bytes2, bytes);
    c.wasm_byte_vec_delete(bytes);
    expect([...bytes2.data]).toEqual([7, 8]);
    c.wasm_byte_vec_delete(bytes2);
    expect(() => c.wasm_byte_vec_new_uninitialized(new c.wasm_byte_vec_t(), -1)).toThrow(c.CApiError);
    expect(c.wasmtide_debug_live_handles()).toBe(0);
  });

  it('exports every function under its C name', () => {
    const names = Object.keys(c);
    for (const n of [
      'wasm_engine_new',
      'wasm_func_call',
      'wasm_module_share',
      'wasm_module_obtain',
      'wasm_trap_origin',
      'wasm_frame_module_offset',
      'wasm_foreign_set_host_info_with_finalizer',
      'wasm_memory_data_size',
      'wasm_importtype_vec_new_uninitialized',
      'wasmtime_linker_define_wasi',
      'wasmtime_context_set_wasi',
      'wasi_config_preopen_dir',
      'wasmtime_wat2wasm',
    ]) {
      expect(names).toContain(n);
    }
    expect(names.filter((n) => !/^(wasm_|wasmtime_|wasi_|wasmtide_|WASM|WASMTIME|WASMTIDE|CApiError$|WasmVec$)/.test(n))).toEqual([]);
  });
});
