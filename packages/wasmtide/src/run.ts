/**
 * `wasmtide run [OPTIONS] FILE [ARGS…]`, as wasmtime's CLI: runs a WASI command (its `_start`) or,
 * with `--invoke NAME`, one export, printing its results. Options come before FILE; everything
 * after FILE goes to the guest, whose `argv[0]` is FILE as written.
 *
 * Exit status: the guest's `proc_exit` code, or 0 when `_start` returns; 134 on a trap (the trap
 * and its wasm backtrace go to stderr); 1 with one clear line on stderr for a load, validation or
 * link error, or bad options.
 * @module
 */
import { Linker } from '@wasmtide/linker';
import { Config, Engine, formatBacktrace, Func, Module, Store, Trap, type Val, type ValType } from '@wasmtide/runtime';
import { addToLinker, WasiCtxBuilder, type WasiCtx, type WasiOutputStream } from '@wasmtide/wasi';
import { isPrecompiled, moduleBytesOf, readModuleBytes } from './compile.js';
import { parseRunArgs, type RunOptions } from './run-args.js';

export { parseRunArgs, type RunOptions } from './run-args.js';

/** Where the guest's standard streams go (the process's own unless given, for tests). */
export interface RunStdio {
  readonly stdin?: Uint8Array | string;
  readonly stdout?: WasiOutputStream;
  readonly stderr?: WasiOutputStream;
}

/** Output lines of the CLI itself (results of `--invoke`, errors). */
export interface RunIO {
  out(line: string): void;
  err(line: string): void;
  readonly stdio?: RunStdio;
}

/** The exit status for a trap, as wasmtime's CLI (and a shell reporting SIGABRT). */
export const TRAP_EXIT_STATUS = 134;

/** Parses an `--invoke` argument as a value of type `t`. */
function parseArg(text: string, t: ValType): Val {
  const bad = () => new Error(`cannot pass ${JSON.stringify(text)} as ${String(t)}`);
  switch (t) {
    case 'i32': {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(text)) throw bad();
      return Number(BigInt.asIntN(32, BigInt(text.replace(/^\+/, ''))));
    }
    case 'i64': {
      if (!/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(text)) throw bad();
      return BigInt.asIntN(64, BigInt(text.replace(/^\+/, '')));
    }
    case 'f32':
    case 'f64': {
      const v = /^[-+]?(nan|inf)$/i.test(text) ? (text.toLowerCase().includes('nan') ? NaN : text.startsWith('-') ? -Infinity : Infinity) : Number(text);
      if (Number.isNaN(v) && !/nan/i.test(text)) throw bad();
      return t === 'f32' ? Math.fround(v) : v;
    }
    default:
      throw new Error(`--invoke cannot pass arguments of type ${String(t)}`);
  }
}

function formatResult(v: Val): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Func) return '<funcref>';
  return String(v);
}

/** The exit status a WASI exit (possibly wrapped as a host-error trap's `cause`) asks for, if any. */
function wasiExitCode(err: unknown): number | null {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'wasi-exit' && typeof (e as { exitCode?: unknown }).exitCode === 'number') return (e as { exitCode: number }).exitCode;
  }
  return null;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs `wasmtide run` with its arguments; resolves to the exit status. `prefetched`: FILE's
 * contents, read while this module was loading (see the CLI's `main`), or null (read it here).
 */
export async function runCommand(argv: readonly string[], io: RunIO, prefetched: Promise<Uint8Array | null> | null = null): Promise<number> {
  let o: RunOptions;
  try {
    o = parseRunArgs(argv);
  } catch (err) {
    io.err(`wasmtide run: ${message(err)}`);
    return 1;
  }

  // Load, validate, compile: any failure is one line and status 1.
  let engine: Engine;
  let module: Module;
  try {
    const data = prefetched === null ? null : await prefetched;
    const bytes = data === null ? await readModuleBytes(o.file) : await moduleBytesOf(data);
    engine = new Engine(new Config());
    if (isPrecompiled(bytes)) {
      if (!o.allowPrecompiled) throw new Error('is a precompiled module; pass --allow-precompiled to run it');
      module = Module.deserialize(engine, bytes);
    } else module = new Module(engine, bytes);
  } catch (err) {
    io.err(`${o.file}: ${message(err)}`);
    return 1;
  }

  let store: Store<{ wasi: WasiCtx }>;
  let linker: Linker<{ wasi: WasiCtx }>;
  try {
    const b = new WasiCtxBuilder().args([o.file, ...o.args]);
    if (o.inheritEnv) b.inheritEnv();
    b.env(o.env);
    if (io.stdio) {
      b.stdin(io.stdio.stdin ?? '');
      if (io.stdio.stdout) b.stdout(io.stdio.stdout);
      if (io.stdio.stderr) b.stderr(io.stdio.stderr);
    } else b.inheritStdio();
    for (const d of o.dirs) b.preopenedDir(d.host, d.guest);
    store = new Store(engine, { wasi: b.build() });
    linker = new Linker<{ wasi: WasiCtx }>(engine);
    addToLinker(linker, (d) => d.wasi);
  } catch (err) {
    io.err(`wasmtide run: ${message(err)}`);
    return 1;
  }

  let instance;
  try {
    instance = linker.instantiate(store, module);
  } catch (err) {
    if (err instanceof Trap) return reportTrap(err, io);
    const code = wasiExitCode(err);
    if (code !== null) return code;
    io.err(`${o.file}: ${message(err)}`);
    return 1;
  }

  try {
    if (o.invoke !== null) {
      const init = instance.getFunc(store, '_initialize');
      if (init) init.call(store, []);
      const f = instance.getFunc(store, o.invoke);
      if (!f) {
        io.err(`${o.file}: no exported function "${o.invoke}"`);
        return 1;
      }
      const ty = f.ty(store);
      if (o.args.length !== ty.params.length) {
        io.err(`${o.file}: "${o.invoke}" takes ${ty.params.length} argument(s), got ${o.args.length}`);
        return 1;
      }
      let params: Val[];
      try {
        params = o.args.map((a, i) => parseArg(a, ty.params[i]!));
      } catch (err) {
        io.err(`${o.file}: ${message(err)}`);
        return 1;
      }
      for (const r of f.call(store, params)) io.out(formatResult(r));
      return 0;
    }
    const start = instance.getFunc(store, '_start');
    if (!start) {
      io.err(`${o.file}: no "_start" export to run (use --invoke NAME to call an export)`);
      return 1;
    }
    start.call(store, []);
    return 0;
  } catch (err) {
    const code = wasiExitCode(err);
    if (code !== null) return code;
    if (err instanceof Trap) return reportTrap(err, io);
    io.err(`${o.file}: ${message(err)}`);
    return TRAP_EXIT_STATUS;
  }
}

function reportTrap(t: Trap, io: RunIO): number {
  io.err(`error: wasm trap: ${t.message}`);
  const bt = formatBacktrace(t);
  if (bt) {
    io.err('wasm backtrace:');
    for (const line of bt.split('\n')) io.err(line);
  }
  return TRAP_EXIT_STATUS;
}
