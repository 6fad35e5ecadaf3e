import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (memory (export "memory") 2 3)
  (func (export "size") (result i32) (memory.size))
  (func (export "load") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (data (i32.const 0x1000) "\\01\\02\\03\\04"))`;

describe('memory: an exported memory seen from the host and from wasm', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('reads, writes, traps out of bounds and grows up to its maximum', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);
    const instance = c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC())!;
    const exports = new c.wasm_extern_vec_t();
    c.wasm_instance_exports(instance, exports);
    const memory = c.wasm_extern_as_memory(exports.data[0]!)!;
    const [size, load, store8] = exports.data.slice(1).map((e) => c.wasm_extern_as_func(e!)!);

    const call = (f: c.wasm_func_t, args: number[], nres: number): { trap: boolean; value?: number } => {
      const results = c.WASM_ARRAY_VEC(Array.from({ length: nres }, c.WASM_INIT_VAL));
      const trap = c.wasm_func_call(f, c.WASM_ARRAY_VEC(args.map(c.WASM_I32_VAL)), results);
      if (trap) {
        const msg = new c.wasm_byte_vec_t();
        c.wasm_trap_message(trap, msg);
        expect(c.wasmtide_name_to_string(msg)).toMatch(/out of bounds memory access/);
        c.wasm_byte_vec_delete(msg);
        c.wasm_trap_delete(trap);
        return { trap: true };
      }
      return { trap: false, value: results.data[0]?.of.i32 };
    };

    expect(c.wasm_memory_size(memory)).toBe(2);
    expect(c.wasm_memory_data_size(memory)).toBe(0x20000);
    const data = c.wasm_memory_data(memory);
    expect([data[0], data[0x1000], data[0x1003]]).toEqual([0, 1, 4]);
    expect(call(size!, [], 1)).toEqual({ trap: false, value: 2 });
    expect(call(load!, [0x1002], 1)).toEqual({ trap: false, value: 3 });
    expect(call(load!, [0x20000], 1)).toEqual({ trap: true });

    expect(call(store8!, [0x1002, 5], 0)).toEqual({ trap: false, value: undefined });
    expect(c.wasm_memory_data(memory)[0x1002]).toBe(5);
    expect(call(store8!, [0x20000, 0], 0)).toEqual({ trap: true });
    c.wasm_memory_data(memory)[0x1003] = 9;
    expect(call(load!, [0x1003], 1).value).toBe(9);

    expect(c.wasm_memory_grow(memory, 1)).toBe(true);
    expect(c.wasm_memory_size(memory)).toBe(3);
    expect(c.wasm_memory_data_size(memory)).toBe(0x30000);
    expect(call(load!, [0x20000], 1)).toEqual({ trap: false, value: 0 });
    expect(call(load!, [0x30000], 1)).toEqual({ trap: true });
    expect(c.wasm_memory_grow(memory, 1)).toBe(false);
    expect(c.wasm_memory_grow(memory, 0)).toBe(true);

    const mt = c.wasm_memory_type(memory);
    expect(c.wasm_memorytype_limits(mt)).toEqual({ min: 3, max: 3 });
    c.wasm_memorytype_delete(mt);

    c.wasm_extern_vec_delete(exports);
    c.wasm_instance_delete(instance);
    c.wasm_module_delete(module);

    // A memory made by the host.
    const ty = c.wasm_memorytype_new({ min: 5, max: 5 });
    const standalone = c.wasm_memory_new(store, ty)!;
    c.wasm_memorytype_delete(ty);
    expect(c.wasm_memory_size(standalone)).toBe(5);
    expect(c.wasm_memory_grow(standalone, 1)).toBe(false);
    expect(c.wasm_memory_grow(standalone, 0)).toBe(true);
    c.wasm_memory_delete(standalone);

    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
