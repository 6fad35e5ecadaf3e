import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (global $f32_import (import "" "const f32") f32)
  (global $i64_import (import "" "const i64") i64)
  (global $mut_f32_import (import "" "var f32") (mut f32))
  (global $mut_i64_import (import "" "var i64") (mut i64))
  (global (export "const f32") f32 (f32.const 5))
  (global (export "const i64") i64 (i64.const 6))
  (global $mut_f32 (export "var f32") (mut f32) (f32.const 7))
  (global $mut_i64 (export "var i64") (mut i64) (i64.const 8))
  (func (export "get const f32 import") (result f32) (global.get $f32_import))
  (func (export "get var i64 import") (result i64) (global.get $mut_i64_import))
  (func (export "get var f32") (result f32) (global.get $mut_f32))
  (func (export "set var f32 import") (param f32) (global.set $mut_f32_import (local.get 0)))
  (func (export "set var i64") (param i64) (global.set $mut_i64 (local.get 0))))`;

function get(g: c.wasm_global_t): c.wasm_val_t {
  const v = c.WASM_INIT_VAL();
  c.wasm_global_get(g, v);
  return v;
}

function call(f: c.wasm_func_t, args: c.wasm_val_t[], nresults: number): c.wasm_val_t[] {
  const results = c.WASM_ARRAY_VEC(Array.from({ length: nresults }, c.WASM_INIT_VAL));
  expect(c.wasm_func_call(f, c.WASM_ARRAY_VEC(args), results)).toBeNull();
  return results.data;
}

describe('global: imported and exported globals, read and written from both sides', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('shares global state between the host and wasm', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const mk = (kind: number, mut: number, val: c.wasm_val_t) => {
      const ty = c.wasm_globaltype_new(c.wasm_valtype_new(kind), mut);
      const g = c.wasm_global_new(store, ty, val)!;
      c.wasm_globaltype_delete(ty);
      return g;
    };
    const constF32 = mk(c.WASM_F32, c.WASM_CONST, c.WASM_F32_VAL(1));
    const constI64 = mk(c.WASM_I64, c.WASM_CONST, c.WASM_I64_VAL(2n));
    const varF32 = mk(c.WASM_F32, c.WASM_VAR, c.WASM_F32_VAL(3));
    const varI64 = mk(c.WASM_I64, c.WASM_VAR, c.WASM_I64_VAL(4n));
    const imports = [constF32, constI64, varF32, varI64].map(c.wasm_global_as_extern);
    const instance = c.wasm_instance_new(store, module, c.WASM_ARRAY_VEC(imports))!;
    expect(instance).not.toBeNull();

    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    expect(exports.size).toBe(9);
    const [exConstF32, exConstI64, exVarF32, exVarI64] = exports.data.slice(0, 4).map((e) => c.wasm_extern_as_global(e!)!);
    const [getConstF32Import, getVarI64Import, getVarF32, setVarF32Import, setVarI64] = exports.data.slice(4).map((e) => c.wasm_extern_as_func(e!)!);

    const gt = c.wasm_global_type(exVarF32!);
    expect(c.wasm_globaltype_mutability(gt)).toBe(c.WASM_VAR);
    expect(c.wasm_valtype_kind(c.wasm_globaltype_content(gt))).toBe(c.WASM_F32);
    c.wasm_globaltype_delete(gt);

    expect(get(constF32).of.f32).toBe(1);
    expect(get(exConstF32!).of.f32).toBe(5);
    expect(get(exConstI64!).of.i64).toBe(6n);
    expect(get(exVarF32!).of.f32).toBe(7);
    expect(get(exVarI64!).of.i64).toBe(8n);
    expect(call(getConstF32Import!, [], 1)[0]!.of.f32).toBe(1);
    expect(call(getVarI64Import!, [], 1)[0]!.of.i64).toBe(4n);

    // Host writes, wasm reads.
    c.wasm_global_set(varI64, c.WASM_I64_VAL(24n));
    expect(call(getVarI64Import!, [], 1)[0]!.of.i64).toBe(24n);
    c.wasm_global_set(exVarF32!, c.WASM_F32_VAL(37));
    expect(call(getVarF32!, [], 1)[0]!.of.f32).toBe(37);

    // Wasm writes, host reads.
    call(setVarF32Import!, [c.WASM_F32_VAL(73)], 0);
    expect(get(varF32).of.f32).toBe(73);
    call(setVarI64!, [c.WASM_I64_VAL(-1n)], 0);
    expect(get(exVarI64!)).toEqual({ kind: c.WASM_I64, of: { i64: -1n } });

    // Misuse is a typed error, not a crash.
    expect(() => c.wasm_global_set(constF32, c.WASM_F32_VAL(0))).toThrow(c.CApiError);
    expect(() => c.wasm_global_set(varF32, c.WASM_I32_VAL(0))).toThrow(/expected a f32 value, got i32/);

    c.wasm_extern_vec_delete(exports);
    for (const g of [constF32, constI64, varF32, varI64]) c.wasm_global_delete(g);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
