/**
 * `@wasmtide/runtime`: the wasmtime-style embedding API. Compile with `Module`, create a `Store`
 * per request, instantiate with `Instance`, call with `Func`/`TypedFunc`, and share memory, tables,
 * globals and tags with the host.
 * @module
 */
export { Config, type ConfigSnapshot, type WasmFeatures } from './config.js';
export { Engine, type ModuleDebugInfo } from './engine.js';
export { Store, StoreLimits, type ResourceLimiter, type StoreLimitsOptions } from './store.js';
export { Module, loadTextParser, setTextParser, SERIALIZATION_VERSION } from './module.js';
export { Instance, type Extern, type InstanceExport } from './instance.js';
export { Func, TypedFunc, Caller, ThrownException, type FuncTypeLike, type WrapFn, type HostFn } from './func.js';
export { Memory } from './memory.js';
export { Table } from './table.js';
export { Global } from './global.js';
export { Tag } from './tag.js';
export type { AsStore } from './handles.js';
export {
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
  type ValType,
  type ValTypeLike,
  type NumType,
  type HeapType,
  type AbstractHeapType,
  type ConcreteType,
  type RefTypeShorthand,
  type FieldType,
  type PackedType,
  type ExternType,
  type TableTypeOptions,
  type MemoryTypeOptions,
  type TopHeapType,
} from './types.js';
export {
  V128,
  F32Bits,
  F64Bits,
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
  type Val,
  type TypedVal,
  type V128Shape,
} from './values.js';
export { LinkError, ValueTypeError, StoreMismatchError, UsageError, ResourceLimitError, SerializationError } from './errors.js';
export { formatBacktrace, isStackOverflow } from './trapping.js';
export { Trap, TrapCode, type FrameInfo } from '@wasmtide/compiler';
export { WasmtideError } from '@wasmtide/parser';
