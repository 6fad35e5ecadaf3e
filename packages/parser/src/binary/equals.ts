/**
 * Structural comparison of modules: byte ranges are compared by their contents, not their
 * offsets, so a module and its re-encoding compare equal.
 * @module
 */
import type { Module } from '../ir.js';
import { DecodedData } from './data.js';

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

function isRange(v: object): v is { start: number; end: number } {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number';
}

function norm(v: unknown, bytes: Uint8Array): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Map) {
    return [...v.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, x]) => [k, norm(x, bytes)]);
  }
  if (Array.isArray(v)) return v.map((x) => norm(x, bytes));
  if (v instanceof DecodedData) return norm(v.toJSON(), bytes);
  if (isRange(v)) return { bytes: hex(bytes.subarray(v.start, v.end)) };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    if (k === 'bytes' || k === 'range') continue;
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    out[k] = norm(x, bytes);
  }
  return out;
}

/**
 * A plain, offset-free view of a module for comparisons and snapshots: every byte range becomes
 * `{ bytes: "<hex>" }` of its contents, maps become sorted entry lists, `bytes` and each body's
 * whole-entry `range` are dropped (its parts are compared: locals structurally, code by content).
 */
export function normalizeModule(m: Module): unknown {
  return norm(m, m.bytes);
}

/** True if two modules are structurally equal, comparing byte ranges by content (see {@link normalizeModule}). */
export function moduleEquals(a: Module, b: Module): boolean {
  return JSON.stringify(normalizeModule(a)) === JSON.stringify(normalizeModule(b));
}
