/**
 * Reusable helpers for running WASI programs and comparing hosts: run a `.wasm` command under
 * Node's own `node:wasi` and under `@wasmtide/wasi`, capture stdout, stderr and the exit status,
 * and snapshot the files a run leaves behind. The test in `wasi.test.ts` uses them for the C
 * programs in `src/`; the same helpers serve bigger programs (Yosys) later.
 *
 * For now the wasmtide side runs the guest on Node's native `WebAssembly` with wasmtide's WASI
 * import table, which isolates the WASI layer; `runUnderWasmtide` is the one place to switch to
 * wasmtide's own runtime.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaptureOutputStream, WasiCtxBuilder, WasiExit, wasiImports } from '@wasmtide/wasi';

const NODE_RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'node-runner.mjs');

/** How to run a WASI command. */
export interface RunOptions {
  /** `argv`, including `argv[0]`. */
  args: string[];
  /** Environment variables (nothing else is visible to the guest). */
  env?: Record<string, string>;
  /** Standard input. */
  stdin?: string | Uint8Array;
  /** Preopened directories: guest path -> host path. */
  preopens?: Record<string, string>;
}

/** What a run produced. */
export interface RunResult {
  /** Exit status (`proc_exit`'s code, or 0 when `_start` returned). */
  exitCode: number;
  /** The trap message, if the guest trapped (then `exitCode` is 134). */
  trap: string | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

function moduleOf(wasm: string | Uint8Array | WebAssembly.Module): WebAssembly.Module {
  if (wasm instanceof WebAssembly.Module) return wasm;
  return new WebAssembly.Module((typeof wasm === 'string' ? readFileSync(wasm) : wasm) as Uint8Array<ArrayBuffer>);
}

/**
 * Runs a command under Node's `node:wasi` (preview1), in a child process so that a hang is cut
 * off after `timeoutMs`.
 */
export function runUnderNode(wasm: string, opts: RunOptions, timeoutMs = 30_000): RunResult {
  const tmp = mkdtempSync(join(tmpdir(), 'wasi-node-io-'));
  try {
    const trapFile = join(tmp, 'trap');
    const r = spawnSync(process.execPath, ['--no-warnings', NODE_RUNNER, JSON.stringify({ ...opts, stdin: undefined, wasm, trapFile })], {
      input: opts.stdin ?? '', timeout: timeoutMs, maxBuffer: 1 << 30,
    });
    if (r.error) throw r.error;
    if (r.signal) throw new Error(`node:wasi run ended by ${r.signal} (timeout ${timeoutMs} ms?)`);
    const trap = existsSync(trapFile) ? readFileSync(trapFile, 'utf8') : null;
    return { exitCode: r.status ?? -1, trap, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs a command with `@wasmtide/wasi` (currently on Node's native WebAssembly). */
export function runUnderWasmtide(wasm: string | Uint8Array | WebAssembly.Module, opts: RunOptions): RunResult {
  const stdout = new CaptureOutputStream();
  const stderr = new CaptureOutputStream();
  const b = new WasiCtxBuilder().args(opts.args).env(opts.env ?? {}).stdin(opts.stdin ?? '').stdout(stdout).stderr(stderr);
  for (const [guest, host] of Object.entries(opts.preopens ?? {})) b.preopenedDir(host, guest);
  const ctx = b.build();
  let memory: WebAssembly.Memory | null = null;
  const instance = new WebAssembly.Instance(moduleOf(wasm), {
    wasi_snapshot_preview1: wasiImports(ctx, () => memory!) as unknown as WebAssembly.ModuleImports,
  });
  memory = instance.exports.memory as WebAssembly.Memory;
  let exitCode = 0;
  let trap: string | null = null;
  try {
    (instance.exports._start as () => void)();
  } catch (e) {
    if (e instanceof WasiExit) exitCode = e.exitCode;
    else {
      trap = String((e as Error).message);
      exitCode = 134;
    }
  } finally {
    ctx.close();
  }
  return { exitCode, trap, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * A host directory's contents as `{relative path: description}`: `dir`, `link -> TARGET` or
 * `file SIZE: CONTENT` (content cut at 200 bytes), sorted.
 */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const p = join(root, r);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `link -> ${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        walk(r);
      } else {
        const data = readFileSync(p);
        out[r] = `file ${data.length}: ${data.subarray(0, 200).toString('latin1')}`;
      }
    }
  };
  walk('');
  return out;
}

/** A fresh temporary directory; remove it with `rmSync(dir, {recursive: true})`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
