/**
 * Messages between the runner and its worker processes.
 * @module
 */
import type { WastCommandKind, WastFeatures, WastOutcome } from 'wasmtide';

/** Runner -> worker: run one script. */
export interface RunJob {
  type: 'run';
  id: number;
  path: string;
  file: string;
  features: WastFeatures;
}

/** Worker -> runner messages about one job. */
export type WorkerMessage =
  | { type: 'plan'; id: number; plan: [number, WastCommandKind][] }
  | { type: 'outcomes'; id: number; outcomes: WastOutcome[] }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
