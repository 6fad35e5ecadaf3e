/**
 * The binary decoder: WebAssembly 3.0 bytes to the module IR ({@link Module}). Sections are
 * decoded into plain objects; function bodies and constant expressions stay byte ranges, each
 * checked by one cheap pass ({@link scanBody}) so that malformed code is reported here, with the
 * spec's wording and an absolute byte offset, and never reaches the validator.
 * @module
 */
import type {
  ConstExpr,
  CustomSection,
  DataSegment,
  ElemSegment,
  Export,
  ExternKind,
  FuncBody,
  GlobalDef,
  Import,
  ImportDesc,
  LocalGroup,
  MemoryType,
  Module,
  NameSection,
  RecGroup,
  RefType,
  SubType,
  TableDef,
  TagType,
  ValType,
} from '../ir.js';
import { DecodeError } from '../errors.js';
import { opInfo } from '../opcodes.js';
import { DecodedData } from './data.js';
import { illegalOpcode, readRefType, scanBody, skipImmediates } from './immediates.js';
import { decodeNameSection } from './names.js';
import { plainBytes, Reader, readerFeatures } from './reader.js';
import {
  readGlobalType,
  readMemoryType,
  readTableType,
  readTagType,
  readTypeSection,
  readValTypeIn,
  vecLen,
} from './types.js';

/** Section ids, as in the binary format. */
export const SectionId = {
  Custom: 0,
  Type: 1,
  Import: 2,
  Function: 3,
  Table: 4,
  Memory: 5,
  Global: 6,
  Export: 7,
  Start: 8,
  Element: 9,
  Code: 10,
  Data: 11,
  DataCount: 12,
  Tag: 13,
} as const;

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'];

/** Position of each section id in the required order (tags sit between memory and global). */
const ORDER = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6];

const FUNCREF_NONNULL: RefType = Object.freeze({ kind: 'ref', nullable: false, heap: 'func' });
const FUNCREF: RefType = Object.freeze({ kind: 'ref', nullable: true, heap: 'func' });
const EXTERN_KINDS: readonly ExternKind[] = ['func', 'table', 'memory', 'global', 'tag'];

/**
 * Reads a constant expression up to and including its final `end` (0x0B at depth 0), returning
 * the range of its instructions without that `end`. Instructions are checked, not interpreted.
 */
export function readConstExpr(r: Reader): ConstExpr {
  const start = r.pos;
  // Fast path for the most common expression, `i32.const n` (data and element offsets): a
  // well-formed s32 of at most 5 bytes, then `end`. Anything else takes the general loop.
  const bytes = r.bytes;
  if (bytes[start] === 0x41) {
    let q = start + 1;
    const stop = Math.min(start + 6, r.end);
    while (q < stop && bytes[q]! >= 0x80) q++;
    if (q < stop && (q < start + 5 || (bytes[q]! & 0x78) === 0 || (bytes[q]! & 0x78) === 0x78) && q + 1 < r.end && bytes[q + 1] === 0x0b) {
      r.pos = q + 2;
      return { start, end: q + 1 };
    }
  }
  let depth = 0;
  for (;;) {
    if (r.pos >= r.end) r.fail(r.eofReason, r.pos);
    const at = r.pos;
    let code = r.u8();
    if (code >= 0xfb) {
      const sub = r.u32();
      if (sub >= 0x1000) r.fail(`illegal opcode ${code.toString(16)} ${sub.toString(16)}`, at);
      code = code * 0x1000 + sub;
    }
    if (code === 0x0b) {
      if (depth === 0) return { start, end: at };
      depth--;
    } else if (code === 0x02 || code === 0x03 || code === 0x04 || code === 0x06 || code === 0x1f) {
      depth++;
    }
    if (opInfo(code) === undefined || (code >= 0xfb020 && code <= 0xfb026 && r.features.customDescriptors !== true)) {
      r.fail(illegalOpcode(code), at);
    }
    skipImmediates(r, code);
  }
}

interface Counts {
  func: number;
  table: number;
  memory: number;
  global: number;
  tag: number;
}

/**
 * Binary-format switches for proposals beyond WebAssembly 3.0 whose encodings are malformed
 * without them. A validator `Features` object can be passed as is.
 */
export interface DecodeFeatures {
  /** custom-page-sizes proposal: memory limits flag bit 3 and a log2 page size. */
  readonly customPageSizes?: boolean;
  /** custom-descriptors proposal: `describes`/`descriptor` clauses, exact types, exact imports, new operators. */
  readonly customDescriptors?: boolean;
}

/** Options of {@link decodeModule}. */
export interface DecodeOptions {
  /** Proposals to accept (default: none beyond WebAssembly 3.0). */
  readonly features?: DecodeFeatures;
  /**
   * Whether to check every function body's instructions here (default true). With false, bodies
   * are only delimited (their local declarations are still decoded), which saves a pass over the
   * code for a caller that walks every body anyway, such as the validator; that caller must then
   * report malformed bodies itself, and can reproduce exactly what this decoder would have thrown
   * with {@link checkBodies}. A decode error found in a later section is preceded, as without
   * this option, by any error in the bodies before it.
   */
  readonly scanBodies?: boolean;
}

/**
 * Decodes a binary module. Throws a {@link DecodeError} (code `malformed`) with the spec's
 * wording and the absolute byte offset when the bytes are not a well-formed module. The
 * returned module keeps `input` as its `bytes`; its byte ranges point into it, and it must not be
 * modified afterwards.
 */
export function decodeModule(input: Uint8Array, options: DecodeOptions = {}): Module {
  // read through a plain Uint8Array (see `plainBytes`); the module keeps the caller's object
  const bytes = plainBytes(input);
  const features = options.features ?? {};
  const r = new Reader(bytes, 0, bytes.length, null);
  r.features = readerFeatures(features);
  r.eofReason = 'unexpected end';
  if (bytes.length < 4) r.fail('unexpected end', bytes.length);
  if (bytes[0] !== 0x00 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) r.fail('magic header not detected', 0);
  if (bytes.length < 8) r.fail('unexpected end', bytes.length);
  if (bytes[4] !== 1 || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) r.fail('unknown binary version', 4);
  r.pos = 8;

  const types: SubType[] = [];
  const recGroups: RecGroup[] = [];
  const imports: Import[] = [];
  const funcs: number[] = [];
  const tables: TableDef[] = [];
  const memories: MemoryType[] = [];
  const globals: GlobalDef[] = [];
  const tags: TagType[] = [];
  const exports: Export[] = [];
  let start: number | null = null;
  const elems: ElemSegment[] = [];
  let datas: DataSegment[] = [];
  let dataCount: number | null = null;
  const codes: FuncBody[] = [];
  const customs: CustomSection[] = [];
  let names: NameSection | null = null;
  const importCounts: Counts = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
  let lastId = 0;
  let lastRank = 0;
  let dataSectionCount = 0;

  const scan = options.scanBodies !== false;
  let codeDone = false;
  try {
    while (r.pos < bytes.length) {
      r.section = null;
      r.end = bytes.length;
      r.eofReason = 'unexpected end';
      const idAt = r.pos;
      const id = r.u8();
      if (id > 13) r.fail('malformed section id', idAt);
      r.section = SECTION_NAMES[id]!;
      const sizeAt = r.pos;
      const size = r.u32();
      if (size > bytes.length - r.pos) r.fail('length out of bounds', sizeAt);
      const end = r.pos + size;
      // Like the spec's reference decoder, a section's contents are read up to the end of the input
      // and then compared with the declared size: `section size mismatch`.
      r.end = id === 0 ? end : bytes.length;
      r.eofReason = 'unexpected end of section or function';
      if (id !== 0) {
        const rank = ORDER[id]!;
        if (rank <= lastRank) r.fail('unexpected content after last section', idAt);
        lastRank = rank;
        lastId = id;
      }
      // Each section's loop is a function of its own: the engine then optimizes (and replaces on
      // the stack) only that small loop, never this whole function, when a section is long.
      switch (id) {
        case SectionId.Custom: {
          const name = r.name();
          const data = { start: r.pos, end };
          customs.push({ name, data, after: lastId });
          if (name === 'name' && names === null) names = decodeNameSection(bytes, data.start, end);
          r.pos = end;
          break;
        }
        case SectionId.Type:
          readTypeSection(r, types, recGroups);
          break;
        case SectionId.Import:
          readImportSection(r, imports, importCounts);
          break;
        case SectionId.Function:
          readIndexVec(r, funcs);
          break;
        case SectionId.Table:
          readTableSection(r, tables);
          break;
        case SectionId.Memory:
          readMemorySection(r, memories);
          break;
        case SectionId.Tag:
          readTagSection(r, tags);
          break;
        case SectionId.Global:
          readGlobalSection(r, globals);
          break;
        case SectionId.Export:
          readExportSection(r, exports);
          break;
        case SectionId.Start:
          start = r.u32();
          break;
        case SectionId.Element:
          readElemSection(r, elems);
          break;
        case SectionId.DataCount:
          dataCount = r.u32();
          break;
        case SectionId.Code: {
          const usesDataAt = readCodeSection(r, codes, scan);
          if (usesDataAt >= 0 && dataCount === null) r.fail('data count section required', usesDataAt);
          codeDone = true;
          break;
        }
        case SectionId.Data:
          datas = readDataSection(r, end);
          dataSectionCount = datas.length;
          break;
      }
      if (r.pos !== end) r.fail('section size mismatch', r.pos);
    }
    r.section = null;
    if (funcs.length !== codes.length) r.fail('function and code section have inconsistent lengths', bytes.length);
    if (dataCount !== null && dataCount !== dataSectionCount) r.fail('data count and data section have inconsistent lengths', bytes.length);
  } catch (e) {
    // Unscanned bodies read before the error: a malformed one is what a scanning decode reports.
    if (!scan && e instanceof DecodeError && codes.length > 0) scanAll(bytes, codes, features, codeDone ? dataCount : 0);
    throw e;
  }

  return {
    bytes: input,
    types,
    recGroups,
    imports,
    funcs,
    tables,
    memories,
    globals,
    tags,
    exports,
    start,
    elems,
    datas,
    dataCount,
    codes,
    customs,
    names,
    importCounts,
  };
}

function readImportSection(r: Reader, imports: Import[], counts: Counts): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) imports.push(readImport(r, counts));
}

/** A vector of u32 indices (the function section), appended to `out`. */
function readIndexVec(r: Reader, out: number[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) out.push(r.u32());
}

function readTableSection(r: Reader, tables: TableDef[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) tables.push(readTable(r));
}

function readMemorySection(r: Reader, memories: MemoryType[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) memories.push(readMemoryType(r));
}

function readTagSection(r: Reader, tags: TagType[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) tags.push(readTagType(r));
}

function readGlobalSection(r: Reader, globals: GlobalDef[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) {
    const type = readGlobalType(r);
    globals.push({ type, init: readConstExpr(r) });
  }
}

function readExportSection(r: Reader, exports: Export[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) {
    const name = r.name();
    const at = r.pos;
    const k = r.u8();
    if (k > 4) r.fail('malformed export kind', at);
    exports.push({ name, kind: EXTERN_KINDS[k]!, index: r.u32() });
  }
}

function readElemSection(r: Reader, elems: ElemSegment[]): void {
  const n = vecLen(r);
  for (let i = 0; i < n; i++) elems.push(readElem(r));
}

/**
 * The code section's entries, appended to `codes`; returns the start of the first body that uses a
 * data segment index, or -1.
 */
function readCodeSection(r: Reader, codes: FuncBody[], scan: boolean): number {
  const n = vecLen(r);
  let usesDataAt = -1;
  for (let i = 0; i < n; i++) {
    const body = readBody(r, scan);
    if (bodyUsesData && usesDataAt < 0) usesDataAt = body.code.start;
    codes.push(body);
  }
  return usesDataAt;
}

/**
 * The data section's segments (the section ends at `sectionEnd`). A count that the section can hold
 * (a segment takes at least 2 bytes) gets an array of that size up front: for a hundred thousand
 * segments, one allocation outside the young generation instead of a growing copy in it.
 */
function readDataSection(r: Reader, sectionEnd: number): DataSegment[] {
  const n = vecLen(r);
  const bytes = r.bytes;
  const stop = r.end;
  const datas: DataSegment[] = n <= (sectionEnd - r.pos) >> 1 ? new Array<DataSegment>(n) : [];
  for (let i = 0; i < n; i++) {
    // Fast path for the usual segment (modules may have a hundred thousand): flags 0, offset
    // `i32.const n` with n in at most 4 bytes, then `end`, and a length in at most 4 bytes that
    // fits. Anything else, including every malformed case, is read by `readData`.
    const p = r.pos;
    if (p + 4 < stop && bytes[p] === 0x00 && bytes[p + 1] === 0x41) {
      let q = p + 2;
      while (q < p + 5 && bytes[q]! >= 0x80) q++;
      if (q + 2 < stop && bytes[q]! < 0x80 && bytes[q + 1] === 0x0b) {
        let e = q + 2;
        // at most 4 bytes: below 2^28, so integer arithmetic throughout
        let len = 0;
        let shift = 0;
        for (; e < q + 6 && e < stop; e++) {
          const b = bytes[e]!;
          len |= (b & 0x7f) << shift;
          shift += 7;
          if (b < 0x80) break;
        }
        if (e < q + 6 && e < stop && len <= stop - (e + 1)) {
          const start = e + 1;
          r.pos = start + len;
          datas[i] = new DecodedData('active', 0, p + 1, q + 1, start, start + len);
          continue;
        }
      }
    }
    datas[i] = readData(r);
  }
  return datas;
}

function readImport(r: Reader, counts: Counts): Import {
  const module = r.name();
  const name = r.name();
  const at = r.pos;
  const k = r.u8();
  let desc: ImportDesc;
  switch (k) {
    case 0x00:
      desc = { kind: 'func', type: r.u32() };
      counts.func++;
      break;
    case 0x20: {
      if (r.features.customDescriptors !== true) r.fail('malformed import kind', at);
      // custom-descriptors proposal: an exact function import.
      const d: ImportDesc & { readonly exact: true } = { kind: 'func', type: r.u32(), exact: true };
      desc = d;
      counts.func++;
      break;
    }
    case 0x01:
      desc = { kind: 'table', type: readTableType(r) };
      counts.table++;
      break;
    case 0x02:
      desc = { kind: 'memory', type: readMemoryType(r) };
      counts.memory++;
      break;
    case 0x03:
      desc = { kind: 'global', type: readGlobalType(r) };
      counts.global++;
      break;
    case 0x04:
      desc = { kind: 'tag', type: readTagType(r) };
      counts.tag++;
      break;
    default:
      return r.fail('malformed import kind', at);
  }
  return { module, name, desc };
}

function readTable(r: Reader): TableDef {
  if (r.peek() === 0x40) {
    r.pos++;
    const at = r.pos;
    if (r.u8() !== 0x00) r.fail('malformed table', at);
    const type = readTableType(r);
    return { type, init: readConstExpr(r) };
  }
  return { type: readTableType(r), init: null };
}

function readFuncIndices(r: Reader): number[] {
  const funcs: number[] = [];
  readIndexVec(r, funcs);
  return funcs;
}

function readExprs(r: Reader): ConstExpr[] {
  const n = vecLen(r);
  const exprs: ConstExpr[] = [];
  for (let i = 0; i < n; i++) exprs.push(readConstExpr(r));
  return exprs;
}

function readElemKind(r: Reader): void {
  const at = r.pos;
  if (r.u8() !== 0x00) r.fail('malformed element kind', at);
}

function readElem(r: Reader): ElemSegment {
  const at = r.pos;
  const flags = r.u32();
  switch (flags) {
    case 0: {
      const offset = readConstExpr(r);
      return { mode: 'active', table: 0, offset, type: FUNCREF_NONNULL, items: { kind: 'funcs', funcs: readFuncIndices(r) } };
    }
    case 1:
    case 3:
      readElemKind(r);
      return {
        mode: flags === 1 ? 'passive' : 'declarative',
        table: 0,
        offset: null,
        type: FUNCREF_NONNULL,
        items: { kind: 'funcs', funcs: readFuncIndices(r) },
      };
    case 2: {
      const table = r.u32();
      const offset = readConstExpr(r);
      readElemKind(r);
      return { mode: 'active', table, offset, type: FUNCREF_NONNULL, items: { kind: 'funcs', funcs: readFuncIndices(r) } };
    }
    case 4: {
      const offset = readConstExpr(r);
      return { mode: 'active', table: 0, offset, type: FUNCREF, items: { kind: 'exprs', exprs: readExprs(r) } };
    }
    case 5:
    case 7: {
      const type = readRefType(r);
      return { mode: flags === 5 ? 'passive' : 'declarative', table: 0, offset: null, type, items: { kind: 'exprs', exprs: readExprs(r) } };
    }
    case 6: {
      const table = r.u32();
      const offset = readConstExpr(r);
      const type = readRefType(r);
      return { mode: 'active', table, offset, type, items: { kind: 'exprs', exprs: readExprs(r) } };
    }
    default:
      return r.fail('malformed elements segment kind', at);
  }
}

function readData(r: Reader): DataSegment {
  const at = r.pos;
  const flags = r.u32();
  let memory = 0;
  let offset: ConstExpr | null = null;
  switch (flags) {
    case 0:
      offset = readConstExpr(r);
      break;
    case 1:
      break;
    case 2:
      memory = r.u32();
      offset = readConstExpr(r);
      break;
    default:
      r.fail('malformed data segment kind', at);
  }
  const len = r.u32();
  if (len > r.end - r.pos) r.fail(r.eofReason, r.end);
  const start = r.pos;
  r.pos += len;
  const mode = flags === 1 ? 'passive' : 'active';
  return offset === null ? new DecodedData(mode, memory, -1, -1, start, start + len) : new DecodedData(mode, memory, offset.start, offset.end, start, start + len);
}

/** Shared local groups for small counts of the number and vector types (index: type * 64 + count). */
const LOCAL_GROUPS: (LocalGroup | undefined)[] = [];
const NUM_TYPE_INDEX: Readonly<Record<string, number>> = { i32: 0, i64: 1, f32: 2, f64: 3, v128: 4 };
/** The empty local declarations, shared. */
const NO_LOCALS: readonly LocalGroup[] = Object.freeze([]);

/** A local group; small ones of a number or vector type are shared (the IR is readonly). */
function localGroup(count: number, type: ValType): LocalGroup {
  if (typeof type !== 'string' || count >= 64) return { count, type };
  const k = NUM_TYPE_INDEX[type]! * 64 + count;
  return (LOCAL_GROUPS[k] ??= Object.freeze({ count, type }));
}

/** Whether the body read last by {@link readBody} uses a data segment index. */
let bodyUsesData = false;

/**
 * Reads one code entry (and, like the spec's decoder, reads on until its final `end`). Without
 * `scan`, the instructions are skipped by the declared size. Sets {@link bodyUsesData}.
 */
function readBody(r: Reader, scan: boolean): FuncBody {
  const sizeAt = r.pos;
  const size = r.u32();
  if (size > r.end - r.pos) r.fail('length out of bounds', sizeAt);
  const start = r.pos;
  const end = start + size;
  const localsAt = r.pos;
  const n = vecLen(r);
  let locals: LocalGroup[] | readonly LocalGroup[] = NO_LOCALS;
  let total = 0;
  if (n > 0) {
    // one or two groups (most bodies): an array of just that size, not a growable one
    const count = r.u32();
    total = count;
    const g = localGroup(count, readValTypeIn(r));
    if (n === 1) locals = [g];
    else {
      const count2 = r.u32();
      total += count2;
      const g2 = localGroup(count2, readValTypeIn(r));
      if (n === 2) locals = [g, g2];
      else {
        const groups: LocalGroup[] = [g, g2];
        for (let i = 2; i < n; i++) {
          const c = r.u32();
          total += c;
          groups.push(localGroup(c, readValTypeIn(r)));
        }
        locals = groups;
      }
    }
  }
  if (total > 0xffffffff) r.fail('too many locals', localsAt);
  const codeStart = r.pos;
  if (!scan) {
    r.pos = end;
    bodyUsesData = false;
  } else {
    bodyUsesData = scanBody(r);
    if (r.pos !== end) r.fail('section size mismatch', r.pos);
  }
  return { locals, localCount: total, code: { start: codeStart, end }, range: { start, end } };
}

/**
 * Scans `codes` in order as the decoder does (see {@link scanBody}), throwing the first
 * `DecodeError`; then, if `dataCount` is null (no data count section), fails if a body uses a data
 * segment index. Pass a number to skip that check.
 */
function scanAll(input: Uint8Array, codes: readonly FuncBody[], features: DecodeFeatures, dataCount: number | null): void {
  const bytes = plainBytes(input);
  const r = new Reader(bytes, 0, bytes.length, 'code');
  r.features = readerFeatures(features);
  r.eofReason = 'unexpected end of section or function';
  let usesDataAt = -1;
  for (const body of codes) {
    r.pos = body.code.start;
    const usesData = scanBody(r);
    if (r.pos !== body.code.end) r.fail('section size mismatch', r.pos);
    if (usesData && usesDataAt < 0) usesDataAt = body.code.start;
  }
  if (usesDataAt >= 0 && dataCount === null) r.fail('data count section required', usesDataAt);
}

/**
 * Checks the instructions of every function body of `module` exactly as {@link decodeModule} does
 * unless told `scanBodies: false`, throwing the `DecodeError` it would have thrown (including
 * `data count section required`). Returns normally when every body is well-formed.
 */
export function checkBodies(module: Module, options: DecodeOptions = {}): void {
  scanAll(module.bytes, module.codes, options.features ?? {}, module.dataCount);
}
