/**
 * The engine's type registry: canonicalises concrete types (iso-recursive equality of recursion
 * groups, WebAssembly 3.0 §Type equivalence) so that equal types from different modules, or from the
 * host, become the same object. Identity of registered objects is then type equality, and
 * `isSubtypeOf` walks declared supertypes.
 *
 * Why not the validator's `TypeRegistry`: that one registers the types of an IR module and hands
 * out integer ids. The runtime also canonicalises types the host builds through the API
 * (`Func.wrap`, `new FuncType`, `TagType`, global and table types), which may refer to concrete
 * types already registered by other modules; an IR module cannot express such a reference, and
 * the validator's registry keeps only function signatures (not struct fields or array elements),
 * so the API objects (`Func.ty()`, `Module.exports()`, whose identity is type equality) could not
 * be rebuilt from it. Sharing would need a `register(group, externalIds)` entry point and the full
 * composite types stored per id in the validator.
 * @module
 */
import type * as ir from '@wasmtide/parser';
import {
  ArrayType,
  FuncType,
  RefType,
  StructType,
  type ConcreteType,
  type FieldType,
  type HeapType,
  type ValType,
} from './types.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** @internal Canonicalises concrete types for one engine. */
export class TypeRegistry {
  /** rec-group key -> the canonical objects of the group. */
  private readonly groups = new Map<string, ConcreteType[]>();
  /** host-created (unregistered) object -> canonical object. */
  private readonly hostCache = new WeakMap<ConcreteType, ConcreteType>();
  /** canonical objects. */
  private readonly canonicalSet = new WeakSet<ConcreteType>();
  /** canonical objects by id (their `uid`). */
  private readonly byUid = new Map<number, ConcreteType>();

  /** The canonical type with id `id`, if any. */
  byId(id: number): ConcreteType | undefined {
    return this.byUid.get(id);
  }

  /** Whether canonical type `sub` is a subtype of canonical type `sup` (both ids). */
  isSubtypeId(sub: number, sup: number): boolean {
    if (sub === sup) return true;
    const a = this.byUid.get(sub);
    const b = this.byUid.get(sup);
    return a !== undefined && b !== undefined && a.isSubtypeOf(b);
  }

  private add(t: ConcreteType): void {
    this.canonicalSet.add(t);
    this.byUid.set(t.uid, t);
  }

  /** Whether `t` is one of this registry's canonical objects. */
  isCanonical(t: ConcreteType): boolean {
    return this.canonicalSet.has(t);
  }

  /** The canonical object equal to `t` (a host-created type, a singleton recursion group). */
  canonicalize(t: ConcreteType): ConcreteType {
    if (this.canonicalSet.has(t)) return t;
    const cached = this.hostCache.get(t);
    if (cached) return cached;
    const sup = t.supertype ? this.canonicalize(t.supertype) : null;
    const ext = (h: ConcreteType): ConcreteType => this.canonicalize(h);
    const key = '1;' + subKey(t.final, sup, comp(t), (h) => `c${ext(h).uid}`);
    let group = this.groups.get(key);
    if (!group) {
      const copy = cloneShell(t);
      fill(copy, t.final, sup, mapComp(comp(t), (v) => mapValType(v, ext)));
      group = [copy];
      this.groups.set(key, group);
      this.add(copy);
    }
    this.hostCache.set(t, group[0]!);
    return group[0]!;
  }

  /** Canonicalises a value type (its concrete heap type, if any). */
  canonicalValType(v: ValType): ValType {
    return mapValType(v, (h) => this.canonicalize(h));
  }

  /** Converts and canonicalises all types of a decoded module, indexed like `module.types`. */
  moduleTypes(module: { readonly types: readonly ir.SubType[]; readonly recGroups: readonly ir.RecGroup[] }): ConcreteType[] {
    const out: ConcreteType[] = new Array(module.types.length);
    const groups = module.recGroups.length ? module.recGroups : module.types.map((_, i) => ({ start: i, count: 1 }));
    for (const g of groups) {
      const inGroup = (i: number) => i >= g.start && i < g.start + g.count;
      const refKey = (i: number) => (inGroup(i) ? `r${i - g.start}` : `c${out[i]?.uid ?? `?${i}`}`);
      let key = `${g.count}`;
      for (let i = g.start; i < g.start + g.count; i++) {
        const st = module.types[i]!;
        key += ';' + irSubKey(st, refKey);
      }
      let canon = this.groups.get(key);
      if (!canon) {
        canon = [];
        for (let i = g.start; i < g.start + g.count; i++) {
          const c = module.types[i]!.comp;
          const shell: ConcreteType =
            c.kind === 'func' ? new FuncType() : c.kind === 'struct' ? new StructType() : new ArrayType({ storage: 'i32', mutable: false });
          canon.push(shell);
          out[i] = shell;
        }
        const heap = (h: ir.HeapType): HeapType => (typeof h === 'number' ? out[h]! : h);
        for (let i = g.start; i < g.start + g.count; i++) {
          const st = module.types[i]!;
          const sup = st.supers.length ? out[st.supers[0]!]! : null;
          fill(canon[i - g.start]!, st.final, sup, irComp(st.comp, heap));
        }
        this.groups.set(key, canon);
        for (const c of canon) this.add(c);
      } else {
        for (let i = g.start; i < g.start + g.count; i++) out[i] = canon[i - g.start]!;
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------

type Comp =
  | { kind: 'func'; params: readonly ValType[]; results: readonly ValType[] }
  | { kind: 'struct'; fields: readonly FieldType[] }
  | { kind: 'array'; element: FieldType };

function comp(t: ConcreteType): Comp {
  if (t instanceof FuncType) return { kind: 'func', params: t.params, results: t.results };
  if (t instanceof StructType) return { kind: 'struct', fields: t.fields };
  return { kind: 'array', element: t.element };
}

function cloneShell(t: ConcreteType): ConcreteType {
  if (t instanceof FuncType) return new FuncType();
  if (t instanceof StructType) return new StructType();
  return new ArrayType(t.element);
}

function fill(t: ConcreteType, final: boolean, sup: ConcreteType | null, c: Comp): void {
  const w = t as unknown as Writable<FuncType & StructType & ArrayType>;
  w.final = final;
  w.supertype = sup;
  if (c.kind === 'func') {
    w.params = c.params;
    w.results = c.results;
  } else if (c.kind === 'struct') w.fields = c.fields;
  else w.element = c.element;
}

function mapValType(v: ValType, f: (h: ConcreteType) => ConcreteType): ValType {
  if (typeof v === 'string' || typeof v.heap === 'string') return v;
  return new RefType(v.nullable, f(v.heap), v.exact);
}

function mapComp(c: Comp, f: (v: ValType) => ValType): Comp {
  const field = (x: FieldType): FieldType => (x.storage === 'i8' || x.storage === 'i16' ? x : { storage: f(x.storage), mutable: x.mutable });
  if (c.kind === 'func') return { kind: 'func', params: c.params.map(f), results: c.results.map(f) };
  if (c.kind === 'struct') return { kind: 'struct', fields: c.fields.map(field) };
  return { kind: 'array', element: field(c.element) };
}

function valKey(v: ValType | 'i8' | 'i16', ref: (h: ConcreteType) => string): string {
  if (typeof v === 'string') return v;
  const h = typeof v.heap === 'string' ? v.heap : ref(v.heap);
  return `${v.nullable ? 'n' : 'r'}${v.exact ? 'x' : ''}:${h}`;
}

function subKey(final: boolean, sup: ConcreteType | null, c: Comp, ref: (h: ConcreteType) => string): string {
  let s = `${final ? 'F' : 'S'}${sup ? ref(sup) : ''}|`;
  const fk = (x: FieldType) => `${x.mutable ? 'm' : 'c'}${valKey(x.storage, ref)}`;
  if (c.kind === 'func') s += `f(${c.params.map((p) => valKey(p, ref)).join(',')})(${c.results.map((p) => valKey(p, ref)).join(',')})`;
  else if (c.kind === 'struct') s += `s(${c.fields.map(fk).join(',')})`;
  else s += `a(${fk(c.element)})`;
  return s;
}

function irValKey(v: ir.StorageType, ref: (i: number) => string): string {
  if (typeof v === 'string') return v;
  const h = typeof v.heap === 'number' ? ref(v.heap) : v.heap;
  // An exact reference (custom descriptors) is a different type from the inexact one.
  return `${v.nullable ? 'n' : 'r'}${v.exact === true ? 'x' : ''}:${h}`;
}

function irSubKey(st: ir.SubType, ref: (i: number) => string): string {
  let s = `${st.final ? 'F' : 'S'}${st.supers.map(ref).join(',')}|`;
  if (st.describes !== undefined) s += `D${ref(st.describes)}`;
  if (st.descriptor !== undefined) s += `E${ref(st.descriptor)}`;
  const c = st.comp;
  const fk = (x: ir.FieldType) => `${x.mutable ? 'm' : 'c'}${irValKey(x.storage, ref)}`;
  if (c.kind === 'func') s += `f(${c.params.map((p) => irValKey(p, ref)).join(',')})(${c.results.map((p) => irValKey(p, ref)).join(',')})`;
  else if (c.kind === 'struct') s += `s(${c.fields.map(fk).join(',')})`;
  else s += `a(${fk(c.element)})`;
  return s;
}

/** Converts an IR value type to an API one, resolving concrete heap types with `heap`. */
export function irValType(v: ir.ValType, heap: (h: ir.HeapType) => HeapType): ValType {
  if (typeof v === 'string') return v;
  return new RefType(v.nullable, heap(v.heap), v.exact === true);
}

function irStorage(v: ir.StorageType, heap: (h: ir.HeapType) => HeapType): ValType | 'i8' | 'i16' {
  if (v === 'i8' || v === 'i16') return v;
  return irValType(v, heap);
}

function irComp(c: ir.CompType, heap: (h: ir.HeapType) => HeapType): Comp {
  const field = (x: ir.FieldType): FieldType => ({ storage: irStorage(x.storage, heap), mutable: x.mutable });
  if (c.kind === 'func') return { kind: 'func', params: c.params.map((p) => irValType(p, heap)), results: c.results.map((p) => irValType(p, heap)) };
  if (c.kind === 'struct') return { kind: 'struct', fields: c.fields.map(field) };
  return { kind: 'array', element: field(c.element) };
}
