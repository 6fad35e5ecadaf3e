/**
 * Reusable helpers for running WASI programs and comparing hosts: run a `.wasm` command under
 * Node's own `node:wasi` and under `@wasmtide/wasi`, capture stdout, stderr and the exit status,
 * and snapshot the files a run leaves behind. The test in `wasi.test.ts` uses them for the C
 * programs in `src/`; the same helpers serve bigger programs (Yosys) later.
 *
 * The wasmtide side runs the guest either on Node's native `WebAssembly` with wasmtide's WASI
 * import table (isolating the WASI layer) or on wasmtide's own runtime (`engine: 'wasmtide'`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linker } from '@wasmtide/linker';
import { Engine, Module, Store } from '@wasmtide/runtime';
import { CaptureOutputStream, Filetype, MemFs, WasiCtxBuilder, addToLinker, wasiExitOf, wasiImports } from '@wasmtide/wasi';
import type { WasiCtx } from '@wasmtide/wasi';

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
  /**
   * wasmtide only: serve each preopen from a `MemFs` loaded from the host directory, and write
   * the result back to the host directory afterwards (so the same snapshot compares both).
   */
  inMemory?: boolean;
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

function moduleOf(wasm: string | Uint8Array): WebAssembly.Module {
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

/** Which engine executes the guest in {@link runUnderWasmtide}. */
export type GuestEngine = 'native' | 'wasmtide';

function buildCtx(opts: RunOptions) {
  const stdout = new CaptureOutputStream();
  const stderr = new CaptureOutputStream();
  const b = new WasiCtxBuilder().args(opts.args).env(opts.env ?? {}).stdin(opts.stdin ?? '').stdout(stdout).stderr(stderr);
  const memfs: [MemFs, string][] = [];
  for (const [guest, host] of Object.entries(opts.preopens ?? {})) {
    if (opts.inMemory) {
      const fs = memFsFromHost(host);
      memfs.push([fs, host]);
      b.preopenedFs(fs, guest);
    } else {
      b.preopenedDir(host, guest);
    }
  }
  return { ctx: b.build(), stdout, stderr, memfs };
}

/** A `MemFs` holding a copy of host directory `dir` (files, directories, symlinks, times). */
export function memFsFromHost(dir: string): MemFs {
  const fs = new MemFs();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const p = join(dir, r);
      const st = lstatSync(p, { bigint: true });
      if (st.isSymbolicLink()) fs.symlink(readlinkSync(p), r);
      else if (st.isDirectory()) {
        fs.mkdirp(r);
        walk(r);
      } else fs.writeFile(r, readFileSync(p));
      if (!st.isSymbolicLink()) fs.setTimes(r, st.atimeNs, st.mtimeNs);
    }
  };
  walk('');
  return fs;
}

/** Replaces the contents of host directory `dir` with the tree of `fs`. */
export function memFsToHost(fs: MemFs, dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  const walk = (rel: string): void => {
    for (const name of fs.list(rel === '' ? '/' : rel) ?? []) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = fs.lstat(r);
      if (st.filetype === Filetype.SYMBOLIC_LINK) symlinkSync(fs.readlink(r), join(dir, r));
      else if (st.filetype === Filetype.DIRECTORY) {
        mkdirSync(join(dir, r));
        walk(r);
      } else writeFileSync(join(dir, r), fs.readFile(r));
    }
  };
  walk('');
}

/** Exit status and trap message of a finished `_start` call (`e` is what it threw, if anything). */
function outcome(e: unknown): { exitCode: number; trap: string | null } {
  if (e === undefined) return { exitCode: 0, trap: null };
  const exit = wasiExitOf(e);
  if (exit !== null) return { exitCode: exit.exitCode, trap: null };
  return { exitCode: 134, trap: String((e as Error).message) };
}

/**
 * Runs a command with `@wasmtide/wasi`: on Node's native WebAssembly (`engine: 'native'`, which
 * isolates the WASI layer) or on wasmtide's own runtime through `Linker` + `addToLinker`
 * (`engine: 'wasmtide'`).
 */
export function runUnderWasmtide(wasm: string | Uint8Array, opts: RunOptions, engine: GuestEngine = 'native'): RunResult {
  const { ctx, stdout, stderr, memfs } = buildCtx(opts);
  let thrown: unknown;
  try {
    if (engine === 'native') {
      let memory: WebAssembly.Memory | null = null;
      const instance = new WebAssembly.Instance(moduleOf(wasm), {
        wasi_snapshot_preview1: wasiImports(ctx, () => memory!) as unknown as WebAssembly.ModuleImports,
      });
      memory = instance.exports.memory as WebAssembly.Memory;
      (instance.exports._start as () => void)();
    } else {
      const eng = new Engine();
      const store = new Store(eng, { wasi: ctx });
      const linker = new Linker<{ wasi: WasiCtx }>(eng);
      addToLinker(linker, (d) => d.wasi);
      const bytes = typeof wasm === 'string' ? new Uint8Array(readFileSync(wasm)) : wasm;
      const instance = linker.instantiate(store, new Module(eng, bytes));
      instance.getFunc(store, '_start')!.call(store);
    }
  } catch (e) {
    thrown = e;
  } finally {
    ctx.close();
    for (const [fs, host] of memfs) memFsToHost(fs, host);
  }
  return { ...outcome(thrown), stdout: stdout.text(), stderr: stderr.text() };
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
