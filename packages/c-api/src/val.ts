/**
 * `wasm_val_t` functions (`wasm_val_copy`, `wasm_val_delete`) and the `wasm_val_vec_t` family.
 * The value shape and the `WASM_*_VAL` helpers are in `objects.ts`.
 * @module
 */
import { CApiError } from './errors.js';
import { WASM_INIT_VAL, wasm_ref_t, type wasm_val_t } from './objects.js';
import { WasmVec, vecFamily } from './vec.js';

/** `wasm_val_copy(out, source)`: a copy into `out` (a reference gets a new handle, owned by `out`). */
export function wasm_val_copy(out: wasm_val_t, source: wasm_val_t): void {
  if (out === null || typeof out !== 'object' || source === null || typeof source !== 'object') throw new CApiError('wasm_val_copy', 'expected wasm_val_t objects');
  const r = source.of.ref;
  out.kind = source.kind;
  out.of = { ...source.of };
  if (r instanceof wasm_ref_t) {
    if (!r.alive) throw new CApiError('wasm_val_copy', 'the value\'s ref was deleted');
    out.of.ref = r.clone();
  }
}
/** `wasm_val_delete(val)`: deletes the value's reference, if any. */
export function wasm_val_delete(val: wasm_val_t | null): void {
  const r = val?.of?.ref;
  if (r instanceof wasm_ref_t) {
    if (!r.kill()) throw new CApiError('wasm_val_delete', `${r.cname} deleted twice`);
    val!.of.ref = null;
  }
}

/** `wasm_val_vec_t`: values (each owning its reference). */
export class wasm_val_vec_t extends WasmVec<wasm_val_t> {}
const valVec = vecFamily<wasm_val_t>(
  'wasm_val_vec_t',
  WASM_INIT_VAL,
  (v) => {
    const out = WASM_INIT_VAL();
    wasm_val_copy(out, v);
    return out;
  },
  (v) => wasm_val_delete(v),
);
/** `wasm_val_vec_new_empty(out)`. */
export const wasm_val_vec_new_empty = valVec.newEmpty;
/** `wasm_val_vec_new_uninitialized(out, size)`: `size` blank values (`WASM_INIT_VAL`). */
export const wasm_val_vec_new_uninitialized = valVec.newUninitialized;
/** `wasm_val_vec_new(out, size, data)`: takes ownership of the values (and their references). */
export const wasm_val_vec_new = valVec.make;
/** `wasm_val_vec_copy(out, src)`. */
export const wasm_val_vec_copy = valVec.copy;
/** `wasm_val_vec_delete(vec)`: deletes every value's reference. */
export const wasm_val_vec_delete = valVec.delete;
