/**
 * Traps: the errors that generated code raises. `Trap` is defined here, the lowest layer that
 * raises it; the runtime re-exports it and fills in the wasm backtrace.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';
/** The trap codes, with the spec's wording as their messages. */
export declare const TrapCode: {
    readonly Unreachable: "unreachable";
    readonly IntegerDivideByZero: "integer divide by zero";
    readonly IntegerOverflow: "integer overflow";
    readonly InvalidConversionToInteger: "invalid conversion to integer";
    readonly MemoryOutOfBounds: "out of bounds memory access";
    readonly TableOutOfBounds: "out of bounds table access";
    readonly UndefinedElement: "undefined element";
    readonly UninitializedElement: "uninitialized element";
    readonly IndirectCallTypeMismatch: "indirect call type mismatch";
    readonly NullReference: "null reference";
    readonly NullFunctionReference: "null function reference";
    readonly NullStructReference: "null structure reference";
    readonly NullArrayReference: "null array reference";
    readonly NullI31Reference: "null i31 reference";
    readonly CastFailure: "cast failure";
    readonly ArrayOutOfBounds: "out of bounds array access";
    readonly DataSegmentOutOfBounds: "out of bounds data segment access";
    readonly ElemSegmentOutOfBounds: "out of bounds element segment access";
    readonly StackExhausted: "call stack exhausted";
    readonly OutOfFuel: "all fuel consumed by WebAssembly";
    readonly Interrupt: "interrupt";
    readonly UnalignedAtomic: "unaligned atomic";
    readonly UncaughtException: "uncaught exception";
    readonly HostError: "host error";
};
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
export declare class Trap extends WasmtideError {
    /** The trap's kind, in the spec's wording (`integer divide by zero`, ...). */
    readonly trapCode: TrapCode | string;
    /** The wasm frames, innermost first (filled in by the runtime where it can). */
    backtrace: FrameInfo[];
    constructor(trapCode: TrapCode | string, message?: string);
}
/** Throws a trap with the given code. Generated code calls this; it never returns. */
export declare function trap(code: TrapCode | string): never;
//# sourceMappingURL=trap.d.ts.map