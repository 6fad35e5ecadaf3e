import { describe, expect, it } from 'vitest';
import { Engine, Func, Instance, Module, Store, Trap, loadTextParser } from './index.js';

// Names from a module (exports, imports, the name section) end up near generated JavaScript
// (source names, backtraces). None of them may ever be evaluated as code.
const hostile = [
  '");globalThis.__wasmtidePwned=1;("',
  "');globalThis.__wasmtidePwned=1;('",
  '`${globalThis.__wasmtidePwned=1}`',
  '*/globalThis.__wasmtidePwned=1;/*',
  '\n//# sourceURL=x\nglobalThis.__wasmtidePwned=1;',
  '\u2028globalThis.__wasmtidePwned=1;',
  '\\"};globalThis.__wasmtidePwned=1;{"',
];

describe('hostile names never reach generated code as code', () => {
  it.each(hostile)('name %j', async (name) => {
    await loadTextParser();
    const g = globalThis as { __wasmtidePwned?: number };
    g.__wasmtidePwned = 0;
    const q = JSON.stringify(name).slice(1, -1).replace(/\\u2028/g, '\\e2\\80\\a8');
    const wat = `(module (@name "${q}")
      (import "${q}" "${q}" (func $i (@name "${q}") (param i32)))
      (func $f (@name "${q}") (export "${q}") (param i32) (result i32) (call $i (local.get 0)) (unreachable))
      (memory (export "${q}mem") 1) (global (export "${q}g") i32 (i32.const 1)))`;
    const engine = new Engine();
    const module = new Module(engine, wat);
    expect(module.exports().map((e) => e.name)).toContain(name);
    const store = new Store(engine, null);
    let seen = -1;
    const inst = new Instance(store, module, [Func.wrap(store, { params: ['i32'] }, (_c, x: number) => { seen = x; })]);
    let caught: unknown;
    try {
      inst.getFunc(store, name)!.call(store, [7]);
    } catch (e) {
      caught = e;
    }
    expect(seen).toBe(7);
    expect(caught).toBeInstanceOf(Trap);
    expect((caught as Trap).backtrace[0]?.funcName).toBe(name);
    expect(g.__wasmtidePwned).toBe(0);
  });
});
