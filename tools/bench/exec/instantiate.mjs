#!/usr/bin/env node
// Instantiation benchmark: a small module (one memory with a data segment, a table with an element
// segment, globals, a handful of functions, one host import) instantiated N times, each time in a
// fresh Store for wasmtide (new Store + the import's Func + new Instance) and with
// new WebAssembly.Instance natively. The module is compiled once, outside the timing. Each engine
// runs in a fresh process per round; prints medians of µs per instantiation and writes
// tools/bench/results/instantiate.json.
//   node tools/bench/exec/instantiate.mjs [--rounds N] [--count N]
// The target (issue "Speed"): wasmtide within 2x native.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '..');

const WAT = `(module
  (import "env" "log" (func $log (param i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "small module for instantiation")
  (global $g (mut i32) (i32.const 42))
  (global $h (mut i64) (i64.const 7))
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $add $sub $mul)
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
  (func (export "apply") (param i32 i32 i32) (result i32)
    (call_indirect (type $bin) (local.get 1) (local.get 2) (local.get 0)))
  (func (export "sum") (param i32 i32) (result i32) (local $s i32)
    (block $done (loop $l
      (br_if $done (i32.eqz (local.get 1)))
      (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get 0))))
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (local.set 1 (i32.sub (local.get 1) (i32.const 1)))
      (br $l)))
    (local.get $s))
  (func (export "bump") (global.set $g (i32.add (global.get $g) (i32.const 1))) (call $log (global.get $g)))
)`;

async function child(engine, count) {
  const { parseWat } = await import('@wasmtide/parser/text');
  const bytes = parseWat(WAT);
  let run;
  if (engine === 'native') {
    const mod = new WebAssembly.Module(bytes);
    const imports = { env: { log() {} } };
    run = () => new WebAssembly.Instance(mod, imports).exports.sum(16, 5);
  } else {
    const { Engine, Store, Module, Instance, Func } = await import('@wasmtide/runtime');
    const engineObj = new Engine();
    const mod = new Module(engineObj, bytes);
    const logTy = mod.imports()[0].ty;
    run = () => {
      const store = new Store(engineObj, null);
      const log = new Func(store, logTy, () => []);
      const inst = new Instance(store, mod, [log]);
      return inst.getTypedFunc(store, 'sum', ['i32', 'i32'], ['i32']).call(store, 16, 5);
    };
  }
  const want = run();
  for (let i = 0; i < Math.min(200, count); i++) run(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < count; i++) run();
  const us = ((performance.now() - t0) * 1000) / count;
  process.stdout.write(JSON.stringify({ engine, us, check: want }) + '\n');
}

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
if (argv[0] === '--child') {
  await child(argv[1], Number(argv[2]));
} else {
  const rounds = Number(opt('rounds', 5));
  const count = Number(opt('count', 2000));
  const engines = ['native', 'wasmtide'];
  const runs = { native: [], wasmtide: [] };
  const errors = {};
  for (let r = 0; r < rounds; r++) {
    for (const e of engines) {
      const c = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', e, String(count)], { encoding: 'utf8', cwd: benchDir, timeout: 600_000 });
      try {
        const rec = JSON.parse((c.stdout || '').trim().split('\n').pop());
        runs[e].push(rec);
        process.stderr.write(`round ${r + 1} ${e}: ${rec.us.toFixed(1)} µs (check ${rec.check})\n`);
      } catch {
        errors[e] = `status ${c.status}: ${(c.stderr || '').split('\n').slice(0, 4).join(' | ')}`;
        process.stderr.write(`round ${r + 1} ${e}: ERROR ${errors[e]}\n`);
      }
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const table = {};
  for (const e of engines) table[e] = runs[e].length ? { us: median(runs[e].map((x) => x.us)) } : { error: errors[e] };
  const ratio = table.wasmtide.us !== undefined && table.native.us !== undefined ? table.wasmtide.us / table.native.us : null;
  console.log(`instantiate a small module, ${count} times per process, median of ${rounds} processes`);
  console.log(`| engine | µs per instance | ×native |\n|---|---|---|`);
  for (const e of engines) console.log(`| ${e} | ${table[e].us !== undefined ? table[e].us.toFixed(1) : 'n/a'} | ${e === 'native' ? '1.00×' : ratio === null ? 'n/a' : ratio.toFixed(2) + '×'} |`);
  const target = { target: 'instantiate within 2× native', value: ratio, met: ratio !== null && ratio <= 2 };
  console.log(`target: ${target.target}: ${ratio === null ? 'n/a' : ratio.toFixed(2) + '×'} ${target.met ? 'MET' : 'NOT MET'}`);
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  writeFileSync(join(benchDir, 'results', 'instantiate.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, count, rounds, table, target }, null, 2));
}
