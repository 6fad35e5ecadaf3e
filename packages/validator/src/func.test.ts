import { describe, expect, it } from 'vitest';
import type { Module } from '@wasmtide/parser';
import { body, build, exportEntry, functype, oneFunc, ref, s32, T, u32, vec } from './build.test-helper.js';
import { validate, ValidationError, wasm2Features, wasm3Features, FACT_CALL, FACT_CALL_INDIRECT, FACT_MEMORY } from './index.js';
import type { Features } from './index.js';

const I32C = (n: number): number[] => [0x41, ...s32(n)];
const I64C = (n: number): number[] => [0x42, ...s32(n)];
const MEM = { memories: [[0x00, 1]] };
const TABLE = { tables: [[T.funcref, 0x00, 1]] };
const v128c = [0xfd, ...u32(12), ...new Array<number>(16).fill(0)];

function reason(m: Module, f?: Partial<Features>): string | null {
  try {
    validate(m, f);
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return e.reason;
    throw e;
  }
}

const cases: [string, () => Module, string | null, Partial<Features>?][] = [
  ['empty body', () => oneFunc([], [], []), null],
  ['drop a constant', () => oneFunc([], [], [...I32C(1), 0x1a]), null],
  ['result type mismatch', () => oneFunc([], [T.i32], I64C(0)), 'type mismatch'],
  ['missing result', () => oneFunc([], [T.i32], []), 'type mismatch'],
  ['extra value at end', () => oneFunc([], [], I32C(0)), 'type mismatch'],
  ['binary op operand type', () => oneFunc([], [T.i32], [...I32C(1), ...I64C(2), 0x6a]), 'type mismatch: instruction requires [i32 i32] but stack has [i32 i64]'],
  ['unknown local', () => oneFunc([], [], [0x20, 5, 0x1a]), 'unknown local 5'],
  ['param is a local', () => oneFunc([T.i32], [T.i32], [0x20, 0]), null],
  ['declared local', () => oneFunc([], [T.f64], [0x20, 0], {}, [[1, T.f64]]), null],
  ['local.tee type', () => oneFunc([], [T.i32], [...I64C(1), 0x22, 0], {}, [[1, T.i32]]), 'type mismatch'],
  ['unknown global', () => oneFunc([], [], [0x23, 3, 0x1a]), 'unknown global 3'],
  ['immutable global', () => oneFunc([], [], [...I32C(1), 0x24, 0], { globals: [[T.i32, 0, ...I32C(0), 0x0b]] }), 'immutable global'],
  ['mutable global set', () => oneFunc([], [], [...I32C(1), 0x24, 0], { globals: [[T.i32, 1, ...I32C(0), 0x0b]] }), null],
  ['unknown function', () => oneFunc([], [], [0x10, 7]), 'unknown function 7'],
  ['call arguments', () => oneFunc([T.i32], [], [0x10, 0]), 'type mismatch'],
  ['recursive call', () => oneFunc([T.i32], [], [...I32C(0), 0x10, 0]), null],
  ['unknown label', () => oneFunc([], [], [0x0c, 2]), 'unknown label'],
  ['br to block result', () => oneFunc([], [T.i32], [0x02, T.i32, ...I32C(1), 0x0c, 0, 0x0b]), null],
  ['br value missing', () => oneFunc([], [T.i32], [0x02, T.i32, 0x0c, 0, 0x0b]), 'type mismatch'],
  ['loop label takes params', () => oneFunc([], [], [0x03, 0x40, 0x0c, 0, 0x0b]), null],
  ['br_if leaves values', () => oneFunc([], [T.i32], [0x02, T.i32, ...I32C(1), ...I32C(0), 0x0d, 0, 0x0b]), null],
  ['br_table arity', () => oneFunc([], [], [0x02, 0x40, 0x02, T.i32, ...I32C(0), 0x0e, 1, 0, 1, 0x0b, 0x1a, 0x0b]), 'type mismatch'],
  ['br_table same arity', () => oneFunc([], [T.i32], [0x02, T.i32, ...I32C(7), ...I32C(0), 0x0e, 1, 0, 1, 0x0b]), null],
  ['if without else must not produce', () => oneFunc([], [T.i32], [...I32C(1), 0x04, T.i32, ...I32C(1), 0x0b]), 'type mismatch'],
  ['if/else', () => oneFunc([], [T.i32], [...I32C(1), 0x04, T.i32, ...I32C(1), 0x05, ...I32C(2), 0x0b]), null],
  ['if condition', () => oneFunc([], [], [0x04, 0x40, 0x0b]), 'type mismatch'],
  ['unreachable is polymorphic', () => oneFunc([], [T.i32], [0x00, 0x6a]), null],
  ['unreachable still checks known operands', () => oneFunc([], [T.i32], [0x00, ...I64C(0), 0x6a]), 'type mismatch'],
  ['unreachable then wrong end type', () => oneFunc([], [T.i32], [0x00, ...I64C(0)]), 'type mismatch'],
  ['select numeric', () => oneFunc([], [T.i32], [...I32C(1), ...I32C(2), ...I32C(0), 0x1b]), null],
  ['select mixed', () => oneFunc([], [T.i32], [...I32C(1), ...I64C(2), ...I32C(0), 0x1b]), 'type mismatch'],
  ['select on references needs a type', () => oneFunc([], [], [0xd0, T.funcref, 0xd0, T.funcref, ...I32C(0), 0x1b, 0x1a]), 'type mismatch'],
  ['typed select', () => oneFunc([], [], [0xd0, T.funcref, 0xd0, T.funcref, ...I32C(0), 0x1c, 1, T.funcref, 0x1a]), null],
  ['typed select arity', () => oneFunc([], [], [...I32C(1), ...I32C(1), ...I32C(0), 0x1c, 2, T.i32, T.i32, 0x1a]), 'invalid result arity'],
  ['unknown memory', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 2, 0]), 'unknown memory 0'],
  ['load', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 2, 0], MEM), null],
  ['alignment', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 3, 0], MEM), 'alignment must not be larger than natural'],
  ['store operand order', () => oneFunc([], [], [...I32C(0), ...I64C(0), 0x37, 3, 0], MEM), null],
  ['memory.grow', () => oneFunc([], [T.i32], [...I32C(1), 0x40, 0], MEM), null],
  ['multi-memory index in memarg', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 0x42, 1, 0], { memories: [[0, 1], [0, 1]] }), null],
  ['memory64 addresses', () => oneFunc([], [T.i32], [...I64C(0), 0x28, 2, 0], { memories: [[0x04, 1]] }), null],
  ['memory64 needs i64 address', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 2, 0], { memories: [[0x04, 1]] }), 'type mismatch'],
  ['offset out of range', () => oneFunc([], [T.i32], [...I32C(0), 0x28, 2, ...u32(2 ** 33)], MEM), 'offset out of range'],
  ['undeclared function reference', () => oneFunc([], [], [0xd2, 0, 0x1a]), 'undeclared function reference'],
  ['declared by export', () => oneFunc([], [], [0xd2, 0, 0x1a], { exports: [exportEntry('f', 0, 0)] }), null],
  ['declared by elem', () => oneFunc([], [], [0xd2, 0, 0x1a], { elems: [[0x03, 0x00, ...vec([[0]])]] }), null],
  ['ref.is_null on number', () => oneFunc([], [T.i32], [...I32C(0), 0xd1]), 'type mismatch'],
  ['call_indirect', () => oneFunc([], [], [...I32C(0), 0x11, 0, 0], TABLE), null],
  ['call_indirect unknown table', () => oneFunc([], [], [...I32C(0), 0x11, 0, 0]), 'unknown table 0'],
  ['call_indirect on externref table', () => oneFunc([], [], [...I32C(0), 0x11, 0, 0], { tables: [[T.externref, 0x00, 1]] }), 'type mismatch'],
  ['table.get', () => oneFunc([], [], [...I32C(0), 0x25, 0, 0x1a], TABLE), null],
  ['elem.drop unknown', () => oneFunc([], [], [0xfc, 13, 4]), 'unknown elem segment 4'],
  ['data.drop needs data count', () => ({ ...oneFunc([], [], [0xfc, 9, 0], { dataCount: 1, datas: [[0x01, 0]] }), dataCount: null }), 'data count section required'],
  ['data.drop unknown segment', () => oneFunc([], [], [0xfc, 9, 1], { dataCount: 1, datas: [[0x01, 0]] }), 'unknown data segment 1'],
  ['v128 lane index', () => oneFunc([], [T.i32], [...v128c, 0xfd, 0x15, 16]), 'invalid lane index'],
  ['v128 lane ok', () => oneFunc([], [T.i32], [...v128c, 0xfd, 0x15, 15]), null],
  ['shuffle lane', () => oneFunc([], [], [...v128c, ...v128c, 0xfd, 0x0d, ...new Array<number>(15).fill(0), 32, 0x1a]), 'invalid lane index'],
  ['return_call result mismatch', () => oneFunc([], [T.i32], [0x12, 1], { types: [functype([], [T.i64])], funcs: [1], codes: [body([], I64C(0))] }), 'type mismatch'],
  ['return_call', () => oneFunc([], [T.i32], [0x12, 0]), null],
  ['sign extension disabled', () => oneFunc([T.i32], [T.i32], [0x20, 0, 0xc0]), 'signExtension support is not enabled', { ...wasm2Features, signExtension: false }],
  ['non-defaultable local is uninitialized', () => oneFunc([], [], [0x20, 0, 0x1a], {}, [[1, ref(0)]]), 'uninitialized local'],
  ['non-defaultable local after set', () => oneFunc([], [], [0xd2, 0, 0x21, 0, 0x20, 0, 0x1a], { exports: [exportEntry('f', 0, 0)] }, [[1, ref(0)]]), null],
  ['initialisation ends with its block', () => oneFunc([], [], [0x02, 0x40, 0xd2, 0, 0x21, 0, 0x0b, 0x20, 0, 0x1a], { exports: [exportEntry('f', 0, 0)] }, [[1, ref(0)]]), 'uninitialized local'],
  ['ref.as_non_null', () => oneFunc([], [ref(0)], [0xd0, 0x00, 0xd4]), null],
  ['br_on_null', () => oneFunc([], [], [0xd0, T.funcref, 0xd5, 0, 0x1a]), null],
  ['call_ref', () => oneFunc([], [], [0xd2, 0, 0x14, 0], { exports: [exportEntry('f', 0, 0)] }), null],
  ['call_ref wrong type', () => oneFunc([], [], [0xd0, T.funcref, 0x14, 0]), 'type mismatch'],
];

describe('function bodies', () => {
  it.each(cases)('%s', (_name, make, expected, features) => {
    const r = reason(make(), features ?? wasm3Features);
    if (expected === null) expect(r).toBeNull();
    else expect(r?.startsWith(expected), `got ${r}`).toBe(true);
  });

  it('reports function, offset and types in the message', () => {
    try {
      validate(oneFunc([], [T.i32], I64C(0)));
      expect.unreachable();
    } catch (e) {
      const err = e as ValidationError;
      expect(err.code).toBe('invalid');
      expect(err.func).toBe(0);
      expect(err.offset).toBeGreaterThan(0);
      expect(err.message).toMatch(/in function 0/);
      expect(err.message).toMatch(/i64/);
    }
  });

  it('records facts per function', () => {
    const m = oneFunc([], [T.i32], [...I32C(0), 0x28, 2, 0, ...I32C(1), ...I32C(2), 0x6a, 0x6a, 0x10, 0, 0x1a], {
      ...MEM,
      types: [functype([T.i32], [T.i32])],
      funcs: [1],
      codes: [body([], [0x20, 0, ...I32C(0), 0x11, 1, 0])],
      ...TABLE,
    });
    const vm = validate(m);
    expect(vm.maxStackHeight[0]).toBe(3);
    expect(vm.funcFlags[0]! & FACT_MEMORY).toBeTruthy();
    expect(vm.funcFlags[0]! & FACT_CALL).toBeTruthy();
    expect(vm.funcFlags[0]! & FACT_CALL_INDIRECT).toBe(0);
    expect(vm.funcFlags[1]! & FACT_CALL_INDIRECT).toBeTruthy();
    expect(vm.funcFlags[1]! & FACT_MEMORY).toBe(0);
    expect(vm.maxBlockDepth[0]).toBe(1);
    expect(Array.from(vm.funcTypes)).toEqual([0, 1]);
  });

  it('does not mutate the IR', () => {
    const m = oneFunc([], [], [...I32C(1), 0x1a]);
    const before = JSON.stringify(m, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));
    const vm = validate(m);
    expect(vm.module).toBe(m);
    expect(JSON.stringify(m, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v))).toBe(before);
  });

  it('collects declared function references', () => {
    const m = build({
      types: [functype([], [])],
      funcs: [0, 0, 0],
      exports: [exportEntry('a', 0, 2)],
      elems: [[0x03, 0x00, ...vec([[1]])]],
      codes: [body([], []), body([], []), body([], [])],
    });
    expect([...validate(m).declaredFuncRefs].sort()).toEqual([1, 2]);
  });

  it('handles deep nesting without recursion', () => {
    const n = 20000;
    const code = [...new Array<number>(n).fill(0).flatMap(() => [0x02, 0x40]), ...new Array<number>(n).fill(0x0b)];
    const vm = validate(oneFunc([], [], code));
    expect(vm.maxBlockDepth[0]).toBe(n + 1);
  });
});
