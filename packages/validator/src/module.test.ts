import { describe, expect, it } from 'vitest';
import type { MemoryType, Module } from '@wasmtide/parser';
import { body, build, exportEntry, functype, importEntry, oneFunc, ref, s32, T, u32 } from './build.test-helper.js';
import type { Parts } from './build.test-helper.js';
import { validate, ValidationError, wasm2Features, wasm3Features, defaultFeatures, allFeatures } from './index.js';
import type { Features } from './index.js';

const I32C = (n: number): number[] => [0x41, ...s32(n)];
const struct = (...fields: [number | number[], number][]): number[] => [0x5f, ...u32(fields.length), ...fields.flatMap(([t, m]) => [...(typeof t === 'number' ? [t] : t), m])];
const array = (t: number | number[], m: number): number[] => [0x5e, ...(typeof t === 'number' ? [t] : t), m];
const sub = (supers: number[], comp: number[], final = false): number[] => [final ? 0x4f : 0x50, ...u32(supers.length), ...supers.flatMap((s) => u32(s)), ...comp];
const rec = (...types: number[][]): number[] => [0x4e, ...u32(types.length), ...types.flat()];
const expr = (...code: number[]): number[] => [...code, 0x0b];
/** One function whose type comes after `types` (so it may refer to them). */
const gcFunc = (types: number[][], params: (number | number[])[], results: (number | number[])[], code: number[]): Module =>
  build({ types: [...types, functype(params, results)], funcs: [types.length], codes: [body([], code)] });

/** A module with one memory whose type is patched at the IR level (the decoder may not know the encoding). */
const withMemory = (patch: Partial<MemoryType>): Module => {
  const m = build({ memories: [[0x00, 1]] });
  return { ...m, memories: [{ ...m.memories[0]!, ...patch }] };
};

function reason(m: Module, f: Partial<Features> = wasm3Features): string | null {
  try {
    validate(m, f);
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return e.reason;
    throw e;
  }
}

const cases: [string, Parts | (() => Module), string | null, Partial<Features>?][] = [
  // types and subtyping
  ['struct subtype with extra field', { types: [sub([], struct([T.i32, 0])), sub([0], struct([T.i32, 0], [T.i64, 1]))] }, null],
  ['subtype field type differs', { types: [sub([], struct([T.i32, 0])), sub([0], struct([T.i64, 0]))] }, 'sub type 1 does not match super type 0'],
  ['mutable field is invariant', { types: [sub([], struct([T.anyref, 1])), sub([0], struct([T.eqref, 1]))] }, 'sub type 1 does not match super type 0'],
  ['immutable field is covariant', { types: [sub([], struct([T.anyref, 0])), sub([0], struct([T.eqref, 0]))] }, null],
  ['final supertype', { types: [sub([], struct(), true), sub([0], struct())] }, 'sub type'],
  ['implicitly final supertype', { types: [struct(), sub([0], struct())] }, 'sub type'],
  ['kind mismatch', { types: [sub([], array(T.i32, 0)), sub([0], struct())] }, 'sub type'],
  ['func subtype contravariant params', { types: [sub([], functype([T.eqref], [T.anyref])), sub([0], functype([T.anyref], [T.eqref]))] }, null],
  ['func subtype bad params', { types: [sub([], functype([T.anyref], [])), sub([0], functype([T.eqref], []))] }, 'sub type 1 does not match super type 0'],
  ['forward reference outside rec group', { types: [functype([ref(1)], []), functype([], [])] }, 'unknown type'],
  ['recursive group', { types: [rec(struct([ref(1, true), 0]), struct([ref(0, true), 0]))] }, null],
  ['supertype must come first', { types: [rec(sub([1], struct()), sub([], struct()))] }, 'unknown type'],
  ['struct types need gc', { types: [struct()] }, 'gc support is not enabled', wasm2Features],
  // value types need their proposals
  ['v128 without simd', { types: [functype([T.v128], [])] }, 'simd support is not enabled', { ...wasm2Features, simd: false }],
  ['externref without reference types', { types: [functype([T.externref], [])] }, 'referenceTypes support is not enabled', { ...wasm2Features, referenceTypes: false }],
  ['anyref without gc', { types: [functype([T.anyref], [])] }, 'gc support is not enabled', wasm2Features],
  ['(ref func) without function references', { types: [functype([[0x64, 0x70]], [])] }, 'functionReferences support is not enabled', wasm2Features],
  ['exnref without exceptions', { globals: [[T.exnref, 0, ...expr(0xd0, 0x74)]] }, 'exceptions support is not enabled', wasm2Features],
  ['non-nullable local without function references', () => oneFunc([], [], [], {}, [[1, [0x64, 0x70]]]), 'functionReferences support is not enabled', wasm2Features],
  ['typed select with v128 without simd', () => oneFunc([], [], [0x1c, 1, T.v128]), 'simd support is not enabled', { ...wasm2Features, simd: false }],
  // functions, imports
  ['function with unknown type', { types: [functype([], [])], funcs: [3], codes: [body([], [])] }, 'unknown type'],
  ['function with a struct type', { types: [struct()], funcs: [0], codes: [body([], [])] }, 'unknown type'],
  ['import of unknown type', { imports: [importEntry('m', 'f', [0x00, 2])] }, 'unknown type'],
  // memories and tables
  ['memory size limit', { memories: [[0x00, ...u32(65537)]] }, 'memory size must be at most 65536 pages (4GiB)'],
  ['memory max limit', { memories: [[0x01, 0, ...u32(65537)]] }, 'memory size must be at most 65536 pages (4GiB)'],
  ['memory min > max', { memories: [[0x01, 2, 1]] }, 'size minimum must not be greater than maximum'],
  ['memory64 limit', { memories: [[0x04, ...u32(2 ** 48)]] }, null],
  ['memory64 too big', { memories: [[0x04, ...u32(2 ** 48 + 1)]] }, 'memory size must be at most'],
  ['page size 2', () => withMemory({ pageSizeLog2: 1 }), 'invalid custom page size', { ...wasm3Features, customPageSizes: true }],
  ['page size 1', () => withMemory({ pageSizeLog2: 0, limits: { min: 2 ** 32 - 1, max: null } }), null, { ...wasm3Features, customPageSizes: true }],
  ['page size 1 needs the proposal', () => withMemory({ pageSizeLog2: 0 }), 'invalid custom page size'],
  ['page size 1, 2^32 pages', () => withMemory({ pageSizeLog2: 0, limits: { min: 2 ** 32, max: null } }), 'memory size must be at most', { ...wasm3Features, customPageSizes: true }],
  ['two memories', { memories: [[0x00, 1], [0x00, 1]] }, null],
  ['multiple memories without multi-memory', { memories: [[0x00, 1], [0x00, 1]] }, 'multiple memories', { ...wasm2Features, threads: true }],
  ['shared memory without maximum', { memories: [[0x02, 1]] }, 'shared memory must have maximum', { ...wasm2Features, threads: true }],
  ['shared memory', { memories: [[0x03, 1, 2]] }, null, { ...wasm2Features, threads: true }],
  ['table min > max', { tables: [[T.funcref, 0x01, 2, 1]] }, 'size minimum must not be greater than maximum'],
  ['non-nullable table needs initialiser', { types: [functype([], [])], tables: [[...ref(0), 0x00, 1]] }, 'type mismatch'],
  ['non-nullable table with initialiser', { types: [functype([], [])], funcs: [0], tables: [[0x40, 0x00, ...ref(0), 0x00, 1, ...expr(0xd2, 0)]], codes: [body([], [])] }, null],
  // globals and constant expressions
  ['global init type', { globals: [[T.i32, 0, ...expr(0x42, 0)]] }, 'type mismatch'],
  ['global init not constant', { globals: [[T.i32, 0, ...expr(0x01, ...I32C(0))]] }, 'constant expression required'],
  ['global init two values', { globals: [[T.i32, 0, ...expr(...I32C(0), ...I32C(0))]] }, 'type mismatch'],
  ['extended const', { globals: [[T.i32, 0, ...expr(...I32C(1), ...I32C(2), 0x6a)]] }, null],
  ['extended const disabled', { globals: [[T.i32, 0, ...expr(...I32C(1), ...I32C(2), 0x6a)]] }, 'constant expression required', wasm2Features],
  ['global.get of earlier global', { globals: [[T.i32, 0, ...expr(...I32C(1))], [T.i32, 0, ...expr(0x23, 0)]] }, null],
  ['global.get of later global', { globals: [[T.i32, 0, ...expr(0x23, 1)], [T.i32, 0, ...expr(...I32C(1))]] }, 'unknown global 1'],
  ['global.get of mutable global', { globals: [[T.i32, 1, ...expr(...I32C(1))], [T.i32, 0, ...expr(0x23, 0)]] }, 'constant expression required'],
  ['global.get of defined global in 2.0', { globals: [[T.i32, 0, ...expr(...I32C(1))], [T.i32, 0, ...expr(0x23, 0)]] }, 'unknown global 0', wasm2Features],
  ['global.get of imported global', { imports: [importEntry('m', 'g', [0x03, T.i32, 0])], globals: [[T.i32, 0, ...expr(0x23, 0)]] }, null],
  ['struct.new in a constant', { types: [struct([T.i32, 0])], globals: [[...ref(0), 0, ...expr(...I32C(1), 0xfb, 0, 0)]] }, null],
  ['ref.func in a global declares the function', { types: [functype([], [])], funcs: [0], globals: [[T.funcref, 0, ...expr(0xd2, 0)]], codes: [body([], [0xd2, 0, 0x1a])] }, null],
  // exports, start
  ['duplicate export name', { types: [functype([], [])], funcs: [0], exports: [exportEntry('a', 0, 0), exportEntry('a', 0, 0)], codes: [body([], [])] }, 'duplicate export name'],
  ['export of unknown function', { exports: [exportEntry('a', 0, 1)] }, 'unknown function 1'],
  ['export of unknown memory', { exports: [exportEntry('a', 2, 0)] }, 'unknown memory 0'],
  ['export of unknown global', { exports: [exportEntry('a', 3, 0)] }, 'unknown global 0'],
  ['start with params', { types: [functype([T.i32], [])], funcs: [0], start: 0, codes: [body([], [])] }, 'start function'],
  ['start unknown', { start: 0 }, 'unknown function 0'],
  ['start', { types: [functype([], [])], funcs: [0], start: 0, codes: [body([], [])] }, null],
  // segments
  ['active elem unknown table', { types: [functype([], [])], funcs: [0], elems: [[0x00, ...expr(...I32C(0)), 1, 0]], codes: [body([], [])] }, 'unknown table 0'],
  ['elem offset type', { types: [functype([], [])], funcs: [0], tables: [[T.funcref, 0x00, 1]], elems: [[0x00, ...expr(0x42, 0), 1, 0]], codes: [body([], [])] }, 'type mismatch'],
  ['elem into externref table', { types: [functype([], [])], funcs: [0], tables: [[T.externref, 0x00, 1]], elems: [[0x00, ...expr(...I32C(0)), 1, 0]], codes: [body([], [])] }, 'type mismatch'],
  ['elem unknown function', { types: [functype([], [])], funcs: [0], tables: [[T.funcref, 0x00, 1]], elems: [[0x00, ...expr(...I32C(0)), 1, 4]], codes: [body([], [])] }, 'unknown function 4'],
  ['data unknown memory', { datas: [[0x00, ...expr(...I32C(0)), 0]] }, 'unknown memory 0'],
  ['data offset type', { memories: [[0x00, 1]], datas: [[0x00, ...expr(0x42, 0), 0]] }, 'type mismatch'],
  // tags
  ['tag with results', { types: [functype([], [T.i32])], tags: [[0x00, 0]] }, 'non-empty tag result type'],
  ['tag', { types: [functype([T.i32], [])], tags: [[0x00, 0]] }, null],
  ['try_table catch', () => oneFunc([], [], [0x02, T.i32, 0x1f, 0x40, 1, 0x00, 0, 0, 0x0b, ...I32C(0), 0x0b, 0x1a], { types: [functype([T.i32], [])], tags: [[0x00, 1]] }), null],
  ['try_table catch label mismatch', () => oneFunc([], [], [0x02, T.i64, 0x1f, 0x40, 1, 0x00, 0, 0, 0x0b, 0x42, 0, 0x0b, 0x1a], { types: [functype([T.i32], [])], tags: [[0x00, 1]] }), 'type mismatch'],
  ['catch_all_ref needs exnref', () => oneFunc([], [], [0x02, T.exnref, 0x1f, 0x40, 1, 0x03, 0, 0x0b, 0xd0, 0x74, 0x0b, 0x1a]), null],
  ['legacy try/catch', () => oneFunc([], [], [0x06, 0x40, 0x07, 0, 0x1a, 0x0b], { types: [functype([T.i32], [])], tags: [[0x00, 1]] }), null, { ...wasm3Features, legacyExceptions: true }],
  ['legacy rethrow outside catch', () => oneFunc([], [], [0x06, 0x40, 0x09, 0, 0x0b]), 'invalid rethrow label', { ...wasm3Features, legacyExceptions: true }],
  ['legacy try disabled', () => oneFunc([], [], [0x06, 0x40, 0x0b]), 'legacyExceptions support is not enabled'],
  // GC instructions
  ['struct.set immutable', () => gcFunc([struct([T.i32, 0])], [ref(0, true)], [], [0x20, 0, ...I32C(1), 0xfb, 5, 0, 0]), 'immutable field'],
  ['struct.get', () => gcFunc([struct([T.i32, 0])], [ref(0, true)], [T.i32], [0x20, 0, 0xfb, 2, 0, 0]), null],
  ['struct.get packed', () => gcFunc([struct([0x78, 0])], [ref(0, true)], [T.i32], [0x20, 0, 0xfb, 2, 0, 0]), 'type mismatch'],
  ['struct.get_s packed', () => gcFunc([struct([0x78, 0])], [ref(0, true)], [T.i32], [0x20, 0, 0xfb, 3, 0, 0]), null],
  ['unknown field', () => gcFunc([struct([T.i32, 0])], [ref(0, true)], [T.i32], [0x20, 0, 0xfb, 2, 0, 3]), 'unknown field'],
  ['array.set immutable', () => gcFunc([array(T.i32, 0)], [ref(0, true)], [], [0x20, 0, ...I32C(0), ...I32C(1), 0xfb, 14, 0]), 'immutable array'],
  ['array.copy types', () => gcFunc([array(T.i32, 1), array(T.i64, 0)], [ref(0, true), ref(1, true)], [], [0x20, 0, ...I32C(0), 0x20, 1, ...I32C(0), ...I32C(0), 0xfb, 17, 0, 1]), 'array types do not match'],
  ['array.new_data needs numeric', () => oneFunc([], [], [...I32C(0), ...I32C(0), 0xfb, 9, 1, 0, 0x1a], { types: [array(T.anyref, 0)], dataCount: 1, datas: [[0x01, 0]] }), 'array type is not numeric or vector'],
  ['ref.cast', () => gcFunc([struct()], [T.anyref], [ref(0)], [0x20, 0, 0xfb, 22, 0]), null],
  ['ref.cast across hierarchies', () => gcFunc([struct()], [T.externref], [ref(0)], [0x20, 0, 0xfb, 22, 0]), 'type mismatch'],
  ['br_on_cast', () => gcFunc([struct()], [T.anyref], [T.anyref], [0x02, ...ref(0, true), 0x20, 0, 0xfb, 24, 0x03, 0, 0x6e, 0, 0x0c, 1, 0x0b]), null],
  ['br_on_cast target not a subtype', () => gcFunc([struct()], [T.anyref], [T.anyref], [0x02, ...ref(0, true), 0x20, 0, 0xfb, 24, 0x03, 0, 0x70, 0, 0x0c, 1, 0x0b]), 'type mismatch'],
  ['array.new_fixed pops its elements', () => gcFunc([array(T.i32, 0)], [], [ref(0)], [...I32C(1), ...I32C(2), 0xfb, 8, 0, 2]), null],
  ['array.new_fixed with too few elements', () => gcFunc([array(T.i32, 0)], [], [ref(0)], [...I32C(1), 0xfb, 8, 0, 2]), 'type mismatch'],
  ['array.new_fixed of 2^32-1 elements in unreachable code is quick', () => gcFunc([array(T.i32, 0)], [], [ref(0)], [0x00, 0xfb, 8, 0, ...u32(2 ** 32 - 1)]), null],
  ['subtype chain of 63', { types: [sub([], struct()), ...Array.from({ length: 63 }, (_, i) => sub([i], struct()))] }, null],
  ['subtype chain of 64', { types: [sub([], struct()), ...Array.from({ length: 64 }, (_, i) => sub([i], struct()))] }, 'sub type hierarchy too deep'],
  ['i31', () => oneFunc([], [T.i32], [...I32C(5), 0xfb, 28, 0xfb, 29]), null],
];

describe('modules', () => {
  it.each(cases)('%s', (_name, parts, expected, features) => {
    const m = typeof parts === 'function' ? parts() : build(parts);
    const r = reason(m, features ?? wasm3Features);
    if (expected === null) expect(r).toBeNull();
    else expect(r?.startsWith(expected), `got ${r}`).toBe(true);
  });
});

describe('features', () => {
  it('wasm3 is a superset of wasm2 and allFeatures of everything', () => {
    for (const k of Object.keys(wasm2Features) as (keyof Features)[]) {
      if (wasm2Features[k]) expect(wasm3Features[k]).toBe(true);
      expect(allFeatures[k]).toBe(true);
    }
    expect(wasm3Features.gc && wasm3Features.memory64 && !wasm3Features.threads && !wasm3Features.legacyExceptions).toBe(true);
    expect(defaultFeatures.gc && defaultFeatures.exceptions && defaultFeatures.threads && !defaultFeatures.customPageSizes).toBe(true);
  });

  it('uses the default features when none are given', () => {
    const m = oneFunc([], [], [...I32C(1), 0x1a]);
    expect(validate(m).features).toEqual(defaultFeatures);
    expect(validate(m, { gc: false }).features.gc).toBe(false);
  });
});
