import { describe, expect, it } from 'vitest';
import { GcStruct, type GlobalInstance } from '../abi.js';
import { Trap } from '../trap.js';
import { instantiateWat } from '../testing/harness.test-helper.js';

// Custom descriptors: struct.new_desc / struct.new_default_desc, ref.get_desc, ref.cast_desc_eq,
// br_on_cast_desc_eq(_fail), and exact casts.

const TYPES = `
  (rec
    (type $a (sub (descriptor $b) (struct (field i32) (field i64))))
    (type $b (sub (describes $a) (struct (field i32))))
    (type $c (sub $a (descriptor $d) (struct (field i32) (field i64))))
    (type $d (sub $b (describes $c) (struct (field i32)))))
  (type $plain (struct))`;

describe('custom descriptors: allocation and ref.get_desc', () => {
  const m = instantiateWat(`(module ${TYPES}
    (global $b1 (ref (exact $b)) (struct.new $b (i32.const 11)))
    (global $a1 (export "a1") (ref (exact $a)) (struct.new_desc $a (i32.const 1) (i64.const 2) (global.get $b1)))
    (func (export "desc-field") (result i32)
      (struct.get $b 0 (ref.get_desc $a (struct.new_desc $a (i32.const 5) (i64.const -7) (struct.new $b (i32.const 42))))))
    (func (export "fields") (result i64)
      (local $x (ref $a))
      (local.set $x (struct.new_desc $a (i32.const 5) (i64.const -7) (global.get $b1)))
      (i64.add (i64.extend_i32_s (struct.get $a 0 (local.get $x))) (struct.get $a 1 (local.get $x))))
    (func (export "default-fields") (result i64)
      (struct.get $a 1 (struct.new_default_desc $a (global.get $b1))))
    (func (export "same-desc") (result i32)
      (ref.eq (ref.get_desc $a (global.get $a1)) (global.get $b1)))
    (func (export "sub-desc") (result i32)
      ;; ref.get_desc through the supertype returns the subtype's descriptor.
      (struct.get $b 0 (ref.get_desc $a (struct.new_desc $c (i32.const 0) (i64.const 0) (struct.new $d (i32.const 99))))))
    (func (export "new-null") (result anyref)
      (struct.new_desc $a (i32.const 0) (i64.const 0) (ref.null none)))
    (func (export "new-default-null") (result anyref)
      (struct.new_default_desc $a (ref.null (exact $b))))
    (func (export "get-null") (result anyref)
      (ref.get_desc $a (ref.null $a))))`);

  const cases: [string, unknown][] = [
    ['desc-field', 42],
    ['fields', -2n],
    ['default-fields', 0n],
    ['same-desc', 1],
    ['sub-desc', 99],
  ];
  it.each(cases)('%s', (name, want) => {
    expect(m.fn[name]!()).toBe(want);
  });

  it('initialises globals with struct.new_desc', () => {
    const g = m.get('a1') as GlobalInstance;
    expect(g.v).toBeInstanceOf(GcStruct);
    const d = (g.v as GcStruct)['$d'] as GcStruct;
    expect(d).toBeInstanceOf(GcStruct);
    expect(d['f0']).toBe(11);
  });

  const traps: [string, string][] = [
    ['new-null', 'null descriptor reference'],
    ['new-default-null', 'null descriptor reference'],
    ['get-null', 'null reference'],
  ];
  it.each(traps)('%s traps with %s', (name, msg) => {
    let err: unknown;
    try {
      m.fn[name]!();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Trap);
    expect((err as Trap).trapCode).toBe(msg);
  });

  it('traps at instantiation when a constant expression has a null descriptor', () => {
    expect(() =>
      instantiateWat(`(module ${TYPES}
        (global (ref (exact $a)) (struct.new_desc $a (i32.const 0) (i64.const 0) (ref.null none))))`),
    ).toThrow('null descriptor reference');
  });
});

describe('custom descriptors: ref.cast_desc_eq and br_on_cast_desc_eq', () => {
  // Which value (0 null, 1 an $a with $b1, 2 a $c with $d1, 3 a struct without descriptor, 4 an
  // i31) is cast with which descriptor (0 null, 1 $b1, 2 $b2, 3 $d1).
  const m = instantiateWat(
    `(module ${TYPES}
    (global $b1 (ref (exact $b)) (struct.new $b (i32.const 1)))
    (global $b2 (ref (exact $b)) (struct.new $b (i32.const 2)))
    (global $d1 (ref (exact $d)) (struct.new $d (i32.const 3)))
    (func $val (param i32) (result anyref)
      (block $null (block $a (block $c (block $plain (block $i31
        (br_table $null $a $c $plain $i31 (local.get 0)))
        (return (ref.i31 (i32.const 7))))
        (return (struct.new $plain)))
        (return (struct.new_desc $c (i32.const 0) (i64.const 0) (global.get $d1))))
        (return (struct.new_desc $a (i32.const 0) (i64.const 0) (global.get $b1))))
      (ref.null none))
    (func $desc (param i32) (result (ref null $b))
      (block $null (block $b1 (block $b2
        (br_table $null $b1 $b2 $null (local.get 0)))
        (return (global.get $b2)))
        (return (global.get $b1)))
      (if (i32.eq (local.get 0) (i32.const 3)) (then (return (global.get $d1))))
      (ref.null none))
    (func (export "cast") (param i32 i32) (result i32)
      (ref.is_null (ref.cast_desc_eq (ref $a) (call $val (local.get 0)) (call $desc (local.get 1)))))
    (func (export "cast-null") (param i32 i32) (result i32)
      (ref.is_null (ref.cast_desc_eq (ref null $a) (call $val (local.get 0)) (call $desc (local.get 1)))))
    (func (export "br") (param i32 i32) (result i32)
      (drop (block $l (result (ref $a))
        (br_on_cast_desc_eq $l anyref (ref $a) (call $val (local.get 0)) (call $desc (local.get 1)))
        (drop)
        (return (i32.const 0))))
      (i32.const 1))
    (func (export "br-null") (param i32 i32) (result i32)
      (drop (block $l (result (ref null $a))
        (br_on_cast_desc_eq $l anyref (ref null $a) (call $val (local.get 0)) (call $desc (local.get 1)))
        (drop)
        (return (i32.const 0))))
      (i32.const 1))
    (func (export "br-fail") (param i32 i32) (result i32)
      (drop (block $l (result anyref)
        (drop (br_on_cast_desc_eq_fail $l anyref (ref $a) (call $val (local.get 0)) (call $desc (local.get 1))))
        (return (i32.const 0))))
      (i32.const 1)))`,
    {},
    {},
    { isSubtype: () => true },
  );

  const FAIL = 'descriptor cast failure';
  const NULL = 'null descriptor reference';
  // [value, descriptor, ref.cast_desc_eq (ref $a), (ref null $a), br_on_cast_desc_eq (ref $a), (ref null $a), _fail]
  const cases: [number, number, number | string, number | string, number | string, number | string, number | string][] = [
    [1, 1, 0, 0, 1, 1, 0],
    [1, 2, FAIL, FAIL, 0, 0, 1],
    [1, 3, FAIL, FAIL, 0, 0, 1],
    [2, 3, 0, 0, 1, 1, 0],
    [2, 1, FAIL, FAIL, 0, 0, 1],
    [0, 1, FAIL, 1, 0, 1, 1],
    [3, 1, FAIL, FAIL, 0, 0, 1],
    [4, 1, FAIL, FAIL, 0, 0, 1],
    [1, 0, NULL, NULL, NULL, NULL, NULL],
    [0, 0, NULL, NULL, NULL, NULL, NULL],
  ];
  const run = (name: string, v: number, d: number): number | string => {
    try {
      return m.fn[name]!(v, d) as number;
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      return e.trapCode;
    }
  };
  it.each(cases)('value %i with descriptor %i', (v, d, cast, castNull, br, brNull, brFail) => {
    expect([run('cast', v, d), run('cast-null', v, d), run('br', v, d), run('br-null', v, d), run('br-fail', v, d)]).toEqual([
      cast,
      castNull,
      br,
      brNull,
      brFail,
    ]);
  });
});

describe('exact casts', () => {
  const m = instantiateWat(
    `(module
    (type $super (sub (struct (field i32))))
    (type $sub (sub $super (struct (field i32) (field i64))))
    (type $f (sub (func)))
    (func $g (type $f))
    (elem declare func $g)
    (func $val (param i32) (result anyref)
      (if (result anyref) (local.get 0)
        (then (struct.new_default $sub))
        (else (struct.new_default $super))))
    (func (export "test") (param i32) (result i32)
      (ref.test (ref $super) (call $val (local.get 0))))
    (func (export "test-exact") (param i32) (result i32)
      (ref.test (ref (exact $super)) (call $val (local.get 0))))
    (func (export "test-exact-null") (result i32)
      (ref.test (ref null (exact $super)) (ref.null none)))
    (func (export "cast-exact") (param i32) (result i32)
      (drop (ref.cast (ref (exact $super)) (call $val (local.get 0))))
      (i32.const 1))
    (func (export "br-exact") (param i32) (result i32)
      (drop (block $l (result (ref (exact $super)))
        (br_on_cast $l anyref (ref (exact $super)) (call $val (local.get 0)))
        (drop)
        (return (i32.const 0))))
      (i32.const 1))
    (func (export "br-fail-exact") (param i32) (result i32)
      (drop (block $l (result anyref)
        (drop (br_on_cast_fail $l anyref (ref (exact $super)) (call $val (local.get 0))))
        (return (i32.const 0))))
      (i32.const 1))
    (func (export "func-exact") (result i32)
      (ref.test (ref (exact $f)) (ref.func $g))))`,
    {},
    {},
    { isSubtype: () => true },
  );

  const cases: [string, number, number | string][] = [
    ['test', 0, 1],
    ['test', 1, 1],
    ['test-exact', 0, 1],
    ['test-exact', 1, 0],
    ['cast-exact', 0, 1],
    ['cast-exact', 1, 'cast failure'],
    ['br-exact', 0, 1],
    ['br-exact', 1, 0],
    ['br-fail-exact', 0, 0],
    ['br-fail-exact', 1, 1],
  ];
  it.each(cases)('%s(%i)', (name, arg, want) => {
    let got: unknown;
    try {
      got = m.fn[name]!(arg);
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      got = e.trapCode;
    }
    expect(got).toBe(want);
  });

  it('matches null with a nullable exact type and functions by exact type', () => {
    expect(m.fn['test-exact-null']!()).toBe(1);
    expect(m.fn['func-exact']!()).toBe(1);
  });
});

describe('custom descriptors in lazily compiled bodies', () => {
  it('runs struct.new_desc, ref.get_desc and ref.cast_desc_eq behind lazy stubs', () => {
    const m = instantiateWat(
      `(module ${TYPES}
      (func (export "f") (result i32)
        (local $x (ref $a))
        (local.set $x (struct.new_desc $a (i32.const 1) (i64.const 2) (struct.new $b (i32.const 9))))
        (struct.get $b 0 (ref.get_desc $a (ref.cast_desc_eq (ref $a) (local.get $x) (ref.get_desc $a (local.get $x)))))))`,
      {},
      { lazy: true },
    );
    expect(m.source).not.toContain('.$d'); // the bodies are not in the main script
    expect(m.fn['f']!()).toBe(9);
  });
});
