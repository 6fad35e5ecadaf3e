/**
 * Memory operators: scalar loads and stores through the cached DataView (its RangeError is the
 * bounds check; the effective address is `(addr >>> 0) + offset` as a double, or the i64 pair as
 * a double for memory64), bulk memory and table operators, and the SIMD memory and lane
 * operators through the support library.
 * @module
 */
import { Op, readMemArg, type Reader } from '@wasmtide/parser';
import { CompileError, type Kind } from './context.js';
import type { Entry, FunctionCompiler } from './function.js';
import type { OpHandler } from './ops.js';

/** The effective address expression of a memory access. */
export function memAddr(c: FunctionCompiler, a: Entry, mem: number, offset: number): string {
  const m = c.ctx.memories[mem];
  if (m === undefined) throw new CompileError(`unknown memory ${mem}`, c.r.pos);
  let base: string;
  if (m.addr === 'i64') base = `((${a.h} >>> 0) * 4294967296 + (${a.e} >>> 0))`;
  else {
    // A constant address (common in code that reads its static data) is folded.
    const v = intLiteral(a.e);
    if (v !== null) return String((v >>> 0) + offset);
    base = `(${a.e} >>> 0)`;
  }
  return offset === 0 ? base : `${base} + ${offset}`;
}

/** The value of an i32 literal as `fmtInt` writes it (`12`, `(-3)`), or null for any other expression. */
function intLiteral(e: string): number | null {
  const n = e.length;
  let i = 0;
  let end = n;
  if (e.charCodeAt(0) === 40 /* ( */) {
    if (e.charCodeAt(1) !== 45 /* - */ || e.charCodeAt(n - 1) !== 41 /* ) */) return null;
    i = 2;
    end = n - 1;
  }
  if (i >= end || end - i > 10) return null;
  for (let j = i; j < end; j++) {
    const ch = e.charCodeAt(j);
    if (ch < 48 || ch > 57) return null;
  }
  return i === 0 ? Number(e) : -Number(e.slice(i, end));
}

/** An unsigned index/length operand as a double (i32: `>>> 0`, i64: the pair). */
export function uidx(c: FunctionCompiler, a: Entry): string {
  if (a.k === 'i64') return `((${a.h} >>> 0) * 4294967296 + (${a.e} >>> 0))`;
  return `(${a.e} >>> 0)`;
}

function load(c: FunctionCompiler, mem: number, offset: number, k: Kind, get: string, little: boolean): void {
  const a = c.pop();
  const ea = memAddr(c, a, mem, offset);
  c.result(k, `${c.dv(mem)}.${get}(${ea}${little ? ', true' : ''})`);
}

type Load64Mode = 'full' | 's8' | 'u8' | 's16' | 'u16' | 's32' | 'u32';

function load64(c: FunctionCompiler, mem: number, offset: number, mode: Load64Mode): void {
  const a = c.pop();
  const ea = memAddr(c, a, mem, offset);
  const dv = c.dv(mem);
  const d = c.stack.length;
  const l = c.slot('i64', d);
  const h = c.hiSlot(d);
  switch (mode) {
    case 'full':
      c.emit(`ea = ${ea}; t0 = ${dv}.getInt32(ea, true); ${h} = ${dv}.getInt32(ea + 4, true); ${l} = t0;`);
      break;
    case 's8':
      c.emit(`${l} = ${dv}.getInt8(${ea}); ${h} = ${l} >> 31;`);
      break;
    case 'u8':
      c.emit(`${l} = ${dv}.getUint8(${ea}); ${h} = 0;`);
      break;
    case 's16':
      c.emit(`${l} = ${dv}.getInt16(${ea}, true); ${h} = ${l} >> 31;`);
      break;
    case 'u16':
      c.emit(`${l} = ${dv}.getUint16(${ea}, true); ${h} = 0;`);
      break;
    case 's32':
      c.emit(`${l} = ${dv}.getInt32(${ea}, true); ${h} = ${l} >> 31;`);
      break;
    case 'u32':
      c.emit(`${l} = ${dv}.getInt32(${ea}, true); ${h} = 0;`);
      break;
  }
  c.push('i64', l, h);
}

function store(c: FunctionCompiler, mem: number, offset: number, set: string, little: boolean): void {
  const v = c.pop();
  const a = c.pop();
  const ea = memAddr(c, a, mem, offset);
  c.emit(`${c.dv(mem)}.${set}(${ea}, ${v.e}${little ? ', true' : ''});`);
}

function store64(c: FunctionCompiler, mem: number, offset: number): void {
  const v = c.pop();
  const a = c.pop();
  const ea = memAddr(c, a, mem, offset);
  const dv = c.dv(mem);
  c.emit(`ea = ${ea}; ${dv}.setInt32(ea + 4, ${v.h}, true); ${dv}.setInt32(ea, ${v.e}, true);`);
}

/** A scalar load or store. */
export function memOp(c: FunctionCompiler, op: number): void {
  const ma = readMemArg(c.r);
  const m = ma.memory;
  const o = ma.offset;
  switch (op) {
    case Op.I32Load:
      return load(c, m, o, 'i32', 'getInt32', true);
    case Op.F32Load: {
      const a = c.pop();
      c.result('f32', `${c.helper('f32_load')}(${c.dv(m)}, ${memAddr(c, a, m, o)})`);
      return;
    }
    case Op.F64Load:
      return load(c, m, o, 'f64', 'getFloat64', true);
    case Op.I32Load8S:
      return load(c, m, o, 'i32', 'getInt8', false);
    case Op.I32Load8U:
      return load(c, m, o, 'i32', 'getUint8', false);
    case Op.I32Load16S:
      return load(c, m, o, 'i32', 'getInt16', true);
    case Op.I32Load16U:
      return load(c, m, o, 'i32', 'getUint16', true);
    case Op.I64Load:
      return load64(c, m, o, 'full');
    case Op.I64Load8S:
      return load64(c, m, o, 's8');
    case Op.I64Load8U:
      return load64(c, m, o, 'u8');
    case Op.I64Load16S:
      return load64(c, m, o, 's16');
    case Op.I64Load16U:
      return load64(c, m, o, 'u16');
    case Op.I64Load32S:
      return load64(c, m, o, 's32');
    case Op.I64Load32U:
      return load64(c, m, o, 'u32');
    case Op.I32Store:
    case Op.I64Store32:
      return store(c, m, o, 'setInt32', true);
    case Op.F32Store: {
      const v = c.pop();
      const a = c.pop();
      c.emit(`${c.helper('f32_store')}(${c.dv(m)}, ${memAddr(c, a, m, o)}, ${v.e});`);
      return;
    }
    case Op.F64Store:
      return store(c, m, o, 'setFloat64', true);
    case Op.I32Store8:
    case Op.I64Store8:
      return store(c, m, o, 'setInt8', false);
    case Op.I32Store16:
    case Op.I64Store16:
      return store(c, m, o, 'setInt16', true);
    case Op.I64Store:
      return store64(c, m, o);
  }
}

/** Memory index and offset of the memory argument last read by {@link readMem}. */
let maMemory = 0;
let maOffset = 0;

/** Reads a memory argument into `maMemory`/`maOffset` (one-byte flags and offset without allocating). */
function readMem(r: Reader): void {
  const p = r.pos;
  const b = r.bytes;
  if (p + 1 < r.end && b[p]! < 0x40 && b[p + 1]! < 0x80) {
    r.pos = p + 2;
    maMemory = 0;
    maOffset = b[p + 1]!;
    return;
  }
  const ma = readMemArg(r);
  maMemory = ma.memory;
  maOffset = ma.offset;
}

/** Handlers of the scalar loads and stores, by opcode. */
export function memHandlers(): [number, OpHandler][] {
  const out: [number, OpHandler][] = [];
  const loads: [number, Kind, string, boolean][] = [
    [Op.I32Load, 'i32', 'getInt32', true],
    [Op.F64Load, 'f64', 'getFloat64', true],
    [Op.I32Load8S, 'i32', 'getInt8', false],
    [Op.I32Load8U, 'i32', 'getUint8', false],
    [Op.I32Load16S, 'i32', 'getInt16', true],
    [Op.I32Load16U, 'i32', 'getUint16', true],
  ];
  for (const [op, k, get, little] of loads) {
    out.push([
      op,
      (c) => {
        readMem(c.r);
        load(c, maMemory, maOffset, k, get, little);
      },
    ]);
  }
  const loads64: [number, Load64Mode][] = [
    [Op.I64Load, 'full'],
    [Op.I64Load8S, 's8'],
    [Op.I64Load8U, 'u8'],
    [Op.I64Load16S, 's16'],
    [Op.I64Load16U, 'u16'],
    [Op.I64Load32S, 's32'],
    [Op.I64Load32U, 'u32'],
  ];
  for (const [op, mode] of loads64) {
    out.push([
      op,
      (c) => {
        readMem(c.r);
        load64(c, maMemory, maOffset, mode);
      },
    ]);
  }
  const stores: [number, string, boolean][] = [
    [Op.I32Store, 'setInt32', true],
    [Op.I64Store32, 'setInt32', true],
    [Op.F64Store, 'setFloat64', true],
    [Op.I32Store8, 'setInt8', false],
    [Op.I64Store8, 'setInt8', false],
    [Op.I32Store16, 'setInt16', true],
    [Op.I64Store16, 'setInt16', true],
  ];
  for (const [op, set, little] of stores) {
    out.push([
      op,
      (c) => {
        readMem(c.r);
        store(c, maMemory, maOffset, set, little);
      },
    ]);
  }
  out.push([
    Op.I64Store,
    (c) => {
      readMem(c.r);
      store64(c, maMemory, maOffset);
    },
  ]);
  out.push([Op.F32Load, (c, op) => memOp(c, op)]);
  out.push([Op.F32Store, (c, op) => memOp(c, op)]);
  return out;
}

/** A bulk memory or table operator (0xFC 8..17). */
export function bulkOp(c: FunctionCompiler, op: number): void {
  const r = c.r;
  switch (op) {
    case Op.MemoryInit: {
      const seg = r.u32();
      const m = r.u32();
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      c.emit(`memInit(M${m}, ${uidx(c, d)}, DS[${seg}], ${uidx(c, s)}, ${uidx(c, n)});`);
      return;
    }
    case Op.DataDrop:
      c.emit(`DS[${r.u32()}] = EMPTY8;`);
      return;
    case Op.MemoryCopy: {
      const md = r.u32();
      const ms = r.u32();
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      c.emit(`memCopy(M${md}, ${uidx(c, d)}, M${ms}, ${uidx(c, s)}, ${uidx(c, n)});`);
      return;
    }
    case Op.MemoryFill: {
      const m = r.u32();
      const n = c.pop();
      const v = c.pop();
      const d = c.pop();
      c.emit(`memFill(M${m}, ${uidx(c, d)}, ${v.e}, ${uidx(c, n)});`);
      return;
    }
    case Op.TableInit: {
      const seg = r.u32();
      const t = r.u32();
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      c.emit(`tableInit(T${t}, ${uidx(c, d)}, EL[${seg}], ${uidx(c, s)}, ${uidx(c, n)});`);
      return;
    }
    case Op.ElemDrop:
      c.emit(`EL[${r.u32()}] = EMPTYA;`);
      return;
    case Op.TableCopy: {
      const td = r.u32();
      const ts = r.u32();
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      c.emit(`tableCopy(T${td}, ${uidx(c, d)}, T${ts}, ${uidx(c, s)}, ${uidx(c, n)});`);
      return;
    }
    case Op.TableGrow: {
      const t = r.u32();
      const n = c.pop();
      const v = c.pop();
      const tt = c.ctx.tables[t];
      if (tt?.addr === 'i64') {
        const [l, h] = c.nextSlot('i64');
        c.emit(`${l} = tableGrow(T${t}, ${v.e}, ${uidx(c, n)}); ${h} = ${l} < 0 ? -1 : 0;`);
        c.pushSlot('i64');
      } else {
        c.result('i32', `tableGrow(T${t}, ${v.e}, ${uidx(c, n)})`);
      }
      return;
    }
    case Op.TableSize: {
      const t = r.u32();
      const tt = c.ctx.tables[t];
      if (tt?.addr === 'i64') c.result64(`T${t}.elements.length`, '0');
      else c.result('i32', `T${t}.elements.length`);
      return;
    }
    case Op.TableFill: {
      const t = r.u32();
      const n = c.pop();
      const v = c.pop();
      const d = c.pop();
      c.emit(`tableFill(T${t}, ${uidx(c, d)}, ${v.e}, ${uidx(c, n)});`);
      return;
    }
  }
  throw new CompileError(`unsupported operator 0x${op.toString(16)}`, c.r.pos);
}

/** A SIMD operator with immediates (constants, lanes, shuffles, memory). */
export function simdOp(c: FunctionCompiler, op: number, name: string, imm: string, sig: string | null): void {
  const r = c.r;
  const h = name.replace(/\./g, '_');
  switch (imm) {
    case 'v128': {
      const w: number[] = [];
      for (let i = 0; i < 4; i++) w.push(r.f32Bits() | 0);
      c.push('v128', c.constant(`S.v128_const(${w.join(', ')})`));
      return;
    }
    case 'shuffle': {
      const lanes: number[] = [];
      for (let i = 0; i < 16; i++) lanes.push(r.u8());
      const k = c.constant(`E.shuffleLanes([${lanes.join(', ')}])`);
      c.genericHelper(name, sig ?? 'vv:v', [k]);
      return;
    }
    case 'lane':
      c.genericHelper(name, sig!, [String(r.u8())]);
      return;
    case 'memarg':
    case 'memarg_lane': {
      const ma = readMemArg(r);
      const lane = imm === 'memarg_lane' ? r.u8() : -1;
      const isStore = name.startsWith('v128.store');
      const fn = c.helper(h);
      if (imm === 'memarg') {
        if (isStore) {
          const v = c.pop();
          const a = c.pop();
          c.emit(`${fn}(${c.dv(ma.memory)}, ${memAddr(c, a, ma.memory, ma.offset)}, ${v.e});`);
        } else {
          const a = c.pop();
          c.result('v128', `${fn}(${c.dv(ma.memory)}, ${memAddr(c, a, ma.memory, ma.offset)})`);
        }
      } else {
        const v = c.pop();
        const a = c.pop();
        const call = `${fn}(${c.dv(ma.memory)}, ${memAddr(c, a, ma.memory, ma.offset)}, ${v.e}, ${lane})`;
        if (isStore) c.emit(`${call};`);
        else c.result('v128', call);
      }
      return;
    }
  }
  throw new CompileError(`unsupported operator ${name}`, r.pos);
}

const RMW_OPS: Record<string, number> = { add: 0, sub: 1, and: 2, or: 3, xor: 4, xchg: 5 };

/** A threads operator (0xFE prefix): atomic loads, stores, read-modify-writes, wait, notify, fence. */
export function atomicOp(c: FunctionCompiler, name: string, sig: string, align: number): void {
  const r = c.r;
  if (name === 'atomic.fence') {
    r.u8();
    return;
  }
  const ma = readMemArg(r);
  const [ins, outs] = sig.split(':') as [string, string];
  const vals = c.topN(ins.length);
  c.stack.length -= ins.length;
  const ea = memAddr(c, vals[0]!, ma.memory, ma.offset);
  const dv = c.dv(ma.memory);
  const size = 1 << align;
  const ops: string[] = [];
  for (const v of vals.slice(1)) ops.push(v.e, v.k === 'i64' ? v.h : '0');
  let call: string;
  if (name === 'memory.atomic.notify') call = `atomicNotify(${dv}, ${ea})`;
  else if (name.startsWith('memory.atomic.wait')) call = `atomicWait(M${ma.memory}, ${ea}, ${size}, ${ops[0]}, ${ops[1]})`;
  else {
    const rest = name.slice(name.indexOf('atomic.') + 7);
    if (rest.startsWith('load')) call = `atomicLoad(${dv}, ${ea}, ${size}, HI)`;
    else if (rest.startsWith('store')) call = `atomicStore(${dv}, ${ea}, ${size}, ${ops[0]}, ${ops[1]})`;
    else if (rest.endsWith('cmpxchg') || rest.endsWith('cmpxchg_u')) call = `atomicCmpxchg(${dv}, ${ea}, ${size}, ${ops.join(', ')}, HI)`;
    else {
      const opName = rest.slice(rest.indexOf('.') + 1).replace(/_u$/, '');
      const code = RMW_OPS[opName];
      if (code === undefined) throw new CompileError(`unsupported operator ${name}`, r.pos);
      call = `atomicRmw(${dv}, ${ea}, ${size}, ${code}, ${ops[0]}, ${ops[1]}, HI)`;
    }
  }
  if (outs === '') c.emit(`${call};`);
  else if (outs === 'I') c.result64Call(call);
  else c.result('i32', call);
}
