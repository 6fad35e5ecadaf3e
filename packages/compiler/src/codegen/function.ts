/**
 * The function compiler: one pass over a body's bytes, emitting one JS function. The operand
 * stack lives at compile time: each entry is a JS expression atom (a stack slot variable, a local
 * or a literal), and every computed value is written to the slot variable of its stack height
 * (named by kind: `a` i32, `b`/`c` i64 lo/hi, `e` f32, `g` f64, `v` v128, `r` reference).
 * Structured control flow becomes labelled JS statements; branches move their values into the
 * target's slots and `break`/`continue`.
 * @module
 */
import { Op, Reader, readerFeatures, skipImmediates } from '@wasmtide/parser';
import type { BlockType, FuncType, LocalGroup, ValType } from '@wasmtide/parser';
import { TrapCode } from '../trap.js';
import { CompileError, funcTypeAt, kindOf, type Kind, type ModuleContext } from './context.js';
import { closeLegacyTry } from './exceptions.js';
import { BYTE_OPS, otherOp } from './ops.js';
import { uidx } from './memory.js';

/** Reader features for validated bodies: everything the decoder can accept. */
const COMPILE_FEATURES = readerFeatures({ customDescriptors: true });

/** A compile-time operand stack entry. */
export interface Entry {
  k: Kind;
  /** The value (or the low half of an i64). */
  e: string;
  /** The high half of an i64 ('' otherwise). */
  h: string;
}

type FrameKind = 'func' | 'block' | 'loop' | 'if' | 'else' | 'try_table' | 'try' | 'catch';

/** A control frame. */
export interface Frame {
  kind: FrameKind;
  label: string;
  /** Stack height at entry, below the params. */
  height: number;
  params: readonly ValType[];
  results: readonly ValType[];
  /** Legacy try: the catch variable name of this try, and whether catch_all was seen. */
  exVar: string;
  hasCatchAll: boolean;
  /** Legacy try: whether a catch clause has been opened. */
  inCatch: boolean;
  /**
   * Deep block chains are flattened into a dispatch loop (`sN = k; continue DN;`) so the JS
   * nesting stays shallow: the dispatch id (-1 if none), this block's case id (0 for the root).
   */
  flat: number;
  caseId: number;
}

/** Scratch bytes for decoding float constants. */
const SCRATCH = new DataView(new ArrayBuffer(8));

/** An empty array already in the elements mode of arrays of objects. */
function objectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.length = 0;
  return a as T[];
}

/** JS nesting depth from which directly nested `block`s are flattened into a dispatch loop. */
export const FLATTEN_DEPTH = 40;

const PREFIX: Record<Kind, string> = { i32: 'a', i64: 'b', f32: 'e', f64: 'g', v128: 'v', ref: 'r' };

/** A JSON string literal. */
export function q(s: string): string {
  return JSON.stringify(s);
}

/** Formats an f64 value as a JS literal (NaNs are hoisted by the caller). */
export function fmtNum(v: number): string {
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  if (Object.is(v, -0)) return '(-0)';
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

/** An int32 literal. */
export function fmtInt(v: number): string {
  return v < 0 ? `(${v})` : String(v);
}

/** In dead code: an operator to skip, one that opens a block, `end`, or a clause (`else`, `catch`, `catch_all`, `delegate`). */
const DEAD_SKIP = 0;
const DEAD_OPEN = 1;
const DEAD_END = 2;
const DEAD_CLAUSE = 3;

/** What dead code does with each one-byte operator (see `compile`). */
const DEAD_KIND: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const op of [Op.Block, Op.Loop, Op.If, Op.TryTable, Op.Try]) t[op] = DEAD_OPEN;
  t[Op.End] = DEAD_END;
  for (const op of [Op.Else, Op.Catch, Op.CatchAll, Op.Delegate]) t[op] = DEAD_CLAUSE;
  return t;
})();

/** Compiles one function body (or a constant expression) to a JS function declaration. */
export class FunctionCompiler {
  readonly ctx: ModuleContext;
  // (The arrays start holding objects, so V8 never sees them change elements kind.)
  readonly out: string[] = objectArray<string>();
  readonly stack: Entry[] = objectArray<Entry>();
  readonly frames: Frame[] = objectArray<Frame>();
  readonly localKinds: Kind[] = [];
  readonly localTypes: ValType[] = [];
  readonly slotNames = new Set<string>();
  readonly usedMems = new Set<number>();
  labelCount = 0;
  dead = false;
  readonly r: Reader;
  readonly type: FuncType;
  hasTail = false;
  hasSelfTail = false;
  delegatesToCaller = false;
  /** Case counters of the dispatch loops, by id. */
  readonly dispatchCases: number[] = [];
  /** Lazy mode: `ref.func` names the stable stub (`frN`), not a possibly shadowing body. */
  lazyRefs = false;
  /** This function's index (for self tail calls), or -1. */
  selfIndex = -1;
  indent = 1;

  constructor(ctx: ModuleContext, type: FuncType, locals: readonly LocalGroup[], start: number, end: number) {
    this.ctx = ctx;
    this.type = type;
    this.r = new Reader(ctx.module.bytes, start, end, 'code');
    // Bodies are validated: accept every encoding the decoder may have been allowed (exact heap types).
    this.r.features = COMPILE_FEATURES;
    for (const p of type.params) {
      this.localKinds.push(kindOf(p));
      this.localTypes.push(p);
    }
    for (const g of locals) {
      for (let i = 0; i < g.count; i++) {
        this.localKinds.push(kindOf(g.type));
        this.localTypes.push(g.type);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Emission helpers

  emit(line: string): void {
    // Indentation is capped: deeply nested bodies (thousands of blocks) would otherwise be mostly spaces.
    this.out.push(INDENT[this.indent < 8 ? this.indent : 8] + line);
  }

  /** A support helper reference (hoisted to module scope as `$name`). */
  helper(name: string): string {
    this.ctx.helpers.add(name);
    return `$${name}`;
  }

  /** A hoisted module-level constant for `expr`. */
  constant(expr: string): string {
    let k = this.ctx.constants.get(expr);
    if (k === undefined) {
      k = `K${this.ctx.constants.size}`;
      this.ctx.constants.set(expr, k);
    }
    return k;
  }

  slot(k: Kind, d: number): string {
    const names = SLOT_NAMES[k];
    let n = names[d];
    if (n === undefined) {
      for (let i = names.length; i <= d; i++) names.push(PREFIX[k] + i);
      n = names[d]!;
    }
    const seen = this.slotSeen[k];
    if (seen[d] !== true) {
      seen[d] = true;
      this.slotNames.add(n);
      if (k === 'i64') this.slotNames.add('c' + d);
    }
    return n;
  }

  /** Which slot names were declared, by kind and depth. */
  readonly slotSeen: Record<Kind, boolean[]> = { i32: [], i64: [], f32: [], f64: [], v128: [], ref: [] };

  hiSlot(d: number): string {
    return slotEntry('i64', d).h;
  }

  push(k: Kind, e: string, h = ''): void {
    this.stack.push({ k, e, h });
  }

  pop(): Entry {
    const e = this.stack.pop();
    if (e === undefined) throw new CompileError('operand stack underflow', this.r.pos);
    return e;
  }

  /** Pushes a fresh slot entry of kind `k` at the current height and returns its names. */
  pushSlot(k: Kind): Entry {
    const d = this.stack.length;
    this.slot(k, d);
    const e = slotEntry(k, d);
    this.stack.push(e);
    return e;
  }

  /** Emits `slot = value` for a computed result of kind `k` (non-i64). */
  result(k: Kind, expr: string): void {
    const d = this.stack.length;
    const s = this.slot(k, d);
    const indent = INDENT[this.indent < 8 ? this.indent : 8]!;
    this.lastResultAt = this.out.length;
    this.lastResultSlot = s;
    this.lastResultExpr = expr;
    this.lastResultIndent = indent;
    this.out.push(`${indent}${s} = ${expr};`);
    this.stack.push(k === 'i64' ? { k, e: s, h: '' } : slotEntry(k, d));
  }

  /** The last line {@link result} emitted (`<indent><slot> = <expr>;`), by parts, for `retarget`. */
  lastResultAt = -1;
  lastResultSlot = '';
  lastResultExpr = '';
  lastResultIndent = '';

  /** Emits an i64 result from lo and hi expressions (evaluated before either is assigned). */
  result64(lo: string, hi: string): void {
    const d = this.stack.length;
    const l = this.slot('i64', d);
    const h = this.hiSlot(d);
    if (lo === l && hi === h) {
      this.stack.push(slotEntry('i64', d));
      return;
    }
    this.emit(`t0 = ${lo}; ${h} = ${hi}; ${l} = t0;`);
    this.stack.push(slotEntry('i64', d));
  }

  /** Emits an i64 result from a helper call returning lo with hi in HI[0]. */
  result64Call(call: string): void {
    const d = this.stack.length;
    const l = this.slot('i64', d);
    const h = this.hiSlot(d);
    this.emit(`${l} = ${call}; ${h} = HI[0];`);
    this.stack.push(slotEntry('i64', d));
  }

  isLocalAtom(s: string): boolean {
    return s.length > 1 && s.charCodeAt(0) === 108 /* l */;
  }

  /** Moves entry `i` into its canonical slot. */
  materialize(i: number): void {
    const en = this.stack[i]!;
    const s = this.slot(en.k, i);
    if (en.e === s) return;
    if (en.k === 'i64') {
      const h = this.hiSlot(i);
      this.emit(`${s} = ${en.e}; ${h} = ${en.h};`);
    } else {
      this.emit(`${s} = ${en.e};`);
    }
    this.stack[i] = slotEntry(en.k, i);
  }

  /** Before a structured instruction: no entry may depend on a local, params sit in slots. */
  settle(nparams: number): void {
    const n = this.stack.length;
    for (let i = 0; i < n; i++) {
      const en = this.stack[i]!;
      if (i >= n - nparams || this.isLocalAtom(en.e)) this.materialize(i);
    }
  }

  /** Before writing local `name`: entries that read it are materialized. */
  spillLocal(name: string): void {
    const hi = name + 'h';
    const stack = this.stack;
    for (let i = 0; i < stack.length; i++) {
      const en = stack[i]!;
      if (en.e === name || en.h === hi) this.materialize(i);
    }
  }

  /**
   * If the last line computed `v` into its slot (`aN = expr;`), makes it assign `name` instead
   * (saves a statement per `local.set` after a computation). Returns whether it did.
   */
  retarget(v: Entry, name: string): boolean {
    if (v.e !== this.slot(v.k, this.stack.length)) return false;
    const i = this.out.length - 1;
    if (i === this.lastResultAt && v.e === this.lastResultSlot && this.lastResultExpr.indexOf(';') < 0) {
      // The line `result` emitted last: rebuilt from its parts (no string flattening).
      this.out[i] = this.lastResultIndent + name + ' = ' + this.lastResultExpr + ';';
      this.lastResultAt = -1;
      return true;
    }
    const line = i >= 0 ? this.out[i]! : '';
    // The line's indentation (as `trimStart` would strip it; without allocating on ASCII lines).
    let ind = 0;
    while (ind < line.length) {
      const ch = line.charCodeAt(ind);
      if (ch !== 32 && (ch < 9 || ch > 13)) break;
      ind++;
    }
    if (ind < line.length && line.charCodeAt(ind) >= 0x80) ind = line.length - line.trimStart().length;
    const e = v.e;
    const rest = ind + e.length + 3;
    if (!line.startsWith(e, ind) || !line.startsWith(' = ', ind + e.length) || line.indexOf(';', ind) !== line.length - 1) return false;
    this.out[i] = line.slice(0, ind) + name + ' = ' + line.slice(rest);
    if (i === this.lastResultAt) this.lastResultAt = -1;
    return true;
  }

  reload(): void {
    this.reloadAt.push(this.out.length);
    this.out.push(RELOAD);
  }

  /** Where `reload` put its markers in {@link out}. */
  readonly reloadAt: number[] = [];

  /** Whether a reload marker sits inside a longer line (a `try_table` handler). */
  embeddedReload = false;

  // ---------------------------------------------------------------------------------------------
  // Block types and branches

  blockSig(bt: BlockType): { params: readonly ValType[]; results: readonly ValType[] } {
    if (bt === null) return NO_SIG;
    if (typeof bt === 'number') {
      const ft = funcTypeAt(this.ctx, bt);
      return { params: ft.params, results: ft.results };
    }
    if (typeof bt === 'string') {
      let sig = VALUE_SIGS.get(bt);
      if (sig === undefined) VALUE_SIGS.set(bt, (sig = { params: [], results: [bt] }));
      return sig;
    }
    return { params: [], results: [bt] };
  }

  newLabel(): string {
    return `L${this.labelCount++}`;
  }

  frameAt(depth: number): Frame {
    const f = this.frames[this.frames.length - 1 - depth];
    if (f === undefined) throw new CompileError(`unknown label ${depth}`, this.r.pos);
    return f;
  }

  /** Code that moves `vals` into `f`'s slots and jumps there. */
  jumpCode(f: Frame, vals: readonly Entry[]): string {
    if (f.kind === 'func') return this.returnCode(vals);
    const member = f.flat >= 0 && f.caseId > 0;
    const parts: string[] = [];
    const h = f.height;
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i]!;
      const s = this.slot(v.k, h + i);
      if (v.e !== s) parts.push(`${s} = ${v.e};`);
      if (v.k === 'i64') {
        const hs = this.hiSlot(h + i);
        if (v.h !== hs) parts.push(`${hs} = ${v.h};`);
      }
    }
    if (member) parts.push(`s${f.flat} = ${f.caseId}; continue D${f.flat};`);
    else parts.push(f.kind === 'loop' ? `continue ${f.label};` : `break ${f.label};`);
    return parts.join(' ');
  }

  returnCode(vals: readonly Entry[]): string {
    const n = vals.length;
    const dec = this.fuelSave + (this.depthOn ? 'DEPTH[0] = dd - 1; ' : '');
    if (n === 0) return `${dec}return;`;
    if (n === 1) {
      const v = vals[0]!;
      if (v.k === 'i64') return `${dec}HI[0] = ${v.h}; return ${v.e};`;
      return `${dec}return ${v.e};`;
    }
    const parts: string[] = [];
    if (dec !== '') parts.push(dec.trim());
    let k = 0;
    for (const v of vals) {
      parts.push(`RET[${k++}] = ${v.e};`);
      if (v.k === 'i64') parts.push(`RET[${k++}] = ${v.h};`);
    }
    parts.push('return;');
    return parts.join(' ');
  }

  topN(n: number): readonly Entry[] {
    return n === 0 ? NO_ENTRIES : this.stack.slice(this.stack.length - n);
  }

  branchArity(f: Frame): number {
    return f.kind === 'loop' ? f.params.length : f.results.length;
  }

  // ---------------------------------------------------------------------------------------------
  // Main loop

  /** Compiles the body and returns the function declaration's source. */
  compile(name: string, paramNames?: string): string {
    const results = this.type.results;
    this.frames.push({ kind: 'func', label: '', height: 0, params: [], results, exVar: '', hasCatchAll: false, inCatch: false, flat: -1, caseId: 0 });
    const r = this.r;
    const bytes = r.bytes;
    const fuel = this.instrument && !!this.ctx.options.fuel;
    this.skipDepth = 0;
    while (this.frames.length > 0) {
      const at = r.pos;
      if (at >= r.end) throw new CompileError('unexpected end of function body', at);
      let op = bytes[at]!;
      if (op < 0xfb) r.pos = at + 1;
      else op = r.op();
      if (this.dead && this.skipDead(op)) continue;
      if (fuel && !this.dead) this.fuelFor(op);
      (op < 0x100 ? BYTE_OPS[op]! : otherOp)(this, op, at);
    }
    return this.assemble(name, paramNames);
  }

  /** Nesting depth of the blocks being skipped in dead code. */
  skipDepth = 0;

  /**
   * In dead code (after an unconditional branch): skips `op` with its immediates, unless it is the
   * `end`, `else` or handler clause that closes the dead region; returns whether it skipped.
   */
  skipDead(op: number): boolean {
    const kind = op < 0x100 ? DEAD_KIND[op]! : DEAD_SKIP;
    if (kind === DEAD_SKIP || kind === DEAD_OPEN) {
      if (kind === DEAD_OPEN) this.skipDepth++;
      skipImmediates(this.r, op);
      return true;
    }
    // `end` or a clause: the end of the dead region at depth 0, else skipped.
    if (this.skipDepth === 0) return false;
    if (kind === DEAD_END) this.skipDepth--;
    else skipImmediates(this.r, op);
    return true;
  }

  assemble(name: string, paramNames?: string): string {
    const params: string[] = [];
    const nparams = this.type.params.length;
    for (let i = 0; i < nparams; i++) {
      params.push(`l${i}`);
      if (this.localKinds[i] === 'i64') params.push(`l${i}h`);
    }
    const decl: string[] = [];
    for (let i = nparams; i < this.localKinds.length; i++) {
      const k = this.localKinds[i]!;
      if (k === 'ref') decl.push(`l${i} = null`);
      else if (k === 'v128') decl.push(`l${i} = V0`);
      else if (k === 'i64') decl.push(`l${i} = 0`, `l${i}h = 0`);
      else decl.push(`l${i} = 0`);
    }
    for (const s of this.slotNames) {
      const p = s.charCodeAt(0);
      decl.push(p === 114 /* r */ ? `${s} = null` : p === 118 /* v */ ? `${s} = V0` : `${s} = 0`);
    }
    decl.push('t0 = 0', 't1 = 0', 't2 = 0', 'ea = 0');
    const mems = [...this.usedMems].sort((a, b) => a - b);
    const lines: string[] = [];
    lines.push(`function ${name}(${paramNames ?? params.join(', ')}) {`);
    lines.push(`  let ${decl.join(', ')};`);
    if (mems.length > 0) lines.push(`  let ${mems.map((m) => `dv${m} = M${m}.dv`).join(', ')};`);
    const reload = mems.map((m) => `dv${m} = M${m}.dv;`).join(' ');
    if (this.delegatesToCaller) lines.push('  try {');
    if (this.hasSelfTail) lines.push('  $body: while (true) {');
    const reloadAll = reload + (this.fuelOn ? (reload === '' ? '' : ' ') + 'fu = FUEL[0];' : '');
    const reloadLine = reloadAll === '' ? '' : '  ' + reloadAll;
    const out = this.out;
    if (this.embeddedReload) {
      for (let i = 0; i < out.length; i++) if (out[i]!.includes('\u0001R')) out[i] = out[i]!.split('\u0001R').join(reloadLine);
    } else {
      const at = this.reloadAt;
      for (let i = 0; i < at.length; i++) out[at[i]!] = reloadLine;
    }
    const tail: string[] = [];
    if (this.hasSelfTail) tail.push('  }');
    if (this.delegatesToCaller) {
      tail.push('  } catch ($f) {', "    if ($f instanceof Delegated && $f.to === '$func') throw $f.exn;", '    throw $f;', '  }');
    }
    tail.push('}');
    // (`lines`, the body, then `tail`, one per line.)
    return out.length === 0 ? `${lines.join('\n')}\n${tail.join('\n')}` : `${lines.join('\n')}\n${out.join('\n')}\n${tail.join('\n')}`;
  }

  /** Whether the body contained tail calls. */
  get containsTailCalls(): boolean {
    return this.hasTail;
  }

  // ---------------------------------------------------------------------------------------------

  localName(i: number): string {
    if (i >= this.localKinds.length) throw new CompileError(`unknown local ${i}`, this.r.pos);
    return localNameOf(i, false);
  }



  dv(mem: number): string {
    this.usedMems.add(mem);
    return mem === 0 ? 'dv0' : `dv${mem}`;
  }





  callArgs(params: readonly ValType[]): string {
    const args = this.topN(params.length);
    this.stack.length -= params.length;
    const parts: string[] = [];
    for (const a of args) {
      parts.push(a.e);
      if (a.k === 'i64') parts.push(a.h);
    }
    this.lastArgs = parts;
    return parts.join(', ');
  }

  lastArgs: string[] = [];

  /** Emits a call expression `callee(args)` of type `ft` and pushes its results. */
  emitCall(ft: FuncType, callee: string, prelude = '', reload = true): void {
    const args = this.callArgs(ft.params);
    const call = `${callee}(${args})`;
    const res = ft.results;
    if (prelude !== '') this.emit(prelude);
    if (this.fuelOn) this.emit('FUEL[0] = fu;');
    if (res.length === 0) {
      this.emit(`${call};`);
    } else if (res.length === 1) {
      const k = kindOf(res[0]!);
      if (k === 'i64') {
        const d = this.stack.length;
        const l = this.slot('i64', d);
        const h = this.hiSlot(d);
        this.emit(`${l} = ${call}; ${h} = HI[0];`);
        this.push('i64', l, h);
      } else {
        this.result(k, call);
      }
    } else {
      this.emit(`${call};`);
      let j = 0;
      const parts: string[] = [];
      for (const t of res) {
        const k = kindOf(t);
        const en = this.pushSlot(k);
        parts.push(`${en.e} = RET[${j++}];`);
        if (k === 'i64') parts.push(`${en.h} = RET[${j++}];`);
      }
      this.emit(parts.join(' '));
    }
    if (reload) this.reload();
    else if (this.fuelOn) this.emit('fu = FUEL[0];');
  }

  /** Emits a tail call (`return callee(args)`); the caller's results equal the callee's. */
  emitTailCall(ft: FuncType, callee: string, prelude = ''): void {
    const args = this.callArgs(ft.params);
    if (prelude !== '') this.emit(prelude);
    if (callee === `f${this.selfIndex}`) {
      // A self tail call: rebind the parameters, reset the locals, and restart the body.
      this.hasSelfTail = true;
      const names: string[] = [];
      const nparams = this.type.params.length;
      for (let i = 0; i < nparams; i++) {
        names.push(`l${i}`);
        if (this.localKinds[i] === 'i64') names.push(`l${i}h`);
      }
      const resets: string[] = [];
      for (let i = nparams; i < this.localKinds.length; i++) {
        const k = this.localKinds[i]!;
        resets.push(k === 'ref' ? `l${i} = null;` : k === 'v128' ? `l${i} = V0;` : k === 'i64' ? `l${i} = 0; l${i}h = 0;` : `l${i} = 0;`);
      }
      if (names.length > 0) {
        const argList = this.lastArgs;
        const tmp = names.map((_n, i) => {
          const t = `p${i}`;
          this.slotNames.add(t);
          return t;
        });
        this.emit(tmp.map((t, i) => `${t} = ${argList[i]};`).join(' '));
        this.emit(names.map((n, i) => `${n} = ${tmp[i]};`).join(' '));
      }
      if (resets.length > 0) this.emit(resets.join(' '));
      this.emit('continue $body;');
    } else {
      this.hasTail = true;
      this.emit(`TC.f = ${callee}; TC.a = PL(${args}); ${this.fuelSave}${this.depthOn ? 'DEPTH[0] = dd - 1; ' : ''}return TAIL;`);
    }
    this.dead = true;
  }

  trapCode(code: string): string {
    return `trap(${q(code)})`;
  }

  callIndirectCallee(typeIdx: number, table: number): string {
    const i = this.pop();
    return `CI(T${table}, ${uidx(this, i)}, ${typeIdx})`;
  }

  // ---------------------------------------------------------------------------------------------
  // Operators

  /** Generates one operator (see `ops.ts`). */
  op(op: number, at: number): void {
    (op < 0x100 ? BYTE_OPS[op]! : otherOp)(this, op, at);
  }

  /** Calls the support helper named after the operator, with the table's fixed signature. */
  genericHelper(name: string, sig: string, extra: readonly string[] = []): void {
    const [ins, outs] = sig.split(':') as [string, string];
    const args = this.topN(ins.length);
    this.stack.length -= ins.length;
    const parts: string[] = [];
    for (const a of args) {
      parts.push(a.e);
      if (a.k === 'i64') parts.push(a.h);
    }
    for (const x of extra) parts.push(x);
    const call = `${this.helper(name.replace(/\./g, '_'))}(${parts.join(', ')})`;
    if (outs.length === 0) {
      this.emit(`${call};`);
      return;
    }
    const k = sigKind(outs[0]!);
    if (outs.length === 1) {
      if (k === 'i64') this.result64Call(call);
      else this.result(k, call);
      return;
    }
    // Two i64 results (i64.add128 etc.): lo in return value, hi HI[0], then HI[1], HI[2].
    const d = this.stack.length;
    const l0 = this.slot('i64', d);
    const h0 = this.hiSlot(d);
    const l1 = this.slot('i64', d + 1);
    const h1 = this.hiSlot(d + 1);
    this.emit(`${l0} = ${call}; ${h0} = HI[0]; ${l1} = HI[1]; ${h1} = HI[2];`);
    this.push('i64', l0, h0);
    this.push('i64', l1, h1);
  }

  // Public accessors for the numeric emitter.
  /** Pops an operand. */
  popEntry(): Entry {
    return this.pop();
  }
  /** Pushes a literal/atom operand. */
  pushEntry(k: Kind, e: string, h = ''): void {
    this.push(k, e, h);
  }
  /** Emits a computed non-i64 result. */
  emitResult(k: Kind, expr: string): void {
    this.result(k, expr);
  }
  /** Emits a computed i64 result. */
  emitResult64(lo: string, hi: string): void {
    this.result64(lo, hi);
  }
  /** Emits an i64 result from a helper call. */
  emitResult64Call(call: string): void {
    this.result64Call(call);
  }
  /** Emits a statement. */
  emitLine(line: string): void {
    this.emit(line);
  }
  /** The slot names of the next push (i64: lo, hi). */
  nextSlot(k: Kind): [string, string] {
    const d = this.stack.length;
    return [this.slot(k, d), k === 'i64' ? this.hiSlot(d) : ''];
  }
  /** Pushes the slot of the current height (after emitting into it). */
  pushNextSlot(k: Kind): void {
    this.pushSlot(k);
  }
  /** Declares the multiply temporaries `m0`..`m<n-1>` in this function. */
  useTemps(n: number): void {
    for (let i = 0; i < n; i++) this.slotNames.add(`m${i}`);
  }
  /** A trap statement expression. */
  trapExpr(code: string): string {
    return this.trapCode(code);
  }


  f32Literal(bits: number): string {
    const buf = SCRATCH;
    buf.setUint32(0, bits, true);
    const v = buf.getFloat32(0, true);
    if (Number.isNaN(v)) return this.constant(`f32FromBits(${bits | 0})`);
    return fmtNum(v);
  }

  f64Literal(lo: number, hi: number): string {
    const buf = SCRATCH;
    buf.setUint32(0, lo, true);
    buf.setUint32(4, hi, true);
    const v = buf.getFloat64(0, true);
    if (Number.isNaN(v)) return this.constant(`f64FromBits(${lo >>> 0}, ${hi >>> 0})`);
    return fmtNum(v);
  }

  loopHeader(): void {
    if (this.instrument && this.ctx.options.epoch) this.emit(`if (EP[0] >= DL[0]) ${this.trapCode(TrapCode.Interrupt)};`);
  }

  /** Whether instrumentation (fuel, epoch, depth) applies: true for function bodies, not constant expressions. */
  instrument = false;
  fuelPending = 0;

  /** Whether fuel is metered here (kept in the local `fu`, written back to `FUEL[0]` around calls). */
  get fuelOn(): boolean {
    return this.instrument && this.ctx.options.fuel === true;
  }

  /** Statement prefix that writes the local fuel back (before calls, returns and throws). */
  get fuelSave(): string {
    return this.fuelOn ? 'FUEL[0] = fu; ' : '';
  }

  get depthOn(): boolean {
    return this.instrument && this.ctx.options.maxCallDepth !== undefined && this.ctx.options.maxCallDepth > 0;
  }

  /** Charges the fuel of the operators since the last charge point. */
  flushFuel(): void {
    if (this.fuelPending > 0) {
      this.emit(`if ((fu -= ${this.fuelPending}) < 0) { FUEL[0] = fu; ${this.trapCode(TrapCode.OutOfFuel)}; }`);
      this.fuelPending = 0;
    }
  }

  /** Fuel accounting before operator `op` (called for reachable operators). */
  fuelFor(op: number): void {
    if (!this.instrument || !this.ctx.options.fuel) return;
    if (FUEL_FREE.has(op)) {
      if (FUEL_CONTROL.has(op)) this.flushFuel();
      return;
    }
    this.fuelPending++;
    if (FUEL_CONTROL.has(op)) this.flushFuel();
  }

  /** Instrumentation at function entry. */
  entryChecks(): string[] {
    const lines: string[] = [];
    if (!this.instrument) return lines;
    if (this.fuelOn) lines.push('let fu = FUEL[0];');
    if (this.depthOn) {
      lines.push(`const dd = DEPTH[0] + 1; if (dd > ${this.ctx.options.maxCallDepth}) ${this.trapCode(TrapCode.StackExhausted)}; DEPTH[0] = dd;`);
    }
    if (this.ctx.options.epoch) lines.push(`if (EP[0] >= DL[0]) ${this.trapCode(TrapCode.Interrupt)};`);
    return lines;
  }

  moveResults(f: Frame): void {
    const n = f.results.length;
    const vals = this.topN(n);
    for (let i = 0; i < n; i++) {
      const v = vals[i]!;
      const s = this.slot(v.k, f.height + i);
      if (v.e !== s) this.emit(`${s} = ${v.e};`);
      if (v.k === 'i64') {
        const hs = this.hiSlot(f.height + i);
        if (v.h !== hs) this.emit(`${hs} = ${v.h};`);
      }
    }
  }

  resetTo(f: Frame, types: readonly ValType[]): void {
    this.stack.length = f.height;
    for (let i = 0; i < types.length; i++) this.pushSlot(kindOf(types[i]!));
  }

  end(): void {
    const f = this.frames.pop()!;
    if (f.kind === 'func') {
      if (!this.dead) this.emit(this.returnCode(this.topN(f.results.length)));
      this.dead = false;
      return;
    }
    if (!this.dead) this.moveResults(f);
    if (f.flat >= 0) {
      if (f.caseId > 0) {
        this.emit(`case ${f.caseId}:`);
      } else {
        this.indent--;
        this.emit('} break; }');
      }
      this.resetTo(f, f.results);
      this.dead = false;
      return;
    }
    if (f.kind === 'loop') {
      this.emit('break;');
      this.indent--;
      this.emit('}');
    } else if (f.kind === 'try_table') {
      this.indent--;
      this.emit(f.exVar);
      this.indent--;
      this.emit('}');
    } else if (f.kind === 'try' || f.kind === 'catch') {
      closeLegacyTry(this, f);
    } else {
      this.indent--;
      this.emit('}');
    }
    this.resetTo(f, f.results);
    this.dead = false;
  }

  // ---------------------------------------------------------------------------------------------
  // Memory



  // ---------------------------------------------------------------------------------------------
  // Exceptions



}

/** Operators that cost no fuel (as in wasmtime). */
const FUEL_FREE = new Set<number>([Op.Nop, Op.Drop, Op.Block, Op.Loop, Op.Unreachable, Op.Return, Op.Else, Op.End]);
/** Operators at which pending fuel is charged (control transfers and calls). */
const FUEL_CONTROL = new Set<number>([
  Op.Block, Op.Loop, Op.If, Op.Else, Op.End, Op.Br, Op.BrIf, Op.BrTable, Op.Return, Op.Call, Op.CallIndirect,
  Op.CallRef, Op.ReturnCall, Op.ReturnCallIndirect, Op.ReturnCallRef, Op.Throw, Op.ThrowRef, Op.Rethrow,
  Op.TryTable, Op.Try, Op.Catch, Op.CatchAll, Op.Delegate, Op.Unreachable, Op.BrOnNull, Op.BrOnNonNull,
  Op.BrOnCast, Op.BrOnCastFail,
]);

function sigKind(c: string): Kind {
  switch (c) {
    case 'i':
      return 'i32';
    case 'I':
      return 'i64';
    case 'f':
      return 'f32';
    case 'F':
      return 'f64';
    case 'v':
      return 'v128';
    default:
      return 'ref';
  }
}

/** The marker line for "reload the memory views here" (filled in by `assemble`). */
export const RELOAD = '\u0001R';

const SLOT_NAMES: Record<Kind, string[]> = { i32: [], i64: [], f32: [], f64: [], v128: [], ref: [] };

const INDENT: readonly string[] = Array.from({ length: 9 }, (_, i) => ' '.repeat(i));

const LOCAL_NAMES: string[] = [];
const LOCAL_HI_NAMES: string[] = [];

/** The JS name of local `i` (`l<i>`), or of its high half (`l<i>h`) when `hi`; cached. */
export function localNameOf(i: number, hi: boolean): string {
  if (i >= LOCAL_NAMES.length) {
    if (i >= 0x10000) return hi ? `l${i}h` : `l${i}`;
    for (let j = LOCAL_NAMES.length; j <= i; j++) {
      LOCAL_NAMES.push(`l${j}`);
      LOCAL_HI_NAMES.push(`l${j}h`);
    }
  }
  return hi ? LOCAL_HI_NAMES[i]! : LOCAL_NAMES[i]!;
}

const SLOT_ENTRIES: Record<Kind, Entry[]> = { i32: [], i64: [], f32: [], f64: [], v128: [], ref: [] };

/** The entry of the slot of kind `k` at depth `d` (entries are never mutated, so shared). */
export function slotEntry(k: Kind, d: number): Entry {
  const list = SLOT_ENTRIES[k];
  let en = list[d];
  if (en === undefined) {
    for (let i = list.length; i <= d; i++) list.push({ k, e: PREFIX[k] + i, h: k === 'i64' ? 'c' + i : '' });
    en = list[d]!;
  }
  return en;
}

const LOCAL_ENTRIES: Record<Kind, Entry[]> = { i32: [], i64: [], f32: [], f64: [], v128: [], ref: [] };

/** The entry of local `i` of kind `k` (shared). */
export function localEntry(k: Kind, i: number): Entry {
  const list = LOCAL_ENTRIES[k];
  let en = list[i];
  if (en === undefined) {
    en = { k, e: localNameOf(i, false), h: k === 'i64' ? localNameOf(i, true) : '' };
    if (i < 0x10000) list[i] = en;
  }
  return en;
}

const NO_ENTRIES: readonly Entry[] = Object.freeze([]);

/** The signature of a block without parameters or results. */
const NO_SIG: { params: readonly ValType[]; results: readonly ValType[] } = Object.freeze({ params: Object.freeze([]), results: Object.freeze([]) });

/** Signatures of blocks with one result of a value type (no parameters), by type. */
const VALUE_SIGS = new Map<string, { params: readonly ValType[]; results: readonly ValType[] }>();

