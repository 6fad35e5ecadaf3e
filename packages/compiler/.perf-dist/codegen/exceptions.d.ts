import { type Frame, type FunctionCompiler } from './function.js';
/** `try_table`. */
export declare function tryTable(c: FunctionCompiler): void;
/** Legacy `try`, `catch`, `catch_all`, `delegate`, `rethrow`. */
export declare function legacyTry(c: FunctionCompiler, op: number, at: number): void;
/** Closes a legacy `try` at its `end`. */
export declare function closeLegacyTry(c: FunctionCompiler, f: Frame): void;
//# sourceMappingURL=exceptions.d.ts.map