import { describe, expect, it } from 'vitest';
import { decodeModule } from '@wasmtide/parser';
import { parseWat } from '@wasmtide/parser/text';
import { parseWasmFrames, type CompileOptions, type CompiledModule, type InstanceImports } from './abi.js';
import { compileModule } from './compile.js';
import { completeCompiled, loadCompiled } from './load.js';
import { Trap } from './trap.js';
import { instantiateWat } from './testing/harness.test-helper.js';

/** One module touching every feature whose code shape depends on module-level facts. */
const WAT = `(module
  (type $ii (func (param i32) (result i32)))
  (type $pt (struct (field (mut i32)) (field i64)))
  (type $arr (array (mut f64)))
  (tag $e (param i32 i64))
  (memory 1 8)
  (table 4 funcref)
  (elem (i32.const 0) $sq $neg $boom)
  (global $g (mut i32) (i32.const 40))
  (func $sq (type $ii) (i32.mul (local.get 0) (local.get 0)))
  (func $neg (type $ii) (i32.sub (i32.const 0) (local.get 0)))
  (func $boom (type $ii) (call $deeper (local.get 0)))
  (func $deeper (param i32) (result i32) unreachable)
  (func (export "calls") (param i32) (result i32)
    (i32.add (call $sq (local.get 0)) (global.get $g)))
  (func (export "ci") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  (func $even (export "even") (param i32) (result i32)
    (if (result i32) (local.get 0) (then (return_call $odd (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 1))))
  (func $odd (param i32) (result i32)
    (if (result i32) (local.get 0) (then (return_call $even (i32.sub (local.get 0) (i32.const 1)))) (else (i32.const 0))))
  (func $thrower (param i32) (throw $e (local.get 0) (i64.const 0x100000002)))
  (func (export "exn") (param i32) (result i64) (local $x i64)
    (block $h (result i32 i64)
      (try_table (catch $e $h) (call $thrower (local.get 0)))
      (return (i64.const -1)))
    (local.set $x)
    (i64.add (i64.extend_i32_s) (local.get $x)))
  (func (export "gc") (param i32) (result f64)
    (local $s (ref null $pt)) (local $a (ref null $arr))
    (local.set $s (struct.new $pt (local.get 0) (i64.const 5)))
    (struct.set $pt 0 (local.get $s) (i32.add (struct.get $pt 0 (local.get $s)) (i32.const 1)))
    (local.set $a (array.new $arr (f64.const 0.5) (i32.const 3)))
    (array.set $arr (local.get $a) (i32.const 2) (f64.convert_i32_s (struct.get $pt 0 (local.get $s))))
    (f64.add (array.get $arr (local.get $a) (i32.const 2)) (array.get $arr (local.get $a) (i32.const 0))))
  (func (export "cast") (param anyref) (result i32)
    (block $no (ref.test (ref $pt) (local.get 0)) (br 1) (drop) (i32.const -1)))
  (func $grow (drop (memory.grow (i32.const 1))))
  (func (export "grow_then_store") (result i32)
    (i32.store (i32.const 0) (i32.const 5))
    (call $grow)
    (i32.store (i32.const 70000) (i32.const 9))
    (i32.add (i32.load (i32.const 0)) (i32.load (i32.const 70000))))
  (func (export "size") (result i32) (memory.size))
  (func (export "nan") (result i32) (i32.reinterpret_f32 (f32.const nan:0x200001)))
  (func (export "mk") (result anyref) (struct.new $pt (i32.const 1) (i64.const 2)))
)`;

const MODES: [string, CompileOptions][] = [
  ['deferred lazy', { lazy: true }],
  ['eager lazy', { lazy: true, deferCodegen: false }],
  ['whole', { lazy: false }],
];

describe.each(MODES)('same results compiled %s', (_, options) => {
  const m = instantiateWat(WAT, {}, { ...options, name: 'deferred' });
  it('calls, call_indirect and tail calls', () => {
    expect(m.fn['calls']!(7)).toBe(89);
    expect(m.fn['ci']!(0, 6)).toBe(36);
    expect(m.fn['ci']!(1, 6)).toBe(-6);
    expect(() => m.fn['ci']!(3, 1)).toThrow('uninitialized element');
    expect(() => m.fn['ci']!(9, 1)).toThrow('undefined element');
    expect(m.fn['even']!(100001)).toBe(0);
    expect(m.fn['even']!(7)).toBe(0);
    expect(m.fn['even']!(8)).toBe(1);
  });
  it('exceptions across lazily generated functions', () => {
    expect(m.fn['exn']!(3)).toBe(0x100000005n);
  });
  it('GC structs, arrays and casts', () => {
    expect(m.fn['gc']!(41)).toBe(42.5);
    expect(m.fn['cast']!(m.fn['mk']!())).toBe(1);
    expect(m.fn['cast']!(null)).toBe(0);
  });
  it('memory growth inside a callee reloads the caller views', () => {
    expect(m.fn['grow_then_store']!()).toBe(14);
    expect(m.fn['size']!()).toBe(2);
  });
  it('hoisted constants (NaN payloads)', () => {
    expect(m.fn['nan']!()).toBe(0x7fa00001);
  });
  it('traps carry a wasm backtrace, one frame per call', () => {
    let err: unknown;
    try {
      m.fn['ci']!(2, 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Trap);
    expect((err as Trap).message).toContain('unreachable');
    const frames = parseWasmFrames(err).map((f) => f.funcIndex);
    expect(frames.slice(0, 3)).toEqual([3, 2, 5]);
  });
});

const NO_IMPORTS = (n: number): InstanceImports => ({
  funcs: [],
  tables: [],
  memories: [],
  globals: [],
  tags: [],
  typeIds: Int32Array.from({ length: n }, (_, i) => i),
  isSubtype: (a, b) => a === b,
});

describe('deferred code generation', () => {
  const wat = `(module
    (func $a (export "a") (result i32) (i32.add (call $b) (i32.const 1)))
    (func $b (result i32) (i32.const 41))
    (func $never (export "never") (result i32) (i32.const 99))
    (func $unused (result f64) (f64.const nan:0x1234)))`;
  const compile = (): CompiledModule => compileModule(decodeModule(parseWat(wat)), { lazy: true, name: 'deferred2' });

  it('generates nothing at compile time and each called function once, on its first call', () => {
    const c = compile();
    const generated: number[] = [];
    const gen = c.lazySource!;
    const counted: CompiledModule = { ...c, lazySource: (i) => (generated.push(i), gen(i)) };
    expect(c.lazyFuncs).toBeUndefined();
    expect(c.source).not.toContain('41');
    const inst = loadCompiled(counted).instantiate(NO_IMPORTS(c.types.length));
    expect(generated).toEqual([]);
    expect(inst.funcs[0]!()).toBe(42);
    expect(inst.funcs[0]!()).toBe(42);
    expect(generated).toEqual([0, 1]);
  });

  it('completeCompiled generates every body into JSON-safe lazyFuncs', () => {
    const c = compile();
    const full = completeCompiled(c);
    expect(full.lazySource).toBeUndefined();
    expect(full.lazyFuncs).toHaveLength(4);
    expect(full.lazyFuncs![1]).toContain('41');
    expect(completeCompiled(full)).toBe(full);
    const back = JSON.parse(JSON.stringify(full)) as CompiledModule;
    const inst = loadCompiled(back).instantiate(NO_IMPORTS(c.types.length));
    expect(inst.funcs[0]!()).toBe(42);
    expect(inst.funcs[2]!()).toBe(99);
  });

  it('a deferred module saved without completeCompiled fails clearly on first call', () => {
    const back = JSON.parse(JSON.stringify(compile())) as CompiledModule;
    const inst = loadCompiled(back).instantiate(NO_IMPORTS(back.types.length));
    expect(() => inst.funcs[0]!()).toThrow('completeCompiled');
  });

  it('rejects generating an index that is not a defined function', () => {
    const c = compile();
    expect(() => c.lazySource!(4)).toThrow('no defined function 4');
    expect(() => c.lazySource!(-1)).toThrow('no defined function');
  });
});

describe('deferred code generation: memory growth decided on demand', () => {
  const wat = `(module
    (import "env" "host" (func $host))
    (memory 1 8)
    (type $v (func))
    (table 2 funcref)
    (elem (i32.const 0) $leaf)
    (func $leaf (i32.store (i32.const 0) (i32.const 1)))
    (func $chain (call $leaf) (call $leaf2))
    (func $leaf2 (drop (i32.load (i32.const 4))))
    (func $grow (drop (memory.grow (i32.const 1))))
    (func $reachesGrow (call $leaf) (call $grow))
    (func $loopA (call $loopB))
    (func $loopB (call $loopA) (call $leaf))
    (func $viaHost (call $host))
    (func $viaTable (call_indirect (type $v) (i32.const 0)))
    (func (export "main") (result i32)
      (call $leaf) (call $chain) (call $reachesGrow) (call $loopA) (call $viaHost) (call $viaTable)
      (i32.load (i32.const 0))))`;
  const c = compileModule(decodeModule(parseWat(wat)), { lazy: true, name: 'growth' });
  const main = c.lazySource!(c.exports.find((e) => e.name === 'main')!.index);
  /** Whether the views are reloaded after the call to function `f`. */
  const reloadsAfter = (f: number): boolean => new RegExp(`\\bf${f}\\(\\);\\n\\s*dv0 = M0\\.dv;`).test(main);

  it('skips the reload after callees that cannot reach a growth, through chains and cycles', () => {
    expect(reloadsAfter(1)).toBe(false); // $leaf
    expect(reloadsAfter(2)).toBe(false); // $chain -> $leaf, $leaf2
    expect(reloadsAfter(6)).toBe(false); // $loopA <-> $loopB
  });
  it('keeps it after callees that reach memory.grow, an import or a table', () => {
    expect(reloadsAfter(5)).toBe(true); // $reachesGrow -> $grow
    expect(reloadsAfter(8)).toBe(true); // $viaHost -> import
    expect(reloadsAfter(9)).toBe(true); // $viaTable: call_indirect
  });
  it('binds only the environment names a body uses, and returns its function as an expression', () => {
    expect(main).toMatch(/^const M0 = SC\.M0/);
    expect(main).not.toContain('E.Math');
    expect(main).toContain('return (function f10(');
    const grow = c.lazySource!(4);
    expect(grow).toContain('return (function f4(');
  });
});
