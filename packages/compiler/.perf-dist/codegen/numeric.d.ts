import type { FunctionCompiler } from './function.js';
/** Emits an inline numeric operator; returns false if `op` is not one of them. */
export declare function emitNumeric(c: FunctionCompiler, op: number): boolean;
//# sourceMappingURL=numeric.d.ts.map