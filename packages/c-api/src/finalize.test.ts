import { afterEach, describe, expect, it } from 'vitest';
import * as c from '@wasmtide/c-api';

function wat(text: string): c.wasm_byte_vec_t {
  const out = new c.wasm_byte_vec_t();
  if (c.wasmtime_wat2wasm(text, out)) throw new Error('wat2wasm failed');
  return out;
}

const SOURCE = `(module
  (func (export "f"))
  (func (export "g"))
  (global (export "gl") i32 (i32.const 0))
  (table (export "t") 1 funcref)
  (memory (export "m") 1))`;

describe('finalize: host info finalizers of many instances', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('runs each finalizer exactly once, when the last handle of its object is deleted', () => {
    const iterations = 200;
    const engine = c.wasm_engine_new();
    const store = c.wasm_store_new(engine);
    const binary = wat(SOURCE);
    const module = c.wasm_module_new(store, binary)!;
    c.wasm_byte_vec_delete(binary);

    const finalized: number[] = [];
    const finalizedFuncs: string[] = [];
    for (let i = 0; i < iterations; i++) {
      const instance = c.wasm_instance_new(store, module, c.WASM_EMPTY_VEC())!;
      c.wasm_instance_set_host_info_with_finalizer(instance, i, (info: number) => finalized.push(info));
      const exports = new c.wasm_extern_vec_t();
      c.wasm_instance_exports(instance, exports);
      const f = c.wasm_extern_as_func(exports.data[0]!)!;
      c.wasm_func_set_host_info_with_finalizer(f, `f${i}`, (info: string) => finalizedFuncs.push(info));
      const keep = i % 2 === 0 ? c.wasm_instance_copy(instance) : null;
      c.wasm_extern_vec_delete(exports);
      c.wasm_instance_delete(instance);
      if (keep) {
        expect(finalized).not.toContain(i);
        expect(c.wasm_instance_get_host_info(keep)).toBe(i);
        c.wasm_instance_delete(keep);
      }
      expect(finalized.at(-1)).toBe(i);
    }
    expect(finalized).toEqual(Array.from({ length: iterations }, (_, i) => i));
    expect(finalizedFuncs.length).toBe(iterations);

    // Replacing host info finalizes the old value.
    const foreign = c.wasm_foreign_new(store);
    const seen: string[] = [];
    c.wasm_foreign_set_host_info_with_finalizer(foreign, 'a', (x: string) => seen.push(x));
    c.wasm_foreign_set_host_info_with_finalizer(foreign, 'b', (x: string) => seen.push(x));
    expect(seen).toEqual(['a']);
    c.wasm_foreign_delete(foreign);
    expect(seen).toEqual(['a', 'b']);

    c.wasm_module_delete(module);
    c.wasm_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
