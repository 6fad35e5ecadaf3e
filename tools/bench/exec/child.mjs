// Runs one benchmark program on one engine in this (fresh) process and prints a JSON line:
// {engine, program, ms, output, maxRssKiB} where ms covers compile + instantiate + run and maxRssKiB
// is the process's peak resident memory.
import { readFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { makeWasi, BenchExit } from './wasi-shim.mjs';

const [engine, wasmPath, scale] = process.argv.slice(2);
const args = [wasmPath, scale];
const bytes = readFileSync(wasmPath);

async function runWith(instantiate) {
  let memoryBuffer = null;
  const wasi = makeWasi(args, () => memoryBuffer());
  const t0 = performance.now();
  const { start, buffer } = await instantiate(wasi.imports);
  memoryBuffer = buffer;
  try { start(); } catch (e) { if (!(e instanceof BenchExit) || e.exitCode !== 0) throw e; }
  const ms = performance.now() - t0;
  return { ms, output: wasi.output() };
}

const engines = {
  async native() {
    return runWith(async (imports) => {
      const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { wasi_snapshot_preview1: imports });
      return { start: () => inst.exports._start(), buffer: () => inst.exports.memory.buffer };
    });
  },
  async polywasm() {
    const { WebAssembly: Poly } = await import('polywasm');
    return runWith(async (imports) => {
      const inst = new Poly.Instance(new Poly.Module(bytes), { wasi_snapshot_preview1: imports });
      return { start: () => inst.exports._start(), buffer: () => inst.exports.memory.buffer };
    });
  },
  async wasm2js() {
    const js = wasmPath.replace(/\.wasm$/, '.wasm2js.mjs');
    if (!existsSync(js)) throw new Error(`missing ${js} (build step failed?)`);
    const factory = (await import(pathToFileURL(js).href)).default;
    return runWith(async (imports) => {
      const exp = factory(imports);
      return { start: () => exp._start(), buffer: () => exp.memory.buffer };
    });
  },
  async wasmtide() {
    const { Engine, Store, Module, Instance, Func } = await import('@wasmtide/runtime');
    return runWith(async (imports) => {
      const engine = new Engine();
      const store = new Store(engine, null);
      const module = new Module(engine, bytes);
      const externs = module.imports().map((imp) => {
        const fn = imports[imp.name];
        if (!fn) throw new Error(`wasmtide bench: no shim for ${imp.module}::${imp.name}`);
        return new Func(store, imp.ty, (_caller, params) => {
          const r = fn(...params);
          return imp.ty.results.length ? [r] : [];
        });
      });
      const inst = new Instance(store, module, externs);
      const memory = inst.getMemory(store, 'memory');
      const start = inst.getTypedFunc(store, '_start', [], []);
      return {
        start: () => {
          try { start.call(store); } catch (e) { throw e && e.cause instanceof BenchExit ? e.cause : e; }
        },
        buffer: () => memory.data(store).buffer,
      };
    });
  },
};

try {
  const r = await engines[engine]();
  process.stdout.write(JSON.stringify({ engine, program: wasmPath, ms: r.ms, output: r.output, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ engine, program: wasmPath, error: String(e && e.stack || e).split('\n').slice(0, 3).join(' | ') }) + '\n');
}
