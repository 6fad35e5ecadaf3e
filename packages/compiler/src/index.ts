/**
 * `@wasmtide/compiler`: validated WebAssembly modules to JavaScript source, the ABI between
 * generated code and the runtime, and the loader for compiled modules.
 * @module
 */
export { Trap, TrapCode, trap } from './trap.js';
export type { FrameInfo } from './trap.js';
export {
  ABI_VERSION,
  LAZY_AUTO_BYTES,
  HI,
  CALL_DEPTH,
  genericArray,
  RET,
  PAGE_SIZE,
  MemoryInstance,
  TableInstance,
  GlobalInstance,
  TagInstance,
  WasmException,
  GcStruct,
  GcArray,
  makeEntry,
  makeHostAdapter,
  toTrap,
  pairToBigInt,
  parseWasmFrames,
} from './abi.js';
export type {
  FuncRef,
  InternalValue,
  MemoryGrowHook,
  GcObject,
  CompileOptions,
  CompiledImport,
  CompiledExport,
  CompiledModule,
  CompiledData,
  DataRun,
  InstanceImports,
  InstanceExports,
  ModuleFactory,
} from './abi.js';
export { compileModule } from './compile.js';
export type { CompilerInput } from './compile.js';
export { loadCompiled, completeCompiled, Delegated } from './load.js';
export { CompileError } from './codegen/context.js';
