/**
 * The validator's machine state: typed-array operand and control stacks, local initialisation,
 * the byte cursor, and the immediate readers and index checks every operator uses.
 * @module
 */
import { plainBytes, Reader, readerFeatures } from '@wasmtide/parser';
import type { ValType } from '@wasmtide/parser';
import { K_ARRAY, K_FUNC, K_STRUCT, missingTypeFeature, valSub } from './ctx.js';
import type { Ctx } from './ctx.js';
import { ValidationError } from './errors.js';
import { enabledFlags } from './optable.js';
import {
  absHeapFromByte, BOT, F32, F64, H_ANY, H_ARRAY, H_BOT, H_CONCRETE, H_EQ, H_EXACT, H_EXN, H_EXTERN, H_FUNC, H_I31, H_NONE, H_STRUCT,
  I32, I64, refCode, typeName, typesName, V128,
} from './valtypes.js';

/**
 * Per-function facts recorded during validation, bit flags in `ValidatedModule.funcFlags`. This
 * one: the function accesses linear memory.
 */
export const FACT_MEMORY = 1;
/** The function calls another function directly. */
export const FACT_CALL = 2;
/** The function uses `call_indirect` / `return_call_indirect`. */
export const FACT_CALL_INDIRECT = 4;
/** The function uses `call_ref` / `return_call_ref`. */
export const FACT_CALL_REF = 8;
/** The function makes tail calls. */
export const FACT_TAIL_CALL = 16;
/** The function throws, catches or rethrows exceptions. */
export const FACT_EXCEPTIONS = 32;
/** The function uses table instructions. */
export const FACT_TABLE = 64;
/** The function uses GC instructions (structs, arrays, casts, i31). */
export const FACT_GC = 128;
/** The function uses SIMD. */
export const FACT_SIMD = 256;
/** The function uses globals. */
export const FACT_GLOBAL = 512;

/** Control frame kind: the function body. */
export const F_FUNC = 0;
/** Control frame kind: `block`. */
export const F_BLOCK = 1;
/** Control frame kind: `loop` (its label takes the parameters). */
export const F_LOOP = 2;
/** Control frame kind: `if` before its `else`. */
export const F_IF = 3;
/** Control frame kind: the `else` arm. */
export const F_ELSE = 4;
/** Control frame kind: `try_table`. */
export const F_TRY_TABLE = 5;
/** Control frame kind: legacy `try` before any handler. */
export const F_TRY = 6;
/** Control frame kind: a legacy `catch` handler. */
export const F_CATCH = 7;
/** Control frame kind: a legacy `catch_all` handler. */
export const F_CATCH_ALL = 8;

/** The empty type list. */
export const EMPTY = new Int32Array(0);
/** Most locals a function may declare (wasmtime's and V8's limit). */
export const MAX_LOCALS = 50000;

/** State and helpers shared by the instruction validators; see {@link BodyValidator}. */
export abstract class ValidatorState {
  protected readonly ctx: Ctx;
  protected readonly enabled: Uint8Array;
  protected readonly singles = new Map<number, Int32Array>();
  protected r: Reader;
  // operand stack
  protected vals = new Int32Array(256);
  protected sp = 0;
  protected maxSp = 0;
  // control stack
  protected cKind = new Uint8Array(32);
  protected cHeight = new Int32Array(32);
  protected cUnr = new Uint8Array(32);
  protected cInit = new Int32Array(32);
  protected cIn: Int32Array[] = new Array<Int32Array>(32).fill(EMPTY);
  protected cOut: Int32Array[] = new Array<Int32Array>(32).fill(EMPTY);
  protected depth = 0;
  protected maxDepth = 0;
  // locals
  protected locals = new Int32Array(64);
  protected nLocals = 0;
  protected localInit = new Uint8Array(64);
  protected initStack = new Int32Array(16);
  protected initSp = 0;
  // scratch
  protected labels = new Int32Array(64);
  protected btIn: Int32Array = EMPTY;
  protected btOut: Int32Array = EMPTY;
  protected memIdx = 0;
  // per-unit
  protected funcIdx = -1;
  protected opAt = 0;
  protected constMode = false;
  protected constGlobals = 0;
  protected constWhat = '';
  protected constIndex = -1;
  protected constSuffix = '';
  protected flags = 0;
  /** Function indices named by `ref.func` in constant expressions (collected in const mode). */
  readonly constRefs: number[] = [];

  constructor(ctx: Ctx) {
    this.ctx = ctx;
    this.enabled = enabledFlags(ctx.features);
    this.r = new Reader(plainBytes(ctx.module.bytes));
    this.r.features = readerFeatures(ctx.features);
    // The stacks are replaced when they grow. Replace them once here already: the engine treats a
    // field never stored to after its initialisation as a constant, and code optimized on that
    // assumption would be thrown away at the first growth (typically deep in a large module).
    this.vals = new Int32Array(this.vals.length);
    this.cKind = new Uint8Array(this.cKind.length);
    this.cHeight = new Int32Array(this.cHeight.length);
    this.cUnr = new Uint8Array(this.cUnr.length);
    this.cInit = new Int32Array(this.cInit.length);
    this.cIn = this.cIn.slice();
    this.cOut = this.cOut.slice();
    this.locals = new Int32Array(this.locals.length);
    this.localInit = new Uint8Array(this.localInit.length);
    this.initStack = new Int32Array(this.initStack.length);
    this.labels = new Int32Array(this.labels.length);
  }

  /** Max operand-stack height of the last unit validated. */
  get maxHeight(): number {
    return this.maxSp;
  }

  /** Max control-stack depth of the last unit validated. */
  get maxBlockDepth(): number {
    return this.maxDepth;
  }

  /** Fact flags of the last unit validated. */
  get factFlags(): number {
    return this.flags;
  }

  // ---------------------------------------------------------------- errors

  protected fail(reason: string, detail = ''): never {
    const m = this.ctx.module;
    let where: string;
    if (this.funcIdx >= 0) {
      const name = m.names?.funcs.get(this.funcIdx);
      where = `in function ${this.funcIdx}${name !== undefined ? ` ($${name})` : ''}`;
    } else {
      where = `in the constant expression of ${this.constWhat}${this.constIndex >= 0 ? ` ${this.constIndex}` : ''}${this.constSuffix}`;
    }
    throw new ValidationError(reason, detail ? `${where}: ${detail}` : where, this.opAt, this.funcIdx);
  }

  protected mismatch(expected: number, actual: number): never {
    this.fail('type mismatch', `expected ${typeName(expected)}, found ${typeName(actual)}`);
  }

  // ---------------------------------------------------------------- operand stack

  protected push(t: number): void {
    if (this.sp === this.vals.length) {
      const v = new Int32Array(this.vals.length * 2);
      v.set(this.vals);
      this.vals = v;
    }
    this.vals[this.sp++] = t;
    if (this.sp > this.maxSp) this.maxSp = this.sp;
  }

  protected pushAll(ts: Int32Array): void {
    for (let i = 0; i < ts.length; i++) this.push(ts[i]!);
  }

  protected pop(): number {
    const d = this.depth - 1;
    if (this.sp === this.cHeight[d]) {
      if (this.cUnr[d]) return BOT;
      this.fail('type mismatch: instruction requires a value but stack has []');
    }
    return this.vals[--this.sp]!;
  }

  protected popT(t: number): number {
    const d = this.depth - 1;
    if (this.sp === this.cHeight[d]) {
      if (this.cUnr[d]) return BOT;
      this.failPop(this.single(t));
    }
    const a = this.vals[this.sp - 1]!;
    if (a !== t && !valSub(this.ctx, a, t)) this.failPop(this.single(t));
    this.sp--;
    return a;
  }

  /** Checks that the top of the stack matches `ts` (bottom-polymorphic), then pops it. */
  protected popAll(ts: Int32Array): void {
    const n = ts.length;
    if (n === 0) return;
    const d = this.depth - 1;
    const h = this.cHeight[d]!;
    const ctx = this.ctx;
    for (let k = 0; k < n; k++) {
      const idx = this.sp - 1 - k;
      const want = ts[n - 1 - k]!;
      if (idx < h) {
        if (!this.cUnr[d]) this.failPop(ts);
        continue;
      }
      const a = this.vals[idx]!;
      if (a !== want && !valSub(ctx, a, want)) this.failPop(ts);
    }
    this.sp = this.sp - n < h ? h : this.sp - n;
  }

  /** The spec interpreter's wording: `type mismatch: instruction requires [i32] but stack has [i64]`. */
  protected failPop(ts: Int32Array): never {
    const h = this.cHeight[this.depth - 1]!;
    const k = Math.min(ts.length, this.sp - h);
    this.fail(`type mismatch: instruction requires ${typesName(ts)} but stack has ${typesName(this.vals, this.sp - k, this.sp)}`);
  }

  /** Pops a reference (any reference type, or bottom). */
  protected popRef(): number {
    const a = this.pop();
    if (a !== BOT && a < 8) this.fail('type mismatch', `expected a reference, found ${typeName(a)}`);
    return a;
  }

  /** The value `k` below the top (0 = top), bottom when the unreachable stack runs out. */
  protected peek(k: number): number {
    const d = this.depth - 1;
    const i = this.sp - 1 - k;
    if (i < this.cHeight[d]!) {
      if (this.cUnr[d]) return BOT;
      this.fail('type mismatch', 'not enough operands on the stack');
    }
    return this.vals[i]!;
  }

  protected setUnreachable(): void {
    const d = this.depth - 1;
    this.sp = this.cHeight[d]!;
    this.cUnr[d] = 1;
  }

  // ---------------------------------------------------------------- control stack

  protected pushFrame(kind: number, ins: Int32Array, outs: Int32Array): void {
    const d = this.depth;
    if (d === this.cKind.length) {
      const n = d * 2;
      const k = new Uint8Array(n); k.set(this.cKind); this.cKind = k;
      const h = new Int32Array(n); h.set(this.cHeight); this.cHeight = h;
      const u = new Uint8Array(n); u.set(this.cUnr); this.cUnr = u;
      const i = new Int32Array(n); i.set(this.cInit); this.cInit = i;
      for (let j = d; j < n; j++) {
        this.cIn.push(EMPTY);
        this.cOut.push(EMPTY);
      }
    }
    this.cKind[d] = kind;
    this.cHeight[d] = this.sp;
    this.cUnr[d] = 0;
    this.cInit[d] = this.initSp;
    this.cIn[d] = ins;
    this.cOut[d] = outs;
    this.depth = d + 1;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.pushAll(ins);
  }

  /** Checks the results of the top frame and that nothing else is left; resets local init. */
  protected checkFrameEnd(): void {
    const d = this.depth - 1;
    const outs = this.cOut[d]!;
    this.popAll(outs);
    if (this.sp !== this.cHeight[d]) {
      this.fail(`type mismatch: block requires ${typesName(outs)} but stack has ${typesName(this.vals, this.cHeight[d]!, this.sp + outs.length)}`);
    }
    this.resetInit(this.cInit[d]!);
  }

  protected resetInit(to: number): void {
    while (this.initSp > to) this.localInit[this.initStack[--this.initSp]!] = 0;
  }

  protected labelTypes(l: number): Int32Array {
    if (l >= this.depth) this.fail('unknown label', `label ${l} (depth ${this.depth})`);
    const i = this.depth - 1 - l;
    return this.cKind[i] === F_LOOP ? this.cIn[i]! : this.cOut[i]!;
  }

  // ---------------------------------------------------------------- immediates

  protected single(t: number): Int32Array {
    let a = this.singles.get(t);
    if (!a) {
      a = Int32Array.of(t);
      this.singles.set(t, a);
    }
    return a;
  }

  protected typeIdx(idx: number): number {
    if (idx >= this.ctx.nTypes) this.fail(`unknown type ${idx}`);
    return idx;
  }

  protected funcTypeIdx(idx: number): number {
    this.typeIdx(idx);
    if (this.ctx.kind[idx] !== K_FUNC) this.fail('type mismatch', `type ${idx} is not a function type`);
    return idx;
  }

  protected readHeapType(): number {
    const r = this.r;
    const at = r.pos;
    const v = r.s33();
    if (v >= 0) {
      this.typeIdx(v);
      return H_CONCRETE + this.ctx.rep[v]!;
    }
    // an abstract heap type is one byte (a longer encoding of the same value is malformed)
    if (r.pos - at !== 1) r.fail('malformed heap type', at);
    const b = v + 0x80;
    if (b === 0x62 && this.ctx.features.customDescriptors) {
      const idx = this.typeIdx(r.u32());
      return H_CONCRETE + H_EXACT + this.ctx.rep[idx]!;
    }
    const h = absHeapFromByte(b);
    if (h < 0) r.fail('malformed heap type', at);
    return h;
  }

  protected readValType(): number {
    const c = this.readValTypeUnchecked();
    if (c === V128 || c >= 8) {
      const missing = missingTypeFeature(this.ctx, c);
      if (missing) this.fail(missing, `type ${typeName(c)}`);
    }
    return c;
  }

  private readValTypeUnchecked(): number {
    const r = this.r;
    const at = r.pos;
    const b = r.u8();
    switch (b) {
      case 0x7f: return I32;
      case 0x7e: return I64;
      case 0x7d: return F32;
      case 0x7c: return F64;
      case 0x7b: return V128;
      case 0x63: return refCode(this.readHeapType(), true);
      case 0x64: return refCode(this.readHeapType(), false);
    }
    const h = absHeapFromByte(b);
    if (h < 0) r.fail('malformed value type', at);
    return refCode(h, true);
  }

  protected readBlockType(): void {
    const r = this.r;
    const b = r.peek();
    if (b === 0x40) {
      r.pos++;
      this.btIn = EMPTY;
      this.btOut = EMPTY;
    } else if ((b >= 0x7b && b <= 0x7f) || b === 0x63 || b === 0x64 || b === 0x62 || absHeapFromByte(b) >= 0) {
      this.btIn = EMPTY;
      this.btOut = this.single(this.readValType());
    } else {
      const at = r.pos;
      const idx = r.s33();
      if (idx < 0) r.fail('malformed block type', at);
      this.funcTypeIdx(idx);
      this.btIn = this.ctx.params[idx]!;
      this.btOut = this.ctx.results[idx]!;
    }
  }

  /** Reads a memarg; checks memory index, alignment and offset. Returns the address type. */
  protected memarg(natural: number, exact: boolean): number {
    const r = this.r;
    const at = r.pos;
    let align = r.u32();
    let mem = 0;
    if (align & 0x40) {
      align &= ~0x40;
      mem = r.u32();
    }
    if (align >= 0x40) r.fail('malformed memop flags', at);
    const offset = r.u64();
    if (mem >= this.ctx.nMems) this.fail(`unknown memory ${mem}`);
    const addr = this.ctx.memAddr[mem]!;
    if (exact) {
      if (align !== natural) this.fail('alignment must be exactly natural', `alignment 2^${align}, natural 2^${natural}`);
    } else if (align > natural) {
      this.fail('alignment must not be larger than natural', `alignment 2^${align}, natural 2^${natural}`);
    }
    if (addr === I32 && offset > 0xffffffff) this.fail('offset out of range', `offset ${offset} on a 32-bit memory`);
    this.memIdx = mem;
    this.flags |= FACT_MEMORY;
    return addr;
  }

  protected memory(idx: number): number {
    if (idx >= this.ctx.nMems) this.fail(`unknown memory ${idx}`);
    this.flags |= FACT_MEMORY;
    return this.ctx.memAddr[idx]!;
  }

  protected table(idx: number): number {
    if (idx >= this.ctx.nTables) this.fail(`unknown table ${idx}`);
    this.flags |= FACT_TABLE;
    return idx;
  }

  protected elem(idx: number): number {
    if (idx >= this.ctx.nElems) this.fail(`unknown elem segment ${idx}`);
    return idx;
  }

  protected data(idx: number): number {
    if (this.ctx.module.dataCount === null) this.fail('data count section required');
    if (idx >= this.ctx.nDatas) this.fail(`unknown data segment ${idx}`);
    return idx;
  }

  protected func(idx: number): number {
    if (idx >= this.ctx.nFuncs) this.fail(`unknown function ${idx}`);
    return this.ctx.funcType[idx]!;
  }

  protected global(idx: number): number {
    if (idx >= this.ctx.nGlobals || (this.constMode && idx >= this.constGlobals)) this.fail(`unknown global ${idx}`);
    this.flags |= FACT_GLOBAL;
    return idx;
  }

  protected tag(idx: number): number {
    if (idx >= this.ctx.nTags) this.fail(`unknown tag ${idx}`);
    this.flags |= FACT_EXCEPTIONS;
    return this.ctx.tagType[idx]!;
  }

  protected local(idx: number): number {
    if (idx >= this.nLocals) this.fail(`unknown local ${idx}`);
    return this.locals[idx]!;
  }

  protected structType(idx: number): number {
    this.typeIdx(idx);
    if (this.ctx.kind[idx] !== K_STRUCT) this.fail('type mismatch', `type ${idx} is not a struct type`);
    this.flags |= FACT_GC;
    return idx;
  }

  protected arrayType(idx: number): number {
    this.typeIdx(idx);
    if (this.ctx.kind[idx] !== K_ARRAY) this.fail('type mismatch', `type ${idx} is not an array type`);
    this.flags |= FACT_GC;
    return idx;
  }

  protected field(t: number, f: number): number {
    const fs = this.ctx.fields[t]!;
    if (f >= fs.length) this.fail(`unknown field ${f}`, `struct type ${t} has ${fs.length} field(s)`);
    return fs[f]!;
  }

  protected lane(n: number): void {
    const at = this.r.pos;
    const l = this.r.u8();
    if (l >= n) {
      this.opAt = at;
      this.fail('invalid lane index', `lane ${l}, at most ${n - 1}`);
    }
  }

  /** Skips a signed LEB128 of up to 64 bits with the same malformedness checks as `Reader.s64`. */
  protected skipS64(): void {
    const r = this.r;
    for (let i = 0; ; i++) {
      const b = r.u8();
      if (i === 9) {
        if (b & 0x80) r.fail('integer representation too long', r.pos - 1);
        if (b !== 0 && b !== 0x7f) r.fail('integer too large', r.pos - 1);
        return;
      }
      if (!(b & 0x80)) return;
    }
  }

  /** A u32 immediate, with a fast path for the one-byte case. */
  protected idx(): number {
    const r = this.r;
    const p = r.pos;
    if (p < r.end) {
      const b = r.bytes[p]!;
      if (b < 0x80) {
        r.pos = p + 1;
        return b;
      }
    }
    return r.u32();
  }

  protected skip(n: number): void {
    const r = this.r;
    if (n > r.end - r.pos) r.fail(r.eofReason, r.end);
    r.pos += n;
  }

  protected localCode(t: ValType): number {
    const c = this.localCodeUnchecked(t);
    const missing = missingTypeFeature(this.ctx, c);
    if (missing) this.fail(missing, `local of type ${typeName(c)}`);
    return c;
  }

  private localCodeUnchecked(t: ValType): number {
    const ctx = this.ctx;
    if (typeof t === 'string') return t === 'i32' ? I32 : t === 'i64' ? I64 : t === 'f32' ? F32 : t === 'f64' ? F64 : V128;
    if (typeof t.heap === 'number') {
      this.typeIdx(t.heap);
      return refCode(H_CONCRETE + (t.exact === true ? H_EXACT : 0) + ctx.rep[t.heap]!, t.nullable);
    }
    return refCode(ABS_CODES[t.heap] ?? H_BOT, t.nullable);
  }
}

const ABS_CODES: Record<string, number> = {
  func: H_FUNC, nofunc: 1, extern: H_EXTERN, noextern: 3, any: H_ANY, eq: H_EQ, i31: H_I31, struct: H_STRUCT, array: H_ARRAY, none: H_NONE, exn: H_EXN, noexn: 11,
};
