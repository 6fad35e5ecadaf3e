import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureOutputStream } from '@wasmtide/wasi';
import { main, type CliIO } from './cli.js';
import { parseRunArgs } from './run.js';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'wasmtide-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wasmtide CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/validate FILE/);
    expect(r.out.join('\n')).toMatch(/wast FILE/);
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^wasmtide \d+\.\d+\.\d+$/);
  });

  const errors: [string[], RegExp][] = [
    [[], /usage: wasmtide/],
    [['frobnicate'], /unknown command frobnicate/],
    [['run'], /usage: wasmtide run/],
    [['run', '--bogus', 'x.wasm'], /unknown option --bogus/],
    [['run', '--env', 'NOEQUALS', 'x.wasm'], /expected K=V/],
    [['run', '/nonexistent/x.wasm'], /ENOENT|no such file/],
    [['validate'], /usage: wasmtide validate FILE/],
    [['validate', '--bogus', 'x.wasm'], /unknown option --bogus/],
    [['validate', '/nonexistent/x.wasm'], /ENOENT|no such file/],
    [['wast'], /usage: wasmtide wast FILE/],
  ];
  it.each(errors)('%j fails with one clear line and status 1', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('validate reports a malformed binary on one line with status 1', async () => {
    const file = join(dir, 'bad.wasm');
    writeFileSync(file, new Uint8Array([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]));
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('bad.wasm: ');
  });

  it('wast with a missing file counts it as failed and ends with the summary line', async () => {
    const r = await run(['wast', join(dir, 'missing.wast')]);
    expect(r.code).toBe(1);
    expect(r.out[r.out.length - 1]).toMatch(/^0 passed, 1 failed/);
  });

  const example = fileURLToPath(new URL('../examples/hello.wat', import.meta.url));
  it('validate lists the imports and exports of a text module', async () => {
    const r = await run(['validate', example]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${example}: valid`,
      'imports (1):',
      '  host::print: (func (param i32 i32))',
      'exports (3):',
      '  memory: (memory 1)',
      '  greetings: (global (mut i32))',
      '  run: (func)',
    ]);
  });

  it('validate reports an invalid module with the validator\'s wording', async () => {
    const file = join(dir, 'invalid.wat');
    writeFileSync(file, '(module (func (result i32) (i64.const 1)))');
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/type mismatch/);
  });

  it('wast prints each failure with its line and ends with the summary', async () => {
    const file = join(dir, 'script.wast');
    writeFileSync(
      file,
      [
        '(module (func (export "f") (result i32) (i32.const 3)))',
        '(assert_return (invoke "f") (i32.const 3))',
        '(assert_return (invoke "f") (i32.const 4))',
        '(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")',
      ].join('\n'),
    );
    const r = await run(['wast', file]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([`${file}:3: assert_return: result 0: expected i32 4, got i32 3`, '3 passed, 1 failed']);
  });

  it('wast exits 0 when every command passes', async () => {
    const file = join(dir, 'ok.wast');
    writeFileSync(file, '(module (func (export "f") (result i64) (i64.const -1)))\n(assert_return (invoke "f") (i64.const -1))\n');
    const r = await run(['wast', file]);
    expect(r).toMatchObject({ code: 0, out: ['2 passed, 0 failed'] });
  });

});

describe('wasmtide run', () => {
  const prog = join(dir, 'prog.wat');
  writeFileSync(
    prog,
    `(module
      (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
      (memory (export "memory") 1)
      (data (i32.const 8) "hello\\n")
      (func (export "_start")
        (i32.store (i32.const 0) (i32.const 8))
        (i32.store (i32.const 4) (i32.const 6))
        (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 100)))
        (drop (call $args_sizes (i32.const 200) (i32.const 204)))
        (call $exit (i32.load (i32.const 200))))
      (func $add (export "add") (param i32 i64) (result i64) (i64.add (i64.extend_i32_s (local.get 0)) (local.get 1)))
      (func $boom (export "boom") unreachable))`,
  );

  async function runWith(argv: string[]) {
    const stdout = new CaptureOutputStream();
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['run', ...argv], { out: (l) => out.push(l), err: (l) => err.push(l), stdio: { stdout } });
    return { code, out, err, stdout: stdout.text() };
  }

  it('runs _start; the status is the proc_exit code; argv[0] is FILE and the rest goes to the guest', async () => {
    const r = await runWith([prog, 'a', '--not-an-option']);
    expect(r.err).toEqual([]);
    expect(r.stdout).toBe('hello\n');
    expect(r.code).toBe(3);
  });

  it('--invoke calls an export with typed arguments and prints its results', async () => {
    const r = await runWith(['--invoke', 'add', prog, '2', '40']);
    expect(r).toMatchObject({ code: 0, out: ['42'], err: [] });
  });

  it('a trap goes to stderr with status 134', async () => {
    const r = await runWith(['--invoke', 'boom', prog]);
    expect(r.code).toBe(134);
    expect(r.err[0]).toMatch(/wasm trap: unreachable/);
  });

  it('a link error is one line naming the import, status 1', async () => {
    const file = join(dir, 'needs-env.wat');
    writeFileSync(file, '(module (import "env" "missing" (func)) (func (export "_start")))');
    const r = await runWith([file]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/env::missing/);
  });

  it('parses options before FILE only', () => {
    expect(parseRunArgs(['--dir', '/tmp::/sandbox', '--dir=/data', '--env', 'K=V=W', '--inherit-env', 'p.wasm', '--env', 'x'])).toEqual({
      dirs: [
        { host: '/tmp', guest: '/sandbox' },
        { host: '/data', guest: '/data' },
      ],
      env: [['K', 'V=W']],
      inheritEnv: true,
      invoke: null,
      allowPrecompiled: false,
      file: 'p.wasm',
      args: ['--env', 'x'],
    });
  });

  it('compile writes a precompiled module that run accepts only with --allow-precompiled', async () => {
    const cwasm = join(dir, 'prog.cwasm');
    const c = await main(['compile', '-o', cwasm, prog], { out: () => {}, err: (l) => expect.fail(l) });
    expect(c).toBe(0);
    const refused = await runWith([cwasm]);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/--allow-precompiled/);
    const r = await runWith(['--allow-precompiled', cwasm, 'x']);
    expect(r).toMatchObject({ code: 2, stdout: 'hello\n', err: [] });
  });

  it('compile reports a broken module on one line with status 1', async () => {
    const bad = join(dir, 'bad.wat');
    writeFileSync(bad, '(module (func (result i32)))');
    const err: string[] = [];
    expect(await main(['compile', bad], { out: () => {}, err: (l) => err.push(l) })).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/type mismatch/);
  });
});
