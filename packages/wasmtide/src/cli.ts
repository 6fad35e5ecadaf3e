/**
 * The `wasmtide` command line: `validate`, `wast`, `run` (not yet), `--help`, `--version`.
 * `main(argv)` returns the exit status; the committed `bin/wasmtide.js` stub calls it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseRunArgs } from './run-args.js';
import type { RunStdio } from './run.js';

// Each command loads what it needs when it runs (`run` starts reading its module first, so that
// the read overlaps loading the runtime).

const HELP = `wasmtide — a WebAssembly runtime in TypeScript

usage: wasmtide <command> [options]

commands:
  validate FILE       decode (binary or .wat text) and validate a module; print its imports and exports
  wast FILE...        run .wast spec scripts; print each failure with its line; end with "N passed, M failed"
  run [OPTIONS] FILE [ARGS...]
                      run a WASI command (its _start), or one export with --invoke NAME
    --dir HOST[::GUEST]   preopen host directory HOST as GUEST (default: the same path)
    --env K=V             set an environment variable (the guest sees no others)
    --inherit-env         pass the host's environment to the guest
    --invoke NAME         call export NAME with ARGS as its arguments and print its results
    --allow-precompiled   accept a module written by "wasmtide compile"
  compile [-o OUT] FILE
                      compile a module ahead of time; write it to OUT (default FILE.cwasm)

options:
  -h, --help          show this help
  -V, --version       print the version
`;

/** Writes to stdout/stderr; replaceable in tests (`stdio` redirects a `run` guest's streams). */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  readonly stdio?: RunStdio;
}

const consoleIO: CliIO = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function errorLine(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Loads FILE as module bytes: binary as is, text (`.wat`, or anything not starting with `\0asm`) through the text parser. */
async function loadModuleBytes(file: string): Promise<Uint8Array> {
  const data = new Uint8Array(readFileSync(file));
  const isBinary = data.length >= 4 && data[0] === 0 && data[1] === 0x61 && data[2] === 0x73 && data[3] === 0x6d;
  if (isBinary && !file.endsWith('.wat')) return data;
  const p = await (await import('./pipeline.js')).loadPipeline();
  return p.parseWat(new TextDecoder().decode(data));
}

async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const [{ describeModule }, { defaultFeatures }, { loadPipeline }] = await Promise.all([
    import('./describe.js'),
    import('@wasmtide/validator'),
    import('./pipeline.js'),
  ]);
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length > 0) {
    io.err(`wasmtide validate: unknown option ${unknown[0]}`);
    return 1;
  }
  if (files.length !== 1) {
    io.err('usage: wasmtide validate FILE');
    return 1;
  }
  const file = files[0]!;
  try {
    const bytes = await loadModuleBytes(file);
    const p = await loadPipeline();
    const module = p.decodeModule(bytes, defaultFeatures);
    p.validate(module, defaultFeatures);
    const { imports, exports } = describeModule(module);
    io.out(`${file}: valid`);
    io.out(`imports (${imports.length}):`);
    for (const l of imports) io.out(`  ${l}`);
    io.out(`exports (${exports.length}):`);
    for (const l of exports) io.out(`  ${l}`);
    return 0;
  } catch (err) {
    io.err(`${file}: ${errorLine(err)}`);
    return 1;
  }
}

async function wastCommand(args: string[], io: CliIO): Promise<number> {
  const [{ areaOfPath, featuresForArea }, { runWast }] = await Promise.all([import('./features.js'), import('./wast.js')]);
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length > 0) {
    io.err(`wasmtide wast: unknown option ${unknown[0]}`);
    return 1;
  }
  if (files.length === 0) {
    io.err('usage: wasmtide wast FILE...');
    return 1;
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (err) {
      io.err(`${file}: ${errorLine(err)}`);
      failed++;
      continue;
    }
    const result = await runWast(source, { filename: file, features: featuresForArea(areaOfPath(file)) });
    for (const o of result.outcomes) {
      if (o.status === 'failed') io.out(`${file}:${o.line}: ${o.kind}: ${o.reason ?? 'failed'}`);
    }
    passed += result.passed;
    failed += result.failed;
    skipped += result.skipped;
  }
  io.out(`${passed} passed, ${failed} failed${skipped > 0 ? ` (${skipped} skipped)` : ''}`);
  return failed > 0 ? 1 : 0;
}

/**
 * `run`'s module file, read in the background (null when the arguments do not parse, or on any
 * error: `run` then reads it itself and reports what goes wrong).
 */
function prefetchModule(argv: readonly string[]): Promise<Uint8Array | null> | null {
  let file: string;
  try {
    file = parseRunArgs(argv).file;
  } catch {
    return null;
  }
  return readWhole(file).catch(() => null);
}

/**
 * A regular file's contents, read by one request for all of it (off the main thread from start to
 * end); null for anything else (pipes, devices), which `run` reads itself.
 */
async function readWhole(file: string): Promise<Uint8Array | null> {
  const fh = await open(file, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) return null;
    const size = st.size;
    const buf = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(buf, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    await fh.close();
  }
}

/** Runs the CLI with `argv` (without `node` and the script path); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIO = consoleIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.err(HELP.trimEnd());
      return 1;
    case '-h':
    case '--help':
    case 'help':
      io.out(HELP.trimEnd());
      return 0;
    case '-V':
    case '--version':
    case 'version':
      io.out(`wasmtide ${version()}`);
      return 0;
    case 'validate':
      return validateCommand(rest, io);
    case 'wast':
      return wastCommand(rest, io);
    case 'run': {
      const prefetched = prefetchModule(rest);
      const { runCommand } = await import('./run.js');
      return runCommand(rest, io, prefetched);
    }
    case 'compile':
      return (await import('./compile.js')).compileCommand(rest, io);
    default:
      io.err(`wasmtide: unknown command ${command}; see wasmtide --help`);
      return 1;
  }
}
