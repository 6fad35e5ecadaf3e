import { beforeAll, describe, expect, it } from 'vitest';
import { DecodeError } from '@wasmtide/parser';
import {
  AnyRef,
  Config,
  Engine,
  ExternRef,
  Func,
  FuncType,
  Global,
  GlobalType,
  Instance,
  LinkError,
  loadTextParser,
  Memory,
  MemoryType,
  Module,
  RefType,
  SerializationError,
  Store,
  StoreLimits,
  StoreMismatchError,
  Table,
  TableType,
  Tag,
  TagType,
  ThrownException,
  Trap,
  UsageError,
  ValueTypeError,
  WasmtideError,
  ResourceLimitError,
  formatBacktrace,
  F32Bits,
  F64Bits,
  f32ToBits,
  f64ToBits,
  type Extern,
} from './index.js';

beforeAll(async () => {
  await loadTextParser();
});

function setup<T = null>(wat: string, imports: (s: Store<T>) => Extern[] = () => [], data: T = null as T, config?: Config) {
  const engine = new Engine(config);
  const store = new Store<T>(engine, data);
  const module = new Module(engine, wat);
  const instance = new Instance(store, module, imports(store));
  return { engine, store, module, instance };
}

describe('Config and Engine', () => {
  it('snapshots the configuration at engine creation', () => {
    const c = new Config().consumeFuel(true);
    const e = new Engine(c);
    c.consumeFuel(false).wasmSimd(false);
    expect(e.config.consumeFuel).toBe(true);
    expect(e.config.features.simd).toBe(true);
    expect(Object.isFrozen(e.config)).toBe(true);
  });
  it.each([
    ['unknown feature', () => new Config().wasmFeatures({ nope: true } as never)],
    ['zero call depth', () => new Config().maxCallDepth(0)],
    ['negative memory size', () => new Config().maxMemorySize(-1)],
  ])('rejects %s', (_n, f) => {
    expect(f).toThrow();
  });
  it('disabling a feature makes modules using it invalid', () => {
    const e = new Engine(new Config().wasmSimd(false));
    expect(() => new Module(e, '(module (func (result v128) v128.const i32x4 0 0 0 0))')).toThrow(WasmtideError);
  });
  it('counts epochs', () => {
    const e = new Engine();
    e.incrementEpoch();
    e.incrementEpoch();
    expect(e.epoch).toBe(2);
  });
});

describe('Module', () => {
  const wat = `(module $m
    (type $t (func (param i32) (result i64)))
    (import "env" "f" (func (type $t)))
    (import "env" "g" (global (mut f32)))
    (import "env" "mem" (memory 1 2))
    (import "env" "tab" (table 3 funcref))
    (func (export "h") (type $t) (i64.extend_i32_s (local.get 0)))
    (global (export "k") i64 (i64.const 7))
    (memory (export "m") 1)
    (table (export "t") 2 externref))`;

  it('describes imports and exports with full types', () => {
    const m = new Module(new Engine(), wat);
    expect(m.imports().map((i) => `${i.module}::${i.name} ${i.ty}`)).toEqual([
      'env::f (func (param i32) (result i64))',
      'env::g (global (mut f32))',
      'env::mem (memory 1 2)',
      'env::tab (table 3 funcref)',
    ]);
    expect(m.exports().map((e) => `${e.name} ${e.ty}`)).toEqual(['h (func (param i32) (result i64))', 'k (global i64)', 'm (memory 1)', 't (table 2 externref)']);
    expect(m.getExport('h')).toBeInstanceOf(FuncType);
    expect(m.getExport('nope')).toBeUndefined();
  });

  it('reports malformed and invalid input with typed errors', () => {
    const e = new Engine();
    expect(() => new Module(e, new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]))).toThrow(DecodeError);
    expect(() => Module.validate(e, new Uint8Array([1, 2, 3, 4]))).toThrow(DecodeError);
    try {
      new Module(e, '(module (func (result i32) (i64.const 0)))');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(WasmtideError);
      expect((err as WasmtideError).code).toBe('invalid');
    }
  });

  it('serializes and deserializes', () => {
    const engine = new Engine();
    const m = new Module(engine, '(module (func (export "f") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3))))');
    const bytes = m.serialize();
    const m2 = Module.deserialize(engine, bytes);
    const store = new Store(engine, null);
    expect(new Instance(store, m2, []).getFunc(store, 'f')!.call(store, [5])).toEqual([15]);
    expect(m2.exports().map((x) => x.name)).toEqual(['f']);
  });

  it('serializes a lazily compiled module with every function generated, before or after calls', () => {
    const engine = new Engine(new Config().lazyCompilation(true));
    const wat = `(module (memory 1) (data (i32.const 16) "\\2a")
      (func $g (result i32) (i32.load8_u (i32.const 16)))
      (func (export "f") (param i32) (result i32) (i32.add (call $g) (local.get 0)))
      (func (export "h") (result i32) (i32.const 7)))`;
    const m = new Module(engine, wat);
    const store = new Store(engine, null);
    const before = m.serialize();
    expect(new Instance(store, m, []).getFunc(store, 'f')!.call(store, [1])).toEqual([43]);
    const after = m.serialize();
    expect(after).toEqual(before);
    const text = new TextDecoder().decode(after);
    expect(text).toContain('"lazyFuncs"');
    const m2 = Module.deserialize(engine, after);
    const i2 = new Instance(store, m2, []);
    expect(i2.getFunc(store, 'f')!.call(store, [2])).toEqual([44]);
    expect(i2.getFunc(store, 'h')!.call(store, [])).toEqual([7]);
  });

  it.each<[string, (b: Uint8Array) => Uint8Array, RegExp]>([
    ['bad header', (b) => b.map((x, i) => (i === 0 ? 0 : x)), /bad header/],
    ['format version', (b) => b.map((x, i) => (i === 4 ? 99 : x)), /format version 99/],
    ['ABI version', (b) => b.map((x, i) => (i === 8 ? 99 : x)), /ABI version 99/],
    ['truncation', (b) => b.slice(0, b.length - 3), /truncated/],
    ['corruption', (b) => b.map((x, i) => (i === b.length - 2 ? x ^ 1 : x)), /checksum/],
    ['too short', () => new Uint8Array(3), /bad header/],
  ])('deserialize rejects %s', (_n, mutate, msg) => {
    const engine = new Engine();
    const bytes = new Module(engine, '(module (func (export "f")))').serialize();
    expect(() => Module.deserialize(engine, mutate(bytes))).toThrow(SerializationError);
    expect(() => Module.deserialize(engine, mutate(bytes))).toThrow(msg);
  });

  it('deserialize rejects code compiled with other settings', () => {
    const bytes = new Module(new Engine(), '(module)').serialize();
    expect(() => Module.deserialize(new Engine(new Config().consumeFuel(true)), bytes)).toThrow(/fuel/);
  });
});

describe('Instance and linking errors', () => {
  const wat = `(module
    (import "env" "f" (func (param i32)))
    (import "env" "g" (global i32))
    (import "env" "m" (memory 1 2))
    (import "env" "t" (table 2 funcref)))`;
  type Imp = [Extern, Extern, Extern, Extern];
  const good = (s: Store<null>): Imp => [
    Func.wrap(s, { params: ['i32'] }, () => undefined),
    new Global(s, new GlobalType('i32'), 1),
    new Memory(s, new MemoryType(1, 2)),
    new Table(s, new TableType('funcref', 2), null),
  ];

  it('instantiates with matching imports', () => {
    const engine = new Engine();
    const store = new Store(engine, null);
    expect(new Instance(store, new Module(engine, wat), good(store))).toBeInstanceOf(Instance);
  });

  it.each<[string, (s: Store<null>, i: Imp) => Extern[], RegExp]>([
    ['too few imports', (_s, i) => i.slice(0, 3), /expected 4 imports, got 3/],
    ['a global for a func', (s, i) => [new Global(s, new GlobalType('i32'), 0), i[1], i[2], i[3]], /env::f: incompatible import type/],
    ['a func of another type', (s, i) => [Func.wrap(s, { params: ['i64'] }, () => undefined), i[1], i[2], i[3]], /env::f: incompatible import type.*\(param i64\)/],
    ['a mutable global', (s, i) => [i[0], new Global(s, new GlobalType('i32', true), 0), i[2], i[3]], /env::g: incompatible import type/],
    ['a global of another type', (s, i) => [i[0], new Global(s, new GlobalType('f32'), 0), i[2], i[3]], /env::g/],
    ['a memory without maximum', (s, i) => [i[0], i[1], new Memory(s, new MemoryType(1)), i[3]], /env::m: incompatible import type/],
    ['a memory with a larger maximum', (s, i) => [i[0], i[1], new Memory(s, new MemoryType(1, 3)), i[3]], /env::m/],
    ['a 64-bit memory', (s, i) => [i[0], i[1], new Memory(s, new MemoryType({ minimum: 1, maximum: 2, is64: true })), i[3]], /env::m/],
    ['a smaller table', (s, i) => [i[0], i[1], i[2], new Table(s, new TableType('funcref', 1), null)], /env::t/],
    ['an externref table', (s, i) => [i[0], i[1], i[2], new Table(s, new TableType('externref', 2), null)], /env::t/],
  ])('rejects %s with a LinkError', (_n, mk, msg) => {
    const engine = new Engine();
    const store = new Store(engine, null);
    const m = new Module(engine, wat);
    let err: unknown;
    try {
      new Instance(store, m, mk(store, good(store)));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LinkError);
    expect((err as LinkError).code).toBe('link');
    expect((err as LinkError).message).toMatch(msg);
  });

  it('accepts a grown memory whose current size meets the minimum', () => {
    const engine = new Engine();
    const store = new Store(engine, null);
    const mem = new Memory(store, new MemoryType(0, 2));
    mem.grow(store, 1);
    const m = new Module(engine, '(module (import "env" "m" (memory 1 2)))');
    expect(() => new Instance(store, m, [mem])).not.toThrow();
  });

  it('rejects imports from another store', () => {
    const engine = new Engine();
    const a = new Store(engine, null);
    const b = new Store(engine, null);
    const m = new Module(engine, '(module (import "env" "f" (func)))');
    expect(() => new Instance(a, m, [Func.wrap(b, {}, () => undefined)])).toThrow(StoreMismatchError);
  });

  it('rejects a module of another engine', () => {
    const m = new Module(new Engine(), '(module)');
    expect(() => new Instance(new Store(new Engine(), null), m, [])).toThrow(UsageError);
  });

  it('reports traps in the start function and in segment initialisation', () => {
    const engine = new Engine();
    const store = new Store(engine, null);
    const start = new Module(engine, '(module (func $s unreachable) (start $s))');
    expect(() => new Instance(store, start, [])).toThrow(Trap);
    const seg = new Module(engine, '(module (memory 1) (data (i32.const 65535) "ab"))');
    try {
      new Instance(store, seg, []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Trap);
      expect((e as Trap).trapCode).toBe('out of bounds memory access');
    }
  });

  it('returns exports by kind and keeps their identity', () => {
    const { store, instance } = setup(`(module (func (export "f")) (memory (export "m") 1) (global (export "g") (mut i32) (i32.const 4)) (table (export "t") 1 funcref) (tag (export "e") (param i32)))`);
    expect(instance.getFunc(store, 'f')).toBe(instance.getFunc(store, 'f'));
    expect(instance.getMemory(store, 'm')).toBeInstanceOf(Memory);
    expect(instance.getGlobal(store, 'g')!.get(store)).toBe(4);
    expect(instance.getTable(store, 't')!.size(store)).toBe(1);
    expect(instance.getTag(store, 'e')).toBeInstanceOf(Tag);
    expect(instance.getFunc(store, 'm')).toBeUndefined();
    expect(instance.exports(store).map((e) => e.name)).toEqual(['f', 'm', 'g', 't', 'e']);
  });
});

describe('Func', () => {
  const wat = `(module
    (import "env" "h" (func $h (param i32 i64) (result i64)))
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "callh") (param i32 i64) (result i64) (call $h (local.get 0) (local.get 1)))
    (func (export "swap") (param i64 f64) (result f64 i64) (local.get 1) (local.get 0))
    (func (export "id-ext") (param externref) (result externref) (local.get 0))
    (func (export "id-func") (param funcref) (result funcref) (local.get 0))
    (func (export "f32") (param f32) (result f32) (local.get 0)))`;
  let hostImpl: (a: number, b: bigint) => unknown = (a, b) => BigInt(a) + b;
  const mk = () => setup(wat, (s) => [Func.wrap(s, { params: ['i32', 'i64'], results: ['i64'] }, (_c, a: number, b: bigint) => hostImpl(a, b))]);

  it('calls with checked values', () => {
    const { store, instance } = mk();
    expect(instance.getFunc(store, 'add')!.call(store, [2, 3])).toEqual([5]);
    expect(instance.getFunc(store, 'add')!.call(store, [0x7fffffff, 1])).toEqual([-0x80000000]);
    expect(instance.getFunc(store, 'callh')!.call(store, [1, (1n << 62n) - 1n])).toEqual([1n << 62n]);
    expect(instance.getFunc(store, 'swap')!.call(store, [-5n, 1.5])).toEqual([1.5, -5n]);
    expect(instance.getFunc(store, 'f32')!.call(store, [1.1])).toEqual([Math.fround(1.1)]);
  });

  it('keeps signalling NaN payloads across the boundary', () => {
    const wat2 = `(module (import "h" "f" (func $h (param f32 f64) (result f32)))
      (func (export "id32") (param f32) (result f32) (local.get 0))
      (func (export "id64") (param f64) (result f64) (local.get 0))
      (func (export "via") (param f32 f64) (result f32) (call $h (local.get 0) (local.get 1))))`;
    let seen = 0n;
    const { store, instance } = setup(wat2, (s) => [
      Func.wrap(s, { params: ['f32', 'f64'], results: ['f32'] }, (_c, a: number, b: number) => {
        seen = f64ToBits(b);
        return a;
      }),
    ]);
    const snan32 = new F32Bits(0x7fa00001);
    const snan64 = new F64Bits(0xfff0000000000003n);
    expect(f32ToBits(instance.getFunc(store, 'id32')!.call(store, [snan32])[0] as number)).toBe(0x7fa00001);
    expect(f64ToBits(instance.getFunc(store, 'id64')!.call(store, [snan64])[0] as number)).toBe(0xfff0000000000003n);
    expect(f32ToBits(instance.getFunc(store, 'via')!.call(store, [snan32, snan64])[0] as number)).toBe(0x7fa00001);
    expect(seen).toBe(0xfff0000000000003n);
    expect(f32ToBits(instance.getTypedFunc(store, 'id32', ['f32'], ['f32']).call(store, snan32 as never) as number)).toBe(0x7fa00001);
    expect(f32ToBits(new Global(store, new GlobalType('f32'), snan32).get(store) as number)).toBe(0x7fa00001);
  });

  it('keeps signalling NaN payloads in multi-value results, generic host functions and exception payloads', () => {
    const wat2 = `(module
      (import "h" "g" (func $g (param f32 i64 f64) (result f64 f32)))
      (tag $e (export "e") (param f32 f64))
      (func (export "pair") (param f32 f64) (result f64 f32) (local.get 1) (local.get 0))
      (func (export "viaG") (param f32 f64) (result f64 f32) (call $g (local.get 0) (i64.const 5) (local.get 1)))
      (func (export "throw") (param f32 f64) (throw $e (local.get 0) (local.get 1))))`;
    const seen: (number | bigint)[] = [];
    const { store, instance } = setup(wat2, (s) => [
      new Func(s, { params: ['f32', 'i64', 'f64'], results: ['f64', 'f32'] }, (_c, params) => {
        seen.push(f32ToBits(params[0] as number), params[1] as bigint, f64ToBits(params[2] as number));
        return [new F64Bits(f64ToBits(params[2] as number)), new F32Bits(f32ToBits(params[0] as number))];
      }),
    ]);
    const snan32 = new F32Bits(0xffa0beef);
    const snan64 = new F64Bits(0x7ff000000000beefn);
    const bits = (r: unknown[]) => [f64ToBits(r[0] as number), f32ToBits(r[1] as number)];
    expect(bits(instance.getFunc(store, 'pair')!.call(store, [snan32, snan64]))).toEqual([0x7ff000000000beefn, 0xffa0beef]);
    expect(bits(instance.getFunc(store, 'viaG')!.call(store, [snan32, snan64]))).toEqual([0x7ff000000000beefn, 0xffa0beef]);
    expect(seen).toEqual([0xffa0beef, 5n, 0x7ff000000000beefn]);
    let thrown: unknown;
    try {
      instance.getFunc(store, 'throw')!.call(store, [snan32, snan64]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ThrownException);
    const payload = (thrown as ThrownException).values(store);
    expect([f32ToBits(payload[0] as number), f64ToBits(payload[1] as number)]).toEqual([0xffa0beef, 0x7ff000000000beefn]);
    const created = ThrownException.create(store, instance.getTag(store, 'e')!, [snan32, snan64]).values(store);
    expect([f32ToBits(created[0] as number), f64ToBits(created[1] as number)]).toEqual([0xffa0beef, 0x7ff000000000beefn]);
  });

  it.each<[string, unknown[], RegExp]>([
    ['too few arguments', [1], /expected 2 values, got 1/],
    ['too many arguments', [1, 2, 3], /expected 2 values, got 3/],
    ['a bigint for an i32', [1n, 2], /argument 0: expected i32, got bigint 1/],
    ['a string', [1, '2'], /argument 1: expected i32, got string 2/],
  ])('rejects %s', (_n, args, msg) => {
    const { store, instance } = mk();
    expect(() => instance.getFunc(store, 'add')!.call(store, args as never)).toThrow(ValueTypeError);
    expect(() => instance.getFunc(store, 'add')!.call(store, args as never)).toThrow(msg);
  });

  it('round-trips references with identity', () => {
    const { store, instance } = mk();
    const ext = new ExternRef({ hello: 1 });
    expect(instance.getFunc(store, 'id-ext')!.call(store, [ext])[0]).toBe(ext);
    const plain = instance.getFunc(store, 'id-ext')!.call(store, ['text'])[0] as ExternRef;
    expect(plain).toBeInstanceOf(ExternRef);
    expect(plain.data).toBe('text');
    const add = instance.getFunc(store, 'add')!;
    expect(instance.getFunc(store, 'id-func')!.call(store, [add])[0]).toBe(add);
    expect(instance.getFunc(store, 'id-func')!.call(store, [null])[0]).toBeNull();
    expect(() => instance.getFunc(store, 'id-func')!.call(store, [ext])).toThrow(ValueTypeError);
  });

  it('boxes host numbers given as externref, so any.convert_extern never makes them i31', () => {
    const wat2 = `(module
      (import "h" "n" (func $n (result externref)))
      (table $t (export "t") 1 externref)
      (global $g (export "g") (mut externref) (ref.null extern))
      (func (export "isI31") (param externref) (result i32) (ref.test (ref i31) (any.convert_extern (local.get 0))))
      (func (export "hostIsI31") (result i32) (ref.test (ref i31) (any.convert_extern (call $n))))
      (func (export "tableIsI31") (result i32) (ref.test (ref i31) (any.convert_extern (table.get $t (i32.const 0)))))
      (func (export "globalIsI31") (result i32) (ref.test (ref i31) (any.convert_extern (global.get $g))))
      (func (export "back") (param externref) (result externref) (extern.convert_any (any.convert_extern (local.get 0)))))`;
    const { store, instance } = setup(wat2, (s) => [Func.wrap(s, { results: ['externref'] }, () => 7)]);
    const call = (name: string, args: unknown[] = []) => instance.getFunc(store, name)!.call(store, args as never)[0];
    for (const n of [42, 0, -1, 1.5]) expect(call('isI31', [n])).toBe(0);
    expect(call('hostIsI31')).toBe(0);
    instance.getTable(store, 't')!.set(store, 0, 5 as never);
    expect(call('tableIsI31')).toBe(0);
    instance.getGlobal(store, 'g')!.set(store, 6 as never);
    expect(call('globalIsI31')).toBe(0);
    const back = call('back', [42]) as ExternRef;
    expect(back).toBeInstanceOf(ExternRef);
    expect(back.data).toBe(42);
    expect(back.isAny()).toBe(false);
    // A real i31 made by wasm and externalised stays an i31.
    expect(AnyRef.fromI31(3).toExternRef().toAnyRef().isI31()).toBe(true);
  });

  it('rejects values and functions of another store', () => {
    const { engine, store, instance } = mk();
    const other = new Store(engine, null);
    expect(() => instance.getFunc(other, 'add')).toThrow(StoreMismatchError);
    const foreign = Func.wrap(other, {}, () => undefined);
    expect(() => instance.getFunc(store, 'id-func')!.call(store, [foreign])).toThrow(StoreMismatchError);
  });

  it('typed functions check their signature once', () => {
    const { store, instance } = mk();
    const add = instance.getTypedFunc<[number, number], number>(store, 'add', ['i32', 'i32'], ['i32']);
    expect(add.call(store, 40, 2)).toBe(42);
    const swap = instance.getTypedFunc(store, 'swap', ['i64', 'f64'], ['f64', 'i64']);
    expect(swap.call(store, 1n, 2)).toEqual([2, 1n]);
    expect(() => instance.getTypedFunc(store, 'add', ['i32'], ['i32'])).toThrow(ValueTypeError);
    expect(() => instance.getTypedFunc(store, 'add', ['i32', 'i32'], ['i64'])).toThrow(/type mismatch with results/);
    expect(() => instance.getTypedFunc(store, 'missing', [], [])).toThrow(UsageError);
  });

  it.each<[string, (a: number, b: bigint) => unknown, (e: unknown) => void]>([
    [
      'a wrong result type',
      () => 1.5,
      (e) => {
        expect(e).toBeInstanceOf(ValueTypeError);
        expect((e as Error).message).toMatch(/host function result 0: expected i64, got number 1.5/);
      },
    ],
    [
      'too many results',
      () => [1n, 2n],
      (e) => {
        expect(e).toBeInstanceOf(ValueTypeError);
        expect((e as Error).message).toMatch(/returned 2 values, expected 1/);
      },
    ],
    [
      'a thrown Error (wrapped as a host-error trap)',
      () => {
        throw new Error('boom');
      },
      (e) => {
        expect(e).toBeInstanceOf(Trap);
        expect((e as Trap).trapCode).toBe('host error');
        expect(((e as Trap).cause as Error).message).toBe('boom');
      },
    ],
    [
      'a thrown Trap (propagated as is)',
      () => {
        throw new Trap('unreachable');
      },
      (e) => {
        expect(e).toBeInstanceOf(Trap);
        expect((e as Trap).trapCode).toBe('unreachable');
      },
    ],
  ])('a host function returning %s', (_n, impl, check) => {
    const { store, instance } = mk();
    hostImpl = impl;
    try {
      instance.getFunc(store, 'callh')!.call(store, [1, 2n]);
      expect.unreachable();
    } catch (e) {
      check(e);
    } finally {
      hostImpl = (a, b) => BigInt(a) + b;
    }
  });

  it('gives host functions a Caller with the calling instance and the store data', () => {
    const wat2 = `(module (import "env" "read" (func $r (param i32 i32) (result i32)))
      (memory (export "memory") 1) (data (i32.const 8) "caller!")
      (func (export "go") (result i32) (call $r (i32.const 8) (i32.const 7))))`;
    const { store, instance } = setup<{ seen: string }>(
      wat2,
      (s) => [
        new Func(s, { params: ['i32', 'i32'], results: ['i32'] }, (caller, [p, n]) => {
          const mem = caller.getExport('memory') as Memory;
          caller.data.seen = mem.readString(caller, p as number, n as number);
          return [n];
        }),
      ],
      { seen: '' },
    );
    expect(instance.getFunc(store, 'go')!.call(store)).toEqual([7]);
    expect(store.data.seen).toBe('caller!');
  });

  it('fills the trap backtrace with wasm frames', () => {
    const { store, instance } = setup(`(module (func $a unreachable) (func (export "b") (call 0)))`);
    try {
      instance.getFunc(store, 'b')!.call(store);
      expect.unreachable();
    } catch (e) {
      const t = e as Trap;
      expect(t.trapCode).toBe('unreachable');
      expect(t.backtrace.map((f) => f.funcIndex)).toEqual([0, 1]);
      expect(t.backtrace[0]!.funcName).toBe('a');
      expect(formatBacktrace(t)).toMatch(/^  0: a\n  1: (<wasm function 1>|b)$/);
    }
  });

  it('names backtrace frames from the name section', () => {
    const ascii = (t: string) => [...t].map((ch) => ch.charCodeAt(0));
    const names = [0x04, ...ascii('name'), 0x00, 0x05, 0x04, ...ascii('demo'), 0x01, 0x0f, 0x02, 0x00, 0x05, ...ascii('inner'), 0x01, 0x05, ...ascii('outer')];
    const bytes = new Uint8Array([
      ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
      ...[0x03, 0x03, 0x02, 0x00, 0x00],
      ...[0x07, 0x05, 0x01, 0x01, 0x62, 0x00, 0x01],
      ...[0x0a, 0x0a, 0x02, 0x03, 0x00, 0x00, 0x0b, 0x04, 0x00, 0x10, 0x00, 0x0b],
      ...[0x00, names.length, ...names],
    ]);
    const engine = new Engine();
    const store = new Store(engine, null);
    const module = Module.fromBinary(engine, bytes);
    expect(module.name).toBe('demo');
    try {
      new Instance(store, module, []).getFunc(store, 'b')!.call(store);
      expect.unreachable();
    } catch (e) {
      const t = e as Trap;
      expect(t.backtrace.map((f) => [f.moduleName, f.funcName])).toEqual([
        ['demo', 'inner'],
        ['demo', 'outer'],
      ]);
      expect(formatBacktrace(t)).toBe('  0: demo!inner\n  1: demo!outer');
    }
  });

  it('traps with call stack exhausted on runaway recursion (engine limit and configured depth)', () => {
    for (const config of [new Config(), new Config().maxCallDepth(50)]) {
      const { store, instance } = setup(`(module (func $f (export "f") (call $f)))`, undefined, null, config);
      let err: unknown;
      try {
        instance.getFunc(store, 'f')!.call(store);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Trap);
      expect((err as Trap).trapCode).toBe('call stack exhausted');
    }
  });

  describe('with maxCallDepth', () => {
    // `down n` recurses n levels below itself: n + 1 wasm frames in all.
    const wat = `(module
      (import "h" "reenter" (func $reenter (param i32) (result i32)))
      (func $down (export "down") (param i32) (result i32)
        (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
          (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
      (func (export "viaHost") (param i32) (result i32) (call $reenter (local.get 0)))
      (func (export "start") (param i32) (result i32) (call $down (local.get 0))))`;
    const make = (limit: number) => {
      const engine = new Engine(new Config().maxCallDepth(limit));
      const store = new Store(engine, null);
      let inst: Instance | null = null;
      // A host function that calls back into wasm and swallows the trap it gets.
      const reenter = Func.wrap(store, { params: ['i32'], results: ['i32'] }, (_c, n: number) => {
        try {
          return inst!.getFunc(store, 'down')!.call(store, [n])[0] as number;
        } catch (e) {
          return e instanceof Trap && e.trapCode === 'call stack exhausted' ? -1 : -2;
        }
      });
      inst = new Instance(store, new Module(engine, wat), [reenter]);
      return { store, instance: inst };
    };
    const trapOf = (f: () => unknown): string | null => {
      try {
        f();
        return null;
      } catch (e) {
        return e instanceof Trap ? e.trapCode : `not a trap: ${String(e)}`;
      }
    };

    it('allows exactly the configured depth and traps one frame beyond it, every time', () => {
      const { store, instance } = make(100);
      const down = instance.getFunc(store, 'down')!;
      const typed = instance.getTypedFunc(store, 'down', ['i32'], ['i32']);
      for (let round = 0; round < 3; round++) {
        expect(down.call(store, [99])).toEqual([99]); // 100 frames
        expect(trapOf(() => down.call(store, [100]))).toBe('call stack exhausted'); // 101 frames
        expect(typed.call(store, 99)).toBe(99);
        expect(trapOf(() => typed.call(store, 100000))).toBe('call stack exhausted');
      }
    });

    it('restores the depth after a trap, also when a host function catches one from a nested call', () => {
      const { store, instance } = make(100);
      // viaHost (1) + host + down n (n + 1): the nested call traps beyond 98.
      expect(instance.getFunc(store, 'viaHost')!.call(store, [98])).toEqual([98]);
      expect(instance.getFunc(store, 'viaHost')!.call(store, [99])).toEqual([-1]);
      expect(instance.getFunc(store, 'viaHost')!.call(store, [98])).toEqual([98]);
      expect(instance.getFunc(store, 'down')!.call(store, [99])).toEqual([99]);
    });

    it('counts the depth per store call chain, not across separate calls', () => {
      const { store, instance } = make(10);
      for (let i = 0; i < 50; i++) expect(trapOf(() => instance.getFunc(store, 'down')!.call(store, [10]))).toBe('call stack exhausted');
      expect(instance.getFunc(store, 'down')!.call(store, [9])).toEqual([9]);
    });

    it('restores the depth when a start function traps', () => {
      const { store, instance } = make(10);
      const engine = store.engine;
      const runaway = new Module(engine, '(module (func $s (call $s)) (start $s))');
      for (let i = 0; i < 20; i++) expect(trapOf(() => new Instance(store, runaway, []))).toBe('call stack exhausted');
      expect(instance.getFunc(store, 'down')!.call(store, [9])).toEqual([9]);
    });
  });
});

describe('fuel and epochs', () => {
  const wat = `(module (func (export "spin") (loop $l (br $l))) (func (export "nop"))
    (func (export "ten") (local $i i32) (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1))) (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))))`;
  it('traps when fuel runs out and reports the remaining fuel', () => {
    const { store, instance } = setup(wat, undefined, null, new Config().consumeFuel(true));
    store.setFuel(10_000);
    instance.getFunc(store, 'ten')!.call(store);
    expect(store.getFuel()).toBeLessThan(10_000);
    expect(() => instance.getFunc(store, 'spin')!.call(store)).toThrow(/all fuel consumed/);
    expect(store.getFuel()).toBe(0);
  });
  it('interrupts at the epoch deadline', () => {
    const { engine, store, instance } = setup(wat, undefined, null, new Config().epochInterruption(true));
    store.setEpochDeadline(1);
    instance.getFunc(store, 'nop')!.call(store);
    engine.incrementEpoch();
    expect(() => instance.getFunc(store, 'spin')!.call(store)).toThrow(/interrupt/);
  });
  it('refuses fuel and epoch calls when not configured', () => {
    const store = new Store(new Engine(), null);
    expect(() => store.setFuel(1)).toThrow(UsageError);
    expect(() => store.getFuel()).toThrow(UsageError);
    expect(() => store.setEpochDeadline(1)).toThrow(UsageError);
  });
});

describe('Memory, Table, Global, Tag', () => {
  it('memory: size, grow, read and write, bounds', () => {
    const store = new Store(new Engine(), null);
    const m = new Memory(store, new MemoryType(1, 3));
    expect(m.size(store)).toBe(1);
    expect(m.dataSize(store)).toBe(65536);
    m.write(store, 10, [1, 2, 3]);
    expect([...m.read(store, 9, 5)]).toEqual([0, 1, 2, 3, 0]);
    m.writeI32(store, 100, -2);
    expect(m.readU32(store, 100)).toBe(0xfffffffe);
    m.writeI64(store, 200, -3n);
    expect(m.readI64(store, 200)).toBe(-3n);
    m.writeF64(store, 300, 1.25);
    expect(m.readF64(store, 300)).toBe(1.25);
    expect(m.writeString(store, 400, 'héllo')).toBe(6);
    expect(m.readString(store, 400, 6)).toBe('héllo');
    expect(m.grow(store, 2)).toBe(1);
    expect(m.size(store)).toBe(3);
    expect(() => m.grow(store, 1)).toThrow(UsageError);
    expect(() => m.read(store, 3 * 65536 - 1, 2)).toThrow(/out of bounds/);
    expect(() => m.write(store, -1, [0])).toThrow(UsageError);
  });

  it('memory: the resource limiter refuses growth in wasm and at creation', () => {
    const { store, instance } = setup('(module (memory (export "m") 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))');
    store.limiter(new StoreLimits({ memorySize: 2 * 65536 }));
    const grow = instance.getTypedFunc<[number], number>(store, 'grow', ['i32'], ['i32']);
    expect(grow.call(store, 1)).toBe(1);
    expect(grow.call(store, 1)).toBe(-1);
    expect(() => new Memory(store, new MemoryType(3))).toThrow(ResourceLimitError);
    store.limiter(new StoreLimits({ memories: 0 }));
    expect(() => new Memory(store, new MemoryType(0))).toThrow(ResourceLimitError);
  });

  it('memory: engine-wide maximum size', () => {
    const store = new Store(new Engine(new Config().maxMemorySize(65536)), null);
    expect(() => new Memory(store, new MemoryType(2))).toThrow(ResourceLimitError);
    const m = new Memory(store, new MemoryType(1));
    expect(() => m.grow(store, 1)).toThrow(UsageError);
  });

  it('table: get, set, grow, fill, type checks', () => {
    const store = new Store(new Engine(), null);
    const f = Func.wrap(store, {}, () => undefined);
    const t = new Table(store, new TableType('funcref', 2, 4), null);
    expect(t.get(store, 0)).toBeNull();
    t.set(store, 1, f);
    expect(t.get(store, 1)).toBe(f);
    expect(t.grow(store, 2, f)).toBe(2);
    expect(t.get(store, 3)).toBe(f);
    expect(() => t.grow(store, 1)).toThrow(UsageError);
    t.fill(store, 0, null, 4);
    expect(t.get(store, 3)).toBeNull();
    expect(() => t.get(store, 4)).toThrow(/out of bounds table access/);
    expect(() => t.set(store, 0, new ExternRef(1))).toThrow(ValueTypeError);
    const nonNull = new RefType(false, 'func');
    expect(() => new Table(store, new TableType(nonNull, 1), null)).toThrow(ValueTypeError);
    expect(new Table(store, new TableType(nonNull, 1), f).get(store, 0)).toBe(f);
  });

  it('global: get, set, mutability and types', () => {
    const store = new Store(new Engine(), null);
    const g = new Global(store, new GlobalType('i64', true), 5n);
    expect(g.get(store)).toBe(5n);
    g.set(store, -1n);
    expect(g.get(store)).toBe(-1n);
    expect(() => g.set(store, 1.5)).toThrow(ValueTypeError);
    const c = new Global(store, new GlobalType('f64'), 2.5);
    expect(() => c.set(store, 1)).toThrow(UsageError);
    expect(c.ty(store).toString()).toBe('(global f64)');
    const a = new Global(store, new GlobalType('anyref', true), AnyRef.fromI31(-3));
    expect((a.get(store) as AnyRef).i31GetS()).toBe(-3);
  });

  it('a global shared between host and wasm', () => {
    let g: Global | null = null;
    const { store, instance } = setup(`(module (import "env" "g" (global $g (mut i32))) (export "g" (global $g)) (func (export "inc") (global.set $g (i32.add (global.get $g) (i32.const 1)))))`, (s) => [
      (g = new Global(s, new GlobalType('i32', true), 41)),
    ]);
    instance.getFunc(store, 'inc')!.call(store);
    expect(g!.get(store)).toBe(42);
    expect(instance.getGlobal(store, 'g')).toBe(g);
  });

  it('tags and exceptions cross the boundary both ways', () => {
    const wat = `(module
      (import "env" "thrower" (func $thrower (param i32)))
      (tag $e (export "e") (param i32))
      (func (export "throw") (param i32) (throw $e (local.get 0)))
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $e $h) (call $thrower (local.get 0)))
          (i32.const -1))))`;
    const engine = new Engine();
    const store = new Store(engine, null);
    const module = new Module(engine, wat);
    let tag: Tag | null = null;
    const thrower = Func.wrap(store, { params: ['i32'] }, (_c, n: number) => {
      throw ThrownException.create(store, tag!, [n * 2]);
    });
    const instance = new Instance(store, module, [thrower]);
    tag = instance.getTag(store, 'e')!;
    expect(tag.ty(store).ty.params).toEqual(['i32']);
    try {
      instance.getFunc(store, 'throw')!.call(store, [7]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ThrownException);
      expect((e as ThrownException).tag(store)).toBe(tag);
      expect((e as ThrownException).values(store)).toEqual([7]);
    }
    expect(instance.getFunc(store, 'catch')!.call(store, [21])).toEqual([42]);
    expect(() => ThrownException.create(store, tag, [1n])).toThrow(ValueTypeError);
    expect(new Tag(store, new TagType(new FuncType(['i32'])))).not.toBe(tag);
  });
});

describe('types across modules', () => {
  it('canonicalises equal function types so call_indirect and imports accept them', () => {
    const engine = new Engine();
    const store = new Store(engine, null);
    const a = new Instance(store, new Module(engine, '(module (type (func (param i32) (result i32))) (func (export "f") (type 0) (local.get 0)))'), []);
    const f = a.getFunc(store, 'f')!;
    expect(f.ty(store)).toBe(Func.wrap(store, { params: ['i32'], results: ['i32'] }, (_c, x: number) => x).ty(store));
    const b = new Module(
      engine,
      `(module (type $t (func (param i32) (result i32))) (import "a" "f" (func (type $t))) (table 1 funcref) (elem (i32.const 0) func 0)
        (func (export "ci") (param i32) (result i32) (call_indirect (type $t) (local.get 0) (i32.const 0))))`,
    );
    const host = Func.wrap(store, { params: ['i32'], results: ['i32'] }, (_c, x: number) => x + 1);
    expect(new Instance(store, b, [host]).getFunc(store, 'ci')!.call(store, [1])).toEqual([2]);
    expect(new Instance(store, b, [f]).getFunc(store, 'ci')!.call(store, [1])).toEqual([1]);
  });
});
