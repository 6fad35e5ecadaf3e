import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function compile(engine: c.wasm_engine_t, text: string): c.wasmtime_module_t {
  const bytes = new c.wasm_byte_vec_t();
  expect(c.wasmtime_wat2wasm(text, bytes)).toBeNull();
  const ret = { value: null as c.wasmtime_module_t | null };
  expect(c.wasmtime_module_new(engine, bytes.data, ret)).toBeNull();
  c.wasm_byte_vec_delete(bytes);
  return ret.value!;
}

function errorText(err: c.wasmtime_error_t | null): string {
  expect(err).not.toBeNull();
  const msg = new c.wasm_byte_vec_t();
  c.wasmtime_error_message(err!, msg);
  const s = c.wasmtide_name_to_string(msg);
  c.wasm_byte_vec_delete(msg);
  c.wasmtime_error_delete(err);
  return s;
}

const i32 = (n: number): c.wasmtime_val_t => ({ kind: c.WASMTIME_I32, of: { i32: n } });
const box = <T>(): { value: T | null } => ({ value: null });

describe('wasmtime.h objects: memories, globals, tables, externrefs, limits', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('imports host-made memory, global and table, and passes externrefs through wasm', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasmtime_store_new(engine, null, null);
    const cx = c.wasmtime_store_context(store);

    const mt = c.wasm_memorytype_new({ min: 1, max: 2 });
    const memory = box<c.wasmtime_memory_t>();
    expect(c.wasmtime_memory_new(cx, mt, memory)).toBeNull();
    c.wasm_memorytype_delete(mt);
    const gt = c.wasm_globaltype_new(c.wasm_valtype_new_externref(), c.WASM_VAR);
    const global = box<c.wasmtime_global_t>();
    expect(c.wasmtime_global_new(cx, gt, { kind: c.WASMTIME_EXTERNREF, of: { externref: null } }, global)).toBeNull();
    c.wasm_globaltype_delete(gt);
    const tt = c.wasm_tabletype_new(c.wasm_valtype_new_externref(), { min: 2, max: 4 });
    const table = box<c.wasmtime_table_t>();
    expect(c.wasmtime_table_new(cx, tt, { kind: c.WASMTIME_EXTERNREF, of: { externref: null } }, table)).toBeNull();
    c.wasm_tabletype_delete(tt);

    const module = compile(
      engine,
      `(module
        (import "" "mem" (memory 1 2))
        (import "" "g" (global $g (mut externref)))
        (import "" "t" (table $t 2 4 externref))
        (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0)))
        (func (export "keep") (param externref) (global.set $g (local.get 0)) (table.set $t (i32.const 1) (local.get 0))))`,
    );
    const instance = box<c.wasmtime_instance_t>();
    const trap = box<c.wasm_trap_t>();
    const imports: c.wasmtime_extern_t[] = [
      { kind: c.WASMTIME_EXTERN_MEMORY, of: { memory: memory.value! } },
      { kind: c.WASMTIME_EXTERN_GLOBAL, of: { global: global.value! } },
      { kind: c.WASMTIME_EXTERN_TABLE, of: { table: table.value! } },
    ];
    expect(c.wasmtime_instance_new(cx, module, imports, instance, trap)).toBeNull();
    const peek = box<c.wasmtime_extern_t>();
    const keep = box<c.wasmtime_extern_t>();
    c.wasmtime_instance_export_get(cx, instance.value!, 'peek', peek);
    c.wasmtime_instance_export_get(cx, instance.value!, 'keep', keep);

    // Memory: the host writes, wasm reads; growth to the maximum and no further.
    c.wasmtime_memory_data(cx, memory.value!)[100] = 77;
    const out = [i32(0)];
    expect(c.wasmtime_func_call(cx, peek.value!.of.func!, [i32(100)], out, trap)).toBeNull();
    expect(out[0]!.of.i32).toBe(77);
    const prev = { value: -1 };
    expect(c.wasmtime_memory_grow(cx, memory.value!, 1, prev)).toBeNull();
    expect(prev.value).toBe(1);
    expect(c.wasmtime_memory_size(cx, memory.value!)).toBe(2);
    expect(c.wasmtime_memory_data_size(cx, memory.value!)).toBe(2 * 65536);
    expect(c.wasmtime_memory_page_size(cx, memory.value!)).toBe(65536);
    expect(errorText(c.wasmtime_memory_grow(cx, memory.value!, 1, prev))).toMatch(/failed to grow memory/);
    const et = c.wasmtime_extern_type(cx, imports[0]!);
    expect(c.wasm_externtype_kind(et)).toBe(c.WASM_EXTERN_MEMORY);
    expect(c.wasm_memorytype_limits(c.wasm_externtype_as_memorytype(et)!)).toEqual({ min: 2, max: 2 });
    c.wasm_externtype_delete(et);

    // Externrefs: made by the host, stored by wasm, read back by the host.
    const finalized: unknown[] = [];
    const ref = box<c.wasmtime_externref_t>();
    expect(c.wasmtime_externref_new(cx, { answer: 42 }, (d) => finalized.push(d), ref)).toBe(true);
    expect(c.wasmtime_func_call(cx, keep.value!.of.func!, [{ kind: c.WASMTIME_EXTERNREF, of: { externref: ref.value } }], [], trap)).toBeNull();
    const got: c.wasmtime_val_t = { kind: 0, of: {} };
    c.wasmtime_global_get(cx, global.value!, got);
    expect(got.kind).toBe(c.WASMTIME_EXTERNREF);
    expect(c.wasmtime_externref_data(cx, got.of.externref!)).toEqual({ answer: 42 });
    expect(c.wasmtime_table_get(cx, table.value!, 1, got)).toBe(true);
    expect(got.of.externref).toBe(ref.value);
    expect(c.wasmtime_table_get(cx, table.value!, 9, got)).toBe(false);
    expect(errorText(c.wasmtime_table_set(cx, table.value!, 9, got))).toMatch(/out of bounds/);
    expect(c.wasmtime_table_grow(cx, table.value!, 2, { kind: c.WASMTIME_EXTERNREF, of: { externref: null } }, prev)).toBeNull();
    expect([prev.value, c.wasmtime_table_size(cx, table.value!)]).toEqual([2, 4]);
    expect(c.wasmtime_global_set(cx, global.value!, { kind: c.WASMTIME_EXTERNREF, of: { externref: null } })).toBeNull();
    c.wasmtime_global_get(cx, global.value!, got);
    expect(got.of.externref).toBeNull();
    c.wasmtime_externref_unroot(cx, ref.value);

    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    expect(finalized).toEqual([{ answer: 42 }]);
    c.wasm_engine_delete(engine);
  });

  it('lets a host callback trap with wasmtime_trap_new, and limits a store', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasmtime_store_new(engine, null, null);
    const cx = c.wasmtime_store_context(store);
    const ty = c.wasm_functype_new_0_0();
    const fail = box<c.wasmtime_func_t>();
    c.wasmtime_func_new(cx, ty, () => c.wasmtime_trap_new('no thanks'), null, null, fail);
    c.wasm_functype_delete(ty);
    const trap = box<c.wasm_trap_t>();
    expect(c.wasmtime_func_call(cx, fail.value!, [], [], trap)).toBeNull();
    const msg = new c.wasm_byte_vec_t();
    c.wasm_trap_message(trap.value!, msg);
    expect(c.wasmtide_name_to_string(msg)).toBe('no thanks');
    c.wasm_byte_vec_delete(msg);
    c.wasm_trap_delete(trap.value);

    c.wasmtime_store_limiter(store, 65536, -1, 1, -1, -1);
    const module = compile(engine, `(module (memory (export "m") 1) (func (export "grow") (result i32) (memory.grow (i32.const 1))))`);
    const instance = box<c.wasmtime_instance_t>();
    expect(c.wasmtime_instance_new(cx, module, [], instance, trap)).toBeNull();
    const grow = box<c.wasmtime_extern_t>();
    c.wasmtime_instance_export_get(cx, instance.value!, 'grow', grow);
    const out = [i32(0)];
    expect(c.wasmtime_func_call(cx, grow.value!.of.func!, [], out, trap)).toBeNull();
    expect(out[0]!.of.i32).toBe(-1);
    // A second instance exceeds the instance limit: an error, not a trap.
    expect(errorText(c.wasmtime_instance_new(cx, module, [], instance, trap))).toMatch(/instances/);
    expect(trap.value).toBeNull();
    c.wasmtime_context_gc(cx);

    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
