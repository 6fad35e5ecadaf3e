/**
 * The `wasmtide` command line: `validate`, `wast`, `run` (not yet), `--help`, `--version`.
 * `main(argv)` returns the exit status; the committed `bin/wasmtide.js` stub calls it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { describeModule } from './describe.js';
import { defaultFeatures } from '@wasmtide/validator';
import { areaOfPath, featuresForArea } from './features.js';
import { loadPipeline } from './pipeline.js';
import { compileCommand } from './compile.js';
import { runCommand, type RunStdio } from './run.js';
import { runWast } from './wast.js';

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
  const p = await loadPipeline();
  return p.parseWat(new TextDecoder().decode(data));
}

async function validateCommand(args: string[], io: CliIO): Promise<number> {
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
    case 'run':
      return runCommand(rest, io);
    case 'compile':
      return compileCommand(rest, io);
    default:
      io.err(`wasmtide: unknown command ${command}; see wasmtide --help`);
      return 1;
  }
}
