#!/usr/bin/env node
// Proof that wasmtide never uses the host's WebAssembly object: run as
//   node --no-expose-wasm tools/scripts/no-wasm-check.mjs
// it confirms `WebAssembly` is absent, then runs a fixed list of spec scripts through the built
// `wasmtide` package, the CLI running a WASI program, and every example in examples/ (each in its
// own `node --no-expose-wasm`).
// A spec command fails the check unless it is listed in tools/spectest/known-failures.json (the
// same baseline the spec runner uses). Ends with `N passed, M failed`; exit 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const suite = process.env.WASM_TESTSUITE ? resolve(process.env.WASM_TESTSUITE) : resolve(root, '..', 'shared', 'wasm-testsuite');

/** Scripts covering integer, float, memory, table, control, call and linking paths. */
const SCRIPTS = [
  'nop.wast',
  'i32.wast',
  'i64.wast',
  'f32.wast',
  'f64.wast',
  'conversions.wast',
  'block.wast',
  'br_table.wast',
  'call_indirect.wast',
  'fac.wast',
  'memory.wast',
  'memory_grow64.wast',
  'table.wast',
  'linking.wast',
  'simd_i32x4_arith.wast',
];

let passed = 0;
let failed = 0;
const report = (ok, line) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok    ' : 'FAILED'}  ${line}`);
};

report(typeof globalThis.WebAssembly === 'undefined', 'WebAssembly is not exposed (run with node --no-expose-wasm)');

const distIndex = join(root, 'packages', 'wasmtide', 'dist', 'index.js');
if (!existsSync(distIndex)) {
  report(false, 'packages/wasmtide is built (run `pnpm build` first)');
} else {
  const { runWast, featuresForArea } = await import(distIndex);
  const baselinePath = join(root, 'tools', 'spectest', 'known-failures.json');
  // The baseline groups "line:kind" entries by file.
  const known = new Set();
  if (existsSync(baselinePath)) {
    for (const [file, entries] of Object.entries(JSON.parse(readFileSync(baselinePath, 'utf8')).failures ?? {})) {
      for (const e of Array.isArray(entries) ? entries : []) known.add(`${file}:${e}`);
    }
  }
  const areas = existsSync(join(suite, 'areas.json')) ? JSON.parse(readFileSync(join(suite, 'areas.json'), 'utf8')).areas ?? {} : {};
  for (const file of SCRIPTS) {
    const path = join(suite, file);
    if (!existsSync(path)) {
      report(false, `${file}: not found under ${suite}`);
      continue;
    }
    const r = await runWast(readFileSync(path, 'utf8'), { filename: file, features: featuresForArea(areas[file] ?? 'core') });
    const unexpected = r.outcomes.filter((o) => o.status === 'failed' && !known.has(`${file}:${o.line}:${o.kind}`));
    for (const o of unexpected.slice(0, 5)) console.log(`        ${file}:${o.line}: ${o.kind}: ${o.reason}`);
    report(unexpected.length === 0, `${file}: ${r.passed} passed, ${r.failed} failed (${r.failed - unexpected.length} known), ${r.skipped} skipped`);
  }
}

// The CLI running a WASI program, in its own `node --no-expose-wasm`.
{
  const hello = join(root, 'packages', 'wasmtide', 'examples', 'hello-wasi.wat');
  try {
    const out = execFileSync(process.execPath, ['--no-expose-wasm', join(root, 'packages', 'wasmtide', 'bin', 'wasmtide.js'), 'run', hello, 'no-wasm'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    report(out === 'Hello from wasmtide!\nno-wasm\n', `wasmtide run hello-wasi.wat: ${JSON.stringify(out)}`);
  } catch (err) {
    // The guest exits with its argument count (1 here): a non-zero status is expected.
    const out = String(err.stdout ?? '');
    report(err.status === 1 && out === 'Hello from wasmtide!\nno-wasm\n', `wasmtide run hello-wasi.wat: status ${err.status}, ${JSON.stringify(out)}${err.stderr ? ` ${String(err.stderr).trim()}` : ''}`);
  }
}

const examplesDir = join(root, 'examples');
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => /\.(mjs|js)$/.test(f)).sort() : [];
for (const ex of examples) {
  try {
    execFileSync(process.execPath, ['--no-expose-wasm', join(examplesDir, ex)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    report(true, `examples/${ex}`);
  } catch (err) {
    const lines = String(err.stderr || err.message || err).trim().split('\n');
    const msg = lines.find((l) => /Error|Trap|error:/.test(l)) ?? lines.slice(-3).join(' | ');
    report(false, `examples/${ex}: ${msg}`);
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
