/**
 * Script-level check against the spec test suite: every `(module binary ...)` outside an
 * `assert_malformed` decodes, and every `assert_malformed` binary module is rejected with a reason
 * that starts with the expected text; every decoded module survives an encode/decode round trip. The suite path can be overridden with WASM_TESTSUITE.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { moduleEquals } from './equals.js';
import { wastBinaries } from './wast-binaries.test-helper.js';

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

/**
 * Binary modules whose expected outcome the decoder deliberately does not reproduce, keyed
 * `file:line`, with the reason. Keep this list empty where possible.
 */
const KNOWN: Record<string, string> = {};

describe.skipIf(!existsSync(SUITE))('spec suite binary modules', () => {
  it('decodes every well-formed binary module and rejects every malformed one with the expected reason', () => {
    const falseRejections: string[] = [];
    const wrong: string[] = [];
    const roundTripFailures: string[] = [];
    let roundTrips = 0;
    let ok = 0;
    let malformed = 0;
    for (const file of wastFiles(SUITE)) {
      const rel = relative(SUITE, file);
      for (const b of wastBinaries(readFileSync(file, 'utf8'))) {
        const key = `${rel}:${b.line}`;
        let err: unknown = null;
        const features = {
          customPageSizes: rel.startsWith('proposals/custom-page-sizes/'),
          customDescriptors: rel.startsWith('proposals/custom-descriptors/'),
        };
        try {
          const m = decodeModule(b.bytes, { features });
          roundTrips++;
          if (!moduleEquals(m, decodeModule(encodeModule(m), { features }))) roundTripFailures.push(key);
        } catch (e) {
          err = e;
        }
        if (err !== null && !(err instanceof DecodeError)) throw err;
        if (b.command === 'assert_malformed') {
          malformed++;
          const reason = err instanceof DecodeError ? err.reason : '(accepted)';
          if (!reason.startsWith(b.expected ?? '') && !(key in KNOWN)) wrong.push(`${key}: expected "${b.expected}", got "${reason}"`);
        } else {
          ok++;
          if (err instanceof DecodeError && !(key in KNOWN)) falseRejections.push(`${key} (${b.command}): ${err.message}`);
        }
      }
    }
    expect(ok).toBeGreaterThan(100);
    expect(malformed).toBeGreaterThan(500);
    expect(falseRejections).toEqual([]);
    expect(wrong).toEqual([]);
    expect(roundTrips).toBeGreaterThan(100);
    expect(roundTripFailures).toEqual([]);
  });
});
