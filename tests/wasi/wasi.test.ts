/**
 * Differential test of `@wasmtide/wasi` against Node's `node:wasi`: each C program in `src/` runs
 * under both (each in its own temporary directory, prepared the same way) and the two runs must
 * agree on stdout, stderr, exit status and the files left behind. Where node:wasi is wrong, the
 * spec decides; such cases are listed in `NODE_DIFFERS` with the reason.
 */
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { buildAll, haveClang } from './build.mjs';
import { runUnderNode, runUnderWasmtide, snapshotTree, tempDir } from './harness.js';
import type { GuestEngine, RunOptions, RunResult } from './harness.js';

interface Case {
  /** Program name (src/NAME.c). */
  program: string;
  /** A label when one program runs several times. */
  label?: string;
  opts: Omit<RunOptions, 'preopens'>;
  /** Prepares the sandbox (and the `outside` folder next to it) before the run. */
  setup?: (sandbox: string, outside: string) => void;
  /** Expected exit status. */
  exit: number;
  /** Why node:wasi cannot run this case correctly; then `expectStdout` is checked instead. */
  nodeBroken?: string;
  /** The exact stdout expected (for `nodeBroken` cases). */
  expectStdout?: string;
  /** The trap message expected (the run must trap), if any. */
  trap?: string;
  /** Lines of stdout where node:wasi is wrong and what the spec says instead: [node's, ours]. */
  nodeDiffers?: [string, string][];
  /** Like nodeDiffers, for lines node:wasi gets wrong only sometimes (timing): replaced when present. */
  nodeMayDiffer?: [string, string][];
}

const cases: Case[] = [
  {
    program: 'args_env', opts: { args: ['args_env', 'one', 'two words', 'ünï', '7'], env: { GREETING: 'hello', EMPTY: '', UNICODE: 'ä→😀' } },
    exit: 7,
  },
  { program: 'args_env', label: 'no args', opts: { args: ['prog'] }, exit: 0 },
  { program: 'exit_codes', label: 'return 5', opts: { args: ['exit_codes', 'return', '5'] }, exit: 5 },
  { program: 'exit_codes', label: 'exit 0', opts: { args: ['exit_codes', 'exit', '0'] }, exit: 0 },
  { program: 'exit_codes', label: 'exit 255', opts: { args: ['exit_codes', 'exit', '255'] }, exit: 255 },
  { program: 'exit_codes', label: '_Exit 9', opts: { args: ['exit_codes', '_Exit', '9'] }, exit: 9 },
  { program: 'exit_codes', label: 'trap', opts: { args: ['exit_codes', 'trap'] }, exit: 134, trap: 'unreachable' },
  { program: 'fileio', opts: { args: ['fileio'] }, setup: (s) => writeFileSync(join(s, 'input.txt'), 'given input\n'), exit: 0 },
  {
    program: 'fd_misc', opts: { args: ['fd_misc'] }, exit: 0,
    // fd_fdstat_get must report the flags fd_fdstat_set_flags set; node:wasi appends but keeps
    // reporting the old flags.
    nodeDiffers: [['append after: 0', 'append after: 1']],
  },
  {
    program: 'dirs', opts: { args: ['dirs'] }, exit: 0,
    // node:wasi normalises `x/./y/..` lexically, so it creates x/z although x/y does not exist.
    nodeDiffers: [['mkdir x/./y/../z: created', 'mkdir x/./y/../z: No such file or directory']],
  },
  {
    program: 'symlinks', opts: { args: ['symlinks'] }, exit: 0,
    nodeDiffers: [
      // path_readlink: a short buffer truncates (POSIX readlink; wasi-libc expects it); node:wasi fails.
      ['readlink truncated: -1 ', 'readlink truncated: 3 tar'],
      // path_open without LOOKUPFLAGS_SYMLINK_FOLLOW must not follow a final symlink; node:wasi does.
      ['O_NOFOLLOW: opened', 'O_NOFOLLOW: ELOOP'],
      // A symlink's target is relative to the link's own directory; node:wasi resolves it against
      // the preopen and refuses `../hard` from dir/ although it stays inside the sandbox.
      ['symlink ../hard in dir: Capabilities insufficient', 'symlink ../hard in dir: ok'],
      ['read via ../hard: failed', 'read via ../hard: target contents'],
    ],
  },
  {
    program: 'stat_times', opts: { args: ['stat_times'] }, exit: 0,
    setup: (s) => {
      writeFileSync(join(s, 'given.txt'), 'abc');
      utimesSync(join(s, 'given.txt'), 1300000000, 1300000000);
    },
    // Timestamps are nanoseconds; node:wasi drops the fraction of a second in fd_filestat_set_times.
    nodeDiffers: [['mtime_ms=0', 'mtime_ms=500']],
  },
  {
    program: 'clocks_random', opts: { args: ['clocks_random'] }, exit: 0,
    // A regular file is always ready; node:wasi's poll_oneoff fails on one with EPERM (63).
    nodeDiffers: [['poll file: rc=63 nevents=1 userdata=9 type=2 error=0 nbytes=0', 'poll file: rc=0 nevents=1 userdata=10 type=1 error=0 nbytes=4']],
    // node:wasi's 20 ms nanosleep sometimes wakes early on a loaded machine (seen in CI runs);
    // wasmtide must always print 1, so only node's side is normalised.
    nodeMayDiffer: [['slept >= 20ms: 0', 'slept >= 20ms: 1']],
  },
  { program: 'stdin_echo', opts: { args: ['stdin_echo'], stdin: 'hello\nwörld\nthird line\n' }, exit: 0 },
  {
    program: 'stdin_echo', label: 'large stdin',
    opts: { args: ['stdin_echo'], stdin: Array.from({ length: 20000 }, (_, i) => `line ${i} of the input`).join('\n') + '\n' }, exit: 0,
  },
  {
    program: 'renumber', opts: { args: ['renumber'] }, exit: 0,
    // node:wasi cannot renumber onto a free descriptor (after parking stdout, fd 1 is free), so it
    // loses stdout for good; wasmtime allows it and so do we.
    nodeBroken: 'fd_renumber onto a free descriptor fails with EBADF',
    expectStdout: 'before redirect\nafter restore\nclose old file fd: 1\nrenumber from a bad fd: 1\nfile holds: into the file\n',
  },
  { program: 'stdin_echo', label: 'empty stdin', opts: { args: ['stdin_echo'] }, exit: 3 },
  {
    program: 'sandbox', opts: { args: ['sandbox'] }, exit: 0,
    setup: (s, outside) => {
      writeFileSync(join(outside, 'secret.txt'), 'secret');
      writeFileSync(join(s, 'inside.txt'), 'inside');
      mkdirSync(join(s, 'sub'));
      symlinkSync('/etc/passwd', join(s, 'abs-link'));
      symlinkSync('../outside/secret.txt', join(s, 'up-link'));
      symlinkSync('../outside', join(s, 'dir-up-link'));
      symlinkSync('../../outside/secret.txt', join(s, 'sub', 'deep-up-link'));
      symlinkSync('../outside/new.txt', join(s, 'up-link-new'));
    },
    nodeDiffers: [
      // node:wasi lets the host follow a symlinked directory in the middle of a path: it ESCAPES
      // the sandbox and opens ../outside/secret.txt. wasmtide refuses (ENOTCAPABLE).
      ['follow dir-up-link/secret.txt: OPENED', 'follow dir-up-link/secret.txt: denied'],
      // Creating a symlink stores a string; node:wasi refuses targets that would leave the
      // sandbox, wasmtide creates them (as wasmtime does) and refuses to follow them.
      ['symlink create: 0', 'symlink create: 1'],
      ['follow guest-link: noent', 'follow guest-link: denied'],
    ],
  },
];

const clang = haveClang();
/**
 * Where the wasmtide side runs: by default on wasmtide's own runtime (Linker + addToLinker), with
 * the host filesystem and with an in-memory `MemFs` copy of it. `WASI_TEST_RUNTIME=native` adds
 * the same two on Node's native WebAssembly with wasmtide's WASI import table: that isolates the
 * WASI layer when a case fails only on the runtime.
 */
const ENGINES: [GuestEngine, 'host fs' | 'memory fs'][] = [
  ['wasmtide', 'host fs'],
  ['wasmtide', 'memory fs'],
  ...(process.env.WASI_TEST_RUNTIME === 'native'
    ? ([['native', 'host fs'], ['native', 'memory fs']] as [GuestEngine, 'host fs' | 'memory fs'][])
    : []),
];
let programs: Record<string, string> = {};
const roots: string[] = [];

beforeAll(() => {
  if (clang) programs = buildAll();
}, 120_000);

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** Runs one case in a fresh temp tree; returns the result and the trees afterwards. */
function runCase(c: Case, runner: (wasm: string, o: RunOptions) => RunResult) {
  const root = tempDir('wasi-cmp-');
  roots.push(root);
  const sandbox = join(root, 'sandbox');
  const outside = join(root, 'outside');
  mkdirSync(sandbox);
  mkdirSync(outside);
  c.setup?.(sandbox, outside);
  const result = runner(programs[c.program]!, { ...c.opts, preopens: { '/sandbox': sandbox } });
  return { result, sandbox: snapshotTree(sandbox), outside: snapshotTree(outside) };
}

describe.skipIf(!clang).each(ENGINES)('C programs: node:wasi vs @wasmtide/wasi on %s with %s', (engine, fs) => {
  for (const c of cases) {
    it(`${c.program}${c.label ? ` (${c.label})` : ''}`, () => {
      const ours = runCase(c, (w, o) => runUnderWasmtide(w, { ...o, inMemory: fs === 'memory fs' }, engine));
      if (c.nodeBroken !== undefined) {
        expect(ours.result.trap).toBeNull();
        expect(ours.result.exitCode).toBe(c.exit);
        expect(ours.result.stdout).toBe(c.expectStdout);
        return;
      }
      const node = runCase(c, runUnderNode);
      if (c.trap) expect(ours.result.trap).toContain(c.trap);
      else expect(ours.result.trap).toBeNull();
      expect(ours.result.trap === null).toBe(node.result.trap === null);
      expect(ours.result.stdout).not.toMatch(/FAIL line/);
      expect(ours.result.exitCode).toBe(c.exit);
      let nodeOut = node.result.stdout;
      for (const [theirs, spec] of c.nodeDiffers ?? []) {
        // If node:wasi changes here, the documented difference must be revisited.
        expect(nodeOut).toContain(theirs);
        nodeOut = nodeOut.replace(theirs, spec);
      }
      for (const [theirs, spec] of c.nodeMayDiffer ?? []) nodeOut = nodeOut.replace(theirs, spec);
      expect(ours.result.stdout).toBe(nodeOut);
      expect(ours.result.stderr).toBe(node.result.stderr);
      expect(ours.result.exitCode).toBe(node.result.exitCode);
      expect(ours.sandbox).toEqual(node.sandbox);
      expect(ours.outside).toEqual(node.outside);
      if (c.program === 'sandbox') expect(ours.outside).toEqual({ 'secret.txt': 'file 6: secret' });
    });
  }
});
