/**
 * Round trip over the spec suite's text modules: every module the text parser lowers to bytes and
 * the decoder accepts must survive encode -> decode unchanged (compared with `moduleEquals`).
 * Modules the text parser rejects are its business, not this test's.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWast, parseWat } from '../text/index.js';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { moduleEquals } from './equals.js';

const SUITE = process.env['WASM_TESTSUITE'] ?? '/work/shared/wasm-testsuite';

function wastFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...wastFiles(p));
    else if (name.endsWith('.wast')) out.push(p);
  }
  return out;
}

const options = { features: { customPageSizes: true, customDescriptors: true } };

describe.skipIf(!existsSync(SUITE))('round trip of the suite text modules', () => {
  it('encodes every decoded module back to an equal module', () => {
    let count = 0;
    const failures: string[] = [];
    for (const file of wastFiles(SUITE)) {
      const rel = relative(SUITE, file);
      let script;
      try {
        script = parseWast(readFileSync(file, 'utf8'), rel);
      } catch {
        continue;
      }
      for (const cmd of script.commands) {
        if (cmd.kind !== 'module' && cmd.kind !== 'module_definition') continue;
        if (cmd.source.kind !== 'text') continue;
        let m;
        try {
          m = decodeModule(parseWat(cmd.source.text, { line: cmd.line }), options);
        } catch {
          continue;
        }
        count++;
        try {
          if (!moduleEquals(m, decodeModule(encodeModule(m), options))) failures.push(`${rel}:${cmd.line}`);
        } catch (e) {
          failures.push(`${rel}:${cmd.line}: ${(e as Error).message}`);
        }
      }
    }
    expect(count).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });
});
