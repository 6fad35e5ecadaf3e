import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, Func, Global, GlobalType, LinkError, loadTextParser, Memory, MemoryType, Module, Store, StoreMismatchError, Trap, UsageError } from '@wasmtide/runtime';
import { Linker } from './index.js';

beforeAll(async () => {
  await loadTextParser();
});

const lib = '(module (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))) (global (export "g") i32 (i32.const 9)))';
const user = `(module
  (import "lib" "double" (func $d (param i32) (result i32)))
  (import "host" "add" (func $add (param i32 i32) (result i32)))
  (func (export "run") (param i32) (result i32) (call $add (call $d (local.get 0)) (i32.const 1))))`;

function fresh() {
  const engine = new Engine();
  const store = new Store(engine, { calls: 0 });
  const linker = new Linker<{ calls: number }>(engine);
  return { engine, store, linker };
}

describe('Linker', () => {
  it('links host functions and registered instances by name', () => {
    const { engine, store, linker } = fresh();
    linker.funcWrap('host', 'add', { params: ['i32', 'i32'], results: ['i32'] }, (_c, a: number, b: number) => a + b);
    linker.instance(store, 'lib', linker.instantiate(store, new Module(engine, lib)));
    const inst = linker.instantiate(store, new Module(engine, user));
    expect(inst.getFunc(store, 'run')!.call(store, [20])).toEqual([41]);
    expect((linker.get(store, 'lib', 'g') as Global).get(store)).toBe(9);
    expect(linker.iter(store).map(([m, n]) => `${m}::${n}`)).toEqual(['host::add', 'lib::double', 'lib::g']);
  });

  it('materialises host functions once per store', () => {
    const { engine, linker } = fresh();
    linker.funcWrap('host', 'f', {}, () => undefined);
    const a = new Store(engine, { calls: 0 });
    const b = new Store(engine, { calls: 0 });
    expect(linker.get(a, 'host', 'f')).toBe(linker.get(a, 'host', 'f'));
    expect(linker.get(a, 'host', 'f')).not.toBe(linker.get(b, 'host', 'f'));
  });

  it('funcWrap passes the caller first, bound to the importing instance', () => {
    const { engine, store, linker } = fresh();
    linker.funcWrap('env', 'sum', { params: ['i32', 'i32'], results: ['i32'] }, (caller, ptr: number, len: number) => {
      const bytes = (caller.getExport('memory') as Memory).data(caller);
      caller.data.calls++;
      return bytes.subarray(ptr, ptr + len).reduce((a, b) => a + b, 0);
    });
    const m = new Module(engine, `(module (import "env" "sum" (func $s (param i32 i32) (result i32))) (memory (export "memory") 1)
      (data (i32.const 4) "\\01\\02\\03") (func (export "go") (result i32) (call $s (i32.const 4) (i32.const 3))))`);
    const a = linker.instantiate(store, m);
    const b = linker.instantiate(store, m);
    (b.getMemory(store, 'memory') as Memory).write(store, 4, [10, 10, 10]);
    expect(a.getFunc(store, 'go')!.call(store)).toEqual([6]);
    expect(b.getFunc(store, 'go')!.call(store)).toEqual([30]);
    expect(store.data.calls).toBe(2);
  });

  it('funcNew passes the caller', () => {
    const { engine, store, linker } = fresh();
    linker.funcNew('host', 'add', { params: ['i32', 'i32'], results: ['i32'] }, (caller, [a, b]) => {
      caller.data.calls++;
      return [(a as number) + (b as number)];
    });
    linker.define(store, 'lib', 'double', Func.wrap(store, { params: ['i32'], results: ['i32'] }, (_c, x: number) => x * 3));
    const inst = linker.instantiate(store, new Module(engine, user));
    expect(inst.getFunc(store, 'run')!.call(store, [2])).toEqual([7]);
    expect(store.data.calls).toBe(1);
  });

  it.each<[string, (l: Linker<{ calls: number }>, s: Store<{ calls: number }>, e: Engine) => void, RegExp]>([
    ['a missing import', (l) => l.funcWrap('host', 'add', { params: ['i32', 'i32'], results: ['i32'] }, () => 0), /lib::double: unknown import/],
    [
      'a mistyped import',
      (l, s) => {
        l.funcWrap('host', 'add', { params: ['i32'], results: ['i32'] }, () => 0);
        l.define(s, 'lib', 'double', Func.wrap(s, { params: ['i32'], results: ['i32'] }, () => 0));
      },
      /host::add: incompatible import type/,
    ],
    [
      'a global where a function is expected',
      (l, s) => {
        l.funcWrap('host', 'add', { params: ['i32', 'i32'], results: ['i32'] }, () => 0);
        l.define(s, 'lib', 'double', new Global(s, new GlobalType('i32'), 0));
      },
      /lib::double: incompatible import type/,
    ],
  ])('reports %s as a LinkError naming it', (_n, define, msg) => {
    const { engine, store, linker } = fresh();
    define(linker, store, engine);
    expect(() => linker.instantiate(store, new Module(engine, user))).toThrow(LinkError);
    expect(() => linker.instantiate(store, new Module(engine, user))).toThrow(msg);
  });

  it('refuses redefinitions unless shadowing is allowed', () => {
    const { store, linker } = fresh();
    const g1 = new Global(store, new GlobalType('i32'), 1);
    const g2 = new Global(store, new GlobalType('i32'), 2);
    linker.define(store, 'm', 'g', g1);
    expect(() => linker.define(store, 'm', 'g', g2)).toThrow(/m::g: defined twice/);
    linker.allowShadowing(true).define(store, 'm', 'g', g2);
    expect(linker.get(store, 'm', 'g')).toBe(g2);
  });

  it('rejects definitions and stores of the wrong store or engine', () => {
    const { engine, store, linker } = fresh();
    const other = new Store(engine, { calls: 0 });
    expect(() => linker.define(store, 'm', 'g', new Global(other, new GlobalType('i32'), 1))).toThrow(StoreMismatchError);
    linker.define(store, 'm', 'mem', new Memory(store, new MemoryType(1)));
    expect(linker.get(other, 'm', 'mem')).toBeUndefined();
    const m = new Module(engine, '(module (import "m" "mem" (memory 1)))');
    expect(() => linker.instantiate(other, m)).toThrow(StoreMismatchError);
    expect(() => linker.instantiate(new Store(new Engine(), { calls: 0 }), m)).toThrow(UsageError);
  });

  it('aliases definitions and whole modules', () => {
    const { store, linker } = fresh();
    linker.define(store, 'a', 'x', new Global(store, new GlobalType('i32'), 5));
    linker.alias('a', 'x', 'b', 'y');
    linker.aliasModule('a', 'c');
    expect((linker.get(store, 'b', 'y') as Global).get(store)).toBe(5);
    expect((linker.get(store, 'c', 'x') as Global).get(store)).toBe(5);
    expect(() => linker.alias('a', 'nope', 'b', 'z')).toThrow(LinkError);
  });

  it('defines unknown function imports as traps', () => {
    const { engine, store, linker } = fresh();
    const m = new Module(engine, '(module (import "x" "y" (func $f)) (func (export "call") (call $f)) (func (export "ok") (result i32) (i32.const 1)))');
    linker.defineUnknownImportsAsTraps(store, m);
    const inst = linker.instantiate(store, m);
    expect(inst.getFunc(store, 'ok')!.call(store)).toEqual([1]);
    expect(() => inst.getFunc(store, 'call')!.call(store)).toThrow(Trap);
    expect(() => inst.getFunc(store, 'call')!.call(store)).toThrow(/x::y.*has not been defined/);
  });

  it('defines unknown function imports as traps without a store, for every store', () => {
    const { engine, linker } = fresh();
    const m = new Module(engine, '(module (import "x" "y" (func $f)) (func (export "call") (call $f)))');
    linker.defineUnknownImportsAsTraps(m);
    for (const store of [new Store(engine, null), new Store(engine, null)]) {
      const inst = linker.instantiate(store, m);
      expect(() => inst.getFunc(store, 'call')!.call(store)).toThrow(/x::y.*has not been defined/);
    }
  });

  it('defines unknown function imports as default values', () => {
    const { engine, store, linker } = fresh();
    const m = new Module(engine, '(module (import "x" "y" (func $f (result i32 i64 f64 externref))) (func (export "call") (result i32 i64 f64 externref) (call $f)))');
    linker.defineUnknownImportsAsDefaultValues(store, m);
    expect(linker.instantiate(store, m).getFunc(store, 'call')!.call(store)).toEqual([0, 0n, 0, null]);
    const bad = new Module(engine, '(module (import "x" "z" (func (result (ref func)))))');
    expect(() => linker.defineUnknownImportsAsDefaultValues(store, bad)).toThrow(/no default value/);
  });

  it('module(): reactors are instantiated once and initialised', () => {
    const { engine, store, linker } = fresh();
    const reactor = new Module(
      engine,
      `(module (global $n (mut i32) (i32.const 0))
        (func (export "_initialize") (global.set $n (i32.const 100)))
        (func (export "next") (result i32) (global.set $n (i32.add (global.get $n) (i32.const 1))) (global.get $n)))`,
    );
    linker.module(store, 'r', reactor);
    const next = linker.get(store, 'r', 'next') as Func;
    expect(next.call(store)).toEqual([101]);
    expect(next.call(store)).toEqual([102]);
  });

  it('module(): commands get a fresh instance per call; getDefault finds _start', () => {
    const { engine, store, linker } = fresh();
    let starts = 0;
    linker.funcWrap('host', 'started', {}, () => void starts++);
    const command = new Module(
      engine,
      `(module (import "host" "started" (func $s)) (global $n (mut i32) (i32.const 0))
        (func (export "_start") (call $s))
        (func (export "bump") (result i32) (global.set $n (i32.add (global.get $n) (i32.const 1))) (global.get $n)))`,
    );
    linker.module(store, 'cmd', command);
    const bump = linker.get(store, 'cmd', 'bump') as Func;
    expect(bump.call(store)).toEqual([1]);
    expect(bump.call(store)).toEqual([1]);
    linker.getDefault(store, 'cmd').call(store);
    expect(starts).toBe(1);
    expect(linker.getDefault(store, 'nothing').call(store)).toEqual([]);
  });
});
