// Engine adapters for the differential fuzzer: each instantiates a module with the
// `fuzzing-support` logging imports and calls exports by name with zero arguments of the right types.
import { Engine, Store, Module, Instance, Func } from '@wasmtide/runtime';

const zeroOf = (t) => (t === 'i64' ? 0n : t === 'i32' || t === 'f32' || t === 'f64' ? 0 : null);
const typeName = (t) => (typeof t === 'string' ? t : String(t));

/** Export name -> parameter type names, read with wasmtide's own decoder. */
export function exportSignatures(bytes) {
  const module = new Module(new Engine(), bytes);
  const sigs = new Map();
  for (const e of module.exports()) if (e.ty && Array.isArray(e.ty.params)) sigs.set(e.name, e.ty.params.map(typeName));
  return sigs;
}

export const nativeAdapter = {
  instantiate(bytes, logs) {
    const sigs = exportSignatures(bytes);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { 'fuzzing-support': logs });
    return {
      funcNames: () => [...sigs.keys()],
      has: (n) => sigs.has(n),
      call: (n) => inst.exports[n](...sigs.get(n).map(zeroOf)),
    };
  },
};

export const wasmtideAdapter = {
  instantiate(bytes, logs) {
    const engine = new Engine();
    const store = new Store(engine, null);
    const module = new Module(engine, bytes);
    const externs = module.imports().map((imp) => {
      const fn = logs[imp.name];
      if (!fn || imp.module !== 'fuzzing-support') throw new Error(`unexpected import ${imp.module}::${imp.name}`);
      return new Func(store, imp.ty, (_caller, params) => { fn(...params); return []; });
    });
    const inst = new Instance(store, module, externs);
    const sigs = new Map();
    for (const e of module.exports()) if (e.ty && Array.isArray(e.ty.params)) sigs.set(e.name, e.ty.params.map(typeName));
    return {
      funcNames: () => [...sigs.keys()],
      has: (n) => sigs.has(n),
      call: (n) => {
        const r = inst.getFunc(store, n).call(store, sigs.get(n).map(zeroOf));
        return r.length === 0 ? undefined : r.length === 1 ? r[0] : r;
      },
    };
  },
};
