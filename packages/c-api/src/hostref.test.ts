import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (import "" "f" (func $fun (param externref) (result externref)))
  (global $glob (export "global") (mut externref) (ref.null extern))
  (table $tab (export "table") 10 externref)
  (func (export "global.set") (param $r externref) (global.set $glob (local.get $r)))
  (func (export "global.get") (result externref) (global.get $glob))
  (func (export "table.set") (param $i i32) (param $r externref) (table.set $tab (local.get $i) (local.get $r)))
  (func (export "table.get") (param $i i32) (result externref) (table.get $tab (local.get $i)))
  (func (export "func.call") (param $r externref) (result externref) (call $fun (local.get $r))))`;

describe('hostref: host objects as externrefs through functions, globals and tables', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('keeps identity and host info across every round trip', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const ty = c.wasm_functype_new_1_1(c.wasm_valtype_new_externref(), c.wasm_valtype_new_externref());
    const identity = c.wasm_func_new(store, ty, (args, results) => {
      c.wasm_val_copy(results.data[0]!, args.data[0]!);
      return null;
    });
    c.wasm_functype_delete(ty);
    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(identity)]))!;
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const [global, table] = [c.wasm_extern_as_global(exports.data[0]!)!, c.wasm_extern_as_table(exports.data[1]!)!];
    const [globalSet, globalGet, tableSet, tableGet, funcCall] = exports.data.slice(2).map((e) => c.wasm_extern_as_func(e!)!);

    const host1 = c.wasm_foreign_new(store);
    const host2 = c.wasm_foreign_new(store);
    c.wasm_foreign_set_host_info(host1, 1);
    c.wasm_foreign_set_host_info(host2, 2);
    const ref1 = c.wasm_foreign_as_ref(host1)!;
    const ref2 = c.wasm_foreign_as_ref(host2)!;
    expect(c.wasm_ref_get_host_info(ref1)).toBe(1);

    /** Checks an owned result ref against an expected one (or null), then deletes it. */
    const check = (actual: c.wasm_ref_t | null | undefined, expected: c.wasm_ref_t | null) => {
      if (expected === null) {
        expect(actual ?? null).toBeNull();
        return;
      }
      expect(actual).toBeTruthy();
      expect(c.wasm_ref_same(actual!, expected)).toBe(true);
      expect(c.wasm_ref_get_host_info(actual!)).toBe(c.wasm_ref_get_host_info(expected));
      expect(c.wasm_ref_as_foreign(actual!)).not.toBeNull();
      c.wasm_ref_delete(actual!);
    };
    const call = (f: c.wasm_func_t, args: c.wasm_val_t[], nres: number): c.wasm_ref_t | null | undefined => {
      const results = c.WASM_ARRAY_VEC(Array.from({ length: nres }, c.WASM_INIT_VAL));
      expect(c.wasm_func_call(f, c.WASM_ARRAY_VEC(args), results)).toBeNull();
      return results.data[0]?.of.ref;
    };
    const globalValue = () => {
      const v = c.WASM_INIT_VAL();
      c.wasm_global_get(global, v);
      return v.of.ref;
    };

    // Globals, through wasm and through the API.
    check(globalValue(), null);
    call(globalSet!, [c.WASM_REF_VAL(ref1)], 0);
    check(globalValue(), ref1);
    check(call(globalGet!, [], 1), ref1);
    c.wasm_global_set(global, c.WASM_REF_VAL(ref2));
    check(call(globalGet!, [], 1), ref2);
    c.wasm_global_set(global, c.WASM_REF_VAL(null));
    check(call(globalGet!, [], 1), null);

    // Tables.
    check(c.wasm_table_get(table, 2), null);
    call(tableSet!, [c.WASM_I32_VAL(2), c.WASM_REF_VAL(ref1)], 0);
    call(tableSet!, [c.WASM_I32_VAL(3), c.WASM_REF_VAL(ref2)], 0);
    check(c.wasm_table_get(table, 2), ref1);
    check(call(tableGet!, [c.WASM_I32_VAL(3)], 1), ref2);
    expect(c.wasm_table_set(table, 3, ref1)).toBe(true);
    check(call(tableGet!, [c.WASM_I32_VAL(3)], 1), ref1);
    expect(c.wasm_table_set(table, 3, null)).toBe(true);
    check(call(tableGet!, [c.WASM_I32_VAL(3)], 1), null);

    // Through a host function and back.
    check(call(funcCall!, [c.WASM_REF_VAL(ref1)], 1), ref1);
    check(call(funcCall!, [c.WASM_REF_VAL(null)], 1), null);

    // A copy is the same object with the same host info; another foreign is not.
    const copy = c.wasm_foreign_copy(host1);
    expect(c.wasm_foreign_same(copy, host1)).toBe(true);
    expect(c.wasm_foreign_same(host1, host2)).toBe(false);
    expect(c.wasm_foreign_get_host_info(copy)).toBe(1);
    c.wasm_foreign_delete(copy);

    // A function is a reference too.
    const fref = c.wasm_func_as_ref(identity)!;
    expect(c.wasm_ref_as_func(fref)).toBe(identity);
    expect(c.wasm_ref_as_foreign(fref)).toBeNull();

    c.wasm_foreign_delete(host1);
    c.wasm_foreign_delete(host2);
    c.wasm_func_delete(identity);
    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
