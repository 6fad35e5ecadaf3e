/**
 * The module compiler: validated IR -> one self-contained JS source (the body of a factory taking
 * the environment `E` and returning `instantiate(I)`), plus plain-JSON metadata.
 * @module
 */
import type { ConstExpr, FuncType, GlobalType, MemoryType, Module, TableType, ValType } from '@wasmtide/parser';
import { DecodedData } from '@wasmtide/parser';
import { ABI_VERSION, LAZY_AUTO_BYTES, type CompileOptions, type CompiledExport, type CompiledImport, type CompiledModule, type DataRun } from './abi.js';
import { CompileError, kindOf, type ModuleContext } from './codegen/context.js';
import { FunctionCompiler } from './codegen/function.js';
import { demandGrowth, growthAnalysis } from './codegen/callgraph.js';
import { DataSegments } from './rt.js';

/**
 * What the compiler accepts: a validated module (`{ module }` from `@wasmtide/validator`'s
 * `validate`), or, until the validator is wired in, a bare IR module (which must be valid).
 */
export type CompilerInput = { readonly module: Module } | Module;

function isModule(x: CompilerInput): x is Module {
  return (x as Module).bytes instanceof Uint8Array;
}

/** Compiles a module to JavaScript source plus metadata. */
export function compileModule(input: CompilerInput, options: CompileOptions = {}): CompiledModule {
  const m: Module = isModule(input) ? input : input.module;
  const funcTypes: number[] = [];
  const tables: TableType[] = [];
  const memories: MemoryType[] = [];
  const globals: GlobalType[] = [];
  const tags: number[] = [];
  const imports: CompiledImport[] = [];
  for (const im of m.imports) {
    const d = im.desc;
    switch (d.kind) {
      case 'func':
        funcTypes.push(d.type);
        imports.push({ module: im.module, name: im.name, kind: 'func', typeIndex: d.type, ...(d.exact === true ? { exact: true } : {}) });
        break;
      case 'table':
        tables.push(d.type);
        imports.push({ module: im.module, name: im.name, kind: 'table', typeIndex: -1, table: d.type });
        break;
      case 'memory':
        memories.push(d.type);
        imports.push({ module: im.module, name: im.name, kind: 'memory', typeIndex: -1, memory: d.type });
        break;
      case 'global':
        globals.push(d.type);
        imports.push({ module: im.module, name: im.name, kind: 'global', typeIndex: -1, global: d.type });
        break;
      case 'tag':
        tags.push(d.type.type);
        imports.push({ module: im.module, name: im.name, kind: 'tag', typeIndex: d.type.type });
        break;
    }
  }
  const ic = {
    func: funcTypes.length,
    table: tables.length,
    memory: memories.length,
    global: globals.length,
    tag: tags.length,
  };
  for (const t of m.funcs) funcTypes.push(t);
  for (const t of m.tables) tables.push(t.type);
  for (const t of m.memories) memories.push(t);
  for (const g of m.globals) globals.push(g.type);
  for (const t of m.tags) tags.push(t.type);

  let codeBytes = 0;
  for (const b of m.codes) codeBytes += b.code.end - b.code.start;
  const lazy = options.lazy === true || ((options.lazy === undefined || options.lazy === 'auto') && codeBytes > LAZY_AUTO_BYTES);
  // The call graph is a whole-module pass: deferred generation decides each callee on demand instead.
  const facts = memories.length > 0 && !(lazy && options.deferCodegen !== false) ? growthAnalysis(m, ic.func, ic.table) : null;
  const growth = facts === null ? {} : { mayGrow: (f: number): boolean => facts.funcs[f] !== 0, mayGrowIndirect: facts.indirect };
  const ctx: ModuleContext = {
    module: m,
    funcTypes,
    tables,
    memories,
    globals,
    tags,
    options,
    helpers: new Set(),
    constants: new Map(),
    ...growth,
  };
  const moduleName = m.names?.module ?? null;
  const sourceName = sanitize(options.name ?? moduleName ?? 'anon');

  const deferred = lazy && options.deferCodegen !== false;
  // Function bodies (in deferred mode: generated on first call by `lazySource` below).
  const funcSrc: string[] = [];
  const funcTail: boolean[] = [];
  const tailBodies: string[] = [];
  for (let i = 0; i < m.codes.length; i++) {
    const fi = ic.func + i;
    const ti = funcTypes[fi]!;
    const st = m.types[ti];
    if (st === undefined || st.comp.kind !== 'func') throw new CompileError(`function ${fi}: type ${ti} is not a function type`);
    if (deferred) continue;
    const { src, tail } = compileBody(ctx, fi, st.comp, lazy);
    if (tail && !lazy) tailBodies.push(`f${fi}.$tb = f${fi}$;`);
    funcSrc.push(src);
    funcTail.push(tail);
  }

  // Constant expressions: compiled as small functions, called at instantiation.
  let constCount = 0;
  const constSrc: string[] = [];
  const constExpr = (ce: ConstExpr, type: ValType): string => {
    const name = `c${constCount++}`;
    const ft: FuncType = { kind: 'func', params: [], results: [type] };
    const fc = new FunctionCompiler(ctx, ft, [], ce.start, ce.end + 1);
    constSrc.push(fc.compile(name));
    return name;
  };

  /** The value of a bare `i32.const` constant expression, or null. */
  const bareI32 = (ce: ConstExpr): number | null => bareI32Of(m.bytes, ce.start, ce.end);

  /** An i32 constant expression as a JS expression: a bare `i32.const` is inlined as its literal. */
  const constI32 = (ce: ConstExpr): string => {
    const v = bareI32(ce);
    if (v !== null) return v < 0 ? `(${v})` : String(v);
    return `${constExpr(ce, 'i32')}()`;
  };

  const list = (prefix: string, n: number): string => `[${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(', ')}]`;
  const L: string[] = [];
  L.push('"use strict";');
  for (const line of PRELUDE) L.push(line);
  // Data segments: one byte array holding them all (in deferred mode a view of the module, which
  // `lazySource` keeps anyway; else a copy of the span of the data section they occupy) with the
  // start and end of each (modules with ~100,000 segments stay small and fast to parse). They are
  // encoded (base64) only when the compiled module is serialized.
  const layout = m.datas.length > 0 ? dataLayout(m, memories, deferred) : null;
  if (layout !== null) L.push('const DD = META.data, DB = E.dataBytes(DD), DST = E.dataStarts(DD), DE = DD.ends;');
  L.push('return function instantiate(I) {');
  L.push('const TY = I.typeIds, SUB = I.isSubtype, EP = I.epoch, DL = I.deadline, FUEL = I.fuel;');
  // Helpers and constants are referenced from function bodies: hoisted after compilation below.
  const HELPERS_AT = L.length;
  L.push('');
  if (!lazy) for (let i = 0; i < ic.func; i++) L.push(`const f${i} = I.funcs[${i}];`);
  for (let i = 0; i < ic.table; i++) L.push(`const T${i} = I.tables[${i}];`);
  for (let i = 0; i < ic.memory; i++) L.push(`const M${i} = I.memories[${i}];`);
  for (let i = 0; i < ic.global; i++) L.push(`const G${i} = I.globals[${i}];`);
  for (let i = 0; i < ic.tag; i++) L.push(`const X${i} = I.tags[${i}];`);
  L.push(
    'function CI(T, i, k) {',
    '  const el = T.elements;',
    `  if (i >= el.length) trap(${JSON.stringify('undefined element')});`,
    '  const f = el[i];',
    `  if (f === null) throw new E.Trap(${JSON.stringify('uninitialized element')}, ${JSON.stringify('uninitialized element ')} + i);`,
    '  const t = TY[k];',
    `  if (f.$t !== t && !SUB(f.$t, t)) trap(${JSON.stringify('indirect call type mismatch')});`,
    '  return f;',
    '}',
  );
  // Lazy mode: `FN`, every function by index, goes here (see `lazyFunctions`).
  const FN_AT = L.length;
  if (!lazy) for (let i = 0; i < m.codes.length; i++) L.push(`f${ic.func + i}.$t = TY[${funcTypes[ic.func + i]}];`);
  for (const t of tailBodies) L.push(t);
  // Defined tags.
  for (let i = 0; i < m.tags.length; i++) {
    const ti = m.tags[i]!.type;
    L.push(`const X${ic.tag + i} = new E.Tag(META.types[${ti}].comp, TY[${ti}]);`);
  }
  // Defined memories.
  for (let i = 0; i < m.memories.length; i++) {
    const mi = ic.memory + i;
    L.push(`const M${mi} = I.newMemory ? I.newMemory(META.memories[${mi}]) : new E.Memory(META.memories[${mi}]);`);
  }
  // Defined globals (in order: an initializer may read earlier globals).
  for (let i = 0; i < m.globals.length; i++) {
    const g = m.globals[i]!;
    const gi = ic.global + i;
    L.push(`const G${gi} = new E.Global(META.globals[${gi}]);`);
    if (g.type.type === 'i32') L.push(`G${gi}.v = ${constI32(g.init)};`);
    else if (kindOf(g.type.type) === 'i64') L.push(`G${gi}.v = ${constExpr(g.init, g.type.type)}(); G${gi}.h = HI[0];`);
    else L.push(`G${gi}.v = ${constExpr(g.init, g.type.type)}();`);
  }
  // Defined tables.
  for (let i = 0; i < m.tables.length; i++) {
    const t = m.tables[i]!;
    const ti = ic.table + i;
    const init = t.init === null ? 'null' : `${constExpr(t.init, t.type.element)}()`;
    L.push(`const T${ti} = I.newTable ? I.newTable(META.tables[${ti}], ${init}) : new E.Table(META.tables[${ti}], ${init});`);
  }
  // Element segments: evaluated in order. Segment state lives in arrays (dropped = empty).
  L.push('const EL = [], DS = [];');
  for (let i = 0; i < m.elems.length; i++) {
    const el = m.elems[i]!;
    let items: string;
    if (el.items.kind !== 'funcs') items = `[${el.items.exprs.map((e) => `${constExpr(e, el.type)}()`).join(', ')}]`;
    else if (lazy) items = `[${el.items.funcs.join(',')}].map((k) => FN[k])`;
    else items = `[${el.items.funcs.map((f) => `f${f}`).join(', ')}]`;
    L.push(`EL[${i}] = ${items};`);
  }
  // Segment views for the code's data operators (memory.init, array.new_data, ...), which need a
  // data count section: without one, only the active segments below read the bytes.
  const dsViews = m.datas.length > 0 && m.dataCount !== null;
  if (dsViews) L.push(`for (let i = 0; i < ${m.datas.length}; i++) DS.push(DB.subarray(DST[i], DE[i]));`);
  const drop = (seg: string): string => (dsViews ? ` DS[${seg}] = EMPTY8;` : '');
  // Lazy stubs' machinery goes here (before any segment can trap and leave funcrefs behind).
  const LAZY_AT = L.length;
  // Active segments, in module order: element segments, then data segments.
  for (let i = 0; i < m.elems.length; i++) {
    const el = m.elems[i]!;
    if (el.mode === 'active') {
      if (tables[el.table]?.addr === 'i64') {
        const off = constExpr(el.offset!, 'i64');
        L.push(`{ const t = ${off}(); tableInit(T${el.table}, (HI[0] >>> 0) * 4294967296 + (t >>> 0), EL[${i}], 0, EL[${i}].length); }`);
      } else L.push(`tableInit(T${el.table}, ${constI32(el.offset!)} >>> 0, EL[${i}], 0, EL[${i}].length);`);
      L.push(`EL[${i}] = EMPTYA;`);
    } else if (el.mode === 'declarative') {
      L.push(`EL[${i}] = EMPTYA;`);
    }
  }
  // Runs of active data segments with bare `i32.const` offsets on one memory become one loop over
  // (segment, offset) arrays; the others are initialised one by one, in module order.
  const plan = layout === null ? [] : layout.plan;
  for (let k = 0; k < plan.length; k++) {
    const item = plan[k]!;
    if (typeof item !== 'number') {
      L.push(
        `{ const R = DD.runs[${layout!.runs.indexOf(item)}], ix = R.segs, of = R.offs;`,
        `  for (let k = 0; k < ix.length; k++) { const s = ix[k]; memInit(M${item.memory}, of[k] >>> 0, DB, DST[s], DE[s] - DST[s]);${drop('s')} } }`,
      );
      continue;
    }
    const i = item;
    const d = m.datas[i]!;
    if (memories[d.memory]?.addr === 'i64') {
      const off = constExpr(d.offset!, 'i64');
      L.push(`{ const t = ${off}(); memInit(M${d.memory}, (HI[0] >>> 0) * 4294967296 + (t >>> 0), DB, DST[${i}], DE[${i}] - DST[${i}]); }`);
    } else L.push(`memInit(M${d.memory}, ${constI32(d.offset!)} >>> 0, DB, DST[${i}], DE[${i}] - DST[${i}]);`);
    if (dsViews) L.push(`DS[${i}] = EMPTY8;`);
  }
  let lazyFuncs: string[] | undefined;
  let lazySource: ((funcIndex: number) => string) | undefined;
  const lazyL: string[] = [];
  if (lazy) {
    const scNames = new Set<string>(['TY', 'SUB', 'EP', 'DL', 'FUEL', 'CI', 'DS', 'EL', 'FN']);
    for (let i = 0; i < tables.length; i++) scNames.add(`T${i}`);
    for (let i = 0; i < memories.length; i++) scNames.add(`M${i}`);
    for (let i = 0; i < globals.length; i++) scNames.add(`G${i}`);
    for (let i = 0; i < tags.length; i++) scNames.add(`X${i}`);
    if (!deferred) {
      for (const h of ctx.helpers) scNames.add(`$${h}`);
      for (const k of ctx.constants.values()) scNames.add(k);
    }
    if (!deferred) lazyFuncs = funcSrc.map((src, i) => lazyFactory(src, ic.func + i, funcTail[i]!, scNames, sourceName, ''));
    else {
      // Everything one body needs, kept for its first call: the module (bytes), the module-level
      // facts, and which callees may grow a memory (decided on demand, from the callees' bodies,
      // never by a pass over the whole module; calls through tables count as growing).
      const growthFacts: Partial<Pick<ModuleContext, 'mayGrow'>> = memories.length > 0 ? { mayGrow: demandGrowth(m, ic.func) } : {};
      const scFixed = new Set(scNames);
      lazySource = (fi: number): string => {
        if (!Number.isInteger(fi) || fi < ic.func || fi >= funcTypes.length) throw new CompileError(`no defined function ${fi} to generate`);
        const fctx: ModuleContext = { ...ctx, helpers: new Set(), constants: new Map(), ...growthFacts };
        const st = m.types[funcTypes[fi]!]!.comp as FuncType;
        const { src, tail } = compileBody(fctx, fi, st, true);
        const hoist: string[] = [];
        for (const h of fctx.helpers) hoist.push(`const $${h} = S.${h};`);
        for (const [expr, k] of fctx.constants) hoist.push(`const ${k} = ${expr};`);
        return lazyFactory(src, fi, tail, scFixed, sourceName, hoist.length > 0 ? hoist.join('\n') + '\n' : '');
      };
    }
    lazyL.push(`const SC = { ${[...scNames].join(', ')} };`);
    lazyL.push(
      'function LAZY(i) {',
      '  const fn = E.lazyFactory(i)(E, SC);',
      '  if (fn.$tb !== undefined) FN[i].$tb = fn.$tb;',
      '  return fn;',
      '}',
    );
  }
  L.splice(LAZY_AT, 0, ...lazyL);
  if (lazy) L.splice(FN_AT, 0, ...lazyFunctions(m.types, funcTypes, ic.func, constSrc));
  const start = m.start === null ? '' : `try { ${lazy ? `FN[${m.start}]` : `f${m.start}`}(); } catch (e) { throw E.toTrap(e); }`;
  L.push(
    `return { funcs: ${lazy ? 'FN' : list('f', funcTypes.length)}, tables: ${list('T', tables.length)}, memories: ${list('M', memories.length)}, ` +
      `globals: ${list('G', globals.length)}, tags: ${list('X', tags.length)}, start() { ${start} } };`,
  );
  L.push('');
  if (!lazy) for (const s of funcSrc) L.push(s);
  for (const s of constSrc) L.push(s);
  L.push('};');
  L.push(`//# sourceURL=wasm-module-${sourceName}.js`);

  const hoist: string[] = [];
  for (const h of ctx.helpers) hoist.push(`const $${h} = S.${h};`);
  for (const [expr, k] of ctx.constants) hoist.push(`const ${k} = ${expr};`);
  L[HELPERS_AT] = hoist.join('\n');

  const exports: CompiledExport[] = m.exports.map((e) => ({ name: e.name, kind: e.kind, index: e.index }));
  const funcNames: [number, string][] = m.names === null ? [] : [...m.names.funcs.entries()];
  return {
    abiVersion: ABI_VERSION,
    source: L.join('\n'),
    types: m.types,
    recGroups: m.recGroups,
    funcTypes,
    tables,
    memories,
    globals,
    tags,
    imports,
    exports,
    start: m.start,
    moduleName,
    funcNames,
    sourceName,
    options: { ...options },
    ...(lazyFuncs !== undefined ? { lazyPrelude: '', lazyFuncs, lazyBase: ic.func } : {}),
    ...(layout !== null ? { data: layout.data } : {}),
    ...(lazySource !== undefined ? { lazyPrelude: '', lazyBase: ic.func, lazySource } : {}),
  };
}

/**
 * The module prelude: the environment's names bound once per module source. A lazily evaluated
 * body binds only those it uses, itself (see {@link lazyFactory}).
 */
const PRELUDE: readonly string[] = [
  'const S = E.S, HI = E.HI, RET = E.RET, trap = E.trap, Exn = E.Exn, Delegated = E.Delegated;',
  'const imul = E.Math.imul, clz32 = E.Math.clz32, fround = E.Math.fround, abs = E.Math.abs, sqrt = E.Math.sqrt;',
  'const ceil = E.Math.ceil, floor = E.Math.floor, trunc = E.Math.trunc, min = E.Math.min, max = E.Math.max;',
  'const memInit = E.memInit, memCopy = E.memCopy, memFill = E.memFill, tableInit = E.tableInit, tableCopy = E.tableCopy;',
  'const tableFill = E.tableFill, tableGrow = E.tableGrow, tableGet = E.tableGet, tableSet = E.tableSet;',
  'const TC = E.TC, TAIL = E.TAIL, TRAMP = E.TRAMP, DEPTH = E.DEPTH, PL = E.PL;',
  'const f32FromBits = E.f32FromBits, f64FromBits = E.f64FromBits, EMPTY8 = E.EMPTY8, EMPTYA = E.EMPTYA, V0 = E.V0;',
  'const GcStruct = E.GcStruct, GcArray = E.GcArray, arrayStore = E.arrayStore, arrayFromData = E.arrayFromData;',
  'const arrayFromElem = E.arrayFromElem, arrayInitData = E.arrayInitData, arrayInitElem = E.arrayInitElem;',
  'const arrayFill = E.arrayFill, arrayCopy = E.arrayCopy;',
  'const atomicLoad = E.atomicLoad, atomicStore = E.atomicStore, atomicRmw = E.atomicRmw, atomicCmpxchg = E.atomicCmpxchg;',
  'const atomicNotify = E.atomicNotify, atomicWait = E.atomicWait;',
  'const META = E.meta;',
];

/** Each prelude name's binding (`imul = E.Math.imul`). */
const PRELUDE_BINDS: ReadonlyMap<string, string> = new Map(
  PRELUDE.flatMap((line) => line.slice(6, -1).split(', ')).map((b) => [b.slice(0, b.indexOf(' = ')), b] as const),
);

/**
 * The value of a bare `i32.const` constant expression at `[start, end)` (`end`: its `end` opcode),
 * or null.
 */
function bareI32Of(b: Uint8Array, start: number, end: number): number | null {
  if (b[start] !== 0x41) return null;
  // The s32 LEB128 after the opcode (validated), which must end where the expression does.
  let p = start + 1;
  let v = 0;
  let shift = 0;
  let byte = 0;
  do {
    if (p >= end || shift > 28) return null;
    byte = b[p++]!;
    v |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) v |= -1 << shift;
  return p === end ? v : null;
}

/**
 * Where the data segments are and how instantiation initialises the active ones: `plan` lists, in
 * module order, runs of consecutive active segments with bare `i32.const` offsets into one memory
 * (one loop each) and the indices of the other active segments (initialised one by one). Modules
 * with ~100,000 segments (Go) make this a hot loop that runs once: it stays small, on typed arrays.
 */
function dataLayout(m: Module, memories: readonly MemoryType[], deferred: boolean): { data: DataSegments; runs: DataRun[]; plan: (DataRun | number)[] } {
  const datas = m.datas;
  const n = datas.length;
  const bytes = m.bytes;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const segs = new Int32Array(n);
  const offs = new Int32Array(n);
  const runs: DataRun[] = [];
  const plan: (DataRun | number)[] = [];
  let count = 0;
  let runMemory = -1;
  let runFrom = 0;
  const close = (): void => {
    if (runMemory < 0) return;
    const r: DataRun = { memory: runMemory, segs: segs.subarray(runFrom, count), offs: offs.subarray(runFrom, count) };
    runs.push(r);
    plan.push(r);
    runMemory = -1;
  };
  for (let i = 0; i < n; i++) {
    const d = datas[i]!;
    // The decoder's segments carry their ranges as numbers (their `init`/`offset` getters allocate).
    const dec = d instanceof DecodedData ? d : null;
    let oStart = 0;
    let oEnd = 0;
    if (dec !== null) {
      starts[i] = dec.initStart;
      ends[i] = dec.initEnd;
      oStart = dec.offsetStart;
      oEnd = dec.offsetEnd;
    } else {
      const init = d.init;
      starts[i] = init.start;
      ends[i] = init.end;
      if (d.offset !== null) {
        oStart = d.offset.start;
        oEnd = d.offset.end;
      }
    }
    if (d.mode !== 'active') continue;
    const mem = d.memory;
    const v = memories[mem]?.addr === 'i64' ? null : bareI32Of(bytes, oStart, oEnd);
    if (v === null) {
      close();
      plan.push(i);
      continue;
    }
    if (mem !== runMemory) {
      close();
      runMemory = mem;
      runFrom = count;
    }
    segs[count] = i;
    offs[count] = v;
    count++;
  }
  close();
  if (deferred) return { data: new DataSegments(bytes, starts, ends, runs), runs, plan };
  // A copy of the span of the module the segments occupy.
  let lo = n > 0 ? starts[0]! : 0;
  let hi = lo;
  for (let i = 0; i < n; i++) {
    if (starts[i]! < lo) lo = starts[i]!;
    if (ends[i]! > hi) hi = ends[i]!;
  }
  for (let i = 0; i < n; i++) {
    starts[i] = starts[i]! - lo;
    ends[i] = ends[i]! - lo;
  }
  return { data: new DataSegments(bytes.slice(lo, hi), starts, ends, runs), runs, plan };
}

/**
 * Lazy mode: the instantiation code that builds `FN`, every function by index: the imports, then
 * for each defined function a stub made by the stub factory of its type. A stub keeps the
 * function's identity (funcrefs) and calls the body, evaluated on the first call (`LAZY`). Stubs
 * are not named `f<i>`: the bodies are, and give the backtrace one frame per wasm call. Constant
 * expressions' references to functions (`f<i>`) are bound from `FN`.
 */
function lazyFunctions(types: Module['types'], funcTypes: readonly number[], importedFuncs: number, constSrc: readonly string[]): string[] {
  const out: string[] = [];
  const factories = new Map<string, string>();
  const byType = new Map<number, string>();
  for (let i = importedFuncs; i < funcTypes.length; i++) {
    const ti = funcTypes[i]!;
    if (byType.has(ti)) continue;
    const params = paramList(types[ti]!.comp as FuncType);
    let name = factories.get(params);
    if (name === undefined) {
      name = `S${factories.size}`;
      factories.set(params, name);
      out.push(`function ${name}(i) { let g = null; return function $s(${params}) { return (g || (g = LAZY(i)))(${params}); }; }`);
    }
    byType.set(ti, name);
  }
  out.push(`const SF = []; ${[...byType].map(([ti, name]) => `SF[${ti}] = ${name};`).join(' ')}`);
  out.push(
    `const FN = I.funcs.slice(0, ${importedFuncs}), FT = META.funcTypes;`,
    `for (let i = ${importedFuncs}; i < ${funcTypes.length}; i++) { const t = FT[i], f = SF[t](i); f.$t = TY[t]; FN.push(f); }`,
  );
  const refs = new Set<string>();
  for (const src of constSrc) for (const tok of src.match(FUNC_REF) ?? []) refs.add(tok);
  for (const tok of refs) out.push(`const ${tok} = FN[${tok.slice(1)}];`);
  return out;
}

/** A function reference in a constant expression's code. */
const FUNC_REF = /\bf\d+\b/g;

/** A function's JS parameter list (an i64 takes two). */
function paramList(ft: FuncType): string {
  const ps: string[] = [];
  ft.params.forEach((p, j) => {
    ps.push(`l${j}`);
    if (p === 'i64') ps.push(`l${j}h`);
  });
  return ps.join(', ');
}

/**
 * Generates defined function `fi`'s JS (`function f<fi>`, plus the trampoline wrapper and, in lazy
 * mode, the `$tb` link when it makes non-self tail calls). Needs only `ctx` and the body bytes.
 */
function compileBody(ctx: ModuleContext, fi: number, ft: FuncType, lazy: boolean): { src: string; tail: boolean } {
  const m = ctx.module;
  const body = m.codes[fi - (ctx.funcTypes.length - m.codes.length)]!;
  const fc = new FunctionCompiler(ctx, ft, body.locals, body.code.start, body.code.end);
  fc.selfIndex = fi;
  fc.instrument = true;
  fc.lazyRefs = lazy;
  let src = fc.compile(`f${fi}`);
  if (fc.containsTailCalls) {
    // Trampoline: the body returns TAIL to ask for a tail call; the wrapper runs the chain.
    src = src.replace(`function f${fi}(`, `function f${fi}$(`);
    const a = paramList(ft);
    src += `\nfunction f${fi}(${a}) {\n  const r = f${fi}$(${a});\n  return r === TAIL ? TRAMP() : r;\n}`;
    if (lazy) src += `\nf${fi}.$tb = f${fi}$;`;
  }
  const checks = fc.entryChecks();
  if (checks.length > 0) {
    const nl = src.indexOf('\n');
    src = src.slice(0, nl + 1) + checks.map((c) => '  ' + c).join('\n') + '\n' + src.slice(nl + 1);
  }
  return { src, tail: fc.containsTailCalls };
}

/**
 * The factory source of a lazily evaluated body: bindings of the prelude names it uses (from `E`),
 * `head` (its own hoisted helpers and constants), bindings of the instance-scope names it uses
 * (from `SC`), and the body, returned. A body that is one function is returned as a parenthesized
 * expression, which V8 compiles with the factory (in one parse: the function runs at once anyway);
 * a trampolined one is declared, then returned.
 */
function lazyFactory(src: string, fi: number, tail: boolean, scNames: ReadonlySet<string>, sourceName: string, head: string): string {
  const used = new Set<string>();
  const env: string[] = [];
  const binds: string[] = [];
  const self = `f${fi}`;
  const scanned = head + src;
  SC_TOKENS.lastIndex = 0;
  for (let mt = SC_TOKENS.exec(scanned); mt !== null; mt = SC_TOKENS.exec(scanned)) {
    const tok = mt[0];
    if (tok === self || used.has(tok)) continue;
    used.add(tok);
    const pre = PRELUDE_BINDS.get(tok);
    if (pre !== undefined) env.push(pre);
    // Functions (`f<k>`, and `fr<k>` for `ref.func`) are the stubs in FN; the rest is named in SC.
    else if (FUNC_TOKEN.test(tok)) binds.push(`${tok} = SC.FN[${tok.slice(tok.charCodeAt(1) === 0x72 ? 2 : 1)}]`);
    else if (scNames.has(tok)) binds.push(`${tok} = SC.${tok}`);
  }
  const envLine = env.length > 0 ? `const ${env.join(', ')};\n` : '';
  const bind = binds.length > 0 ? `const ${binds.join(', ')};\n` : '';
  const body = tail ? `${src}\nreturn ${self};` : `return (${src});`;
  return `${envLine}${head}${bind}${body}\n//# sourceURL=wasm-module-${sourceName}.js`;
}

/** A function token of a lazily evaluated body. */
const FUNC_TOKEN = /^fr?\d+$/;

/**
 * Names a lazily evaluated body may take from the instance scope object or the environment (the
 * prelude's names, matched as words: a name matched inside a string only costs a binding).
 */
const SC_TOKENS = new RegExp(
  `\\b(?:fr?|[GMTXK])\\d+\\b|\\$[A-Za-z0-9_]+|\\b(?:TY|SUB|EP|DL|FUEL|CI|DS|EL|${[...PRELUDE_BINDS.keys()].join('|')})\\b`,
  'g',
);

/** `s` with every character outside `A-Za-z0-9_.-` replaced by `_` (at most 64), or `anon`. */
function sanitize(s: string): string {
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const ok = (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 46 || ch === 45;
    t += ok ? s[i] : '_';
  }
  return t === '' ? 'anon' : t.slice(0, 64);
}
