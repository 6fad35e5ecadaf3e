/**
 * `wasmtide/text`: the text format (WAT) and `.wast` script parsers of `@wasmtide/parser/text`,
 * behind their own entry point so that binary-only users never load them. It is that package's
 * public entry point, re-exported as it is.
 * @module
 */
export * from '@wasmtide/parser/text';
