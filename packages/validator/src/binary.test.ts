// Over the spec suite: decodeAndValidate gives exactly what decodeModule + validate give (same
// error class, reason, offset and message, or the same facts), and the fast loop agrees with the
// general path on every module. Environment: WASM_TESTSUITE (suite path).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeModule } from '@wasmtide/parser';
import { parseWast, parseWat } from '@wasmtide/parser/text';
import type { WastModuleSource } from '@wasmtide/parser/text';
import { setFastPath } from './fast.js';
import { decodeAndValidate, validate, ValidationError, wasm2Features, wasm3Features } from './index.js';
import type { Features, ValidatedModule } from './index.js';

const SUITE = process.env.WASM_TESTSUITE ?? join(__dirname, '../../../../shared/wasm-testsuite');

function featuresFor(file: string, area: string): Partial<Features> {
  if (area === 'proposals/threads') return { ...wasm2Features, threads: true };
  if (file.startsWith('proposals/custom-descriptors/')) return { ...wasm3Features, customDescriptors: true };
  if (file.startsWith('proposals/custom-page-sizes/')) return { ...wasm3Features, customPageSizes: true };
  if (area === 'proposals/wide-arithmetic') return { ...wasm3Features, wideArithmetic: true };
  if (area === 'legacy-exceptions') return { ...wasm3Features, legacyExceptions: true };
  return wasm3Features;
}

function wastFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const n of readdirSync(join(dir, rel)).sort()) {
    const p = rel ? `${rel}/${n}` : n;
    if (statSync(join(dir, p)).isDirectory()) out.push(...wastFiles(dir, p));
    else if (n.endsWith('.wast')) out.push(p);
  }
  return out;
}

/** Every module of a script, as bytes (text modules lowered; those the text parser rejects left out). */
function* modules(file: string): Generator<{ line: number; bytes: Uint8Array }> {
  const script = parseWast(readFileSync(join(SUITE, file), 'utf8'), file);
  for (const cmd of script.commands) {
    let src: WastModuleSource | undefined;
    if (cmd.kind === 'module' || cmd.kind === 'module_definition') src = cmd.source;
    else if (cmd.kind === 'assert_invalid' || cmd.kind === 'assert_malformed' || cmd.kind === 'assert_unlinkable') src = cmd.module.source;
    else if (cmd.kind === 'assert_trap' && (cmd.subject.kind === 'module' || cmd.subject.kind === 'module_definition')) src = cmd.subject.source;
    if (!src) continue;
    if (src.kind === 'binary') yield { line: cmd.line, bytes: src.bytes };
    else {
      let bytes: Uint8Array;
      try {
        bytes = parseWat(src.text);
      } catch {
        continue;
      }
      yield { line: cmd.line, bytes };
    }
  }
}

/** What a pipeline made of a module: the facts, or the error. */
function outcome(run: () => ValidatedModule): string {
  try {
    const v = run();
    return `ok ${[...v.maxStackHeight].join(',')} | ${[...v.maxBlockDepth].join(',')} | ${[...v.funcFlags].join(',')} | ${[...v.declaredFuncRefs].join(',')}`;
  } catch (e) {
    if (e instanceof DecodeError) return `DecodeError ${e.message}`;
    if (e instanceof ValidationError) return `ValidationError ${e.message} @${e.offset}`;
    return `other ${String(e)}`;
  }
}

describe.skipIf(!existsSync(SUITE))('decodeAndValidate and the fast loop over the spec suite', () => {
  it('agree with decodeModule + validate and with the general path on every module', () => {
    const areas = (JSON.parse(readFileSync(join(SUITE, 'areas.json'), 'utf8')) as { areas: Record<string, string> }).areas;
    const diffs: string[] = [];
    let n = 0;
    let malformed = 0;
    try {
      for (const file of wastFiles(SUITE)) {
        const f = featuresFor(file, areas[file] ?? 'core');
        for (const { line, bytes } of modules(file)) {
          n++;
          setFastPath(true);
          const eager = outcome(() => validate(decodeModule(bytes, { features: f }), f));
          if (eager.startsWith('DecodeError')) malformed++;
          const lazy = outcome(() => decodeAndValidate(bytes, f));
          if (lazy !== eager) diffs.push(`${file}:${line}: decodeAndValidate: ${lazy}\n  decodeModule + validate: ${eager}`);
          setFastPath(false);
          const general = outcome(() => validate(decodeModule(bytes, { features: f }), f));
          if (general !== eager) diffs.push(`${file}:${line}: general path: ${general}\n  fast loop: ${eager}`);
        }
      }
    } finally {
      setFastPath(true);
    }
    expect(n).toBeGreaterThan(5000);
    expect(malformed).toBeGreaterThan(500);
    expect(diffs.slice(0, 20)).toEqual([]);
  });
});

describe('decodeAndValidate', () => {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00];
  const funcs = [0x03, 0x02, 0x01, 0x00];
  const code = (body: number[]): number[] => [0x0a, body.length + 2, 0x01, body.length, ...body];

  it('validates a well-formed module and returns its facts', () => {
    const v = decodeAndValidate(Uint8Array.from([...header, ...types, ...funcs, ...code([0x00, 0x41, 0x01, 0x1a, 0x0b])]));
    expect(v.maxStackHeight[0]).toBe(1);
  });

  it('reports a malformed body as the decoder does, even when the module is also invalid', () => {
    // memory of 65537 pages (invalid) and a body with an illegal opcode (malformed)
    const bytes = Uint8Array.from([...header, ...types, ...funcs, 0x05, 0x05, 0x01, 0x00, 0x81, 0x80, 0x04, ...code([0x00, 0xff, 0x0b])]);
    expect(() => validate(decodeModule(bytes))).toThrow(DecodeError);
    expect(() => validate(decodeModule(bytes, { scanBodies: false }))).toThrow('memory size');
    let err: unknown;
    try {
      decodeAndValidate(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).reason).toBe('illegal opcode ff');
  });

  it('reports a malformed body before an error in a later section', () => {
    // body with an illegal opcode, then a data section with a bad segment kind
    const bytes = Uint8Array.from([...header, ...types, ...funcs, ...code([0x00, 0x27, 0x0b]), 0x0b, 0x02, 0x01, 0x07]);
    expect(() => decodeAndValidate(bytes)).toThrow('illegal opcode 27');
    expect(() => decodeModule(bytes, { scanBodies: false })).toThrow('illegal opcode 27');
  });

  it('reports an invalid module as validate does', () => {
    const bytes = Uint8Array.from([...header, ...types, ...funcs, ...code([0x00, 0x6a, 0x0b])]);
    expect(() => decodeAndValidate(bytes)).toThrow(ValidationError);
  });

  it('takes a Uint8Array subclass (such as a Buffer) as it is, with the same outcomes', () => {
    class Sub extends Uint8Array {}
    const sub = (xs: number[]): Sub => {
      const b = new Sub(xs.length);
      b.set(xs);
      return b;
    };
    // a memory and an active data segment, then a valid body; then the same with an invalid body
    const mem = [0x05, 0x03, 0x01, 0x00, 0x01];
    const data = [0x0b, 0x07, 0x01, 0x00, 0x41, 0x08, 0x0b, 0x01, 0x2a];
    const ok = [...header, ...types, ...funcs, ...mem, ...code([0x00, 0x41, 0x01, 0x1a, 0x0b]), ...data];
    const v = decodeAndValidate(sub(ok));
    expect(v.module.bytes).toBeInstanceOf(Sub);
    expect(outcome(() => v)).toBe(outcome(() => decodeAndValidate(Uint8Array.from(ok))));
    const bad = [...header, ...types, ...funcs, ...mem, ...code([0x00, 0x6a, 0x0b]), ...data];
    expect(outcome(() => decodeAndValidate(sub(bad)))).toBe(outcome(() => decodeAndValidate(Uint8Array.from(bad))));
    expect(outcome(() => decodeAndValidate(sub(bad)))).toMatch(/^ValidationError/);
  });
});

describe('decodeAndValidate on hostile input', () => {
  function rng(seed: number): () => number {
    let x = seed >>> 0 || 1;
    return () => {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x / 2 ** 32;
    };
  }
  // a module with a memory, a table, a global, data and element segments and two bodies of
  // common operators
  const seed = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x0a, 0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x00,
    0x03, 0x03, 0x02, 0x00, 0x01,
    0x04, 0x04, 0x01, 0x70, 0x00, 0x02,
    0x05, 0x03, 0x01, 0x00, 0x01,
    0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b,
    0x09, 0x08, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x02, 0x00, 0x01,
    0x0c, 0x01, 0x01,
    0x0a, 0x40, 0x02,
    0x39, 0x01, 0x02, 0x7f,
    0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x02, 0x02, 0x40, 0x20, 0x02, 0x0d, 0x00, 0x03, 0x40, 0x0b, 0x0b,
    0x20, 0x00, 0x28, 0x02, 0x00, 0x20, 0x01, 0x36, 0x02, 0x00, 0x23, 0x00, 0x24, 0x00,
    0x20, 0x00, 0x20, 0x01, 0x41, 0x00, 0x11, 0x00, 0x00, 0x1a, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x08, 0x00, 0x00,
    0x20, 0x02, 0x0b,
    0x04, 0x00, 0x10, 0x01, 0x0b,
    0x0b, 0x07, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x01, 0x2a,
  ]);

  it('the seed module is valid', () => {
    expect(outcome(() => decodeAndValidate(seed))).toMatch(/^ok/);
  });

  it('agrees with decodeModule + validate on random mutations, and never throws anything else', () => {
    const next = rng(0x5eed);
    const diffs: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const bytes = seed.slice();
      const edits = 1 + Math.floor(next() * 3);
      for (let k = 0; k < edits; k++) bytes[8 + Math.floor(next() * (bytes.length - 8))] = Math.floor(next() * 256);
      const eager = outcome(() => validate(decodeModule(bytes)));
      const lazy = outcome(() => decodeAndValidate(bytes));
      if (lazy !== eager || lazy.startsWith('other')) diffs.push(`${[...bytes].map((b) => b.toString(16)).join(' ')}\n  lazy: ${lazy}\n  eager: ${eager}`);
    }
    expect(diffs.slice(0, 5)).toEqual([]);
  });
});
