#!/usr/bin/env node
// Differential fuzzing: random bytes -> `wasm-opt -ttf` (Debian's binaryen) -> a valid module whose
// exports log values through imported functions. Every export runs under Node's native WebAssembly
// and under wasmtide; results, logged values and traps must agree.
//   node tools/fuzz/fuzz.mjs [--count N] [--seed S] [--keep DIR]
// Disagreements are written to DIR (default tools/fuzz/failures/, git-ignored) as .wasm files with a
// .txt note showing both transcripts; the seed reproduces the module (`--seed S --count 1`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const FEATURES = ['--mvp-features', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals', '--enable-bulk-memory', '--enable-multivalue'];

/** A small deterministic PRNG (xorshift32) so a seed always yields the same module. */
function randomBytes(seed, n) {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; out[i] = s & 0xff; }
  return out;
}

/** Generates the module for `seed` (bytes of a valid wasm binary). */
export function generate(seed, work) {
  const input = join(work, `in-${seed}.bin`);
  const output = join(work, `m-${seed}.wasm`);
  writeFileSync(input, randomBytes(seed, 2048 + (seed % 8) * 1024));
  execFileSync('wasm-opt', [input, '-ttf', ...FEATURES, '-o', output], { stdio: ['ignore', 'ignore', 'pipe'] });
  return readFileSync(output);
}

/** Normalises a trap or error from either engine to a category both can agree on. */
export function trapCategory(e) {
  const m = String(e && (e.trapCode || e.message) || e);
  if (/unreachable/i.test(m)) return 'unreachable';
  if (/out of bounds memory|memory access out of bounds/i.test(m)) return 'memory';
  if (/divide by zero|division by zero|remainder by zero/i.test(m)) return 'div0';
  // V8 reports NaN and out-of-range float-to-int alike ("float unrepresentable in integer range"),
  // where the spec tells them apart; integer overflow of division shares the category.
  if (/integer overflow|divide result unrepresentable|invalid conversion|unrepresentable in integer/i.test(m)) return 'overflow-or-conversion';
  if (/table|undefined element|uninitialized element/i.test(m)) return 'table';
  if (/signature|type mismatch/i.test(m)) return 'signature';
  if (/call stack|stack size|stack exhausted/i.test(m)) return 'stack';
  if (/out of bounds data|out of bounds element/i.test(m)) return 'segment';
  return `other: ${m.slice(0, 80)}`;
}

const fmt = (v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : typeof v === 'number' && Object.is(v, -0) ? '-0' : String(v));

/** Runs every export of `bytes` with an engine adapter; returns a transcript of lines. */
export function transcript(bytes, adapter) {
  const lines = [];
  const log = (kind) => (v) => { lines.push(`log-${kind} ${fmt(v)}`); };
  let inst;
  try {
    inst = adapter.instantiate(bytes, { 'log-i32': log('i32'), 'log-i64': log('i64'), 'log-f32': log('f32'), 'log-f64': log('f64') });
  } catch (e) {
    return [`instantiate: ${trapCategory(e)}`];
  }
  const names = inst.funcNames().filter((n) => n !== 'hangLimitInitializer');
  for (const name of names) {
    if (inst.has('hangLimitInitializer')) inst.call('hangLimitInitializer');
    try {
      const r = inst.call(name);
      lines.push(`${name} -> ${Array.isArray(r) ? r.map(fmt).join(',') : fmt(r)}`);
    } catch (e) {
      lines.push(`${name} trap ${trapCategory(e)}`);
    }
  }
  return lines;
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
  const count = Number(opt('count', 20));
  const seed0 = Number(opt('seed', 1));
  const keep = opt('keep', join(here, 'failures'));
  const { wasmtideAdapter, nativeAdapter } = await import('./adapter.mjs');
  const work = mkdtempSync(join(tmpdir(), 'wasmtide-fuzz-'));
  let passed = 0, failed = 0;
  for (let i = 0; i < count; i++) {
    const seed = seed0 + i;
    let bytes;
    try { bytes = generate(seed, work); } catch (e) { console.log(`seed ${seed}: wasm-opt failed (${String(e.message).slice(0, 80)})`); continue; }
    const a = transcript(bytes, nativeAdapter);
    const b = transcript(bytes, wasmtideAdapter);
    if (a.join('\n') === b.join('\n')) { passed++; continue; }
    failed++;
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, `seed-${seed}.wasm`), bytes);
    const diff = a.map((l, k) => (l === b[k] ? null : `  native:   ${l}\n  wasmtide: ${b[k]}`)).filter(Boolean).slice(0, 5).join('\n');
    writeFileSync(join(keep, `seed-${seed}.txt`), `${diff}\n`);
    console.log(`seed ${seed}: DISAGREEMENT\n${diff}`);
  }
  rmSync(work, { recursive: true, force: true });
  console.log(`fuzz: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
