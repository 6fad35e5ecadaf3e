/**
 * A worker process: runs the scripts the runner sends, one at a time, sending the plan and every
 * outcome as soon as it is known (IPC writes go out at once while the pipe has room), so that a
 * crash or a hang loses only the command that caused it and those after it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { runWast } from 'wasmtide';
import type { RunJob, WorkerMessage } from './protocol.js';

const crashOn = process.env['SPECTEST_TEST_CRASH_ON'];

function send(msg: WorkerMessage): void {
  process.send!(msg);
}

async function run(job: RunJob): Promise<void> {
  try {
    const source = readFileSync(job.path, 'utf8');
    await runWast(source, {
      filename: job.file,
      features: job.features,
      onPlan: (plan) => send({ type: 'plan', id: job.id, plan: plan.map((p) => [p.line, p.kind]) }),
      onOutcome: (o) => {
        send({ type: 'outcomes', id: job.id, outcomes: [o] });
        // Test hook: die after the first outcome of the named file (the runner's crash test).
        if (crashOn !== undefined && crashOn === job.file) process.exit(70);
      },
    });
    send({ type: 'done', id: job.id });
  } catch (err) {
    send({ type: 'error', id: job.id, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: RunJob) => {
  if (msg && msg.type === 'run') queue = queue.then(() => run(msg));
});
process.on('disconnect', () => process.exit(0));
