import { describe, expect, it } from 'vitest';
import type { ImportDesc } from '@wasmtide/parser';
import { build, functype, ref, T, u32 } from './build.test-helper.js';
import { canonicalize, limitsMatch, matchExternType, matchesValType, TypeRegistry } from './index.js';

const struct = (...fields: [number | number[], number][]): number[] => [0x5f, ...u32(fields.length), ...fields.flatMap(([t, m]) => [...(typeof t === 'number' ? [t] : t), m])];
const sub = (supers: number[], comp: number[], final = false): number[] => [final ? 0x4f : 0x50, ...u32(supers.length), ...supers.flatMap((s) => u32(s)), ...comp];
const rec = (...types: number[][]): number[] => [0x4e, ...u32(types.length), ...types.flat()];

describe('canonicalize', () => {
  it('gives equivalent types equal keys, within and across modules', () => {
    const a = build({ types: [functype([T.i32], []), functype([T.i64], []), functype([T.i32], [])] });
    const b = build({ types: [functype([T.i64], []), functype([T.i32], [])] });
    const ka = canonicalize(a);
    const kb = canonicalize(b);
    expect(ka[0]).toBe(ka[2]);
    expect(ka[0]).not.toBe(ka[1]);
    expect(kb[1]).toBe(ka[0]);
    expect(kb[0]).toBe(ka[1]);
  });

  it('distinguishes rec groups from separate types and positions in a group', () => {
    const a = build({ types: [rec(struct([ref(1, true), 0]), struct([ref(0, true), 0]))] });
    const b = build({ types: [rec(struct([ref(1, true), 0]), struct([ref(0, true), 0])), struct()] });
    const ka = canonicalize(a);
    const kb = canonicalize(b);
    expect(ka[0]).toBe(kb[0]);
    expect(ka[0]).not.toBe(ka[1]);
    const c = build({ types: [struct(), sub([], struct())] });
    const kc = canonicalize(c);
    expect(kc[0]).not.toBe(kc[1]); // final vs open
  });

  it('uses the referenced group key for outside references', () => {
    const a = build({ types: [struct([T.i32, 0]), struct([ref(0), 0])] });
    const b = build({ types: [functype([], []), struct([T.i32, 0]), struct([ref(1), 0])] });
    expect(canonicalize(a)[1]).toBe(canonicalize(b)[2]);
    const c = build({ types: [struct([T.i64, 0]), struct([ref(0), 0])] });
    expect(canonicalize(c)[1]).not.toBe(canonicalize(a)[1]);
  });
});

describe('TypeRegistry', () => {
  it('assigns the same ids to equivalent types of different modules', () => {
    const reg = new TypeRegistry();
    const a = reg.register(build({ types: [functype([T.i32], [T.i32]), functype([], [])] }));
    const b = reg.register(build({ types: [functype([], []), functype([T.i32], [T.i32])] }));
    expect(a[0]).toBe(b[1]);
    expect(a[1]).toBe(b[0]);
    expect(reg.size).toBe(2);
    expect(reg.funcTypeOf(a[0]!)).toEqual({ kind: 'func', params: ['i32'], results: ['i32'] });
  });

  it('decides declared subtyping across modules', () => {
    const reg = new TypeRegistry();
    const a = reg.register(build({ types: [sub([], struct()), sub([0], struct([T.i32, 0])), sub([1], struct([T.i32, 0], [T.i64, 0]))] }));
    const b = reg.register(build({ types: [sub([], struct())] }));
    expect(reg.isSubtype(a[2]!, a[0]!)).toBe(true);
    expect(reg.isSubtype(a[2]!, b[0]!)).toBe(true);
    expect(reg.isSubtype(a[0]!, a[1]!)).toBe(false);
    expect(reg.isHeapSubtype(a[1]!, 'struct')).toBe(true);
    expect(reg.isHeapSubtype(a[1]!, 'eq')).toBe(true);
    expect(reg.isHeapSubtype(a[1]!, 'func')).toBe(false);
    expect(reg.isHeapSubtype('none', a[1]!)).toBe(true);
    expect(reg.isHeapSubtype('nofunc', a[1]!)).toBe(false);
  });
});

describe('extern matching', () => {
  it('limits subsumption', () => {
    const cases: [number, number | null, number, number | null, boolean][] = [
      [1, null, 1, null, true],
      [2, null, 1, null, true],
      [1, null, 2, null, false],
      [1, 5, 1, null, true],
      [1, null, 1, 5, false],
      [1, 5, 1, 4, false],
      [1, 4, 1, 5, true],
    ];
    for (const [amin, amax, emin, emax, ok] of cases) expect(limitsMatch({ min: amin, max: amax }, { min: emin, max: emax })).toBe(ok);
  });

  it('matches functions by canonical subtype, globals by mutability and type', () => {
    const reg = new TypeRegistry();
    const ma = build({ types: [sub([], functype([], [T.anyref])), sub([0], functype([], [T.eqref]))] });
    const ia = reg.register(ma);
    const f0: ImportDesc = { kind: 'func', type: 0 };
    const f1: ImportDesc = { kind: 'func', type: 1 };
    expect(matchExternType(reg, f1, ia, f0, ia)).toBeNull();
    expect(matchExternType(reg, f0, ia, f1, ia)).toMatch(/^incompatible import type/);
    const g = (t: 'i32' | 'i64', mutable: boolean): ImportDesc => ({ kind: 'global', type: { type: t, mutable } });
    expect(matchExternType(reg, g('i32', false), ia, g('i32', false), ia)).toBeNull();
    expect(matchExternType(reg, g('i32', true), ia, g('i32', false), ia)).toMatch(/mutability/);
    expect(matchExternType(reg, g('i64', false), ia, g('i32', false), ia)).toMatch(/global types/);
    const anyref = { kind: 'ref' as const, nullable: true, heap: 'any' as const };
    const eqref = { kind: 'ref' as const, nullable: true, heap: 'eq' as const };
    expect(matchesValType(reg, eqref, ia, anyref, ia)).toBe(true);
    expect(matchesValType(reg, anyref, ia, eqref, ia)).toBe(false);
    const mem = (min: number, max: number | null): ImportDesc => ({ kind: 'memory', type: { limits: { min, max }, shared: false, addr: 'i32', pageSizeLog2: 16 } });
    expect(matchExternType(reg, mem(2, 3), ia, mem(1, 4), ia)).toBeNull();
    expect(matchExternType(reg, mem(1, null), ia, mem(1, 4), ia)).toMatch(/limits/);
    expect(matchExternType(reg, mem(1, null), ia, f0, ia)).toMatch(/expected a func/);
  });
});
