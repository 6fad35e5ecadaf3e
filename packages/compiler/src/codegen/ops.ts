/**
 * The operator dispatch of the function compiler: one small handler per one-byte opcode, found by
 * indexing {@link BYTE_OPS} with the opcode (no chain of comparisons per instruction, and each
 * handler is small enough for V8 to optimize within the first compilation). Prefixed opcodes and
 * the operators without a handler of their own go through {@link otherOp}.
 * @module
 */
import { Op, opInfo, readBlockType, readHeapType, readValType } from '@wasmtide/parser';
import { TrapCode } from '../trap.js';
import { CompileError, funcTypeAt, kindOf } from './context.js';
import { emitGc } from './gc.js';
import { atomicOp, bulkOp, memHandlers, simdOp, uidx } from './memory.js';
import { emitNumeric, numericHandlers } from './numeric.js';
import { legacyTry, tryTable } from './exceptions.js';
import { FLATTEN_DEPTH, fmtInt, localEntry, type Entry, type Frame, type FunctionCompiler } from './function.js';

/** Generates one operator: reads its immediates from `c.r` and emits its code. */
export type OpHandler = (c: FunctionCompiler, op: number, at: number) => void;

/**
 * Every operator without a handler of its own: prefixed opcodes (bulk memory, GC, SIMD, threads),
 * and the numeric operators that call a support helper named after them.
 */
export function otherOp(c: FunctionCompiler, op: number, at: number): void {
  if (op >= 0xfc000 && op <= 0xfc011 && op >= Op.MemoryInit) {
    bulkOp(c, op);
    return;
  }
  if (emitNumeric(c, op)) return;
  // (emitGc is only reached for GC opcodes: it is big, and V8 compiles a function on its first call.)
  if (op >= 0xfb000 && op < 0xfc000 && emitGc(c, op)) return;
  const info = opInfo(op);
  if (info !== undefined && info.sig !== null && info.imm === 'none') {
    c.genericHelper(info.name, info.sig);
    return;
  }
  if (info !== undefined && op >= 0xfe000 && info.sig !== null) {
    atomicOp(c, info.name, info.sig, info.align);
    return;
  }
  if (info !== undefined && op >= 0xfd000 && op < 0xfe000) {
    simdOp(c, op, info.name, info.imm, info.sig);
    return;
  }
  throw new CompileError(`unsupported operator ${info?.name ?? '0x' + op.toString(16)}`, at);
}

function unreachable(c: FunctionCompiler): void {
  c.emit(`${c.trapCode(TrapCode.Unreachable)};`);
  c.dead = true;
}

function nop(): void {}

function newFrame(kind: Frame['kind'], label: string, height: number, params: Frame['params'], results: Frame['results']): Frame {
  return { kind, label, height, params, results, exVar: '', hasCatchAll: false, inCatch: false, flat: -1, caseId: 0 };
}

function block(c: FunctionCompiler, op: number): void {
  const sig = c.blockSig(readBlockType(c.r));
  let cond = '';
  if (op === Op.If) cond = c.pop().e;
  c.settle(sig.params.length);
  const height = c.stack.length - sig.params.length;
  if (op === Op.Block) {
    const parent = c.frames[c.frames.length - 1]!;
    if (parent.flat >= 0) {
      // A member of the parent's dispatch chain: no JS block of its own.
      const f = newFrame('block', '', height, sig.params, sig.results);
      f.flat = parent.flat;
      f.caseId = ++c.dispatchCases[parent.flat]!;
      c.frames.push(f);
      return;
    }
    if (c.indent >= FLATTEN_DEPTH) {
      const d = c.dispatchCases.length;
      c.dispatchCases.push(0);
      c.slotNames.add(`s${d}`);
      const f = newFrame('block', `D${d}`, height, sig.params, sig.results);
      f.flat = d;
      c.frames.push(f);
      c.emit(`s${d} = 0; D${d}: for (;;) { switch (s${d}) { case 0:`);
      c.indent++;
      return;
    }
  }
  const label = c.newLabel();
  c.frames.push(newFrame(op === Op.Block ? 'block' : op === Op.Loop ? 'loop' : 'if', label, height, sig.params, sig.results));
  if (op === Op.Block) c.emit(`${label}: {`);
  else if (op === Op.Loop) c.emit(`${label}: while (true) {`);
  else c.emit(`${label}: if (${cond}) {`);
  c.indent++;
  if (op === Op.Loop) c.loopHeader();
}

function elseOp(c: FunctionCompiler, _op: number, at: number): void {
  const f = c.frames[c.frames.length - 1]!;
  if (f.kind !== 'if') throw new CompileError('else without if', at);
  if (!c.dead) c.moveResults(f);
  c.indent--;
  c.emit('} else {');
  c.indent++;
  f.kind = 'else';
  c.resetTo(f, f.params);
  c.dead = false;
}

function end(c: FunctionCompiler): void {
  c.end();
}

function br(c: FunctionCompiler): void {
  const f = c.frameAt(c.r.u32());
  c.emit(c.jumpCode(f, c.topN(c.branchArity(f))));
  c.dead = true;
}

function brIf(c: FunctionCompiler): void {
  const f = c.frameAt(c.r.u32());
  const cond = c.pop();
  c.emit(`if (${cond.e}) { ${c.jumpCode(f, c.topN(c.branchArity(f)))} }`);
}

function brTable(c: FunctionCompiler, _op: number, at: number): void {
  const r = c.r;
  const n = r.u32();
  if (n > r.end - r.pos) throw new CompileError('br_table too long', at);
  const targets: number[] = [];
  for (let i = 0; i < n; i++) targets.push(r.u32());
  const def = r.u32();
  const idx = c.pop();
  const codeOf = (d: number): string => {
    const f = c.frameAt(d);
    return c.jumpCode(f, c.topN(c.branchArity(f)));
  };
  const defCode = codeOf(def);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const code = codeOf(targets[i]!);
    if (code === defCode) continue;
    let g = groups.get(code);
    if (g === undefined) groups.set(code, (g = []));
    g.push(i);
  }
  if (groups.size === 0) {
    c.emit(defCode);
  } else {
    c.emit(`switch (${idx.e}) {`);
    for (const [code, cases] of groups) {
      c.emit(`  ${cases.map((i) => `case ${i}:`).join(' ')} ${code}`);
    }
    c.emit(`  default: ${defCode}`);
    c.emit('}');
  }
  c.dead = true;
}

function returnOp(c: FunctionCompiler): void {
  c.emit(c.returnCode(c.topN(c.type.results.length)));
  c.dead = true;
}

function call(c: FunctionCompiler, _op: number, at: number): void {
  const ctx = c.ctx;
  const fi = c.r.u32();
  const ti = ctx.funcTypes[fi];
  if (ti === undefined) throw new CompileError(`unknown function ${fi}`, at);
  const mg = ctx.mayGrow;
  c.emitCall(funcTypeAt(ctx, ti), `f${fi}`, '', mg === undefined || mg(fi));
}

function callIndirect(c: FunctionCompiler, op: number): void {
  const ti = c.r.u32();
  const table = c.r.u32();
  const ft = funcTypeAt(c.ctx, ti);
  const callee = c.callIndirectCallee(ti, table);
  // The callee expression must be evaluated before the arguments are consumed: put it in t-var.
  const pre = `t1 = ${callee};`;
  const mgi = c.ctx.mayGrowIndirect;
  if (op === Op.CallIndirect) c.emitCall(ft, 't1', pre, mgi === undefined || mgi(table, ti));
  else c.emitTailCall(ft, 't1', pre);
}

function returnCall(c: FunctionCompiler, _op: number, at: number): void {
  const fi = c.r.u32();
  const ti = c.ctx.funcTypes[fi];
  if (ti === undefined) throw new CompileError(`unknown function ${fi}`, at);
  c.emitTailCall(funcTypeAt(c.ctx, ti), `f${fi}`);
}

function callRef(c: FunctionCompiler, op: number): void {
  const ti = c.r.u32();
  const ft = funcTypeAt(c.ctx, ti);
  const fn = c.pop();
  const pre = `t1 = ${fn.e}; if (t1 === null) ${c.trapCode(TrapCode.NullFunctionReference)};`;
  if (op === Op.CallRef) c.emitCall(ft, 't1', pre);
  else c.emitTailCall(ft, 't1', pre);
}

function drop(c: FunctionCompiler): void {
  c.pop();
}

function select(c: FunctionCompiler, op: number): void {
  if (op === Op.SelectT) {
    const n = c.r.u32();
    for (let i = 0; i < n; i++) readValType(c.r);
  }
  const cond = c.pop();
  const b = c.pop();
  const a = c.pop();
  if (a.k === 'i64') {
    const d = c.stack.length;
    const l = c.slot('i64', d);
    const h = c.hiSlot(d);
    c.emit(`if (${cond.e}) { t0 = ${a.e}; t1 = ${a.h}; } else { t0 = ${b.e}; t1 = ${b.h}; } ${l} = t0; ${h} = t1;`);
    c.push('i64', l, h);
  } else {
    c.result(a.k, `${cond.e} ? ${a.e} : ${b.e}`);
  }
}

function localGet(c: FunctionCompiler): void {
  const r = c.r;
  const p = r.pos;
  const b = r.bytes[p]!;
  let i: number;
  if (b < 0x80 && p < r.end) {
    r.pos = p + 1;
    i = b;
  } else i = r.u32();
  const k = c.localKinds[i];
  if (k === undefined) c.localName(i);
  c.stack.push(localEntry(k!, i));
}

function localSet(c: FunctionCompiler, op: number): void {
  const i = c.r.u32();
  const n = c.localName(i);
  const v = c.pop();
  const before = c.out.length;
  c.spillLocal(n);
  if (v.e !== n) {
    if (v.k === 'i64') c.emit(`${n} = ${v.e}; ${n}h = ${v.h};`);
    else if (!(c.out.length === before && c.retarget(v, n))) c.emit(`${n} = ${v.e};`);
  }
  if (op === Op.LocalTee) c.stack.push(localEntry(v.k, i));
}

function globalGet(c: FunctionCompiler, _op: number, at: number): void {
  const g = c.r.u32();
  const gt = c.ctx.globals[g];
  if (gt === undefined) throw new CompileError(`unknown global ${g}`, at);
  const k = kindOf(gt.type);
  if (k === 'i64') {
    const d = c.stack.length;
    const l = c.slot('i64', d);
    const h = c.hiSlot(d);
    c.emit(`${l} = G${g}.v; ${h} = G${g}.h;`);
    c.push('i64', l, h);
  } else {
    c.result(k, `G${g}.v`);
  }
}

function globalSet(c: FunctionCompiler): void {
  const g = c.r.u32();
  const v = c.pop();
  if (v.k === 'i64') c.emit(`G${g}.v = ${v.e}; G${g}.h = ${v.h};`);
  else c.emit(`G${g}.v = ${v.e};`);
}

function tableGet(c: FunctionCompiler): void {
  const t = c.r.u32();
  const i = c.pop();
  c.result('ref', `tableGet(T${t}, ${uidx(c, i)})`);
}

function tableSet(c: FunctionCompiler): void {
  const t = c.r.u32();
  const v = c.pop();
  const i = c.pop();
  c.emit(`tableSet(T${t}, ${uidx(c, i)}, ${v.e});`);
}

function memorySize(c: FunctionCompiler, _op: number, at: number): void {
  const m = c.r.u32();
  const mt = c.ctx.memories[m];
  if (mt === undefined) throw new CompileError(`unknown memory ${m}`, at);
  if (mt.addr === 'i64') c.result64(`M${m}.pages`, '0');
  else c.result('i32', `M${m}.pages`);
}

function memoryGrow(c: FunctionCompiler, _op: number, at: number): void {
  const m = c.r.u32();
  const mt = c.ctx.memories[m];
  if (mt === undefined) throw new CompileError(`unknown memory ${m}`, at);
  const dlt = c.pop();
  if (mt.addr === 'i64') {
    const d = c.stack.length;
    const l = c.slot('i64', d);
    const h = c.hiSlot(d);
    c.emit(`${l} = M${m}.grow(${uidx(c, dlt)}); ${h} = ${l} < 0 ? -1 : 0;`);
    c.push('i64', l, h);
  } else {
    c.result('i32', `M${m}.grow(${uidx(c, dlt)})`);
  }
  c.reload();
}

function i32Const(c: FunctionCompiler): void {
  const r = c.r;
  const p = r.pos;
  const b = r.bytes[p]!;
  let v: number;
  if (b < 0x80 && p < r.end) {
    // One-byte LEB128 (most constants): 0..63, or -64..-1 with the sign bit 0x40.
    r.pos = p + 1;
    v = b < 0x40 ? b : b - 0x80;
  } else v = r.s32();
  c.stack.push(v >= -64 && v < 1024 ? I32_CONSTS[v + 64]! : { k: 'i32', e: fmtInt(v), h: '' });
}

/** Entries of the small i32 constants, -64 to 1023. */
const I32_CONSTS: readonly Entry[] = Array.from({ length: 1088 }, (_, i) => ({ k: 'i32', e: fmtInt(i - 64), h: '' }));

function i64Const(c: FunctionCompiler): void {
  const r = c.r;
  const p = r.pos;
  const b = r.bytes[p]!;
  if (b < 0x80 && p < r.end) {
    r.pos = p + 1;
    const v = b < 0x40 ? b : b - 0x80;
    c.push('i64', fmtInt(v), v < 0 ? '(-1)' : '0');
    return;
  }
  const v = r.s64();
  const lo = Number(BigInt.asIntN(32, v));
  const hi = Number(BigInt.asIntN(32, v >> 32n));
  c.push('i64', fmtInt(lo), fmtInt(hi));
}

function f32Const(c: FunctionCompiler): void {
  c.push('f32', c.f32Literal(c.r.f32Bits()));
}

function f64Const(c: FunctionCompiler): void {
  const lo = c.r.f32Bits();
  const hi = c.r.f32Bits();
  c.push('f64', c.f64Literal(lo, hi));
}

function refNull(c: FunctionCompiler): void {
  readHeapType(c.r);
  c.push('ref', 'null');
}

function refIsNull(c: FunctionCompiler): void {
  const v = c.pop();
  c.result('i32', `${v.e} === null ? 1 : 0`);
}

function refFunc(c: FunctionCompiler): void {
  const f = c.r.u32();
  c.push('ref', c.lazyRefs ? `fr${f}` : `f${f}`);
}

function refEq(c: FunctionCompiler): void {
  const b = c.pop();
  const a = c.pop();
  c.result('i32', `${a.e} === ${b.e} ? 1 : 0`);
}

function refAsNonNull(c: FunctionCompiler): void {
  const v = c.pop();
  c.emit(`if (${v.e} === null) ${c.trapCode(TrapCode.NullReference)};`);
  c.stack.push(v);
}

function brOnNull(c: FunctionCompiler): void {
  const f = c.frameAt(c.r.u32());
  const v = c.pop();
  c.emit(`if (${v.e} === null) { ${c.jumpCode(f, c.topN(c.branchArity(f)))} }`);
  c.stack.push(v);
}

function brOnNonNull(c: FunctionCompiler, _op: number, at: number): void {
  const f = c.frameAt(c.r.u32());
  const v: Entry | undefined = c.stack[c.stack.length - 1];
  if (v === undefined) throw new CompileError('operand stack underflow', at);
  c.emit(`if (${v.e} !== null) { ${c.jumpCode(f, c.topN(c.branchArity(f)))} }`);
  c.pop();
}

function throwOp(c: FunctionCompiler, _op: number, at: number): void {
  const tag = c.r.u32();
  const ti = c.ctx.tags[tag];
  if (ti === undefined) throw new CompileError(`unknown tag ${tag}`, at);
  const args = c.callArgs(funcTypeAt(c.ctx, ti).params);
  c.emit(`${c.fuelSave}throw new Exn(X${tag}, PL(${args}));`);
  c.dead = true;
}

function throwRef(c: FunctionCompiler): void {
  const v = c.pop();
  c.emit(`t1 = ${v.e}; if (t1 === null) ${c.trapCode(TrapCode.NullReference)}; ${c.fuelSave}throw t1;`);
  c.dead = true;
}

function tryTableOp(c: FunctionCompiler): void {
  tryTable(c);
}

/** Handlers of the one-byte opcodes, by opcode. */
export const BYTE_OPS: readonly OpHandler[] = (() => {
  const t: OpHandler[] = [];
  for (let i = 0; i < 256; i++) t.push(otherOp);
  const set = (ops: readonly number[], h: OpHandler): void => {
    for (const op of ops) t[op] = h;
  };
  set([Op.Unreachable], unreachable);
  set([Op.Nop], nop);
  set([Op.Block, Op.Loop, Op.If], block);
  set([Op.Else], elseOp);
  set([Op.End], end);
  set([Op.Br], br);
  set([Op.BrIf], brIf);
  set([Op.BrTable], brTable);
  set([Op.Return], returnOp);
  set([Op.Call], call);
  set([Op.CallIndirect, Op.ReturnCallIndirect], callIndirect);
  set([Op.ReturnCall], returnCall);
  set([Op.CallRef, Op.ReturnCallRef], callRef);
  set([Op.Drop], drop);
  set([Op.Select, Op.SelectT], select);
  set([Op.LocalGet], localGet);
  set([Op.LocalSet, Op.LocalTee], localSet);
  set([Op.GlobalGet], globalGet);
  set([Op.GlobalSet], globalSet);
  set([Op.TableGet], tableGet);
  set([Op.TableSet], tableSet);
  for (const [op, h] of memHandlers()) t[op] = h;
  set([Op.MemorySize], memorySize);
  set([Op.MemoryGrow], memoryGrow);
  set([Op.I32Const], i32Const);
  set([Op.I64Const], i64Const);
  set([Op.F32Const], f32Const);
  set([Op.F64Const], f64Const);
  set([Op.RefNull], refNull);
  set([Op.RefIsNull], refIsNull);
  set([Op.RefFunc], refFunc);
  set([Op.RefEq], refEq);
  set([Op.RefAsNonNull], refAsNonNull);
  set([Op.BrOnNull], brOnNull);
  set([Op.BrOnNonNull], brOnNonNull);
  set([Op.Throw], throwOp);
  set([Op.ThrowRef], throwRef);
  set([Op.TryTable], tryTableOp);
  set([Op.Try, Op.Catch, Op.CatchAll, Op.Delegate, Op.Rethrow], legacyTry);
  for (const [op, f] of numericHandlers()) {
    if (t[op] !== otherOp) continue;
    // Rotations by a non-constant count fall back to the support helper.
    t[op] =
      op === Op.I64Rotl || op === Op.I64Rotr
        ? (c, o, at) => {
            if (!f(c, o)) otherOp(c, o, at);
          }
        : f;
  }
  return t;
})();
