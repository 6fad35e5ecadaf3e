import { describe, expect, it } from 'vitest';
import { decodeModule } from '@wasmtide/parser';
import { instantiateWat } from '../testing/harness.test-helper.js';
import { LAZY_AUTO_BYTES } from '../abi.js';
import { compileModule } from '../compile.js';
import { completeCompiled, loadCompiled } from '../load.js';

/** A deterministic stream of interesting i64 values (edges plus xorshift noise). */
function samples(n: number): bigint[] {
  const out: bigint[] = [0n, 1n, -1n, 2n, 0xffffffffn, 0x100000000n, -0x8000000000000000n, 0x7fffffffffffffffn, 0xffffn, 0x10000n, 0x1fffffn, 0x200000n];
  let x = 0x9e3779b97f4a7c15n;
  while (out.length < n) {
    x ^= x << 13n;
    x &= 0xffffffffffffffffn;
    x ^= x >> 7n;
    x ^= x << 17n;
    x &= 0xffffffffffffffffn;
    out.push(BigInt.asIntN(64, x));
  }
  return out;
}

const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);

describe('inline i64 operators', () => {
  const consts = ['0x2545F4914F6CDD1D', '10', '0x1fffff', '0x200000', '0xffffffff', '0x100000000', '-1', '0', '0x10001'];
  const m = instantiateWat(`(module
    (func (export "mul") (param i64 i64) (result i64) (i64.mul (local.get 0) (local.get 1)))
    ${consts.map((k, i) => `(func (export "mulk${i}") (param i64) (result i64) (i64.mul (local.get 0) (i64.const ${k})))
    (func (export "kmul${i}") (param i64) (result i64) (i64.mul (i64.const ${k}) (local.get 0)))`).join('\n')}
    (func (export "mulu32") (param i32 i32) (result i64)
      (i64.mul (i64.extend_i32_u (local.get 0)) (i64.extend_i32_u (local.get 1))))
    (func (export "mulfold") (result i64) (i64.mul (i64.const 0x123456789) (i64.const -0x987654321)))
    (func (export "square") (param i64) (result i64) (i64.mul (local.get 0) (local.get 0)))
    (func (export "rotl") (param i64 i64) (result i64) (i64.rotl (local.get 0) (local.get 1)))
    (func (export "rotr") (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))
    ${[0, 1, 7, 31, 32, 33, 63, 64, 100].map((n) => `(func (export "rotl${n}") (param i64) (result i64) (i64.rotl (local.get 0) (i64.const ${n})))
    (func (export "rotr${n}") (param i64) (result i64) (i64.rotr (local.get 0) (i64.const ${n})))`).join('\n')}
    (func (export "clz") (param i64) (result i64) (i64.clz (local.get 0)))
    (func (export "ctz") (param i64) (result i64) (i64.ctz (local.get 0)))
  )`);
  const xs = samples(40);
  const fn = m.fn as Record<string, (...a: unknown[]) => unknown>;

  it('i64.mul of two variables matches BigInt', () => {
    for (const a of xs) for (const b of xs.slice(0, 20)) expect(fn['mul']!(a, b)).toBe(s64(a * b));
    for (const a of xs) expect(fn['square']!(a)).toBe(s64(a * a));
  });
  it.each(consts.map((k, i) => [k, i] as const))('i64.mul by the constant %s (either side)', (k, i) => {
    const kv = BigInt(k);
    for (const a of xs) {
      expect(fn[`mulk${i}`]!(a)).toBe(s64(a * kv));
      expect(fn[`kmul${i}`]!(a)).toBe(s64(a * kv));
    }
  });
  it('i64.mul of zero-extended operands and of two constants', () => {
    for (const [a, b] of [[-1, -1], [0x12345678, -0x12345678], [65535, 65537], [0, 5]] as const) {
      expect(fn['mulu32']!(a, b)).toBe(s64(BigInt(a >>> 0) * BigInt(b >>> 0)));
    }
    expect(fn['mulfold']!()).toBe(s64(0x123456789n * -0x987654321n));
    expect(m.source).not.toContain('$i64_mul');
  });
  it('i64.rotl / rotr with variable and constant counts', () => {
    const rotl = (a: bigint, n: bigint): bigint => {
      const k = n & 63n;
      const u = u64(a);
      return s64((u << k) | (u >> ((64n - k) & 63n)));
    };
    for (const a of xs) {
      for (const n of [0n, 1n, 7n, 31n, 32n, 33n, 63n, 64n, 100n]) {
        expect(fn['rotl']!(a, n)).toBe(rotl(a, n));
        expect(fn['rotr']!(a, n)).toBe(rotl(a, (64n - (n & 63n)) & 63n));
        expect(fn[`rotl${n}`]!(a)).toBe(rotl(a, n));
        expect(fn[`rotr${n}`]!(a)).toBe(rotl(a, (64n - (n & 63n)) & 63n));
      }
    }
  });
  it('i64.clz / ctz', () => {
    const clz = (a: bigint): bigint => {
      const u = u64(a);
      return u === 0n ? 64n : BigInt(64 - u.toString(2).length);
    };
    const ctz = (a: bigint): bigint => {
      let u = u64(a);
      if (u === 0n) return 64n;
      let n = 0n;
      while ((u & 1n) === 0n) {
        u >>= 1n;
        n++;
      }
      return n;
    };
    for (const a of [...xs, 0x80000000n, 0x100000000n, -0x8000000000000000n]) {
      expect(fn['clz']!(a)).toBe(clz(a));
      expect(fn['ctz']!(a)).toBe(ctz(a));
    }
  });
});

describe('memory view reloads', () => {
  const wat = `(module
    (memory 1 4)
    (tag $e)
    (func $leaf (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func $grower (result i32) (memory.grow (i32.const 1)))
    (func $indirect (result i32) (call $grower))
    (func $growThrow (drop (memory.grow (i32.const 1))) (throw $e))
    (func (export "afterLeaf") (result i32)
      (drop (call $leaf (i32.const 1)))
      (i32.load (i32.const 16)))
    (func (export "afterGrow") (result i32)
      (i32.store (i32.add (i32.mul (call $indirect) (i32.const 65536)) (i32.const 8)) (i32.const 77))
      (i32.load (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const -65528))))
    (func (export "catchAfterGrow") (result i32)
      (block $h (try_table (catch_all $h) (call $growThrow)))
      (i32.store (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const -4)) (i32.const 5))
      (i32.load (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const -4))))
    (func (export "legacyCatchAfterGrow") (result i32)
      (try (do (call $growThrow)) (catch_all))
      (i32.store (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const -4)) (i32.const 6))
      (i32.load (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const -4))))
  )`;

  it('skips the reload after calls that cannot grow memory, keeps it after those that can', () => {
    const m = instantiateWat(wat);
    const body = (name: string): string => {
      const i = m.module.exports.find((e) => e.name === name)!.index;
      const at = m.source.indexOf(`function f${i}(`);
      return m.source.slice(at, m.source.indexOf('\n}', at));
    };
    expect(body('afterLeaf')).toMatch(/f0\(1\);\n(?!\s*dv0 = M0\.dv)/);
    expect(body('afterGrow')).toMatch(/f2\(\);\n\s*dv0 = M0\.dv;/);
    expect(m.fn['afterLeaf']!()).toBe(0);
    expect(m.fn['afterGrow']!()).toBe(77);
  });
  it.each(['catchAfterGrow', 'legacyCatchAfterGrow'])('%s: a handler sees memory grown by the thrower', (name) => {
    const m = instantiateWat(wat);
    expect(m.fn[name]!()).toBe(name === 'catchAfterGrow' ? 5 : 6);
  });
});

describe('lazy: auto', () => {
  /** A module with one exported function `f` (returning 7) whose body is `n` nops long. */
  function nopModule(n: number): Uint8Array {
    const leb = (v: number): number[] => {
      const out: number[] = [];
      do {
        let b = v & 0x7f;
        v >>>= 7;
        if (v !== 0) b |= 0x80;
        out.push(b);
      } while (v !== 0);
      return out;
    };
    const body = new Uint8Array(n + 4);
    body[0] = 0; // no locals
    body.fill(0x01, 1, n + 1);
    body.set([0x41, 7, 0x0b], n + 1); // i32.const 7; end
    const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];
    const head = [
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      ...section(1, [1, 0x60, 0, 1, 0x7f]),
      ...section(3, [1, 0]),
      ...section(7, [1, 1, 0x66, 0x00, 0]),
    ];
    const codeHead = [10, ...leb(body.length + 1 + leb(body.length).length), 1, ...leb(body.length)];
    const out = new Uint8Array(head.length + codeHead.length + body.length);
    out.set(head, 0);
    out.set(codeHead, head.length);
    out.set(body, head.length + codeHead.length);
    return out;
  }

  it('compiles small modules whole and big ones lazily unless told otherwise', () => {
    const small = decodeModule(nopModule(10));
    const big = decodeModule(nopModule(LAZY_AUTO_BYTES + 10));
    expect(compileModule(small).lazyFuncs).toBeUndefined();
    expect(compileModule(small, { lazy: true }).lazySource).toBeTypeOf('function');
    expect(compileModule(small, { lazy: true, deferCodegen: false }).lazyFuncs).toHaveLength(1);
    const auto = compileModule(big);
    expect(auto.lazyFuncs).toBeUndefined();
    expect(auto.lazySource).toBeTypeOf('function');
    expect(auto.source.length).toBeLessThan(4096);
    expect(completeCompiled(auto).lazyFuncs).toHaveLength(1);
    expect(compileModule(big, { lazy: false }).lazyFuncs).toBeUndefined();
    const inst = loadCompiled(auto).instantiate({ funcs: [], tables: [], memories: [], globals: [], tags: [], typeIds: new Int32Array(1), isSubtype: (a, b) => a === b });
    expect(inst.funcs[0]!()).toBe(7);
  });
});

describe('memory view reloads after call_indirect', () => {
  const mod = (extra: string, elems = '$a $b') => `(module
    (memory 1 4)
    (type $t (func (param i32) (result i32)))
    (table $tab 4 funcref)
    (elem (table $tab) (i32.const 0) func ${elems})
    (func $a (type $t) (i32.add (local.get 0) (i32.const 1)))
    (func $b (type $t) (i32.mul (local.get 0) (i32.const 2)))
    (func $g (type $t) (drop (memory.grow (i32.const 1))) (i32.mul (memory.size) (i32.const 65536)))
    (func (export "ci") (param i32 i32) (result i32)
      (drop (call_indirect (type $t) (local.get 1) (local.get 0)))
      (i32.load (i32.const 0)))
    (func (export "grow_ci") (param i32) (result i32)
      (i32.store (i32.sub (call_indirect (type $t) (i32.const 0) (local.get 0)) (i32.const 4)) (i32.const 9))
      (i32.load (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))))
    ${extra})`;
  const reloadsAfterCi = (wat: string): boolean => {
    const m = instantiateWat(wat);
    const i = m.module.exports.find((e) => e.name === 'ci')!.index;
    const at = m.source.indexOf(`function f${i}(`);
    const body = m.source.slice(at, m.source.indexOf('\n}', at));
    return /t1\([^)]*\);\n\s*dv0 = M0\.dv;/.test(body);
  };
  it.each([
    ['a closed table of non-growing functions', mod(''), false],
    ['an exported table', mod('(export "tab" (table $tab))'), true],
    ['a table written by table.set', mod('(func (table.set $tab (i32.const 3) (ref.null func)))'), true],
    ['a closed table holding a growing function', mod('', '$a $b $g'), true],
  ])('%s', (_name, wat, reload) => {
    expect(reloadsAfterCi(wat)).toBe(reload);
  });
  it('a growing callee through a closed table is seen', () => {
    const m = instantiateWat(mod('', '$a $b $g'));
    expect(m.fn['grow_ci']!(2)).toBe(9);
    expect(m.fn['ci']!(0, 1)).toBe(0);
  });
});

describe('call_indirect reload: signature filter', () => {
  it('ignores growing table entries whose type cannot match the call', () => {
    const m = instantiateWat(`(module
      (memory 1 4)
      (type $t (func (param i32) (result i32)))
      (type $u (func (result i32)))
      (table 4 funcref)
      (elem (i32.const 0) func $a $g)
      (func $a (type $t) (i32.add (local.get 0) (i32.const 1)))
      (func $g (type $u) (memory.grow (i32.const 1)))
      (func (export "ct") (param i32) (result i32) (drop (call_indirect (type $t) (i32.const 5) (local.get 0))) (i32.load (i32.const 0)))
      (func (export "cu") (param i32) (result i32) (drop (call_indirect (type $u) (local.get 0))) (i32.load (i32.const 65536))))`);
    const body = (name: string): string => {
      const i = m.module.exports.find((e) => e.name === name)!.index;
      const at = m.source.indexOf(`function f${i}(`);
      return m.source.slice(at, m.source.indexOf('\n}', at));
    };
    expect(body('ct')).not.toMatch(/^\s*dv0 = M0\.dv;/m);
    expect(body('cu')).toMatch(/t1\(\);\n\s*dv0 = M0\.dv;/);
    expect(m.fn['ct']!(0)).toBe(0);
    expect(() => m.fn['ct']!(1)).toThrow('indirect call type mismatch');
    expect(m.fn['cu']!(1)).toBe(0);
  });
});
