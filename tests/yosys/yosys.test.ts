/**
 * Yosys, a real program nobody here wrote (`@yowasp/yosys`'s 30 MB WASI command), synthesises
 * `design.v` under Node's `node:wasi` (the reference, on Node's native WebAssembly, in a child
 * process) and under wasmtide (runtime + linker + `@wasmtide/wasi`); the output files must match
 * byte for byte. Yosys's `abc` pass parks stdout with `fd_renumber` and restores it: node:wasi
 * loses the host's stdout there, wasmtide must not, so only files are compared and the wasmtide
 * log is checked to go on after `abc` (node:wasi runs with `-q`, see `compareScript`). `yosys -V` also runs through the `wasmtide run` CLI.
 *
 * It takes a minute or two, so it runs only with `WASMTIDE_YOSYS=1` in the environment
 * (`tools/scripts/real-programs.sh` sets it): `WASMTIDE_YOSYS=1 npx vitest run tests/yosys`.
 * Timings are printed and, with `YOSYS_TIMINGS=FILE`, written there as JSON.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Module } from '@wasmtide/runtime';
import { runUnderNode, tempDir } from '../wasi/harness.js';
import type { RunResult } from '../wasi/harness.js';
import { YOSYS_WASM, compileYosys, haveYosys, layoutGuestRoot, runYosysOnWasmtide } from './yosys.js';
import type { YosysRun } from './yosys.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENABLED = process.env.WASMTIDE_YOSYS === '1';
const LONG = 900_000;

/** Timings in milliseconds, printed at the end. */
const timings: Record<string, number> = {};
const roots: string[] = [];
/** node:wasi's output files per script (one reference run serves several wasmtide runs). */
const nodeOutputs = new Map<string, Map<string, Buffer>>();
let engine: Engine;
let module: Module;

/** A fresh guest root (share/, design.v, tmp/). */
async function freshRoot(tag: string): Promise<string> {
  const root = tempDir(`yosys-${tag}-`);
  roots.push(root);
  expect(await layoutGuestRoot(root)).toBeGreaterThan(300);
  return root;
}

/** Files a run left in the guest root, outside share/: relative path -> bytes. */
function outputs(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (r === 'share' || r === 'design.v') continue;
      const p = join(root, r);
      if (statSync(p).isDirectory()) {
        out.set(`${r}/`, Buffer.alloc(0));
        walk(r);
      } else out.set(r, readFileSync(p));
    }
  };
  walk('');
  return out;
}

function timedNode(label: string, root: string | null, args: string[]): RunResult {
  const t0 = performance.now();
  const r = runUnderNode(YOSYS_WASM, { args: ['yosys', ...args], preopens: root === null ? {} : { '/': root } }, LONG);
  timings[`node:wasi ${label}`] = Math.round(performance.now() - t0);
  return r;
}

function timedWasmtide(label: string, root: string | null, args: string[], inMemory = false): YosysRun {
  const r = runYosysOnWasmtide(engine, module, args, root ?? undefined, inMemory);
  timings[`wasmtide ${label}`] = Math.round(r.totalMs);
  return r;
}

/**
 * Runs one synthesis script on both hosts in their own roots (node:wasi only once per script)
 * and checks that they leave the same files, byte for byte. Returns the wasmtide run and files.
 */
async function compareScript(label: string, script: string, expectFiles: string[], inMemory = false) {
  let theirs = nodeOutputs.get(script);
  if (theirs === undefined) {
    const nodeRoot = await freshRoot(`node-${label}`);
    // node:wasi runs quiet (-q): after abc's fd_renumber its stdout is broken and the rest of the
    // log lands in the next file Yosys writes (out_ice40.json began "Checking module top...").
    // wasmtide runs with the full log on stdout and must still write exactly the same files.
    const node = timedNode(label, nodeRoot, ['-q', '-p', script]);
    expect(node.trap).toBeNull();
    expect(node.exitCode).toBe(0);
    theirs = outputs(nodeRoot);
    nodeOutputs.set(script, theirs);
  }
  const oursRoot = await freshRoot(`ours-${label}`);
  const ours = timedWasmtide(inMemory ? `${label} (MemFs)` : label, oursRoot, ['-p', script], inMemory);
  expect(ours.error).toBeNull();
  expect(ours.stderr).toBe('');
  expect(ours.exitCode).toBe(0);
  const mine = outputs(oursRoot);
  for (const f of expectFiles) expect(theirs.get(f)?.length ?? 0).toBeGreaterThan(1000);
  expect([...mine.keys()]).toEqual([...theirs.keys()]);
  for (const [name, bytes] of theirs) {
    // Byte for byte; on a mismatch, show the first differing line rather than 400 KB.
    const m = mine.get(name)!;
    if (!m.equals(bytes)) {
      const a = bytes.toString('utf8').split('\n');
      const b = m.toString('utf8').split('\n');
      let i = a.findIndex((l, k) => l !== b[k]);
      if (i < 0) i = a.length;
      expect({ file: name, line: i + 1, ours: b[i] }).toEqual({ file: name, line: i + 1, ours: a[i] });
      expect(m.equals(bytes), `${name} differs`).toBe(true);
    }
  }
  return { ours, files: mine };
}

beforeAll(async () => {
  if (!ENABLED || !haveYosys()) return;
  const c = compileYosys(new Uint8Array(readFileSync(YOSYS_WASM)));
  engine = c.engine;
  module = c.module;
  timings['wasmtide Module (lazy compilation)'] = Math.round(c.ms);
}, LONG);

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  if (Object.keys(timings).length === 0) return;
  console.log(`Yosys timings (ms):\n${Object.entries(timings).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  if (process.env.YOSYS_TIMINGS) writeFileSync(process.env.YOSYS_TIMINGS, `${JSON.stringify(timings, null, 2)}\n`);
});

describe.skipIf(!ENABLED || !haveYosys())('Yosys 0.55 (@yowasp/yosys): node:wasi vs wasmtide (runs with WASMTIDE_YOSYS=1)', () => {
  it('yosys -V prints the version, as under node:wasi', () => {
    const node = timedNode('-V', null, ['-V']);
    const ours = timedWasmtide('-V', null, ['-V']);
    timings['wasmtide -V: first output after instantiation started'] = Math.round(ours.firstOutputMs ?? -1);
    timings['wasmtide -V: time to first output including Module'] = Math.round((ours.firstOutputMs ?? 0) + (timings['wasmtide Module (lazy compilation)'] ?? 0));
    expect(ours.stdout).toMatch(/^Yosys 0\.55 \(git sha1 [0-9a-f]+/);
    expect(ours).toMatchObject({ exitCode: 0, error: null, stderr: '' });
    expect(ours.stdout).toBe(node.stdout);
    expect(node.exitCode).toBe(0);
  }, LONG);

  it('synth -top top: the same JSON netlist and Verilog, and the log survives abc\'s fd_renumber', async () => {
    const { ours, files } = await compareScript('synth', 'read_verilog design.v; synth -top top; write_json out_synth.json; write_verilog -noattr out_synth.v', ['out_synth.json', 'out_synth.v']);
    // The generic netlist keeps the hierarchy flattened into `top` with gate-level cells.
    const netlist = JSON.parse(files.get('out_synth.json')!.toString('utf8')) as { modules: Record<string, { cells: Record<string, { type: string }>; ports: Record<string, unknown> }> };
    const top = netlist.modules.top!;
    expect(Object.keys(top.ports).sort()).toEqual(['busy', 'clk', 'done', 'go', 'limit', 'op', 'operand', 'result', 'rst', 'zero']);
    const types = new Set(Object.values(top.cells).map((c) => c.type));
    expect([...types].some((t) => /^\$_(S?DFF|SDFFE|DFFE)_/.test(t))).toBe(true);
    expect(files.get('out_synth.v')!.toString('utf8')).toMatch(/^\/\* Generated by Yosys 0\.55/);
    // abc ran, parked stdout with fd_renumber, and the log went on to the end afterwards.
    const abc = ours.stdout.indexOf('Executing ABC');
    expect(abc).toBeGreaterThan(0);
    expect(ours.stdout.indexOf('End of script.', abc)).toBeGreaterThan(abc);
  }, LONG);

  it('synth_ice40 -top top: the same iCE40 JSON netlist', async () => {
    const { files } = await compareScript('ice40', 'read_verilog design.v; synth_ice40 -top top -json out_ice40.json', ['out_ice40.json']);
    const netlist = JSON.parse(files.get('out_ice40.json')!.toString('utf8')) as { modules: Record<string, { cells?: Record<string, { type: string }> }> };
    const types = new Set(Object.values(netlist.modules.top!.cells ?? {}).map((c) => c.type));
    expect(types.has('SB_LUT4')).toBe(true);
    expect([...types].some((t) => t.startsWith('SB_DFF'))).toBe(true);
    expect(types.has('SB_CARRY')).toBe(true);
  }, LONG);

  it('synth -top top with the guest root in a MemFs: the same files', async () => {
    await compareScript('synth-memfs', 'read_verilog design.v; synth -top top; write_json out_synth.json; write_verilog -noattr out_synth.v', ['out_synth.json', 'out_synth.v'], true);
  }, LONG);

  it('yosys -V through `wasmtide run` prints the version (time to first output)', async () => {
    const bin = join(ROOT, 'packages', 'wasmtide', 'bin', 'wasmtide.js');
    expect(existsSync(join(ROOT, 'packages', 'wasmtide', 'dist', 'cli.js'))).toBe(true);
    const t0 = performance.now();
    const { status, stdout, first } = await new Promise<{ status: number | null; stdout: string; first: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'run', YOSYS_WASM, '-V'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      let first = -1;
      child.stdout.on('data', (d: Buffer) => {
        if (first < 0) first = performance.now() - t0;
        out += d.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ status: code, stdout: out, first }));
    });
    timings['CLI `wasmtide run yosys.core.wasm -V`: first output'] = Math.round(first);
    timings['CLI `wasmtide run yosys.core.wasm -V`: total'] = Math.round(performance.now() - t0);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Yosys 0\.55 \(git sha1 [0-9a-f]+/);
  }, LONG);
});
