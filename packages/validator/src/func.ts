/**
 * Instruction validation: one forward pass over a function body (or constant expression) with a
 * typed-array operand stack and control stack, following the spec's validation algorithm
 * (WebAssembly 3.0 appendix), including unreachable code, local initialisation, GC, exceptions.
 * @module
 */
import { Op } from '@wasmtide/parser';
import { valSub } from './ctx.js';
import { ValidationError } from './errors.js';
import { ALIGN, FEAT, FEATURE_KEYS, SIG_IN, SIG_OUT, SLOTS, slot } from './optable.js';
import {
  BOT, defaultable, H_CONCRETE, H_EQ, H_EXACT, H_EXN, H_FUNC, I32, refCode, typeName, typesName,
} from './valtypes.js';
import { FastValidator, fastPathEnabled, skipS32 } from './fast.js';
import { laneCount } from './ops.js';
import {
  EMPTY, F_BLOCK, F_CATCH, F_CATCH_ALL, F_ELSE, F_FUNC, F_IF, F_LOOP, F_TRY,
  FACT_CALL, FACT_CALL_INDIRECT, FACT_CALL_REF, FACT_EXCEPTIONS, FACT_SIMD, MAX_LOCALS,
} from './state.js';

export {
  FACT_MEMORY, FACT_CALL, FACT_CALL_INDIRECT, FACT_CALL_REF, FACT_TAIL_CALL, FACT_EXCEPTIONS, FACT_TABLE, FACT_GC, FACT_SIMD, FACT_GLOBAL,
} from './state.js';

/** Dispatch classes (see {@link DISPATCH}). */
const enum D {
  Other = 0,
  Fixed = 1,
  Mem = 2,
  Block = 3,
  Br = 4,
  BrIf = 5,
  BrTable = 6,
  Call = 7,
  Drop = 8,
  Else = 9,
  End = 10,
  GlobalGet = 11,
  GlobalSet = 12,
  If = 13,
  LocalGet = 14,
  LocalSet = 15,
  LocalTee = 16,
  Loop = 17,
  Nop = 18,
  Return = 19,
  ReturnCall = 20,
  Select = 21,
  Unreachable = 22 }

/** Dispatch class per opcode slot: the hot operators get their own small-integer case. */
const DISPATCH = new Uint8Array(SLOTS);
for (let s = 0; s < SLOTS; s++) {
  if (SIG_IN[s] !== null && ALIGN[s]! < 0) DISPATCH[s] = D.Fixed;
  else if (ALIGN[s]! >= 0) DISPATCH[s] = D.Mem;
}
DISPATCH[slot(Op.Block)] = D.Block;
DISPATCH[slot(Op.Br)] = D.Br;
DISPATCH[slot(Op.BrIf)] = D.BrIf;
DISPATCH[slot(Op.BrTable)] = D.BrTable;
DISPATCH[slot(Op.Call)] = D.Call;
DISPATCH[slot(Op.Drop)] = D.Drop;
DISPATCH[slot(Op.Else)] = D.Else;
DISPATCH[slot(Op.End)] = D.End;
DISPATCH[slot(Op.GlobalGet)] = D.GlobalGet;
DISPATCH[slot(Op.GlobalSet)] = D.GlobalSet;
DISPATCH[slot(Op.If)] = D.If;
DISPATCH[slot(Op.LocalGet)] = D.LocalGet;
DISPATCH[slot(Op.LocalSet)] = D.LocalSet;
DISPATCH[slot(Op.LocalTee)] = D.LocalTee;
DISPATCH[slot(Op.Loop)] = D.Loop;
DISPATCH[slot(Op.Nop)] = D.Nop;
DISPATCH[slot(Op.Return)] = D.Return;
DISPATCH[slot(Op.ReturnCall)] = D.ReturnCall;
DISPATCH[slot(Op.Select)] = D.Select;
DISPATCH[slot(Op.Unreachable)] = D.Unreachable;

/** Immediate-free one-byte opcodes allowed in constant expressions (besides the prefixed ones). */
function isConstOp(code: number, extended: boolean, gc: boolean): boolean {
  switch (code) {
    case Op.I32Const: case Op.I64Const: case Op.F32Const: case Op.F64Const: case Op.V128Const:
    case Op.RefNull: case Op.RefFunc: case Op.GlobalGet: case Op.End:
      return true;
    case Op.I32Add: case Op.I32Sub: case Op.I32Mul: case Op.I64Add: case Op.I64Sub: case Op.I64Mul:
      return extended;
    case Op.StructNew: case Op.StructNewDefault: case Op.ArrayNew: case Op.ArrayNewDefault: case Op.ArrayNewFixed:
    case Op.RefI31: case Op.AnyConvertExtern: case Op.ExternConvertAny:
    case Op.StructNewDesc: case Op.StructNewDefaultDesc:
      return gc;
    default:
      return false;
  }
}

/**
 * A reusable validator for function bodies and constant expressions of one module. Its stacks are
 * allocated once and grown on demand; nothing is allocated per instruction.
 */
export class BodyValidator extends FastValidator {
  // ---------------------------------------------------------------- entry points

  /**
   * Validates the body of defined function `fi` (index in the function index space) of type
   * `typeIdx`. Throws {@link ValidationError} or a `DecodeError` for malformed bytes.
   */
  validateFunction(fi: number, typeIdx: number, bodyIndex: number): void {
    const ctx = this.ctx;
    const body = ctx.module.codes[bodyIndex]!;
    const params = ctx.params[typeIdx]!;
    const results = ctx.results[typeIdx]!;
    this.funcIdx = fi;
    this.constMode = false;
    this.opAt = body.range.start;
    const n = params.length + body.localCount;
    if (n > MAX_LOCALS) this.fail('too many locals', `${n} locals`);
    if (this.locals.length < n) {
      this.locals = new Int32Array(n);
      this.localInit = new Uint8Array(n);
    }
    let k = 0;
    for (; k < params.length; k++) {
      this.locals[k] = params[k]!;
      this.localInit[k] = 1;
    }
    for (const g of body.locals) {
      const c = this.localCode(g.type);
      const init = defaultable(c) ? 1 : 0;
      for (let j = 0; j < g.count; j++, k++) {
        this.locals[k] = c;
        this.localInit[k] = init;
      }
    }
    this.nLocals = n;
    this.run(body.code.start, body.code.end, results);
  }

  /**
   * Validates a constant expression of type `t`, where globals `[0, visibleGlobals)` may be read;
   * its owner is named in error messages as `what`, then `index` unless it is negative, then
   * `suffix` (`global 3`, `data segment 7 offset`), composed only for an error.
   */
  validateConst(expr: { readonly start: number; readonly end: number }, t: number, visibleGlobals: number, what = 'a segment', index = -1, suffix = ''): void {
    // `i32.const n` where an i32 is expected (data and element offsets): nothing to check beyond
    // what the decoder checked (a well-formed s32, then `end`)
    const bytes = this.r.bytes;
    if (t === I32 && bytes[expr.start] === 0x41 && skipS32(bytes, expr.start + 1, expr.end) === expr.end && bytes[expr.end] === 0x0b) return;
    this.funcIdx = -1;
    this.constWhat = what;
    this.constIndex = index;
    this.constSuffix = suffix;
    this.constMode = true;
    this.constGlobals = visibleGlobals;
    this.nLocals = 0;
    this.opAt = expr.start;
    this.run(expr.start, expr.end + 1, this.single(t));
  }


  // ---------------------------------------------------------------- the pass

  protected run(start: number, end: number, results: Int32Array): void {
    const ctx = this.ctx;
    const r = this.r;
    r.pos = start;
    r.end = end;
    r.eofReason = end < ctx.module.bytes.length ? 'unexpected end of section or function' : 'unexpected end';
    this.sp = 0;
    this.maxSp = 0;
    this.depth = 0;
    this.maxDepth = 0;
    this.initSp = 0;
    this.flags = 0;
    this.pushFrame(F_FUNC, EMPTY, results);
    if (this.constMode || !fastPathEnabled()) {
      while (this.depth > 0) this.step();
    } else {
      this.runFast(end);
    }
    if (r.pos !== end) r.fail('section size mismatch', r.pos);
  }

  /**
   * Validates the one instruction at `r.pos` (the general path: every operator, every check, every
   * error wording). The fast loop in {@link FastValidator.runFast} hands it whatever it does not
   * handle itself.
   */
  protected step(): void {
    const ctx = this.ctx;
    const r = this.r;
    const enabled = this.enabled;
    const constMode = this.constMode;
    const extConst = ctx.features.extendedConst;
    const gcConst = ctx.features.gc;
    const feats = FEAT;
    const dispatch = DISPATCH;
    const at = r.pos;
    this.opAt = at;
    let op = at < r.end ? r.bytes[at]! : -1;
    if (op >= 0 && op < 0xfb) r.pos = at + 1;
    else if (op === 0xff) r.fail('illegal opcode ff', at);
    else op = r.op();
    const s = op < 0x100 ? op : slot(op);
    const feat = feats[s]!;
    if (feat === 255) {
      r.fail(`illegal opcode ${op.toString(16)}`, at);
    }
    if (feat !== 0 && !enabled[feat] && !(op === Op.Throw && ctx.features.legacyExceptions)) {
      this.fail(`${FEATURE_KEYS[feat]} support is not enabled`, `opcode 0x${op.toString(16)}`);
    }
    if (op === Op.ReturnCallRef && !ctx.features.functionReferences) {
      this.fail('functionReferences support is not enabled', `opcode 0x${op.toString(16)}`);
    }
    if (constMode && !isConstOp(op, extConst, gcConst)) this.fail('constant expression required', `opcode 0x${op.toString(16)}`);

    const kind = dispatch[s]!;
    if (kind === D.Fixed) {
      const sin = SIG_IN[s]!;
      // fixed-signature operator; consume its immediates first
      switch (op) {
        case Op.I32Const: r.s32(); break;
        case Op.I64Const: this.skipS64(); break;
        case Op.F32Const: this.skip(4); break;
        case Op.F64Const: this.skip(8); break;
        case Op.V128Const: this.skip(16); this.flags |= FACT_SIMD; break;
        case Op.I8x16Shuffle:
          for (let i = 0; i < 16; i++) {
            const la = r.pos;
            if (r.u8() >= 32) {
              this.opAt = la;
              this.fail('invalid lane index', 'shuffle lane must be below 32');
            }
          }
          break;
        case Op.AtomicFence: {
          const z = r.u8();
          if (z !== 0) r.fail('zero byte expected', r.pos - 1);
          break;
        }
        default:
          if (op >= 0xfd015 && op <= 0xfd022) this.lane(laneCount(op));
      }
      if (op >= 0xfd000) this.flags |= FACT_SIMD;
      const sout = SIG_OUT[s]!;
      const h = this.cHeight[this.depth - 1]!;
      const n = sin.length;
      if (this.sp - n >= h) {
        for (let i = 0; i < n; i++) {
          const a = this.vals[this.sp - n + i]!;
          if (a !== sin[i] && a !== BOT) this.failPop(sin);
        }
        this.sp -= n;
      } else {
        this.popAll(sin);
      }
      for (let i = 0; i < sout.length; i++) this.push(sout[i]!);
      return;
    }

    if (kind === D.Mem) {
      this.memOp(op, ALIGN[s]!);
      return;
    }

    switch (kind) {
      case D.Unreachable:
        this.setUnreachable();
        break;
      case D.Nop:
        break;
      case D.Block:
      case D.Loop:
        this.readBlockType();
        this.popAll(this.btIn);
        this.pushFrame(op === Op.Block ? F_BLOCK : F_LOOP, this.btIn, this.btOut);
        break;
      case D.If:
        this.readBlockType();
        this.popT(I32);
        this.popAll(this.btIn);
        this.pushFrame(F_IF, this.btIn, this.btOut);
        break;
      case D.Else: {
        const d = this.depth - 1;
        if (this.cKind[d] !== F_IF) this.fail('else without matching if');
        this.checkFrameEnd();
        this.cKind[d] = F_ELSE;
        this.cUnr[d] = 0;
        this.pushAll(this.cIn[d]!);
        break;
      }
      case D.End: {
        const d = this.depth - 1;
        const kind = this.cKind[d]!;
        this.checkFrameEnd();
        if (kind === F_IF) {
          // an if without else: the implicit else passes the parameters through
          const ins = this.cIn[d]!;
          const outs = this.cOut[d]!;
          if (ins.length !== outs.length) this.fail('type mismatch', `if without else must have matching parameters and results: ${typesName(ins)} vs ${typesName(outs)}`);
          for (let i = 0; i < ins.length; i++) if (!valSub(ctx, ins[i]!, outs[i]!)) this.mismatch(outs[i]!, ins[i]!);
        }
        this.depth = d;
        if (d > 0) this.pushAll(this.cOut[d]!);
        break;
      }
      case D.Br: {
        const l = this.idx();
        this.popAll(this.labelTypes(l));
        this.setUnreachable();
        break;
      }
      case D.BrIf: {
        const l = this.idx();
        const lt = this.labelTypes(l);
        this.popT(I32);
        this.popAll(lt);
        this.pushAll(lt);
        break;
      }
      case D.BrTable:
        this.brTable();
        break;
      case D.Return:
        this.popAll(this.cOut[0]!);
        this.setUnreachable();
        break;
      case D.Call:
      case D.ReturnCall: {
        const t = this.func(this.idx());
        this.flags |= FACT_CALL;
        this.popAll(ctx.params[t]!);
        if (op === Op.Call) this.pushAll(ctx.results[t]!);
        else this.tailReturn(ctx.results[t]!);
        break;
      }
      case D.Drop:
        this.pop();
        break;
      case D.Select: {
        this.popT(I32);
        const t1 = this.pop();
        const t2 = this.pop();
        if (t1 >= 8 || t2 >= 8) this.fail('type mismatch', 'select without a type needs numeric or vector operands');
        if (t1 !== BOT && t2 !== BOT && t1 !== t2) this.mismatch(t1, t2);
        this.push(t1 === BOT ? t2 : t1);
        break;
      }
      case D.LocalGet: {
        const i = this.idx();
        const t = this.local(i);
        if (!this.localInit[i]) this.fail('uninitialized local', `local ${i} of type ${typeName(t)}`);
        this.push(t);
        break;
      }
      case D.LocalSet:
      case D.LocalTee: {
        const i = this.idx();
        const t = this.local(i);
        this.popT(t);
        if (!this.localInit[i]) {
          this.localInit[i] = 1;
          if (this.initSp === this.initStack.length) {
            const a = new Int32Array(this.initSp * 2);
            a.set(this.initStack);
            this.initStack = a;
          }
          this.initStack[this.initSp++] = i;
        }
        if (op === Op.LocalTee) this.push(t);
        break;
      }
      case D.GlobalGet: {
        const g = this.global(this.idx());
        if (constMode && ctx.globalMut[g]) this.fail('constant expression required', `global ${g} is mutable`);
        this.push(ctx.globalType[g]!);
        break;
      }
      case D.GlobalSet: {
        const g = this.global(r.u32());
        if (!ctx.globalMut[g]) this.fail('immutable global', `global ${g}`);
        this.popT(ctx.globalType[g]!);
        break;
      }
      default:
        this.otherOp(op);
    }
  }

  /** Operators outside the hot loop: indirect calls, tables, references, exceptions, GC, bulk. */
  protected otherOp(op: number): void {
    const r = this.r;
    const ctx = this.ctx;
    const constMode = this.constMode;
    switch (op) {
        case Op.CallIndirect:
        case Op.ReturnCallIndirect: {
          const ti = r.u32();
          const tab = this.table(r.u32());
          this.funcTypeIdx(ti);
          if (!valSub(ctx, ctx.tableElem[tab]!, refCode(H_FUNC, true))) this.fail('type mismatch', `table ${tab} does not hold functions`);
          this.flags |= FACT_CALL_INDIRECT;
          this.popT(ctx.tableAddr[tab]!);
          this.popAll(ctx.params[ti]!);
          if (op === Op.CallIndirect) this.pushAll(ctx.results[ti]!);
          else this.tailReturn(ctx.results[ti]!);
          break;
        }
        case Op.CallRef:
        case Op.ReturnCallRef: {
          const ti = this.funcTypeIdx(r.u32());
          this.flags |= FACT_CALL_REF;
          this.popT(refCode(H_CONCRETE + ctx.rep[ti]!, true));
          this.popAll(ctx.params[ti]!);
          if (op === Op.CallRef) this.pushAll(ctx.results[ti]!);
          else this.tailReturn(ctx.results[ti]!);
          break;
        }
        case Op.SelectT: {
          const n = r.u32();
          if (n !== 1) this.fail('invalid result arity', `select with ${n} types`);
          const t = this.readValType();
          this.popT(I32);
          this.popT(t);
          this.popT(t);
          this.push(t);
          break;
        }
        case Op.TableGet: {
          const t = this.table(r.u32());
          this.popT(ctx.tableAddr[t]!);
          this.push(ctx.tableElem[t]!);
          break;
        }
        case Op.TableSet: {
          const t = this.table(r.u32());
          this.popT(ctx.tableElem[t]!);
          this.popT(ctx.tableAddr[t]!);
          break;
        }
        case Op.MemorySize: {
          const a = this.memory(r.u32());
          this.push(a);
          break;
        }
        case Op.MemoryGrow: {
          const a = this.memory(r.u32());
          this.popT(a);
          this.push(a);
          break;
        }
        case Op.RefNull: {
          const h = this.readHeapType();
          this.push(refCode(h, true));
          break;
        }
        case Op.RefIsNull:
          this.popRef();
          this.push(I32);
          break;
        case Op.RefFunc: {
          const f = r.u32();
          const t = this.func(f);
          if (constMode) this.constRefs.push(f);
          else if (!ctx.refs[f]) this.fail('undeclared function reference', `function ${f}`);
          this.push(ctx.features.functionReferences || ctx.features.gc ? refCode(H_CONCRETE + (ctx.funcInexact[f] ? 0 : H_EXACT) + ctx.rep[t]!, false) : refCode(H_FUNC, true));
          break;
        }
        case Op.RefEq:
          this.popT(refCode(H_EQ, true));
          this.popT(refCode(H_EQ, true));
          this.push(I32);
          break;
        case Op.RefAsNonNull: {
          const a = this.popRef();
          this.push(a === BOT ? BOT : a & ~1);
          break;
        }
        case Op.BrOnNull: {
          const l = r.u32();
          const lt = this.labelTypes(l);
          const a = this.popRef();
          this.popAll(lt);
          this.pushAll(lt);
          this.push(a === BOT ? BOT : a & ~1);
          break;
        }
        case Op.BrOnNonNull: {
          const l = r.u32();
          const lt = this.labelTypes(l);
          if (lt.length === 0) this.fail('type mismatch', 'br_on_non_null needs a label with a reference result');
          const a = this.popRef();
          const last = lt[lt.length - 1]!;
          const nn = a === BOT ? BOT : a & ~1;
          if (!valSub(ctx, nn, last)) this.mismatch(last, nn);
          for (let i = lt.length - 2; i >= 0; i--) this.popT(lt[i]!);
          for (let i = 0; i < lt.length - 1; i++) this.push(lt[i]!);
          break;
        }
        case Op.Throw: {
          const t = this.tag(r.u32());
          this.popAll(ctx.params[t]!);
          this.setUnreachable();
          break;
        }
        case Op.ThrowRef:
          this.flags |= FACT_EXCEPTIONS;
          this.popT(refCode(H_EXN, true));
          this.setUnreachable();
          break;
        case Op.TryTable:
          this.tryTable();
          break;
        case Op.Try:
          this.flags |= FACT_EXCEPTIONS;
          this.readBlockType();
          this.popAll(this.btIn);
          this.pushFrame(F_TRY, this.btIn, this.btOut);
          break;
        case Op.Catch:
        case Op.CatchAll: {
          const d = this.depth - 1;
          const k = this.cKind[d];
          if (k !== F_TRY && k !== F_CATCH) this.fail(op === Op.Catch ? 'catch without matching try' : 'catch_all without matching try');
          const tt = op === Op.Catch ? this.tag(r.u32()) : -1;
          this.checkFrameEnd();
          this.cKind[d] = op === Op.Catch ? F_CATCH : F_CATCH_ALL;
          this.cUnr[d] = 0;
          if (tt >= 0) this.pushAll(ctx.params[tt]!);
          break;
        }
        case Op.Delegate: {
          const d = this.depth - 1;
          if (this.cKind[d] !== F_TRY) this.fail('delegate without matching try');
          const l = r.u32();
          this.checkFrameEnd();
          this.depth = d;
          if (l >= this.depth) this.fail('unknown label', `label ${l}`);
          this.pushAll(this.cOut[d]!);
          break;
        }
        case Op.Rethrow: {
          const l = r.u32();
          if (l >= this.depth) this.fail('unknown label', `label ${l}`);
          const k = this.cKind[this.depth - 1 - l];
          if (k !== F_CATCH && k !== F_CATCH_ALL) this.fail('invalid rethrow label', `label ${l}`);
          this.setUnreachable();
          break;
        }
      default:
        if (op >= 0xfb000 && op < 0xfc000) this.gcOp(op);
        else this.miscOp(op);
    }
  }

}
