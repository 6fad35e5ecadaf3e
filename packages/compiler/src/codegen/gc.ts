/**
 * GC operators: structs (`GcStruct` with fields `f0`, `f1`, ...; an i64 field also `fNh`), arrays
 * (`GcArray` over typed storage), i31 references (numbers), casts and tests against abstract and
 * concrete heap types (concrete ones through the runtime's subtype check), and the extern/any
 * conversions (identities in this representation). Custom descriptors: a struct whose type
 * declares a descriptor carries it in `$d` (set before its fields); exact casts compare the
 * canonical type id for equality; descriptor casts compare `$d` by identity.
 * @module
 */
import { Op, readHeapType } from '@wasmtide/parser';
import type { ArrayType, FieldType, HeapType, Reader, StructType, ValType } from '@wasmtide/parser';
import { TrapCode } from '../trap.js';
import { CompileError, kindOf } from './context.js';
import type { Entry, FunctionCompiler } from './function.js';
import { uidx } from './memory.js';

type ElemKind = 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64' | 'ref' | 'v128';

function storageKind(f: FieldType): ElemKind {
  const s = f.storage;
  if (s === 'i8' || s === 'i16' || s === 'i32' || s === 'i64' || s === 'f32' || s === 'f64' || s === 'v128') return s;
  return 'ref';
}

function unpacked(f: FieldType): ValType {
  const s = f.storage;
  return s === 'i8' || s === 'i16' ? 'i32' : s;
}

function defaultOf(k: ElemKind): string {
  return k === 'ref' ? 'null' : k === 'v128' ? 'V0' : '0';
}

/** The `exact` prefix of a heap type in the binary format (custom descriptors). */
const EXACT_PREFIX = 0x62;

/** Reads a heap type immediate that may be exact (`0x62 typeidx`); `exact` says whether it was. */
export function readCastHeapType(r: Reader): { heap: HeapType; exact: boolean } {
  const exact = r.peek() === EXACT_PREFIX;
  return { heap: readHeapType(r), exact };
}

/**
 * A JS boolean expression: does value `v` (an atom) match `(ref null? exact? heap)`? An exact
 * concrete heap type matches only values of exactly that (canonical) type, not its subtypes.
 */
export function refTestExpr(
  v: string,
  nullable: boolean,
  heap: HeapType,
  isFuncType: (t: number) => 'func' | 'struct' | 'array',
  exact = false,
): string {
  let test: string;
  if (typeof heap === 'number') {
    const kind = isFuncType(heap);
    const cls = kind === 'func' ? `typeof ${v} === 'function'` : kind === 'struct' ? `${v} instanceof GcStruct` : `${v} instanceof GcArray`;
    test = exact ? `(${cls} && ${v}.$t === TY[${heap}])` : `(${cls} && (${v}.$t === TY[${heap}] || SUB(${v}.$t, TY[${heap}])))`;
  } else {
    switch (heap) {
      case 'any':
      case 'extern':
        test = `${v} !== null`;
        break;
      case 'eq':
        test = `(typeof ${v} === 'number' || ${v} instanceof GcStruct || ${v} instanceof GcArray)`;
        break;
      case 'i31':
        test = `typeof ${v} === 'number'`;
        break;
      case 'struct':
        test = `${v} instanceof GcStruct`;
        break;
      case 'array':
        test = `${v} instanceof GcArray`;
        break;
      case 'func':
        test = `typeof ${v} === 'function'`;
        break;
      case 'exn':
        test = `${v} instanceof Exn`;
        break;
      default:
        test = 'false';
    }
  }
  return nullable ? `(${v} === null || ${test})` : `(${v} !== null && ${test})`;
}

/** Emits a GC operator; returns false if `op` is not one. */
export function emitGc(c: FunctionCompiler, op: number): boolean {
  if (op < 0xfb000 || op > 0xfb026) return false;
  const r = c.r;
  const ctx = c.ctx;
  const types = ctx.module.types;
  const structAt = (t: number): StructType => {
    const st = types[t]?.comp;
    if (st?.kind !== 'struct') throw new CompileError(`type ${t} is not a struct type`, r.pos);
    return st;
  };
  const arrayAt = (t: number): ArrayType => {
    const at = types[t]?.comp;
    if (at?.kind !== 'array') throw new CompileError(`type ${t} is not an array type`, r.pos);
    return at;
  };
  const compKind = (t: number): 'func' | 'struct' | 'array' => {
    const k = types[t]?.comp.kind;
    if (k === undefined) throw new CompileError(`unknown type ${t}`, r.pos);
    return k;
  };
  const nullCheck = (v: string, code: string): void => {
    c.emit(`t1 = ${v}; if (t1 === null) ${c.trapCode(code)};`);
  };
  switch (op) {
    case Op.StructNew:
    case Op.StructNewDefault:
    case Op.StructNewDesc:
    case Op.StructNewDefaultDesc: {
      const t = r.u32();
      const st = structAt(t);
      const fields: string[] = [];
      let desc = '';
      if (op === Op.StructNewDesc || op === Op.StructNewDefaultDesc) {
        const d = c.pop();
        c.emit(`if (${d.e} === null) ${c.trapCode(TrapCode.NullDescriptorReference)};`);
        desc = ` t1.$d = ${d.e};`;
      }
      if (op === Op.StructNew || op === Op.StructNewDesc) {
        const vals = c.topN(st.fields.length);
        c.stack.length -= st.fields.length;
        st.fields.forEach((f, i) => {
          const v = vals[i]!;
          const k = storageKind(f);
          if (k === 'i64') fields.push(`t1.f${i} = ${v.e}; t1.f${i}h = ${v.h};`);
          else if (k === 'i8') fields.push(`t1.f${i} = ${v.e} & 255;`);
          else if (k === 'i16') fields.push(`t1.f${i} = ${v.e} & 65535;`);
          else fields.push(`t1.f${i} = ${v.e};`);
        });
      } else {
        st.fields.forEach((f, i) => {
          const k = storageKind(f);
          if (k === 'i64') fields.push(`t1.f${i} = 0; t1.f${i}h = 0;`);
          else fields.push(`t1.f${i} = ${defaultOf(k)};`);
        });
      }
      c.emit(`t1 = new GcStruct(TY[${t}]);${desc} ${fields.join(' ')}`);
      c.result('ref', 't1');
      return true;
    }
    case Op.StructGet:
    case Op.StructGetS:
    case Op.StructGetU: {
      const t = r.u32();
      const fi = r.u32();
      const f = structAt(t).fields[fi];
      if (f === undefined) throw new CompileError(`unknown field ${fi}`, r.pos);
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullStructReference);
      const k = storageKind(f);
      if (k === 'i64') {
        c.result64(`t1.f${fi}`, `t1.f${fi}h`);
      } else if (k === 'i8' && op === Op.StructGetS) c.result('i32', `(t1.f${fi} << 24) >> 24`);
      else if (k === 'i16' && op === Op.StructGetS) c.result('i32', `(t1.f${fi} << 16) >> 16`);
      else c.result(kindOf(unpacked(f)), `t1.f${fi}`);
      return true;
    }
    case Op.StructSet: {
      const t = r.u32();
      const fi = r.u32();
      const f = structAt(t).fields[fi];
      if (f === undefined) throw new CompileError(`unknown field ${fi}`, r.pos);
      const v = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullStructReference);
      const k = storageKind(f);
      if (k === 'i64') c.emit(`t1.f${fi} = ${v.e}; t1.f${fi}h = ${v.h};`);
      else if (k === 'i8') c.emit(`t1.f${fi} = ${v.e} & 255;`);
      else if (k === 'i16') c.emit(`t1.f${fi} = ${v.e} & 65535;`);
      else c.emit(`t1.f${fi} = ${v.e};`);
      return true;
    }
    case Op.ArrayNew:
    case Op.ArrayNewDefault: {
      const t = r.u32();
      const k = storageKind(arrayAt(t).element);
      const n = c.pop();
      let v = defaultOf(k);
      let vh = '0';
      if (op === Op.ArrayNew) {
        const e = c.pop();
        v = e.e;
        if (k === 'i64') vh = e.h;
      }
      c.emit(`t0 = ${uidx(c, n)}; t1 = new GcArray(TY[${t}], arrayStore(${JSON.stringify(k)}, t0, ${v}, ${vh}), t0);`);
      c.result('ref', 't1');
      return true;
    }
    case Op.ArrayNewFixed: {
      const t = r.u32();
      const n = r.u32();
      const k = storageKind(arrayAt(t).element);
      if (n > c.stack.length) throw new CompileError('operand stack underflow', r.pos);
      const vals = c.topN(n);
      c.stack.length -= n;
      const sets: string[] = [];
      vals.forEach((v, i) => {
        if (k === 'i64') sets.push(`t2[${2 * i}] = ${v.e}; t2[${2 * i + 1}] = ${v.h};`);
        else sets.push(`t2[${i}] = ${v.e};`);
      });
      c.emit(`t2 = arrayStore(${JSON.stringify(k)}, ${n}, ${defaultOf(k)}, 0); ${sets.join(' ')} t1 = new GcArray(TY[${t}], t2, ${n});`);
      c.result('ref', 't1');
      return true;
    }
    case Op.ArrayNewData: {
      const t = r.u32();
      const d = r.u32();
      const k = storageKind(arrayAt(t).element);
      const n = c.pop();
      const s = c.pop();
      c.emit(`t0 = ${uidx(c, n)}; t1 = new GcArray(TY[${t}], arrayFromData(${JSON.stringify(k)}, DS[${d}], ${uidx(c, s)}, t0, f32FromBits), t0);`);
      c.result('ref', 't1');
      return true;
    }
    case Op.ArrayNewElem: {
      const t = r.u32();
      const e = r.u32();
      const n = c.pop();
      const s = c.pop();
      c.emit(`t0 = ${uidx(c, n)}; t1 = new GcArray(TY[${t}], arrayFromElem(EL[${e}], ${uidx(c, s)}, t0), t0);`);
      c.result('ref', 't1');
      return true;
    }
    case Op.ArrayGet:
    case Op.ArrayGetS:
    case Op.ArrayGetU: {
      const t = r.u32();
      const f = arrayAt(t).element;
      const k = storageKind(f);
      const i = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.emit(`t0 = ${uidx(c, i)}; if (t0 >= t1.n) ${c.trapCode(TrapCode.ArrayOutOfBounds)};`);
      if (k === 'i64') c.result64('t1.a[2 * t0]', 't1.a[2 * t0 + 1]');
      else if (k === 'i8' && op === Op.ArrayGetS) c.result('i32', '(t1.a[t0] << 24) >> 24');
      else if (k === 'i16' && op === Op.ArrayGetS) c.result('i32', '(t1.a[t0] << 16) >> 16');
      else c.result(kindOf(unpacked(f)), 't1.a[t0]');
      return true;
    }
    case Op.ArraySet: {
      const t = r.u32();
      const k = storageKind(arrayAt(t).element);
      const v = c.pop();
      const i = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.emit(`t0 = ${uidx(c, i)}; if (t0 >= t1.n) ${c.trapCode(TrapCode.ArrayOutOfBounds)};`);
      if (k === 'i64') c.emit(`t1.a[2 * t0] = ${v.e}; t1.a[2 * t0 + 1] = ${v.h};`);
      else c.emit(`t1.a[t0] = ${v.e};`);
      return true;
    }
    case Op.ArrayLen: {
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.result('i32', 't1.n');
      return true;
    }
    case Op.ArrayFill: {
      const t = r.u32();
      const k = storageKind(arrayAt(t).element);
      const n = c.pop();
      const v = c.pop();
      const d = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.emit(`arrayFill(t1, ${uidx(c, d)}, ${v.e}, ${k === 'i64' ? v.h : '0'}, ${uidx(c, n)}, ${k === 'i64' ? 2 : 1});`);
      return true;
    }
    case Op.ArrayCopy: {
      const td = r.u32();
      r.u32();
      const k = storageKind(arrayAt(td).element);
      const n = c.pop();
      const s = c.pop();
      const sref = c.pop();
      const d = c.pop();
      const dref = c.pop();
      c.emit(`t1 = ${dref.e}; t2 = ${sref.e}; if (t1 === null || t2 === null) ${c.trapCode(TrapCode.NullArrayReference)};`);
      c.emit(`arrayCopy(t1, ${uidx(c, d)}, t2, ${uidx(c, s)}, ${uidx(c, n)}, ${k === 'i64' ? 2 : 1});`);
      return true;
    }
    case Op.ArrayInitData: {
      const t = r.u32();
      const dseg = r.u32();
      const k = storageKind(arrayAt(t).element);
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.emit(`arrayInitData(${JSON.stringify(k)}, t1, ${uidx(c, d)}, DS[${dseg}], ${uidx(c, s)}, ${uidx(c, n)}, f32FromBits);`);
      return true;
    }
    case Op.ArrayInitElem: {
      r.u32();
      const e = r.u32();
      const n = c.pop();
      const s = c.pop();
      const d = c.pop();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullArrayReference);
      c.emit(`arrayInitElem(t1, ${uidx(c, d)}, EL[${e}], ${uidx(c, s)}, ${uidx(c, n)});`);
      return true;
    }
    case Op.RefTest:
    case Op.RefTestNull:
    case Op.RefCast:
    case Op.RefCastNull: {
      const { heap, exact } = readCastHeapType(r);
      const nullable = op === Op.RefTestNull || op === Op.RefCastNull;
      const v = c.pop();
      const test = refTestExpr(v.e, nullable, heap, compKind, exact);
      if (op === Op.RefTest || op === Op.RefTestNull) {
        c.result('i32', `${test} ? 1 : 0`);
      } else {
        c.emit(`if (!${test}) ${c.trapCode(TrapCode.CastFailure)};`);
        c.stack.push(v);
      }
      return true;
    }
    case Op.BrOnCast:
    case Op.BrOnCastFail: {
      const flags = r.u8();
      const f = c.frameAt(r.u32());
      readHeapType(r);
      const ht2 = readCastHeapType(r);
      const top = c.stack[c.stack.length - 1];
      if (top === undefined) throw new CompileError('operand stack underflow', r.pos);
      const test = refTestExpr(top.e, (flags & 2) !== 0, ht2.heap, compKind, ht2.exact);
      const jump = c.jumpCode(f, c.topN(c.branchArity(f)));
      c.emit(`if (${op === Op.BrOnCast ? '' : '!'}${test}) { ${jump} }`);
      return true;
    }
    case Op.RefGetDesc: {
      r.u32();
      const ref = c.pop();
      nullCheck(ref.e, TrapCode.NullReference);
      c.result('ref', 't1.$d');
      return true;
    }
    case Op.RefCastDescEq:
    case Op.RefCastDescEqNull: {
      readCastHeapType(r);
      const d = c.pop();
      const v = c.pop();
      const test = descTestExpr(c, v, d, op === Op.RefCastDescEqNull);
      c.emit(`if (!${test}) ${c.trapCode(TrapCode.DescriptorCastFailure)};`);
      c.stack.push(v);
      return true;
    }
    case Op.BrOnCastDescEq:
    case Op.BrOnCastDescEqFail: {
      const flags = r.u8();
      const f = c.frameAt(r.u32());
      readCastHeapType(r);
      readCastHeapType(r);
      const d = c.pop();
      const top = c.stack[c.stack.length - 1];
      if (top === undefined) throw new CompileError('operand stack underflow', r.pos);
      const test = descTestExpr(c, top, d, (flags & 2) !== 0);
      const jump = c.jumpCode(f, c.topN(c.branchArity(f)));
      c.emit(`if (${op === Op.BrOnCastDescEq ? '' : '!'}${test}) { ${jump} }`);
      return true;
    }
    case Op.AnyConvertExtern:
    case Op.ExternConvertAny:
      return true;
    case Op.RefI31: {
      const v = c.pop();
      c.result('ref', `(${v.e} << 1) >> 1`);
      return true;
    }
    case Op.I31GetS:
    case Op.I31GetU: {
      const v = c.pop();
      c.emit(`if (${v.e} === null) ${c.trapCode(TrapCode.NullI31Reference)};`);
      c.result('i32', op === Op.I31GetS ? v.e : `${v.e} & 2147483647`);
      return true;
    }
  }
  return false;
}

/**
 * Emits the null check of descriptor `d` (trapping with `null descriptor reference`) and returns a
 * JS boolean expression: is `v` null (when `nullable`) or a struct whose descriptor is `d`? The
 * descriptor is kept in `t2`, which the returned expression reads.
 */
function descTestExpr(c: FunctionCompiler, v: Entry, d: Entry, nullable: boolean): string {
  c.emit(`t2 = ${d.e}; if (t2 === null) ${c.trapCode(TrapCode.NullDescriptorReference)};`);
  const test = `(${v.e} instanceof GcStruct && ${v.e}.$d === t2)`;
  return nullable ? `(${v.e} === null || ${test})` : test;
}
