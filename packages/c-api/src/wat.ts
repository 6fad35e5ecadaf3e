/**
 * `wasmtime_wat2wasm`: WAT text to binary through `@wasmtide/parser/text`.
 * @module
 */
import { parseWat } from '@wasmtide/parser/text';
import { errorFrom, type wasmtime_error_t } from './error.js';
import { fillBytes, type wasm_byte_vec_t } from './vec.js';

/** `wasmtime_wat2wasm(wat, ret)`: fills `ret` with the binary (own), or returns the syntax error (own). */
export function wasmtime_wat2wasm(wat: string, ret: wasm_byte_vec_t): wasmtime_error_t | null {
  try {
    fillBytes('wasmtime_wat2wasm', ret, parseWat(wat));
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}
