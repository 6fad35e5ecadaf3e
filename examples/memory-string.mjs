// Example 2: a host function reads a string out of the calling instance's exported memory.
// Run with `node examples/memory-string.mjs` after `pnpm build`.
import { Engine, Store, Module, Instance, Func, Memory } from '@wasmtide/runtime';

const engine = new Engine();

// The guest keeps a message in its data segment and passes (pointer, length) to `env.print`.
const module = await Module.fromText(
  engine,
  `(module
     (import "env" "print" (func $print (param i32 i32)))
     (memory (export "memory") 1)
     (data (i32.const 16) "Hello from linear memory!")
     (func (export "run")
       (call $print (i32.const 16) (i32.const 25))))`,
);

const store = new Store(engine, { printed: 0 });

// `new Func` gives the host function a `Caller`: through it we reach the exports of the
// instance that called us, and the store's data.
const print = new Func(store, { params: ['i32', 'i32'] }, (caller, [ptr, len]) => {
  const memory = caller.getExport('memory');
  if (!(memory instanceof Memory)) throw new Error('the caller exports no memory');
  console.log(memory.readString(caller, ptr, len));
  caller.data.printed += 1;
  return [];
});

const instance = new Instance(store, module, [print]);
instance.getFunc(store, 'run').call(store, []);
console.log(`strings printed: ${store.data.printed}`);
// Output:
// Hello from linear memory!
// strings printed: 1
