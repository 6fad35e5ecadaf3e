/**
 * The fast loop over a function body: the common WebAssembly 1.0 operators validated inline, with
 * the operand stack, its height and the byte cursor in local variables, one `switch` on the opcode
 * byte (numeric literals as cases, so it compiles to a jump table), and no allocation per instruction.
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
    const ctx = this.ctx;
    const r = this.r;
    const bytes = r.bytes;
    const numN = this.numN;
    const nLocals = this.nLocals;
    const locals = this.locals;
    const localInit = this.localInit;
    const nFuncs = ctx.nFuncs;
    const funcType = ctx.funcType;
    const fParams = ctx.params;
    const fResults = ctx.results;
    const nGlobals = ctx.nGlobals;
    const globalType = ctx.globalType;
    const globalMut = ctx.globalMut;
    const mem0 = ctx.nMems > 0 ? ctx.memAddr[0]! : 0;
    const tableFuncs = this.tableFuncs;
    let p = r.pos;
    let sp = this.sp;
    let vals = this.vals;
    let depth = this.depth;
    let maxSp = this.maxSp;
    let maxDepth = this.maxDepth;
    let flags = this.flags;
    let cKind = this.cKind;
    let cHeight = this.cHeight;
    let cUnr = this.cUnr;
    let cInit = this.cInit;
    let cIn = this.cIn;
    let cOut = this.cOut;
    let h = cHeight[depth - 1]!;

    for (;;) {
      const at = p;
      if (p < end) {
        const b = bytes[p]!;
        const q = p + 1;
        switch (b) {
          case 0x20: { // local.get
            const i = leb(bytes, q, end);
            if (i >= 0 && i < nLocals && localInit[i] === 1 && sp < vals.length) {
              vals[sp++] = locals[i]!;
              if (sp > maxSp) maxSp = sp;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x21: { // local.set
            const i = leb(bytes, q, end);
            if (i >= 0 && i < nLocals && localInit[i] === 1 && sp > h && vals[sp - 1] === locals[i]) {
              sp--;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x22: { // local.tee
            const i = leb(bytes, q, end);
            if (i >= 0 && i < nLocals && localInit[i] === 1 && sp > h && vals[sp - 1] === locals[i]) {
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x41: { // i32.const
            const e = skipS32(bytes, q, end);
            if (e >= 0 && sp < vals.length) {
              vals[sp++] = I32;
              if (sp > maxSp) maxSp = sp;
              p = e;
              continue;
            }
            break;
          }
          // loads and stores
          case 0x28: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e: case 0x2f: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35:
          case 0x36: case 0x37: case 0x38: case 0x39: case 0x3a: case 0x3b: case 0x3c: case 0x3d: case 0x3e: {
            // memarg: alignment flags (no memory index), offset below 2^28; memory 0
            if (q >= end || mem0 === 0) break;
            const align = bytes[q]!;
            if (align > ALIGN[b]!) break;
            const off = leb(bytes, q + 1, end);
            if (off < 0) break;
            const t = MEM_TYPE[b]!;
            if (b >= 0x36) {
              if (sp - 2 >= h && vals[sp - 1] === t && vals[sp - 2] === mem0) {
                sp -= 2;
                flags |= FACT_MEMORY;
                p = lebEnd;
                continue;
              }
            } else if (sp > h && vals[sp - 1] === mem0) {
              vals[sp - 1] = t;
              flags |= FACT_MEMORY;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x10: { // call
            const f = leb(bytes, q, end);
            if (f < 0 || f >= nFuncs) break;
            const t = funcType[f]!;
            if (popsExact(vals, sp, h, fParams[t]!)) {
              const res = fResults[t]!;
              const n = fParams[t]!.length;
              if (sp - n + res.length > vals.length) break;
              sp -= n;
              for (let k = 0; k < res.length; k++) vals[sp++] = res[k]!;
              if (sp > maxSp) maxSp = sp;
              flags |= FACT_CALL;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x11: { // call_indirect
            const ti = leb(bytes, q, end);
            if (ti < 0 || ti >= ctx.nTypes || ctx.kind[ti] !== K_FUNC) break;
            const tab = leb(bytes, lebEnd, end);
            if (tab < 0 || tab >= tableFuncs.length || tableFuncs[tab] === 0) break;
            if (sp - 1 < h || vals[sp - 1] !== ctx.tableAddr[tab]) break;
            const params = fParams[ti]!;
            if (popsExact(vals, sp - 1, h, params)) {
              const res = fResults[ti]!;
              const n = params.length + 1;
              if (sp - n + res.length > vals.length) break;
              sp -= n;
              for (let k = 0; k < res.length; k++) vals[sp++] = res[k]!;
              if (sp > maxSp) maxSp = sp;
              flags |= FACT_TABLE | FACT_CALL_INDIRECT;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x23: { // global.get
            const g = leb(bytes, q, end);
            if (g >= 0 && g < nGlobals && sp < vals.length) {
              vals[sp++] = globalType[g]!;
              if (sp > maxSp) maxSp = sp;
              flags |= FACT_GLOBAL;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x24: { // global.set
            const g = leb(bytes, q, end);
            if (g >= 0 && g < nGlobals && globalMut[g] === 1 && sp > h && vals[sp - 1] === globalType[g]) {
              sp--;
              flags |= FACT_GLOBAL;
              p = lebEnd;
              continue;
            }
            break;
          }
          case 0x02: // block
          case 0x03: // loop
          case 0x04: { // if
            if (q >= end || depth === cKind.length) break;
            const bt = bytes[q]!;
            let outs: Int32Array;
            if (bt === 0x40) outs = EMPTY;
            else if (bt >= 0x7c && bt <= 0x7f) outs = SINGLE[0x80 - bt]!;
            else break;
            let kind = F_BLOCK;
            if (b === 0x04) {
              if (sp <= h || vals[sp - 1] !== I32) break;
              sp--;
              kind = F_IF;
            } else if (b === 0x03) {
              kind = F_LOOP;
            }
            cKind[depth] = kind;
            cHeight[depth] = sp;
            cUnr[depth] = 0;
            cInit[depth] = this.initSp;
            cIn[depth] = EMPTY;
            cOut[depth] = outs;
            h = sp;
            depth++;
            if (depth > maxDepth) maxDepth = depth;
            p = q + 1;
            continue;
          }
          case 0x0b: { // end
            const d = depth - 1;
            const outs = cOut[d]!;
            const n = outs.length;
            if (cInit[d] !== this.initSp) break;
            if (sp === h && n > 0 && cUnr[d] === 1) {
              // unreachable with nothing left: the results stand for themselves
              if (h + n > vals.length) break;
              if (cKind[d] === F_IF && !sameTypes(cIn[d]!, outs)) break;
              depth = d;
              p = q;
              if (d === 0) break;
              for (let k = 0; k < n; k++) vals[sp++] = outs[k]!;
              if (sp > maxSp) maxSp = sp;
              h = cHeight[d - 1]!;
              continue;
            }
            if (sp !== h + n) break;
            let ok = true;
            for (let k = 0; k < n; k++) {
              if (vals[h + k] !== outs[k]) {
                ok = false;
                break;
              }
            }
            if (!ok) break;
            if (cKind[d] === F_IF) {
              // the implicit else passes the parameters through: they must be the results
              const ins = cIn[d]!;
              if (ins.length !== n) break;
              for (let k = 0; k < n; k++) {
                if (ins[k] !== outs[k]) {
                  ok = false;
                  break;
                }
              }
              if (!ok) break;
            }
            depth = d;
            p = q;
            if (d === 0) {
              sp = h;
              break;
            }
            // the results stay where they are: the frame's height plus its results
            h = cHeight[d - 1]!;
            continue;
          }
          case 0x05: { // else
            const d = depth - 1;
            if (cKind[d] !== F_IF) break;
            const outs = cOut[d]!;
            const ins = cIn[d]!;
            const n = outs.length;
            if (cInit[d] !== this.initSp || h + ins.length > vals.length) break;
            if (!(sp === h && cUnr[d] === 1)) {
              if (sp !== h + n) break;
              let ok = true;
              for (let k = 0; k < n; k++) {
                if (vals[h + k] !== outs[k]) {
                  ok = false;
                  break;
                }
              }
              if (!ok) break;
            }
            cKind[d] = F_ELSE;
            cUnr[d] = 0;
            sp = h;
            for (let k = 0; k < ins.length; k++) vals[sp++] = ins[k]!;
            if (sp > maxSp) maxSp = sp;
            p = q;
            continue;
          }
          case 0x0c: // br
          case 0x0d: { // br_if
            const l = leb(bytes, q, end);
            if (l < 0 || l >= depth) break;
            const li = depth - 1 - l;
            const lt = cKind[li] === F_LOOP ? cIn[li]! : cOut[li]!;
            if (b === 0x0d) {
              if (sp <= h || vals[sp - 1] !== I32 || !popsExact(vals, sp - 1, h, lt)) break;
              sp--;
            } else {
              if (!popsExact(vals, sp, h, lt)) break;
              sp = h;
              cUnr[depth - 1] = 1;
            }
            p = lebEnd;
            continue;
          }
          case 0x0e: { // br_table
            // label count, labels, default: all one-byte, all with the default's types
            if (q >= end) break;
            const n = bytes[q]!;
            if (n >= 0x80 || q + n + 1 >= end || sp <= h || vals[sp - 1] !== I32) break;
            let ok = true;
            let lt0: Int32Array = EMPTY;
            for (let k = 0; k <= n; k++) {
              const l = bytes[q + 1 + k]!;
              if (l >= 0x80 || l >= depth) {
                ok = false;
                break;
              }
              const li = depth - 1 - l;
              const lt = cKind[li] === F_LOOP ? cIn[li]! : cOut[li]!;
              if (k === 0) lt0 = lt;
              else if (lt !== lt0 && !sameTypes(lt, lt0)) {
                ok = false;
                break;
              }
            }
            if (!ok || !popsExact(vals, sp - 1, h, lt0)) break;
            sp = h;
            cUnr[depth - 1] = 1;
            p = q + n + 2;
            continue;
          }
          case 0x0f: { // return
            if (!popsExact(vals, sp, h, cOut[0]!)) break;
            sp = h;
            cUnr[depth - 1] = 1;
            p = q;
            continue;
          }
          case 0x1a: { // drop
            if (sp > h && vals[sp - 1] !== 0) {
              sp--;
              p = q;
              continue;
            }
            break;
          }
          case 0x1b: { // select
            if (sp - 3 >= h && vals[sp - 1] === I32) {
              const t = vals[sp - 2]!;
              if (t !== 0 && t < 8 && vals[sp - 3] === t) {
                sp -= 2;
                p = q;
                continue;
              }
            }
            break;
          }
          case 0x42: { // i64.const
            let e = skipLeb(bytes, q, end, 9);
            // the full 10-byte form: its last byte only repeats the sign
            if (e < 0 && q + 9 < end && bytes[q + 8]! >= 0x80 && (bytes[q + 9] === 0 || bytes[q + 9] === 0x7f)) e = q + 10;
            if (e >= 0 && sp < vals.length) {
              vals[sp++] = I64;
              if (sp > maxSp) maxSp = sp;
              p = e;
              continue;
            }
            break;
          }
          case 0x43: // f32.const
          case 0x44: { // f64.const
            const e = q + (b === 0x43 ? 4 : 8);
            if (e <= end && sp < vals.length) {
              vals[sp++] = b === 0x43 ? F32 : F64;
              if (sp > maxSp) maxSp = sp;
              p = e;
              continue;
            }
            break;
          }
          case 0x00: // unreachable
            sp = h;
            cUnr[depth - 1] = 1;
            p = q;
            continue;
          case 0xfc: { // memory.copy and memory.fill of memory 0
            if (!this.bulkMemory || mem0 === 0 || q + 1 >= end || bytes[q + 1] !== 0 || sp - 3 < h) break;
            const sub = bytes[q];
            let e: number;
            if (sub === 0x0a) {
              if (q + 2 >= end || bytes[q + 2] !== 0) break;
              e = q + 3;
              if (vals[sp - 1] !== mem0 || vals[sp - 2] !== mem0 || vals[sp - 3] !== mem0) break;
            } else if (sub === 0x0b) {
              e = q + 2;
              if (vals[sp - 1] !== mem0 || vals[sp - 2] !== I32 || vals[sp - 3] !== mem0) break;
            } else {
              break;
            }
            sp -= 3;
            flags |= FACT_MEMORY;
            p = e;
            continue;
          }
          case 0x01: // nop
            p = q;
            continue;
          case 0x3f: // memory.size
          case 0x40: { // memory.grow
            if (q >= end || bytes[q] !== 0 || mem0 === 0) break;
            if (b === 0x3f) {
              if (sp >= vals.length) break;
              vals[sp++] = mem0;
              if (sp > maxSp) maxSp = sp;
            } else if (sp <= h || vals[sp - 1] !== mem0) {
              break;
            }
            flags |= FACT_MEMORY;
            p = q + 1;
            continue;
          }
          default: {
            // fixed-signature numeric operators
            const n = numN[b];
            if (n === 2) {
              if (sp - 2 >= h && vals[sp - 1] === NUM_B[b] && vals[sp - 2] === NUM_A[b]) {
                sp--;
                vals[sp - 1] = NUM_R[b]!;
                p = q;
                continue;
              }
            } else if (n === 1) {
              if (sp > h && vals[sp - 1] === NUM_A[b]) {
                vals[sp - 1] = NUM_R[b]!;
                p = q;
                continue;
              }
            }
          }
        }
        if (depth === 0) break;
      }
      // the general path, for this one instruction
      r.pos = at;
      this.sp = sp;
      this.depth = depth;
      this.maxSp = maxSp;
      this.maxDepth = maxDepth;
      this.flags = flags;
      this.step();
      p = r.pos;
      sp = this.sp;
      depth = this.depth;
      maxSp = this.maxSp;
      maxDepth = this.maxDepth;
      flags = this.flags;
      if (depth === 0) break;
      vals = this.vals;
      cKind = this.cKind;
      cHeight = this.cHeight;
      cUnr = this.cUnr;
      cInit = this.cInit;
      cIn = this.cIn;
      cOut = this.cOut;
      h = cHeight[depth - 1]!;
    }
    r.pos = p;
    this.sp = sp;
    this.depth = depth;
    this.maxSp = maxSp;
    this.maxDepth = maxDepth;
    this.flags = flags;
  }
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
