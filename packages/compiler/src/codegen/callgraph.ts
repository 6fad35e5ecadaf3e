/**
 * Whole-module call-graph facts for code generation: which functions can (transitively) grow a
 * memory. Generated code caches memory views in locals and reloads them after a call only when
 * the callee may have grown a memory.
 * @module
 */
import { Op, Reader, opInfo, readerFeatures, skipImmediates, type Module } from '@wasmtide/parser';

/** Bodies are validated: accept exact heap types (custom descriptors). */
const FEATURES = readerFeatures({ customDescriptors: true });

/** What {@link growthAnalysis} finds. */
export interface GrowthFacts {
  /** Per function index (imports first): 1 if calling it may grow a memory. */
  readonly funcs: Uint8Array;
  /**
   * Whether a `call_indirect` through table `table` with type index `type` may grow a memory
   * (only targets whose type can pass the signature check count).
   */
  readonly indirect: (table: number, type: number) => boolean;
}

/**
 * Which functions may grow a memory when called: imports, and functions that reach
 * `memory.grow`, an import, `call_ref` (or its tail form) or a `call_indirect` through a table
 * that may hold such a function (a body that cannot be scanned counts too). A "closed" table (defined, not exported,
 * no initializer expression, never written by `table.set`/`grow`/`fill`/`copy`/`init` anywhere
 * in the module, and filled only by active segments of plain function indices or `ref.func` /
 * `ref.null` expressions) can only hold those functions, so calls through it grow memory only if
 * one of them may. Every other table counts as growing.
 */
export function growthAnalysis(m: Module, importedFuncs: number, importedTables: number): GrowthFacts {
  const n = importedFuncs + m.codes.length;
  const nt = importedTables + m.tables.length;
  // Candidate closed tables and their possible targets (decided after the code scan).
  const closed = new Uint8Array(nt);
  for (let t = importedTables; t < nt; t++) closed[t] = m.tables[t - importedTables]!.init === null ? 1 : 0;
  for (const e of m.exports) if (e.kind === 'table' && e.index < nt) closed[e.index] = 0;
  const targets: number[][] = Array.from({ length: nt }, () => []);
  for (const el of m.elems) {
    if (el.mode !== 'active') continue;
    const t = el.table;
    if (t >= nt || closed[t] === 0) continue;
    if (el.items.kind === 'funcs') {
      for (const f of el.items.funcs) targets[t]!.push(f);
      continue;
    }
    for (const ce of el.items.exprs) {
      const f = refFuncOf(m.bytes, ce.start, ce.end);
      if (f === -2) {
        closed[t] = 0;
        break;
      }
      if (f >= 0) targets[t]!.push(f);
    }
  }
  let tableWrites = false;
  const indirectFrom: number[] = [];
  const indirectTable: number[] = [];
  const indirectType: number[] = [];
  const keys = typeKeys(m);
  const funcType = (f: number): number => {
    if (f >= importedFuncs) return m.funcs[f - importedFuncs] ?? -1;
    let k = 0;
    for (const im of m.imports) {
      if (im.desc.kind !== 'func') continue;
      if (k++ === f) return im.desc.type;
    }
    return -1;
  };
  const grows = new Uint8Array(n);
  grows.fill(1, 0, importedFuncs);
  // Direct call edges, collected flat: callers[k] calls callees[k].
  let callers: Int32Array = new Int32Array(1024);
  let callees: Int32Array = new Int32Array(1024);
  let edges = 0;
  const addEdge = (from: number, to: number): void => {
    if (edges === callers.length) {
      callers = grow32(callers);
      callees = grow32(callees);
    }
    callers[edges] = from;
    callees[edges] = to;
    edges++;
  };
  const bytes = m.bytes;
  for (let i = 0; i < m.codes.length; i++) {
    const fi = importedFuncs + i;
    const code = m.codes[i]!.code;
    const r = new Reader(bytes, code.start, code.end, 'code');
    r.features = FEATURES;
    const end = code.end;
    try {
      while (r.pos < end) {
        // Fast path: one-byte opcodes with no or simple immediates, skipped on the bytes directly.
        r.pos = skipSimple(bytes, r.pos, end);
        if (r.pos >= end) break;
        const op = r.op();
        if (op === Op.Call || op === Op.ReturnCall) {
          const callee = r.u32();
          if (callee >= n) {
            grows[fi] = 1;
            continue;
          }
          addEdge(fi, callee);
        } else if (op === Op.CallIndirect || op === Op.ReturnCallIndirect) {
          const ty = r.u32();
          const t = r.u32();
          indirectFrom.push(fi);
          indirectTable.push(t);
          indirectType.push(ty);
        } else if (op === Op.MemoryGrow || op === Op.CallRef || op === Op.ReturnCallRef) {
          grows[fi] = 1;
          skipImmediates(r, op);
        } else {
          if (op === Op.TableSet || op === Op.TableGrow || op === Op.TableFill || op === Op.TableCopy || op === Op.TableInit) {
            tableWrites = true;
          }
          skipImmediates(r, op);
        }
      }
    } catch {
      // Unscannable: assume the worst of the rest of the body.
      grows[fi] = 1;
      tableWrites = true;
    }
  }
  // Indirect calls: one virtual node per distinct (table, type) called through a closed table, with
  // an edge from each call site's function to it and from it to each possible target (so a module
  // with many virtual-call sites over big tables costs sites + targets, not their product).
  if (tableWrites) closed.fill(0);
  const virt = new Map<number, number>();
  let nodes = n;
  const virtualTargets: [number, number, number][] = [];
  for (let k = 0; k < indirectFrom.length; k++) {
    const fi = indirectFrom[k]!;
    const t = indirectTable[k]!;
    if (t >= nt || closed[t] === 0) {
      grows[fi] = 1;
      continue;
    }
    const ty = indirectType[k]!;
    const id = ty * nt + t;
    let v = virt.get(id);
    if (v === undefined) {
      v = nodes++;
      virt.set(id, v);
      virtualTargets.push([v, t, ty]);
    }
    addEdge(fi, v);
  }
  const all = new Uint8Array(nodes);
  all.set(grows);
  for (const [v, t, ty] of virtualTargets) {
    const want = keys[ty] ?? null;
    for (const callee of targets[t]!) {
      if (want !== null && callee >= importedFuncs && callee < n) {
        // A target whose type can never pass the signature check is not a possible callee.
        const have = keys[funcType(callee)] ?? null;
        if (have !== null && have !== want) continue;
      }
      if (callee >= n) {
        all[v] = 1;
        break;
      }
      addEdge(v, callee);
    }
  }
  // Reverse adjacency (CSR), then propagate "grows" from callees to callers.
  const start = new Int32Array(nodes + 1);
  for (let k = 0; k < edges; k++) start[callees[k]! + 1]!++;
  for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodes);
  const rev = new Int32Array(edges);
  for (let k = 0; k < edges; k++) rev[fill[callees[k]!]!++] = callers[k]!;
  const work: number[] = [];
  for (let i = 0; i < nodes; i++) if (all[i] === 1) work.push(i);
  while (work.length > 0) {
    const f = work.pop()!;
    for (let k = start[f]!; k < start[f + 1]!; k++) {
      const c = rev[k]!;
      if (all[c] === 0) {
        all[c] = 1;
        work.push(c);
      }
    }
  }
  grows.set(all.subarray(0, n));
  const memo = new Map<number, boolean>();
  const indirect = (t: number, ty: number): boolean => {
    if (t >= nt || closed[t] === 0) return true;
    const id = ty * nt + t;
    let v = memo.get(id);
    if (v === undefined) {
      const want = keys[ty] ?? null;
      v = targets[t]!.some((f) => {
        if (f >= n || grows[f] === 1) {
          if (want === null || f < importedFuncs || f >= n) return true;
          const have = keys[funcType(f)] ?? null;
          return have === null || have === want;
        }
        return false;
      });
      memo.set(id, v);
    }
    return v;
  };
  return { funcs: grows, indirect };
}

/** How many functions one {@link demandGrowth} query may visit before it assumes the worst. */
const DEMAND_BUDGET = 256;

/**
 * Which functions may grow a memory when called, decided on demand (for code generated per
 * function on first call, where a whole-module pass would cost more than the code that runs): a
 * query walks the direct calls reachable from the function, scanning each body once (cached), and
 * answers "may grow" as soon as it meets an import, `memory.grow`, `call_ref`, an unscannable body,
 * or a `call_indirect` (tables are not analysed: that needs every body), or when the walk visits
 * more than {@link DEMAND_BUDGET} functions. "Cannot grow" is therefore always exact, and every
 * function {@link growthAnalysis} finds growing is found growing here too.
 */
export function demandGrowth(m: Module, importedFuncs: number): (func: number) => boolean {
  const n = importedFuncs + m.codes.length;
  // Per function: 0 unknown, 1 may grow (or assumed to), 2 cannot grow.
  const state = new Uint8Array(n);
  state.fill(1, 0, importedFuncs);
  // Direct callees of each scanned defined function (null: not scanned yet).
  const callees: (Int32Array | null)[] = new Array<Int32Array | null>(m.codes.length).fill(null);
  // Visit stamps of the current query.
  const seen = new Uint32Array(n);
  let stamp = 0;
  const queue: number[] = [];
  let buf: Int32Array = new Int32Array(64);
  /** Scans defined function `fi` (once): sets `state[fi] = 1` if it grows on its own. */
  const scan = (fi: number): Int32Array => {
    const code = m.codes[fi - importedFuncs]!.code;
    const bytes = m.bytes;
    const end = code.end;
    const r = new Reader(bytes, code.start, end, 'code');
    r.features = FEATURES;
    let k = 0;
    try {
      while (r.pos < end) {
        r.pos = skipSimple(bytes, r.pos, end);
        if (r.pos >= end) break;
        const op = r.op();
        if (op === Op.Call || op === Op.ReturnCall) {
          const callee = r.u32();
          if (callee < importedFuncs || callee >= n) {
            state[fi] = 1;
            break;
          }
          if (k === buf.length) buf = grow32(buf);
          buf[k++] = callee;
        } else if (op === Op.CallIndirect || op === Op.ReturnCallIndirect || op === Op.MemoryGrow || op === Op.CallRef || op === Op.ReturnCallRef) {
          state[fi] = 1;
          break;
        } else skipImmediates(r, op);
      }
    } catch {
      state[fi] = 1;
    }
    const out = state[fi] === 1 ? EMPTY : buf.slice(0, k);
    callees[fi - importedFuncs] = out;
    return out;
  };
  return (f: number): boolean => {
    if (!(f >= 0 && f < n)) return true;
    const s0 = state[f]!;
    if (s0 !== 0) return s0 === 1;
    stamp++;
    queue.length = 0;
    queue.push(f);
    seen[f] = stamp;
    let grows = false;
    for (let q = 0; q < queue.length && !grows; q++) {
      if (q >= DEMAND_BUDGET) {
        grows = true;
        break;
      }
      const g = queue[q]!;
      const cs = callees[g - importedFuncs] ?? scan(g);
      if (state[g] === 1) {
        grows = true;
        break;
      }
      for (let j = 0; j < cs.length; j++) {
        const c = cs[j]!;
        const sc = state[c]!;
        if (sc === 2 || seen[c] === stamp) continue;
        if (sc === 1) {
          grows = true;
          break;
        }
        seen[c] = stamp;
        queue.push(c);
      }
    }
    // Not growing: nothing reachable from any visited function grows (each one's callees were all
    // visited or known not to), so all of them are decided.
    if (grows) state[f] = 1;
    else for (let q = 0; q < queue.length; q++) state[queue[q]!] = 2;
    return grows;
  };
}

const EMPTY = new Int32Array(0);

/**
 * Per type index, a string equal for two function types exactly when they are the same
 * canonical type, or null when that is not decided this simply (types in a rec group of more than
 * one, with supertypes, non-final, or with reference-typed parameters or results).
 */
function typeKeys(m: Module): (string | null)[] {
  const keys: (string | null)[] = m.types.map(() => null);
  for (const g of m.recGroups) {
    if (g.count !== 1) continue;
    const st = m.types[g.start]!;
    if (!st.final || st.supers.length > 0 || st.comp.kind !== 'func') continue;
    const ft = st.comp;
    if (!ft.params.every((p) => typeof p === 'string') || !ft.results.every((p) => typeof p === 'string')) continue;
    keys[g.start] = `${ft.params.join(',')}>${ft.results.join(',')}`;
  }
  return keys;
}

/**
 * The function a constant expression `ref.func f` names (f), -1 for `ref.null`, -2 for anything
 * else. `end` is the offset of the expression's `end` opcode.
 */
function refFuncOf(bytes: Uint8Array, start: number, end: number): number {
  const r = new Reader(bytes, start, end, 'const');
  r.features = FEATURES;
  try {
    const op = r.op();
    if (op === Op.RefFunc) {
      const f = r.u32();
      return r.pos === end ? f : -2;
    }
    if (op === Op.RefNull) {
      skipImmediates(r, op);
      return r.pos === end ? -1 : -2;
    }
  } catch {
    // malformed: not closed
  }
  return -2;
}

const S_OTHER = 0;
const S_NONE = 1;
const S_LEB = 2;
const S_MEMARG = 3;
const S_F32 = 4;
const S_F64 = 5;
/**
 * How the scan skips each one-byte opcode's immediates; `S_OTHER` (calls, `memory.grow`, table
 * writes, blocks, prefixes, anything with other immediates) goes through the reader.
 */
const SIMPLE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let b = 0; b < 0xfb; b++) {
    const info = opInfo(b);
    if (info === undefined) continue;
    switch (info.imm) {
      case 'none':
        t[b] = S_NONE;
        break;
      case 'local':
      case 'global':
      case 'label':
      case 'i32':
      case 'i64':
        t[b] = S_LEB;
        break;
      case 'memarg':
        t[b] = S_MEMARG;
        break;
      case 'f32':
        t[b] = S_F32;
        break;
      case 'f64':
        t[b] = S_F64;
        break;
      default:
        break;
    }
  }
  for (const b of [Op.Call, Op.ReturnCall, Op.CallIndirect, Op.ReturnCallIndirect, Op.CallRef, Op.ReturnCallRef, Op.MemoryGrow, Op.TableSet]) t[b] = S_OTHER;
  return t;
})();

/**
 * Skips one-byte opcodes with no or simple immediates from `p` (their immediates read on the bytes
 * directly); returns the offset of the next other opcode, or `end`.
 */
function skipSimple(bytes: Uint8Array, p: number, end: number): number {
  while (p < end) {
    const k = SIMPLE[bytes[p]!]!;
    if (k === S_OTHER) return p;
    p++;
    if (k === S_LEB) {
      while (bytes[p++]! & 0x80);
    } else if (k === S_MEMARG) {
      const align = bytes[p]!;
      while (bytes[p++]! & 0x80);
      if (align & 0x40) while (bytes[p++]! & 0x80);
      while (bytes[p++]! & 0x80);
    } else if (k === S_F32) p += 4;
    else if (k === S_F64) p += 8;
  }
  return p;
}

function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
