/**
 * `@wasmtide/linker`: wasmtime's `Linker<T>` in TypeScript: name-based resolution of imports
 * against host functions, externs, registered instances and modules (commands and reactors).
 * @module
 */
export { Linker } from './linker.js';
