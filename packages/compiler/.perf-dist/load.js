/**
 * Loading compiled modules: the single `new Function` per module. The generated code receives only
 * the environment object built here (support library, trap function, ABI classes, run-time
 * helpers); it never reads globals.
 * @module
 */
import { CALL_DEPTH, GcArray, GcStruct, GlobalInstance, HI, MemoryInstance, RET, TableInstance, TagInstance, WasmException, toTrap, } from './abi.js';
import * as rt from './rt.js';
import { Trap, trap } from './trap.js';
import { support } from './support-link.js';
import { V128_ZERO, shuffleLanes } from './support/v128.js';
import { f32FromBits, f64FromBits } from './support/bits.js';
/** Marks a legacy-exception `delegate` in flight to the `try` labelled `to`. */
export class Delegated {
    /** The exception being delegated. */
    exn;
    /** The label of the target `try`. */
    to;
    constructor(exn, to) {
        this.exn = exn;
        this.to = to;
    }
}
/** The marker a trampolined body returns to request the tail call stored in {@link TAIL_CALL}. */
const TAIL = Object.freeze({ tail: true });
/** The pending tail call (shared by all instances in this realm). */
const TAIL_CALL = {
    f: () => undefined,
    a: [],
};
/** Runs pending tail calls until one returns a value. */
function trampoline() {
    for (;;) {
        const f = TAIL_CALL.f;
        const a = TAIL_CALL.a;
        const b = f.$tb;
        const r = b !== undefined ? b(...a) : f(...a);
        if (r !== TAIL)
            return r;
    }
}
/**
 * Collects values into an array without NaN canonicalisation (a rest-parameter array keeps
 * double bits; an array literal of doubles does not).
 */
function payload(...values) {
    return values;
}
const EMPTY_ARRAY = Object.freeze([]);
function environment(c) {
    return {
        S: support,
        HI,
        RET,
        trap,
        Trap,
        toTrap,
        Exn: WasmException,
        Delegated,
        Math,
        TC: TAIL_CALL,
        PL: payload,
        DEPTH: CALL_DEPTH,
        TAIL,
        TRAMP: trampoline,
        Memory: MemoryInstance,
        Table: TableInstance,
        Global: GlobalInstance,
        Tag: TagInstance,
        GcStruct,
        GcArray,
        memInit: rt.memInit,
        memCopy: rt.memCopy,
        memFill: rt.memFill,
        tableInit: rt.tableInit,
        tableCopy: rt.tableCopy,
        tableFill: rt.tableFill,
        tableGrow: rt.tableGrow,
        tableGet: rt.tableGet,
        tableSet: rt.tableSet,
        f32FromBits,
        f64FromBits,
        b64: rt.decodeBase64,
        arrayStore: rt.arrayStore,
        arrayFromData: rt.arrayFromData,
        arrayFromElem: rt.arrayFromElem,
        arrayInitData: rt.arrayInitData,
        arrayInitElem: rt.arrayInitElem,
        arrayFill: rt.arrayFill,
        arrayCopy: rt.arrayCopy,
        atomicLoad: rt.atomicLoad,
        atomicStore: rt.atomicStore,
        atomicRmw: rt.atomicRmw,
        atomicCmpxchg: rt.atomicCmpxchg,
        atomicNotify: rt.atomicNotify,
        atomicWait: rt.atomicWait,
        EMPTY8: rt.EMPTY_BYTES,
        EMPTYA: EMPTY_ARRAY,
        V0: V128_ZERO,
        shuffleLanes,
        meta: c,
    };
}
/**
 * Evaluates a compiled module's source (one `new Function`) and returns its factory. The source
 * is trusted: it must come from {@link compileModule} (possibly via a cache).
 */
export function loadCompiled(c) {
    const env = environment(c);
    if (c.lazyFuncs !== undefined) {
        const factories = [];
        const base = c.lazyBase ?? 0;
        const prelude = c.lazyPrelude ?? '';
        env['lazyFactory'] = (i) => {
            let f = factories[i - base];
            if (f === undefined) {
                f = new Function('E', 'SC', prelude + '\n' + c.lazyFuncs[i - base]);
                factories[i - base] = f;
            }
            return f;
        };
    }
    const make = new Function('E', c.source);
    const instantiate = make(env);
    return {
        compiled: c,
        instantiate(imports) {
            return instantiate(imports);
        },
    };
}
//# sourceMappingURL=load.js.map