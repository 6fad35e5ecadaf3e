/**
 * `@wasmtide/parser`: the module IR, the binary decoder and encoder, and the opcode table.
 * The text (WAT) and `.wast` script parsers live behind the `@wasmtide/parser/text` entry point.
 * @module
 */
export type * from './ir.js';
export { WasmtideError, DecodeError, TextSyntaxError } from './errors.js';
export { Op, OPS, opInfo, opByName, prefixedOp } from './opcodes.js';
export type { OpInfo, ImmKind } from './opcodes.js';
export { Reader } from './binary/reader.js';
export { Writer } from './binary/writer.js';
