/**
 * The module compiler: validated IR -> one self-contained JS source (the body of a factory taking
 * the environment `E` and returning `instantiate(I)`), plus plain-JSON metadata.
 * @module
 */
import type { Module } from '@wasmtide/parser';
import { type CompileOptions, type CompiledModule } from './abi.js';
/**
 * What the compiler accepts: a validated module (`{ module }` from `@wasmtide/validator`'s
 * `validate`), or, until the validator is wired in, a bare IR module (which must be valid).
 */
export type CompilerInput = {
    readonly module: Module;
} | Module;
/** Compiles a module to JavaScript source plus metadata. */
export declare function compileModule(input: CompilerInput, options?: CompileOptions): CompiledModule;
//# sourceMappingURL=compile.d.ts.map