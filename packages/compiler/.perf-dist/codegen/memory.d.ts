import type { Entry, FunctionCompiler } from './function.js';
/** The effective address expression of a memory access. */
export declare function memAddr(c: FunctionCompiler, a: Entry, mem: number, offset: number): string;
/** An unsigned index/length operand as a double (i32: `>>> 0`, i64: the pair). */
export declare function uidx(c: FunctionCompiler, a: Entry): string;
/** A scalar load or store. */
export declare function memOp(c: FunctionCompiler, op: number): void;
/** A bulk memory or table operator (0xFC 8..17). */
export declare function bulkOp(c: FunctionCompiler, op: number): void;
/** A SIMD operator with immediates (constants, lanes, shuffles, memory). */
export declare function simdOp(c: FunctionCompiler, op: number, name: string, imm: string, sig: string | null): void;
/** A threads operator (0xFE prefix): atomic loads, stores, read-modify-writes, wait, notify, fence. */
export declare function atomicOp(c: FunctionCompiler, name: string, sig: string, align: number): void;
//# sourceMappingURL=memory.d.ts.map