import { describe, expect, it } from 'vitest';
import { TextSyntaxError } from '../errors.js';
import { parseWat } from './wat.js';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

/** Reads an unsigned LEB128 at `p`; returns [value, next position]. */
function leb(b: Uint8Array, p: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (;;) {
    const x = b[p++];
    v += (x & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(x & 0x80)) return [v, p];
  }
}

/** The module without its name section (tests of other features compare bytes without names). */
function noNames(b: Uint8Array): Uint8Array {
  const out: number[] = Array.from(b.subarray(0, 8));
  let p = 8;
  while (p < b.length) {
    const id = b[p];
    const [size, body] = leb(b, p + 1);
    const end = body + size;
    const [nlen, npos] = id === 0 ? leb(b, body) : [0, body];
    const isName = id === 0 && nlen === 4 && String.fromCharCode(...b.subarray(npos, npos + 4)) === 'name';
    if (!isName) out.push(...b.subarray(p, end));
    p = end;
  }
  return Uint8Array.from(out);
}

const wat = (src: string): string => hex(noNames(parseWat(src)));
const HEADER = '00 61 73 6d 01 00 00 00';

describe('parseWat: exact encodings', () => {
  it.each([
    ['empty module', '(module)', ''],
    ['bare empty field list', '', ''],
    ['a binary module form gives its bytes', '(module $m binary "\\00asm" "\\01\\00\\00\\00")', ''],
    ['@custom with a placement', '(@custom "c" (after type) "x" "y") (type (func))', '01 04 01 60 00 00 00 04 01 63 78 79'],
    ['@custom before first, default last', '(@custom "b") (type (func)) (@custom "a" (before first))', '00 02 01 61 01 04 01 60 00 00 00 02 01 62'],
    [
      'function with params, locals and a body',
      '(func (param i32 i32) (result i32) (local i64 i64 i32) local.get 0 local.get 1 i32.add)',
      '01 07 01 60 02 7f 7f 01 7f 03 02 01 00 0a 0d 01 0b 02 02 7e 01 7f 20 00 20 01 6a 0b',
    ],
    [
      'folded instructions emit operands first',
      '(func (result i32) (i32.add (i32.const 1) (i32.const 2)))',
      '01 05 01 60 00 01 7f 03 02 01 00 0a 09 01 07 00 41 01 41 02 6a 0b',
    ],
    [
      'inline export and import',
      '(func (import "m" "f") (param i32)) (func (export "g"))',
      '01 08 02 60 01 7f 00 60 00 00 02 07 01 01 6d 01 66 00 00 03 02 01 01 07 05 01 01 67 00 01 0a 04 01 02 00 0b',
    ],
    ['memory with inline data', '(memory (data "ab"))', '05 04 01 01 01 01 0b 08 01 00 41 00 0b 02 61 62'],
    ['memory64 limits', '(memory i64 1 2)', '05 04 01 05 01 02'],
    ['custom page size', '(memory 1 (pagesize 1))', '05 04 01 08 01 00'],
    ['shared memory', '(memory 1 2 shared)', '05 04 01 03 01 02'],
    [
      'table with inline elements',
      '(table funcref (elem 0)) (func)',
      '01 04 01 60 00 00 03 02 01 00 04 05 01 70 01 01 01 09 0b 01 06 00 41 00 0b 70 01 d2 00 0b 0a 04 01 02 00 0b',
    ],
    ['global', '(global $g (mut i64) (i64.const -1))', '06 06 01 7e 01 42 7f 0b'],
    [
      'block with a label, br to it by name',
      '(func (block $b (br $b)))',
      '01 04 01 60 00 00 03 02 01 00 0a 09 01 07 00 02 40 0c 00 0b 0b',
    ],
    [
      'multi-value block type becomes an implicit type',
      '(func (block (result i32 i32) (i32.const 1) (i32.const 2)) drop drop)',
      '01 09 02 60 00 00 60 00 02 7f 7f 03 02 01 00 0a 0d 01 0b 00 02 01 41 01 41 02 0b 1a 1a 0b',
    ],
    [
      'memarg with offset and alignment',
      '(memory 1) (func (drop (i32.load offset=8 align=1 (i32.const 0))))',
      '01 04 01 60 00 00 03 02 01 00 05 03 01 00 01 0a 0a 01 08 00 41 00 28 00 08 1a 0b',
    ],
    [
      'v128.const i16x8 and a shuffle',
      '(func (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i16x8 1 2 3 4 5 6 7 -1) (v128.const i64x2 0 0))))',
      '01 04 01 60 00 00 03 02 01 00 0a 3b 01 39 00 fd 0c 01 00 02 00 03 00 04 00 05 00 06 00 07 00 ff ff fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fd 0d 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 1f 1a 0b',
    ],
    [
      'ref.test with a nullable type uses the _null opcode',
      '(func (param anyref) (drop (ref.test (ref null i31) (local.get 0))))',
      '01 05 01 60 01 6e 00 03 02 01 00 0a 0a 01 08 00 20 00 fb 15 6c 1a 0b',
    ],
    [
      'br_on_cast castflags from nullability',
      '(func (param anyref) (result anyref) (br_on_cast 0 anyref (ref i31) (local.get 0)))',
      '01 06 01 60 01 6e 01 6e 03 02 01 00 0a 0c 01 0a 00 20 00 fb 18 01 00 6e 6c 0b',
    ],
    [
      'try_table catch clauses resolve labels outside the block',
      '(tag $e) (func (block $out (try_table (catch $e $out) (catch_all 0))))',
      '01 04 01 60 00 00 03 02 01 00 0d 03 01 00 00 0a 10 01 0e 00 02 40 1f 40 02 00 00 00 02 00 0b 0b 0b',
    ],
    [
      'typed select',
      '(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))',
      '01 05 01 60 00 01 7f 03 02 01 00 0a 0d 01 0b 00 41 01 41 02 41 00 1c 01 7f 0b',
    ],
    [
      'recursive struct types with field names',
      '(rec (type $a (struct (field $x i32) (field $next (ref null $b)))) (type $b (sub (array (mut i8)))))' +
        ' (func (param (ref $a)) (result i32) (struct.get $a $x (local.get 0)))',
      '01 15 02 4e 02 5f 02 7f 00 63 01 00 50 00 5e 78 01 60 01 64 00 01 7f 03 02 01 02 0a 0a 01 08 00 20 00 fb 02 00 00 0b',
    ],
    [
      'data count section when memory.init is used',
      '(memory 1) (data $d "x") (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1)))',
      '01 04 01 60 00 00 03 02 01 00 05 03 01 00 01 0c 01 01 0a 0e 01 0c 00 41 00 41 00 41 01 fc 08 00 00 0b 0b 04 01 01 01 78',
    ],
  ])('%s', (_name, src, body) => {
    expect(wat(src)).toBe(body ? `${HEADER} ${body}` : HEADER);
  });
});

describe('parseWat: the name section', () => {
  it.each([
    ['module name', '(module $m)', '00 09 04 6e 61 6d 65 00 02 01 6d'],
    ['@name overrides a function id', '(func $f (@name "λ"))', '01 04 01 60 00 00 03 02 01 00 0a 04 01 02 00 0b 00 0c 04 6e 61 6d 65 01 05 01 00 02 ce bb'],
    [
      'function, local, type, global and field names, in subsection order',
      '(type $t (struct (field $x i32))) (global $g i32 (i32.const 0)) (func $f (param $p i32))',
      '01 09 02 5f 01 7f 00 60 01 7f 00 03 02 01 01 06 06 01 7f 00 41 00 0b 0a 04 01 02 00 0b ' +
        '00 27 04 6e 61 6d 65 01 04 01 00 01 66 02 06 01 00 01 00 01 70 04 04 01 00 01 74 07 04 01 00 01 67 0a 06 01 00 01 00 01 78',
    ],
  ])('%s', (_name, src, body) => {
    expect(hex(parseWat(src))).toBe(`${HEADER} ${body}`);
  });
});

describe('parseWat: abbreviations equal their expansions', () => {
  it.each([
    ['inline export', '(func $f (export "f"))', '(func $f) (export "f" (func $f))'],
    ['inline import', '(func (import "m" "n") (param i32))', '(type (func (param i32))) (import "m" "n" (func (type 0)))'],
    ['implicit type reuses an explicit one', '(type (func (param i32))) (func (param i32))', '(type (func (param i32))) (func (type 0))'],
    ['named params', '(func (param $x i32) (drop (local.get $x)))', '(func (param i32) (drop (local.get 0)))'],
    ['folded if', '(func (if (i32.const 1) (then nop) (else unreachable)))', '(func i32.const 1 if nop else unreachable end)'],
    ['labelled plain block', '(func block $l br $l end $l)', '(func block br 0 end)'],
    ['global import', '(global (import "a" "b") i32)', '(import "a" "b" (global i32))'],
    ['table import', '(table (import "a" "b") 1 funcref)', '(import "a" "b" (table 1 funcref))'],
    ['memory export', '(memory (export "m") 1)', '(memory $m 1) (export "m" (memory $m))'],
    ['elem func list', '(table 1 funcref) (elem (i32.const 0) $f) (func $f)', '(table 1 funcref) (elem (offset (i32.const 0)) func $f) (func $f)'],
    ['data offset', '(memory 1) (data (i32.const 1) "a" "b")', '(memory 1) (data (memory 0) (offset i32.const 1) "ab")'],
    ['funcref', '(func (param funcref))', '(func (param (ref null func)))'],
    ['ids as strings', '(func $"f" (call $"f"))', '(func $f (call $f))'],
    ['annotations are ignored', '(@a x) (func (@b (nested)) nop)', '(func nop)'],
    [
      'branch hints on if and br_if, plain and folded',
      '(func (block i32.const 0 (@metadata.code.branch_hint "\\00") br_if 0 (@metadata.code.branch_hint "\\01") (br_if 0 (i32.const 1)) (@metadata.code.branch_hint "\\01") (@x) (if (i32.const 1) (then))))',
      '(func (block i32.const 0 br_if 0 (br_if 0 (i32.const 1)) (if (i32.const 1) (then))))',
    ],
    ['comments', ';; line\n(func (; block (; nested ;) ;) nop)', '(func nop)'],
    ['legacy catch with a tag name', '(tag $e) (func try catch $e end)', '(tag $e) (func try catch 0 end)'],
    ['a line comment ends at a carriage return', '(func ;; c\r nop)', '(func nop)'],
    ['string escapes', '(data "\\t\\n\\r\\"\\\'\\\\\\41\\u{1F600}")', '(data "\\09\\0a\\0d\\22\\27\\5c\\41\\f0\\9f\\98\\80")'],
    ['memarg memory index', '(memory 1) (memory $m 1) (func (drop (i32.load $m (i32.const 0))))', '(memory 1) (memory 1) (func (drop (i32.load 1 (i32.const 0))))'],
  ])('%s', (_name, a, b) => {
    expect(wat(a)).toBe(wat(b));
  });
});

describe('parseWat: malformed text', () => {
  const cases: [string, string, string, number, number][] = [
    ['unknown operator', '(func i32.foo)', 'unknown operator', 1, 7],
    ['unexpected token', '(func (result i32) (i32.const 1.5))', 'unexpected token', 1, 31],
    ['unknown function', '(func (call $nope))', 'unknown function $nope', 1, 13],
    ['unknown label', '(func\n  (br $l))', 'unknown label $l', 2, 7],
    ['unknown local', '(func (local.get $x))', 'unknown local $x', 1, 18],
    ['unknown type', '(func (type $t))', 'unknown type $t', 1, 13],
    ['mismatching label', '(func block $a end $b)', 'mismatching label', 1, 20],
    ['duplicate func', '(func $f) (func $f)', 'duplicate function $f', 1, 11],
    ['duplicate local', '(func (param $x i32) (local $x i32))', 'duplicate local', 1, 22],
    ['i32 out of range', '(func (i32.const 0x1_0000_0000))', 'constant out of range', 1, 18],
    ['f32 out of range', '(func (f32.const 1e39))', 'constant out of range', 1, 18],
    ['alignment', '(memory 1) (func (i32.load align=3 (i32.const 0)))', 'alignment', 1, 28],
    ['import after definition', '(func) (import "a" "b" (func))', 'import after function', 1, 8],
    ['multiple start', '(func $f) (start $f) (start $f)', 'multiple start sections', 1, 22],
    ['inline type mismatch', '(type (func)) (func (type 0) (param i32))', 'inline function type', 1, 21],
    ['unclosed string', '(data "abc', 'unclosed string', 1, 7],
    ['unclosed comment', '(; abc', 'unclosed comment', 1, 1],
    ['empty identifier', '(func $ )', 'empty identifier', 1, 7],
    ['illegal character', '(func \u0001)', 'illegal character', 1, 7],
    ['lane count', '(func (v128.const i32x4 1 2 3))', 'wrong number of lane literals', 1, 25],
    ['bad UTF-8 in a name', '(func (export "\\80"))', 'malformed UTF-8 encoding', 1, 15],
    ['trailing token', '(module) x', 'unknown operator', 1, 10],
    ['misplaced @custom', '(func (@custom "x"))', 'misplaced @custom annotation', 1, 7],
    ['bad @custom placement', '(@custom "x" (before types))', '@custom annotation: malformed section kind', 1, 22],
    ['two module names', '(module (@name "a") (@name "b"))', '@name annotation: multiple module', 1, 21],
    ['unclosed annotation', '(@a (b)', 'unclosed annotation', 1, 8],
    ['branch hint on a non-branch', '(func i32.const 0 (@metadata.code.branch_hint "\\01") i32.eqz drop)', '@metadata.code.branch_hint annotation: invalid target', 1, 19],
    ['branch hint at the end of a body', '(func (@metadata.code.branch_hint "\\01"))', '@metadata.code.branch_hint annotation: invalid target', 1, 7],
    ['two branch hints', '(func i32.const 0 (@metadata.code.branch_hint "\\01") (@metadata.code.branch_hint "\\01") if end)', '@metadata.code.branch_hint annotation: duplicate', 1, 54],
  ];
  it.each(cases)('%s', (_name, src, reason, line, column) => {
    let err: unknown;
    try {
      parseWat(src, { filename: 'test.wat' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TextSyntaxError);
    const e = err as TextSyntaxError;
    expect(e.reason.startsWith(reason), e.reason).toBe(true);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toBe(`test.wat:${line}:${column}: ${e.reason}`);
    expect(e.code).toBe('malformed');
  });

  it.each([
    ['(memory 0x1_0000_0000)', 1, 9],
    ['(memory 0 0x1_0000_0000)', 1, 11],
    ['(import "m" "t" (table 0x1_0000_0000 funcref))', 1, 24],
  ])('without memory64, rejects 32-bit limits beyond u32: %s', (src, line, column) => {
    expect(() => parseWat(src)).not.toThrow(); // WebAssembly 3.0: too large is invalid, not malformed
    let err: unknown;
    try {
      parseWat(src, { memory64: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TextSyntaxError);
    expect([(err as TextSyntaxError).reason, (err as TextSyntaxError).line, (err as TextSyntaxError).column]).toEqual(['i32 constant out of range', line, column]);
    expect(() => parseWat('(memory i64 0x1_0000_0000)', { memory64: false })).not.toThrow();
    expect(() => parseWat('(memory 0xffff_ffff)', { memory64: false })).not.toThrow();
  });

  it('rejects invalid UTF-8 bytes in the source', () => {
    expect(() => parseWat(new Uint8Array([0x28, 0x66, 0x75, 0x6e, 0x63, 0x20, 0x3b, 0x3b, 0xff, 0x0a, 0x29]))).toThrow('malformed UTF-8');
  });

  it('survives pathological nesting without crashing', () => {
    const deep = '(func ' + '(block '.repeat(100000) + ')'.repeat(100001);
    expect(() => parseWat(deep)).toThrow(TextSyntaxError);
  });
});

describe('parseWat: hostile input', () => {
  const seeds = [
    '(module (type $t (func (param i32) (result i32))) (func $f (type $t) (local.get 0)) (export "f" (func $f)))',
    '(memory 1) (data (i32.const 0) "abc") (func (result v128) (v128.const f32x4 1 2 nan inf))',
    '(table 2 funcref) (elem (i32.const 0) $a $b) (func $a) (func $b (block $l (br_table $l 0 (i32.const 1))))',
    '(rec (type $s (struct (field $x (mut i32))))) (func (param (ref $s)) (struct.set $s $x (local.get 0) (i32.const 1)))',
    '(tag $e (param i32)) (func (try_table (catch $e 0) (throw $e (i32.const 1))) drop)',
  ];
  const pieces = ['(', ')', '$x', '0', '-1', '"s"', 'i32', '(type 0)', '(ref null', 'offset=', '0x', '(@a', ';;', '"\\', '$', 'end', '(then'];
  it('throws only TextSyntaxError on mutated modules', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let s = seeds[rnd(seeds.length)];
      const p = rnd(s.length + 1);
      s = rnd(2) ? s.slice(0, p) + s.slice(p + 1 + rnd(6)) : `${s.slice(0, p)} ${pieces[rnd(pieces.length)]} ${s.slice(p)}`;
      try {
        parseWat(s);
      } catch (e) {
        if (!(e instanceof TextSyntaxError)) throw new Error(`${String(e)} for input ${JSON.stringify(s)}`);
      }
    }
  });
});
