import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  const err = c.wasmtime_wat2wasm(text, out);
  if (err) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (func $print (import "" "print") (param i32) (result i32))
  (func $closure (import "" "closure") (result i32))
  (func (export "run") (param $x i32) (param $y i32) (result i32)
    (i32.add (call $print (i32.add (local.get $x) (local.get $y))) (call $closure))))`;

describe('callback: host functions with and without an environment', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('passes arguments in, results out, and the environment to the closure', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const printed: number[] = [];
    const printType = c.wasm_functype_new_1_1(c.wasm_valtype_new_i32(), c.wasm_valtype_new_i32());
    const print = c.wasm_func_new(store, printType, (args, results) => {
      expect(args.data[0]!.kind).toBe(c.WASM_I32);
      printed.push(args.data[0]!.of.i32!);
      c.wasm_val_copy(results.data[0]!, args.data[0]!);
      return null;
    });

    const env = { i: 42 };
    const finalized: unknown[] = [];
    const closureType = c.wasm_functype_new_0_1(c.wasm_valtype_new_i32());
    const closure = c.wasm_func_new_with_env(
      store,
      closureType,
      (e: typeof env, _args, results) => {
        results.data[0] = c.WASM_I32_VAL(e.i);
        return null;
      },
      env,
      (e) => finalized.push(e),
    );
    c.wasm_functype_delete(printType);
    c.wasm_functype_delete(closureType);

    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(print), c.wasm_func_as_extern(closure)]))!;
    expect(instance).not.toBeNull();
    c.wasm_func_delete(print);
    c.wasm_func_delete(closure);

    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const run = c.wasm_extern_as_func(exports.data[0]!)!;
    expect(c.wasm_func_param_arity(run)).toBe(2);
    expect(c.wasm_func_result_arity(run)).toBe(1);

    const results = c.WASM_ARRAY_VEC([c.WASM_INIT_VAL()]);
    const trap = c.wasm_func_call(run, c.WASM_ARRAY_VEC([c.WASM_I32_VAL(3), c.WASM_I32_VAL(4)]), results);
    expect(trap).toBeNull();
    expect(printed).toEqual([7]);
    expect(results.data[0]).toEqual({ kind: c.WASM_I32, of: { i32: 49 } });

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    expect(finalized).toEqual([]);
    c.wasm_store_delete(store);
    expect(finalized).toEqual([env]);
    c.wasm_engine_delete(engine);
  });

  it('rejects a callback result of the wrong kind with a trap naming it', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const ty = c.wasm_functype_new_0_1(c.wasm_valtype_new_i32());
    const f = c.wasm_func_new(store, ty, (_a, results) => {
      results.data[0] = c.WASM_F64_VAL(1.5);
      return null;
    });
    c.wasm_functype_delete(ty);
    const results = c.WASM_ARRAY_VEC([c.WASM_INIT_VAL()]);
    expect(() => c.wasm_func_call(f, c.WASM_EMPTY_VEC(), results)).toThrow(/expected a i32 value, got f64/);
    c.wasm_func_delete(f);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
