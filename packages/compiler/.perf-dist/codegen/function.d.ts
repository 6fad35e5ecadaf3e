/**
 * The function compiler: one pass over a body's bytes, emitting one JS function. The operand
 * stack lives at compile time: each entry is a JS expression atom (a stack slot variable, a local
 * or a literal), and every computed value is written to the slot variable of its stack height
 * (named by kind: `a` i32, `b`/`c` i64 lo/hi, `e` f32, `g` f64, `v` v128, `r` reference).
 * Structured control flow becomes labelled JS statements; branches move their values into the
 * target's slots and `break`/`continue`.
 * @module
 */
import { Reader } from '@wasmtide/parser';
import type { BlockType, FuncType, LocalGroup, ValType } from '@wasmtide/parser';
import { type Kind, type ModuleContext } from './context.js';
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
    flat?: number;
    caseId?: number;
}
/** A JSON string literal. */
export declare function q(s: string): string;
/** Formats an f64 value as a JS literal (NaNs are hoisted by the caller). */
export declare function fmtNum(v: number): string;
/** An int32 literal. */
export declare function fmtInt(v: number): string;
/** Compiles one function body (or a constant expression) to a JS function declaration. */
export declare class FunctionCompiler {
    readonly ctx: ModuleContext;
    readonly out: string[];
    readonly stack: Entry[];
    readonly frames: Frame[];
    readonly localKinds: Kind[];
    readonly localTypes: ValType[];
    readonly slotNames: Set<string>;
    readonly usedMems: Set<number>;
    labelCount: number;
    dead: boolean;
    readonly r: Reader;
    readonly type: FuncType;
    hasTail: boolean;
    hasSelfTail: boolean;
    delegatesToCaller: boolean;
    /** Case counters of the dispatch loops, by id. */
    readonly dispatchCases: number[];
    /** Lazy mode: `ref.func` names the stable stub (`frN`), not a possibly shadowing body. */
    lazyRefs: boolean;
    /** This function's index (for self tail calls), or -1. */
    selfIndex: number;
    indent: number;
    constructor(ctx: ModuleContext, type: FuncType, locals: readonly LocalGroup[], start: number, end: number);
    emit(line: string): void;
    /** A support helper reference (hoisted to module scope as `$name`). */
    helper(name: string): string;
    /** A hoisted module-level constant for `expr`. */
    constant(expr: string): string;
    slot(k: Kind, d: number): string;
    /** Which slot names were declared, by kind and depth. */
    readonly slotSeen: Record<Kind, boolean[]>;
    hiSlot(d: number): string;
    push(k: Kind, e: string, h?: string): void;
    pop(): Entry;
    /** Pushes a fresh slot entry of kind `k` at the current height and returns its names. */
    pushSlot(k: Kind): Entry;
    /** Emits `slot = value` for a computed result of kind `k` (non-i64). */
    result(k: Kind, expr: string): void;
    /** Emits an i64 result from lo and hi expressions (evaluated before either is assigned). */
    result64(lo: string, hi: string): void;
    /** Emits an i64 result from a helper call returning lo with hi in HI[0]. */
    result64Call(call: string): void;
    isLocalAtom(s: string): boolean;
    /** Moves entry `i` into its canonical slot. */
    materialize(i: number): void;
    /** Before a structured instruction: no entry may depend on a local, params sit in slots. */
    settle(nparams: number): void;
    /** Before writing local `name`: entries that read it are materialized. */
    spillLocal(name: string): void;
    /**
     * If the last line computed `v` into its slot (`aN = expr;`), makes it assign `name` instead
     * (saves a statement per `local.set` after a computation). Returns whether it did.
     */
    retarget(v: Entry, name: string): boolean;
    reload(): void;
    blockSig(bt: BlockType): {
        params: readonly ValType[];
        results: readonly ValType[];
    };
    newLabel(): string;
    frameAt(depth: number): Frame;
    /** Code that moves `vals` into `f`'s slots and jumps there. */
    jumpCode(f: Frame, vals: readonly Entry[]): string;
    returnCode(vals: readonly Entry[]): string;
    topN(n: number): Entry[];
    branchArity(f: Frame): number;
    /** Compiles the body and returns the function declaration's source. */
    compile(name: string, paramNames?: string): string;
    assemble(name: string, paramNames?: string): string;
    /** Whether the body contained tail calls. */
    get containsTailCalls(): boolean;
    localName(i: number): string;
    dv(mem: number): string;
    callArgs(params: readonly ValType[]): string;
    lastArgs: string[];
    /** Emits a call expression `callee(args)` of type `ft` and pushes its results. */
    emitCall(ft: FuncType, callee: string, prelude?: string, reload?: boolean): void;
    /** Emits a tail call (`return callee(args)`); the caller's results equal the callee's. */
    emitTailCall(ft: FuncType, callee: string, prelude?: string): void;
    trapCode(code: string): string;
    callIndirectCallee(typeIdx: number, table: number): string;
    op(op: number, at: number): void;
    /** Calls the support helper named after the operator, with the table's fixed signature. */
    genericHelper(name: string, sig: string, extra?: readonly string[]): void;
    /** Pops an operand. */
    popEntry(): Entry;
    /** Pushes a literal/atom operand. */
    pushEntry(k: Kind, e: string, h?: string): void;
    /** Emits a computed non-i64 result. */
    emitResult(k: Kind, expr: string): void;
    /** Emits a computed i64 result. */
    emitResult64(lo: string, hi: string): void;
    /** Emits an i64 result from a helper call. */
    emitResult64Call(call: string): void;
    /** Emits a statement. */
    emitLine(line: string): void;
    /** The slot names of the next push (i64: lo, hi). */
    nextSlot(k: Kind): [string, string];
    /** Pushes the slot of the current height (after emitting into it). */
    pushNextSlot(k: Kind): void;
    /** Declares the multiply temporaries `m0`..`m<n-1>` in this function. */
    useTemps(n: number): void;
    /** A trap statement expression. */
    trapExpr(code: string): string;
    f32Literal(bits: number): string;
    f64Literal(lo: number, hi: number): string;
    loopHeader(): void;
    /** Whether instrumentation (fuel, epoch, depth) applies: true for function bodies, not constant expressions. */
    instrument: boolean;
    fuelPending: number;
    /** Whether fuel is metered here (kept in the local `fu`, written back to `FUEL[0]` around calls). */
    get fuelOn(): boolean;
    /** Statement prefix that writes the local fuel back (before calls, returns and throws). */
    get fuelSave(): string;
    get depthOn(): boolean;
    /** Charges the fuel of the operators since the last charge point. */
    flushFuel(): void;
    /** Fuel accounting before operator `op` (called for reachable operators). */
    fuelFor(op: number): void;
    /** Instrumentation at function entry. */
    entryChecks(): string[];
    moveResults(f: Frame): void;
    resetTo(f: Frame, types: readonly ValType[]): void;
    end(): void;
}
export {};
//# sourceMappingURL=function.d.ts.map