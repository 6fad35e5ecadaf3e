#!/usr/bin/env node
// Compiles the C test programs in tests/wasi/src/*.c to tests/wasi/build/*.wasm with Debian's
// clang (`clang --target=wasm32-wasi -O2`), skipping programs whose .wasm is newer than the
// source. Usage: node tests/wasi/build.mjs [--force]. Also importable: buildAll({force}).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Folder of the C sources. */
export const SRC_DIR = join(here, 'src');
/** Folder of the compiled programs (git-ignored). */
export const BUILD_DIR = join(here, 'build');

/** Whether clang can target wasm32-wasi on this machine. */
export function haveClang() {
  try {
    execFileSync('clang', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles every (or the named) program that is out of date; returns a map name -> .wasm path.
 * Throws with clang's output when a compile fails.
 */
export function buildAll({ force = false, only = null, srcDir = SRC_DIR, outDir = BUILD_DIR, log = () => {} } = {}) {
  mkdirSync(outDir, { recursive: true });
  const out = {};
  for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.c')).sort()) {
    const name = basename(file, '.c');
    if (only && !only.includes(name)) continue;
    const src = join(srcDir, file);
    const wasm = join(outDir, `${name}.wasm`);
    const fresh = existsSync(wasm) && statSync(wasm).mtimeMs >= statSync(src).mtimeMs && statSync(wasm).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs;
    if (force || !fresh) {
      log(`clang ${file}`);
      execFileSync('clang', ['--target=wasm32-wasi', '-O2', '-Wall', src, '-o', wasm], { stdio: ['ignore', 'pipe', 'pipe'] });
    }
    out[name] = wasm;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = buildAll({ force: process.argv.includes('--force'), log: (m) => console.log(m) });
  console.log(`${Object.keys(built).length} programs up to date in ${BUILD_DIR}`);
}
