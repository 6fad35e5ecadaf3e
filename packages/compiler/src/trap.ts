/**
 * Traps: the errors that generated code raises. `Trap` is defined here, the lowest layer that
 * raises it; the runtime re-exports it and fills in the wasm backtrace.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';

/** The trap codes, with the spec's wording as their messages. */
export const TrapCode = {
  Unreachable: 'unreachable',
  IntegerDivideByZero: 'integer divide by zero',
  IntegerOverflow: 'integer overflow',
  InvalidConversionToInteger: 'invalid conversion to integer',
  MemoryOutOfBounds: 'out of bounds memory access',
  TableOutOfBounds: 'out of bounds table access',
  UndefinedElement: 'undefined element',
  UninitializedElement: 'uninitialized element',
  IndirectCallTypeMismatch: 'indirect call type mismatch',
  NullReference: 'null reference',
  NullFunctionReference: 'null function reference',
  NullStructReference: 'null structure reference',
  NullArrayReference: 'null array reference',
  NullI31Reference: 'null i31 reference',
  CastFailure: 'cast failure',
  NullDescriptorReference: 'null descriptor reference',
  DescriptorCastFailure: 'descriptor cast failure',
  ArrayOutOfBounds: 'out of bounds array access',
  DataSegmentOutOfBounds: 'out of bounds data segment access',
  ElemSegmentOutOfBounds: 'out of bounds element segment access',
  StackExhausted: 'call stack exhausted',
  OutOfFuel: 'all fuel consumed by WebAssembly',
  Interrupt: 'interrupt',
  UnalignedAtomic: 'unaligned atomic',
  UncaughtException: 'uncaught exception',
  HostError: 'host error',
} as const;

/** A trap code (the spec's wording). */
export type TrapCode = (typeof TrapCode)[keyof typeof TrapCode];

/** One frame of a wasm backtrace. */
export interface FrameInfo {
  /** Function index in the module's function index space. */
  readonly funcIndex: number;
  /** Name from the name section, if any. */
  readonly funcName: string | null;
  /** Name of the module (from its name section), if any. */
  readonly moduleName: string | null;
}

/** A WebAssembly trap. `code` is machine-readable; `trapCode` is the spec's wording. */
export class Trap extends WasmtideError {
  /** The trap's kind, in the spec's wording (`integer divide by zero`, ...). */
  readonly trapCode: TrapCode | string;
  /** The wasm frames, innermost first (filled in by the runtime where it can). */
  backtrace: FrameInfo[];
  constructor(trapCode: TrapCode | string, message: string = trapCode) {
    super('trap', message);
    this.trapCode = trapCode;
    this.backtrace = [];
  }
}

/** Throws a trap with the given code. Generated code calls this; it never returns. */
export function trap(code: TrapCode | string): never {
  throw new Trap(code);
}
