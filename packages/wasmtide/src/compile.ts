/**
 * `wasmtide compile [-o OUT] FILE`: compiles a module (binary or WAT) ahead of time and writes the
 * serialized result (`Module.serialize()`: generated JavaScript plus metadata behind a versioned
 * header) to OUT, by default FILE with its extension replaced by `.cwasm`, as wasmtime does.
 * `wasmtide run --allow-precompiled OUT` runs it without parsing, validating or compiling again.
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Config, Engine, Module } from '@wasmtide/runtime';
import { loadPipeline } from './pipeline.js';

/** Where the CLI writes its own lines. */
export interface CompileIO {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: wasmtide compile [-o OUT] FILE';

/** The first bytes of a serialized wasmtide module (`WTDM`). */
export const PRECOMPILED_MAGIC = [0x57, 0x54, 0x44, 0x4d] as const;

/** Whether `bytes` look like a module written by `Module.serialize()`. */
export function isPrecompiled(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && PRECOMPILED_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads FILE as module bytes: binary as is, anything else through the text parser. */
export async function readModuleBytes(file: string): Promise<Uint8Array> {
  // The Buffer's own bytes, not a copy (a copy of a 30 MB module costs time and peak memory).
  const buf = readFileSync(file);
  return moduleBytesOf(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

/** A file's contents as module bytes: binary (or precompiled) as is, anything else through the text parser. */
export async function moduleBytesOf(data: Uint8Array): Promise<Uint8Array> {
  const isBinary = data.length >= 4 && data[0] === 0 && data[1] === 0x61 && data[2] === 0x73 && data[3] === 0x6d;
  if (isBinary || isPrecompiled(data)) return data;
  return (await loadPipeline()).parseWat(new TextDecoder().decode(data));
}

/** Runs `wasmtide compile`; resolves to the exit status. */
export async function compileCommand(argv: readonly string[], io: CompileIO): Promise<number> {
  let out: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o' || a === '--output') {
      const v = argv[++i];
      if (v === undefined) {
        io.err(`wasmtide compile: ${a} needs a value\n${USAGE}`);
        return 1;
      }
      out = v;
    } else if (a.startsWith('-')) {
      io.err(`wasmtide compile: unknown option ${a}\n${USAGE}`);
      return 1;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(USAGE);
    return 1;
  }
  const file = files[0]!;
  const target = out ?? (/\.(wasm|wat)$/.test(file) ? file.replace(/\.(wasm|wat)$/, '.cwasm') : `${file}.cwasm`);
  try {
    const bytes = await readModuleBytes(file);
    if (isPrecompiled(bytes)) throw new Error('already a precompiled module');
    const module = new Module(new Engine(new Config()), bytes);
    writeFileSync(target, module.serialize());
    return 0;
  } catch (err) {
    io.err(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
