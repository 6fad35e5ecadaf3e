/**
 * Our verdict against Node's own `WebAssembly.validate`, on the bytes our encoder writes.
 *
 * For every module of the spec suite (valid ones and the ones under `assert_invalid`), we decode,
 * re-encode (the round trip must give an equal module), and validate with the feature set Node 20
 * (V8 11.3) enables by default: WebAssembly 2.0 plus tail calls and the legacy exception handling. V8 must say the same about the
 * re-encoded bytes. Modules using features V8 11.3 does not know are compared only when our
 * validator, with those features off, also rejects them (then both must reject).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModule, encodeModule, moduleEquals } from '@wasmtide/parser';
import { parseWast, parseWat } from '@wasmtide/parser/text';
import { validate, wasm2Features, type Features } from '@wasmtide/validator';

const suite = process.env.WASM_TESTSUITE ?? join(__dirname, '../../../shared/wasm-testsuite');
const nodeFeatures: Features = { ...wasm2Features, tailCall: true, legacyExceptions: true };

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'proposals') out.push(...files(p));
    } else if (name.endsWith('.wast')) out.push(p);
  }
  return out.sort();
}

type Source = { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array } | { kind: 'quote'; text: string };

function bytesOf(src: Source): Uint8Array | null {
  try {
    if (src.kind === 'binary') return src.bytes;
    return parseWat(src.text);
  } catch {
    return null;
  }
}

function ours(bytes: Uint8Array): { ok: boolean; encoded: Uint8Array | null } {
  let m;
  try {
    m = decodeModule(bytes);
  } catch {
    return { ok: false, encoded: null };
  }
  const encoded = encodeModule(m);
  const again = decodeModule(encoded);
  if (!moduleEquals(m, again)) throw new Error('round trip changed the module');
  try {
    validate(again, nodeFeatures);
    return { ok: true, encoded };
  } catch {
    return { ok: false, encoded };
  }
}

const available = (() => {
  try {
    return statSync(suite).isDirectory();
  } catch {
    return false;
  }
})();

describe.skipIf(!available)('verdicts agree with Node’s WebAssembly.validate', () => {
  it('on every valid and assert_invalid module of the suite (re-encoded)', () => {
    let compared = 0;
    const disagreements: string[] = [];
    for (const file of files(suite)) {
      const rel = relative(suite, file);
      const script = parseWast(readFileSync(file, 'utf8'), rel);
      for (const cmd of script.commands) {
        let src: Source | null = null;
        if (cmd.kind === 'module' || cmd.kind === 'module_definition') src = cmd.source as Source;
        else if (cmd.kind === 'assert_invalid') src = cmd.module.source as Source;
        if (src === null || src.kind === 'quote') continue;
        const bytes = bytesOf(src);
        if (bytes === null) continue;
        const verdict = ours(bytes);
        if (verdict.encoded === null) continue;
        const node = WebAssembly.validate(verdict.encoded as Uint8Array<ArrayBuffer>);
        compared++;
        // Node knows only its feature set: when we accept, V8 must accept; when V8 accepts, we must
        // (V8 may reject what uses features it lacks, which our restricted validator rejects too).
        if (verdict.ok !== node) disagreements.push(`${rel}:${cmd.line}: ours ${verdict.ok ? 'valid' : 'invalid'}, node ${node ? 'valid' : 'invalid'}`);
      }
    }
    expect(compared).toBeGreaterThan(3000);
    expect(disagreements).toEqual([]);
  }, 240_000);
});
