#!/usr/bin/env node
// The 64-bit-multiply ceiling: how much faster could hash64 and xorshift get if wasmtide's i64.mul
// were cheaper? Runs each program, interleaved and each in a fresh process, on
//   - wasm2js (binaryen's output, the reference of the "Speed" issue's 0.75x target),
//   - wasmtide as it is, and
//   - wasmtide with the high half of every 32x32 limb product of i64.mul by a constant deleted from the
//     generated JavaScript (the checksum is then wrong, on purpose: this is a bound, not an engine).
// The third column is what a multiply whose high half costs nothing would reach. If even that is
// slower than 0.75x wasm2js, no multiply kernel can meet the target: the remaining time is the rest
// of the 64-bit work (shifts, xors, carries) done on int32 pairs.
//   node tools/bench/exec/i64-ceiling.mjs [--rounds N] [--scale S]
// Needs the programs built (node tools/bench/exec/run.mjs builds them) and `pnpm build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '..');
const buildDir = join(benchDir, 'build');

// The shape the compiler emits for the high word of `x * K` with a 64-bit constant K whose low
// word is at least 2^21 (codegen/numeric.ts emitMul64): 16-bit limbs of x against K's low word.
const LIMB_HIGH = /m0 = (\w+) & 65535; m1 = \1 >>> 16; m2 = \(imul\(m0, (\d+)\) >>> 16\) \+ imul\(m1, \2\) \| 0; m3 = \(m2 & 65535\) \+ imul\(m0, (\d+)\) \| 0;\n(\s*)t0 = imul\(\1, (-?\d+|\(-?\d+\))\); (\w+) = \(imul\(m1, \3\) \+ \(m2 >>> 16\) \+ \(m3 >>> 16\) \+ /g;

async function child(variant, wasmPath, scale) {
  const { makeWasi, BenchExit } = await import('./wasi-shim.mjs');
  const { Engine, Store, Module, Instance, Func } = await import('@wasmtide/runtime');
  const bytes = readFileSync(wasmPath);
  const engine = new Engine();
  let patched = 0;
  let module = new Module(engine, bytes);
  if (variant === 'no-umulh') {
    // Rewrite the generated source through the public serialize/deserialize round trip.
    const ser = module.serialize();
    const compiled = JSON.parse(new TextDecoder().decode(ser.subarray(20)));
    compiled.source = compiled.source.replace(LIMB_HIGH, (_all, x, _b0, _b1, ind, k, hi) => {
      patched++;
      return `${ind}t0 = imul(${x}, ${k}); ${hi} = (`;
    });
    const payload = new TextEncoder().encode(JSON.stringify(compiled));
    const out = new Uint8Array(20 + payload.length);
    out.set(ser.subarray(0, 20));
    const dv = new DataView(out.buffer);
    dv.setUint32(12, payload.length, true);
    let h = 0x811c9dc5;
    for (let i = 0; i < payload.length; i++) { h ^= payload[i]; h = Math.imul(h, 0x01000193); }
    dv.setUint32(16, h >>> 0, true);
    out.set(payload, 20);
    module = Module.deserialize(engine, out);
  }
  let memory = null;
  const store = new Store(engine, null);
  const wasi = makeWasi([wasmPath, scale], () => memory.data(store).buffer);
  const externs = module.imports().map((imp) => new Func(store, imp.ty, (_c, params) => {
    const r = wasi.imports[imp.name](...params);
    return imp.ty.results.length ? [r] : [];
  }));
  const inst = new Instance(store, module, externs);
  memory = inst.getMemory(store, 'memory');
  const start = inst.getTypedFunc(store, '_start', [], []);
  const t0 = performance.now();
  try { start.call(store); } catch (e) {
    const x = e && e.cause instanceof BenchExit ? e.cause : e;
    if (!(x instanceof BenchExit) || x.exitCode !== 0) throw e;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, patched, output: wasi.output().trim() }) + '\n');
}

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
if (argv[0] === '--child') {
  await child(argv[1], argv[2], argv[3]);
} else {
  const rounds = Number(opt('rounds', 3));
  const scale = opt('scale', '1');
  const programs = ['hash64', 'xorshift'];
  const variants = ['wasm2js', 'wasmtide', 'no-umulh'];
  const runs = {};
  for (let r = 0; r < rounds; r++) {
    for (const p of programs) {
      const wasm = join(buildDir, `${p}.wasm`);
      if (!existsSync(wasm)) { console.error(`missing ${wasm}: run node tools/bench/exec/run.mjs --smoke first`); process.exit(2); }
      for (const v of variants) {
        // wasm2js goes through the execution benchmark's own child (its time includes instantiation,
        // which is negligible next to these runs); wasmtide's variants time the run alone.
        const args = v === 'wasm2js' ? [join(here, 'child.mjs'), 'wasm2js', wasm, scale] : [fileURLToPath(import.meta.url), '--child', v, wasm, scale];
        const c = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: benchDir, timeout: 600_000 });
        let rec;
        try { rec = JSON.parse((c.stdout || '').trim().split('\n').pop()); } catch { rec = { error: (c.stderr || '').slice(0, 300) }; }
        if (rec.error) { console.error(`${p} ${v}: ${rec.error}`); process.exit(1); }
        if (v === 'no-umulh' && rec.patched === 0) { console.error(`${p}: the multiply pattern was not found in the generated code (has codegen/numeric.ts changed?)`); process.exit(1); }
        (runs[`${p} ${v}`] ??= []).push(rec.ms);
        process.stderr.write(`round ${r + 1} ${p} ${v}: ${rec.ms.toFixed(0)} ms${rec.patched ? ` (${rec.patched} products patched)` : ''}\n`);
      }
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const table = {};
  const lines = ['| program | wasm2js | wasmtide | wasmtide, high half free (wrong checksum) |', '|---|---:|---:|---:|'];
  for (const p of programs) {
    const [w, t, n] = variants.map((v) => median(runs[`${p} ${v}`]));
    table[p] = { wasm2js: w, wasmtide: t, noUmulh: n };
    lines.push(`| ${p} | ${w.toFixed(0)} ms | ${t.toFixed(0)} ms (${(t / w).toFixed(2)}×) | ${n.toFixed(0)} ms (${(n / w).toFixed(2)}×) |`);
  }
  console.log(lines.join('\n'));
  console.log('\nratios are to wasm2js; the issue\'s target is ≤ 0.75×.');
  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'i64-ceiling.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds, scale, table }, null, 2) + '\n');
}
