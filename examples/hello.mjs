// Example 1: a WebAssembly module (written in WAT) imports a host function and calls it.
// Run with `node examples/hello.mjs` after `pnpm build`.
import { Engine, Store, Module, Instance, Func } from '@wasmtide/runtime';

// An engine holds compiled code and configuration; create one and reuse it.
const engine = new Engine();

// The guest: it imports `host.hello` and exports `run`, which calls it with a number.
const module = await Module.fromText(
  engine,
  `(module
     (import "host" "hello" (func $hello (param i32)))
     (func (export "run")
       (call $hello (i32.const 42))))`,
);

// A store owns everything created at run time, plus any data of ours (here, a greeting).
const store = new Store(engine, { greeting: 'Hello, world!' });

// The host side of the import: a JS function with its wasm signature. Like a wasmtime closure,
// it gets the `Caller` first (its `data` is the store's data), then the wasm arguments.
const hello = Func.wrap(store, { params: ['i32'] }, (caller, answer) => {
  console.log(`${caller.data.greeting} (the guest says ${answer})`);
});

// Imports are given in the order the module declares them.
const instance = new Instance(store, module, [hello]);

// Look up the export with its expected signature, then call it.
const run = instance.getTypedFunc(store, 'run', [], []);
run.call(store);
// Output:
// Hello, world! (the guest says 42)
