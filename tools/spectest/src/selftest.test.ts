import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXECUTION_NOT_IMPLEMENTED } from 'wasmtide';
import { runFiles } from './runner.js';
import { listSuite } from './suite.js';

const toolDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const selftestDir = join(toolDir, 'selftest');

// The whole front end (text parser, decoder, validator) must exist for the self-test to mean anything.
const text = (await import('@wasmtide/parser/text')) as Record<string, unknown>;
const parser = (await import('@wasmtide/parser')) as Record<string, unknown>;
const validator = (await import('@wasmtide/validator')) as Record<string, unknown>;
const frontEndReady = typeof text['parseWast'] === 'function' && typeof parser['decodeModule'] === 'function' && typeof validator['validate'] === 'function';

describe.skipIf(!frontEndReady)('spectest self-test (deliberately wrong expectations)', () => {
  it('reports the wrong expectations as failed and the right ones as passed', async () => {
    const files = listSuite(selftestDir);
    expect(files.map((f) => f.file)).toEqual(['selftest.wast']);
    const [result] = await runFiles(files, { jobs: 0, timeoutMs: 60_000 });
    const byLine = new Map(result!.outcomes.map((o) => [o.line, o]));
    // Table: line -> expected status.
    const expected: [number, string, 'passed' | 'failed'][] = [
      [9, 'assert_invalid', 'passed'],
      [15, 'assert_invalid', 'failed'],
      [21, 'assert_malformed', 'passed'],
      [27, 'assert_malformed', 'failed'],
    ];
    for (const [line, kind, status] of expected) {
      const o = byLine.get(line);
      expect(o, `command at line ${line}`).toBeDefined();
      expect(o!.kind).toBe(kind);
      expect({ line, status: o!.status, reason: o!.reason }).toMatchObject({ line, status });
    }
    expect(byLine.get(15)!.reason).toMatch(/module accepted/);
    // The wrong assert_return fails once execution exists; until then it is skipped with the reason.
    const wrongReturn = byLine.get(33)!;
    expect(wrongReturn.kind).toBe('assert_return');
    if (wrongReturn.status === 'skipped') expect(wrongReturn.reason).toBe(EXECUTION_NOT_IMPLEMENTED);
    else expect(wrongReturn.status).toBe('failed');
    expect(byLine.get(36)!.status).not.toBe('failed');
  });

  const built = existsSync(join(toolDir, 'dist', 'main.js')) && existsSync(join(toolDir, '..', '..', 'packages', 'wasmtide', 'dist', 'index.js'));
  it.skipIf(!built)('the built runner exits non-zero on the self-test and names the failures', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'spectest-selftest-'));
    try {
      const baseline = join(tmp, 'known-failures.json');
      const report = join(tmp, 'report.json');
      writeFileSync(baseline, JSON.stringify({ failures: {} }));
      let status = 0;
      let out = '';
      try {
        out = execFileSync(process.execPath, [join(toolDir, 'dist', 'main.js'), '--suite', selftestDir, '--baseline', baseline, '--report', report, '--jobs', '1'], { encoding: 'utf8' });
      } catch (err) {
        const e = err as { status: number; stdout: string };
        status = e.status;
        out = e.stdout;
      }
      expect(status).toBe(1);
      expect(out).toContain('NEW FAILURE selftest.wast:15:assert_invalid');
      expect(out).toContain('NEW FAILURE selftest.wast:27:assert_malformed');
      const r = JSON.parse(readFileSync(report, 'utf8')) as { files: Record<string, { failed: number; kinds: Record<string, { failed: number }> }> };
      expect(r.files['selftest.wast']!.kinds['assert_invalid']!.failed).toBe(1);

      // With those failures in the baseline the run passes; the baseline is keyed file:line:kind.
      execFileSync(process.execPath, [join(toolDir, 'dist', 'main.js'), '--suite', selftestDir, '--baseline', baseline, '--report', report, '--update-baseline', '--jobs', '1'], { encoding: 'utf8' });
      const failures = (JSON.parse(readFileSync(baseline, 'utf8')) as { failures: Record<string, string[]> }).failures;
      expect(failures['selftest.wast']).toEqual(expect.arrayContaining(['15:assert_invalid', '27:assert_malformed', '33:assert_return']));
      expect(failures['selftest.wast']).not.toContain('36:assert_return');
      execFileSync(process.execPath, [join(toolDir, 'dist', 'main.js'), '--suite', selftestDir, '--baseline', baseline, '--report', report, '--jobs', '1'], { encoding: 'utf8' });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.skipIf(!built)('a hanging command fails at the per-file timeout without stopping other files', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'spectest-hang-'));
    try {
      const report = join(tmp, 'report.json');
      const args = [join(toolDir, 'dist', 'main.js'), '--suite', join(toolDir, 'selftest-hang'), '--baseline', join(tmp, 'none.json'), '--report', report, '--jobs', '1', '--timeout', '6'];
      let status = 0;
      let out = '';
      try {
        out = execFileSync(process.execPath, args, { encoding: 'utf8' });
      } catch (err) {
        status = (err as { status: number }).status;
        out = (err as { stdout: string }).stdout;
      }
      expect(status).toBe(1);
      expect(out).toContain('NEW FAILURE hang.wast:8:invoke: timed out after 6 s');
      expect(out).toContain('NEW FAILURE hang.wast:9:assert_return: timed out');
      const r = JSON.parse(readFileSync(report, 'utf8')) as { files: Record<string, { passed: number; failed: number }> };
      expect(r.files['hang.wast']).toMatchObject({ passed: 2, failed: 2 });
      expect(r.files['fine.wast']).toMatchObject({ passed: 2, failed: 0 });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.skipIf(!built)('a worker that dies fails the rest of its script, and the run goes on', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'spectest-crash-'));
    try {
      const report = join(tmp, 'report.json');
      const args = [join(toolDir, 'dist', 'main.js'), '--suite', selftestDir, '--baseline', join(tmp, 'none.json'), '--report', report, '--jobs', '1'];
      let out = '';
      try {
        execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, SPECTEST_TEST_CRASH_ON: 'selftest.wast' } });
      } catch (err) {
        out = (err as { stdout: string }).stdout;
      }
      // The first command (line 4) passed before the worker died; the next one carries the reason.
      expect(out).toContain('NEW FAILURE selftest.wast:9:assert_invalid: worker crashed (exit 70)');
      const r = JSON.parse(readFileSync(report, 'utf8')) as { files: Record<string, { passed: number; failed: number }> };
      expect(r.files['selftest.wast']).toMatchObject({ passed: 1, failed: 6 });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
