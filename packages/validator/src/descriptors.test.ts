// custom-descriptors proposal: descriptor/describes clauses, exact reference types, the descriptor
// instructions and the relaxed br_on_cast rule. Modules are written in the text format.
import { describe, expect, it } from 'vitest';
import { decodeModule } from '@wasmtide/parser';
import type { ImportDesc, Module, ValType } from '@wasmtide/parser';
import { parseWat } from '@wasmtide/parser/text';
import { matchesValType, matchExternType, TypeRegistry, validate, ValidationError, wasm3Features } from './index.js';
import type { Features } from './index.js';

const ON: Partial<Features> = { ...wasm3Features, customDescriptors: true };

function mod(src: string): Module {
  return decodeModule(parseWat(src), { features: { customDescriptors: true } });
}

function reason(src: string, f: Partial<Features> = ON): string | null {
  try {
    validate(mod(src), f);
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return e.reason;
    throw e;
  }
}

/** `$a` described by `$b`, `$c <: $a` described by `$d <: $b`. */
const AB = `(rec
  (type $a (sub (descriptor $b) (struct)))
  (type $b (sub (describes $a) (struct)))
  (type $c (sub $a (descriptor $d) (struct)))
  (type $d (sub $b (describes $c) (struct))))`;

const typeCases: [string, string, string | null][] = [
  ['a described/descriptor pair', '(rec (type (descriptor 1) (struct)) (type (describes 0) (struct)))', null],
  ['descriptor outside the rec group', '(type (descriptor 1) (struct)) (type (describes 0) (struct))', 'descriptor type is outside rec group'],
  ['descriptor beyond the types', '(type (descriptor 1) (struct))', 'descriptor type is outside rec group'],
  ['described type outside the rec group', '(type (struct)) (type (describes 0) (struct))', 'described type is outside rec group'],
  ['describes itself', '(type (describes 0) (descriptor 0) (struct))', 'forward use of described type'],
  ['describes a later type', '(rec (type (describes 1) (struct)) (type (descriptor 0) (struct)))', 'forward use of described type'],
  ['descriptor does not describe back', '(rec (type (descriptor 1) (struct)) (type (struct)))', 'type is not described by its descriptor'],
  ['described type has no descriptor', '(rec (type (struct)) (type (describes 0) (struct)))', 'described type is not described by descriptor'],
  ['described type is a function', '(rec (type (descriptor 1) (func)) (type (describes 0) (struct)))', 'descriptor type must be a struct'],
  ['descriptor is an array', '(rec (type (descriptor 1) (struct)) (type (describes 0) (array i8)))', 'described type must be a struct'],
  ['subtypes keep their descriptors', AB, null],
  ['a subtype may add a descriptor', '(rec (type $a (sub (struct))) (type $b (sub $a (descriptor $bd) (struct))) (type $bd (describes $b) (struct)))', null],
  ['a subtype may not drop a descriptor', '(rec (type $a (sub (descriptor $ad) (struct))) (type $ad (sub (describes $a) (struct))) (type $b (sub $a (struct))))', 'sub type 2 does not match super type 0'],
  ['a subtype may not add a describes clause', '(rec (type $ad (sub (struct))) (type $b (sub (descriptor $bd) (struct))) (type $bd (sub $ad (describes $b) (struct))))', 'sub type 2 does not match super type 0'],
  ['a subtype may not drop a describes clause', '(rec (type $a (sub (descriptor $ad) (struct))) (type $ad (sub (describes $a) (struct))) (type $bd (sub $ad (struct))))', 'sub type 2 does not match super type 1'],
  [
    'descriptor of a subtype must be a subtype',
    '(rec (type $a (sub (descriptor $ad) (struct))) (type $ad (sub (describes $a) (struct))) (type $b (sub $a (descriptor $bd) (struct))) (type $bd (sub (describes $b) (struct))))',
    'descriptor type 3 does not match',
  ],
  [
    'described type of a subtype must be a subtype',
    '(rec (type $a (sub (descriptor $ad) (struct))) (type $ad (sub (describes $a) (struct))) (type $b (sub (descriptor $bd) (struct))) (type $bd (sub $ad (describes $b) (struct))))',
    'described type 2 does not match',
  ],
];

const codeCases: [string, string, string | null][] = [
  // allocation
  ['struct.new_desc takes an exact descriptor', `${AB} (func (param (ref null (exact $b))) (result (ref (exact $a))) (struct.new_desc $a (local.get 0)))`, null],
  ['struct.new_desc rejects an inexact descriptor', `${AB} (func (param (ref $b)) (result anyref) (struct.new_desc $a (local.get 0)))`, 'type mismatch'],
  ['struct.new_default_desc with a fresh descriptor', `${AB} (func (result (ref (exact $a))) (struct.new_default_desc $a (struct.new $b)))`, null],
  ['struct.new of a type with a descriptor', `${AB} (func (result anyref) (struct.new $a))`, 'type with descriptor requires descriptor allocation'],
  ['struct.new_desc of a plain struct', '(type $s (struct)) (func (result anyref) (struct.new_desc $s (ref.null none)))', 'type without descriptor requires non-descriptor allocation'],
  ['struct.new_desc in a constant expression', '(rec (type $a (descriptor $b) (struct)) (type $b (describes $a) (struct))) (global $g (ref (exact $b)) (struct.new $b)) (global (ref $a) (struct.new_desc $a (global.get $g)))', null],
  // ref.get_desc
  ['ref.get_desc of an exact reference is exact', `${AB} (func (param (ref (exact $a))) (result (ref (exact $b))) (ref.get_desc $a (local.get 0)))`, null],
  ['ref.get_desc of an inexact reference is inexact', `${AB} (func (param (ref $a)) (result (ref (exact $b))) (ref.get_desc $a (local.get 0)))`, 'type mismatch'],
  ['ref.get_desc of an exact subtype is inexact', `${AB} (func (param (ref (exact $c))) (result (ref (exact $b))) (ref.get_desc $a (local.get 0)))`, 'type mismatch'],
  ['ref.get_desc of null none is exact', `${AB} (func (result (ref (exact $b))) (ref.get_desc $a (ref.null none)))`, null],
  ['ref.get_desc needs a descriptor', '(type $s (struct)) (func (param (ref $s)) (result anyref) (ref.get_desc $s (local.get 0)))', 'type without descriptor'],
  ['ref.get_desc is not constant', `${AB} (global (ref $b) (ref.get_desc $a (ref.null none)))`, 'constant expression required'],
  // casts
  ['ref.cast_desc_eq', `${AB} (func (param anyref (ref null $d)) (result (ref $a)) (ref.cast_desc_eq (ref $a) (local.get 0) (local.get 1)))`, null],
  ['ref.cast_desc_eq to an exact type needs an exact descriptor', `${AB} (func (param anyref (ref $b)) (result anyref) (ref.cast_desc_eq (ref (exact $a)) (local.get 0) (local.get 1)))`, 'type mismatch'],
  ['ref.cast_desc_eq to an abstract type', '(func (result anyref) (ref.cast_desc_eq (ref any) (unreachable)))', 'type any does not have a descriptor'],
  ['ref.cast_desc_eq to a type without descriptor', `${AB} (func (result anyref) (ref.cast_desc_eq (ref $d) (unreachable)))`, 'type 3 does not have a descriptor'],
  ['ref.cast_desc_eq across hierarchies', `${AB} (func (param funcref (ref $b)) (result anyref) (ref.cast_desc_eq (ref $a) (local.get 0) (local.get 1)))`, 'type mismatch'],
  [
    'br_on_cast_desc_eq with a nullable target of a non-null source',
    `${AB} (func (param (ref any) (ref null $b)) (result (ref null $a)) (block (result (ref any)) (br_on_cast_desc_eq 1 (ref any) (ref null $a) (local.get 0) (local.get 1))) (unreachable))`,
    null,
  ],
  ['br_on_cast_desc_eq_fail needs a descriptor', '(func (result anyref) (br_on_cast_desc_eq_fail 0 anyref nullref (unreachable)))', 'type none does not have a descriptor'],
  // exact types
  ['(ref exact t) <: (ref t)', '(type $t (struct)) (func (param (ref (exact $t))) (result (ref $t)) (local.get 0))', null],
  ['(ref t) </: (ref exact t)', '(type $t (struct)) (func (param (ref $t)) (result (ref (exact $t))) (local.get 0))', 'type mismatch'],
  ['(ref exact sub) </: (ref exact super)', '(type $p (sub (struct))) (type $s (sub $p (struct))) (func (param (ref (exact $s))) (result (ref (exact $p))) (local.get 0))', 'type mismatch'],
  ['(ref null none) <: (ref null exact t)', '(type $t (struct)) (func (result (ref null (exact $t))) (ref.null none))', null],
  ['struct.new is exact', '(type $t (struct)) (func (result (ref (exact $t))) (struct.new $t))', null],
  ['ref.func of a defined function is exact', '(type $f (func)) (func $g (type $f)) (elem declare func $g) (func (result (ref (exact $f))) (ref.func $g))', null],
  ['ref.func of an inexact import is inexact', '(type $f (func)) (import "m" "f" (func $g (type $f))) (elem declare func $g) (func (result (ref (exact $f))) (ref.func $g))', 'type mismatch'],
  ['ref.func of an exact import is exact', '(type $f (func)) (import "m" "f" (func $g (exact (type $f)))) (elem declare func $g) (func (result (ref (exact $f))) (ref.func $g))', null],
  // br_on_cast: relaxed target rule
  ['br_on_cast to a nullable target of a non-null source', '(type $t (struct)) (func (param (ref any)) (result (ref null $t)) (block (result (ref any)) (br_on_cast 1 (ref any) (ref null $t) (local.get 0))) (unreachable))', null],
  ['br_on_cast to a sibling type', '(func (result anyref) (br_on_cast 0 structref arrayref (unreachable)))', null],
  ['br_on_cast across hierarchies', '(func (param anyref) (result funcref) (br_on_cast 0 anyref funcref (local.get 0)) (unreachable))', 'type mismatch'],
];

describe('custom descriptors: types', () => {
  it.each(typeCases)('%s', (_name, src, want) => {
    expect(reason(`(module ${src})`)).toBe(want);
  });
});

describe('custom descriptors: instructions and exact types', () => {
  it.each(codeCases)('%s', (_name, src, want) => {
    const got = reason(`(module ${src})`);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(new RegExp(`^${want.replace(/[()]/g, '\\$&')}`));
  });
});

describe('custom descriptors: feature switch', () => {
  it('keeps the WebAssembly 3.0 br_on_cast rule without the proposal', () => {
    const src = '(module (type $t (struct)) (func (param (ref any)) (result (ref null $t)) (block (result (ref any)) (br_on_cast 1 (ref any) (ref null $t) (local.get 0))) (unreachable)))';
    expect(reason(src, wasm3Features)).toBe('type mismatch');
    expect(reason(src, ON)).toBeNull();
  });

  it('rejects the descriptor instructions without the proposal', () => {
    const src = `(module ${AB} (func (param (ref $a)) (result anyref) (ref.get_desc $a (local.get 0))))`;
    expect(reason(src, wasm3Features)).toBe('customDescriptors support is not enabled');
  });
});

describe('custom descriptors: exact function imports', () => {
  const m = mod('(module (type $p (sub (func))) (type $s (sub $p (func))))');
  const reg = new TypeRegistry();
  const ids = reg.register(m);
  const f = (type: number, exact: boolean): ImportDesc => ({ kind: 'func', type, exact });
  it.each([
    ['same type, exact import', 0, 0, true, true],
    ['subtype, inexact import', 1, 0, false, true],
    ['subtype, exact import', 1, 0, true, false],
    ['same subtype, exact import', 1, 1, true, true],
  ] as const)('%s', (_name, actual, expected, exact, ok) => {
    const got = matchExternType(reg, f(actual, false), ids, f(expected, exact), ids);
    if (ok) expect(got).toBeNull();
    else expect(got).toMatch(/^incompatible import type/);
  });
});

describe('custom descriptors: exact value types across modules', () => {
  const m = mod('(module (type $p (sub (struct))) (type $s (sub $p (struct))))');
  const reg = new TypeRegistry();
  const ids = reg.register(m);
  const r = (heap: number | 'none', exact: boolean, nullable = false): ValType => ({ kind: 'ref', nullable, heap, exact });
  it.each([
    ['exact <: inexact', r(0, true), r(0, false), true],
    ['inexact </: exact', r(0, false), r(0, true), false],
    ['exact sub </: exact super', r(1, true), r(0, true), false],
    ['exact sub <: inexact super', r(1, true), r(0, false), true],
    ['null none <: null exact', r('none', false, true), r(0, true, true), true],
  ] as const)('%s', (_name, a, b, ok) => {
    expect(matchesValType(reg, a, ids, b, ids)).toBe(ok);
  });
});
