/**
 * Validation of the operators outside the hot loop: branches with tables, exceptions, memory and
 * bulk operators, and GC.
 * @module
 */
import { Op } from '@wasmtide/parser';
import { heapSub, topHeap, valSub } from './ctx.js';
import { MEM_STORE, MEM_TYPE, SIG_IN, SIG_OUT, slot } from './optable.js';
import {
  BOT, defaultable, H_ANY, H_BOT, H_NONE, heapName, H_EXACT, inexactHeap, isExactHeap, H_ARRAY, H_CONCRETE, H_EXN, H_EXTERN, H_I31, heapOf, I32, I64, I8, I16, refCode, typeName, typesName, unpacked, V128,
} from './valtypes.js';
import { EMPTY, F_TRY_TABLE, FACT_EXCEPTIONS, FACT_GC, FACT_SIMD, FACT_TAIL_CALL, ValidatorState } from './state.js';

/** Operator groups, layered on {@link ValidatorState}. */
export abstract class OpValidator extends ValidatorState {
  protected tailReturn(calleeResults: Int32Array): void {
    const mine = this.cOut[0]!;
    this.flags |= FACT_TAIL_CALL;
    if (calleeResults.length !== mine.length) this.fail('type mismatch', `tail call results ${typesName(calleeResults)} do not match function results ${typesName(mine)}`);
    for (let i = 0; i < mine.length; i++) {
      if (!valSub(this.ctx, calleeResults[i]!, mine[i]!)) this.fail('type mismatch', `tail call results ${typesName(calleeResults)} do not match function results ${typesName(mine)}`);
    }
    this.setUnreachable();
  }

  protected brTable(): void {
    const r = this.r;
    const n = r.u32();
    if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
    if (this.labels.length < n) this.labels = new Int32Array(n);
    for (let i = 0; i < n; i++) this.labels[i] = r.u32();
    const dflt = r.u32();
    this.popT(I32);
    const dt = this.labelTypes(dflt);
    const m = dt.length;
    for (let i = 0; i < n; i++) {
      const lt = this.labelTypes(this.labels[i]!);
      if (lt.length !== m) this.fail('type mismatch', `br_table labels have different arities (${lt.length} vs ${m})`);
      for (let k = 0; k < m; k++) {
        const a = this.peek(k);
        const want = lt[m - 1 - k]!;
        if (!valSub(this.ctx, a, want)) this.mismatch(want, a);
      }
    }
    this.popAll(dt);
    this.setUnreachable();
  }

  protected tryTable(): void {
    const r = this.r;
    const ctx = this.ctx;
    this.flags |= FACT_EXCEPTIONS;
    this.readBlockType();
    const ins = this.btIn;
    const outs = this.btOut;
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      const at = r.pos;
      const kind = r.u8();
      if (kind > 3) r.fail('malformed catch clause', at);
      const t = kind < 2 ? this.tag(r.u32()) : -1;
      const l = r.u32();
      const lt = this.labelTypes(l);
      const tp = t >= 0 ? ctx.params[t]! : EMPTY;
      const withRef = kind === 1 || kind === 3 ? 1 : 0;
      if (lt.length !== tp.length + withRef) this.fail('type mismatch', `catch clause does not match label ${l} types ${typesName(lt)}`);
      for (let k = 0; k < tp.length; k++) if (!valSub(ctx, tp[k]!, lt[k]!)) this.mismatch(lt[k]!, tp[k]!);
      if (withRef && !valSub(ctx, refCode(H_EXN, false), lt[lt.length - 1]!)) this.mismatch(lt[lt.length - 1]!, refCode(H_EXN, false));
    }
    this.popAll(ins);
    this.pushFrame(F_TRY_TABLE, ins, outs);
  }

  protected memOp(op: number, nat: number): void {
    const atomic = op >= 0xfe000;
    const a = this.memarg(nat, atomic);
    if (atomic) {
      const s = slot(op);
      const sin = SIG_IN[s]!;
      const sout = SIG_OUT[s]!;
      for (let i = sin.length - 1; i >= 1; i--) this.popT(sin[i]!);
      this.popT(a);
      this.pushAll(sout);
      return;
    }
    const s = slot(op);
    if (op >= Op.V128Load8Lane && op <= Op.V128Store64Lane) {
      this.flags |= FACT_SIMD;
      this.lane(16 >> nat);
      this.popT(V128);
      this.popT(a);
      if (op <= Op.V128Load64Lane) this.push(V128);
      return;
    }
    const t = MEM_TYPE[s]!;
    const store = MEM_STORE[s] === 1;
    if (t === V128) this.flags |= FACT_SIMD;
    if (store) {
      this.popT(t);
      this.popT(a);
    } else {
      this.popT(a);
      this.push(t);
    }
  }

  protected miscOp(op: number): void {
    const r = this.r;
    const ctx = this.ctx;
    switch (op) {
      case Op.MemoryInit: {
        const d = r.u32();
        const a = this.memory(r.u32());
        this.data(d);
        this.popT(I32);
        this.popT(I32);
        this.popT(a);
        return;
      }
      case Op.DataDrop:
        this.data(r.u32());
        return;
      case Op.MemoryCopy: {
        const ad = this.memory(r.u32());
        const as = this.memory(r.u32());
        this.popT(ad === I64 && as === I64 ? I64 : I32);
        this.popT(as);
        this.popT(ad);
        return;
      }
      case Op.MemoryFill: {
        const a = this.memory(r.u32());
        this.popT(a);
        this.popT(I32);
        this.popT(a);
        return;
      }
      case Op.TableInit: {
        const ei = r.u32();
        const t = this.table(r.u32());
        const e = this.elem(ei);
        if (!valSub(ctx, ctx.elemType[e]!, ctx.tableElem[t]!)) this.mismatch(ctx.tableElem[t]!, ctx.elemType[e]!);
        this.popT(I32);
        this.popT(I32);
        this.popT(ctx.tableAddr[t]!);
        return;
      }
      case Op.ElemDrop:
        this.elem(r.u32());
        return;
      case Op.TableCopy: {
        const td = this.table(r.u32());
        const ts = this.table(r.u32());
        if (!valSub(ctx, ctx.tableElem[ts]!, ctx.tableElem[td]!)) this.mismatch(ctx.tableElem[td]!, ctx.tableElem[ts]!);
        const ad = ctx.tableAddr[td]!;
        const as = ctx.tableAddr[ts]!;
        this.popT(ad === I64 && as === I64 ? I64 : I32);
        this.popT(as);
        this.popT(ad);
        return;
      }
      case Op.TableGrow: {
        const t = this.table(r.u32());
        this.popT(ctx.tableAddr[t]!);
        this.popT(ctx.tableElem[t]!);
        this.push(ctx.tableAddr[t]!);
        return;
      }
      case Op.TableSize: {
        const t = this.table(r.u32());
        this.push(ctx.tableAddr[t]!);
        return;
      }
      case Op.TableFill: {
        const t = this.table(r.u32());
        this.popT(ctx.tableAddr[t]!);
        this.popT(ctx.tableElem[t]!);
        this.popT(ctx.tableAddr[t]!);
        return;
      }
      default:
        this.r.fail(`illegal opcode ${op.toString(16)}`, this.opAt);
    }
  }

  /** custom-descriptors: the descriptor (representative index) of a cast target heap type. */
  private descriptorOf(h: number): number {
    const d = h >= H_CONCRETE ? this.ctx.desc[inexactHeap(h) - H_CONCRETE]! : -1;
    if (d < 0) this.fail(`type ${heapName(h)} does not have a descriptor`);
    return d;
  }

  /**
   * Checks the target `t2` of a `br_on_cast*` with source `t1` and returns the type the cast
   * produces. WebAssembly 3.0 needs `t2 <: t1`; the custom-descriptors proposal only needs both in
   * one hierarchy, and a nullable target of a non-nullable source then yields a non-null value.
   */
  private castTarget(t1: number, t2: number): number {
    const ctx = this.ctx;
    if (valSub(ctx, t2, t1)) return t2;
    if (!ctx.features.customDescriptors || topHeap(ctx, heapOf(t2)) !== topHeap(ctx, heapOf(t1))) {
      this.fail('type mismatch', `cast target ${typeName(t2)} is not a subtype of ${typeName(t1)}`);
    }
    return t1 & 1 ? t2 : t2 & ~1;
  }

  protected gcOp(op: number): void {
    const r = this.r;
    const ctx = this.ctx;
    this.flags |= FACT_GC;
    switch (op) {
      case Op.StructNew: {
        const t = this.structType(r.u32());
        if (ctx.desc[t]! >= 0) this.fail('type with descriptor requires descriptor allocation', `type ${t}`);
        const fs = ctx.fields[t]!;
        for (let i = fs.length - 1; i >= 0; i--) this.popT(unpacked(fs[i]!));
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.StructNewDefault: {
        const t = this.structType(r.u32());
        if (ctx.desc[t]! >= 0) this.fail('type with descriptor requires descriptor allocation', `type ${t}`);
        const fs = ctx.fields[t]!;
        for (let i = 0; i < fs.length; i++) if (!defaultable(fs[i]!)) this.fail('type mismatch', `field ${i} of type ${t} has no default value`);
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.StructGet:
      case Op.StructGetS:
      case Op.StructGetU: {
        const t = this.structType(r.u32());
        const ft = this.field(t, r.u32());
        const packed = ft === I8 || ft === I16;
        if (packed !== (op !== Op.StructGet)) this.fail('type mismatch', packed ? 'packed field needs struct.get_s or struct.get_u' : 'struct.get_s/_u need a packed field');
        this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        this.push(unpacked(ft));
        return;
      }
      case Op.StructSet: {
        const t = this.structType(r.u32());
        const f = r.u32();
        const ft = this.field(t, f);
        if (!ctx.fieldMut[t]![f]) this.fail('immutable field', `field ${f} of type ${t}`);
        this.popT(unpacked(ft));
        this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        return;
      }
      case Op.ArrayNew: {
        const t = this.arrayType(r.u32());
        this.popT(I32);
        this.popT(unpacked(ctx.fields[t]![0]!));
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.ArrayNewDefault: {
        const t = this.arrayType(r.u32());
        if (!defaultable(ctx.fields[t]![0]!)) this.fail('type mismatch', `array type ${t} has no default value`);
        this.popT(I32);
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.ArrayNewFixed: {
        const t = this.arrayType(r.u32());
        const n = r.u32();
        const et = unpacked(ctx.fields[t]![0]!);
        // never loop more than the stack holds: `n` comes from the input (up to 2^32 - 1)
        const d = this.depth - 1;
        const avail = this.sp - this.cHeight[d]!;
        if (n > avail && !this.cUnr[d]) this.fail('type mismatch', `array.new_fixed of ${n} elements, but the stack holds ${avail}`);
        const k = n < avail ? n : avail;
        for (let i = 0; i < k; i++) this.popT(et);
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.ArrayNewData:
      case Op.ArrayInitData: {
        const t = this.arrayType(r.u32());
        const d = r.u32();
        const et = ctx.fields[t]![0]!;
        if (op === Op.ArrayInitData && !ctx.fieldMut[t]![0]) this.fail('immutable array', `array type ${t}`);
        if (et >= 8) this.fail('array type is not numeric or vector', `array type ${t}`);
        this.data(d);
        this.popT(I32);
        this.popT(I32);
        if (op === Op.ArrayNewData) this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        else {
          this.popT(I32);
          this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        }
        return;
      }
      case Op.ArrayNewElem:
      case Op.ArrayInitElem: {
        const t = this.arrayType(r.u32());
        const e = this.elem(r.u32());
        const et = ctx.fields[t]![0]!;
        if (op === Op.ArrayInitElem && !ctx.fieldMut[t]![0]) this.fail('immutable array', `array type ${t}`);
        if (!valSub(ctx, ctx.elemType[e]!, et)) this.mismatch(et, ctx.elemType[e]!);
        this.popT(I32);
        this.popT(I32);
        if (op === Op.ArrayNewElem) this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        else {
          this.popT(I32);
          this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        }
        return;
      }
      case Op.ArrayGet:
      case Op.ArrayGetS:
      case Op.ArrayGetU: {
        const t = this.arrayType(r.u32());
        const et = ctx.fields[t]![0]!;
        const packed = et === I8 || et === I16;
        if (packed !== (op !== Op.ArrayGet)) this.fail('type mismatch', packed ? 'packed array needs array.get_s or array.get_u' : 'array.get_s/_u need a packed array');
        this.popT(I32);
        this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        this.push(unpacked(et));
        return;
      }
      case Op.ArraySet: {
        const t = this.arrayType(r.u32());
        if (!ctx.fieldMut[t]![0]) this.fail('immutable array', `array type ${t}`);
        this.popT(unpacked(ctx.fields[t]![0]!));
        this.popT(I32);
        this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        return;
      }
      case Op.ArrayLen:
        this.popT(refCode(H_ARRAY, true));
        this.push(I32);
        return;
      case Op.ArrayFill: {
        const t = this.arrayType(r.u32());
        if (!ctx.fieldMut[t]![0]) this.fail('immutable array', `array type ${t}`);
        this.popT(I32);
        this.popT(unpacked(ctx.fields[t]![0]!));
        this.popT(I32);
        this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        return;
      }
      case Op.ArrayCopy: {
        const td = this.arrayType(r.u32());
        const ts = this.arrayType(r.u32());
        if (!ctx.fieldMut[td]![0]) this.fail('immutable array', `array type ${td}`);
        const ed = ctx.fields[td]![0]!;
        const es = ctx.fields[ts]![0]!;
        const ok = ed === es || (ed >= 8 && es >= 8 && valSub(ctx, es, ed));
        if (!ok) this.fail('array types do not match', `copy from ${typeName(es)} to ${typeName(ed)}`);
        this.popT(I32);
        this.popT(I32);
        this.popT(refCode(H_CONCRETE + ctx.rep[ts]!, true));
        this.popT(I32);
        this.popT(refCode(H_CONCRETE + ctx.rep[td]!, true));
        return;
      }
      case Op.RefTest:
      case Op.RefTestNull:
      case Op.RefCast:
      case Op.RefCastNull: {
        const h = this.readHeapType();
        const nullable = op === Op.RefTestNull || op === Op.RefCastNull;
        const target = refCode(h, nullable);
        const top = topHeap(ctx, h);
        const a = this.popRef();
        if (a !== BOT && !heapSub(ctx, heapOf(a), top)) this.mismatch(refCode(top, true), a);
        this.push(op === Op.RefTest || op === Op.RefTestNull ? I32 : target);
        return;
      }
      case Op.BrOnCast:
      case Op.BrOnCastFail: {
        const at = r.pos;
        const flags = r.u8();
        if (flags > 3) r.fail('malformed br_on_cast flags', at);
        const l = r.u32();
        const h1 = this.readHeapType();
        const h2 = this.readHeapType();
        const t1 = refCode(h1, (flags & 1) === 1);
        let t2 = refCode(h2, (flags & 2) === 2);
        t2 = this.castTarget(t1, t2);
        const lt = this.labelTypes(l);
        if (lt.length === 0) this.fail('type mismatch', 'br_on_cast needs a label with a reference result');
        const last = lt[lt.length - 1]!;
        const diff = t1 & 1 && !(t2 & 1) ? t1 : t1 & ~1;
        const toLabel = op === Op.BrOnCast ? t2 : diff;
        if (!valSub(ctx, toLabel, last)) this.mismatch(last, toLabel);
        this.popT(t1);
        for (let i = lt.length - 2; i >= 0; i--) this.popT(lt[i]!);
        for (let i = 0; i < lt.length - 1; i++) this.push(lt[i]!);
        this.push(op === Op.BrOnCast ? diff : t2);
        return;
      }
      case Op.StructNewDesc:
      case Op.StructNewDefaultDesc: {
        const t = this.structType(r.u32());
        const d = ctx.desc[t]!;
        if (d < 0) this.fail('type without descriptor requires non-descriptor allocation', `type ${t}`);
        this.popT(refCode(H_CONCRETE + H_EXACT + d, true));
        const fs = ctx.fields[t]!;
        if (op === Op.StructNewDesc) {
          for (let i = fs.length - 1; i >= 0; i--) this.popT(unpacked(fs[i]!));
        } else {
          for (let i = 0; i < fs.length; i++) if (!defaultable(fs[i]!)) this.fail('type mismatch', `field ${i} of type ${t} has no default value`);
        }
        this.push(refCode(H_CONCRETE + H_EXACT + ctx.rep[t]!, false));
        return;
      }
      case Op.RefGetDesc: {
        const t = this.typeIdx(r.u32());
        const d = ctx.desc[t]!;
        if (d < 0) this.fail('type without descriptor', `type ${t}`);
        const a = this.popT(refCode(H_CONCRETE + ctx.rep[t]!, true));
        // only an exact reference to type t itself (or null, or bottom) has an exact descriptor
        const ah = a === BOT ? H_BOT : heapOf(a);
        const exact = ah === H_CONCRETE + H_EXACT + ctx.rep[t]! || ah === H_NONE || ah === H_BOT;
        this.push(refCode(H_CONCRETE + (exact ? H_EXACT : 0) + d, false));
        return;
      }
      case Op.RefCastDescEq:
      case Op.RefCastDescEqNull: {
        const h = this.readHeapType();
        const d = this.descriptorOf(h);
        this.popT(refCode(H_CONCRETE + (isExactHeap(h) ? H_EXACT : 0) + d, true));
        const top = topHeap(ctx, h);
        const a = this.popRef();
        if (a !== BOT && !heapSub(ctx, heapOf(a), top)) this.mismatch(refCode(top, true), a);
        this.push(refCode(h, op === Op.RefCastDescEqNull));
        return;
      }
      case Op.BrOnCastDescEq:
      case Op.BrOnCastDescEqFail: {
        const at = r.pos;
        const flags = r.u8();
        if (flags > 3) r.fail('malformed br_on_cast flags', at);
        const l = r.u32();
        const h1 = this.readHeapType();
        const h2 = this.readHeapType();
        const t1 = refCode(h1, (flags & 1) === 1);
        const d = this.descriptorOf(h2);
        const t2 = this.castTarget(t1, refCode(h2, (flags & 2) === 2));
        const lt = this.labelTypes(l);
        if (lt.length === 0) this.fail('type mismatch', 'br_on_cast_desc_eq needs a label with a reference result');
        const last = lt[lt.length - 1]!;
        const diff = t1 & 1 && !(t2 & 1) ? t1 : t1 & ~1;
        const hit = op === Op.BrOnCastDescEq;
        const toLabel = hit ? t2 : diff;
        if (!valSub(ctx, toLabel, last)) this.mismatch(last, toLabel);
        this.popT(refCode(H_CONCRETE + (isExactHeap(h2) ? H_EXACT : 0) + d, true));
        this.popT(t1);
        for (let i = lt.length - 2; i >= 0; i--) this.popT(lt[i]!);
        for (let i = 0; i < lt.length - 1; i++) this.push(lt[i]!);
        this.push(hit ? diff : t2);
        return;
      }
      case Op.AnyConvertExtern: {
        const a = this.pop();
        if (a !== BOT && !valSub(ctx, a, refCode(H_EXTERN, true))) this.mismatch(refCode(H_EXTERN, true), a);
        this.push(refCode(H_ANY, a === BOT ? true : (a & 1) === 1));
        return;
      }
      case Op.ExternConvertAny: {
        const a = this.pop();
        if (a !== BOT && !valSub(ctx, a, refCode(H_ANY, true))) this.mismatch(refCode(H_ANY, true), a);
        this.push(refCode(H_EXTERN, a === BOT ? true : (a & 1) === 1));
        return;
      }
      case Op.RefI31:
        this.popT(I32);
        this.push(refCode(H_I31, false));
        return;
      case Op.I31GetS:
      case Op.I31GetU:
        this.popT(refCode(H_I31, true));
        this.push(I32);
        return;
      default:
        this.r.fail(`illegal opcode ${op.toString(16)}`, this.opAt);
    }
  }
}

/** Lane count of an extract_lane/replace_lane operator. */
export function laneCount(op: number): number {
  if (op <= 0xfd017) return 16;
  if (op <= 0xfd01a) return 8;
  if (op <= 0xfd01c) return 4;
  if (op <= 0xfd01e) return 2;
  if (op <= 0xfd020) return 4;
  return 2;
}
