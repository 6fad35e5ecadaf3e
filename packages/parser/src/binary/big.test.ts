/**
 * Decodes a real, big module (esbuild's WASI build, about 14 MB) when the workspace has it
 * installed: every body is scanned, and re-encoding gives a module of the same shape.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';

function findEsbuildWasm(): string | null {
  const pnpm = join(import.meta.dirname, '../../../../node_modules/.pnpm');
  if (!existsSync(pnpm)) return null;
  for (const d of readdirSync(pnpm)) {
    if (!d.startsWith('esbuild-wasm@')) continue;
    const p = join(pnpm, d, 'node_modules/esbuild-wasm/esbuild.wasm');
    if (existsSync(p)) return p;
  }
  return null;
}

const path = findEsbuildWasm();

describe.skipIf(path === null)('a big real module', () => {
  it('decodes esbuild.wasm quickly and re-encodes it', () => {
    const bytes = new Uint8Array(readFileSync(path!));
    const t0 = performance.now();
    const m = decodeModule(bytes);
    const ms = performance.now() - t0;
    expect(m.codes.length).toBe(m.funcs.length);
    expect(m.codes.length).toBeGreaterThan(1000);
    // Generous bound: the machine is shared; alone it takes about 100 ms.
    expect(ms).toBeLessThan(3000);
    const again = decodeModule(encodeModule(m));
    expect(again.codes.length).toBe(m.codes.length);
    expect(again.exports).toEqual(m.exports);
    expect(again.imports).toEqual(m.imports);
    const last = m.codes.at(-1)!.code;
    const last2 = again.codes.at(-1)!.code;
    expect(again.bytes.subarray(last2.start, last2.end)).toEqual(bytes.subarray(last.start, last.end));
  });
});
