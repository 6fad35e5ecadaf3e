import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (func $hello (import "" "hello") (param i32))
  (func (export "run") (call $hello (i32.const 42))))`;

describe('serialize: compile once, save the bytes, load them again', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('runs a deserialized module', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const serialized = new c.wasm_byte_vec_t();
    c.wasm_module_serialize(module, serialized);
    expect(serialized.size).toBeGreaterThan(8);
    c.wasm_module_delete(module);

    const loaded = c.wasm_module_deserialize(store, serialized)!;
    expect(loaded).not.toBeNull();
    c.wasm_byte_vec_delete(serialized);

    const seen: number[] = [];
    const ty = c.wasm_functype_new_1_0(c.wasm_valtype_new_i32());
    const hello = c.wasm_func_new(store, ty, (args) => {
      seen.push(args.data[0]!.of.i32!);
      return null;
    });
    c.wasm_functype_delete(ty);
    const instance = c.wasm_instance_new(store, loaded, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(hello)]))!;
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    expect(c.wasm_func_call(c.wasm_extern_as_func(exports.data[0]!)!, c.WASM_EMPTY_VEC(), c.WASM_EMPTY_VEC())).toBeNull();
    expect(seen).toEqual([42]);

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_func_delete(hello);
    c.wasm_module_delete(loaded);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });

  it('refuses bytes that are not a serialized module', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const junk = new c.wasm_byte_vec_t();
    c.wasm_byte_vec_new(junk, 4, [1, 2, 3, 4]);
    expect(c.wasm_module_deserialize(store, junk)).toBeNull();
    c.wasm_byte_vec_delete(junk);

    const ret = { value: null as c.wasmtime_module_t | null };
    const err = c.wasmtime_module_deserialize(engine, new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]), ret)!;
    expect(err).not.toBeNull();
    const msg = new c.wasm_byte_vec_t();
    c.wasmtime_error_message(err, msg);
    expect(c.wasmtide_name_to_string(msg).length).toBeGreaterThan(0);
    c.wasm_byte_vec_delete(msg);
    c.wasmtime_error_delete(err);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });

  it('shares a module with another store of the engine (share / obtain)', () => {
    const engine = c.wasm_engine_new();
    const store1 = c.wasm_store_new(engine);
    const binary = wat(`(module (func (export "f") (result i32) (i32.const 7)))`);
    const module = c.wasm_module_new(store1, binary)!;
    c.wasm_byte_vec_delete(binary);
    const shared = c.wasm_module_share(module);
    c.wasm_module_delete(module);

    const store2 = c.wasm_store_new(engine);
    const obtained = c.wasm_module_obtain(store2, shared)!;
    c.wasm_shared_module_delete(shared);
    const instance = c.wasm_instance_new(store2, obtained, c.WASM_EMPTY_VEC())!;
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const results = c.WASM_ARRAY_VEC([c.WASM_INIT_VAL()]);
    expect(c.wasm_func_call(c.wasm_extern_as_func(exports.data[0]!)!, c.WASM_EMPTY_VEC(), results)).toBeNull();
    expect(results.data[0]!.of.i32).toBe(7);

    // A module of another engine cannot be obtained.
    const other = c.wasm_engine_new();
    const store3 = c.wasm_store_new(other);
    const shared2 = c.wasm_module_share(obtained);
    expect(c.wasm_module_obtain(store3, shared2)).toBeNull();
    c.wasm_shared_module_delete(shared2);

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(obtained);
    for (const s of [store1, store2, store3]) c.wasm_store_delete(s);
    c.wasm_engine_delete(engine);
    c.wasm_engine_delete(other);
  });
});
