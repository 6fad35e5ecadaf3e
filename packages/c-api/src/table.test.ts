import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (table (export "table") 2 10 funcref)
  (func (export "call_indirect") (param i32 i32) (result i32)
    (call_indirect (param i32) (result i32) (local.get 0) (local.get 1)))
  (func $f (export "f") (param i32) (result i32) (local.get 0))
  (func (export "g") (param i32) (result i32) (i32.const 666))
  (elem (i32.const 1) $f))`;

describe('table: a funcref table shared by the host and wasm', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('gets, sets, grows and calls through the table', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);
    const instance = c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC())!;
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const table = c.wasm_extern_as_table(exports.data[0]!)!;
    const [callIndirect, f, g] = exports.data.slice(1).map((e) => c.wasm_extern_as_func(e!)!);

    const negType = c.wasm_functype_new_1_1(c.wasm_valtype_new_i32(), c.wasm_valtype_new_i32());
    const neg = c.wasm_func_new(store, negType, (args, results) => {
      results.data[0] = c.WASM_I32_VAL(-args.data[0]!.of.i32!);
      return null;
    });
    c.wasm_functype_delete(negType);

    const ci = (arg: number, index: number): number | 'trap' => {
      const results = c.WASM_ARRAY_VEC([c.WASM_INIT_VAL()]);
      const trap = c.wasm_func_call(callIndirect!, c.WASM_ARRAY_VEC([c.WASM_I32_VAL(arg), c.WASM_I32_VAL(index)]), results);
      if (trap) {
        c.wasm_trap_delete(trap);
        return 'trap';
      }
      return results.data[0]!.of.i32!;
    };

    const tt = c.wasm_table_type(table);
    expect(c.wasm_valtype_kind(c.wasm_tabletype_element(tt))).toBe(c.WASM_FUNCREF);
    expect(c.wasm_tabletype_limits(tt)).toEqual({ min: 2, max: 10 });
    c.wasm_tabletype_delete(tt);

    expect(c.wasm_table_size(table)).toBe(2);
    expect(c.wasm_table_get(table, 0)).toBeNull();
    const elem1 = c.wasm_table_get(table, 1)!;
    expect(c.wasm_ref_same(elem1, c.wasm_func_as_ref(f!)!)).toBe(true);
    c.wasm_ref_delete(elem1);
    expect(c.wasm_table_get(table, 2)).toBeNull();

    expect(ci(7, 0)).toBe('trap');
    expect(ci(7, 1)).toBe(7);
    expect(ci(0, 2)).toBe('trap');

    expect(c.wasm_table_set(table, 0, c.wasm_func_as_ref(g!))).toBe(true);
    expect(c.wasm_table_set(table, 1, null)).toBe(true);
    expect(c.wasm_table_set(table, 2, c.wasm_func_as_ref(f!))).toBe(false);
    expect(ci(7, 0)).toBe(666);
    expect(ci(7, 1)).toBe('trap');

    expect(c.wasm_table_grow(table, 3, null)).toBe(true);
    expect(c.wasm_table_size(table)).toBe(5);
    expect(c.wasm_table_set(table, 2, c.wasm_func_as_ref(f!))).toBe(true);
    expect(c.wasm_table_set(table, 3, c.wasm_func_as_ref(neg))).toBe(true);
    expect(ci(5, 2)).toBe(5);
    expect(ci(5, 3)).toBe(-5);
    expect(c.wasm_table_grow(table, 2, c.wasm_func_as_ref(f!))).toBe(true);
    expect(ci(8, 6)).toBe(8);
    expect(c.wasm_table_grow(table, 5, null)).toBe(false);
    expect(c.wasm_table_grow(table, 3, null)).toBe(true);
    expect(c.wasm_table_grow(table, 0, null)).toBe(true);
    expect(c.wasm_table_size(table)).toBe(10);

    c.wasm_func_delete(neg);
    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);

    // A table made by the host.
    const ty = c.wasm_tabletype_new(c.wasm_valtype_new_funcref(), { min: 5, max: 5 });
    const standalone = c.wasm_table_new(store, ty, null)!;
    c.wasm_tabletype_delete(ty);
    expect(c.wasm_table_size(standalone)).toBe(5);
    expect(c.wasm_table_grow(standalone, 1, null)).toBe(false);
    expect(c.wasm_table_grow(standalone, 0, null)).toBe(true);
    c.wasm_table_delete(standalone);

    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
