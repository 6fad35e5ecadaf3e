/**
 * The wasmtide module IR: readonly data produced by the binary decoder (and, through it, by the
 * text parser, which lowers to bytes). Sections are decoded into plain objects; function bodies and
 * constant expressions stay byte ranges into {@link Module.bytes}, walked by a {@link CodeReader}.
 *
 * @module
 */

/** Number types. */
export type NumType = 'i32' | 'i64' | 'f32' | 'f64';
/** The vector type. */
export type VecType = 'v128';

/** Abstract heap types (WebAssembly 3.0: function references, GC, exceptions). */
export type AbsHeapType =
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

/**
 * A heap type: an abstract one, or a concrete type index into {@link Module.types}
 * (a non-negative integer).
 */
export type HeapType = AbsHeapType | number;

/** A reference type: `(ref null? heaptype)`. */
export interface RefType {
  readonly kind: 'ref';
  readonly nullable: boolean;
  readonly heap: HeapType;
  /** custom-descriptors proposal: an exact reference `(ref exact ht)`. */
  readonly exact?: boolean;
}

/** A value type. */
export type ValType = NumType | VecType | RefType;

/** Packed storage types for struct and array fields. */
export type PackedType = 'i8' | 'i16';
/** A storage type. */
export type StorageType = ValType | PackedType;

/** A struct field or array element type. */
export interface FieldType {
  readonly storage: StorageType;
  readonly mutable: boolean;
}

/** A function type. */
export interface FuncType {
  readonly kind: 'func';
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}
/** A struct type. */
export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly FieldType[];
}
/** An array type. */
export interface ArrayType {
  readonly kind: 'array';
  readonly element: FieldType;
}
/** A composite type. */
export type CompType = FuncType | StructType | ArrayType;

/** A sub type: a composite type with its declared supertypes and finality. */
export interface SubType {
  readonly final: boolean;
  /** Type indices of the declared supertypes (at most one in WebAssembly 3.0). */
  readonly supers: readonly number[];
  readonly comp: CompType;
  /** custom-descriptors proposal: `describes` type index, if any. */
  readonly describes?: number;
  /** custom-descriptors proposal: `descriptor` type index, if any. */
  readonly descriptor?: number;
}

/** A recursion group: `types[start .. start+count)` of {@link Module.types}. */
export interface RecGroup {
  readonly start: number;
  readonly count: number;
}

/** Address type of a memory or table (memory64 / table64). */
export type AddrType = 'i32' | 'i64';

/**
 * Limits. `min` and `max` are plain numbers; a 64-bit limit beyond 2^53 loses precision (such
 * limits are invalid for memories, and no table of that size can exist).
 */
export interface Limits {
  readonly min: number;
  readonly max: number | null;
}

/** A memory type. */
export interface MemoryType {
  readonly limits: Limits;
  readonly shared: boolean;
  readonly addr: AddrType;
  /** custom-page-sizes proposal: log2 of the page size; 16 (64 KiB) unless given. */
  readonly pageSizeLog2: number;
}

/** A table type. */
export interface TableType {
  readonly element: RefType;
  readonly limits: Limits;
  readonly addr: AddrType;
}

/** A global type. */
export interface GlobalType {
  readonly type: ValType;
  readonly mutable: boolean;
}

/** A tag type: the index of its function type (attribute 0, exception). */
export interface TagType {
  readonly type: number;
}

/** A byte range `[start, end)` into {@link Module.bytes}. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A constant expression: the bytes of its instructions, `[start, end)` into {@link Module.bytes},
 * **not** including the final `end` opcode (0x0B), which sits at `end`.
 */
export type ConstExpr = ByteRange;

/** What an import or export refers to, by kind. */
export type ExternKind = 'func' | 'table' | 'memory' | 'global' | 'tag';

/** The description of an import. */
export type ImportDesc =
  | { readonly kind: 'func'; readonly type: number; readonly exact?: boolean }
  | { readonly kind: 'table'; readonly type: TableType }
  | { readonly kind: 'memory'; readonly type: MemoryType }
  | { readonly kind: 'global'; readonly type: GlobalType }
  | { readonly kind: 'tag'; readonly type: TagType };

/** An import. */
export interface Import {
  readonly module: string;
  readonly name: string;
  readonly desc: ImportDesc;
}

/** An export. `index` is in the index space of its kind (imports first). */
export interface Export {
  readonly name: string;
  readonly kind: ExternKind;
  readonly index: number;
}

/** A table defined by the module, with its optional initialiser expression. */
export interface TableDef {
  readonly type: TableType;
  readonly init: ConstExpr | null;
}

/** A global defined by the module. */
export interface GlobalDef {
  readonly type: GlobalType;
  readonly init: ConstExpr;
}

/** An element segment. */
export interface ElemSegment {
  readonly mode: 'active' | 'passive' | 'declarative';
  /** Table index (active segments). */
  readonly table: number;
  /** Offset expression (active segments); null otherwise. */
  readonly offset: ConstExpr | null;
  /** The element reference type. */
  readonly type: RefType;
  /**
   * The items: either function indices (the `funcidx` vector forms) or constant expressions
   * (the `expr` vector forms).
   */
  readonly items: { readonly kind: 'funcs'; readonly funcs: readonly number[] } | { readonly kind: 'exprs'; readonly exprs: readonly ConstExpr[] };
}

/** A data segment. */
export interface DataSegment {
  readonly mode: 'active' | 'passive';
  readonly memory: number;
  readonly offset: ConstExpr | null;
  /** The segment's bytes (a view into {@link Module.bytes}). */
  readonly init: ByteRange;
}

/** A run of locals of one type. */
export interface LocalGroup {
  readonly count: number;
  readonly type: ValType;
}

/** A function body from the code section. */
export interface FuncBody {
  /** The local declarations (not including parameters). */
  readonly locals: readonly LocalGroup[];
  /** Total number of declared locals (sum of counts). */
  readonly localCount: number;
  /** The instructions `[start, end)`; `end` is just past the final `end` opcode (0x0B). */
  readonly code: ByteRange;
  /** The whole body entry (size-prefixed contents), for error offsets and re-encoding. */
  readonly range: ByteRange;
}

/** Where a custom section stood, relative to the known sections (by their binary id). */
export interface CustomSection {
  readonly name: string;
  /** The payload after the name. */
  readonly data: ByteRange;
  /** Id of the last non-custom section before this one (0 if none). */
  readonly after: number;
}

/** The decoded `name` custom section (all maps are index -> name). */
export interface NameSection {
  readonly module: string | null;
  /** Function names by function index. */
  readonly funcs: ReadonlyMap<number, string>;
  /** Local names by function index, then local index. */
  readonly locals: ReadonlyMap<number, ReadonlyMap<number, string>>;
  readonly types: ReadonlyMap<number, string>;
  readonly tables: ReadonlyMap<number, string>;
  readonly memories: ReadonlyMap<number, string>;
  readonly globals: ReadonlyMap<number, string>;
  readonly elems: ReadonlyMap<number, string>;
  readonly datas: ReadonlyMap<number, string>;
  readonly tags: ReadonlyMap<number, string>;
  /** Field names by type index, then field index. */
  readonly fields: ReadonlyMap<number, ReadonlyMap<number, string>>;
  /** Label names by function index, then label index. */
  readonly labels: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

/**
 * A decoded module. Index spaces (funcs, tables, memories, globals, tags) put imports first; the
 * `funcs`, `tables`, ... arrays here hold only the module's own definitions.
 */
export interface Module {
  /** The bytes that every {@link ByteRange} in this module points into. */
  readonly bytes: Uint8Array;
  /** All types, flattened; {@link recGroups} says how they group. */
  readonly types: readonly SubType[];
  readonly recGroups: readonly RecGroup[];
  readonly imports: readonly Import[];
  /** Type index of each function the module defines. */
  readonly funcs: readonly number[];
  readonly tables: readonly TableDef[];
  readonly memories: readonly MemoryType[];
  readonly globals: readonly GlobalDef[];
  readonly tags: readonly TagType[];
  readonly exports: readonly Export[];
  readonly start: number | null;
  readonly elems: readonly ElemSegment[];
  readonly datas: readonly DataSegment[];
  /** The data count section's value, or null if the section is absent. */
  readonly dataCount: number | null;
  /** One body per defined function, in order. */
  readonly codes: readonly FuncBody[];
  readonly customs: readonly CustomSection[];
  /** The decoded name section, or null. A malformed name section is ignored (it is custom). */
  readonly names: NameSection | null;
  /** Counts of imports by kind, i.e. where each index space's own definitions start. */
  readonly importCounts: { readonly func: number; readonly table: number; readonly memory: number; readonly global: number; readonly tag: number };
}
