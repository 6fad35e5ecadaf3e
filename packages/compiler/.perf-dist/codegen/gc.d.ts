import type { HeapType } from '@wasmtide/parser';
import type { FunctionCompiler } from './function.js';
/** A JS boolean expression: does value `v` (an atom) match `(ref null? heap)`? */
export declare function refTestExpr(v: string, nullable: boolean, heap: HeapType, isFuncType: (t: number) => 'func' | 'struct' | 'array'): string;
/** Emits a GC operator; returns false if `op` is not one. */
export declare function emitGc(c: FunctionCompiler, op: number): boolean;
//# sourceMappingURL=gc.d.ts.map