/**
 * The `wasmtide run` CLI on real WASI programs: the C programs in `src/` (compiled with clang)
 * and the bundled example `examples/wasi/hello.wat`, each run as a child process through the
 * committed bin stub (so this needs `pnpm build`). Checks what CONTRACT.md fixes: exit statuses
 * (the `proc_exit` code, 0 when `_start` returns, 134 with the trap and a wasm backtrace on
 * stderr, 1 with one line on a load/validation/link error), `--dir HOST::GUEST` and `--dir HOST`,
 * `--env`, `argv[0]` = FILE as written, and `--invoke`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { buildAll, haveClang } from './build.mjs';
import { tempDir } from './harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'packages', 'wasmtide', 'bin', 'wasmtide.js');
const HELLO = join(ROOT, 'examples', 'wasi', 'hello.wat');

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `wasmtide ARGS…` from the repository root. */
function wasmtide(args: string[], input = ''): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, timeout: 60_000, maxBuffer: 1 << 26, env: { ...process.env, SECRET_OF_THE_HOST: 'leaked' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** Non-empty lines of a text. */
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

const clang = haveClang();
let programs: Record<string, string> = {};
let work = '';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'packages', 'wasmtide', 'dist', 'cli.js'))) throw new Error('the CLI is not built: run `pnpm build` first');
  if (clang) programs = buildAll();
  work = tempDir('wasmtide-cli-');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A program's path relative to the root (the CLI runs there), as a user would type it. */
const prog = (name: string) => relative(ROOT, programs[name]!);

describe.skipIf(!clang)('wasmtide run: exit statuses', () => {
  it.each([
    ['return 0', ['return', '0'], 0],
    ['return 5', ['return', '5'], 5],
    ['exit 3', ['exit', '3'], 3],
    ['exit 255', ['exit', '255'], 255],
    ['_Exit 9', ['_Exit', '9'], 9],
  ])('%s', (_label, args, status) => {
    const r = wasmtide(['run', prog('exit_codes'), ...args]);
    expect(r.status).toBe(status);
    expect(r.stderr).toBe('unbuffered stderr\n');
    // wasi-libc's stdout is line-buffered, so even _Exit (no flush) has printed the line.
    expect(r.stdout).toBe(`buffered output before ${args[0]} ${args[1]}\n`);
  });

  it('a trap exits with 134 and prints the trap and a wasm backtrace on stderr', () => {
    const r = wasmtide(['run', prog('exit_codes'), 'trap']);
    expect(r.status).toBe(134);
    const err = lines(r.stderr);
    expect(err[0]).toBe('unbuffered stderr');
    expect(err[1]).toMatch(/^error: wasm trap: .*unreachable/);
    expect(err[2]).toBe('wasm backtrace:');
    expect(err.length).toBeGreaterThan(3);
    expect(err[3]).toMatch(/^\s+0: /);
  });

  it('a trap in a module with names shows the function names in the backtrace', () => {
    const wat = join(work, 'trap.wat');
    writeFileSync(wat, '(module (func $boom unreachable) (func $middle call $boom) (func (export "_start") call $middle))');
    const r = wasmtide(['run', wat]);
    expect(r.status).toBe(134);
    const err = lines(r.stderr);
    expect(err.slice(0, 4)).toEqual(['error: wasm trap: unreachable', 'wasm backtrace:', expect.stringMatching(/0: .*boom/), expect.stringMatching(/1: .*middle/)]);
  });

  it.each([
    ['a missing file', () => join(work, 'does-not-exist.wasm')],
    ['a malformed binary', () => {
      const p = join(work, 'bad.wasm');
      writeFileSync(p, Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x01, 0xff]));
      return p;
    }],
    ['malformed text', () => {
      const p = join(work, 'bad.wat');
      writeFileSync(p, '(module (func (export "_start") (i32.frobnicate)))');
      return p;
    }],
    ['an invalid module', () => {
      const p = join(work, 'invalid.wat');
      writeFileSync(p, '(module (func (export "_start") (result i32) (i64.const 1)))');
      return p;
    }],
    ['an unknown import', () => {
      const p = join(work, 'unlinkable.wat');
      writeFileSync(p, '(module (import "env" "nope" (func)) (func (export "_start")))');
      return p;
    }],
    ['a WASI function with the wrong type', () => {
      const p = join(work, 'badsig.wat');
      writeFileSync(p, '(module (import "wasi_snapshot_preview1" "proc_exit" (func (param i64))) (func (export "_start")))');
      return p;
    }],
  ])('%s: status 1 and one line on stderr', (_label, make) => {
    const file = make();
    const r = wasmtide(['run', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(file);
  });
});

describe.skipIf(!clang)('wasmtide run: arguments, environment, preopens', () => {
  it('argv[0] is FILE as written; the rest goes to the guest, options included', () => {
    const file = prog('args_env');
    const r = wasmtide(['run', file, 'one', '--env', 'X=1', 'ünï']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`argc=5\nargv[0]="${file}"\nargv[1]="one"\nargv[2]="--env"\nargv[3]="X=1"\nargv[4]="ünï"\n`);
    // The option after FILE went to the guest: no variable was set.
    expect(r.stdout).toContain('environ count=0\n');
    const abs = wasmtide(['run', programs.args_env!]);
    expect(abs.stdout).toContain(`argv[0]="${programs.args_env}"\n`);
  });

  it('--env sets variables and the host environment stays hidden', () => {
    const r = wasmtide(['run', '--env', 'GREETING=hi there', '--env=EMPTY=', '--env', 'UNICODE=ä→😀', prog('args_env')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GREETING=hi there\nEMPTY=\nUNICODE=ä→😀\nMISSING=(unset)\nenviron count=3\n');
    const probe = wasmtide(['run', '--env', 'A=1', prog('cli_probe'), 'getenv', 'SECRET_OF_THE_HOST', 'A']);
    expect(probe.stdout).toBe('SECRET_OF_THE_HOST=(unset)\nA=1\n');
    const inherited = wasmtide(['run', '--inherit-env', prog('cli_probe'), 'getenv', 'SECRET_OF_THE_HOST']);
    expect(inherited.stdout).toBe('SECRET_OF_THE_HOST=leaked\n');
  });

  it('--dir HOST::GUEST preopens HOST under the guest path GUEST', () => {
    const host = join(work, 'box');
    mkdirSync(host, { recursive: true });
    writeFileSync(join(host, 'in.txt'), 'from the host\n');
    const read = wasmtide(['run', '--dir', `${host}::/data`, prog('cli_probe'), 'cat', '/data/in.txt']);
    expect(read).toEqual({ status: 0, stdout: 'from the host\n', stderr: '' });
    const write = wasmtide(['run', `--dir=${host}::/data`, prog('cli_probe'), 'write', '/data/out.txt', 'from the guest']);
    expect(write.status).toBe(0);
    expect(readFileSync(join(host, 'out.txt'), 'utf8')).toBe('from the guest');
    // Under its guest name only: the host path means nothing inside.
    const hostPath = wasmtide(['run', '--dir', `${host}::/data`, prog('cli_probe'), 'cat', join(host, 'in.txt')]);
    expect(hostPath.status).toBe(2);
    expect(hostPath.stderr).toMatch(/^cannot open .*in\.txt: /);
  });

  it('--dir HOST preopens HOST under the same path; nothing else is visible', () => {
    const host = join(work, 'same');
    mkdirSync(host, { recursive: true });
    writeFileSync(join(host, 'a.txt'), 'A');
    writeFileSync(join(host, 'b.txt'), 'B');
    const r = wasmtide(['run', '--dir', host, prog('cli_probe'), 'cat', join(host, 'a.txt'), join(host, 'b.txt')]);
    expect(r).toEqual({ status: 0, stdout: 'AB', stderr: '' });
    const outside = wasmtide(['run', '--dir', host, prog('cli_probe'), 'cat', join(host, '..', 'trap.wat')]);
    expect(outside.status).toBe(2);
    const none = wasmtide(['run', prog('cli_probe'), 'cat', '/etc/passwd']);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
  });

  it('stdin reaches the guest', () => {
    const r = wasmtide(['run', prog('stdin_echo')], 'line one\nline two\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('LINE ONE\nLINE TWO\n');
    expect(r.stdout).toContain('bytes=18 lines=2');
  });
});

describe.skipIf(!clang)('wasmtide run --invoke', () => {
  it('calls an export with its arguments and prints the result', () => {
    expect(wasmtide(['run', '--invoke', 'add', prog('cli_probe'), '2', '40'])).toEqual({ status: 0, stdout: '42\n', stderr: '' });
    expect(wasmtide(['run', '--invoke=add', prog('cli_probe'), '-7', '0x10']).stdout).toBe('9\n');
    expect(wasmtide(['run', '--invoke', 'divide', prog('cli_probe'), '-9', '2']).stdout).toBe('-4\n');
  });

  it('a trap in the invoked export exits with 134', () => {
    const r = wasmtide(['run', '--invoke', 'divide', prog('cli_probe'), '1', '0']);
    expect(r.status).toBe(134);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr).slice(0, 2)).toEqual(['error: wasm trap: integer divide by zero', 'wasm backtrace:']);
  });

  it.each([
    ['an unknown export', ['nope', '1']],
    ['the wrong number of arguments', ['add', '1']],
    ['an argument that is not a number', ['add', '1', 'two']],
  ])('%s: status 1 and one line', (_label, [name, ...args]) => {
    const r = wasmtide(['run', '--invoke', name!, prog('cli_probe'), ...args]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe('examples/wasi/hello.wat through the CLI', () => {
  it('prints the greeting (no arguments)', () => {
    expect(wasmtide(['run', relative(ROOT, HELLO)])).toEqual({ status: 0, stdout: 'Hello from WebAssembly, via WASI!\n', stderr: '' });
  });

  it('echoes its arguments', () => {
    const r = wasmtide(['run', 'examples/wasi/hello.wat', 'one', 'two words', 'ünï']);
    expect(r).toEqual({ status: 0, stdout: 'Hello from WebAssembly, via WASI!\nargs: one two words ünï\n', stderr: '' });
  });

  it('grows its memory for long arguments', () => {
    const long = 'x'.repeat(100_000);
    const r = wasmtide(['run', 'examples/wasi/hello.wat', long, 'end']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Hello from WebAssembly, via WASI!\nargs: ${long} end\n`);
  });

  it('runs as `pnpm exec wasmtide run examples/wasi/hello.wat` from the root', () => {
    const r = spawnSync('pnpm', ['exec', 'wasmtide', 'run', 'examples/wasi/hello.wat', 'hi'], { cwd: ROOT, timeout: 60_000 });
    if (r.error) throw r.error;
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toBe('Hello from WebAssembly, via WASI!\nargs: hi\n');
  });
});
