// Example 3: linking two modules by name with a Linker, plus a host function.
// Run with `node examples/linker.mjs` after `pnpm build`.
import { Engine, Store, Module } from '@wasmtide/runtime';
import { Linker } from '@wasmtide/linker';

const engine = new Engine();
const linker = new Linker(engine);
linker.funcWrap('host', 'log', { params: ['i32'] }, (_caller, n) => console.log(`log: ${n}`));

const store = new Store(engine, null);

// A library module, registered under the name "math".
const math = await Module.fromText(engine, `(module (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0))))`);
linker.instance(store, 'math', linker.instantiate(store, math));

// The main module imports from both "math" and "host".
const main = await Module.fromText(
  engine,
  `(module
     (import "math" "square" (func $square (param i32) (result i32)))
     (import "host" "log" (func $log (param i32)))
     (func (export "run") (call $log (call $square (i32.const 12)))))`,
);
linker.instantiate(store, main).getFunc(store, 'run').call(store, []);
// Output:
// log: 144
