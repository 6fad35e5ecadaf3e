/**
 * Finding the suite's scripts and their areas.
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { areaOfPath } from 'wasmtide';

/** One script to run. */
export interface SuiteFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the suite root, with `/`. */
  file: string;
  /** Area from `areas.json` (or guessed from the path when the file is not listed). */
  area: string;
  /** Size in bytes (big files are started first). */
  size: number;
}

/** Where the suite is: `$WASM_TESTSUITE`, else `../shared/wasm-testsuite` beside the repository. */
export function defaultSuiteDir(repoRoot: string): string {
  const env = process.env['WASM_TESTSUITE'];
  return env && env.trim() ? resolve(env) : resolve(repoRoot, '..', 'shared', 'wasm-testsuite');
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && entry.name.endsWith('.wast')) out.push(p);
  }
}

/** Lists every `.wast` under the suite (recursively), with its area, optionally filtered by substring. */
export function listSuite(suiteDir: string, filter: readonly string[] = []): SuiteFile[] {
  if (!existsSync(suiteDir)) throw new Error(`spec suite not found at ${suiteDir} (set WASM_TESTSUITE)`);
  let areas: Record<string, string> = {};
  const areasPath = join(suiteDir, 'areas.json');
  if (existsSync(areasPath)) areas = (JSON.parse(readFileSync(areasPath, 'utf8')) as { areas?: Record<string, string> }).areas ?? {};
  const paths: string[] = [];
  walk(suiteDir, paths);
  return paths
    .map((path) => {
      const file = relative(suiteDir, path).split(sep).join('/');
      return { path, file, area: areas[file] ?? areaOfPath(file), size: statSync(path).size };
    })
    .filter((f) => filter.length === 0 || filter.some((s) => f.file.includes(s)));
}
