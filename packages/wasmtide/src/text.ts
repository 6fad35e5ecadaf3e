/**
 * `wasmtide/text`: the text format (WAT) and `.wast` script parsers of `@wasmtide/parser/text`,
 * behind their own entry point so that binary-only users never load them.
 * @module
 */
export { parseWat, parseWast, TextSyntaxError } from '@wasmtide/parser/text';
export type {
  ParseWatOptions,
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
} from '@wasmtide/parser/text';
