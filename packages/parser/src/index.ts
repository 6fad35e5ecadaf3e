/**
 * `@wasmtide/parser`: the module IR, the binary decoder and encoder, and the opcode table.
 * The text (WAT) and `.wast` script parsers live behind the `@wasmtide/parser/text` entry point.
 * @module
 */
export type * from './ir.js';
export { WasmtideError, DecodeError, TextSyntaxError } from './errors.js';
export { Op, OPS, opInfo, opByName, prefixedOp } from './opcodes.js';
export type { OpInfo, ImmKind } from './opcodes.js';
export { Reader, readerFeatures, plainBytes } from './binary/reader.js';
export { Writer } from './binary/writer.js';
export { decodeModule, checkBodies, readConstExpr, SectionId } from './binary/decode.js';
export { DecodedData } from './binary/data.js';
export type { DecodeOptions, DecodeFeatures } from './binary/decode.js';
export { encodeModule, writeValType, writeRefType } from './binary/encode.js';
export { moduleEquals, normalizeModule } from './binary/equals.js';
export { decodeNameSection } from './binary/names.js';
export { decodeInstructions } from './binary/instructions.js';
export type { Instruction, Immediate, CatchClause } from './binary/instructions.js';
export {
  readValType,
  readRefType,
  readHeapType,
  readBlockType,
  readMemArg,
  skipImmediates,
  skipImm,
  scanBody,
  illegalOpcode,
  absHeapTypeOfByte,
  ABS_HEAP_BYTE,
} from './binary/immediates.js';
export type { BlockType, MemArg } from './binary/immediates.js';
