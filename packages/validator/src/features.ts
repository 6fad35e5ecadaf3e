/**
 * The WebAssembly proposals the validator knows, one switch each.
 * @module
 */

/** One boolean per WebAssembly proposal; a disabled proposal's instructions and types are rejected. */
export interface Features {
  /** Import/export of mutable globals (WebAssembly 2.0). */
  readonly mutableGlobal: boolean;
  /** Non-trapping float-to-int conversions (2.0). */
  readonly saturatingFloatToInt: boolean;
  /** Sign-extension operators (2.0). */
  readonly signExtension: boolean;
  /** Multiple results and block parameters (2.0). */
  readonly multiValue: boolean;
  /** Bulk memory and table operations, passive segments, data count (2.0). */
  readonly bulkMemory: boolean;
  /** funcref/externref, table instructions, multiple tables (2.0). */
  readonly referenceTypes: boolean;
  /** 128-bit SIMD (2.0). */
  readonly simd: boolean;
  /** Relaxed SIMD (3.0). */
  readonly relaxedSimd: boolean;
  /** Tail calls (3.0). */
  readonly tailCall: boolean;
  /** Extended constant expressions (3.0). */
  readonly extendedConst: boolean;
  /** Typed function references (3.0). */
  readonly functionReferences: boolean;
  /** Garbage collection: structs, arrays, i31, casts, subtyping (3.0). */
  readonly gc: boolean;
  /** Exception handling with `try_table` and `exnref` (3.0). */
  readonly exceptions: boolean;
  /** The legacy exception instructions `try`/`catch`/`catch_all`/`delegate`/`rethrow`. */
  readonly legacyExceptions: boolean;
  /** Multiple memories (3.0). */
  readonly multiMemory: boolean;
  /** 64-bit memories and tables (3.0). */
  readonly memory64: boolean;
  /** Shared memories and atomic operators (threads proposal). */
  readonly threads: boolean;
  /** 128-bit arithmetic helpers (`i64.add128`, ...). */
  readonly wideArithmetic: boolean;
  /** Memory page sizes other than 64 KiB. */
  readonly customPageSizes: boolean;
  /** Custom descriptors and exact reference types (descriptor/describes clauses, exact types, the descriptor instructions). */
  readonly customDescriptors: boolean;
}

const wasm2: Features = Object.freeze({
  mutableGlobal: true,
  saturatingFloatToInt: true,
  signExtension: true,
  multiValue: true,
  bulkMemory: true,
  referenceTypes: true,
  simd: true,
  relaxedSimd: false,
  tailCall: false,
  extendedConst: false,
  functionReferences: false,
  gc: false,
  exceptions: false,
  legacyExceptions: false,
  multiMemory: false,
  memory64: false,
  threads: false,
  wideArithmetic: false,
  customPageSizes: false,
  customDescriptors: false,
});

/** Everything WebAssembly 2.0 has (no 3.0 proposals). */
export const wasm2Features: Features = wasm2;

/** Everything WebAssembly 3.0 has: 2.0 plus the proposals merged into 3.0. */
export const wasm3Features: Features = Object.freeze({
  ...wasm2,
  relaxedSimd: true,
  tailCall: true,
  extendedConst: true,
  functionReferences: true,
  gc: true,
  exceptions: true,
  multiMemory: true,
  memory64: true,
});

/**
 * What current wasmtime enables by default: the whole WebAssembly 3.0 set (GC and exception
 * handling became default-on in wasmtime 47) plus threads (default-on when built with its
 * `threads` cargo feature, as released builds are). Off: legacy exceptions, wide arithmetic,
 * custom page sizes and custom descriptors, which wasmtime keeps behind flags.
 */
export const defaultFeatures: Features = Object.freeze({ ...wasm3Features, threads: true });

/** Every proposal this validator knows, switched on. */
export const allFeatures: Features = Object.freeze({
  ...wasm3Features,
  legacyExceptions: true,
  threads: true,
  wideArithmetic: true,
  customPageSizes: true,
  customDescriptors: true,
});

/** Fills the gaps of a partial feature set from {@link defaultFeatures}. */
export function resolveFeatures(f?: Partial<Features>): Features {
  if (!f) return defaultFeatures;
  return Object.freeze({ ...defaultFeatures, ...f });
}
