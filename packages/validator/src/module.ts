/**
 * Module validation: types, imports, definitions, exports, segments, then every function body.
 * @module
 */
import { DecodedData, plainBytes } from '@wasmtide/parser';
import type { ConstExpr, FuncType, Limits, MemoryType, Module, StorageType, SubType, TableType, ValType } from '@wasmtide/parser';
import { localRepresentatives } from './canon.js';
import { heapSub, K_ARRAY, K_FUNC, K_STRUCT, missingTypeFeature, valSub } from './ctx.js';
import type { Ctx } from './ctx.js';
import { ValidationError } from './errors.js';
import { resolveFeatures } from './features.js';
import type { Features } from './features.js';
import { skipS32 } from './fast.js';
import { BodyValidator } from './func.js';
import { primeOnce } from './prime.js';
import { F32, F64, H_CONCRETE, H_EXACT, H_FUNC, heapOf, I32, I64, I8, I16, refCode, typeName, V128, heapCode } from './valtypes.js';

declare const validatedBrand: unique symbol;

/**
 * A module that passed validation, with the facts later stages need. It never mutates the IR;
 * the compiler accepts only this type.
 */
export interface ValidatedModule {
  readonly [validatedBrand]: true;
  /** The validated IR, unchanged. */
  readonly module: Module;
  /** The features it was validated under. */
  readonly features: Features;
  /** Type index of every function in the function index space (imports first). */
  readonly funcTypes: Int32Array;
  /**
   * The canonical representative of each type index inside this module: two type indices denote
   * the same type iff their representatives are equal.
   */
  readonly typeReps: Int32Array;
  /** Per defined function (index into `module.funcs`): the maximum operand-stack height. */
  readonly maxStackHeight: Int32Array;
  /** Per defined function: the maximum nesting of blocks (the function body counts as 1). */
  readonly maxBlockDepth: Int32Array;
  /** Per defined function: `FACT_*` bit flags (memory use, calls, indirect calls, ...). */
  readonly funcFlags: Int32Array;
  /** The functions `ref.func` may name: those referenced in exports, segments and global/table initialisers. */
  readonly declaredFuncRefs: ReadonlySet<number>;
}

/** Longest chain of declared supertypes (wasmtime's and V8's limit), keeping subtype checks O(63). */
const MAX_SUBTYPE_DEPTH = 63;
/** Maximum pages of a 32-bit memory with 64 KiB pages. */
const MAX_PAGES_32 = 65536;
/** Maximum pages of a 64-bit memory with 64 KiB pages (2^48). */
const MAX_PAGES_64 = 2 ** 48;

/** Code size (bytes of function bodies) from which {@link validate} warms up first. */
const PRIME_CODE_SIZE = 1 << 20;

/** Bytes from the first function body to the end of the last (the code section's extent). */
function codeSize(module: Module): number {
  const codes = module.codes;
  return codes.length === 0 ? 0 : codes[codes.length - 1]!.range.end - codes[0]!.range.start;
}

function fail(reason: string, context = ''): never {
  throw new ValidationError(reason, context);
}

/**
 * Validates `module` under `features` (default: {@link defaultFeatures}). Throws
 * {@link ValidationError} (its `reason` is the spec's wording) or, for malformed bytes inside
 * function bodies, a `DecodeError`.
 */
export function validate(module: Module, features?: Partial<Features>): ValidatedModule {
  // Warm-up for type feedback only where the engine will optimize the body validator: on a module
  // with little code it never does, and the warm-up would cost more than it saves.
  if (codeSize(module) >= PRIME_CODE_SIZE) primeOnce((m) => validate(m));
  const f = resolveFeatures(features);
  const types = module.types;
  const nTypes = types.length;

  // ---- types: references in range, supertypes earlier
  for (const rg of module.recGroups) {
    const end = rg.start + rg.count;
    for (let i = rg.start; i < end; i++) {
      const st = types[i]!;
      const chk = (idx: number): void => {
        if (idx >= end || idx >= nTypes) fail(`unknown type ${idx}`, `referenced from type ${i}`);
      };
      if (st.describes !== undefined || st.descriptor !== undefined) checkDescriptorClauses(types, i, rg.start, end);
      checkSubTypeRefs(st, chk);
      if (st.supers.length > 1) fail('sub type', `type ${i} has ${st.supers.length} supertypes`);
      for (const s of st.supers) if (s >= i) fail(`unknown type ${s}`, `supertype of type ${i} must be defined before it`);
      if (!f.gc && (st.comp.kind !== 'func' || st.supers.length > 0 || !st.final || rg.count !== 1)) {
        // Without GC only plain function types exist, each its own (final) recursion group; the
        // decoder may still produce the others.
        fail('gc support is not enabled', `type ${i}`);
      }
    }
  }
  const rep = localRepresentatives(module);
  const kind = new Uint8Array(nTypes);
  const sup = new Int32Array(nTypes).fill(-1);
  const depth = new Int32Array(nTypes);
  const params: (Int32Array | null)[] = new Array<Int32Array | null>(nTypes).fill(null);
  const results: (Int32Array | null)[] = new Array<Int32Array | null>(nTypes).fill(null);
  const fields: (Int32Array | null)[] = new Array<Int32Array | null>(nTypes).fill(null);
  const fieldMut: (Uint8Array | null)[] = new Array<Uint8Array | null>(nTypes).fill(null);
  const code = (t: StorageType): number => {
    if (typeof t === 'string') return t === 'i32' ? I32 : t === 'i64' ? I64 : t === 'f32' ? F32 : t === 'f64' ? F64 : t === 'v128' ? V128 : t === 'i8' ? I8 : I16;
    if (typeof t.heap === 'number' && t.heap >= nTypes) fail(`unknown type ${t.heap}`);
    return refCode(heapCode(t.heap, rep, t.exact === true), t.nullable);
  };

  const codes = (ts: readonly ValType[]): Int32Array => Int32Array.from(ts, code);
  const desc = new Int32Array(nTypes).fill(-1);
  for (let i = 0; i < nTypes; i++) {
    const d = types[i]!.descriptor;
    if (d !== undefined) desc[i] = rep[d]!;
  }
  for (let i = 0; i < nTypes; i++) {
    const c = types[i]!.comp;
    if (c.kind === 'func') {
      kind[i] = K_FUNC;
      params[i] = codes(c.params);
      results[i] = codes(c.results);
      if (!f.multiValue && c.results.length > 1) fail('invalid result arity', `type ${i}`);
    } else if (c.kind === 'struct') {
      kind[i] = K_STRUCT;
      fields[i] = Int32Array.from(c.fields, (x) => code(x.storage));
      fieldMut[i] = Uint8Array.from(c.fields, (x) => (x.mutable ? 1 : 0));
    } else {
      kind[i] = K_ARRAY;
      fields[i] = Int32Array.of(code(c.element.storage));
      fieldMut[i] = Uint8Array.of(c.element.mutable ? 1 : 0);
    }
    const s = types[i]!.supers[0];
    if (s !== undefined) {
      sup[i] = rep[s]!;
      depth[i] = depth[rep[s]!]! + 1;
      if (depth[i]! > MAX_SUBTYPE_DEPTH) fail('sub type hierarchy too deep', `type ${i} has ${depth[i]} supertypes (at most ${MAX_SUBTYPE_DEPTH})`);
    }
  }

  const ctx: Ctx = {
    module, features: f, nTypes, rep, kind, sup, depth, params, results, fields, fieldMut, desc,
    funcType: new Int32Array(0), funcInexact: new Uint8Array(0), nFuncs: 0,
    tableElem: new Int32Array(0), tableAddr: new Int32Array(0), nTables: 0,
    memAddr: new Int32Array(0), nMems: 0,
    globalType: new Int32Array(0), globalMut: new Uint8Array(0), nGlobals: 0,
    tagType: new Int32Array(0), nTags: 0,
    elemType: new Int32Array(0), nElems: 0, nDatas: 0,
    refs: new Uint8Array(0),
  };

  const checkedCode = (t: StorageType): number => {
    const c = code(t);
    const missing = missingTypeFeature(ctx, c);
    if (missing) fail(missing, `type ${typeName(c)}`);
    return c;
  };  for (let i = 0; i < nTypes; i++) {
    for (const arr of [params[i], results[i], fields[i]]) {
      if (!arr) continue;
      for (const c of arr) {
        const missing = c === I8 || c === I16 ? null : missingTypeFeature(ctx, c);
        if (missing) fail(missing, `type ${i}`);
      }
    }
  }

  // ---- declared supertypes: finality, kind and structural match
  for (let i = 0; i < nTypes; i++) {
    const s = types[i]!.supers[0];
    if (s === undefined) continue;
    const st = types[s]!;
    if (st.final) fail('sub type', `type ${i} extends final type ${s}`);
    if (!compMatches(ctx, i, s)) fail(`sub type ${i} does not match super type ${s}`);
    const sub = types[i]!;
    if (sub.describes !== undefined || sub.descriptor !== undefined || st.describes !== undefined || st.descriptor !== undefined) {
      checkDescriptorSubtyping(ctx, types, i, s);
    }
  }

  const funcTypeOk = (idx: number, what: string): number => {
    if (idx >= nTypes) fail(`unknown type ${idx}`, what);
    if (kind[idx] !== K_FUNC) fail(`unknown type ${idx}`, `${what}: type ${idx} is not a function type`);
    return idx;
  };

  // ---- index spaces
  const ic = module.importCounts;
  const nFuncs = ic.func + module.funcs.length;
  const nTables = ic.table + module.tables.length;
  const nMems = ic.memory + module.memories.length;
  const nGlobals = ic.global + module.globals.length;
  const nTags = ic.tag + module.tags.length;
  const funcType = new Int32Array(nFuncs);
  const funcInexact = new Uint8Array(nFuncs);
  const tableElem = new Int32Array(nTables);
  const tableAddr = new Int32Array(nTables);
  const memAddr = new Int32Array(nMems);
  const globalType = new Int32Array(nGlobals);
  const globalMut = new Uint8Array(nGlobals);
  const tagType = new Int32Array(nTags);
  let fi = 0, ti = 0, mi = 0, gi = 0, gti = 0;

  const checkTable = (t: TableType, what: string): void => {
    if (t.addr === 'i64' && !f.memory64) fail('memory64 support is not enabled', what);
    checkLimits(t.limits, t.addr === 'i64' ? 2 ** 64 - 1 : 2 ** 32 - 1, 'table size', what);
    checkedCode(t.element);
  };
  const checkMemory = (m: MemoryType, what: string): void => {
    if (m.addr === 'i64' && !f.memory64) fail('memory64 support is not enabled', what);
    if (m.pageSizeLog2 !== 16 && m.pageSizeLog2 !== 0) fail('invalid custom page size', what);
    if (m.pageSizeLog2 !== 16 && !f.customPageSizes) fail('invalid custom page size', `${what}: custom page sizes are not enabled`);
    // 4 GiB (2^48 pages for 64-bit memories) with 64 KiB pages; with 1-byte pages, what the limits
    // can express (2^32 - 1, 2^64 - 1).
    const maxPages = m.addr === 'i64' ? (m.pageSizeLog2 === 16 ? MAX_PAGES_64 : 2 ** 64 - 1) : m.pageSizeLog2 === 16 ? MAX_PAGES_32 : 2 ** 32 - 1;
    const msg = m.addr === 'i64'
      ? `memory size must be at most ${m.pageSizeLog2 === 16 ? '2^48' : '2^64 - 1'} pages`
      : m.pageSizeLog2 === 16 ? 'memory size must be at most 65536 pages (4GiB)' : 'memory size must be at most 4294967295 pages (4GiB)';
    if (m.limits.min > maxPages || (m.limits.max !== null && m.limits.max > maxPages)) fail(msg, what);
    if (m.limits.max !== null && m.limits.min > m.limits.max) fail('size minimum must not be greater than maximum', what);
    if (m.shared) {
      if (!f.threads) fail('threads support is not enabled', what);
      if (m.limits.max === null) fail('shared memory must have maximum', what);
    }
  };
  const checkTag = (typeIdx: number, what: string): void => {
    funcTypeOk(typeIdx, what);
    if (results[typeIdx]!.length !== 0) fail('non-empty tag result type', what);
  };

  for (const im of module.imports) {
    const what = `import ${im.module}::${im.name}`;
    const d = im.desc;
    switch (d.kind) {
      case 'func':
        if (d.exact !== true) funcInexact[fi] = 1;
        funcType[fi++] = funcTypeOk(d.type, what);
        break;
      case 'table':
        checkTable(d.type, what);
        tableElem[ti] = checkedCode(d.type.element);
        tableAddr[ti++] = d.type.addr === 'i64' ? I64 : I32;
        break;
      case 'memory':
        checkMemory(d.type, what);
        memAddr[mi++] = d.type.addr === 'i64' ? I64 : I32;
        break;
      case 'global':
        if (d.type.mutable && !f.mutableGlobal) fail('mutable globals cannot be imported', what);
        globalType[gi] = checkedCode(d.type.type);
        globalMut[gi++] = d.type.mutable ? 1 : 0;
        break;
      case 'tag':
        checkTag(d.type.type, what);
        tagType[gti++] = d.type.type;
        break;
    }
  }
  const defined = module.funcs;
  for (let i = 0; i < defined.length; i++) {
    const t = defined[i]!;
    // the message only when needed: a module may define tens of thousands of functions
    funcType[fi++] = t < nTypes && kind[t] === K_FUNC ? t : funcTypeOk(t, `function ${ic.func + i}`);
  }
  if (nMems > 1 && !f.multiMemory) fail('multiple memories');
  if (nTables > 1 && !f.referenceTypes) fail('multiple tables');
  module.tables.forEach((t, i) => {
    checkTable(t.type, `table ${ic.table + i}`);
    tableElem[ti] = checkedCode(t.type.element);
    tableAddr[ti++] = t.type.addr === 'i64' ? I64 : I32;
  });
  module.memories.forEach((m, i) => {
    checkMemory(m, `memory ${ic.memory + i}`);
    memAddr[mi++] = m.addr === 'i64' ? I64 : I32;
  });
  module.globals.forEach((g) => {
    globalType[gi] = checkedCode(g.type.type);
    globalMut[gi++] = g.type.mutable ? 1 : 0;
  });
  module.tags.forEach((t, i) => {
    checkTag(t.type, `tag ${ic.tag + i}`);
    tagType[gti++] = t.type;
  });
  // (no feature check: the decoder gives the funcidx forms the type (ref func))
  const elemType = Int32Array.from(module.elems, (e) => code(e.type));
  Object.assign(ctx, {
    funcType, funcInexact, nFuncs, tableElem, tableAddr, nTables, memAddr, nMems, globalType, globalMut, nGlobals, tagType, nTags,
    elemType, nElems: module.elems.length, nDatas: module.dataCount ?? module.datas.length, refs: new Uint8Array(nFuncs),
  });

  const bv = new BodyValidator(ctx);
  const constExpr = (e: ConstExpr, t: number, visible: number, what: string, index: number, suffix = ''): void => {
    bv.validateConst(e, t, visible, what, index, suffix);
  };

  // ---- globals, tables (initialisers; a table initialiser sees only imported globals, the
  // table section preceding the global section)
  module.globals.forEach((g, i) => {
    const visible = f.gc || f.extendedConst || f.functionReferences ? ic.global + i : ic.global;
    constExpr(g.init, globalType[ic.global + i]!, visible, 'global', ic.global + i);
  });
  module.tables.forEach((t, i) => {
    const et = tableElem[ic.table + i]!;
    if (t.init && !f.functionReferences && !f.gc) fail('function-references support is not enabled', `initialiser of table ${ic.table + i}`);
    if (t.init) constExpr(t.init, et, ic.global, 'table', ic.table + i);
    else if ((et & 1) === 0) fail('type mismatch', `table ${ic.table + i} of non-nullable ${typeName(et)} needs an initialiser`);
  });

  // Before GC (and its companions), constant expressions may read imported globals only.
  const segVisible = f.gc || f.extendedConst || f.functionReferences ? nGlobals : ic.global;

  // ---- exports
  const names = new Set<string>();
  const refs = ctx.refs;
  for (const ex of module.exports) {
    if (names.has(ex.name)) fail('duplicate export name', JSON.stringify(ex.name));
    names.add(ex.name);
    const n = ex.kind === 'func' ? nFuncs : ex.kind === 'table' ? nTables : ex.kind === 'memory' ? nMems : ex.kind === 'global' ? nGlobals : nTags;
    if (ex.index >= n) fail(`unknown ${ex.kind === 'func' ? 'function' : ex.kind} ${ex.index}`, `export ${JSON.stringify(ex.name)}`);
    if (ex.kind === 'func') refs[ex.index] = 1;
    if (ex.kind === 'global' && globalMut[ex.index] && !f.mutableGlobal) fail('mutable globals cannot be exported', ex.name);
  }

  // ---- start
  if (module.start !== null) {
    if (module.start >= nFuncs) fail(`unknown function ${module.start}`, 'start function');
    const t = funcType[module.start]!;
    if (params[t]!.length !== 0 || results[t]!.length !== 0) fail('start function', `function ${module.start} must have type [] -> []`);
  }

  // ---- element segments
  module.elems.forEach((e, i) => {
    const et = elemType[i]!;
    const what = `elem segment ${i}`;
    if (e.mode === 'active') {
      if (e.table >= nTables) fail(`unknown table ${e.table}`, what);
      if (e.offset) constExpr(e.offset, tableAddr[e.table]!, segVisible, 'elem segment', i, ' offset');
      if (!valSub(ctx, et, tableElem[e.table]!)) fail('type mismatch', `${what}: ${typeName(et)} does not fit table ${e.table} of ${typeName(tableElem[e.table]!)}`);
    }
    if (e.items.kind === 'funcs') {
      // every function reference is a (ref func): only other element types need a check per item
      const anyFunc = heapOf(et) === H_FUNC;
      const funcs = e.items.funcs;
      for (let k = 0; k < funcs.length; k++) {
        const fx = funcs[k]!;
        if (fx >= nFuncs) fail(`unknown function ${fx}`, what);
        refs[fx] = 1;
        if (anyFunc) continue;
        const ft = refCode(H_CONCRETE + (funcInexact[fx] ? 0 : H_EXACT) + rep[funcType[fx]!]!, false);
        if (!valSub(ctx, ft, et)) fail('type mismatch', `${what}: function ${fx} is not a ${typeName(et)}`);
      }
    } else {
      for (const x of e.items.exprs) constExpr(x, et, segVisible, 'elem segment', i);
    }
  });

  // ---- data segments
  checkDatas(bv, module, nMems, memAddr, segVisible);
  for (const x of bv.constRefs) refs[x] = 1;

  // ---- function bodies
  const nDef = module.funcs.length;
  if (module.codes.length !== nDef) fail('function and code section have inconsistent lengths');
  const maxStackHeight = new Int32Array(nDef);
  const maxBlockDepth = new Int32Array(nDef);
  const funcFlags = new Int32Array(nDef);
  validateBodies(bv, ic.func, funcType, maxStackHeight, maxBlockDepth, funcFlags);

  const declared = new Set<number>();
  for (let i = 0; i < nFuncs; i++) if (refs[i]) declared.add(i);
  return Object.freeze({
    module,
    features: f,
    funcTypes: funcType,
    typeReps: rep,
    maxStackHeight,
    maxBlockDepth,
    funcFlags,
    declaredFuncRefs: declared,
  }) as unknown as ValidatedModule;
}

// The long loops over segments and bodies are functions of their own, so that the engine
// optimizes (and replaces on the stack) only these small loops, never all of `validate`.

/** Checks the data segments: memory indices and offset expressions. */
function checkDatas(bv: BodyValidator, module: Module, nMems: number, memAddr: Int32Array, visible: number): void {
  const datas = module.datas;
  const bytes = plainBytes(module.bytes);
  for (let i = 0; i < datas.length; i++) {
    const d = datas[i]!;
    if (d.mode !== 'active') continue;
    if (d.memory >= nMems) fail(`unknown memory ${d.memory}`, `data segment ${i}`);
    const t = memAddr[d.memory]!;
    // the usual offset, `i32.const n` on a 32-bit memory, as `validateConst` checks it, inline (and
    // for the decoder's segments, read from its numbers rather than a range made for each)
    if (t === I32 && d instanceof DecodedData) {
      const s = d.offsetStart, e = d.offsetEnd;
      if (s >= 0 && bytes[s] === 0x41 && skipS32(bytes, s + 1, e) === e && bytes[e] === 0x0b) continue;
    }
    const o = d.offset;
    if (!o) continue;
    if (t === I32 && bytes[o.start] === 0x41 && skipS32(bytes, o.start + 1, o.end) === o.end && bytes[o.end] === 0x0b) continue;
    bv.validateConst(o, t, visible, 'data segment', i, ' offset');
  }
}

/**
 * Validates every function body (`funcType` covers the imported functions, the first `nImported`),
 * recording the facts of body `i` at index `i` of the three arrays.
 */
function validateBodies(
  bv: BodyValidator, nImported: number, funcType: Int32Array, maxStackHeight: Int32Array, maxBlockDepth: Int32Array, funcFlags: Int32Array,
): void {
  const nDef = funcFlags.length;
  for (let i = 0; i < nDef; i++) {
    const fidx = nImported + i;
    bv.validateFunction(fidx, funcType[fidx]!, i);
    maxStackHeight[i] = bv.maxHeight;
    maxBlockDepth[i] = bv.maxBlockDepth;
    funcFlags[i] = bv.factFlags;
  }
}

function checkLimits(l: Limits, bound: number, msg: string, what: string): void {
  if (l.min > bound || (l.max !== null && l.max > bound)) fail(msg, what);
  if (l.max !== null && l.min > l.max) fail('size minimum must not be greater than maximum', what);
}

function checkSubTypeRefs(st: SubType, chk: (idx: number) => void): void {
  const v = (t: StorageType): void => {
    if (typeof t !== 'string' && typeof t.heap === 'number') chk(t.heap);
  };
  const c = st.comp;
  if (c.kind === 'func') {
    c.params.forEach(v);
    c.results.forEach(v);
  } else if (c.kind === 'struct') {
    for (const x of c.fields) v(x.storage);
  } else {
    v(c.element.storage);
  }
}

/**
 * custom-descriptors: the `descriptor`/`describes` clauses of type `i` (rec group `[start, end)`)
 * stay inside the group, a described type comes before its descriptor, the two clauses pair up,
 * and both sides are structs.
 */
function checkDescriptorClauses(types: readonly SubType[], i: number, start: number, end: number): void {
  const st = types[i]!;
  const d = st.descriptor;
  const b = st.describes;
  if (d !== undefined && (d < start || d >= end)) fail('descriptor type is outside rec group', `type ${i} has descriptor ${d}`);
  if (b !== undefined) {
    if (b < start || b >= end) fail('described type is outside rec group', `type ${i} describes ${b}`);
    if (b >= i) fail('forward use of described type', `type ${i} describes ${b}`);
  }
  if (d !== undefined) {
    if (st.comp.kind !== 'struct') fail('descriptor type must be a struct', `type ${i} has a descriptor but is a ${st.comp.kind} type`);
    if (types[d]!.describes !== i) fail('type is not described by its descriptor', `type ${i} has descriptor ${d}`);
  }
  if (b !== undefined) {
    if (st.comp.kind !== 'struct') fail('described type must be a struct', `type ${i} describes a type but is a ${st.comp.kind} type`);
    if (types[b]!.descriptor !== i) fail('described type is not described by descriptor', `type ${i} describes ${b}`);
  }
}

/** Field subtyping: mutable fields are invariant, immutable ones covariant. */
function fieldMatches(ctx: Ctx, a: number, am: number, b: number, bm: number): boolean {
  if (am !== bm) return false;
  if (am) return a === b;
  return a === b || (a >= 8 && b >= 8 && valSub(ctx, a, b));
}

/** Structural check of type `i` against its declared supertype `s`. */
/**
 * custom-descriptors: a subtype keeps its supertype's descriptor and describes clauses (it may add
 * a descriptor, never a describes clause), and their targets are subtypes of the supertype's.
 */
function checkDescriptorSubtyping(ctx: Ctx, types: readonly SubType[], i: number, s: number): void {
  const sub = types[i]!;
  const sup = types[s]!;
  if ((sup.descriptor !== undefined && sub.descriptor === undefined) || (sub.describes !== undefined) !== (sup.describes !== undefined)) {
    fail(`sub type ${i} does not match super type ${s}`, 'descriptor or describes clauses differ');
  }
  const sub1 = (a: number, b: number): boolean => heapSub(ctx, H_CONCRETE + ctx.rep[a]!, H_CONCRETE + ctx.rep[b]!);
  if (sub.describes !== undefined && !sub1(sub.describes, sup.describes!)) {
    fail(`described type ${sub.describes} does not match`, `type ${i} describes ${sub.describes}, supertype ${s} describes ${sup.describes}`);
  }
  if (sup.descriptor !== undefined && !sub1(sub.descriptor!, sup.descriptor)) {
    fail(`descriptor type ${sub.descriptor} does not match`, `type ${i} has descriptor ${sub.descriptor}, supertype ${s} has ${sup.descriptor}`);
  }
}

function compMatches(ctx: Ctx, i: number, s: number): boolean {
  const ki = ctx.kind[i];
  if (ki !== ctx.kind[s]) return false;
  if (ki === K_FUNC) {
    const pi = ctx.params[i]!, ps = ctx.params[s]!, ri = ctx.results[i]!, rs = ctx.results[s]!;
    if (pi.length !== ps.length || ri.length !== rs.length) return false;
    for (let k = 0; k < pi.length; k++) if (!valSub(ctx, ps[k]!, pi[k]!)) return false;
    for (let k = 0; k < ri.length; k++) if (!valSub(ctx, ri[k]!, rs[k]!)) return false;
    return true;
  }
  const fi = ctx.fields[i]!, fs = ctx.fields[s]!, mi = ctx.fieldMut[i]!, ms = ctx.fieldMut[s]!;
  if (ki === K_STRUCT ? fi.length < fs.length : fi.length !== fs.length) return false;
  for (let k = 0; k < fs.length; k++) if (!fieldMatches(ctx, fi[k]!, mi[k]!, fs[k]!, ms[k]!)) return false;
  return true;
}

/** The function type of function `idx` of a validated module. */
export function funcTypeOf(vm: ValidatedModule, idx: number): FuncType {
  return vm.module.types[vm.funcTypes[idx]!]!.comp as FuncType;
}

