/**
 * Loading compiled modules: the single `new Function` per module. The generated code receives only
 * the environment object built here (support library, trap function, ABI classes, run-time
 * helpers); it never reads globals.
 * @module
 */
import {
  CALL_DEPTH,
  GcArray,
  GcStruct,
  GlobalInstance,
  HI,
  MemoryInstance,
  RET,
  TableInstance,
  TagInstance,
  WasmException,
  toTrap,
  type CompiledModule,
  type InstanceExports,
  type InstanceImports,
  type ModuleFactory,
} from './abi.js';
import * as rt from './rt.js';
import { Trap, trap } from './trap.js';
import { support } from './support-link.js';
import { V128_ZERO, shuffleLanes } from './support/v128.js';
import { f32FromBits, f64FromBits } from './support/bits.js';

/** Marks a legacy-exception `delegate` in flight to the `try` labelled `to`. */
export class Delegated {
  /** The exception being delegated. */
  readonly exn: WasmException;
  /** The label of the target `try`. */
  readonly to: string;
  constructor(exn: WasmException, to: string) {
    this.exn = exn;
    this.to = to;
  }
}

/** The marker a trampolined body returns to request the tail call stored in {@link TAIL_CALL}. */
const TAIL: object = Object.freeze({ tail: true });

/** The pending tail call (shared by all instances in this realm). */
const TAIL_CALL: { f: ((...a: unknown[]) => unknown) & { $tb?: (...a: unknown[]) => unknown }; a: unknown[] } = {
  f: () => undefined,
  a: [],
};

/** Runs pending tail calls until one returns a value. */
function trampoline(): unknown {
  for (;;) {
    const f = TAIL_CALL.f;
    const a = TAIL_CALL.a;
    const b = f.$tb;
    const r = b !== undefined ? b(...a) : f(...a);
    if (r !== TAIL) return r;
  }
}

/**
 * Collects values into an array without NaN canonicalisation (a rest-parameter array keeps
 * double bits; an array literal of doubles does not).
 */
function payload(...values: unknown[]): unknown[] {
  return values;
}

const EMPTY_ARRAY: readonly unknown[] = Object.freeze([]);

function environment(c: CompiledModule): Record<string, unknown> {
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
    dataBytes: rt.dataBytes,
    dataStarts: rt.dataStarts,
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
export function loadCompiled(c: CompiledModule): ModuleFactory {
  const env = environment(c);
  if (c.lazyFuncs !== undefined || c.lazySource !== undefined || c.lazyPrelude !== undefined) {
    const factories: (((e: unknown, sc: unknown) => unknown) | undefined)[] = [];
    const base = c.lazyBase ?? 0;
    const prelude = c.lazyPrelude ?? '';
    const funcs = c.lazyFuncs;
    const gen = c.lazySource;
    env['lazyFactory'] = (i: number) => {
      let f = factories[i - base];
      if (f === undefined) {
        const body = funcs?.[i - base] ?? gen?.(i);
        if (typeof body !== 'string') throw new Error(`compiled module has no code for function ${i} (serialize it with completeCompiled)`);
        f = new Function('E', 'SC', prelude === '' ? body : prelude + '\n' + body) as (e: unknown, sc: unknown) => unknown;
        factories[i - base] = f;
      }
      return f;
    };
  }
  const make = new Function('E', c.source) as (env: Record<string, unknown>) => (imports: InstanceImports) => InstanceExports;
  const instantiate = make(env);
  return {
    compiled: c,
    instantiate(imports: InstanceImports): InstanceExports {
      return instantiate(imports);
    },
  };
}

/**
 * A self-contained copy of a compiled module, for saving (`JSON.stringify`): in deferred lazy mode
 * this generates the JS of every function not generated yet (all of them: generation is cheap
 * beside evaluation, which stays lazy when the copy is loaded) into `lazyFuncs` and drops the
 * non-JSON `lazySource`. Other modules are returned as they are.
 */
export function completeCompiled(c: CompiledModule): CompiledModule {
  const gen = c.lazySource;
  if (gen === undefined) return c;
  const base = c.lazyBase ?? 0;
  const lazyFuncs: string[] = [];
  for (let i = base; i < c.funcTypes.length; i++) lazyFuncs.push(c.lazyFuncs?.[i - base] ?? gen(i));
  const { lazySource: _drop, ...rest } = c;
  return { ...rest, lazyFuncs };
}
