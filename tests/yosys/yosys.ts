/**
 * Helpers for running Yosys (`@yowasp/yosys`'s `yosys.core.wasm`, a plain WASI preview1
 * command) under wasmtide and under Node's `node:wasi`: find the package, lay out the guest's
 * root directory (Yosys's `share/` data, the design, a `tmp/` for `abc`), and run a command line
 * on wasmtide's runtime with timings.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linker } from '@wasmtide/linker';
import { Config, Engine, Module, Store } from '@wasmtide/runtime';
import { CaptureOutputStream, WasiCtxBuilder, addToLinker, wasiExitOf } from '@wasmtide/wasi';
import type { WasiCtx, WasiOutputStream } from '@wasmtide/wasi';
import { memFsFromHost, memFsToHost } from '../wasi/harness.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The design Yosys synthesises (written for this project). */
export const DESIGN = join(HERE, 'design.v');

/** The `gen/` folder of the pinned `@yowasp/yosys` (a devDependency of `@wasmtide/tests`). */
export const YOSYS_GEN = join(HERE, '..', 'node_modules', '@yowasp', 'yosys', 'gen');

/** The WASI command itself. */
export const YOSYS_WASM = join(YOSYS_GEN, 'yosys.core.wasm');

/** Whether the package is installed (`pnpm install` at the root). */
export function haveYosys(): boolean {
  return existsSync(YOSYS_WASM) && existsSync(join(YOSYS_GEN, 'resources-yosys.js'));
}

/** A tree of files as the package's `resources-yosys.js` describes it. */
interface ResourceTree {
  [name: string]: string | URL | Uint8Array | ResourceTree;
}

function writeTree(tree: ResourceTree, dir: string): number {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (const [name, v] of Object.entries(tree)) {
    if (name.includes('/') || name === '..' || name === '.') throw new Error(`unexpected resource name ${name}`);
    const p = join(dir, name);
    if (typeof v === 'string' || v instanceof Uint8Array) {
      writeFileSync(p, v);
      files++;
    } else if (v instanceof URL) {
      copyFileSync(fileURLToPath(v), p);
      files++;
    } else files += writeTree(v, p);
  }
  return files;
}

/**
 * Lays out a guest root in host directory `root`: `share/` (Yosys's techmap and cell libraries,
 * from the package's resource bundle, as `@yowasp/yosys` mounts them), `design.v` and an empty
 * `tmp/` (the `abc` pass writes its scripts under `/tmp`). Returns the number of share files.
 */
export async function layoutGuestRoot(root: string): Promise<number> {
  const resources = (await import(pathToFileURL(join(YOSYS_GEN, 'resources-yosys.js')).href)) as { filesystem: ResourceTree };
  const files = writeTree(resources.filesystem, root);
  copyFileSync(DESIGN, join(root, 'design.v'));
  mkdirSync(join(root, 'tmp'), { recursive: true });
  return files;
}

/** Compiles Yosys for wasmtide with lazy compilation (functions compile on their first call). */
export function compileYosys(bytes: Uint8Array): { engine: Engine; module: Module; ms: number } {
  const t0 = performance.now();
  const engine = new Engine(new Config().lazyCompilation(true));
  const module = new Module(engine, bytes);
  return { engine, module, ms: performance.now() - t0 };
}

/** What a wasmtide run of Yosys produced. */
export interface YosysRun {
  /** Exit status (`proc_exit`'s code, or 0 when `_start` returned). */
  exitCode: number;
  /** The trap or host error, if `_start` failed otherwise. */
  error: string | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the start of instantiation to the first byte on stdout (or null). */
  firstOutputMs: number | null;
  /** Milliseconds for instantiation plus `_start`. */
  totalMs: number;
}

/** A capture stream that also notes when its first byte arrived. */
class TimedCapture extends CaptureOutputStream implements WasiOutputStream {
  first: number | null = null;
  override write(data: Uint8Array): void {
    if (this.first === null && data.length > 0) this.first = performance.now();
    super.write(data);
  }
}

/**
 * Runs `yosys ARGS…` on wasmtide's runtime (Linker + `@wasmtide/wasi`), with host directory
 * `root` (if given) preopened as the guest's `/` and stdout/stderr captured. With `inMemory`,
 * the guest gets an in-memory `MemFs` copy of `root`, written back to `root` afterwards.
 */
export function runYosysOnWasmtide(engine: Engine, module: Module, args: string[], root?: string, inMemory = false): YosysRun {
  const stdout = new TimedCapture();
  const stderr = new CaptureOutputStream();
  const b = new WasiCtxBuilder().args(['yosys', ...args]).stdout(stdout).stderr(stderr);
  const memfs = root !== undefined && inMemory ? memFsFromHost(root) : null;
  if (memfs !== null) b.preopenedFs(memfs, '/');
  else if (root !== undefined) b.preopenedDir(root, '/');
  const ctx = b.build();
  const t0 = performance.now();
  let exitCode = 0;
  let error: string | null = null;
  try {
    const store = new Store(engine, { wasi: ctx });
    const linker = new Linker<{ wasi: WasiCtx }>(engine);
    addToLinker(linker, (d) => d.wasi);
    const instance = linker.instantiate(store, module);
    instance.getFunc(store, '_start')!.call(store, []);
  } catch (e) {
    const exit = wasiExitOf(e);
    if (exit !== null) exitCode = exit.exitCode;
    else {
      exitCode = 134;
      error = e instanceof Error ? e.message : String(e);
    }
  } finally {
    ctx.close();
    if (memfs !== null) memFsToHost(memfs, root!);
  }
  const end = performance.now();
  return {
    exitCode, error, stdout: stdout.text(), stderr: stderr.text(),
    firstOutputMs: stdout.first === null ? null : stdout.first - t0, totalMs: end - t0,
  };
}
