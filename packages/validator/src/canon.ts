/**
 * Iso-recursive type canonicalisation (WebAssembly 3.0 GC): the keys and ids under which two
 * types, from the same or different modules, are the same type.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';
import type { FuncType, HeapType, Module, StorageType, SubType, ValType } from '@wasmtide/parser';

/**
 * Serialises one recursion group. Types inside the group are written by relative position
 * (`R<i>;`); types outside it by `ext(index)`. Indices beyond the group are written as `?`
 * (invalid modules only; validation rejects them first).
 */
export function groupKey(types: readonly SubType[], start: number, count: number, ext: (idx: number) => string): string {
  let s = '';
  const end = start + count;
  const ref = (i: number): string => (i >= start && i < end ? `R${i - start};` : i < start ? ext(i) : '?;');
  const heap = (h: HeapType): string => (typeof h === 'number' ? ref(h) : `@${h};`);
  const st = (t: StorageType): string => (typeof t === 'string' ? t + ';' : (t.nullable ? 'n' : 'r') + (t.exact === true ? 'x' : '') + heap(t.heap));
  for (let i = start; i < end; i++) {
    const sub = types[i]!;
    s += sub.final ? 'F' : 'O';
    for (const sup of sub.supers) s += '<' + ref(sup);
    if (sub.describes !== undefined) s += 'D' + ref(sub.describes);
    if (sub.descriptor !== undefined) s += 'd' + ref(sub.descriptor);
    const c = sub.comp;
    if (c.kind === 'func') {
      s += 'f(';
      for (const p of c.params) s += st(p);
      s += ')(';
      for (const r of c.results) s += st(r);
      s += ')';
    } else if (c.kind === 'struct') {
      s += 's(';
      for (const f of c.fields) s += (f.mutable ? 'm' : 'c') + st(f.storage);
      s += ')';
    } else {
      s += 'a' + (c.element.mutable ? 'm' : 'c') + st(c.element.storage);
    }
    s += '|';
  }
  return s;
}

/** Upper bound on the total size of the keys {@link canonicalize} builds. */
const MAX_KEY_CHARS = 1 << 24;

/**
 * A canonical key for every type index of `module`: two types (of this or any other module) are
 * equivalent iff their keys are equal. A key is the structural serialisation of the type's
 * recursion group (references inside the group relative, references outside it replaced by the
 * referenced type's own key) followed by `.` and the type's position in the group. Keys are
 * self-contained and stable across processes. Throws a {@link WasmtideError} (`limit`) when a
 * hostile module would make them huge; {@link TypeRegistry} has no such limit.
 */
export function canonicalize(module: Module): string[] {
  const keys: string[] = new Array<string>(module.types.length);
  let total = 0;
  for (const rg of module.recGroups) {
    const gk = groupKey(module.types, rg.start, rg.count, (i) => `{${keys[i] ?? '?'}}`);
    total += gk.length * (rg.count + 1);
    if (total > MAX_KEY_CHARS) throw new WasmtideError('limit', 'type canonicalization: keys too large');
    for (let i = 0; i < rg.count; i++) keys[rg.start + i] = `${gk}.${i}`;
  }
  return keys;
}

/**
 * Per-module canonical representatives: `rep[i]` is the smallest type index of `module` that is
 * equivalent to type `i`. Used inside validation, where comparing representatives decides type
 * equality.
 */
export function localRepresentatives(module: Module): Int32Array {
  const n = module.types.length;
  const rep = new Int32Array(n);
  const seen = new Map<string, number>();
  for (const rg of module.recGroups) {
    const gk = groupKey(module.types, rg.start, rg.count, (i) => `#${rep[i]};`);
    const first = seen.get(gk);
    if (first === undefined) {
      seen.set(gk, rg.start);
      for (let i = 0; i < rg.count; i++) rep[rg.start + i] = rg.start + i;
    } else {
      for (let i = 0; i < rg.count; i++) rep[rg.start + i] = first + i;
    }
  }
  return rep;
}

const enum Kind { Func = 0, Struct = 1, Array = 2 }

/**
 * Canonical types shared by many modules (one per engine). `register` gives every type of a module
 * a canonical id; equal ids mean equivalent types, whichever module they come from. Subtyping
 * between canonical ids follows declared supertypes. Registration is idempotent and cheap for
 * already-known groups; entries are never removed.
 */
export class TypeRegistry {
  private readonly byKey = new Map<string, number>();
  private supers = new Int32Array(64);
  private kinds = new Uint8Array(64);
  private depths = new Int32Array(64);
  private finals = new Uint8Array(64);
  private readonly funcs: (FuncType | null)[] = [];
  private count = 0;

  /** Number of canonical types known. */
  get size(): number {
    return this.count;
  }

  /**
   * Registers the types of a (validated) module and returns the canonical id of each type index.
   */
  register(module: Module): Int32Array {
    const types = module.types;
    const ids = new Int32Array(types.length);
    for (const rg of module.recGroups) {
      const gk = groupKey(types, rg.start, rg.count, (i) => `#${ids[i]};`);
      let first = this.byKey.get(gk);
      if (first === undefined) {
        first = this.count;
        this.byKey.set(gk, first);
        this.grow(first + rg.count);
        for (let i = 0; i < rg.count; i++) ids[rg.start + i] = first + i;
        for (let i = 0; i < rg.count; i++) {
          const t = types[rg.start + i]!;
          const id = first + i;
          const sup = t.supers.length > 0 ? ids[t.supers[0]!]! : -1;
          this.supers[id] = sup;
          this.depths[id] = sup >= 0 ? this.depths[sup]! + 1 : 0;
          this.finals[id] = t.final ? 1 : 0;
          const c = t.comp;
          this.kinds[id] = c.kind === 'func' ? Kind.Func : c.kind === 'struct' ? Kind.Struct : Kind.Array;
          this.funcs[id] = c.kind === 'func' ? { kind: 'func', params: c.params.map((p) => canonVal(p, ids)), results: c.results.map((p) => canonVal(p, ids)) } : null;
        }
        this.count = first + rg.count;
      } else {
        for (let i = 0; i < rg.count; i++) ids[rg.start + i] = first + i;
      }
    }
    return ids;
  }

  private grow(n: number): void {
    if (n <= this.supers.length) return;
    let cap = this.supers.length;
    while (cap < n) cap *= 2;
    const s = new Int32Array(cap);
    s.set(this.supers);
    this.supers = s;
    const k = new Uint8Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    const d = new Int32Array(cap);
    d.set(this.depths);
    this.depths = d;
    const f = new Uint8Array(cap);
    f.set(this.finals);
    this.finals = f;
  }

  /** True if canonical type `a` is `b` or declares `b` as a (transitive) supertype. */
  isSubtype(a: number, b: number): boolean {
    if (a === b) return true;
    const db = this.depths[b]!;
    let d = this.depths[a]!;
    if (d <= db) return false;
    while (d > db) {
      a = this.supers[a]!;
      d--;
    }
    return a === b;
  }

  /** The declared supertype of a canonical type, or -1. */
  superOf(id: number): number {
    return this.supers[id]!;
  }

  /** True if the canonical type is declared final. */
  isFinal(id: number): boolean {
    return this.finals[id] === 1;
  }

  /** `func`, `struct` or `array`. */
  kindOf(id: number): 'func' | 'struct' | 'array' {
    const k = this.kinds[id]!;
    return k === Kind.Func ? 'func' : k === Kind.Struct ? 'struct' : 'array';
  }

  /**
   * The function type of a canonical id (null for struct/array types). Concrete heap types in it
   * are canonical ids of this registry, not module type indices.
   */
  funcTypeOf(id: number): FuncType | null {
    return this.funcs[id] ?? null;
  }

  /**
   * Subtyping between value types whose concrete heap types are canonical ids of this registry
   * (see {@link canonicalValType}).
   */
  isValSubtype(a: ValType, b: ValType): boolean {
    if (typeof a === 'string' || typeof b === 'string') return a === b;
    if (a.nullable && !b.nullable) return false;
    if (b.exact === true) {
      // custom-descriptors: an exact type's only proper subtype is its hierarchy's bottom
      if (a.exact === true) return a.heap === b.heap;
      return a.heap === 'none' || a.heap === 'nofunc';
    }
    return this.isHeapSubtype(a.heap, b.heap);
  }

  /** Heap subtyping over canonical heap types. */
  isHeapSubtype(a: HeapType, b: HeapType): boolean {
    if (a === b) return true;
    if (typeof a === 'number') {
      if (typeof b === 'number') return this.isSubtype(a, b);
      const k = this.kinds[a]!;
      if (k === Kind.Func) return b === 'func';
      if (b === 'any' || b === 'eq') return true;
      return k === Kind.Struct ? b === 'struct' : b === 'array';
    }
    if (typeof b === 'number') {
      const k = this.kinds[b]!;
      return k === Kind.Func ? a === 'nofunc' : a === 'none';
    }
    return absSub(a, b);
  }

  /** Replaces module type indices in `t` by canonical ids (`ids` from {@link register}). */
  canonicalValType(t: ValType, ids: Int32Array): ValType {
    return canonVal(t, ids);
  }
}

function canonVal(t: ValType, ids: Int32Array): ValType {
  if (typeof t === 'string' || typeof t.heap !== 'number') return t;
  if (t.exact === true) return { kind: 'ref', nullable: t.nullable, heap: ids[t.heap]!, exact: true };
  return { kind: 'ref', nullable: t.nullable, heap: ids[t.heap]! };
}

/** Subtyping between abstract heap types. */
export function absSub(a: string, b: string): boolean {
  if (a === b) return true;
  switch (b) {
    case 'any': return a === 'eq' || a === 'i31' || a === 'struct' || a === 'array' || a === 'none';
    case 'eq': return a === 'i31' || a === 'struct' || a === 'array' || a === 'none';
    case 'i31': case 'struct': case 'array': return a === 'none';
    case 'func': return a === 'nofunc';
    case 'extern': return a === 'noextern';
    case 'exn': return a === 'noexn';
    default: return false;
  }
}
