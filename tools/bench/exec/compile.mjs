#!/usr/bin/env node
// Compile-time benchmark: how long `new Module(bytes)` takes on a large module (default esbuild-wasm's
// esbuild.wasm) for native (new WebAssembly.Module), polywasm (its WebAssembly.Module) and wasmtide
// (new Module(engine, bytes) from @wasmtide/runtime: decode + validate + compile + load), each run in a
// fresh process; prints medians side by side and writes tools/bench/results/compile.json.
//   node tools/bench/exec/compile.mjs [--rounds N] [--wasm path] [--engines a,b]
// Engines: native, polywasm, wasmtide (engine defaults), wasmtide-lazy (Config lazyCompilation(true)).
// The target (issue "Speed"): wasmtide within 2x polywasm.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '..');
const repo = resolve(benchDir, '..', '..');

async function child(engine, path) {
  const bytes = readFileSync(path);
  let t0;
  if (engine === 'native') {
    t0 = performance.now();
    new WebAssembly.Module(bytes);
  } else if (engine === 'polywasm') {
    const { WebAssembly: Poly } = await import('polywasm');
    t0 = performance.now();
    new Poly.Module(bytes);
  } else {
    const { Engine, Config, Module } = await import('@wasmtide/runtime');
    const engineObj = engine === 'wasmtide-lazy' ? new Engine(new Config().lazyCompilation(true)) : new Engine();
    t0 = performance.now();
    new Module(engineObj, bytes);
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ engine, ms, rssMB: Math.round(process.memoryUsage().rss / 1e6) }) + '\n');
}

function defaultWasm() {
  const pnpm = join(repo, 'node_modules', '.pnpm');
  const dir = existsSync(pnpm) ? readdirSync(pnpm).find((d) => d.startsWith('esbuild-wasm@')) : undefined;
  const p = dir ? join(pnpm, dir, 'node_modules', 'esbuild-wasm', 'esbuild.wasm') : '/tmp/package/esbuild.wasm';
  return p;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  await child(argv[1], argv[2]);
} else {
  const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
  const rounds = Number(opt('rounds', 3));
  const wasm = resolve(opt('wasm', defaultWasm()));
  const engines = opt('engines', 'native,polywasm,wasmtide,wasmtide-lazy').split(',');
  if (!existsSync(wasm)) {
    console.error(`missing ${wasm} (npm pack esbuild-wasm@0.28.2 into /tmp, or pass --wasm)`);
    process.exit(2);
  }
  const runs = Object.fromEntries(engines.map((e) => [e, []]));
  const errors = {};
  for (let r = 0; r < rounds; r++) {
    for (const e of engines) {
      const c = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', e, wasm], { encoding: 'utf8', cwd: benchDir, timeout: 600_000 });
      try {
        const rec = JSON.parse((c.stdout || '').trim().split('\n').pop());
        runs[e].push(rec);
        process.stderr.write(`round ${r + 1} ${e}: ${rec.ms.toFixed(0)} ms, rss ${rec.rssMB} MB\n`);
      } catch {
        errors[e] = `status ${c.status}: ${(c.stderr || '').split('\n').slice(0, 3).join(' | ')}`;
        process.stderr.write(`round ${r + 1} ${e}: ERROR ${errors[e]}\n`);
      }
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const table = {};
  for (const e of engines) table[e] = runs[e].length ? { ms: median(runs[e].map((x) => x.ms)), rssMB: median(runs[e].map((x) => x.rssMB)) } : { error: errors[e] };
  const poly = table.polywasm?.ms;
  console.log(`compile time of ${wasm.split('/').pop()} (${(readFileSync(wasm).length / 1e6).toFixed(1)} MB), median of ${rounds} fresh processes`);
  console.log(`| engine | ms | ×polywasm | rss MB |\n|---|---|---|---|`);
  for (const e of engines) {
    const t = table[e];
    console.log(`| ${e} | ${t.ms !== undefined ? t.ms.toFixed(0) : 'n/a'} | ${t.ms !== undefined && poly ? (t.ms / poly).toFixed(2) + '×' : 'n/a'} | ${t.rssMB ?? 'n/a'} |`);
  }
  const targets = engines.filter((e) => e.startsWith('wasmtide')).map((e) => ({
    target: `${e} compile within 2× polywasm`,
    value: table[e].ms !== undefined && poly ? table[e].ms / poly : null,
    met: table[e].ms !== undefined && poly ? table[e].ms <= 2 * poly : false,
  }));
  for (const t of targets) console.log(`target: ${t.target}: ${t.value === null ? 'n/a' : t.value.toFixed(2) + '×'} ${t.met ? 'MET' : 'NOT MET'}`);
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  writeFileSync(join(benchDir, 'results', 'compile.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, wasm, rounds, table, targets }, null, 2));
}
