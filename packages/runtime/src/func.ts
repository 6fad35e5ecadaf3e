/**
 * `Func` (a function owned by a store: exported by an instance or defined by the host),
 * `TypedFunc` (a function with a checked signature and a faster `call`), `Caller` (what a host
 * function sees of its caller) and `ThrownException` (a wasm exception that reached the host).
 * @module
 */
import { CALL_DEPTH, HI, RET, WasmException, type FuncRef } from '@wasmtide/compiler';
import { WasmtideError } from '@wasmtide/parser';
import { StoreMismatchError, ValueTypeError } from './errors.js';
import { asStore, checkStore, type AsStore } from './handles.js';
import type { Store } from './store.js';
import { convertError, hostErrorToTrap } from './trapping.js';
import { FuncType, valTypeEquals, toValType, type ValTypeLike } from './types.js';
import { ExnRef, fromInternal, fromInternalList, funcHooks, newSlots, setInternal, slotTotal, toInternalList, type Val } from './values.js';
import type { Extern } from './instance.js';
import { Tag } from './tag.js';

/** What an instance must offer to a {@link Caller}. */
interface CallerInstance {
  getExport(store: AsStore, name: string): Extern | undefined;
}

/** A function signature written inline: `{params: ['i32'], results: ['i64']}`. */
export interface FuncTypeLike {
  /** Parameter types. */
  readonly params?: readonly ValTypeLike[];
  /** Result types. */
  readonly results?: readonly ValTypeLike[];
}

/**
 * A host function for {@link Func.wrap}: takes the {@link Caller}, then the wasm arguments; returns
 * nothing, one value, or an array of values.
 */
export type WrapFn<T = any> = (caller: Caller<T>, ...args: any[]) => unknown;

type HostCall = (vals: Val[], caller: Caller) => unknown;

/** A host function for `new Func`: takes the caller and the arguments; returns an array of results (or one value, or nothing). */
export type HostFn<T = any> = (caller: Caller<T>, params: Val[]) => unknown;

function toFuncType(t: FuncType | FuncTypeLike): FuncType {
  return t instanceof FuncType ? t : new FuncType(t.params ?? [], t.results ?? []);
}

/** A function owned by a store. */
export class Func {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** @internal The function's canonical type. */
  declare readonly type: FuncType;
  /** @internal The internal-convention function. */
  declare readonly raw: FuncRef;
  /** @internal The instance that exported it, if known. */
  declare readonly instance: CallerInstance | null;
  /** @internal For host functions that take a `Caller`: makes a per-instance entry point. */
  declare readonly bindCaller: ((instance: CallerInstance) => FuncRef) | null;

  /**
   * A host function with an explicit type that receives a {@link Caller} and the arguments as an
   * array, and returns its results as an array (or, for one result, the value itself).
   */
  constructor(store: AsStore, ty: FuncType | FuncTypeLike, fn: HostFn) {
    if (typeof fn !== 'function') throw new TypeError('Func: expected a function');
    Func.#host(this, asStore(store), ty, (vals, caller) => fn(caller, vals));
  }

  /**
   * A host function from a plain JS function: it receives the {@link Caller} first, then the wasm
   * arguments (i64 as bigint), and returns `undefined`, one value, or an array for several
   * results, as wasmtime's `Func::wrap` closures do:
   * `Func.wrap(store, {params: ['i32', 'i32'], results: ['i32']}, (caller, a, b) => a + b)`.
   */
  static wrap<T = any>(store: AsStore<T>, ty: FuncType | FuncTypeLike, fn: WrapFn<T>): Func {
    if (typeof fn !== 'function') throw new TypeError('Func.wrap: expected a function');
    const f = Object.create(Func.prototype) as Func;
    Func.#host(f, asStore(store), ty, (vals, caller) => fn(caller, ...vals), fn as WrapFn);
    return f;
  }

  static #host(f: Func, s: Store<any>, ty: FuncType | FuncTypeLike, call: HostCall, direct: WrapFn | null = null): void {
    const type = s.engine.registry.canonicalize(toFuncType(ty)) as FuncType;
    const raw = makeHostRaw(s, type, call, null, direct);
    Func.#init(f, s, type, raw, null, (inst) => {
      const bound = makeHostRaw(s, type, call, inst, direct);
      s.wrappers.set(bound, f);
      return bound;
    });
  }

  static #init(
    f: Func,
    store: Store<any>,
    type: FuncType,
    raw: FuncRef,
    instance: CallerInstance | null,
    bindCaller: ((instance: CallerInstance) => FuncRef) | null,
  ): void {
    Object.assign(f, { store, type, raw, instance, bindCaller });
    store.wrappers.set(raw, f);
  }

  /** @internal The API object for an internal function (cached per store). */
  static wrapRaw(store: Store<any>, raw: FuncRef, instance: CallerInstance | null = null): Func {
    const w = store.wrappers.get(raw);
    if (w instanceof Func) return w;
    const t = store.engine.registry.byId(raw.$t);
    const f = Object.create(Func.prototype) as Func;
    Func.#init(f, store, t instanceof FuncType ? t : new FuncType(), raw, instance, null);
    return f;
  }

  /** The function's type. */
  ty(store: AsStore): FuncType {
    checkStore(this.store, store, 'Func');
    return this.type;
  }

  /**
   * Calls the function with `params` (checked against its type) and returns its results as an
   * array. A trap is thrown as a `Trap`; a wasm exception as a {@link ThrownException}.
   */
  call(store: AsStore, params: readonly Val[] = []): Val[] {
    const s = checkStore(this.store, store, 'Func');
    const args = toInternalList(s, this.type.params, params, 'argument');
    return invoke(s, this, args);
  }

  /**
   * A {@link TypedFunc} for this function, after checking that its type has exactly these
   * parameters and results (throws a {@link ValueTypeError} otherwise).
   */
  typed<P extends Val[] = Val[], R = unknown>(store: AsStore, params: readonly ValTypeLike[], results: readonly ValTypeLike[]): TypedFunc<P, R> {
    const s = checkStore(this.store, store, 'Func');
    const reg = s.engine.registry;
    const check = (what: string, want: readonly ValTypeLike[], have: FuncType['params']) => {
      const w = want.map((t) => reg.canonicalValType(toValType(t)));
      if (w.length !== have.length || w.some((t, i) => !valTypeEquals(t, have[i]!))) {
        throw new ValueTypeError(`type mismatch with ${what}: the function's type is ${this.type}`);
      }
    };
    check('parameters', params, this.type.params);
    check('results', results, this.type.results);
    return new TypedFunc<P, R>(this);
  }
}

/** A function whose signature was checked once; its `call` takes arguments directly. */
export class TypedFunc<P extends Val[] = Val[], R = unknown> {
  /** The underlying function. */
  readonly func: Func;
  /** Whether params and results are all i32/f32/f64 with at most one result (the fast path). */
  readonly #simple: boolean;
  /** @internal Use {@link Func.typed}. */
  constructor(func: Func) {
    this.func = func;
    const num = (t: unknown) => t === 'i32' || t === 'f32' || t === 'f64';
    this.#simple = func.type.params.every(num) && func.type.results.length <= 1 && func.type.results.every(num);
  }
  /**
   * Calls the function. Returns `undefined` for no results, the value for one result, and an array
   * for several.
   */
  call(store: AsStore, ...args: P): R {
    const f = this.func;
    const s = f.store === store ? f.store : checkStore(f.store, store, 'Func');
    const params = f.type.params;
    if (args.length !== params.length) throw new ValueTypeError(`argument: expected ${params.length} values, got ${args.length}`);
    if (this.#simple) {
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (typeof a !== 'number') {
          const one = newSlots(2);
          setInternal(s, params[i]!, a, one, 0, `argument ${i}`);
          args[i] = one[0] as never;
        }
        else if (params[i] === 'i32') args[i] = a | 0;
        else if (params[i] === 'f32' && a === a) args[i] = Math.fround(a);
      }
      s.entered.push(f.instance as object);
      const depth = CALL_DEPTH[0]!;
      try {
        return f.raw(...args) as R;
      } catch (e) {
        CALL_DEPTH[0] = depth; // frames that exit by an exception do not count themselves down
        throw outward(s, e);
      } finally {
        s.entered.pop();
      }
    }
    const slots = newSlots(slotTotal(params));
    let k = 0;
    for (let i = 0; i < params.length; i++) k = setInternal(s, params[i]!, args[i], slots, k, `argument ${i}`);
    const r = invoke(s, f, slots);
    return (r.length === 0 ? undefined : r.length === 1 ? r[0] : r) as R;
  }
}

/** What a host function created with `new Func` sees of its caller. */
export class Caller<T = any> {
  /** The store. */
  readonly store: Store<T>;
  readonly #instance: CallerInstance | null;
  /** @internal */
  constructor(store: Store<T>, instance: CallerInstance | null) {
    this.store = store;
    this.#instance = instance;
  }
  /** The store's host data. */
  get data(): T {
    return this.store.data;
  }
  /** Replaces the store's host data. */
  setData(data: T): void {
    this.store.setData(data);
  }
  /** The engine. */
  get engine(): Store<T>['engine'] {
    return this.store.engine;
  }
  /** An export of the calling instance (`memory`, typically), or undefined. */
  getExport(name: string): Extern | undefined {
    return this.#instance?.getExport(this.store, name);
  }
  /** The remaining fuel. */
  getFuel(): number {
    return this.store.getFuel();
  }
  /** Sets the remaining fuel. */
  setFuel(fuel: number | bigint): void {
    this.store.setFuel(fuel);
  }
}

/**
 * A wasm exception that propagated out to the host (code `exception`). Thrown by `Func.call` and
 * `TypedFunc.call`; a host function may throw one (see {@link ThrownException.create}) to raise a
 * wasm exception in its caller.
 */
export class ThrownException extends WasmtideError {
  /** The exception. */
  readonly exception: ExnRef;
  /** @internal */
  readonly store: Store<any>;
  /** @internal */
  constructor(store: Store<any>, exception: ExnRef) {
    super('exception', 'uncaught wasm exception');
    this.exception = exception;
    this.store = store;
  }
  /** A new exception of `tag` carrying `values` (checked against the tag's type). */
  static create(store: AsStore, tag: Tag, values: readonly Val[]): ThrownException {
    const s = checkStore(tag.store, store, 'Tag');
    const payload = toInternalList(s, tag.type.ty.params, values, 'exception payload');
    return new ThrownException(s, new ExnRef(new WasmException(tag.inner, payload)));
  }
  /** The exception's tag. */
  tag(store: AsStore): Tag {
    const s = checkStore(this.store, store, 'exception');
    return Tag.wrap(s, this.exception.raw.tag);
  }
  /** The exception's payload values. */
  values(store: AsStore): Val[] {
    const s = checkStore(this.store, store, 'exception');
    const t = Tag.wrap(s, this.exception.raw.tag).type.ty;
    return fromInternalList(s, t.params, this.exception.raw.payload);
  }
}

// ---------------------------------------------------------------------------------------------

function outward(store: Store<any>, e: unknown): unknown {
  const c = convertError(store.engine, e);
  if (c instanceof WasmException) return new ThrownException(store, new ExnRef(c));
  return c;
}

/** @internal Calls `f.raw` with internal `args`; converts results and errors. */
function invoke(s: Store<any>, f: Func, args: unknown[]): Val[] {
  const results = f.type.results;
  s.entered.push(f.instance as object);
  const depth = CALL_DEPTH[0]!;
  let r: unknown;
  let hi = 0;
  try {
    r = f.raw(...args);
    hi = HI[0]!;
  } catch (e) {
    CALL_DEPTH[0] = depth; // frames that exit by an exception do not count themselves down
    throw outward(s, e);
  } finally {
    s.entered.pop();
  }
  const n = results.length;
  if (n === 0) return [];
  if (n === 1) {
    const out: Val[] = [null];
    out[0] = fromInternal(s, results[0]!, r, hi);
    return out;
  }
  return fromInternalList(s, results, RET);
}

function unwrapThrown(e: unknown): unknown {
  return e instanceof ThrownException ? e.exception.raw : e;
}

/** @internal Builds the internal-convention entry point of a host function. */
function makeHostRaw(store: Store<any>, type: FuncType, call: HostCall, inst: CallerInstance | null, direct: WrapFn | null = null): FuncRef {
  const fixed = inst ? new Caller(store, inst) : null;
  const params = type.params;
  const results = type.results;
  const nres = results.length;
  const callerNow = (): Caller => fixed ?? new Caller(store, (store.entered[store.entered.length - 1] as CallerInstance | undefined) ?? null);

  /** Converts what the host returned to the internal convention (results via HI/RET). */
  const convertResults = (r: unknown): unknown => {
    if (nres === 0) return undefined; // whatever a no-result function returns is ignored
    if (!Array.isArray(r)) {
      if (nres === 1) {
        // Convert directly: an array literal holding a double would quiet a signalling NaN.
        const one = newSlots(2);
        setInternal(store, results[0]!, r, one, 0, 'host function result 0');
        if (results[0] === 'i64') HI[0] = one[1] as number;
        return one[0];
      }
      r = [r];
    }
    const list = r as readonly unknown[];
    if (list.length !== nres) {
      throw new ValueTypeError(`host function returned ${list.length} value${list.length === 1 ? '' : 's'}, expected ${nres} for type ${type}`);
    }
    const slots = newSlots(slotTotal(results));
    let k = 0;
    for (let i = 0; i < nres; i++) k = setInternal(store, results[i]!, list[i], slots, k, `host function result ${i}`);
    if (nres === 1) {
      if (results[0] === 'i64') HI[0] = slots[1] as number;
      return slots[0];
    }
    for (let i = 0; i < slots.length; i++) RET[i] = slots[i];
    return undefined;
  };

  const num = (t: unknown) => t === 'i32' || t === 'f32' || t === 'f64';
  let raw: FuncRef;
  if (direct !== null && params.every(num)) {
    // Fast path for `Func.wrap` with number parameters: the internal arguments are the API ones.
    const r0 = nres === 1 ? results[0] : null;
    raw = function hostFunction(...args: unknown[]): unknown {
      let r: unknown;
      try {
        r = direct(callerNow(), ...args);
      } catch (e) {
        throw hostErrorToTrap(e, unwrapThrown);
      }
      if (typeof r === 'number') {
        if (r0 === 'i32') return r | 0;
        if (r0 === 'f64') return r;
        if (r0 === 'f32') return r !== r ? r : Math.fround(r);
      }
      return convertResults(r);
    } as FuncRef;
  } else {
    raw = function hostFunction(...args: unknown[]): unknown {
      const vals = fromInternalList(store, params, args);
      let r: unknown;
      try {
        r = call(vals, callerNow());
      } catch (e) {
        throw hostErrorToTrap(e, unwrapThrown);
      }
      return convertResults(r);
    } as FuncRef;
  }
  raw.$t = type.uid;
  return raw;
}

funcHooks.isFunc = (v: unknown): v is Func => v instanceof Func;
funcHooks.rawOf = (f: Func, store: Store<any>, what: string): FuncRef => {
  if (f.store !== store) throw new StoreMismatchError(`${what}: function`);
  return f.raw;
};
funcHooks.typeOf = (f: Func) => f.type;
funcHooks.wrap = (store: Store<any>, raw: FuncRef) => Func.wrapRaw(store, raw);
