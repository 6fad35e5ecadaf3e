/**
 * Feature sets for running spec scripts: which WebAssembly proposals a script assumes, by the
 * area it belongs to, as the validator's `Features`.
 * @module
 */

import { wasm2Features, wasm3Features, type Features } from '@wasmtide/validator';

/** A set of proposal flags: the validator's {@link Features}. */
export type WastFeatures = Features;

/** WebAssembly 2.0: the MVP plus the proposals merged for 2.0 (the validator's `wasm2Features`). */
export const wasm2FeatureSet: WastFeatures = wasm2Features;

/** WebAssembly 3.0: 2.0 plus the proposals merged for 3.0 (the validator's `wasm3Features`). */
export const wasm3FeatureSet: WastFeatures = wasm3Features;

/** Turns a proposal folder name (`custom-page-sizes`) into its feature flag (`customPageSizes`). */
function flagOf(proposal: string): string {
  return proposal.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The features a spec area assumes. Core areas get WebAssembly 3.0; `legacy-exceptions` adds the
 * legacy exception instructions; `proposals/threads` is WebAssembly 2.0 plus threads (its tests
 * predate multi-memory); every other `proposals/NAME` is 3.0 plus that proposal.
 */
export function featuresForArea(area: string): WastFeatures {
  if (area === 'legacy-exceptions') return Object.freeze({ ...wasm3FeatureSet, legacyExceptions: true });
  if (area === 'proposals/threads') return Object.freeze({ ...wasm2FeatureSet, threads: true });
  if (area.startsWith('proposals/')) {
    const flag = flagOf(area.slice('proposals/'.length));
    return flag in wasm3FeatureSet ? Object.freeze({ ...wasm3FeatureSet, [flag]: true }) : wasm3FeatureSet;
  }
  return wasm3FeatureSet;
}

/**
 * Guesses the area of a script from its path, for scripts run outside the suite's `areas.json`
 * (the `wasmtide wast` command): `…/proposals/NAME/…` is `proposals/NAME`, `…/legacy/…` is
 * `legacy-exceptions`, anything else `core`.
 */
export function areaOfPath(path: string): string {
  const p = path.replace(/\\/g, '/');
  const m = /(?:^|\/)proposals\/([^/]+)\//.exec(p);
  if (m) return `proposals/${m[1]}`;
  if (/(?:^|\/)legacy\//.test(p)) return 'legacy-exceptions';
  return 'core';
}
