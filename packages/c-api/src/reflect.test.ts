import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const str = (n: c.wasm_name_t) => c.wasmtide_name_to_string(n);

/** Describes an extern type in a few words, using only the C API's accessors. */
function describeType(t: c.wasm_externtype_t): string {
  const kinds = (v: c.wasm_valtype_vec_t) => v.data.map((x) => c.wasmtide_valtype_to_string(x!)).join(' ');
  switch (c.wasm_externtype_kind(t)) {
    case c.WASM_EXTERN_FUNC: {
      const f = c.wasm_externtype_as_functype(t)!;
      return `func (${kinds(c.wasm_functype_params(f))}) -> (${kinds(c.wasm_functype_results(f))})`;
    }
    case c.WASM_EXTERN_GLOBAL: {
      const g = c.wasm_externtype_as_globaltype(t)!;
      return `global ${c.wasm_globaltype_mutability(g) === c.WASM_VAR ? 'var' : 'const'} ${c.wasmtide_valtype_to_string(c.wasm_globaltype_content(g))}`;
    }
    case c.WASM_EXTERN_TABLE: {
      const tt = c.wasm_externtype_as_tabletype(t)!;
      const l = c.wasm_tabletype_limits(tt);
      return `table ${l.min}..${l.max === c.wasm_limits_max_default ? 'none' : l.max} ${c.wasmtide_valtype_to_string(c.wasm_tabletype_element(tt))}`;
    }
    case c.WASM_EXTERN_MEMORY: {
      const l = c.wasm_memorytype_limits(c.wasm_externtype_as_memorytype(t)!);
      return `memory ${l.min}..${l.max === c.wasm_limits_max_default ? 'none' : l.max}`;
    }
  }
  return 'other';
}

const SOURCE = `(module
  (import "host" "log" (func (param i32)))
  (import "host" "limit" (global i64))
  (func (export "func") (param i32 f64 f32) (result i32) (i32.const 0))
  (global (export "global") (mut f64) (f64.const 0))
  (table (export "table") 0 50 funcref)
  (memory (export "memory") 1))`;

describe('reflect: module and instance types through the C API', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('lists imports and exports with their types', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    expect(c.wasm_module_validate(store, binary)).toBe(true);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const imports = new c.wasm_importtype_vec_t();
    c.wasm_module_imports(module, imports);
    expect(imports.data.map((i) => `${str(c.wasm_importtype_module(i!))}::${str(c.wasm_importtype_name(i!))}: ${describeType(c.wasm_importtype_type(i!))}`)).toEqual([
      'host::log: func (i32) -> ()',
      'host::limit: global const i64',
    ]);
    const copy = new c.wasm_importtype_vec_t();
    c.wasm_importtype_vec_copy(copy, imports);
    expect(str(c.wasm_importtype_name(copy.data[1]!))).toBe('limit');
    c.wasm_importtype_vec_delete(copy);
    c.wasm_importtype_vec_delete(imports);

    const expected = ['func: func (i32 f64 f32) -> (i32)', 'global: global var f64', 'table: table 0..50 funcref', 'memory: memory 1..none'];
    const exports = new c.wasm_exporttype_vec_t();
    c.wasm_module_exports(module, exports);
    expect(exports.data.map((e) => `${str(c.wasm_exporttype_name(e!))}: ${describeType(c.wasm_exporttype_type(e!))}`)).toEqual(expected);
    c.wasm_exporttype_vec_delete(exports);

    // The same types from the live instance's externs.
    const logType = c.wasm_functype_new_1_0(c.wasm_valtype_new_i32());
    const log = c.wasm_func_new(store, logType, () => null);
    c.wasm_functype_delete(logType);
    const limitType = c.wasm_globaltype_new(c.wasm_valtype_new_i64(), c.WASM_CONST);
    const limit = c.wasm_global_new(store, limitType, c.WASM_I64_VAL(9n))!;
    c.wasm_globaltype_delete(limitType);
    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC([c.wasm_func_as_extern(log), c.wasm_global_as_extern(limit)]))!;
    const externs = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, externs);
    expect(externs.data.map((e) => c.wasm_extern_kind(e!))).toEqual([c.WASM_EXTERN_FUNC, c.WASM_EXTERN_GLOBAL, c.WASM_EXTERN_TABLE, c.WASM_EXTERN_MEMORY]);
    const live = externs.data.map((e) => {
      const t = c.wasm_extern_type(e!);
      const d = describeType(t);
      c.wasm_externtype_delete(t);
      return d;
    });
    expect(live).toEqual(expected.map((s) => s.slice(s.indexOf(': ') + 2)));

    // Building a function type by hand and viewing it as an extern type.
    const ft = c.wasm_functype_new_2_1(c.wasm_valtype_new_f32(), c.wasm_valtype_new_externref(), c.wasm_valtype_new_funcref());
    const et = c.wasm_functype_as_externtype(ft);
    expect(describeType(et)).toBe('func (f32 externref) -> (funcref)');
    expect(c.wasm_externtype_as_globaltype(et)).toBeNull();
    expect(c.wasm_valtype_is_ref(c.wasm_functype_results(ft).data[0]!)).toBe(true);
    expect(c.wasm_valkind_is_num(c.WASM_F64)).toBe(true);
    c.wasm_functype_delete(ft);

    c.wasm_extern_vec_delete(externs);
    c.wasm_func_delete(log);
    c.wasm_global_delete(limit);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });

  it('says a malformed module is invalid and will not compile it', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const bytes = new c.wasm_byte_vec_t();
    c.wasm_byte_vec_new(bytes, 8, [0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]);
    expect(c.wasm_module_validate(store, bytes)).toBe(false);
    expect(c.wasm_module_new(store, bytes)).toBeNull();
    c.wasm_byte_vec_delete(bytes);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
