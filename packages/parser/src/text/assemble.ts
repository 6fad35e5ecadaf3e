/**
 * Puts encoded sections together into a module binary, in the standard order, with custom
 * sections from `@custom` annotations at their placements and a name section last.
 * @module
 */

import { Writer } from '../binary/writer.js';
import type { NameSection } from '../ir.js';
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

/**
 * Names for the name section (each map: index -> name): the IR's {@link NameSection} without label
 * names, which the text format never produces.
 */
export type NameInfo = Omit<NameSection, 'labels'>;

/** Writes a name, with a fast path for ASCII. */
function writeName(w: Writer, s: string): void {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      w.name(s);
      return;
    }
  }
  w.u32(s.length);
  for (let i = 0; i < s.length; i++) w.u8(s.charCodeAt(i));
}

function nameMap(w: Writer, m: ReadonlyMap<number, string>): void {
  const entries = [...m].sort((a, b) => a[0] - b[0]);
  w.u32(entries.length);
  for (const [idx, nm] of entries) writeName(w.u32(idx), nm);
}

function nameSection(names: NameInfo): Writer | null {
  const w = new Writer(64);
  w.name('name');
  const start = w.length;
  if (names.module !== null) w.u8(0).sized(new Writer(names.module.length + 4).name(names.module));
  const simple = (id: number, m: ReadonlyMap<number, string>): void => {
    if (m.size === 0) return;
    const sub = new Writer(64);
    nameMap(sub, m);
    w.u8(id).sized(sub);
  };
  const indirect = (id: number, m: ReadonlyMap<number, ReadonlyMap<number, string>>): void => {
    const entries = [...m].filter((e) => e[1].size > 0).sort((a, b) => a[0] - b[0]);
    if (entries.length === 0) return;
    const sub = new Writer(64);
    sub.u32(entries.length);
    for (const [idx, inner] of entries) nameMap(sub.u32(idx), inner);
    w.u8(id).sized(sub);
  };
  simple(1, names.funcs);
  indirect(2, names.locals);
  simple(4, names.types);
  simple(5, names.tables);
  simple(6, names.memories);
  simple(7, names.globals);
  simple(8, names.elems);
  simple(9, names.datas);
  indirect(10, names.fields);
  simple(11, names.tags);
  return w.length === start ? null : w;
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
