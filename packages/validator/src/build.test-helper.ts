// Test-only: a tiny binary module builder for table-driven validator tests.
import { decodeModule } from '@wasmtide/parser';
import type { Module } from '@wasmtide/parser';

/** Unsigned LEB128. */
export function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (small values). */
export function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A vector: count then the concatenated items. */
export function vec(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

/** Value type bytes. */
export const T = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b, funcref: 0x70, externref: 0x6f, anyref: 0x6e, eqref: 0x6d, i31ref: 0x6c, structref: 0x6b, arrayref: 0x6a, exnref: 0x69 } as const;

/** `(ref $t)` / `(ref null $t)`. */
export function ref(t: number, nullable = false): number[] {
  return [nullable ? 0x63 : 0x64, ...s32(t)];
}

/** A function type entry. */
export function functype(params: (number | number[])[], results: (number | number[])[]): number[] {
  const enc = (xs: (number | number[])[]): number[] => vec(xs.map((x) => (typeof x === 'number' ? [x] : x)));
  return [0x60, ...enc(params), ...enc(results)];
}

/** A function body: local groups `[count, type]` and instruction bytes (the final `end` is added). */
export function body(locals: [number, number | number[]][], code: number[]): number[] {
  const l = vec(locals.map(([n, t]) => [...u32(n), ...(typeof t === 'number' ? [t] : t)]));
  const b = [...l, ...code, 0x0b];
  return [...u32(b.length), ...b];
}

/** Module parts, each a section payload's items (already encoded). */
export interface Parts {
  types?: number[][];
  imports?: number[][];
  funcs?: number[];
  tables?: number[][];
  memories?: number[][];
  tags?: number[][];
  globals?: number[][];
  exports?: number[][];
  start?: number;
  elems?: number[][];
  dataCount?: number;
  codes?: number[][];
  datas?: number[][];
}

/** Encodes a module from its parts. */
export function encode(p: Parts): Uint8Array {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const sec = (id: number, payload: number[]): void => {
    out.push(id, ...u32(payload.length), ...payload);
  };
  if (p.types) sec(1, vec(p.types));
  if (p.imports) sec(2, vec(p.imports));
  if (p.funcs) sec(3, vec(p.funcs.map((f) => u32(f))));
  if (p.tables) sec(4, vec(p.tables));
  if (p.memories) sec(5, vec(p.memories));
  if (p.tags) sec(13, vec(p.tags));
  if (p.globals) sec(6, vec(p.globals));
  if (p.exports) sec(7, vec(p.exports));
  if (p.start !== undefined) sec(8, u32(p.start));
  if (p.elems) sec(9, vec(p.elems));
  if (p.dataCount !== undefined) sec(12, u32(p.dataCount));
  if (p.codes) sec(10, vec(p.codes));
  if (p.datas) sec(11, vec(p.datas));
  return Uint8Array.from(out);
}

/** Encodes and decodes. */
export function build(p: Parts): Module {
  return decodeModule(encode(p));
}

/** A module with one function of type `[params] -> [results]` with the given locals and code. */
export function oneFunc(params: (number | number[])[], results: (number | number[])[], code: number[], extra: Parts = {}, locals: [number, number | number[]][] = []): Module {
  const types = [functype(params, results), ...(extra.types ?? [])];
  return build({ ...extra, types, funcs: [0, ...(extra.funcs ?? [])], codes: [body(locals, code), ...(extra.codes ?? [])] });
}

/** An export entry. */
export function exportEntry(name: string, kind: number, idx: number): number[] {
  const n = [...new TextEncoder().encode(name)];
  return [...u32(n.length), ...n, kind, ...u32(idx)];
}

/** An import entry. */
export function importEntry(mod: string, name: string, desc: number[]): number[] {
  const m = [...new TextEncoder().encode(mod)];
  const n = [...new TextEncoder().encode(name)];
  return [...u32(m.length), ...m, ...u32(n.length), ...n, ...desc];
}
