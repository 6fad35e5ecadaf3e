/**
 * Whole-module call-graph facts for code generation: which functions can (transitively) grow a
 * memory. Generated code caches memory views in locals and reloads them after a call only when
 * the callee may have grown a memory.
 * @module
 */
import { Op, Reader, skipImmediates, type Module } from '@wasmtide/parser';

/**
 * For every function index (imports first), 1 if calling it may grow a memory, else 0. Imports
 * and functions that reach `memory.grow`, an import, or an indirect call (`call_indirect`,
 * `call_ref`, their tail forms) count as growing; a body that cannot be scanned counts too.
 */
export function growingFunctions(m: Module, importedFuncs: number): Uint8Array {
  const n = importedFuncs + m.codes.length;
  const grows = new Uint8Array(n);
  grows.fill(1, 0, importedFuncs);
  // Direct call edges, collected flat: callers[k] calls callees[k].
  let callers: Int32Array = new Int32Array(1024);
  let callees: Int32Array = new Int32Array(1024);
  let edges = 0;
  const bytes = m.bytes;
  for (let i = 0; i < m.codes.length; i++) {
    const fi = importedFuncs + i;
    const code = m.codes[i]!.code;
    const r = new Reader(bytes, code.start, code.end, 'code');
    try {
      while (r.pos < r.end) {
        const op = r.op();
        if (op === Op.Call || op === Op.ReturnCall) {
          const callee = r.u32();
          if (callee >= n) {
            grows[fi] = 1;
            break;
          }
          if (edges === callers.length) {
            callers = grow32(callers);
            callees = grow32(callees);
          }
          callers[edges] = fi;
          callees[edges] = callee;
          edges++;
        } else if (
          op === Op.MemoryGrow ||
          op === Op.CallIndirect ||
          op === Op.ReturnCallIndirect ||
          op === Op.CallRef ||
          op === Op.ReturnCallRef
        ) {
          grows[fi] = 1;
          break;
        } else {
          skipImmediates(r, op);
        }
      }
    } catch {
      grows[fi] = 1;
    }
  }
  // Reverse adjacency (CSR), then propagate "grows" from callees to callers.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < edges; k++) start[callees[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const rev = new Int32Array(edges);
  for (let k = 0; k < edges; k++) rev[fill[callees[k]!]!++] = callers[k]!;
  const work: number[] = [];
  for (let i = 0; i < n; i++) if (grows[i] === 1) work.push(i);
  while (work.length > 0) {
    const f = work.pop()!;
    for (let k = start[f]!; k < start[f + 1]!; k++) {
      const c = rev[k]!;
      if (grows[c] === 0) {
        grows[c] = 1;
        work.push(c);
      }
    }
  }
  return grows;
}

function grow32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
