/**
 * Access to Node's built-in modules without importing them statically, so that this package
 * loads in any JavaScript host (browsers, workers); only the Node-backed pieces (`HostFs`,
 * `HostFdStream`, `inheritStdio`) need Node, and they say so clearly when it is missing.
 * @module
 */
import { WasiConfigError } from './errors.js';

interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): unknown;
}

/** Node built-in module `id` (`node:fs`, ...); throws {@link WasiConfigError} outside Node. */
export function nodeModule<T>(id: string): T {
  const proc = (globalThis as { process?: ProcessWithBuiltins }).process;
  const m = proc?.getBuiltinModule?.(id);
  if (m === undefined || m === null) {
    throw new WasiConfigError(`${id} is not available: the host filesystem and host stdio need Node.js 20.16 or later`);
  }
  return m as T;
}
