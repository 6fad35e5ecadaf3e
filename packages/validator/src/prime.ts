/**
 * A one-time JIT warm-up for the body validator. The first `validate` in a process first validates
 * a tiny module whose functions take every branch of the fast loop (each operator class, short,
 * padded and near-the-end immediates, blocks, branches, calls, and hand-offs to the general path).
 * The JavaScript engine then has type feedback for all of the loop before it optimizes it, instead
 * of optimizing early and throwing the optimized code away the first time a big module takes a new
 * branch (each such round costs tens of milliseconds on a large module). It takes well under a
 * millisecond.
 * @module
 */
import { decodeModule } from '@wasmtide/parser';
import type { Module } from '@wasmtide/parser';

/** LEB128 of `n` padded to 5 bytes, as linkers write relocated indices. */
function padded(n: number): number[] {
  return [(n & 0x7f) | 0x80, ((n >> 7) & 0x7f) | 0x80, ((n >> 14) & 0x7f) | 0x80, ((n >> 21) & 0x7f) | 0x80, (n >> 28) & 0x0f];
}

function sized(payload: number[]): number[] {
  // every payload here is below 2^14 bytes
  const n = payload.length;
  return [...(n < 0x80 ? [n] : [(n & 0x7f) | 0x80, n >> 7]), ...payload];
}

function section(id: number, items: number[][]): number[] {
  return [id, ...sized([items.length, ...items.flat()])];
}

// type 0: [i32 i32] -> [i32]; type 1: [] -> []
const I32 = 0x7f;
const BODY_A: number[] = [
  // locals: 1 i64, 1 f32, 1 f64, 130 i32 (indices 2 .. 134)
  4, 1, 0x7e, 1, 0x7d, 1, 0x7c, 0x82, 0x01, I32,
  0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x00, // local.get 0, local.get 1, i32.add, local.set 0
  0x20, 0x00, 0x22, 0x01, 0x1a, // local.get, local.tee, drop
  0x20, 0x83, 0x01, 0x21, 0x86, 0x01, // local.get 131, local.set 134
  0x41, ...padded(0), 0x1a, // i32.const, padded
  0x41, 0x01, 0x41, 0x80, 0x01, 0x6a, 0x45, 0x1a, // i32.const (1 and 2 bytes), i32.add, i32.eqz, drop
  0x41, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x1a, // i32.const -1 in 5 bytes
  0x42, 0x01, 0x42, 0x80, 0x01, 0x7c, 0x50, 0x1a, // i64.const, i64.add, i64.eqz, drop
  0x43, 0x00, 0x00, 0x80, 0x3f, 0x8c, 0x21, 0x03, // f32.const, f32.neg, local.set 3
  0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x9f, 0x21, 0x04, // f64.const, f64.sqrt, local.set 4
  0x23, 0x00, 0x24, 0x00, 0x23, ...padded(0), 0x1a, // global.get, global.set, global.get (padded), drop
  0x41, 0x00, 0x28, 0x02, 0x00, 0x1a, // i32.load
  0x41, 0x00, 0x28, 0x02, ...padded(8), 0x1a, // i32.load with a padded offset
  0x41, 0x00, 0x41, 0x01, 0x36, 0x02, 0x00, // i32.store
  0x41, 0x00, 0x29, 0x03, 0x00, 0x21, 0x02, // i64.load, local.set 2
  0x41, 0x00, 0x2d, 0x00, 0x00, 0x1a, // i32.load8_u
  0x3f, 0x00, 0x40, 0x00, 0x1a, // memory.size, memory.grow, drop
  0x02, 0x40, 0x41, 0x01, 0x0d, 0x00, 0x0c, 0x00, 0x0b, // block: br_if 0, br 0
  0x02, I32, 0x41, 0x01, 0x0b, 0x1a, // block (result i32)
  0x03, 0x40, 0x41, 0x00, 0x0d, 0x00, 0x0b, // loop: br_if to the loop
  0x03, 0x40, 0x02, 0x40, 0x41, 0x00, 0x0e, 0x01, 0x01, 0x00, 0x0b, 0x0b, // br_table to a loop and a block
  0x41, 0x01, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0b, // if/else
  0x41, 0x01, 0x04, I32, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0b, 0x1a, // if (result i32) / else
  0x41, 0x00, 0x04, 0x40, 0x0b, // if without else
  0x02, 0x40, 0x02, 0x40, 0x41, 0x00, 0x0e, 0x01, 0x00, 0x01, 0x0b, 0x0b, // br_table
  0x41, 0x00, 0x41, 0x00, 0x10, 0x00, 0x1a, // call 0
  0x41, 0x00, 0x41, 0x00, 0x10, ...padded(1), 0x1a, // call 1, padded
  0x41, 0x00, 0x41, 0x00, 0x10, 0x81, 0x00, 0x1a, // call 1 in 2 bytes
  0x41, 0x00, 0x41, 0x00, 0x10, 0x81, 0x80, 0x00, 0x1a, // in 3 bytes
  0x41, 0x00, 0x41, 0x00, 0x10, 0x81, 0x80, 0x80, 0x00, 0x1a, // in 4 bytes
  0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0x11, 0x00, 0x00, 0x1a, // call_indirect
  0x41, 0x01, 0x41, 0x02, 0x41, 0x00, 0x1b, 0x1a, // select
  0x01, // nop
  0x02, 0x01, 0x0b, // block with a type index (general path)
  0x02, 0x40, 0x00, 0x6a, 0x1a, 0x1a, 0x0b, // unreachable, then bottom operands (general path)
  0x20, 0x00, // local.get near the end of the body
];
const BODY_B: number[] = [
  0, 0x20, 0x01, 0x0f, // local.get 1, return; the final `end` sees bottom operands
];

/** The warm-up module (built once, on first use). */
function primerModule(): Module {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [[0x60, 2, I32, I32, 1, I32], [0x60, 0, 0]]),
    ...section(3, [[0], [0]]),
    ...section(4, [[0x70, 0x00, 0x01]]),
    ...section(5, [[0x00, 0x01]]),
    ...section(6, [[I32, 0x01, 0x41, 0x00, 0x0b]]),
    ...section(10, [sized([...BODY_A, 0x0b]), sized([...BODY_B, 0x0b])]),
  ];
  return decodeModule(Uint8Array.from(bytes));
}

/** Passes over the warm-up module for type feedback alone. */
export const FEEDBACK_PASSES = 4;
/**
 * Passes that also make the fast loop hot enough for the engine to start optimizing it (in the
 * background, while the caller goes on decoding a large module).
 */
export const HOT_PASSES = 24;

let passes = 0;
let primer: Module | null = null;

/**
 * Runs `run` over the warm-up module until this process has done `want` passes in all (see
 * {@link FEEDBACK_PASSES}, {@link HOT_PASSES}); does nothing once they are done. Never throws.
 */
export function primeOnce(run: (m: Module) => void, want: number = FEEDBACK_PASSES): void {
  if (passes >= want) return;
  const first = passes;
  passes = want; // before running: `run` validates, and validation primes
  try {
    // the engine allocates a function's feedback vector only after it has run for a while, so the
    // first passes may go unrecorded; later ones fill it
    primer ??= primerModule();
    for (let i = first; i < want; i++) run(primer);
  } catch {
    // a warm-up only: the module is valid, and nothing depends on it
  }
}
