import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWast } from './wast.test-helper.js';

const SUITE = '/work/shared/wasm-testsuite';
const files = (process.env['WAST'] ?? '').split(',').filter((f) => f !== '');

describe.runIf(files.length > 0)('spec scripts (WAST=a.wast,b.wast)', () => {
  it.each(files)('%s', (f) => {
    const r = runWast(readFileSync(`${SUITE}/${f}`, 'utf8'), f);
    console.log(`${f}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped\n` + r.failures.slice(0, Number(process.env["NFAIL"] ?? 15)).join('\n'));
    expect(r.failed).toBeGreaterThanOrEqual(0);
  });
});
