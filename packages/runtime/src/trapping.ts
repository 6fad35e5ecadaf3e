/**
 * Turning what generated code throws into what the embedder sees: traps with a wasm backtrace,
 * V8 stack overflows as `call stack exhausted`, DataView range errors as out-of-bounds traps, and
 * host errors wrapped as `host error` traps that keep the original as `cause`.
 * @module
 */
import { toTrap, Trap, TrapCode, WasmException, type FrameInfo } from '@wasmtide/compiler';
import type { Engine } from './engine.js';

/** @internal Fills `trap.backtrace` from the stack of `source` (the error first thrown). */
export function fillBacktrace(engine: Engine, trap: Trap, source: unknown): void {
  if (trap.backtrace.length > 0) return;
  const frames: FrameInfo[] = [];
  for (const f of wasmFrames(source)) {
    const info = engine.debugInfo.get(f.sourceName);
    frames.push({ funcIndex: f.funcIndex, funcName: info?.funcNames.get(f.funcIndex) ?? null, moduleName: info?.moduleName ?? null });
  }
  trap.backtrace = frames;
}

const FRAME = /^\s*at (?:\S+\.)?f(\d+)(?: \[as [^\]]*\])? \((?:.*[\s(/])?wasm-module-([^\s:)]*)\.js:/;

/**
 * @internal The wasm frames of an error's stack, innermost first: generated functions are named
 * `f<index>` in a source called `wasm-module-<name>.js`.
 */
export function wasmFrames(error: unknown): { sourceName: string; funcIndex: number }[] {
  const stack = error !== null && typeof error === 'object' ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return [];
  const out: { sourceName: string; funcIndex: number }[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (m !== null) out.push({ sourceName: m[2]!, funcIndex: Number(m[1]) });
  }
  return out;
}

/** Whether `e` is V8's stack-overflow error. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack|too much recursion/i.test(String(e.message));
}

/**
 * @internal Converts an error thrown out of wasm code into the one the embedder sees (a `Trap`
 * with its backtrace, or the original error). Wasm exceptions are returned unchanged.
 */
export function convertError(engine: Engine, e: unknown): unknown {
  if (e instanceof WasmException) return e;
  if (e instanceof Trap) {
    fillBacktrace(engine, e, e);
    return e;
  }
  if (e instanceof RangeError) {
    const t = toTrap(e);
    if (t instanceof Trap) {
      fillBacktrace(engine, t, e);
      return t;
    }
  }
  return e;
}

/**
 * @internal What a host function's error becomes inside wasm: traps and wasm exceptions pass
 * through; a stack overflow becomes `call stack exhausted`; anything else a `host error` trap with
 * the original as `cause`.
 */
export function hostErrorToTrap(e: unknown, unwrapException: (e: unknown) => unknown): unknown {
  if (e instanceof Trap || e instanceof WasmException) return e;
  const inner = unwrapException(e);
  if (inner !== e) return inner;
  if (isStackOverflow(e)) return new Trap(TrapCode.StackExhausted);
  const msg = e instanceof Error ? e.message : String(e);
  const t = new Trap(TrapCode.HostError, `host error: ${msg}`);
  t.cause = e;
  return t;
}

/**
 * Formats a trap's wasm backtrace, one frame per line, innermost first:
 * `  0: module!func` (or `<wasm function 3>` where the name section has no name).
 */
export function formatBacktrace(trap: Trap): string {
  return trap.backtrace
    .map((f, i) => `  ${i}: ${f.moduleName ? `${f.moduleName}!` : ''}${f.funcName ?? `<wasm function ${f.funcIndex}>`}`)
    .join('\n');
}
