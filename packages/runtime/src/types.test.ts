import { describe, expect, it } from 'vitest';
import { Engine, FuncType, GlobalType, MemoryType, RefType, StructType, TableType, TagType, heapMatches, toValType, valTypeMatches, type HeapType } from './index.js';

describe('value and extern types', () => {
  it.each<[string, string]>([
    ['funcref', 'funcref'],
    ['externref', 'externref'],
    ['i31ref', 'i31ref'],
    ['nullexnref', 'nullexnref'],
    ['i64', 'i64'],
  ])('%s normalises and prints as %s', (input, printed) => {
    expect(String(toValType(input as never))).toBe(printed);
  });

  it('rejects unknown type names', () => {
    expect(() => toValType('i33' as never)).toThrow(TypeError);
    expect(() => new TableType('i32', 1)).toThrow(TypeError);
  });

  it('prints extern types in text-format style', () => {
    expect(String(new FuncType(['i32', 'externref'], ['f64']))).toBe('(func (param i32 externref) (result f64))');
    expect(String(new GlobalType('i64', true))).toBe('(global (mut i64))');
    expect(String(new TableType({ element: 'funcref', minimum: 1, maximum: 5, is64: true }))).toBe('(table i64 1 5 funcref)');
    expect(String(new MemoryType({ minimum: 1, maximum: 2, shared: true }))).toBe('(memory 1 2 shared)');
    expect(String(new TagType(new FuncType(['i32'])))).toBe('(tag (func (param i32)))');
    expect(String(new RefType(false, 'any'))).toBe('(ref any)');
  });

  const struct = new StructType([]);
  const func = new FuncType([], []);
  it.each<[HeapType, HeapType, boolean]>([
    ['none', 'any', true],
    ['none', 'eq', true],
    ['none', struct, true],
    ['i31', 'eq', true],
    ['i31', 'any', true],
    ['eq', 'i31', false],
    [struct, 'struct', true],
    [struct, 'eq', true],
    [struct, 'array', false],
    [func, 'func', true],
    [func, 'any', false],
    ['nofunc', func, true],
    ['nofunc', 'func', true],
    ['noextern', 'extern', true],
    ['extern', 'any', false],
    ['noexn', 'exn', true],
    ['func', 'extern', false],
  ])('heap type %s matches %s: %s', (a, b, want) => {
    expect(heapMatches(a, b)).toBe(want);
  });

  it('nullability: a non-null reference matches a nullable one, not the reverse', () => {
    expect(valTypeMatches(new RefType(false, 'func'), RefType.FUNCREF)).toBe(true);
    expect(valTypeMatches(RefType.FUNCREF, new RefType(false, 'func'))).toBe(false);
    expect(valTypeMatches('i32', 'i64')).toBe(false);
  });

  // Host-created types cannot declare supertypes: set one by hand, as the registry does.
  const sup = new StructType([]);
  const sub = new StructType([]);
  (sub as { supertype: StructType | null }).supertype = sup;
  const exact = (h: HeapType, nullable = true) => new RefType(nullable, h, true);
  const inexact = (h: HeapType, nullable = true) => new RefType(nullable, h);
  it.each<[string, RefType, RefType, boolean]>([
    ['exact $sup <: exact $sup', exact(sup), exact(sup), true],
    ['exact $sub <: $sup', exact(sub), inexact(sup), true],
    ['exact $sub <: exact $sup', exact(sub), exact(sup), false],
    ['$sup <: exact $sup', inexact(sup), exact(sup), false],
    ['none <: exact $sup', inexact('none'), exact(sup), true],
    ['nofunc <: exact $sup', inexact('nofunc'), exact(sup), false],
    ['exact nullable <: exact non-null', exact(sup), exact(sup, false), false],
  ])('exact references (custom descriptors): %s is %s', (_, a, b, want) => {
    expect(valTypeMatches(a, b)).toBe(want);
  });

  it('prints exact references and ignores exact on abstract heap types', () => {
    expect(String(new RefType(true, 'any', true))).toBe('anyref');
    expect(new RefType(true, 'any', true).exact).toBe(false);
    expect(String(exact(sup, false))).toMatch(/^\(ref \(exact .+\)\)$/);
  });
});

describe('type registry', () => {
  it('canonicalises host types structurally, per engine', () => {
    const engine = new Engine();
    const reg = engine.registry;
    const a = reg.canonicalize(new FuncType(['i32'], ['i32']));
    const b = reg.canonicalize(new FuncType(['i32'], ['i32']));
    const c = reg.canonicalize(new FuncType(['i64'], ['i32']));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(new Engine().registry.canonicalize(new FuncType(['i32'], ['i32']))).not.toBe(a);
    expect(reg.byId(a.uid)).toBe(a);
    expect(reg.isSubtypeId(a.uid, a.uid)).toBe(true);
    expect(reg.isSubtypeId(a.uid, c.uid)).toBe(false);
  });

  it('canonicalises recursive groups of modules iso-recursively and keeps declared subtyping', () => {
    const reg = new Engine().registry;
    const ref = (i: number) => ({ kind: 'ref' as const, nullable: true, heap: i });
    // (rec (type $a (sub (func (param (ref null $b))))) (type $b (sub $a (func (param (ref null $b))))))
    const mod = {
      types: [
        { final: false, supers: [], comp: { kind: 'func' as const, params: [ref(1)], results: [] } },
        { final: false, supers: [0], comp: { kind: 'func' as const, params: [ref(1)], results: [] } },
      ],
      recGroups: [{ start: 0, count: 2 }],
    };
    const t1 = reg.moduleTypes(mod);
    const t2 = reg.moduleTypes(mod);
    expect(t2[0]).toBe(t1[0]);
    expect(t2[1]).toBe(t1[1]);
    expect(t1[1]!.isSubtypeOf(t1[0]!)).toBe(true);
    expect(t1[0]!.isSubtypeOf(t1[1]!)).toBe(false);
    expect(((t1[0] as FuncType).params[0] as RefType).heap).toBe(t1[1]);
    // The same two types as separate groups are different types.
    const split = reg.moduleTypes({ types: mod.types, recGroups: [{ start: 0, count: 1 }, { start: 1, count: 1 }] });
    expect(split[0]).not.toBe(t1[0]);
  });
});
