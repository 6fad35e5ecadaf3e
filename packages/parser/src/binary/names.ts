/**
 * The `name` custom section: module, function and local names, plus the extended name
 * subsections (labels, types, tables, memories, globals, element and data segments, fields, tags).
 * A malformed name section is ignored (it is a custom section): {@link decodeNameSection} returns
 * null instead of throwing.
 * @module
 */
import type { NameSection } from '../ir.js';
import { DecodeError } from '../errors.js';
import { Reader } from './reader.js';

type NameMap = Map<number, string>;
type IndirectNameMap = Map<number, Map<number, string>>;

function nameMap(r: Reader): NameMap {
  const m: NameMap = new Map();
  const n = r.u32();
  if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
  for (let i = 0; i < n; i++) {
    const idx = r.u32();
    m.set(idx, r.name());
  }
  return m;
}

function indirectNameMap(r: Reader): IndirectNameMap {
  const m: IndirectNameMap = new Map();
  const n = r.u32();
  if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
  for (let i = 0; i < n; i++) {
    const idx = r.u32();
    m.set(idx, nameMap(r));
  }
  return m;
}

/**
 * Decodes the payload `[start, end)` of a `name` custom section, or returns null if it is
 * malformed. Unknown subsections are skipped; subsections must appear at most once each.
 */
export function decodeNameSection(bytes: Uint8Array, start: number, end: number): NameSection | null {
  const r = new Reader(bytes, start, end, 'name');
  r.eofReason = 'unexpected end of section or function';
  let module: string | null = null;
  let funcs: NameMap = new Map();
  let locals: IndirectNameMap = new Map();
  let labels: IndirectNameMap = new Map();
  let types: NameMap = new Map();
  let tables: NameMap = new Map();
  let memories: NameMap = new Map();
  let globals: NameMap = new Map();
  let elems: NameMap = new Map();
  let datas: NameMap = new Map();
  let fields: IndirectNameMap = new Map();
  let tags: NameMap = new Map();
  try {
    let last = -1;
    while (r.pos < end) {
      const id = r.u8();
      const size = r.u32();
      if (size > end - r.pos) return null;
      const subEnd = r.pos + size;
      if (id <= last) return null;
      last = id;
      r.end = subEnd;
      switch (id) {
        case 0:
          module = r.name();
          break;
        case 1:
          funcs = nameMap(r);
          break;
        case 2:
          locals = indirectNameMap(r);
          break;
        case 3:
          labels = indirectNameMap(r);
          break;
        case 4:
          types = nameMap(r);
          break;
        case 5:
          tables = nameMap(r);
          break;
        case 6:
          memories = nameMap(r);
          break;
        case 7:
          globals = nameMap(r);
          break;
        case 8:
          elems = nameMap(r);
          break;
        case 9:
          datas = nameMap(r);
          break;
        case 10:
          fields = indirectNameMap(r);
          break;
        case 11:
          tags = nameMap(r);
          break;
        default:
          r.pos = subEnd;
      }
      if (r.pos !== subEnd) return null;
      r.end = end;
    }
  } catch (e) {
    if (e instanceof DecodeError) return null;
    throw e;
  }
  return { module, funcs, locals, types, tables, memories, globals, elems, datas, tags, fields, labels };
}
