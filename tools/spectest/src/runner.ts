/**
 * Runs a list of scripts, either in worker processes (isolated: a crash or hang fails only the rest
 * of that script; a per-file timeout applies) or in this process (`jobs: 0`, used by tests).
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featuresForArea, runWast, type WastCommandKind, type WastOutcome } from 'wasmtide';
import type { RunJob, WorkerMessage } from './protocol.js';
import type { FileOutcomes } from './report.js';
import type { SuiteFile } from './suite.js';

/** How to run. */
export interface RunOptions {
  /** Worker processes to use; 0 runs every script in this process. */
  jobs: number;
  /** Per-file time limit in milliseconds (worker mode only). */
  timeoutMs: number;
  /** Called when a file is finished. */
  onFile?: (r: FileOutcomes, index: number, total: number, ms: number) => void;
}

/** Runs the files and returns their outcomes in the order of `files`. */
export async function runFiles(files: readonly SuiteFile[], options: RunOptions): Promise<FileOutcomes[]> {
  if (options.jobs <= 0) return runInProcess(files, options);
  return runInWorkers(files, options);
}

async function runInProcess(files: readonly SuiteFile[], options: RunOptions): Promise<FileOutcomes[]> {
  const results: FileOutcomes[] = [];
  let i = 0;
  for (const f of files) {
    const start = Date.now();
    let outcomes: readonly WastOutcome[];
    try {
      outcomes = (await runWast(readFileSync(f.path, 'utf8'), { filename: f.file, features: featuresForArea(f.area) })).outcomes;
    } catch (err) {
      outcomes = [{ line: 1, kind: 'module', status: 'failed', reason: `runner error: ${err instanceof Error ? err.message : String(err)}` }];
    }
    const r = { file: f.file, area: f.area, outcomes };
    results.push(r);
    options.onFile?.(r, ++i, files.length, Date.now() - start);
  }
  return results;
}

interface Running {
  job: RunJob;
  file: SuiteFile;
  plan: [number, WastCommandKind][] | null;
  outcomes: WastOutcome[];
  start: number;
  timer: ReturnType<typeof setTimeout>;
  finish: (extra: WastOutcome[]) => void;
}

/** Everything not yet reported is failed with `reason`. */
function failRest(r: Running, reason: string): WastOutcome[] {
  if (!r.plan) return [{ line: 1, kind: 'module', status: 'failed', reason }];
  return r.plan.slice(r.outcomes.length).map(([line, kind]) => ({ line, kind, status: 'failed', reason }));
}

async function runInWorkers(files: readonly SuiteFile[], options: RunOptions): Promise<FileOutcomes[]> {
  const workerPath = fileURLToPath(new URL('./worker.js', import.meta.url));
  const order = files.map((f, i) => ({ f, i })).sort((a, b) => b.f.size - a.f.size);
  const results: FileOutcomes[] = new Array(files.length);
  let next = 0;
  let done = 0;
  let nextId = 1;

  return new Promise((resolveAll) => {
    const startWorker = (): void => {
      if (next >= order.length) return;
      const child: ChildProcess = fork(workerPath, [], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // --no-expose-wasm: wasmtide never runs code on the host's WebAssembly (CONTRACT.md); the
        // whole suite proves it.
        execArgv: ['--no-expose-wasm', '--max-old-space-size=2048'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-2000);
      });
      let current: Running | null = null;

      const take = (): void => {
        if (next >= order.length) {
          child.disconnect();
          return;
        }
        const { f, i } = order[next++]!;
        const job: RunJob = { type: 'run', id: nextId++, path: f.path, file: f.file, features: featuresForArea(f.area) };
        const running: Running = {
          job,
          file: f,
          plan: null,
          outcomes: [],
          start: Date.now(),
          timer: setTimeout(() => {
            const at = running.plan?.[running.outcomes.length]?.[0];
            running.finish(failRest(running, `timed out after ${Math.round(options.timeoutMs / 1000)} s${at !== undefined ? ` (at line ${at})` : ''}`));
            child.kill('SIGKILL');
          }, options.timeoutMs),
          finish: (extra) => {
            if (current !== running) return;
            clearTimeout(running.timer);
            current = null;
            const r = { file: f.file, area: f.area, outcomes: [...running.outcomes, ...extra] };
            results[i] = r;
            done++;
            options.onFile?.(r, done, files.length, Date.now() - running.start);
            if (done === files.length) resolveAll(results);
          },
        };
        current = running;
        child.send(job);
      };

      child.on('message', (msg: WorkerMessage) => {
        const r = current;
        if (!r || msg.id !== r.job.id) return;
        if (msg.type === 'plan') r.plan = msg.plan;
        else if (msg.type === 'outcomes') r.outcomes.push(...msg.outcomes);
        else if (msg.type === 'done') {
          r.finish([]);
          take();
        } else if (msg.type === 'error') {
          r.finish(failRest(r, `runner error: ${msg.message}`));
          take();
        }
      });
      // A worker that died, was killed or could not start: fail what it was running and replace
      // it while work remains. Idempotent ('error' and 'exit' can both come).
      let retired = false;
      const retire = (why: string): void => {
        if (retired) return;
        retired = true;
        if (current) {
          const tail = stderr.trim().split('\n').slice(-3).join(' | ');
          current.finish(failRest(current, `${why}${tail ? `: ${tail}` : ''}`));
        }
        if (next < order.length) startWorker();
      };
      child.on('error', (err) => retire(`worker error (${err.message})`));
      child.on('exit', (code, signal) => retire(`worker crashed (${signal ?? `exit ${code}`})`));
      take();
    };

    if (files.length === 0) {
      resolveAll([]);
      return;
    }
    for (let k = 0; k < Math.min(options.jobs, order.length); k++) startWorker();
  });
}
