import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

function message(trap: c.wasm_trap_t): string {
  const msg = new c.wasm_byte_vec_t();
  c.wasm_trap_message(trap, msg);
  const s = c.wasmtide_name_to_string(msg);
  c.wasm_byte_vec_delete(msg);
  return s;
}

function trace(trap: c.wasm_trap_t): number[] {
  const frames = new c.wasm_frame_vec_t();
  c.wasm_trap_trace(trap, frames);
  const indices = frames.data.map((f) => c.wasm_frame_func_index(f!));
  c.wasm_frame_vec_delete(frames);
  return indices;
}

describe('trap: traps from host callbacks and from wasm code', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('reports message, origin and frames', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(`(module
      (func $callback (import "" "callback") (result i32))
      (func $call_callback (export "callback") (result i32) (call $callback))
      (func $fail (export "unreachable") (result i32) (call $inner))
      (func $inner (result i32) (unreachable)))`);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const ty = c.wasm_functype_new_0_1(c.wasm_valtype_new_i32());
    const callback = c.wasm_func_new(store, ty, () => {
      const msg = new c.wasm_byte_vec_t();
      c.wasm_name_new_from_string_nt(msg, 'callback abort');
      const trap = c.wasm_trap_new(store, msg);
      c.wasm_byte_vec_delete(msg);
      return trap;
    });
    c.wasm_functype_delete(ty);
    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(callback)]))!;
    c.wasm_func_delete(callback);
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    expect(exports.size).toBe(2);

    // A trap returned by the host callback keeps its message; the frames are the wasm callers.
    const results = c.WASM_ARRAY_VEC([c.WASM_INIT_VAL()]);
    const t1 = c.wasm_func_call(c.wasm_extern_as_func(exports.data[0]!)!, c.WASM_EMPTY_VEC(), results)!;
    expect(t1).not.toBeNull();
    expect(message(t1)).toBe('callback abort');
    expect(trace(t1)).toEqual([1]);
    const code = { value: -1 };
    expect(c.wasmtime_trap_code(t1, code)).toBe(false);
    c.wasm_trap_delete(t1);

    // A trap raised by wasm: origin is the innermost frame.
    const t2 = c.wasm_func_call(c.wasm_extern_as_func(exports.data[1]!)!, c.WASM_EMPTY_VEC(), results)!;
    expect(message(t2)).toMatch(/unreachable/);
    expect(trace(t2)).toEqual([3, 2]);
    const origin = c.wasm_trap_origin(t2)!;
    expect(c.wasm_frame_func_index(origin)).toBe(3);
    expect(c.wasm_frame_func_offset(origin)).toBe(0);
    expect(c.wasm_frame_module_offset(origin)).toBe(0);
    expect(c.wasm_frame_instance(origin)).toBeNull();
    const copy = c.wasm_frame_copy(origin);
    expect(c.wasm_frame_func_index(copy)).toBe(3);
    c.wasm_frame_delete(copy);
    c.wasm_frame_delete(origin);
    expect(c.wasmtime_trap_code(t2, code)).toBe(true);
    expect(code.value).toBe(c.WASMTIME_TRAP_CODE_UNREACHABLE_CODE_REACHED);
    const t2copy = c.wasm_trap_copy(t2);
    expect(c.wasm_trap_same(t2, t2copy)).toBe(true);
    c.wasm_trap_delete(t2copy);
    c.wasm_trap_delete(t2);

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});

describe('start: a start function that traps', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('makes wasm_instance_new return NULL and the trap', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(`(module (func $start (unreachable)) (start $start))`);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const trap = { value: null as c.wasm_trap_t | null };
    expect(c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC(), trap)).toBeNull();
    expect(trap.value).not.toBeNull();
    expect(message(trap.value!)).toMatch(/unreachable/);
    const origin = c.wasm_trap_origin(trap.value!)!;
    expect(c.wasm_frame_func_index(origin)).toBe(0);
    c.wasm_frame_delete(origin);
    expect(trace(trap.value!)).toEqual([0]);
    c.wasm_trap_delete(trap.value);

    // Without a trap box the trap is dropped, not leaked.
    expect(c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC())).toBeNull();

    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });

  it('reports a link error as a trap with the import named', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(`(module (import "env" "f" (func)))`);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);
    const trap = { value: null as c.wasm_trap_t | null };
    expect(c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC(), trap)).toBeNull();
    expect(message(trap.value!)).toMatch(/expected 1 import/);
    c.wasm_trap_delete(trap.value);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
