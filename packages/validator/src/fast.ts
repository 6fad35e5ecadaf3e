/**
 * The fast loop over a function body: the common WebAssembly 1.0 operators validated inline, with
 * the operand stack, its height and the byte cursor in local variables, one `switch` on the opcode
 * byte (numeric literals as cases, so it compiles to a jump table), and no allocation per instruction.
 *
 * It is split for a cold start: the engine runs a function in slow tiers until it has optimized
 * it, and optimizes in time that grows with the function's size. So the loop itself
 * ({@link FastValidator.runFast}) is small and takes only the operators that make up most of real
 * code (locals, constants, numeric operators, loads and stores); control, calls and globals go to
 * a second function with the state in fields (`fastControl`), and the rarest
 * ones to helpers of their own.
 *
 * Every case first checks all it needs (immediates short and in range, operand types exactly the
 * expected ones, room on the stacks) and only then commits. Anything else (an unusual encoding,
 * a type that needs subtyping, unreachable code's bottom operands, an error, a proposal's
 * operator) goes to the general path, {@link FastValidator.step}, for that one instruction, which
 * re-reads it from its first byte. So results, facts and error wordings are those of the general
 * path.
 * @module
 */
import { OPS } from '@wasmtide/parser';
import { K_FUNC, valSub } from './ctx.js';
import { ALIGN, FEAT, MEM_TYPE, SIG_IN, SIG_OUT, slot } from './optable.js';
import { OpValidator } from './ops.js';
import {
  EMPTY, F_BLOCK, F_ELSE, F_IF, F_LOOP, FACT_CALL, FACT_CALL_INDIRECT, FACT_GLOBAL, FACT_MEMORY, FACT_TABLE,
} from './state.js';
import { F32, F64, H_FUNC, I32, I64, refCode } from './valtypes.js';

/** Fixed-signature one-byte operators without immediates: parameter count (1 or 2; 0: not one). */
const NUM_N = new Uint8Array(256);
/** Their first and second parameter and their result (value type codes). */
const NUM_A = new Uint8Array(256);
const NUM_B = new Uint8Array(256);
const NUM_R = new Uint8Array(256);

for (const o of OPS) {
  const b = o.code;
  if (b >= 0x100 || o.imm !== 'none') continue;
  const sin = SIG_IN[b];
  const sout = SIG_OUT[b];
  if (!sin || !sout || sout.length !== 1 || sin.length < 1 || sin.length > 2) continue;
  NUM_N[b] = sin.length;
  NUM_A[b] = sin[0]!;
  NUM_B[b] = sin.length === 2 ? sin[1]! : 0;
  NUM_R[b] = sout[0]!;
}

/** Operators whose first immediate is a u32 (a local, global, function or type index, or a label). */
const U32_FIRST = new Uint8Array(256);
for (const b of [0x0c, 0x0d, 0x10, 0x11, 0x20, 0x21, 0x22, 0x23, 0x24]) U32_FIRST[b] = 1;

/** Operand-stack height after an instruction handled by one of the fast loop's helpers. */
let outSp = 0;

/** Single-result block types for the one-byte number types (index: the type code). */
const SINGLE: Int32Array[] = [EMPTY, Int32Array.of(I32), Int32Array.of(I64), Int32Array.of(F32), Int32Array.of(F64)];

let fastPathOn = true;

/**
 * Test hook: with false, function bodies go through the general path only (the reference that the
 * fast loop must agree with). Not part of the public API.
 */
export function setFastPath(on: boolean): void {
  fastPathOn = on;
}

/** Whether the fast loop is in use (see {@link setFastPath}). */
export function fastPathEnabled(): boolean {
  return fastPathOn;
}

/** End of the last LEB128 read by {@link leb}. */
let lebEnd = 0;

/**
 * An unsigned 32-bit LEB128 at `q`, with {@link lebEnd} set past it; -1 if it runs past `end`, is
 * longer than 5 bytes or is out of range (the general path then reads it, with every check). Padded
 * 5-byte encodings, as linkers leave them for relocations, take this path too.
 */
function leb(bytes: Uint8Array, q: number, end: number): number {
  if (q + 5 <= end) {
    const b0 = bytes[q]!;
    if (b0 < 0x80) {
      lebEnd = q + 1;
      return b0;
    }
    const b1 = bytes[q + 1]!;
    if (b1 < 0x80) {
      lebEnd = q + 2;
      return (b0 & 0x7f) | (b1 << 7);
    }
    const b2 = bytes[q + 2]!;
    if (b2 < 0x80) {
      lebEnd = q + 3;
      return (b0 & 0x7f) | ((b1 & 0x7f) << 7) | (b2 << 14);
    }
    const b3 = bytes[q + 3]!;
    const lo = (b0 & 0x7f) | ((b1 & 0x7f) << 7) | ((b2 & 0x7f) << 14) | ((b3 & 0x7f) << 21);
    if (b3 < 0x80) {
      lebEnd = q + 4;
      return lo;
    }
    const b4 = bytes[q + 4]!;
    if (b4 < 0x10) {
      lebEnd = q + 5;
      return lo + b4 * 0x10000000;
    }
    return -1;
  }
  // near the end of the body: byte by byte
  let x = 0;
  let mul = 1;
  for (let k = 0; k < 5 && q + k < end; k++) {
    const b = bytes[q + k]!;
    if (k === 4 && b >= 0x10) return -1;
    x += (b & 0x7f) * mul;
    if (b < 0x80) {
      lebEnd = q + k + 1;
      return x;
    }
    mul *= 128;
  }
  return -1;
}

/**
 * Skips a LEB128 that ends within its first `max` bytes, where any value of that length is in
 * range (so not the last byte of a full-width encoding); returns the position after it, or -1.
 */
function skipLeb(bytes: Uint8Array, q: number, end: number, max: number): number {
  const stop = q + max < end ? q + max : end;
  for (; q < stop; q++) if (bytes[q]! < 0x80) return q + 1;
  return -1;
}

/**
 * Skips a signed 32-bit LEB128 (an `i32.const`), including the padded 5-byte form whose last byte
 * only repeats the sign; returns the position after it, or -1.
 */
export function skipS32(bytes: Uint8Array, q: number, end: number): number {
  const e = skipLeb(bytes, q, end, 4);
  if (e >= 0 || q + 4 >= end) return e;
  const b4 = bytes[q + 4]!;
  const high = b4 & 0xf8;
  return high === 0 || high === 0x78 ? q + 5 : -1;
}

/** Adds the fast loop to the operator validators; {@link step} is the general path. */
export abstract class FastValidator extends OpValidator {
  /** {@link NUM_N} under this validator's features (0 for the operators of disabled proposals). */
  private readonly numN: Uint8Array;
  /** Whether `memory.copy` and `memory.fill` are available (the bulk memory proposal). */
  private readonly bulkMemory: boolean;
  /** Per table: 1 if it holds function references (a `call_indirect` target). */
  private readonly tableFuncs: Uint8Array;

  constructor(...args: ConstructorParameters<typeof OpValidator>) {
    super(...args);
    const numN = NUM_N.slice();
    for (let b = 0; b < 256; b++) {
      const f = FEAT[b]!;
      if (f === 255 || (f !== 0 && !this.enabled[f])) numN[b] = 0;
    }
    this.numN = numN;
    this.bulkMemory = this.enabled[FEAT[slot(0xfc00a)]!] === 1;
    const ctx = this.ctx;
    const funcref = refCode(H_FUNC, true);
    this.tableFuncs = Uint8Array.from(ctx.tableElem, (t) => (valSub(ctx, t, funcref) ? 1 : 0));
  }

  /** Validates the single instruction at `r.pos` (the general path). */
  protected abstract step(): void;

  /**
   * Validates a function body from `r.pos` until the control stack empties (the final `end`),
   * leaving `r.pos` after it. The frame of the function is already pushed.
   */
  protected runFast(end: number): void {
    const r = this.r;
    const bytes = r.bytes;
    const numN = this.numN;
    const nLocals = this.nLocals;
    const locals = this.locals;
    const localInit = this.localInit;
    const ctx = this.ctx;
    const mem0 = ctx.nMems > 0 ? ctx.memAddr[0]! : 0;
    let p = r.pos;
    let sp = this.sp;
    let vals = this.vals;
    let maxSp = this.maxSp;
    let flags = this.flags;
    let h = this.cHeight[this.depth - 1]!;

    // Kept small on purpose: the engine optimizes a function in time that grows with its size, and
    // until it has, this loop runs in a slow tier. It takes the operators that make up most of real
    // code; control, calls and globals go to fastControl, anything unusual to the general path.
    for (;;) {
      if (p < end) {
        const b = bytes[p]!;
        const q = p + 1;
        // each case either validates the instruction and continues, or breaks to the slower paths
        switch (b) {
          case 0x20: { // local.get
            let i = q < end ? bytes[q]! : 0x80;
            let e = q + 1;
            if (i >= 0x80) {
              i = leb(bytes, q, end);
              e = lebEnd;
            }
            if (i < 0 || i >= nLocals || localInit[i] !== 1 || sp >= vals.length) break;
            vals[sp++] = locals[i]!;
            if (sp > maxSp) maxSp = sp;
            p = e;
            continue;
          }
          case 0x21: // local.set
          case 0x22: { // local.tee
            let i = q < end ? bytes[q]! : 0x80;
            let e = q + 1;
            if (i >= 0x80) {
              i = leb(bytes, q, end);
              e = lebEnd;
            }
            if (i < 0 || i >= nLocals || localInit[i] !== 1 || sp <= h || vals[sp - 1] !== locals[i]) break;
            if (b === 0x21) sp--;
            p = e;
            continue;
          }
          case 0x41: { // i32.const
            const e = skipS32(bytes, q, end);
            if (e < 0 || sp >= vals.length) break;
            vals[sp++] = I32;
            if (sp > maxSp) maxSp = sp;
            p = e;
            continue;
          }
          case 0x42: { // i64.const
            let e = skipLeb(bytes, q, end, 9);
            // the full 10-byte form: its last byte only repeats the sign
            if (e < 0 && q + 9 < end && bytes[q + 8]! >= 0x80 && (bytes[q + 9] === 0 || bytes[q + 9] === 0x7f)) e = q + 10;
            if (e < 0 || sp >= vals.length) break;
            vals[sp++] = I64;
            if (sp > maxSp) maxSp = sp;
            p = e;
            continue;
          }
          // loads and stores
          case 0x28: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e: case 0x2f: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35:
          case 0x36: case 0x37: case 0x38: case 0x39: case 0x3a: case 0x3b: case 0x3c: case 0x3d: case 0x3e: {
            // memarg: alignment flags (no memory index), offset below 2^28; memory 0
            if (q >= end || mem0 === 0 || bytes[q]! > ALIGN[b]!) break;
            const off = leb(bytes, q + 1, end);
            if (off < 0) break;
            const t = MEM_TYPE[b]!;
            if (b >= 0x36) {
              if (sp - 2 < h || vals[sp - 1] !== t || vals[sp - 2] !== mem0) break;
              sp -= 2;
            } else {
              if (sp <= h || vals[sp - 1] !== mem0) break;
              vals[sp - 1] = t;
            }
            flags |= FACT_MEMORY;
            p = lebEnd;
            continue;
          }
          default: {
            // fixed-signature numeric operators
            const n = numN[b];
            if (n === 2) {
              if (sp - 2 < h || vals[sp - 1] !== NUM_B[b] || vals[sp - 2] !== NUM_A[b]) break;
              sp--;
            } else if (n !== 1 || sp <= h || vals[sp - 1] !== NUM_A[b]) {
              break;
            }
            vals[sp - 1] = NUM_R[b]!;
            p = q;
            continue;
          }
        }
      }
      // control, calls and globals, or failing that the general path, for this one instruction
      this.sp = sp;
      this.maxSp = maxSp;
      this.flags = flags;
      let e = p < end ? this.fastControl(bytes[p]!, p, end) : -1;
      if (e < 0) {
        r.pos = p;
        this.step();
        e = r.pos;
      }
      p = e;
      sp = this.sp;
      maxSp = this.maxSp;
      flags = this.flags;
      const depth = this.depth;
      if (depth === 0) break;
      vals = this.vals;
      h = this.cHeight[depth - 1]!;
    }
    r.pos = p;
    this.sp = sp;
    this.maxSp = maxSp;
    this.flags = flags;
  }

  /**
   * The fast path for the control, call and global operators, with the machine state in the
   * fields: validates the instruction `b` at `p` and returns the position after it, or returns -1
   * (having changed nothing) for the general path.
   */
  private fastControl(b: number, p: number, end: number): number {
    const bytes = this.r.bytes;
    const ctx = this.ctx;
    const vals = this.vals;
    const cKind = this.cKind;
    const cUnr = this.cUnr;
    const cIn = this.cIn;
    const cOut = this.cOut;
    let sp = this.sp;
    let depth = this.depth;
    const h = this.cHeight[depth - 1]!;
    let q = p + 1;
    // the u32 immediate (index or label) of the operators that start with one
    let x = 0;
    if (U32_FIRST[b] === 1) {
      x = q < end ? bytes[q]! : 0x80;
      if (x < 0x80) q++;
      else {
        x = leb(bytes, q, end);
        if (x < 0) return -1;
        q = lebEnd;
      }
    }
    let facts = 0;
    switch (b) {
      case 0x10: { // call
        if (x >= ctx.nFuncs) return -1;
        const t = ctx.funcType[x]!;
        const params = ctx.params[t]!;
        const res = ctx.results[t]!;
        const n = params.length;
        if (!popsExact(vals, sp, h, params) || sp - n + res.length > vals.length) return -1;
        sp -= n;
        for (let k = 0; k < res.length; k++) vals[sp++] = res[k]!;
        facts = FACT_CALL;
        break;
      }
      case 0x11: { // call_indirect
        const e = this.callIndirect(x, q, end, vals, sp, h);
        if (e < 0) return -1;
        sp = outSp;
        facts = FACT_TABLE | FACT_CALL_INDIRECT;
        q = e;
        break;
      }
      case 0x23: // global.get
        if (x >= ctx.nGlobals || sp >= vals.length) return -1;
        vals[sp++] = ctx.globalType[x]!;
        facts = FACT_GLOBAL;
        break;
      case 0x24: // global.set
        if (x >= ctx.nGlobals || ctx.globalMut[x] !== 1 || sp <= h || vals[sp - 1] !== ctx.globalType[x]) return -1;
        sp--;
        facts = FACT_GLOBAL;
        break;
      case 0x02: // block
      case 0x03: // loop
      case 0x04: { // if
        if (q >= end || depth === cKind.length) return -1;
        const bt = bytes[q]!;
        let outs: Int32Array;
        if (bt === 0x40) outs = EMPTY;
        else if (bt >= 0x7c && bt <= 0x7f) outs = SINGLE[0x80 - bt]!;
        else return -1;
        let kind = F_BLOCK;
        if (b === 0x04) {
          if (sp <= h || vals[sp - 1] !== I32) return -1;
          sp--;
          kind = F_IF;
        } else if (b === 0x03) {
          kind = F_LOOP;
        }
        cKind[depth] = kind;
        this.cHeight[depth] = sp;
        cUnr[depth] = 0;
        this.cInit[depth] = this.initSp;
        cIn[depth] = EMPTY;
        cOut[depth] = outs;
        depth++;
        const maxDepth = this.maxDepth;
        this.maxDepth = depth > maxDepth ? depth : maxDepth;
        q++;
        break;
      }
      case 0x0b: { // end
        const d = depth - 1;
        const outs = cOut[d]!;
        const n = outs.length;
        if (this.cInit[d] !== this.initSp) return -1;
        // an if without else passes its parameters through: they must be the results
        if (cKind[d] === F_IF && !sameTypes(cIn[d]!, outs)) return -1;
        if (sp === h && n > 0 && cUnr[d] === 1) {
          // unreachable with nothing left: the results stand for themselves
          if (h + n > vals.length) return -1;
          if (d > 0) for (let k = 0; k < n; k++) vals[sp++] = outs[k]!;
        } else {
          if (sp !== h + n || !popsExact(vals, sp, h, outs)) return -1;
          // the results stay where they are (the frame's height plus its results), but the
          // function's are taken off
          if (d === 0) sp = h;
        }
        depth = d;
        break;
      }
      case 0x05: { // else
        const d = depth - 1;
        if (cKind[d] !== F_IF || this.cInit[d] !== this.initSp) return -1;
        const ins = cIn[d]!;
        const outs = cOut[d]!;
        if (h + ins.length > vals.length) return -1;
        if (!(sp === h && cUnr[d] === 1) && (sp !== h + outs.length || !popsExact(vals, sp, h, outs))) return -1;
        cKind[d] = F_ELSE;
        cUnr[d] = 0;
        sp = h;
        for (let k = 0; k < ins.length; k++) vals[sp++] = ins[k]!;
        break;
      }
      case 0x0c: // br
      case 0x0d: { // br_if
        if (x >= depth) return -1;
        const li = depth - 1 - x;
        const lt = cKind[li] === F_LOOP ? cIn[li]! : cOut[li]!;
        if (b === 0x0d) {
          if (sp <= h || vals[sp - 1] !== I32 || !popsExact(vals, sp - 1, h, lt)) return -1;
          sp--;
        } else {
          if (!popsExact(vals, sp, h, lt)) return -1;
          sp = h;
          cUnr[depth - 1] = 1;
        }
        break;
      }
      case 0x0e: { // br_table
        const e = brTable(bytes, q, end, vals, sp, h, depth, cKind, cIn, cOut);
        if (e < 0) return -1;
        sp = h;
        cUnr[depth - 1] = 1;
        q = e;
        break;
      }
      case 0x0f: // return
        if (!popsExact(vals, sp, h, cOut[0]!)) return -1;
        sp = h;
        cUnr[depth - 1] = 1;
        break;
      case 0x00: // unreachable
        sp = h;
        cUnr[depth - 1] = 1;
        break;
      case 0x01: // nop
        break;
      case 0x1a: // drop
        if (sp <= h || vals[sp - 1] === 0) return -1;
        sp--;
        break;
      case 0x1b: { // select
        if (sp - 3 < h || vals[sp - 1] !== I32) return -1;
        const t = vals[sp - 2]!;
        if (t === 0 || t >= 8 || vals[sp - 3] !== t) return -1;
        sp -= 2;
        break;
      }
      case 0x43: // f32.const
      case 0x44: // f64.const
        q += b === 0x43 ? 4 : 8;
        if (q > end || sp >= vals.length) return -1;
        vals[sp++] = b === 0x43 ? F32 : F64;
        break;
      case 0x3f: // memory.size
      case 0x40: // memory.grow
      case 0xfc: { // memory.copy and memory.fill
        const mem0 = ctx.nMems > 0 ? ctx.memAddr[0]! : 0;
        const e = this.memoryOp(b, q, end, vals, sp, h, mem0);
        if (e < 0) return -1;
        sp = outSp;
        facts = FACT_MEMORY;
        q = e;
        break;
      }
      default:
        return -1;
    }
    // unconditional stores: a store never reached while warming up would cost a deoptimization
    const maxSp = this.maxSp;
    this.maxSp = sp > maxSp ? sp : maxSp;
    this.sp = sp;
    this.depth = depth;
    this.flags |= facts;
    return q;
  }

  /**
   * `call_indirect` of type `ti` with its table index at `q`, for the fast loop: the position after
   * it, with {@link outSp} set, or -1 for the general path.
   */
  private callIndirect(ti: number, q: number, end: number, vals: Int32Array, sp: number, h: number): number {
    const ctx = this.ctx;
    if (ti >= ctx.nTypes || ctx.kind[ti] !== K_FUNC) return -1;
    const tab = leb(this.r.bytes, q, end);
    const tableFuncs = this.tableFuncs;
    if (tab < 0 || tab >= tableFuncs.length || tableFuncs[tab] === 0) return -1;
    if (sp - 1 < h || vals[sp - 1] !== ctx.tableAddr[tab]) return -1;
    const params = ctx.params[ti]!;
    const res = ctx.results[ti]!;
    const n = params.length + 1;
    if (!popsExact(vals, sp - 1, h, params) || sp - n + res.length > vals.length) return -1;
    sp -= n;
    for (let k = 0; k < res.length; k++) vals[sp++] = res[k]!;
    outSp = sp;
    return lebEnd;
  }

  /**
   * `memory.size`, `memory.grow` (0x3F, 0x40) and `memory.copy`, `memory.fill` (0xFC 10, 0xFC 11)
   * of memory 0 with address type `mem0` (0: no memory), immediates at `q`, for the fast loop: the
   * position after it, with {@link outSp} set, or -1 for the general path.
   */
  private memoryOp(b: number, q: number, end: number, vals: Int32Array, sp: number, h: number, mem0: number): number {
    const bytes = this.r.bytes;
    if (mem0 === 0) return -1;
    if (b === 0xfc) {
      if (!this.bulkMemory || q + 1 >= end || bytes[q + 1] !== 0 || sp - 3 < h) return -1;
      const sub = bytes[q];
      let e: number;
      if (sub === 0x0a) {
        if (q + 2 >= end || bytes[q + 2] !== 0) return -1;
        if (vals[sp - 1] !== mem0 || vals[sp - 2] !== mem0 || vals[sp - 3] !== mem0) return -1;
        e = q + 3;
      } else if (sub === 0x0b) {
        if (vals[sp - 1] !== mem0 || vals[sp - 2] !== I32 || vals[sp - 3] !== mem0) return -1;
        e = q + 2;
      } else {
        return -1;
      }
      outSp = sp - 3;
      return e;
    }
    if (q >= end || bytes[q] !== 0) return -1;
    if (b === 0x3f) {
      if (sp >= vals.length) return -1;
      vals[sp++] = mem0;
    } else if (sp <= h || vals[sp - 1] !== mem0) {
      return -1;
    }
    outSp = sp;
    return q + 1;
  }
}

/**
 * `br_table` with its immediates at `q` when the label count and every label are one byte and all
 * labels have the default's types, which the operands match: the position after it, or -1.
 */
function brTable(
  bytes: Uint8Array, q: number, end: number, vals: Int32Array, sp: number, h: number, depth: number,
  cKind: Uint8Array, cIn: Int32Array[], cOut: Int32Array[],
): number {
  if (q >= end) return -1;
  const n = bytes[q]!;
  if (n >= 0x80 || q + n + 1 >= end || sp <= h || vals[sp - 1] !== I32) return -1;
  let lt0: Int32Array = EMPTY;
  for (let k = 0; k <= n; k++) {
    const l = bytes[q + 1 + k]!;
    if (l >= 0x80 || l >= depth) return -1;
    const li = depth - 1 - l;
    const lt = cKind[li] === F_LOOP ? cIn[li]! : cOut[li]!;
    if (k === 0) lt0 = lt;
    else if (lt !== lt0 && !sameTypes(lt, lt0)) return -1;
  }
  return popsExact(vals, sp - 1, h, lt0) ? q + n + 2 : -1;
}

/** True if the values below `sp` (above height `h`) are exactly `ts`. */
function popsExact(vals: Int32Array, sp: number, h: number, ts: Int32Array): boolean {
  const n = ts.length;
  if (sp - n < h) return false;
  const base = sp - n;
  for (let k = 0; k < n; k++) if (vals[base + k] !== ts[k]) return false;
  return true;
}

/** True if two type lists are equal. */
function sameTypes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
