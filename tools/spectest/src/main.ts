/**
 * `node tools/spectest/dist/main.js [--filter SUBSTRING]… [--update-baseline] [--jobs N]
 * [--timeout SECONDS] [--verbose] [--report PATH]`
 *
 * Runs every `.wast` of the spec suite through wasmtide, writes `spectest-report.json` at the
 * repository root, prints a per-area table, and exits 1 when a command fails that is not in the
 * baseline (`tools/spectest/known-failures.json`) or a baseline entry no longer fails.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, diffBaseline, formatBaseline, formatMarkdownTable, formatTable, mergeReports, parseBaseline, updatedBaseline, type FileOutcomes, type SuiteReport } from './report.js';
import { runFiles } from './runner.js';
import { defaultSuiteDir, listSuite } from './suite.js';

const here = dirname(fileURLToPath(import.meta.url));
const toolDir = resolve(here, '..');
const repoRoot = resolve(toolDir, '..', '..');

interface Args {
  filters: string[];
  updateBaseline: boolean;
  jobs: number;
  timeoutMs: number;
  verbose: boolean;
  updateReadme: boolean;
  reportPath: string;
  baselinePath: string;
  suiteDir: string;
}

const USAGE = `usage: spectest [--filter SUBSTRING]... [--update-baseline] [--jobs N] [--timeout SECONDS]
                [--verbose] [--update-readme] [--report PATH] [--baseline PATH] [--suite DIR]
Runs the WebAssembly spec suite (default: $WASM_TESTSUITE or ../shared/wasm-testsuite).`;

function parseArgs(argv: string[]): Args {
  const a: Args = {
    filters: [],
    updateBaseline: false,
    jobs: 2,
    timeoutMs: 60_000,
    verbose: false,
    updateReadme: false,
    reportPath: resolve(repoRoot, 'spectest-report.json'),
    baselinePath: resolve(toolDir, 'known-failures.json'),
    suiteDir: defaultSuiteDir(repoRoot),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--filter') a.filters.push(value());
    else if (arg.startsWith('--filter=')) a.filters.push(arg.slice(9));
    else if (arg === '--update-baseline') a.updateBaseline = true;
    else if (arg === '--jobs' || arg === '-j') a.jobs = Number(value());
    else if (arg === '--timeout') a.timeoutMs = Number(value()) * 1000;
    else if (arg === '--verbose' || arg === '-v') a.verbose = true;
    else if (arg === '--update-readme') a.updateReadme = true;
    else if (arg === '--report') a.reportPath = resolve(value());
    else if (arg === '--baseline') a.baselinePath = resolve(value());
    else if (arg === '--suite') a.suiteDir = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(a.jobs) || a.jobs < 0) throw new Error('--jobs must be a non-negative integer');
  if (!(a.timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  return a;
}

function tallyMismatches(results: readonly FileOutcomes[]): number {
  let n = 0;
  for (const r of results) for (const o of r.outcomes) if (o.messageMismatch) n++;
  return n;
}

/** Rewrites the table between the spectest-table markers of the root README. */
function updateReadme(report: SuiteReport): void {
  const readme = resolve(repoRoot, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- spectest-table:start -->';
  const end = '<!-- spectest-table:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error('README.md has no spectest-table markers');
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${formatMarkdownTable(report)}\n${text.slice(j)}`);
  console.log('README.md spec table updated');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const files = listSuite(args.suiteDir, args.filters);
  if (files.length === 0) {
    console.error(`spectest: no .wast files${args.filters.length ? ` match ${args.filters.join(', ')}` : ''} under ${args.suiteDir}`);
    return 1;
  }
  console.log(`spectest: ${files.length} scripts from ${args.suiteDir}, ${args.jobs || 'in-process'} worker(s)`);
  const started = Date.now();
  const results = await runFiles(files, {
    jobs: args.jobs,
    timeoutMs: args.timeoutMs,
    onFile: (r, i, total, ms) => {
      const c = { passed: 0, failed: 0, skipped: 0 };
      for (const o of r.outcomes) c[o.status]++;
      if (args.verbose || ms > 20_000) {
        console.log(`[${i}/${total}] ${r.file}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${(ms / 1000).toFixed(1)} s)`);
      }
    },
  });
  const seconds = (Date.now() - started) / 1000;

  const report = buildReport(results);
  // A filtered run updates just its own files in an existing report.
  const old = args.filters.length > 0 && existsSync(args.reportPath) ? (JSON.parse(readFileSync(args.reportPath, 'utf8')) as SuiteReport) : null;
  writeFileSync(args.reportPath, JSON.stringify(old ? mergeReports(old, report) : report, null, 1) + '\n');

  if (args.updateReadme) updateReadme(report);
  console.log();
  console.log(formatTable(report));
  console.log();

  // Failures by reason class, and message mismatches (counted as failures: see README).
  const mismatches = tallyMismatches(results);
  const reasons = new Map<string, number>();
  for (const r of results) for (const o of r.outcomes) if (o.status === 'skipped') reasons.set(o.reason ?? '?', (reasons.get(o.reason ?? '?') ?? 0) + 1);
  console.log(`message mismatches (right layer rejected, wording differs; counted as failed): ${mismatches}`);
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`skipped ${n}: ${reason}`);
  // The most common failure reasons, numbers blurred so that alike failures group together.
  const failures = new Map<string, { n: number; example: string }>();
  for (const r of results) {
    for (const o of r.outcomes) {
      if (o.status !== 'failed') continue;
      const key = (o.reason ?? '').replace(/0x[0-9a-f]+|\d+/gi, 'N').slice(0, 100);
      const f = failures.get(key) ?? { n: 0, example: `${r.file}:${o.line}` };
      f.n++;
      failures.set(key, f);
    }
  }
  for (const [reason, f] of [...failures].sort((a, b) => b[1].n - a[1].n).slice(0, 8)) console.log(`failed ${f.n} (e.g. ${f.example}): ${reason}`);

  const baselineText = existsSync(args.baselinePath) ? readFileSync(args.baselinePath, 'utf8') : null;
  const baseline = parseBaseline(baselineText);
  if (args.updateBaseline) {
    const next = updatedBaseline(results, baseline);
    writeFileSync(args.baselinePath, formatBaseline(next));
    console.log(`baseline rewritten: ${Object.keys(next.failures).length} known failures (was ${Object.keys(baseline.failures).length}) in ${args.baselinePath}`);
    console.log(`spectest: ${seconds.toFixed(1)} s`);
    return 0;
  }
  const diff = diffBaseline(results, baseline);
  for (const f of diff.newFailures.slice(0, 100)) console.log(`NEW FAILURE ${f.key}: ${f.reason}`);
  if (diff.newFailures.length > 100) console.log(`… and ${diff.newFailures.length - 100} more new failures`);
  for (const f of diff.fixed.slice(0, 100)) {
    console.log(`FIXED ${f.key} (now ${f.status}): remove it from tools/spectest/known-failures.json (pnpm spectest --update-baseline)`);
  }
  if (diff.fixed.length > 100) console.log(`… and ${diff.fixed.length - 100} more baseline entries that no longer fail`);
  console.log(`spectest: ${report.total.passed} passed, ${report.total.failed} failed (${Object.keys(baseline.failures).length} known), ${report.total.skipped} skipped in ${seconds.toFixed(1)} s`);
  if (diff.newFailures.length > 0 || diff.fixed.length > 0) {
    console.log(`spectest: FAILED: ${diff.newFailures.length} new failure(s), ${diff.fixed.length} baseline entr${diff.fixed.length === 1 ? 'y' : 'ies'} to remove`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`spectest: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
