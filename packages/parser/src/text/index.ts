/**
 * `@wasmtide/parser/text`: the WebAssembly text format (WAT) parser, which lowers a module to its
 * binary encoding, and the `.wast` spec script parser.
 * @module
 */
export { parseWat } from './wat.js';
export type { ParseWatOptions } from './wat.js';
export { parseWast } from './wast.js';
export { TextSyntaxError } from '../errors.js';
export type {
  WastScript,
  WastCommand,
  WastModuleSource,
  WastModuleCommand,
  WastModuleDefinition,
  WastModuleInstance,
  WastModuleForm,
  WastRegister,
  WastAction,
  WastActionCommand,
  WastInvoke,
  WastGet,
  WastValue,
  WastHeapType,
  WastExpected,
  WastNan,
  WastFloatLane,
  WastRefKind,
  WastAssertReturn,
  WastAssertTrap,
  WastAssertExhaustion,
  WastAssertException,
  WastAssertModule,
} from './wast-types.js';
