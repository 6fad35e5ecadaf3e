/**
 * The spec-suite report (`spectest-report.json`, format fixed by CONTRACT.md) and the baseline of
 * known failures (`tools/spectest/known-failures.json`, keyed by file, line and kind).
 * @module
 */
import type { WastCommandKind, WastOutcome } from 'wasmtide';

/** Pass/fail/skip counts. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One file's entry in the report. */
export interface FileReport extends Counts {
  area: string;
  skipReasons: string[];
  kinds: Partial<Record<WastCommandKind, Counts>>;
}

/** The whole report, exactly as written to `spectest-report.json`. */
export interface SuiteReport {
  files: Record<string, FileReport>;
  areas: Record<string, Counts>;
  total: Counts;
}

/** The outcomes of one script, as the runner collected them. */
export interface FileOutcomes {
  /** Path relative to the suite, with `/`. */
  file: string;
  area: string;
  outcomes: readonly WastOutcome[];
}

const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

function add(c: Counts, status: WastOutcome['status']): void {
  c[status]++;
}

/** Builds the report from the outcomes of every script run. Keys are sorted for stable output. */
export function buildReport(results: readonly FileOutcomes[]): SuiteReport {
  const files: Record<string, FileReport> = {};
  const areas: Record<string, Counts> = {};
  const total = zero();
  for (const r of [...results].sort((a, b) => a.file.localeCompare(b.file))) {
    const f: FileReport = { area: r.area, ...zero(), skipReasons: [], kinds: {} };
    const reasons = new Set<string>();
    const area = (areas[r.area] ??= zero());
    for (const o of r.outcomes) {
      add(f, o.status);
      add(area, o.status);
      add(total, o.status);
      add((f.kinds[o.kind] ??= zero()), o.status);
      if (o.status === 'skipped') reasons.add(o.reason ?? 'no reason given');
    }
    f.skipReasons = [...reasons].sort();
    files[r.file] = f;
  }
  const sortedAreas: Record<string, Counts> = {};
  for (const k of Object.keys(areas).sort()) sortedAreas[k] = areas[k]!;
  return { files, areas: sortedAreas, total };
}

/** Replaces the files of `newer` in `older` and recomputes the area and total counts. */
export function mergeReports(older: SuiteReport, newer: SuiteReport): SuiteReport {
  const merged: Record<string, FileReport> = { ...older.files, ...newer.files };
  const files: Record<string, FileReport> = {};
  const areas: Record<string, Counts> = {};
  const total = zero();
  for (const k of Object.keys(merged).sort()) {
    const f = (files[k] = merged[k]!);
    const a = (areas[f.area] ??= zero());
    for (const s of ['passed', 'failed', 'skipped'] as const) {
      a[s] += f[s];
      total[s] += f[s];
    }
  }
  const sortedAreas: Record<string, Counts> = {};
  for (const k of Object.keys(areas).sort()) sortedAreas[k] = areas[k]!;
  return { files, areas: sortedAreas, total };
}

/** The baseline key of a command: `file:line:kind`. */
export function baselineKey(file: string, o: Pick<WastOutcome, 'line' | 'kind'>): string {
  return `${file}:${o.line}:${o.kind}`;
}

/**
 * The committed baseline: failures known and accepted for now. In memory, keyed `file:line:kind`
 * (the value is the reason, when known); on disk, grouped by file: `{"file": ["line:kind", …]}`.
 */
export interface Baseline {
  about?: string;
  failures: Record<string, string>;
}

/** Text stored in the baseline's `about` field. */
export const BASELINE_ABOUT =
  'Spec commands known to fail, keyed file:line:kind. This list only shrinks: the runner fails on a failure not listed here, ' +
  'and on a listed command that no longer fails. Regenerate with `pnpm spectest --update-baseline` only to remove entries ' +
  'or after a deliberate, reviewed change.';

/** Reads a baseline from its JSON text; an empty or missing text is an empty baseline. */
export function parseBaseline(text: string | null): Baseline {
  if (!text || !text.trim()) return { failures: {} };
  const raw = JSON.parse(text) as { about?: string; failures?: Record<string, string | string[]> };
  const failures: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.failures ?? {})) {
    if (Array.isArray(v)) for (const entry of v) failures[`${k}:${entry}`] = '';
    else failures[k] = v; // flat form: "file:line:kind": "reason"
  }
  return { about: raw.about, failures };
}

/** What differs between a run and the baseline. */
export interface BaselineDiff {
  /** Failures not in the baseline: each is an error. */
  newFailures: { key: string; reason: string }[];
  /** Baseline entries (of the files that ran) that did not fail this time: each is an error too. */
  fixed: { key: string; status: 'passed' | 'skipped' | 'missing' }[];
}

/**
 * Compares a run with the baseline. Only baseline entries of files that ran are considered, so a
 * filtered run (`--filter`) checks just its own files.
 */
export function diffBaseline(results: readonly FileOutcomes[], baseline: Baseline): BaselineDiff {
  const newFailures: BaselineDiff['newFailures'] = [];
  const fixed: BaselineDiff['fixed'] = [];
  const seen = new Map<string, WastOutcome['status']>();
  const ran = new Set(results.map((r) => r.file));
  for (const r of results) {
    for (const o of r.outcomes) {
      const key = baselineKey(r.file, o);
      // Two commands can share a line (rare); a key fails if any of its commands fails.
      if (seen.get(key) !== 'failed') seen.set(key, o.status);
    }
  }
  const reported = new Set<string>();
  for (const r of results) {
    for (const o of r.outcomes) {
      const key = baselineKey(r.file, o);
      if (o.status === 'failed' && !(key in baseline.failures) && !reported.has(key)) {
        newFailures.push({ key, reason: o.reason ?? '' });
        reported.add(key);
      }
    }
  }
  for (const key of Object.keys(baseline.failures)) {
    const file = key.replace(/:\d+:[a-z_]+$/, '');
    if (!ran.has(file)) continue;
    const status = seen.get(key);
    if (status === undefined) fixed.push({ key, status: 'missing' });
    else if (status !== 'failed') fixed.push({ key, status });
  }
  return { newFailures, fixed };
}

/**
 * The baseline after a run: entries of files that ran are replaced by this run's failures;
 * entries of files that did not run (a filtered run) are kept.
 */
export function updatedBaseline(results: readonly FileOutcomes[], old: Baseline): Baseline {
  const ran = new Set(results.map((r) => r.file));
  const failures: Record<string, string> = {};
  for (const [key, reason] of Object.entries(old.failures)) {
    if (!ran.has(key.replace(/:\d+:[a-z_]+$/, ''))) failures[key] = reason;
  }
  for (const r of results) {
    for (const o of r.outcomes) if (o.status === 'failed') failures[baselineKey(r.file, o)] ??= (o.reason ?? '').slice(0, 200);
  }
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(failures).sort(compareKeys)) sorted[k] = failures[k]!;
  return { about: BASELINE_ABOUT, failures: sorted };
}

/** Orders keys by file, then line numerically, then kind. */
function compareKeys(a: string, b: string): number {
  const ma = /^(.*):(\d+):([a-z_]+)$/.exec(a);
  const mb = /^(.*):(\d+):([a-z_]+)$/.exec(b);
  if (!ma || !mb) return a.localeCompare(b);
  return ma[1]!.localeCompare(mb[1]!) || Number(ma[2]) - Number(mb[2]) || ma[3]!.localeCompare(mb[3]!);
}

/** Serialises a baseline the way it is committed (one entry per line, sorted). */
export function formatBaseline(b: Baseline): string {
  const byFile = new Map<string, string[]>();
  for (const key of Object.keys(b.failures).sort(compareKeys)) {
    const m = /^(.*):(\d+:[a-z_]+)$/.exec(key);
    if (!m) continue;
    let list = byFile.get(m[1]!);
    if (!list) byFile.set(m[1]!, (list = []));
    list.push(m[2]!);
  }
  const lines = [...byFile].map(([file, list]) => `    ${JSON.stringify(file)}: ${JSON.stringify(list)}`);
  return `{\n  "about": ${JSON.stringify(b.about ?? BASELINE_ABOUT)},\n  "failures": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}

/** Renders the per-area table printed at the end of a run. */
export function formatTable(report: SuiteReport): string {
  const fileCounts = new Map<string, number>();
  for (const f of Object.values(report.files)) fileCounts.set(f.area, (fileCounts.get(f.area) ?? 0) + 1);
  const rows: string[][] = [['area', 'files', 'passed', 'failed', 'skipped']];
  for (const [area, c] of Object.entries(report.areas)) rows.push([area, String(fileCounts.get(area) ?? 0), String(c.passed), String(c.failed), String(c.skipped)]);
  rows.push(['total', String(Object.keys(report.files).length), String(report.total.passed), String(report.total.failed), String(report.total.skipped)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = rows.map(line);
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.splice(out.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n');
}

/** Renders the same table as Markdown (for the README). */
export function formatMarkdownTable(report: SuiteReport): string {
  const fileCounts = new Map<string, number>();
  for (const f of Object.values(report.files)) fileCounts.set(f.area, (fileCounts.get(f.area) ?? 0) + 1);
  const out = ['| area | files | passed | failed | skipped |', '|---|---:|---:|---:|---:|'];
  for (const [area, c] of Object.entries(report.areas)) out.push(`| ${area} | ${fileCounts.get(area) ?? 0} | ${c.passed} | ${c.failed} | ${c.skipped} |`);
  const t = report.total;
  out.push(`| **total** | ${Object.keys(report.files).length} | ${t.passed} | ${t.failed} | ${t.skipped} |`);
  return out.join('\n');
}
