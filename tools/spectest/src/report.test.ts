import { describe, expect, it } from 'vitest';
import type { WastOutcome } from 'wasmtide';
import { buildReport, diffBaseline, formatBaseline, formatTable, mergeReports, parseBaseline, updatedBaseline, type FileOutcomes } from './report.js';

const o = (line: number, kind: WastOutcome['kind'], status: WastOutcome['status'], reason?: string): WastOutcome => ({ line, kind, status, reason });

const results: FileOutcomes[] = [
  {
    file: 'b.wast',
    area: 'simd',
    outcomes: [o(1, 'module', 'skipped', 'execution not implemented'), o(3, 'assert_return', 'skipped', 'execution not implemented'), o(5, 'assert_invalid', 'failed', 'x')],
  },
  { file: 'a.wast', area: 'core', outcomes: [o(2, 'assert_malformed', 'passed'), o(4, 'assert_malformed', 'failed', 'wrong message'), o(9, 'module_definition', 'passed')] },
];

describe('buildReport', () => {
  it('counts per file, kind, area and total in the CONTRACT format', () => {
    const r = buildReport(results);
    expect(Object.keys(r.files)).toEqual(['a.wast', 'b.wast']);
    expect(r.files['a.wast']).toEqual({
      area: 'core',
      passed: 2,
      failed: 1,
      skipped: 0,
      skipReasons: [],
      kinds: { assert_malformed: { passed: 1, failed: 1, skipped: 0 }, module_definition: { passed: 1, failed: 0, skipped: 0 } },
    });
    expect(r.files['b.wast']!.skipReasons).toEqual(['execution not implemented']);
    expect(r.areas).toEqual({ core: { passed: 2, failed: 1, skipped: 0 }, simd: { passed: 0, failed: 1, skipped: 2 } });
    expect(r.total).toEqual({ passed: 2, failed: 2, skipped: 2 });
    expect(formatTable(r)).toMatch(/total\s+2\s+2\s+2\s+2/);
  });

  it('merges a filtered run into an older report', () => {
    const older = buildReport(results);
    const newer = buildReport([{ file: 'a.wast', area: 'core', outcomes: [o(2, 'assert_malformed', 'passed')] }]);
    const m = mergeReports(older, newer);
    expect(m.files['a.wast']!.passed).toBe(1);
    expect(m.total).toEqual({ passed: 1, failed: 1, skipped: 2 });
  });
});

describe('baseline', () => {
  it('flags failures missing from the baseline and listed commands that no longer fail', () => {
    const baseline = parseBaseline(JSON.stringify({ failures: { 'a.wast:4:assert_malformed': 'old', 'a.wast:2:assert_malformed': 'fixed now', 'zzz.wast:1:module': 'not run' } }));
    const d = diffBaseline(results, baseline);
    expect(d.newFailures).toEqual([{ key: 'b.wast:5:assert_invalid', reason: 'x' }]);
    expect(d.fixed).toEqual([{ key: 'a.wast:2:assert_malformed', status: 'passed' }]);
  });

  it('treats a listed command that disappeared as an entry to remove', () => {
    const d = diffBaseline(results, parseBaseline(JSON.stringify({ failures: { 'a.wast:77:assert_invalid': 'gone' } })));
    expect(d.fixed).toEqual([{ key: 'a.wast:77:assert_invalid', status: 'missing' }]);
  });

  it('is clean when the baseline lists exactly the failures', () => {
    const b = updatedBaseline(results, parseBaseline(null));
    expect(Object.keys(b.failures)).toEqual(['a.wast:4:assert_malformed', 'b.wast:5:assert_invalid']);
    expect(diffBaseline(results, b)).toEqual({ newFailures: [], fixed: [] });
  });

  it('round-trips through the committed form, grouped by file', () => {
    const b = updatedBaseline(results, parseBaseline(null));
    const text = formatBaseline(b);
    expect(JSON.parse(text).failures).toEqual({ 'a.wast': ['4:assert_malformed'], 'b.wast': ['5:assert_invalid'] });
    expect(Object.keys(parseBaseline(text).failures)).toEqual(Object.keys(b.failures));
    expect(JSON.parse(formatBaseline(parseBaseline(null))).failures).toEqual({});
  });

  it('keeps entries of files a filtered run did not touch', () => {
    const b = updatedBaseline(results, parseBaseline(JSON.stringify({ failures: { 'c.wast:10:module': 'r', 'a.wast:2:assert_malformed': 'old' } })));
    expect(Object.keys(b.failures)).toEqual(['a.wast:4:assert_malformed', 'b.wast:5:assert_invalid', 'c.wast:10:module']);
  });
});
