/**
 * Decode + validate throughput: wasmtide (`decodeAndValidate`) against V8's
 * `new WebAssembly.Module(bytes)` (and `WebAssembly.validate`, which validates every body eagerly)
 * on the same large real module (esbuild's `esbuild.wasm` from the `esbuild-wasm` npm package,
 * ~13 MB). Runs are interleaved; each run gets the module with a distinct trailing custom section,
 * so V8's module cache never answers. The median of each is reported in MB/s, with the ratios.
 * Prints a table and writes JSON to `tools/bench/results/`.
 *
 * usage: node tools/bench/dist/parse.js [--runs N] [--smoke] [--file PATH.wasm]
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = resolve(here, '..', 'results');

interface Args {
  runs: number;
  smoke: boolean;
  file: string | null;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 7, smoke: false, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--runs') a.runs = Number(argv[++i]);
    else if (arg === '--smoke') a.smoke = true;
    else if (arg === '--file') a.file = argv[++i] ?? null;
    else throw new Error(`unknown argument ${arg}; usage: parse [--runs N] [--smoke] [--file PATH.wasm]`);
  }
  if (a.smoke) a.runs = 1;
  if (!Number.isInteger(a.runs) || a.runs < 1) throw new Error('--runs must be a positive integer');
  return a;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The subject: esbuild.wasm from the pinned esbuild-wasm package, or a file given on the command line. */
function subject(file: string | null): { name: string; path: string; bytes: Uint8Array } {
  if (file) return { name: file, path: resolve(file), bytes: new Uint8Array(readFileSync(file)) };
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('esbuild-wasm/package.json');
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  const path = resolve(dirname(pkgPath), 'esbuild.wasm');
  return { name: `esbuild-wasm@${version}/esbuild.wasm`, path, bytes: new Uint8Array(readFileSync(path)) };
}

type Step = (bytes: Uint8Array) => void;

async function wasmtideStep(): Promise<Step> {
  // `decodeAndValidate` is what the runtime compiles through: one walk over each body, with
  // malformed bodies still reported exactly as the decoder does.
  const { decodeAndValidate, defaultFeatures } = await import('@wasmtide/validator');
  return (bytes) => {
    decodeAndValidate(bytes, defaultFeatures);
  };
}

type NativeWasm = { Module: new (b: Uint8Array) => unknown; validate(b: Uint8Array): boolean };

function native(): NativeWasm {
  const WA = (globalThis as { WebAssembly?: NativeWasm }).WebAssembly;
  if (!WA) throw new Error('this Node has no WebAssembly (run without --no-expose-wasm)');
  return WA;
}

/**
 * The subject with a small custom section appended that differs per run. V8 caches compiled
 * modules by their bytes, so compiling the same bytes again would measure a cache hit; a custom
 * section changes the bytes without changing the module.
 */
function variant(bytes: Uint8Array, n: number): Uint8Array {
  const name = new TextEncoder().encode('wasmtide-bench');
  const payload = [name.length, ...name, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const out = new Uint8Array(bytes.length + 2 + payload.length);
  out.set(bytes);
  out[bytes.length] = 0; // custom section id
  out[bytes.length + 1] = payload.length; // size (< 128: one LEB128 byte)
  out.set(payload, bytes.length + 2);
  return out;
}

function time(step: Step, bytes: Uint8Array): number {
  const t0 = performance.now();
  step(bytes);
  return performance.now() - t0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const s = subject(args.file);
  const mb = s.bytes.length / 1e6;
  const WA = native();
  const steps: { name: string; step: Step; ms: number[] }[] = [
    { name: 'node new WebAssembly.Module', step: (b) => void new WA.Module(b), ms: [] },
    { name: 'node WebAssembly.validate', step: (b) => void WA.validate(b), ms: [] },
    { name: 'wasmtide decode+validate', step: await wasmtideStep(), ms: [] },
  ];

  let n = 0;
  // One untimed warm-up each (JIT), unless smoke-testing.
  if (!args.smoke) for (const st of steps) st.step(variant(s.bytes, n++));
  for (let i = 0; i < args.runs; i++) {
    // Interleaved, rotating which goes first; every call gets bytes no engine has seen.
    for (let k = 0; k < steps.length; k++) {
      const st = steps[(i + k) % steps.length]!;
      st.ms.push(time(st.step, variant(s.bytes, n++)));
    }
  }
  const [nMod, nVal, ours] = steps as [(typeof steps)[0], (typeof steps)[0], (typeof steps)[0]];
  const nMed = median(nMod.ms);
  const vMed = median(nVal.ms);
  const oMed = median(ours.ms);
  const rows = [
    ['engine', 'median ms', 'MB/s', 'runs'],
    ...steps.map((st) => {
      const m = median(st.ms);
      return [st.name, m.toFixed(1), (mb / (m / 1000)).toFixed(1), String(args.runs)];
    }),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`decode+validate of ${s.name} (${mb.toFixed(2)} MB), node ${process.version}`);
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log(`ratio wasmtide / new WebAssembly.Module: ${(oMed / nMed).toFixed(2)}x; wasmtide / WebAssembly.validate: ${(oMed / vMed).toFixed(2)}x`);

  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(resultsDir, `parse-${stamp}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: 'decode+validate',
        subject: s.name,
        bytes: s.bytes.length,
        node: process.version,
        runs: args.runs,
        smoke: args.smoke,
        native: { ms: nMod.ms, medianMs: nMed, mbPerS: mb / (nMed / 1000) },
        nativeValidate: { ms: nVal.ms, medianMs: vMed, mbPerS: mb / (vMed / 1000) },
        wasmtide: { ms: ours.ms, medianMs: oMed, mbPerS: mb / (oMed / 1000) },
        ratio: oMed / nMed,
        ratioToValidate: oMed / vMed,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`wrote ${out}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench:parse: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
