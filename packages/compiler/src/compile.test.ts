import { describe, expect, it } from 'vitest';
import { Trap } from './trap.js';
import { instantiateWat } from './testing/harness.test-helper.js';
import { GlobalInstance, parseWasmFrames } from './abi.js';

describe('compileModule: numeric', () => {
  const m = instantiateWat(`(module
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
    (func (export "rem_u") (param i32 i32) (result i32) (i32.rem_u (local.get 0) (local.get 1)))
    (func (export "rotl") (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
    (func (export "ctz") (param i32) (result i32) (i32.ctz (local.get 0)))
    (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
    (func (export "sub64") (param i64 i64) (result i64) (i64.sub (local.get 0) (local.get 1)))
    (func (export "mul64") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
    (func (export "shl64") (param i64 i64) (result i64) (i64.shl (local.get 0) (local.get 1)))
    (func (export "shr_s64") (param i64 i64) (result i64) (i64.shr_s (local.get 0) (local.get 1)))
    (func (export "shr_u64") (param i64 i64) (result i64) (i64.shr_u (local.get 0) (local.get 1)))
    (func (export "lt_u64") (param i64 i64) (result i32) (i64.lt_u (local.get 0) (local.get 1)))
    (func (export "le_s64") (param i64 i64) (result i32) (i64.le_s (local.get 0) (local.get 1)))
    (func (export "f32add") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
    (func (export "f64min") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
    (func (export "conv") (param i64) (result f64) (f64.convert_i64_u (local.get 0)))
  )`);
  const cases: [string, unknown[], unknown][] = [
    ['add', [1, 2], 3],
    ['add', [0x7fffffff, 1], -0x80000000],
    ['div_s', [-7, 2], -3],
    ['rem_u', [-1, 10], 5],
    ['rotl', [0x80000001 | 0, 1], 3],
    ['ctz', [8], 3],
    ['ctz', [0], 32],
    ['add64', [0xffffffffn, 1n], 0x100000000n],
    ['add64', [-1n, -1n], -2n],
    ['sub64', [0n, 1n], -1n],
    ['sub64', [0x100000000n, 1n], 0xffffffffn],
    ['mul64', [0x123456789n, 0x987654321n], BigInt.asIntN(64, 0x123456789n * 0x987654321n)],
    ['shl64', [1n, 63n], -0x8000000000000000n],
    ['shl64', [0x1234n, 36n], 0x1234n << 36n],
    ['shl64', [5n, 64n], 5n],
    ['shr_s64', [-0x100000000n, 4n], -0x10000000n],
    ['shr_s64', [-1n, 40n], -1n],
    ['shr_u64', [-1n, 40n], 0xffffffn],
    ['lt_u64', [1n, -1n], 1],
    ['le_s64', [-1n, 1n], 1],
    ['le_s64', [5n, 5n], 1],
    ['f32add', [0.1, 0.2], Math.fround(Math.fround(0.1) + Math.fround(0.2))],
    ['f64min', [0, -0], -0],
    ['conv', [-1n], 18446744073709551616],
  ];
  it.each(cases)('%s(%s)', (name, args, want) => {
    expect(m.fn[name]!(...args)).toStrictEqual(want);
  });
  it('traps on division by zero and overflow', () => {
    expect(() => m.fn['div_s']!(1, 0)).toThrow('integer divide by zero');
    expect(() => m.fn['div_s']!(-0x80000000, -1)).toThrow('integer overflow');
    expect(() => m.fn['div_s']!(1, 0)).toThrow(Trap);
  });
});

describe('compileModule: control flow', () => {
  const m = instantiateWat(`(module
    (func $fac (export "fac") (param i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0))
        (then (i64.const 1))
        (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
    (func (export "loop") (param i32) (result i32) (local i32)
      (block $done
        (loop $l
          (br_if $done (i32.eqz (local.get 0)))
          (local.set 1 (i32.add (local.get 1) (local.get 0)))
          (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
          (br $l)))
      (local.get 1))
    (func (export "table") (param i32) (result i32)
      (block $c (block $b (block $a
        (br_table $a $b $c (local.get 0)))
        (return (i32.const 10)))
        (return (i32.const 20)))
      (i32.const 30))
    (func (export "multi") (param i32) (result i32 i64 f64)
      (local.get 0) (i64.extend_i32_s (local.get 0)) (f64.convert_i32_s (local.get 0)))
    (func (export "swap") (param i32 i32) (result i32 i32)
      (local.get 0) (local.get 1) (block (param i32 i32) (result i32 i32) (local.set 0) (local.set 1) (local.get 0) (local.get 1)))
    (func (export "tee") (param i32) (result i32)
      (local.get 0) (local.tee 0 (i32.const 5)) (i32.add))
    (func (export "select64") (param i32) (result i64)
      (select (i64.const -1) (i64.const 7) (local.get 0)))
    (func (export "unreach") unreachable)
  )`);
  it('recursion with i64', () => {
    expect(m.fn['fac']!(20n)).toBe(2432902008176640000n);
  });
  it('loops and br_if', () => {
    expect(m.fn['loop']!(100)).toBe(5050);
  });
  it('br_table', () => {
    expect([0, 1, 2, 3, -1].map((i) => m.fn['table']!(i))).toEqual([10, 20, 30, 30, 30]);
  });
  it('multi-value results and block params', () => {
    expect(m.fn['multi']!(-3)).toEqual([-3, -3n, -3]);
    expect(m.fn['swap']!(1, 2)).toEqual([2, 1]);
  });
  it('local.tee does not disturb earlier reads of the local', () => {
    expect(m.fn['tee']!(1)).toBe(6);
  });
  it('select of i64', () => {
    expect(m.fn['select64']!(1)).toBe(-1n);
    expect(m.fn['select64']!(0)).toBe(7n);
  });
  it('unreachable traps', () => {
    expect(() => m.fn['unreach']!()).toThrow('unreachable');
  });
  it('deep recursion is call stack exhausted', () => {
    const r = instantiateWat(`(module (func $f (export "f") (call $f)))`);
    expect(() => r.fn['f']!()).toThrow('call stack exhausted');
  });
});

describe('compileModule: memory and tables', () => {
  const m = instantiateWat(`(module
    (memory (export "mem") 1 3)
    (data (i32.const 8) "\\01\\02\\03\\04\\05\\06\\07\\08")
    (func (export "load") (param i32) (result i32) (i32.load offset=0 (local.get 0)))
    (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
    (func (export "load8s") (param i32) (result i64) (i64.load8_s (local.get 0)))
    (func (export "store64") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "size") (result i32) (memory.size))
    (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
    (type $t (func (param i32) (result i32)))
    (table 4 funcref)
    (elem (i32.const 0) $inc $dbl)
    (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
    (func $dbl (type $t) (i32.mul (local.get 0) (i32.const 2)))
    (func $other (param i64))
    (func (export "ci") (param i32 i32) (result i32)
      (call_indirect (type $t) (local.get 1) (local.get 0)))
  )`);
  it('loads data segments, little-endian', () => {
    expect(m.fn['load']!(8)).toBe(0x04030201);
    expect(m.fn['load64']!(8)).toBe(0x0807060504030201n);
  });
  it('sign-extends narrow i64 loads', () => {
    m.fn['store64']!(100, -2n);
    expect(m.fn['load8s']!(100)).toBe(-2n);
  });
  it('traps out of bounds (including straddling and huge addresses)', () => {
    expect(() => m.fn['load']!(65533)).toThrow('out of bounds memory access');
    expect(() => m.fn['load']!(-1)).toThrow('out of bounds memory access');
    expect(() => m.fn['store64']!(65532, 1n)).toThrow('out of bounds memory access');
    expect(m.fn['load']!(65532)).toBe(0);
  });
  it('grows and sees the new memory', () => {
    expect(m.fn['size']!()).toBe(1);
    expect(m.fn['grow']!(1)).toBe(1);
    expect(m.fn['grow']!(5)).toBe(-1);
    expect(m.fn['load']!(65536 + 10)).toBe(0);
    m.fn['fill']!(65536, 0xab, 4);
    expect(m.fn['load']!(65536)).toBe(0xabababab | 0);
  });
  it('call_indirect checks bounds, null and signature', () => {
    expect(m.fn['ci']!(0, 41)).toBe(42);
    expect(m.fn['ci']!(1, 21)).toBe(42);
    expect(() => m.fn['ci']!(2, 0)).toThrow('uninitialized element');
    expect(() => m.fn['ci']!(4, 0)).toThrow('undefined element');
  });
});

describe('compileModule: globals, imports, exceptions', () => {
  it('reads and writes globals, i64 included', () => {
    const m = instantiateWat(`(module
      (global $g (export "g") (mut i64) (i64.const -5))
      (func (export "inc") (global.set $g (i64.add (global.get $g) (i64.const 1))))
      (func (export "get") (result i64) (global.get $g)))`);
    m.fn['inc']!();
    expect(m.fn['get']!()).toBe(-4n);
    expect((m.get('g') as GlobalInstance).getValue()).toBe(-4n);
  });
  it('calls host imports with API values', () => {
    const seen: unknown[] = [];
    const m = instantiateWat(
      `(module (import "env" "f" (func $f (param i64 i32) (result i64)))
        (func (export "go") (result i64) (call $f (i64.const -2) (i32.const 3))))`,
      { 'env.f': (a: unknown, b: unknown) => (seen.push(a, b), (a as bigint) * 10n) },
    );
    expect(m.fn['go']!()).toBe(-20n);
    expect(seen).toEqual([-2n, 3]);
  });
  it('throws and catches with try_table', () => {
    const m = instantiateWat(`(module
      (tag $e (param i32 i64))
      (func $thrower (param i32) (if (local.get 0) (then (throw $e (i32.const 7) (i64.const 9)))))
      (func (export "catch") (param i32) (result i32)
        (block $h (result i32 i64)
          (try_table (catch $e $h) (call $thrower (local.get 0)))
          (return (i32.const -1)))
        (drop))
      (func (export "catch_all") (result i32)
        (block $h (try_table (catch_all $h) (call $thrower (i32.const 1))) (return (i32.const 0)))
        (i32.const 1))
      (func (export "trap_not_caught") (result i32)
        (block $h (try_table (catch_all $h) unreachable) (return (i32.const 0)))
        (i32.const 1)))`);
    expect(m.fn['catch']!(1)).toBe(7);
    expect(m.fn['catch']!(0)).toBe(-1);
    expect(m.fn['catch_all']!()).toBe(1);
    expect(() => m.fn['trap_not_caught']!()).toThrow('unreachable');
  });
  it('names generated functions for backtraces', () => {
    const m = instantiateWat(`(module (func $a (export "a") (call $b)) (func $b unreachable))`, {}, { name: 'bt' });
    let err: unknown;
    try {
      m.inst.funcs[0]!();
    } catch (e) {
      err = e;
    }
    expect(parseWasmFrames(err).slice(0, 2)).toEqual([
      { sourceName: 'bt', funcIndex: 1 },
      { sourceName: 'bt', funcIndex: 0 },
    ]);
  });
});

describe('compileModule: instrumentation', () => {
  const loop = `(module (func (export "spin") (param i32) (result i32) (local i32)
    (block $d (loop $l (br_if $d (i32.eqz (local.get 0)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (local.set 1 (i32.add (local.get 1) (i32.const 1))) (br $l)))
    (local.get 1))
    (func $rec (export "rec") (param i32) (result i32)
      (if (result i32) (local.get 0) (then (i32.add (i32.const 1) (call $rec (i32.sub (local.get 0) (i32.const 1))))) (else (i32.const 0)))))`;
  it('fuel: charges operators and traps when it runs out', () => {
    const fuel = new Float64Array([1000]);
    const m = instantiateWat(loop, {}, { fuel: true }, { fuel });
    expect(m.fn['spin']!(10)).toBe(10);
    const used = 1000 - fuel[0]!;
    expect(used).toBeGreaterThan(50);
    expect(used).toBeLessThan(200);
    fuel[0] = 100;
    expect(() => m.fn['spin']!(1000)).toThrow('all fuel consumed by WebAssembly');
  });
  it('epoch: traps with interrupt once the deadline is reached', () => {
    const epoch = new Int32Array(1);
    const deadline = new Int32Array([1]);
    const m = instantiateWat(loop, {}, { epoch: true }, { epoch, deadline });
    expect(m.fn['spin']!(5)).toBe(5);
    epoch[0] = 1;
    expect(() => m.fn['spin']!(5)).toThrow('interrupt');
  });
  it('maxCallDepth: a deterministic call stack limit, restored after a trap', () => {
    const m = instantiateWat(loop, {}, { maxCallDepth: 100 });
    expect(m.fn['rec']!(98)).toBe(98);
    expect(() => m.fn['rec']!(100)).toThrow('call stack exhausted');
    expect(m.fn['rec']!(98)).toBe(98);
  });
});

describe('compileModule: tail calls, GC, SIMD', () => {
  it('mutual tail calls run in constant JS stack', () => {
    const m = instantiateWat(`(module
      (func $even (export "even") (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 1))
          (else (return_call $odd (i64.sub (local.get 0) (i64.const 1))))))
      (func $odd (param i64) (result i32)
        (if (result i32) (i64.eqz (local.get 0)) (then (i32.const 0))
          (else (return_call $even (i64.sub (local.get 0) (i64.const 1))))))
      (func $count (export "count") (param i32 i32) (result i32)
        (if (result i32) (local.get 0) (then (return_call $count (i32.sub (local.get 0) (i32.const 1)) (i32.add (local.get 1) (i32.const 2))))
          (else (local.get 1)))))`);
    expect(m.fn['even']!(1_000_000n)).toBe(1);
    expect(m.fn['count']!(1_000_000, 0)).toBe(2_000_000);
    expect(m.source).toContain('continue $body');
  });
  it('structs, arrays, i31 and casts', () => {
    const m = instantiateWat(`(module
      (type $p (struct (field $x (mut i32)) (field $y i64) (field $b (mut i8))))
      (type $a (array (mut i16)))
      (func (export "struct") (result i32)
        (local $s (ref null $p))
        (local.set $s (struct.new $p (i32.const 5) (i64.const -1) (i32.const 300)))
        (struct.set $p $x (local.get $s) (i32.const 7))
        (i32.add (struct.get $p $x (local.get $s)) (struct.get_s $p $b (local.get $s))))
      (func (export "array") (param i32) (result i32)
        (local $v (ref $a))
        (local.set $v (array.new $a (i32.const -1) (i32.const 4)))
        (array.set $a (local.get $v) (i32.const 1) (i32.const 9))
        (i32.add (array.get_u $a (local.get $v) (local.get 0)) (array.len (local.get $v))))
      (func (export "i31") (param i32) (result i32) (i31.get_s (ref.i31 (local.get 0))))
      (func (export "cast") (result i32)
        (ref.test (ref $p) (struct.new_default $p)))
      (func (export "nullget") (result i32) (struct.get $p $x (ref.null $p))))`);
    expect(m.fn['struct']!()).toBe(7 + 44);
    expect(m.fn['array']!(1)).toBe(13);
    expect(m.fn['array']!(0)).toBe(65535 + 4);
    expect(() => m.fn['array']!(4)).toThrow('out of bounds array access');
    expect(m.fn['i31']!(0x7fffffff)).toBe(-1);
    expect(m.fn['cast']!()).toBe(1);
    expect(() => m.fn['nullget']!()).toThrow('null structure reference');
  });
  it('v128 constants, lanes and loads', () => {
    const m = instantiateWat(`(module (memory 1) (data (i32.const 0) "\\01\\00\\00\\00\\02\\00\\00\\00")
      (func (export "lane") (result i32)
        (i32x4.extract_lane 2 (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40))))
      (func (export "load") (result i32) (i32x4.extract_lane 1 (v128.load (i32.const 0)))))`);
    expect(m.fn['lane']!()).toBe(33);
    expect(m.fn['load']!()).toBe(2);
  });
});

describe('compileModule: atomics', () => {
  it('checks alignment and performs read-modify-write', () => {
    const m = instantiateWat(`(module (memory 1 1 shared)
      (func (export "rmw") (param i32 i64) (result i64) (i64.atomic.rmw.add (local.get 0) (local.get 1)))
      (func (export "load") (param i32) (result i64) (i64.atomic.load (local.get 0)))
      (func (export "cas") (param i32 i32 i32) (result i32) (i32.atomic.rmw8.cmpxchg_u (local.get 0) (local.get 1) (local.get 2)))
      (func (export "wait") (param i32 i32) (result i32) (memory.atomic.wait32 (local.get 0) (local.get 1) (i64.const 0))))`);
    expect(m.fn['rmw']!(8, 0xffffffffn)).toBe(0n);
    expect(m.fn['rmw']!(8, 1n)).toBe(0xffffffffn);
    expect(m.fn['load']!(8)).toBe(0x100000000n);
    expect(() => m.fn['load']!(4)).toThrow('unaligned atomic');
    expect(() => m.fn['load']!(65536)).toThrow('out of bounds memory access');
    expect(m.fn['cas']!(8, 0x100, 7)).toBe(0);
    expect(m.fn['load']!(8)).toBe(0x100000007n);
    expect(m.fn['wait']!(8, 0)).toBe(1);
    expect(m.fn['wait']!(8, 7)).toBe(2);
  });
});

describe('compileModule: big-module modes', () => {
  const wat = `(module (table 2 funcref) (elem (i32.const 0) $f)
    (func $f (export "f") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
    (func (export "same") (result i32) (ref.eq (ref.func $f) (table.get (i32.const 0))))
    (func (export "ci") (param i32) (result i32) (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0)))
    (func $even (export "even") (param i32) (result i32)
      (if (result i32) (local.get 0) (then (return_call $odd (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 1))))
    (func $odd (param i32) (result i32)
      (if (result i32) (local.get 0) (then (return_call $even (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0)))))`;
  it('lazy: bodies are evaluated on first call; funcref identity and tail calls hold', () => {
    const m = instantiateWat(wat, {}, { lazy: true });
    expect(m.source).not.toContain('i32.mul');
    expect(m.source).not.toContain('imul(l0');
    expect(m.fn['f']!(5)).toBe(15);
    expect(m.fn['same']!()).toBe(1);
    expect(m.fn['ci']!(7)).toBe(21);
    expect(m.fn['even']!(100001)).toBe(0);
  });
  it('flattens very deep block nests so V8 can parse them', () => {
    const depth = 1500;
    let w = 'block '.repeat(depth) + 'local.get 0 br_table';
    for (let i = 0; i < depth; i++) w += ` ${i}`;
    w += ' 0 ';
    w += 'end local.get 1 i32.const 1 i32.add local.set 1 '.repeat(depth);
    const m = instantiateWat(`(module (func (export "run") (param i32) (result i32) (local i32) ${w} (local.get 1)))`);
    expect(m.source).toContain('continue D');
    expect(m.fn['run']!(0)).toBe(depth);
    expect(m.fn["run"]!(1499)).toBe(1);
    expect(m.fn["run"]!(700)).toBe(800);
  });
});

describe('compileModule: NaN payloads', () => {
  it('keeps f64 NaN bits through exception payloads and tail-call arguments', () => {
    const m = instantiateWat(`(module
      (tag $e (param f64))
      (func $id (param f64) (result f64) (local.get 0))
      (func $thru (param f64) (result f64) (return_call $id (local.get 0)))
      (func (export "tail") (result i64) (i64.reinterpret_f64 (call $thru (f64.const nan:0x4000000000001))))
      (func (export "exn") (result i64)
        (block $h (result f64)
          (try_table (catch $e $h) (throw $e (f64.const nan:0x4000000000001)))
          (f64.const 0))
        (i64.reinterpret_f64)))`);
    expect(m.fn['tail']!()).toBe(0x7ff4000000000001n);
    expect(m.fn['exn']!()).toBe(0x7ff4000000000001n);
  });
});

describe('parseWasmFrames', () => {
  const wat = `(module (func $a (export "a") (call $b)) (func $b (call $c)) (func $c unreachable))`;
  it.each([false, true])('reports one frame per wasm call (lazy: %s)', (lazy) => {
    const m = instantiateWat(wat, {}, { name: 'frames', lazy });
    let err: unknown;
    try {
      m.inst.funcs[0]!();
    } catch (e) {
      err = e;
    }
    expect(parseWasmFrames(err).map((f) => f.funcIndex)).toEqual([2, 1, 0]);
  });
});
