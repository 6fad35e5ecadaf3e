/**
 * The error the facade raises when the C conventions are broken: a handle used after its
 * `*_delete`, deleted twice, of the wrong kind, or belonging to a deleted store. Failures of the
 * WebAssembly kind (traps, link errors, invalid modules) are never thrown: they come back as
 * `wasm_trap_t` / `wasmtime_error_t` values, as in C.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';

/** Misuse of the C API (code `c-api`): a stale, foreign, or wrongly typed handle. */
export class CApiError extends WasmtideError {
  /** The C function that detected the misuse (`wasm_func_call`, ...). */
  readonly func: string;
  /** An error raised by C function `func`; the message starts with `func: `. */
  constructor(func: string, message: string) {
    super('c-api', `${func}: ${message}`);
    this.func = func;
  }
}
