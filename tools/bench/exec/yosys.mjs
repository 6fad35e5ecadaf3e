#!/usr/bin/env node
// Time to first output of a large WASI command: Yosys (the 30 MB `@yowasp/yosys` core module,
// 34,000 functions) printing its version, under node:wasi (native WebAssembly) and under wasmtide's
// CLI, each run in a fresh process, interleaved; median of N runs, plus peak resident memory.
//   node tools/bench/exec/yosys.mjs [--rounds N]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const argv = process.argv.slice(2);
const rounds = Number(argv.includes('--rounds') ? argv[argv.indexOf('--rounds') + 1] : 5);
// The package is a dependency of the repository's tests workspace; its exports map hides the
// .wasm file, so resolve its entry and go from there (gen/bundle.js sits beside the module).
const require = createRequire(join(root, 'tests', 'package.json'));
const wasm = join(dirname(require.resolve('@yowasp/yosys')), 'yosys.core.wasm');

const engines = {
  'node:wasi': [join(here, 'node-wasi-run.mjs'), wasm, '-V'],
  wasmtide: [join(root, 'packages/wasmtide/bin/wasmtide.js'), 'run', wasm, '-V'],
};

function once(args) {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    let first = null;
    let out = '';
    let err = '';
    const child = spawn(process.execPath, ['-r', join(here, 'rss-report.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { if (first === null) first = performance.now() - t0; out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /__maxrss_kib (\d+)/.exec(err);
      resolveRun({ code, firstMs: first, totalMs: performance.now() - t0, out: out.trim(), maxRssMiB: rss ? Number(rss[1]) / 1024 : null });
    });
  });
}

const results = Object.fromEntries(Object.keys(engines).map((e) => [e, []]));
for (let r = 0; r < rounds; r++) for (const [e, args] of Object.entries(engines)) results[e].push(await once(args));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ref = results['node:wasi'][0].out;
const rows = ['| engine | first output (median) | total | peak RSS | output |', '|---|---:|---:|---:|---|'];
const summary = {};
for (const [e, rs] of Object.entries(results)) {
  const ok = rs.every((x) => x.code === 0 && x.out === ref);
  summary[e] = { firstMs: median(rs.map((x) => x.firstMs ?? Infinity)), totalMs: median(rs.map((x) => x.totalMs)), maxRssMiB: Math.max(...rs.map((x) => x.maxRssMiB ?? 0)), ok };
  rows.push(`| ${e} | ${summary[e].firstMs.toFixed(0)} ms | ${summary[e].totalMs.toFixed(0)} ms | ${summary[e].maxRssMiB.toFixed(0)} MiB | ${ok ? 'same as node:wasi' : 'DIFFERS'} |`);
}
console.log(rows.join('\n'));
console.log(`ratio wasmtide/node:wasi (first output): ${(summary.wasmtide.firstMs / summary['node:wasi'].firstMs).toFixed(2)}×`);
mkdirSync(join(here, '..', 'results'), { recursive: true });
writeFileSync(join(here, '..', 'results', 'yosys.json'), JSON.stringify({ date: new Date().toISOString(), rounds, wasm, results: summary }, null, 2));
process.exitCode = Object.values(summary).every((s) => s.ok) ? 0 : 1;
