/**
 * `wasmtide`: the whole wasmtide API from one import, plus the `.wast` script engine used by the
 * `wasmtide wast` command and the spec-suite runner. Every symbol is re-exported by name from the
 * package that defines it.
 *
 * The embedding API (`Engine`, `Store`, `Module`, `Instance`, `Func`, `Memory`, `Table`,
 * `Global`, `Linker`, WASI, and the runtime's type classes `FuncType`, `ValType`, …) is at the top
 * level. The parser's IR types, several of which share those names, are under the `ir` type
 * namespace (`import type { ir } from 'wasmtide'; let m: ir.Module`). The text parser is at
 * `wasmtide/text`, so that binary-only users never load it.
 * @module
 */

// ------------------------------------------------------------------ @wasmtide/runtime
export {
  Config,
  Engine,
  Store,
  StoreLimits,
  Module,
  loadTextParser,
  setTextParser,
  SERIALIZATION_VERSION,
  Instance,
  Func,
  TypedFunc,
  Caller,
  ThrownException,
  Memory,
  Table,
  Global,
  Tag,
  RefType,
  FuncType,
  StructType,
  ArrayType,
  GlobalType,
  TableType,
  MemoryType,
  TagType,
  ImportType,
  ExportType,
  toValType,
  valTypeToString,
  valTypeMatches,
  valTypeEquals,
  heapMatches,
  externKind,
  V128,
  ExternRef,
  AnyRef,
  ExnRef,
  f32ToBits,
  f32FromBits,
  f64ToBits,
  f64FromBits,
  isCanonicalNanF32,
  isArithmeticNanF32,
  isCanonicalNanF64,
  isArithmeticNanF64,
  LinkError,
  ValueTypeError,
  StoreMismatchError,
  UsageError,
  ResourceLimitError,
  SerializationError,
  formatBacktrace,
  isStackOverflow,
  Trap,
  TrapCode,
} from '@wasmtide/runtime';
export type {
  ConfigSnapshot,
  WasmFeatures,
  ModuleDebugInfo,
  ResourceLimiter,
  StoreLimitsOptions,
  Extern,
  InstanceExport,
  FuncTypeLike,
  WrapFn,
  HostFn,
  AsStore,
  ValType,
  ValTypeLike,
  NumType,
  HeapType,
  AbstractHeapType,
  ConcreteType,
  RefTypeShorthand,
  FieldType,
  PackedType,
  ExternType,
  TableTypeOptions,
  MemoryTypeOptions,
  TopHeapType,
  Val,
  TypedVal,
  V128Shape,
  FrameInfo,
} from '@wasmtide/runtime';

// ------------------------------------------------------------------ @wasmtide/linker
export { Linker } from '@wasmtide/linker';

// ------------------------------------------------------------------ @wasmtide/wasi
export {
  Errno,
  Rights,
  RIGHTS_ALL,
  RIGHTS_FILE,
  RIGHTS_DIRECTORY,
  RIGHTS_STDIN,
  RIGHTS_STDOUT,
  Filetype,
  Whence,
  ClockId,
  Advice,
  Fdflags,
  Fstflags,
  Lookupflags,
  Oflags,
  Eventtype,
  Eventrwflags,
  Subclockflags,
  Sdflags,
  Preopentype,
  Signal,
  Layout,
  WasiErrnoError,
  WasiExit,
  WasiSignal,
  WasiConfigError,
  errnoFromHostCode,
  errnoName,
  WasiCtx,
  WasiCtxBuilder,
  defaultClocks,
  MAX_FDS,
  MemoryInputStream,
  CaptureOutputStream,
  CallbackOutputStream,
  HostFdStream,
  MemFs,
  HostFs,
  resolvePath,
  decodePath,
  MAX_SYMLINK_EXPANSIONS,
  MAX_PATH_BYTES,
  wasiImports,
  WASI_FUNC_TYPES,
  WASI_MODULE,
  addToLinker,
} from '@wasmtide/wasi';
export type {
  ErrnoValue,
  PreopenPerms,
  WasiClocks,
  FdEntry,
  FileEntry,
  DirEntry,
  StreamEntry,
  WasiInputStream,
  WasiOutputStream,
  Filestat,
  FsDirEntry,
  FsOpenOptions,
  FsHandle,
  FsFile,
  FsDirectory,
  WasiFilesystem,
  Resolved,
  WasiFuncType,
  WasiValType,
  MemoryLike,
  WasiHostFn,
  AddToLinkerOptions,
  WasiCallerLike,
  WasiLinkerLike,
} from '@wasmtide/wasi';

// ------------------------------------------------------------------ @wasmtide/compiler
export { trap, compileModule, loadCompiled, CompileError } from '@wasmtide/compiler';
export type { CompileOptions, CompiledModule, CompilerInput } from '@wasmtide/compiler';

// ------------------------------------------------------------------ @wasmtide/validator
export {
  validate,
  funcTypeOf,
  ValidationError,
  defaultFeatures,
  wasm2Features,
  wasm3Features,
  allFeatures,
  resolveFeatures,
  canonicalize,
  TypeRegistry,
  limitsMatch,
  matchesValType,
  sameValType,
  matchExternType,
} from '@wasmtide/validator';
export type { ValidatedModule, Features, TypeIds } from '@wasmtide/validator';

// ------------------------------------------------------------------ @wasmtide/parser
export {
  WasmtideError,
  DecodeError,
  TextSyntaxError,
  Op,
  OPS,
  opInfo,
  opByName,
  prefixedOp,
  Reader,
  Writer,
  decodeModule,
  readConstExpr,
  SectionId,
  encodeModule,
  moduleEquals,
  normalizeModule,
  decodeNameSection,
  decodeInstructions,
} from '@wasmtide/parser';
export type { OpInfo, ImmKind, DecodeOptions, DecodeFeatures, Instruction, Immediate, CatchClause, BlockType, MemArg } from '@wasmtide/parser';
/** The module IR types of `@wasmtide/parser` (`ir.Module`, `ir.FuncType`, …). */
export type * as ir from '@wasmtide/parser';

// ------------------------------------------------------------------ the script engine (this package)
export { runWast, WAST_COMMAND_KINDS, EXECUTION_NOT_IMPLEMENTED } from './wast.js';
export type { WastCommandKind, WastOutcome, WastPlanEntry, WastRunOptions, WastRunResult } from './wast.js';
export { WastSession, spectestModule, matchesExpected, formatActual, formatExpected } from './wast-exec.js';
export { featuresForArea, areaOfPath, wasm2FeatureSet, wasm3FeatureSet } from './features.js';
export type { WastFeatures } from './features.js';
export { describeModule, valTypeText, compTypeText, memoryTypeText, tableTypeText, globalTypeText, importTypeText } from './describe.js';

// ------------------------------------------------------------------ @wasmtide/c-api
/** The `wasm.h` / `wasmtime.h` flat API (`capi.wasm_engine_new()`, …): see `@wasmtide/c-api`. */
export * as capi from '@wasmtide/c-api';
