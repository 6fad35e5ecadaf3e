import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

/** WAT text to an owned byte vector, through wasmtime_wat2wasm. */
function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  const err = c.wasmtime_wat2wasm(text, out);
  if (err) {
    const msg = new c.wasm_byte_vec_t();
    c.wasmtime_error_message(err, msg);
    const s = c.wasmtide_name_to_string(msg);
    c.wasm_byte_vec_delete(msg);
    c.wasmtime_error_delete(err);
    throw new Error(s);
  }
  return out;
}

describe('hello: a host callback called from an exported function', () => {
  const before = c.wasmtide_debug_live_handles();
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('runs and frees everything it made', () => {
    expect(before).toBe(0);
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(`(module
      (func $hello (import "" "hello"))
      (func (export "run") (call $hello)))`);
    const module = c.wasm_module_new(store, binary);
    expect(module).not.toBeNull();
    c.wasm_byte_vec_delete(binary);

    let calls = 0;
    const helloType = c.wasm_functype_new_0_0();
    const helloFunc = c.wasm_func_new(store, helloType, (args, results) => {
      expect(args.size).toBe(0);
      expect(results.size).toBe(0);
      calls++;
      return null;
    });
    c.wasm_functype_delete(helloType);

    const imports = c.WASM_ARRAY_VEC([c.wasm_func_as_extern(helloFunc)]);
    const trap = { value: null as c.wasm_trap_t | null };
    const instance = c.wasm_instance_new(store, module!, imports, trap);
    expect(trap.value).toBeNull();
    expect(instance).not.toBeNull();
    c.wasm_func_delete(helloFunc);

    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance!, exports);
    expect(exports.size).toBe(1);
    const run = c.wasm_extern_as_func(exports.data[0]!);
    expect(run).not.toBeNull();
    c.wasm_module_delete(module);
    c.wasm_instance_delete(instance);

    const noArgs = c.WASM_EMPTY_VEC<c.wasm_val_t>();
    expect(c.wasm_func_call(run!, noArgs, c.WASM_EMPTY_VEC())).toBeNull();
    expect(calls).toBe(1);

    c.wasm_extern_vec_delete(exports);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
