/**
 * `wasm_trap_t` and `wasm_frame_t`: a trap's message, its origin and its wasm backtrace, and
 * wasmtime's `wasmtime_trap_code`.
 * @module
 */
import { TrapCode, Trap } from '@wasmtide/runtime';
import { drop, Handle, use } from './handle.js';
import { wasm_instance_t, wasm_store_t, wasm_trap_t } from './objects.js';
import { fillBytes, fillVec, vecFamily, wasmtide_name_to_string, WasmVec, type wasm_message_t } from './vec.js';

/**
 * `wasm_frame_t`: one wasm frame of a trap's backtrace. wasmtide knows the function index (and its
 * name); byte offsets and the instance are not recorded by the runtime (see the README).
 */
export class wasm_frame_t extends Handle {
  /** @internal */
  readonly funcIndex: number;
  /** @internal */
  readonly funcName: string | null;
  /** @internal */
  readonly moduleName: string | null;
  /** @internal */
  constructor(funcIndex: number, funcName: string | null, moduleName: string | null) {
    super('wasm_frame_t');
    this.funcIndex = funcIndex;
    this.funcName = funcName;
    this.moduleName = moduleName;
  }
}

const TRAP = 'a wasm_trap_t';
const FRAME = 'a wasm_frame_t';

/** `wasm_trap_new(store, message)`: own; a trap a host function can return. */
export function wasm_trap_new(store: wasm_store_t, message: wasm_message_t): wasm_trap_t {
  const s = use('wasm_trap_new', store, wasm_store_t, 'a wasm_store_t');
  return new wasm_trap_t(s, { message: wasmtide_name_to_string(message), frames: [], error: null });
}
/** `wasm_trap_message(trap, out)`: fills `out` with the message (own; no terminating NUL). */
export function wasm_trap_message(trap: wasm_trap_t, out: wasm_message_t): void {
  fillBytes('wasm_trap_message', out, new TextEncoder().encode(use('wasm_trap_message', trap, wasm_trap_t, TRAP).data.message));
}
/** `wasm_trap_origin(trap)`: own; the innermost wasm frame, or NULL when the trap has none. */
export function wasm_trap_origin(trap: wasm_trap_t): wasm_frame_t | null {
  const f = use('wasm_trap_origin', trap, wasm_trap_t, TRAP).data.frames[0];
  return f ? new wasm_frame_t(f.funcIndex, f.funcName, f.moduleName) : null;
}
/** `wasm_trap_trace(trap, out)`: fills `out` with the wasm frames, innermost first (own). */
export function wasm_trap_trace(trap: wasm_trap_t, out: wasm_frame_vec_t): void {
  const frames = use('wasm_trap_trace', trap, wasm_trap_t, TRAP).data.frames;
  fillVec('wasm_frame_vec_t', out, frames.map((f) => new wasm_frame_t(f.funcIndex, f.funcName, f.moduleName)));
}

/** `wasmtime_trap_code_t`: one of the `WASMTIME_TRAP_CODE_*` constants. */
export type wasmtime_trap_code_t = number;
/** The stack overflowed. */
export const WASMTIME_TRAP_CODE_STACK_OVERFLOW = 0;
/** Out-of-bounds memory access. */
export const WASMTIME_TRAP_CODE_MEMORY_OUT_OF_BOUNDS = 1;
/** Misaligned atomic access. */
export const WASMTIME_TRAP_CODE_HEAP_MISALIGNED = 2;
/** Out-of-bounds table access. */
export const WASMTIME_TRAP_CODE_TABLE_OUT_OF_BOUNDS = 3;
/** Indirect call to a null table entry. */
export const WASMTIME_TRAP_CODE_INDIRECT_CALL_TO_NULL = 4;
/** Indirect call signature mismatch. */
export const WASMTIME_TRAP_CODE_BAD_SIGNATURE = 5;
/** Integer overflow. */
export const WASMTIME_TRAP_CODE_INTEGER_OVERFLOW = 6;
/** Integer division by zero. */
export const WASMTIME_TRAP_CODE_INTEGER_DIVISION_BY_ZERO = 7;
/** Invalid float-to-integer conversion. */
export const WASMTIME_TRAP_CODE_BAD_CONVERSION_TO_INTEGER = 8;
/** `unreachable` executed. */
export const WASMTIME_TRAP_CODE_UNREACHABLE_CODE_REACHED = 9;
/** Epoch interruption. */
export const WASMTIME_TRAP_CODE_INTERRUPT = 10;
/** Fuel ran out. */
export const WASMTIME_TRAP_CODE_OUT_OF_FUEL = 11;
/** A null reference was used. */
export const WASMTIME_TRAP_CODE_NULL_REFERENCE = 12;

const CODES: Record<string, number> = {
  [TrapCode.StackExhausted]: WASMTIME_TRAP_CODE_STACK_OVERFLOW,
  [TrapCode.MemoryOutOfBounds]: WASMTIME_TRAP_CODE_MEMORY_OUT_OF_BOUNDS,
  [TrapCode.UnalignedAtomic]: WASMTIME_TRAP_CODE_HEAP_MISALIGNED,
  [TrapCode.TableOutOfBounds]: WASMTIME_TRAP_CODE_TABLE_OUT_OF_BOUNDS,
  [TrapCode.UndefinedElement]: WASMTIME_TRAP_CODE_TABLE_OUT_OF_BOUNDS,
  [TrapCode.UninitializedElement]: WASMTIME_TRAP_CODE_INDIRECT_CALL_TO_NULL,
  [TrapCode.IndirectCallTypeMismatch]: WASMTIME_TRAP_CODE_BAD_SIGNATURE,
  [TrapCode.IntegerOverflow]: WASMTIME_TRAP_CODE_INTEGER_OVERFLOW,
  [TrapCode.IntegerDivideByZero]: WASMTIME_TRAP_CODE_INTEGER_DIVISION_BY_ZERO,
  [TrapCode.InvalidConversionToInteger]: WASMTIME_TRAP_CODE_BAD_CONVERSION_TO_INTEGER,
  [TrapCode.Unreachable]: WASMTIME_TRAP_CODE_UNREACHABLE_CODE_REACHED,
  [TrapCode.Interrupt]: WASMTIME_TRAP_CODE_INTERRUPT,
  [TrapCode.OutOfFuel]: WASMTIME_TRAP_CODE_OUT_OF_FUEL,
  [TrapCode.NullReference]: WASMTIME_TRAP_CODE_NULL_REFERENCE,
  [TrapCode.NullFunctionReference]: WASMTIME_TRAP_CODE_NULL_REFERENCE,
};

/** `wasmtime_trap_code(trap, code)`: true and `code.value` set if the trap came from wasm with a known code. */
export function wasmtime_trap_code(trap: wasm_trap_t, code: { value: wasmtime_trap_code_t }): boolean {
  const e = use('wasmtime_trap_code', trap, wasm_trap_t, TRAP).data.error;
  const c = e instanceof Trap ? CODES[e.trapCode] : undefined;
  if (c === undefined) return false;
  code.value = c;
  return true;
}

/** `wasm_frame_func_index(frame)`: the function's index in its module. */
export function wasm_frame_func_index(frame: wasm_frame_t): number {
  return use('wasm_frame_func_index', frame, wasm_frame_t, FRAME).funcIndex;
}
/** `wasm_frame_func_offset(frame)`: not recorded by wasmtide; always 0. */
export function wasm_frame_func_offset(frame: wasm_frame_t): number {
  use('wasm_frame_func_offset', frame, wasm_frame_t, FRAME);
  return 0;
}
/** `wasm_frame_module_offset(frame)`: not recorded by wasmtide; always 0. */
export function wasm_frame_module_offset(frame: wasm_frame_t): number {
  use('wasm_frame_module_offset', frame, wasm_frame_t, FRAME);
  return 0;
}
/** `wasm_frame_instance(frame)`: the instance is not recorded by wasmtide; always NULL. */
export function wasm_frame_instance(frame: wasm_frame_t): wasm_instance_t | null {
  use('wasm_frame_instance', frame, wasm_frame_t, FRAME);
  return null;
}
/** wasmtime's `wasmtime_frame_func_name(frame)`: the function's name from the name section, or null. */
export function wasmtime_frame_func_name(frame: wasm_frame_t): string | null {
  return use('wasmtime_frame_func_name', frame, wasm_frame_t, FRAME).funcName;
}
/** wasmtime's `wasmtime_frame_module_name(frame)`: the module's name from the name section, or null. */
export function wasmtime_frame_module_name(frame: wasm_frame_t): string | null {
  return use('wasmtime_frame_module_name', frame, wasm_frame_t, FRAME).moduleName;
}
/** `wasm_frame_copy(frame)`: own. */
export function wasm_frame_copy(frame: wasm_frame_t): wasm_frame_t {
  const f = use('wasm_frame_copy', frame, wasm_frame_t, FRAME);
  return new wasm_frame_t(f.funcIndex, f.funcName, f.moduleName);
}
/** `wasm_frame_delete(frame)`. */
export function wasm_frame_delete(frame: wasm_frame_t | null): void {
  drop('wasm_frame_delete', frame, wasm_frame_t, FRAME);
}
/** `wasm_frame_vec_t`. */
export class wasm_frame_vec_t extends WasmVec<wasm_frame_t | null> {}
const frameVec = vecFamily<wasm_frame_t | null>('wasm_frame_vec_t', () => null, (e) => (e ? wasm_frame_copy(e) : null), (e) => wasm_frame_delete(e));
/** `wasm_frame_vec_new_empty(out)`. */
export const wasm_frame_vec_new_empty = frameVec.newEmpty;
/** `wasm_frame_vec_new_uninitialized(out, size)`. */
export const wasm_frame_vec_new_uninitialized = frameVec.newUninitialized;
/** `wasm_frame_vec_new(out, size, data)`. */
export const wasm_frame_vec_new = frameVec.make;
/** `wasm_frame_vec_copy(out, src)`. */
export const wasm_frame_vec_copy = frameVec.copy;
/** `wasm_frame_vec_delete(vec)`. */
export const wasm_frame_vec_delete = frameVec.delete;


/** `wasmtime_trap_new(message)`: own; a trap with `message` (a host callback may return it). */
export function wasmtime_trap_new(message: string): wasm_trap_t {
  return new wasm_trap_t(null, { message: String(message), frames: [], error: null });
}
