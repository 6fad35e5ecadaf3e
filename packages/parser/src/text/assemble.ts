/**
 * Puts encoded sections together into a module binary, in the standard order, with custom
 * sections from `@custom` annotations at their placements and a name section last.
 * @module
 */

import { Writer } from '../binary/writer.js';
import type { CustomAnnotation } from './annotations.js';

/** One section's body (entries only) and entry count; a null body means "absent". */
export interface SectionBody {
  readonly id: number;
  /** Section name as used by `@custom` placements (`type`, `func`, `code`, ...). */
  readonly name: string;
  /** Entry count to prefix, or null for sections without a vector (start, datacount). */
  readonly count: number | null;
  readonly body: Writer | null;
}

/** Names for the name section. */
export interface NameInfo {
  readonly module: string | null;
  /** Function names by function index. */
  readonly funcs: ReadonlyMap<number, string>;
}

function nameSection(names: NameInfo): Writer | null {
  if (names.module === null && names.funcs.size === 0) return null;
  const w = new Writer(64);
  w.name('name');
  if (names.module !== null) {
    const sub = new Writer(names.module.length + 4);
    sub.name(names.module);
    w.u8(0).sized(sub);
  }
  if (names.funcs.size) {
    const sub = new Writer(64);
    const entries = [...names.funcs].sort((a, b) => a[0] - b[0]);
    sub.u32(entries.length);
    for (const [idx, nm] of entries) sub.u32(idx).name(nm);
    w.u8(1).sized(sub);
  }
  return w;
}

function customSection(c: CustomAnnotation): Writer {
  const w = new Writer(c.name.length + c.data.length + 8);
  w.name(c.name).bytes(c.data);
  return w;
}

/**
 * Assembles a module: the preamble, then `sections` (already in standard order; absent ones
 * skipped), with custom sections placed before/after the section they name (even an absent one).
 */
export function assembleModule(sections: readonly SectionBody[], customs: readonly CustomAnnotation[], names: NameInfo): Uint8Array {
  const out = new Writer(1024);
  out.u8(0).u8(0x61).u8(0x73).u8(0x6d).u8(1).u8(0).u8(0).u8(0);
  const emitCustoms = (where: 'before' | 'after', section: string): void => {
    for (const c of customs) {
      if (c.placement.where === where && c.placement.section === section) out.u8(0).sized(customSection(c));
    }
  };
  emitCustoms('before', 'first');
  for (const s of sections) {
    emitCustoms('before', s.name);
    if (s.body) {
      if (s.count === null) out.u8(s.id).sized(s.body);
      else {
        const w = new Writer(s.body.length + 5);
        w.u32(s.count).bytes(s.body.finish());
        out.u8(s.id).sized(w);
      }
    }
    emitCustoms('after', s.name);
  }
  emitCustoms('after', 'last');
  const ns = nameSection(names);
  if (ns) out.u8(0).sized(ns);
  return out.finish().slice();
}
