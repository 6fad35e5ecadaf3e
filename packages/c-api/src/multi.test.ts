import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

describe('multi: functions with several parameters and results', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('passes four values each way through wasm and a host callback', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(`(module
      (func $f (import "" "f") (param i32 i64 i64 i32) (result i32 i64 i64 i32))
      (func $g (export "g") (param i32 i64 i64 i32) (result i32 i64 i64 i32)
        (call $f (local.get 0) (local.get 2) (local.get 1) (local.get 3))))`);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const params = new c.wasm_valtype_vec_t();
    c.wasm_valtype_vec_new(params, 4, [c.wasm_valtype_new_i32(), c.wasm_valtype_new_i64(), c.wasm_valtype_new_i64(), c.wasm_valtype_new_i32()]);
    const results = new c.wasm_valtype_vec_t();
    c.wasm_valtype_vec_copy(results, params);
    const ty = c.wasm_functype_new(params, results);
    expect(() => c.wasm_valtype_vec_delete(params)).toThrow(/deleted twice/);

    const seen: c.wasm_val_t[][] = [];
    const f = c.wasm_func_new(store, ty, (args, res) => {
      seen.push(args.data.map((v) => ({ ...v })));
      for (let i = 0; i < args.size; i++) c.wasm_val_copy(res.data[i]!, args.data[args.size - 1 - i]!);
      return null;
    });
    c.wasm_functype_delete(ty);

    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(f)]))!;
    c.wasm_func_delete(f);
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const g = c.wasm_extern_as_func(exports.data[0]!)!;

    const out = new c.wasm_val_vec_t();
    c.wasm_val_vec_new_uninitialized(out, 4);
    const args = c.WASM_ARRAY_VEC([c.WASM_I32_VAL(1), c.WASM_I64_VAL(2n), c.WASM_I64_VAL(3n), c.WASM_I32_VAL(4)]);
    expect(c.wasm_func_call(g, args, out)).toBeNull();
    expect(seen).toEqual([[c.WASM_I32_VAL(1), c.WASM_I64_VAL(3n), c.WASM_I64_VAL(2n), c.WASM_I32_VAL(4)]]);
    expect(out.data).toEqual([c.WASM_I32_VAL(4), c.WASM_I64_VAL(2n), c.WASM_I64_VAL(3n), c.WASM_I32_VAL(1)]);
    c.wasm_val_vec_delete(out);

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
