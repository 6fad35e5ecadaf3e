/**
 * Inline code for the cheap numeric operators: all of i32, f32 (with `fround` after every
 * arithmetic op) and f64 arithmetic, and the i64 pair operations that need no helper (add, sub,
 * bitwise, shifts, comparisons, extensions, wrap). Everything else falls back to the support
 * library (see `FunctionCompiler.genericHelper`).
 * @module
 */
import { Op } from '@wasmtide/parser';
import { TrapCode } from '../trap.js';
import type { Entry, FunctionCompiler } from './function.js';

const I32_BIN: Record<number, (a: string, b: string) => string> = {
  [Op.I32Add]: (a, b) => `(${a} + ${b}) | 0`,
  [Op.I32Sub]: (a, b) => `(${a} - ${b}) | 0`,
  [Op.I32Mul]: (a, b) => `imul(${a}, ${b})`,
  [Op.I32And]: (a, b) => `${a} & ${b}`,
  [Op.I32Or]: (a, b) => `${a} | ${b}`,
  [Op.I32Xor]: (a, b) => `${a} ^ ${b}`,
  [Op.I32Shl]: (a, b) => `${a} << ${b}`,
  [Op.I32ShrS]: (a, b) => `${a} >> ${b}`,
  [Op.I32ShrU]: (a, b) => `(${a} >>> ${b}) | 0`,
  [Op.I32Rotl]: (a, b) => `(${a} << ${b}) | (${a} >>> (32 - ${b}))`,
  [Op.I32Rotr]: (a, b) => `(${a} >>> ${b}) | (${a} << (32 - ${b}))`,
  [Op.I32Eq]: (a, b) => `${a} === ${b} ? 1 : 0`,
  [Op.I32Ne]: (a, b) => `${a} !== ${b} ? 1 : 0`,
  [Op.I32LtS]: (a, b) => `${a} < ${b} ? 1 : 0`,
  [Op.I32LtU]: (a, b) => `(${a} >>> 0) < (${b} >>> 0) ? 1 : 0`,
  [Op.I32GtS]: (a, b) => `${a} > ${b} ? 1 : 0`,
  [Op.I32GtU]: (a, b) => `(${a} >>> 0) > (${b} >>> 0) ? 1 : 0`,
  [Op.I32LeS]: (a, b) => `${a} <= ${b} ? 1 : 0`,
  [Op.I32LeU]: (a, b) => `(${a} >>> 0) <= (${b} >>> 0) ? 1 : 0`,
  [Op.I32GeS]: (a, b) => `${a} >= ${b} ? 1 : 0`,
  [Op.I32GeU]: (a, b) => `(${a} >>> 0) >= (${b} >>> 0) ? 1 : 0`,
};

const FLOAT_BIN: Record<number, [(a: string, b: string) => string, 'f32' | 'f64' | 'i32']> = {
  [Op.F32Add]: [(a, b) => `fround(${a} + ${b})`, 'f32'],
  [Op.F32Sub]: [(a, b) => `fround(${a} - ${b})`, 'f32'],
  [Op.F32Mul]: [(a, b) => `fround(${a} * ${b})`, 'f32'],
  [Op.F32Div]: [(a, b) => `fround(${a} / ${b})`, 'f32'],
  [Op.F32Min]: [(a, b) => `min(${a}, ${b})`, 'f32'],
  [Op.F32Max]: [(a, b) => `max(${a}, ${b})`, 'f32'],
  [Op.F64Add]: [(a, b) => `${a} + ${b}`, 'f64'],
  [Op.F64Sub]: [(a, b) => `${a} - ${b}`, 'f64'],
  [Op.F64Mul]: [(a, b) => `${a} * ${b}`, 'f64'],
  [Op.F64Div]: [(a, b) => `${a} / ${b}`, 'f64'],
  [Op.F64Min]: [(a, b) => `min(${a}, ${b})`, 'f64'],
  [Op.F64Max]: [(a, b) => `max(${a}, ${b})`, 'f64'],
  [Op.F32Eq]: [(a, b) => `${a} === ${b} ? 1 : 0`, 'i32'],
  [Op.F32Ne]: [(a, b) => `${a} !== ${b} ? 1 : 0`, 'i32'],
  [Op.F32Lt]: [(a, b) => `${a} < ${b} ? 1 : 0`, 'i32'],
  [Op.F32Gt]: [(a, b) => `${a} > ${b} ? 1 : 0`, 'i32'],
  [Op.F32Le]: [(a, b) => `${a} <= ${b} ? 1 : 0`, 'i32'],
  [Op.F32Ge]: [(a, b) => `${a} >= ${b} ? 1 : 0`, 'i32'],
  [Op.F64Eq]: [(a, b) => `${a} === ${b} ? 1 : 0`, 'i32'],
  [Op.F64Ne]: [(a, b) => `${a} !== ${b} ? 1 : 0`, 'i32'],
  [Op.F64Lt]: [(a, b) => `${a} < ${b} ? 1 : 0`, 'i32'],
  [Op.F64Gt]: [(a, b) => `${a} > ${b} ? 1 : 0`, 'i32'],
  [Op.F64Le]: [(a, b) => `${a} <= ${b} ? 1 : 0`, 'i32'],
  [Op.F64Ge]: [(a, b) => `${a} >= ${b} ? 1 : 0`, 'i32'],
};

const UN: Record<number, [(a: string) => string, 'i32' | 'f32' | 'f64']> = {
  [Op.I32Eqz]: [(a) => `${a} === 0 ? 1 : 0`, 'i32'],
  [Op.I32Clz]: [(a) => `clz32(${a})`, 'i32'],
  [Op.I32Ctz]: [(a) => `${a} === 0 ? 32 : 31 - clz32(${a} & -${a})`, 'i32'],
  [Op.I32Extend8S]: [(a) => `(${a} << 24) >> 24`, 'i32'],
  [Op.I32Extend16S]: [(a) => `(${a} << 16) >> 16`, 'i32'],
  [Op.F32Neg]: [(a) => `-${a}`, 'f32'],
  [Op.F64Neg]: [(a) => `-${a}`, 'f64'],
  [Op.F32Abs]: [(a) => `abs(${a})`, 'f32'],
  [Op.F64Abs]: [(a) => `abs(${a})`, 'f64'],
  [Op.F32Sqrt]: [(a) => `fround(sqrt(${a}))`, 'f32'],
  [Op.F64Sqrt]: [(a) => `sqrt(${a})`, 'f64'],
  [Op.F32ConvertI32S]: [(a) => `fround(${a})`, 'f32'],
  [Op.F32ConvertI32U]: [(a) => `fround(${a} >>> 0)`, 'f32'],
  [Op.F64ConvertI32S]: [(a) => `${a}`, 'f64'],
  [Op.F64ConvertI32U]: [(a) => `${a} >>> 0`, 'f64'],
  [Op.F32DemoteF64]: [(a) => `fround(${a})`, 'f32'],
};

const QUIETING: Record<number, string> = {
  [Op.F32Ceil]: 'f32_ceil',
  [Op.F64Ceil]: 'f64_ceil',
  [Op.F32Floor]: 'f32_floor',
  [Op.F64Floor]: 'f64_floor',
  [Op.F32Trunc]: 'f32_trunc',
  [Op.F64Trunc]: 'f64_trunc',
  [Op.F64PromoteF32]: 'f64_promote_f32',
};

/** An inline numeric operator's generator; returns false to leave `op` to the generic path. */
type NumericFn = (c: FunctionCompiler, op: number) => boolean;

function i32DivRem(c: FunctionCompiler, op: number): boolean {
  const b = c.pop();
  const a = c.pop();
  const zero = `if (${b.e} === 0) ${c.trapExpr(TrapCode.IntegerDivideByZero)};`;
  if (op === Op.I32DivS) {
    c.emitLine(`${zero} if (${a.e} === -2147483648 && ${b.e} === -1) ${c.trapExpr(TrapCode.IntegerOverflow)};`);
    c.emitResult('i32', `(${a.e} / ${b.e}) | 0`);
  } else if (op === Op.I32DivU) {
    c.emitLine(zero);
    c.emitResult('i32', `((${a.e} >>> 0) / (${b.e} >>> 0)) | 0`);
  } else if (op === Op.I32RemS) {
    c.emitLine(zero);
    c.emitResult('i32', `(${a.e} % ${b.e}) | 0`);
  } else {
    c.emitLine(zero);
    c.emitResult('i32', `((${a.e} >>> 0) % (${b.e} >>> 0)) | 0`);
  }
  return true;
}

// ceil/floor/trunc/promote must quiet a signalling NaN (Math.ceil returns it unchanged): the
// support helpers do, with the plain Math call on their fast path.
function quieting(c: FunctionCompiler, op: number): boolean {
  const a = c.pop();
  const name = QUIETING[op]!;
  c.emitResult(name.startsWith('f32') ? 'f32' : 'f64', `${c.helper(name)}(${a.e})`);
  return true;
}

function i32Popcnt(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult('i32', `${c.helper('i32_popcnt')}(${a.e})`);
  return true;
}

function i32WrapI64(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult('i32', a.e);
  return true;
}

function i64ExtendI32S(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(a.e, `${a.e} >> 31`);
  return true;
}

function i64ExtendI32U(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(a.e, '0');
  return true;
}

function i64Extend8S(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(`(${a.e} << 24) >> 24`, `(${a.e} << 24) >> 31`);
  return true;
}

function i64Extend16S(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(`(${a.e} << 16) >> 16`, `(${a.e} << 16) >> 31`);
  return true;
}

function i64Eqz(c: FunctionCompiler): boolean {
  const a = c.pop();
  boolOrValue(c, 'i32', `(${a.e} | ${a.h}) === 0 ? 1 : 0`);
  return true;
}

function i64Add(c: FunctionCompiler): boolean {
  const b = c.pop();
  const a = c.pop();
  const [l, h] = c.nextSlot('i64');
  c.emitLine(`t0 = (${a.e} + ${b.e}) | 0; ${h} = (${a.h} + ${b.h} + ((t0 >>> 0) < (${a.e} >>> 0) ? 1 : 0)) | 0; ${l} = t0;`);
  c.pushNextSlot('i64');
  return true;
}

function i64Sub(c: FunctionCompiler): boolean {
  const b = c.pop();
  const a = c.pop();
  const [l, h] = c.nextSlot('i64');
  c.emitLine(`t0 = (${a.e} - ${b.e}) | 0; ${h} = (${a.h} - ${b.h} - ((${a.e} >>> 0) < (${b.e} >>> 0) ? 1 : 0)) | 0; ${l} = t0;`);
  c.pushNextSlot('i64');
  return true;
}

function i64Mul(c: FunctionCompiler): boolean {
  const b = c.pop();
  const a = c.pop();
  emitMul64(c, a, b);
  return true;
}

function i64Rot(c: FunctionCompiler, op: number): boolean {
  const b = c.pop();
  if (!isIntLiteral(b.e)) {
    c.pushEntry('i64', b.e, b.h);
    return false;
  }
  const a = c.pop();
  let n = intLiteral(b.e) & 63;
  if (op === Op.I64Rotr) n = (64 - n) & 63;
  // Rotate left by n: swap halves for n >= 32, then rotate the pair by n & 31.
  const lo = n >= 32 ? a.h : a.e;
  const hi = n >= 32 ? a.e : a.h;
  const k = n & 31;
  if (k === 0) c.emitResult64(lo, hi);
  else c.emitResult64(`(${lo} << ${k}) | (${hi} >>> ${32 - k})`, `(${hi} << ${k}) | (${lo} >>> ${32 - k})`);
  return true;
}

function i64Clz(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(`${a.h} !== 0 ? clz32(${a.h}) : 32 + clz32(${a.e})`, '0');
  return true;
}

function i64Ctz(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult64(`${a.e} !== 0 ? 31 - clz32(${a.e} & -${a.e}) : ${a.h} !== 0 ? 63 - clz32(${a.h} & -${a.h}) : 64`, '0');
  return true;
}

function i64Bitwise(c: FunctionCompiler, op: number): boolean {
  const b = c.pop();
  const a = c.pop();
  const o = op === Op.I64And ? '&' : op === Op.I64Or ? '|' : '^';
  c.emitResult64(`${a.e} ${o} ${b.e}`, `${a.h} ${o} ${b.h}`);
  return true;
}

function i64Shift(c: FunctionCompiler, op: number): boolean {
  const b = c.pop();
  const a = c.pop();
  const [l, h] = c.nextSlot('i64');
  let code: string;
  if (isIntLiteral(b.e)) {
    // Constant count: resolve the case at compile time.
    const n = intLiteral(b.e) & 63;
    let lo: string;
    let hi: string;
    if (n === 0) {
      lo = a.e;
      hi = a.h;
    } else if (op === Op.I64Shl) {
      if (n < 32) {
        lo = `${a.e} << ${n}`;
        hi = `(${a.h} << ${n}) | (${a.e} >>> ${32 - n})`;
      } else {
        lo = '0';
        hi = `${a.e} << ${n - 32}`;
      }
    } else if (op === Op.I64ShrS) {
      if (n < 32) {
        lo = `(${a.e} >>> ${n}) | (${a.h} << ${32 - n})`;
        hi = `${a.h} >> ${n}`;
      } else {
        lo = `${a.h} >> ${n - 32}`;
        hi = `${a.h} >> 31`;
      }
    } else if (n < 32) {
      lo = `(${a.e} >>> ${n}) | (${a.h} << ${32 - n})`;
      hi = `(${a.h} >>> ${n}) | 0`;
    } else {
      lo = `(${a.h} >>> ${n - 32}) | 0`;
      hi = '0';
    }
    c.emitResult64(lo, hi);
    return true;
  }
  if (op === Op.I64Shl) {
    code =
      `t0 = ${b.e} & 63; if (t0 === 0) { t1 = ${a.e}; t2 = ${a.h}; } ` +
      `else if (t0 < 32) { t1 = ${a.e} << t0; t2 = (${a.h} << t0) | (${a.e} >>> (32 - t0)); } ` +
      `else { t1 = 0; t2 = ${a.e} << (t0 - 32); }`;
  } else if (op === Op.I64ShrS) {
    code =
      `t0 = ${b.e} & 63; if (t0 === 0) { t1 = ${a.e}; t2 = ${a.h}; } ` +
      `else if (t0 < 32) { t1 = (${a.e} >>> t0) | (${a.h} << (32 - t0)); t2 = ${a.h} >> t0; } ` +
      `else { t1 = ${a.h} >> (t0 - 32); t2 = ${a.h} >> 31; }`;
  } else {
    code =
      `t0 = ${b.e} & 63; if (t0 === 0) { t1 = ${a.e}; t2 = ${a.h}; } ` +
      `else if (t0 < 32) { t1 = (${a.e} >>> t0) | (${a.h} << (32 - t0)); t2 = (${a.h} >>> t0) | 0; } ` +
      `else { t1 = (${a.h} >>> (t0 - 32)) | 0; t2 = 0; }`;
  }
  c.emitLine(`${code} ${l} = t1; ${h} = t2;`);
  c.pushNextSlot('i64');
  return true;
}

function i64Compare(c: FunctionCompiler, op: number): boolean {
  const b = c.pop();
  const a = c.pop();
  boolOrValue(c, 'i32', `${cmp64(op, a.e, a.h, b.e, b.h)} ? 1 : 0`);
  return true;
}

function f64ConvertI64S(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult('f64', `${a.h} * 4294967296 + (${a.e} >>> 0)`);
  return true;
}

function f64ConvertI64U(c: FunctionCompiler): boolean {
  const a = c.pop();
  c.emitResult('f64', `(${a.h} >>> 0) * 4294967296 + (${a.e} >>> 0)`);
  return true;
}

/**
 * A binary or unary operator's expression cut at its operands (`p0 a p1 b p2`), when each operand
 * occurs once and in order; `cond` is `p2` without a trailing ` ? 1 : 0` (a comparison), else null.
 * Building the expression from the parts costs a few concatenations and no call.
 */
interface Parts {
  readonly p0: string;
  readonly p1: string;
  readonly p2: string;
  readonly cond: string | null;
}

const MARK_A = '\u0000a\u0000';
const MARK_B = '\u0000b\u0000';

function partsOf(expr: string, binary: boolean): Parts | null {
  const ia = expr.indexOf(MARK_A);
  if (ia < 0 || expr.indexOf(MARK_A, ia + 1) >= 0) return null;
  let p1 = '';
  let p2 = expr.slice(ia + MARK_A.length);
  if (binary) {
    const ib = p2.indexOf(MARK_B);
    if (ib < 0 || p2.indexOf(MARK_B, ib + 1) >= 0 || expr.indexOf(MARK_B) < ia) return null;
    p1 = p2.slice(0, ib);
    p2 = p2.slice(ib + MARK_B.length);
  }
  const cond = p2.endsWith(' ? 1 : 0') ? p2.slice(0, -8) : null;
  return { p0: expr.slice(0, ia), p1, p2, cond };
}

/** Whether the next operator consumes an i32 as a condition (`br_if`, `if`, `select`). */
function nextIsCondition(c: FunctionCompiler): boolean {
  const r = c.r;
  const next = r.pos < r.end ? r.bytes[r.pos] : -1;
  return next === Op.BrIf || next === Op.If || next === Op.Select || next === Op.SelectT;
}

/** A binary operator given by its parts: as `boolOrValue` on the whole expression. */
function binaryByParts(c: FunctionCompiler, k: 'i32' | 'f32' | 'f64', p: Parts): boolean {
  const b = c.pop();
  const a = c.pop();
  if (k === 'i32' && p.cond !== null && nextIsCondition(c)) c.stack.push({ k: 'i32', e: '(' + p.p0 + a.e + p.p1 + b.e + p.cond + ')', h: '' });
  else c.result(k, p.p0 + a.e + p.p1 + b.e + p.p2);
  return true;
}

/** A unary operator given by its parts. */
function unaryByParts(c: FunctionCompiler, k: 'i32' | 'f32' | 'f64', p: Parts): boolean {
  const a = c.pop();
  if (k === 'i32' && p.cond !== null && nextIsCondition(c)) c.stack.push({ k: 'i32', e: '(' + p.p0 + a.e + p.cond + ')', h: '' });
  else c.result(k, p.p0 + a.e + p.p2);
  return true;
}

/** The inline numeric operators (all one-byte opcodes), by opcode. */
const NUMERIC: readonly (NumericFn | undefined)[] = (() => {
  const t: (NumericFn | undefined)[] = new Array<NumericFn | undefined>(256).fill(undefined);
  const binary = (op: number, f: (a: string, b: string) => string, k: 'i32' | 'f32' | 'f64'): void => {
    const p = partsOf(f(MARK_A, MARK_B), true);
    t[op] =
      p !== null
        ? (c) => binaryByParts(c, k, p)
        : (c) => {
            const b = c.pop();
            const a = c.pop();
            boolOrValue(c, k, f(a.e, b.e));
            return true;
          };
  };
  for (const key of Object.keys(I32_BIN)) binary(Number(key), I32_BIN[Number(key)]!, 'i32');
  for (const key of Object.keys(FLOAT_BIN)) {
    const [f, k] = FLOAT_BIN[Number(key)]!;
    binary(Number(key), f, k);
  }
  for (const key of Object.keys(UN)) {
    const [f, k] = UN[Number(key)]!;
    const p = partsOf(f(MARK_A), false);
    t[Number(key)] =
      p !== null
        ? (c) => unaryByParts(c, k, p)
        : (c) => {
            const a = c.pop();
            boolOrValue(c, k, f(a.e));
            return true;
          };
  }
  const set = (ops: readonly number[], f: NumericFn): void => {
    for (const op of ops) t[op] = f;
  };
  set([Op.I32DivS, Op.I32DivU, Op.I32RemS, Op.I32RemU], i32DivRem);
  set([Op.F32Ceil, Op.F64Ceil, Op.F32Floor, Op.F64Floor, Op.F32Trunc, Op.F64Trunc, Op.F64PromoteF32], quieting);
  set([Op.I32Popcnt], i32Popcnt);
  set([Op.I32WrapI64], i32WrapI64);
  set([Op.I64ExtendI32S, Op.I64Extend32S], i64ExtendI32S);
  set([Op.I64ExtendI32U], i64ExtendI32U);
  set([Op.I64Extend8S], i64Extend8S);
  set([Op.I64Extend16S], i64Extend16S);
  set([Op.I64Eqz], i64Eqz);
  set([Op.I64Add], i64Add);
  set([Op.I64Sub], i64Sub);
  set([Op.I64Mul], i64Mul);
  set([Op.I64Rotl, Op.I64Rotr], i64Rot);
  set([Op.I64Clz], i64Clz);
  set([Op.I64Ctz], i64Ctz);
  set([Op.I64And, Op.I64Or, Op.I64Xor], i64Bitwise);
  set([Op.I64Shl, Op.I64ShrS, Op.I64ShrU], i64Shift);
  set([Op.I64Eq, Op.I64Ne, Op.I64LtS, Op.I64LtU, Op.I64GtS, Op.I64GtU, Op.I64LeS, Op.I64LeU, Op.I64GeS, Op.I64GeU], i64Compare);
  set([Op.F64ConvertI64S], f64ConvertI64S);
  set([Op.F64ConvertI64U], f64ConvertI64U);
  return t;
})();

/** Emits an inline numeric operator; returns false if `op` is not one of them. */
export function emitNumeric(c: FunctionCompiler, op: number): boolean {
  const f = op < 256 ? NUMERIC[op] : undefined;
  return f !== undefined && f(c, op);
}

/** The inline numeric operators' generators, by opcode (false: use the generic path). */
export function numericHandlers(): [number, NumericFn][] {
  const out: [number, NumericFn][] = [];
  for (let op = 0; op < 256; op++) {
    const f = NUMERIC[op];
    if (f !== undefined) out.push([op, f]);
  }
  return out;
}

/**
 * Emits a result; a comparison (`X ? 1 : 0`) consumed at once by `br_if` or `if` stays a JS
 * condition instead of being materialized as 0/1.
 */
function boolOrValue(c: FunctionCompiler, k: 'i32' | 'f32' | 'f64', expr: string): void {
  if (k === 'i32' && expr.endsWith(' ? 1 : 0')) {
    const next = c.r.pos < c.r.end ? c.r.bytes[c.r.pos] : -1;
    if (next === Op.BrIf || next === Op.If || next === Op.Select || next === Op.SelectT) {
      c.pushEntry('i32', `(${expr.slice(0, -8)})`);
      return;
    }
  }
  c.emitResult(k, expr);
}

function cmp64(op: number, a: string, ah: string, b: string, bh: string): string {
  const ulo = (o: string): string => `(${a} >>> 0) ${o} (${b} >>> 0)`;
  switch (op) {
    case Op.I64Eq:
      return `(${a} === ${b} && ${ah} === ${bh})`;
    case Op.I64Ne:
      return `(${a} !== ${b} || ${ah} !== ${bh})`;
    case Op.I64LtS:
      return `(${ah} < ${bh} || (${ah} === ${bh} && ${ulo('<')}))`;
    case Op.I64LtU:
      return `((${ah} >>> 0) < (${bh} >>> 0) || (${ah} === ${bh} && ${ulo('<')}))`;
    case Op.I64GtS:
      return `(${ah} > ${bh} || (${ah} === ${bh} && ${ulo('>')}))`;
    case Op.I64GtU:
      return `((${ah} >>> 0) > (${bh} >>> 0) || (${ah} === ${bh} && ${ulo('>')}))`;
    case Op.I64LeS:
      return `(${ah} < ${bh} || (${ah} === ${bh} && ${ulo('<=')}))`;
    case Op.I64LeU:
      return `((${ah} >>> 0) < (${bh} >>> 0) || (${ah} === ${bh} && ${ulo('<=')}))`;
    case Op.I64GeS:
      return `(${ah} > ${bh} || (${ah} === ${bh} && ${ulo('>=')}))`;
    default:
      return `((${ah} >>> 0) > (${bh} >>> 0) || (${ah} === ${bh} && ${ulo('>=')}))`;
  }
}

/** Whether an operand atom is an integer literal (`5`, `(-3)`: `(`? `-`? digits `)`?). */
function isIntLiteral(e: string): boolean {
  const n = e.length;
  let i = 0;
  if (i < n && e.charCodeAt(i) === 40 /* ( */) i++;
  if (i < n && e.charCodeAt(i) === 45 /* - */) i++;
  const digits = i;
  while (i < n) {
    const ch = e.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    i++;
  }
  if (i === digits) return false;
  if (i < n && e.charCodeAt(i) === 41 /* ) */) i++;
  return i === n;
}

/** The value of an integer literal atom. */
function intLiteral(e: string): number {
  return Number(e.replace(/[()]/g, ''));
}

/**
 * i64.mul inline: the low word is `imul(alo, blo)`; the high word adds the two cross products
 * (mod 2^32) to the high half of the unsigned 32x32 product, computed schoolbook-style from
 * 16-bit limbs with int32 operations only: `m2` = a1*b0 plus the carry out of a0*b0, `m3` = the
 * low half of `m2` plus a0*b1 (both below 2^32, wrapped by `| 0` and read back with `>>>`); the
 * high half is a1*b1 + (m2 >>> 16) + (m3 >>> 16). Limbs of a constant operand fold at compile time;
 * a constant below 2^21 takes one exact double product instead.
 */
function emitMul64(c: FunctionCompiler, a: Entry, b: Entry): void {
  // Put a constant operand second.
  if (isIntLiteral(a.e) && isIntLiteral(a.h) && !(isIntLiteral(b.e) && isIntLiteral(b.h))) {
    const t = a;
    a = b;
    b = t;
  }
  const bConst = isIntLiteral(b.e) && isIntLiteral(b.h);
  if (bConst && isIntLiteral(a.e) && isIntLiteral(a.h)) {
    const v = BigInt.asUintN(64, toBig(a) * toBig(b));
    c.emitResult64(fmtI32(Number(BigInt.asIntN(32, v))), fmtI32(Number(BigInt.asIntN(32, v >> 32n))));
    return;
  }
  const cross: string[] = [];
  const zero = (e: string): boolean => isIntLiteral(e) && intLiteral(e) === 0;
  if (!zero(b.h) && !zero(a.e)) cross.push(`imul(${a.e}, ${b.h})`);
  if (!zero(a.h) && !zero(b.e)) cross.push(`imul(${a.h}, ${b.e})`);
  let high: string;
  if (bConst) {
    const bl = intLiteral(b.e) >>> 0;
    if (bl === 0) high = '';
    else if (bl < 0x200000) {
      // (alo >>> 0) * bl < 2^53: one exact double product.
      high = `((${a.e} >>> 0) * ${bl} / 4294967296)`;
    } else {
      const b0 = bl & 0xffff;
      const b1 = bl >>> 16;
      c.useTemps(4);
      c.emitLine(
        `m0 = ${a.e} & 65535; m1 = ${a.e} >>> 16; m2 = (imul(m0, ${b0}) >>> 16) + imul(m1, ${b0}) | 0; m3 = (m2 & 65535) + imul(m0, ${b1}) | 0;`,
      );
      high = `imul(m1, ${b1}) + (m2 >>> 16) + (m3 >>> 16)`;
    }
  } else {
    c.useTemps(6);
    c.emitLine(
      `m0 = ${a.e} & 65535; m1 = ${a.e} >>> 16; m4 = ${b.e} & 65535; m5 = ${b.e} >>> 16; ` +
        'm2 = (imul(m0, m4) >>> 16) + imul(m1, m4) | 0; m3 = (m2 & 65535) + imul(m0, m5) | 0;',
    );
    high = 'imul(m1, m5) + (m2 >>> 16) + (m3 >>> 16)';
  }
  if (high.startsWith('((') && high.endsWith('/ 4294967296)')) high = `(${high} | 0)`;
  const terms = high === '' ? cross : [high, ...cross];
  const hi = terms.length === 0 ? '0' : `(${terms.join(' + ')}) | 0`;
  const lo = bConst && intLiteral(b.e) === 0 ? '0' : `imul(${a.e}, ${b.e})`;
  c.emitResult64(lo, hi);
}

function toBig(e: Entry): bigint {
  return (BigInt(intLiteral(e.h)) << 32n) | BigInt(intLiteral(e.e) >>> 0);
}

function fmtI32(v: number): string {
  return v < 0 ? `(${v})` : String(v);
}
