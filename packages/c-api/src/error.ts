/**
 * `wasmtime_error_t`: a failure that is not a trap (compile, link or usage errors, WASI exit),
 * returned by the `wasmtime_*` functions, with `wasmtime_error_message`, `wasmtime_error_exit_status`
 * and `wasmtime_error_delete`.
 * @module
 */
import { Trap } from '@wasmtide/runtime';
import { WasiExit } from '@wasmtide/wasi';
import { drop, Handle, use } from './handle.js';
import { isMisuse, misuseInside } from './objects.js';
import { fillBytes, type wasm_name_t } from './vec.js';

/** `wasmtime_error_t`: an error value (message, and the exit status when a WASI guest exited). */
export class wasmtime_error_t extends Handle {
  /** @internal */
  readonly message: string;
  /** @internal The WASI exit status, if the error is a `proc_exit`. */
  readonly exitStatus: number | null;
  /** @internal The original error. */
  readonly error: unknown;
  /** @internal */
  constructor(message: string, exitStatus: number | null, error: unknown) {
    super('wasmtime_error_t');
    this.message = message;
    this.exitStatus = exitStatus;
    this.error = error;
  }
}

/** @internal A new owned error for what a runtime call threw; API misuse is rethrown. */
export function errorFrom(e: unknown): wasmtime_error_t {
  const exit = e instanceof WasiExit ? e : e instanceof Trap && e.cause instanceof WasiExit ? e.cause : null;
  if (exit) return new wasmtime_error_t(exit.message, exit.exitCode, exit);
  const inner = misuseInside(e);
  if (inner) throw inner;
  if (isMisuse(e)) throw e;
  return new wasmtime_error_t((e as Error).message, null, e);
}

const ERR = 'a wasmtime_error_t';

/** `wasmtime_error_new(message)`: own. */
export function wasmtime_error_new(message: string): wasmtime_error_t {
  return new wasmtime_error_t(String(message), null, null);
}
/** `wasmtime_error_message(error, message)`: fills `message` (own; delete with `wasm_byte_vec_delete`). */
export function wasmtime_error_message(error: wasmtime_error_t, message: wasm_name_t): void {
  fillBytes('wasmtime_error_message', message, new TextEncoder().encode(use('wasmtime_error_message', error, wasmtime_error_t, ERR).message));
}
/** `wasmtime_error_exit_status(error, status)`: true and `status.value` set if the error is a WASI exit. */
export function wasmtime_error_exit_status(error: wasmtime_error_t, status: { value: number }): boolean {
  const e = use('wasmtime_error_exit_status', error, wasmtime_error_t, ERR);
  if (e.exitStatus === null) return false;
  status.value = e.exitStatus;
  return true;
}
/** `wasmtime_error_delete(error)`. */
export function wasmtime_error_delete(error: wasmtime_error_t | null): void {
  drop('wasmtime_error_delete', error, wasmtime_error_t, ERR);
}
