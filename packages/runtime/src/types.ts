/**
 * The types of the embedding API: value types, reference types, function, global, table, memory
 * and tag types, and the import and export descriptions of a module. Concrete types (function,
 * struct and array types) are canonicalised per engine (see `registry.ts`), so two equal types from
 * different modules are the same object once registered.
 * @module
 */

/** A number type. */
export type NumType = 'i32' | 'i64' | 'f32' | 'f64';

/** The abstract heap types of WebAssembly 3.0. */
export type AbstractHeapType =
  | 'func'
  | 'nofunc'
  | 'extern'
  | 'noextern'
  | 'any'
  | 'eq'
  | 'i31'
  | 'struct'
  | 'array'
  | 'none'
  | 'exn'
  | 'noexn';

/** A concrete (defined) type: a function, struct or array type. */
export type ConcreteType = FuncType | StructType | ArrayType;

/** A heap type: abstract, or a concrete defined type. */
export type HeapType = AbstractHeapType | ConcreteType;

/** A value type: a number type, `v128`, or a reference type. */
export type ValType = NumType | 'v128' | RefType;

/** The shorthand names of the common nullable reference types, accepted wherever a type is given. */
export type RefTypeShorthand =
  | 'funcref'
  | 'externref'
  | 'anyref'
  | 'eqref'
  | 'i31ref'
  | 'structref'
  | 'arrayref'
  | 'nullref'
  | 'nullfuncref'
  | 'nullexternref'
  | 'exnref'
  | 'nullexnref';

/** What the API accepts as a value type: a {@link ValType} or a {@link RefTypeShorthand}. */
export type ValTypeLike = ValType | RefTypeShorthand;

const SHORTHAND: Record<RefTypeShorthand, AbstractHeapType> = {
  funcref: 'func',
  externref: 'extern',
  anyref: 'any',
  eqref: 'eq',
  i31ref: 'i31',
  structref: 'struct',
  arrayref: 'array',
  nullref: 'none',
  nullfuncref: 'nofunc',
  nullexternref: 'noextern',
  exnref: 'exn',
  nullexnref: 'noexn',
};

/** The top of each heap-type hierarchy. */
export type TopHeapType = 'func' | 'extern' | 'any' | 'exn';

/** A reference type: `(ref null? heaptype)`. */
export class RefType {
  /** `(ref null func)`. */
  static readonly FUNCREF = new RefType(true, 'func');
  /** `(ref null extern)`. */
  static readonly EXTERNREF = new RefType(true, 'extern');
  /** `(ref null any)`. */
  static readonly ANYREF = new RefType(true, 'any');
  /** `(ref null eq)`. */
  static readonly EQREF = new RefType(true, 'eq');
  /** `(ref null i31)`. */
  static readonly I31REF = new RefType(true, 'i31');
  /** `(ref null exn)`. */
  static readonly EXNREF = new RefType(true, 'exn');
  /** Whether the reference may be null. */
  readonly nullable: boolean;
  /** The heap type. */
  readonly heap: HeapType;
  /**
   * Custom descriptors: an exact reference `(ref null? (exact $t))` admits values of exactly the
   * concrete type `heap`, not of its subtypes. Always false for abstract heap types.
   */
  readonly exact: boolean;
  /** A reference type; `nullable` says whether it admits `null`, `exact` whether it is exact. */
  constructor(nullable: boolean, heap: HeapType, exact = false) {
    this.nullable = nullable;
    this.heap = heap;
    this.exact = exact && typeof heap !== 'string';
  }
  /** The top of this type's hierarchy (`func`, `extern`, `any` or `exn`). */
  top(): TopHeapType {
    return heapTop(this.heap);
  }
  /** The text-format spelling, e.g. `funcref` or `(ref $0)`. */
  toString(): string {
    if (typeof this.heap === 'string') {
      if (this.nullable) {
        for (const [k, v] of Object.entries(SHORTHAND)) if (v === this.heap) return k;
      }
      return `(ref ${this.nullable ? 'null ' : ''}${this.heap})`;
    }
    const name = concreteName(this.heap);
    return `(ref ${this.nullable ? 'null ' : ''}${this.exact ? `(exact ${name})` : name})`;
  }
}

/**
 * How a reference names a concrete type: by kind and a number unique per registered type (types
 * may be recursive, so references never expand them).
 */
function concreteName(t: ConcreteType): string {
  const kind = t instanceof FuncType ? 'func' : t instanceof StructType ? 'struct' : 'array';
  return `$${kind}${t.uid}`;
}

/** The top of the hierarchy a heap type belongs to. */
export function heapTop(h: HeapType): TopHeapType {
  if (typeof h !== 'string') return h instanceof FuncType ? 'func' : 'any';
  switch (h) {
    case 'func':
    case 'nofunc':
      return 'func';
    case 'extern':
    case 'noextern':
      return 'extern';
    case 'exn':
    case 'noexn':
      return 'exn';
    default:
      return 'any';
  }
}

/** Normalises a {@link ValTypeLike} to a {@link ValType}; throws a `TypeError` on anything else. */
export function toValType(t: ValTypeLike): ValType {
  if (t instanceof RefType) return t;
  switch (t) {
    case 'i32':
    case 'i64':
    case 'f32':
    case 'f64':
    case 'v128':
      return t;
  }
  const heap = SHORTHAND[t as RefTypeShorthand];
  if (heap !== undefined) return new RefType(true, heap);
  throw new TypeError(`not a value type: ${String(t)}`);
}

/** The text-format spelling of a value type. */
export function valTypeToString(t: ValType): string {
  return typeof t === 'string' ? t : t.toString();
}

let nextTypeUid = 1;

/**
 * Shared by the concrete types: their declared supertype and finality, and (once registered with an
 * engine) their canonical identity.
 */
abstract class DefinedType {
  /** Declared supertype, if any. */
  readonly supertype: ConcreteType | null = null;
  /** Whether the type is final (cannot be subtyped). Host-created types are final. */
  readonly final: boolean = true;
  /** @internal A number unique to this object, used in canonicalisation keys. */
  readonly uid = nextTypeUid++;
  /** True if `this` is the same canonical type as `other` or a declared subtype of it. */
  isSubtypeOf(other: ConcreteType): boolean {
    for (let t: ConcreteType | null = this as unknown as ConcreteType; t !== null; t = t.supertype) {
      if (t === other) return true;
    }
    return false;
  }
}

/** A function type. */
export class FuncType extends DefinedType {
  /** Parameter types. */
  readonly params: readonly ValType[];
  /** Result types. */
  readonly results: readonly ValType[];
  /** A function type (final, no supertype). */
  constructor(params: readonly ValTypeLike[] = [], results: readonly ValTypeLike[] = []) {
    super();
    this.params = params.map(toValType);
    this.results = results.map(toValType);
  }
  /** The text-format spelling, e.g. `(func (param i32) (result i64))`. */
  override toString(): string {
    let s = '(func';
    if (this.params.length) s += ` (param ${this.params.map(valTypeToString).join(' ')})`;
    if (this.results.length) s += ` (result ${this.results.map(valTypeToString).join(' ')})`;
    return s + ')';
  }
}

/** A packed storage type for struct fields and array elements. */
export type PackedType = 'i8' | 'i16';

/** The type of a struct field or array element. */
export interface FieldType {
  /** The storage type. */
  readonly storage: ValType | PackedType;
  /** Whether the field may be written. */
  readonly mutable: boolean;
}

function fieldToString(f: FieldType): string {
  const s = typeof f.storage === 'string' ? f.storage : f.storage.toString();
  return f.mutable ? `(mut ${s})` : s;
}

/** A struct type (GC). */
export class StructType extends DefinedType {
  /** The fields. */
  readonly fields: readonly FieldType[];
  /** A struct type with the given fields. */
  constructor(fields: readonly FieldType[] = []) {
    super();
    this.fields = fields;
  }
  /** The text-format spelling. */
  override toString(): string {
    return `(struct${this.fields.map((f) => ` (field ${fieldToString(f)})`).join('')})`;
  }
}

/** An array type (GC). */
export class ArrayType extends DefinedType {
  /** The element type. */
  readonly element: FieldType;
  /** An array type with the given element type. */
  constructor(element: FieldType) {
    super();
    this.element = element;
  }
  /** The text-format spelling. */
  override toString(): string {
    return `(array ${fieldToString(this.element)})`;
  }
}

/** The type of a global: its content type and mutability. */
export class GlobalType {
  /** The type of the value held. */
  readonly content: ValType;
  /** Whether the global may be set. */
  readonly mutable: boolean;
  /** A global type. */
  constructor(content: ValTypeLike, mutable: boolean = false) {
    this.content = toValType(content);
    this.mutable = mutable;
  }
  /** The text-format spelling, e.g. `(global (mut i32))`. */
  toString(): string {
    const c = valTypeToString(this.content);
    return `(global ${this.mutable ? `(mut ${c})` : c})`;
  }
}

/** Options of a {@link TableType}. */
export interface TableTypeOptions {
  /** The element reference type. */
  element: ValTypeLike;
  /** Minimum (initial) number of elements. */
  minimum: number;
  /** Maximum number of elements, or null for none. */
  maximum?: number | null;
  /** A 64-bit table (table64): indices are i64. */
  is64?: boolean;
}

/** The type of a table. */
export class TableType {
  /** The element reference type. */
  readonly element: RefType;
  /** Minimum number of elements. */
  readonly minimum: number;
  /** Maximum number of elements, or null. */
  readonly maximum: number | null;
  /** Whether indices are i64 (table64). */
  readonly is64: boolean;
  /** A table type: `new TableType('funcref', 10, 20)` or `new TableType({element, minimum, ...})`. */
  constructor(element: ValTypeLike | TableTypeOptions, minimum?: number, maximum: number | null = null, is64 = false) {
    if (typeof element === 'object' && !(element instanceof RefType)) {
      const o = element;
      element = o.element;
      minimum = o.minimum;
      maximum = o.maximum ?? null;
      is64 = o.is64 ?? false;
    }
    const el = toValType(element);
    if (!(el instanceof RefType)) throw new TypeError(`table element type must be a reference type, not ${el}`);
    this.element = el;
    this.minimum = minimum ?? 0;
    this.maximum = maximum;
    this.is64 = is64;
  }
  /** The text-format spelling. */
  toString(): string {
    return `(table${this.is64 ? ' i64' : ''} ${this.minimum}${this.maximum !== null ? ` ${this.maximum}` : ''} ${this.element})`;
  }
}

/** Options of a {@link MemoryType}. */
export interface MemoryTypeOptions {
  /** Minimum (initial) size in pages. */
  minimum: number;
  /** Maximum size in pages, or null. */
  maximum?: number | null;
  /** A 64-bit memory (memory64). */
  is64?: boolean;
  /** A shared memory (threads). */
  shared?: boolean;
  /** log2 of the page size (custom-page-sizes); 16 by default (64 KiB pages). */
  pageSizeLog2?: number;
}

/** The type of a linear memory. Sizes are in pages. */
export class MemoryType {
  /** Minimum size in pages. */
  readonly minimum: number;
  /** Maximum size in pages, or null. */
  readonly maximum: number | null;
  /** Whether addresses are i64 (memory64). */
  readonly is64: boolean;
  /** Whether the memory is shared. */
  readonly shared: boolean;
  /** log2 of the page size: 16 (64 KiB) unless custom-page-sizes says otherwise. */
  readonly pageSizeLog2: number;
  /** A memory type: `new MemoryType(1, 2)` or `new MemoryType({minimum: 1, maximum: 2, is64: true})`. */
  constructor(minimum: number | MemoryTypeOptions, maximum: number | null = null) {
    if (typeof minimum === 'object') {
      const o = minimum;
      this.minimum = o.minimum;
      this.maximum = o.maximum ?? null;
      this.is64 = o.is64 ?? false;
      this.shared = o.shared ?? false;
      this.pageSizeLog2 = o.pageSizeLog2 ?? 16;
    } else {
      this.minimum = minimum;
      this.maximum = maximum;
      this.is64 = false;
      this.shared = false;
      this.pageSizeLog2 = 16;
    }
  }
  /** The page size in bytes. */
  get pageSize(): number {
    return 2 ** this.pageSizeLog2;
  }
  /** The text-format spelling. */
  toString(): string {
    return `(memory${this.is64 ? ' i64' : ''} ${this.minimum}${this.maximum !== null ? ` ${this.maximum}` : ''}${this.shared ? ' shared' : ''})`;
  }
}

/** The type of an exception tag: the function type of its payload (params; no results). */
export class TagType {
  /** The payload signature. */
  readonly ty: FuncType;
  /** A tag type with the given payload signature. */
  constructor(ty: FuncType) {
    this.ty = ty;
  }
  /** The text-format spelling. */
  toString(): string {
    return `(tag ${this.ty})`;
  }
}

/** The type of an import or export. */
export type ExternType = FuncType | GlobalType | TableType | MemoryType | TagType;

/** The kind of an extern type: `func`, `global`, `table`, `memory` or `tag`. */
export function externKind(t: ExternType): 'func' | 'global' | 'table' | 'memory' | 'tag' {
  if (t instanceof FuncType) return 'func';
  if (t instanceof GlobalType) return 'global';
  if (t instanceof TableType) return 'table';
  if (t instanceof MemoryType) return 'memory';
  return 'tag';
}

/** One import of a module: where it comes from and its type. */
export class ImportType {
  /** The module name. */
  readonly module: string;
  /** The field name. */
  readonly name: string;
  /** The type expected. */
  readonly ty: ExternType;
  /** An import description. */
  constructor(module: string, name: string, ty: ExternType) {
    this.module = module;
    this.name = name;
    this.ty = ty;
  }
}

/** One export of a module: its name and type. */
export class ExportType {
  /** The export name. */
  readonly name: string;
  /** The type of what is exported. */
  readonly ty: ExternType;
  /** An export description. */
  constructor(name: string, ty: ExternType) {
    this.name = name;
    this.ty = ty;
  }
}

// ---------------------------------------------------------------------------------------------
// Subtyping (WebAssembly 3.0 §Matching).

/** Whether heap type `a` matches (is a subtype of) heap type `b`. */
export function heapMatches(a: HeapType, b: HeapType): boolean {
  if (a === b) return true;
  if (typeof a !== 'string') {
    if (typeof b !== 'string') return a.isSubtypeOf(b);
    if (a instanceof FuncType) return b === 'func';
    if (a instanceof StructType) return b === 'struct' || b === 'eq' || b === 'any';
    return b === 'array' || b === 'eq' || b === 'any';
  }
  switch (a) {
    case 'none':
      return heapTop(b) === 'any';
    case 'nofunc':
      return heapTop(b) === 'func';
    case 'noextern':
      return b === 'extern';
    case 'noexn':
      return b === 'exn';
    case 'eq':
      return b === 'any';
    case 'i31':
    case 'struct':
    case 'array':
      return b === 'eq' || b === 'any';
    default:
      return false;
  }
}

/** Whether value type `a` matches (is a subtype of) value type `b`. */
export function valTypeMatches(a: ValType, b: ValType): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.nullable && !b.nullable) return false;
  // An exact type is matched by itself and by the bottom types of its hierarchy only.
  if (b.exact) return a.exact ? a.heap === b.heap : typeof a.heap === 'string' && isBottomHeap(a.heap) && heapMatches(a.heap, b.heap);
  return heapMatches(a.heap, b.heap);
}

function isBottomHeap(h: string): boolean {
  return h === 'none' || h === 'nofunc' || h === 'noextern' || h === 'noexn';
}

/** Whether two value types are equal (each matches the other). */
export function valTypeEquals(a: ValType, b: ValType): boolean {
  return valTypeMatches(a, b) && valTypeMatches(b, a);
}
