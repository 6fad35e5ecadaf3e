/**
 * Whole-module call-graph facts for code generation: which functions can (transitively) grow a
 * memory. Generated code caches memory views in locals and reloads them after a call only when
 * the callee may have grown a memory.
 * @module
 */
import { type Module } from '@wasmtide/parser';
/**
 * For every function index (imports first), 1 if calling it may grow a memory, else 0. Imports
 * and functions that reach `memory.grow`, an import, or an indirect call (`call_indirect`,
 * `call_ref`, their tail forms) count as growing; a body that cannot be scanned counts too.
 */
export declare function growingFunctions(m: Module, importedFuncs: number): Uint8Array;
//# sourceMappingURL=callgraph.d.ts.map