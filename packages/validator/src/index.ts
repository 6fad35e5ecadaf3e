/**
 * `@wasmtide/validator`: the WebAssembly 3.0 validation algorithm over the wasmtide module IR,
 * the per-function facts the compiler needs, and the type canonicalisation and matching rules the
 * runtime uses across modules.
 * @module
 */
export { validate, funcTypeOf } from './module.js';
export { decodeAndValidate } from './binary.js';
export type { ValidatedModule } from './module.js';
export { ValidationError } from './errors.js';
export { defaultFeatures, wasm2Features, wasm3Features, allFeatures, resolveFeatures } from './features.js';
export type { Features } from './features.js';
export { canonicalize, TypeRegistry } from './canon.js';
export { limitsMatch, matchesValType, sameValType, matchExternType } from './match.js';
export type { TypeIds } from './match.js';
export {
  FACT_MEMORY,
  FACT_CALL,
  FACT_CALL_INDIRECT,
  FACT_CALL_REF,
  FACT_TAIL_CALL,
  FACT_EXCEPTIONS,
  FACT_TABLE,
  FACT_GC,
  FACT_SIMD,
  FACT_GLOBAL,
} from './func.js';
