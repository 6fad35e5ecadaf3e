/**
 * `Global`: a global variable, created by the host or exported by an instance.
 * @module
 */
import { GlobalInstance } from '@wasmtide/compiler';
import { UsageError } from './errors.js';
import { asStore, checkStore, toIrGlobalType, type AsStore } from './handles.js';
import type { Store } from './store.js';
import { GlobalType } from './types.js';
import { fromInternal, newSlots, setInternal, type Val } from './values.js';

/** A global owned by a store. */
export class Global {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** @internal The global's type (canonical). */
  declare readonly type: GlobalType;
  /** @internal The compiler's global object. */
  declare readonly inner: GlobalInstance;

  /** A new global of type `ty` holding `value`. */
  constructor(store: AsStore, ty: GlobalType, value: Val) {
    const s = asStore(store);
    const type = new GlobalType(s.engine.registry.canonicalValType(ty.content), ty.mutable);
    const inner = new GlobalInstance(toIrGlobalType(type));
    Global.#init(this, s, type, inner);
    write(s, type, inner, value, 'Global initial value');
  }

  static #init(g: Global, store: Store<any>, type: GlobalType, inner: GlobalInstance): void {
    Object.assign(g, { store, type, inner });
    store.wrappers.set(inner, g);
  }

  /** @internal The API object for an internal global (cached per store). */
  static wrap(store: Store<any>, inner: GlobalInstance, type: GlobalType): Global {
    const w = store.wrappers.get(inner);
    if (w instanceof Global) return w;
    const g = Object.create(Global.prototype) as Global;
    Global.#init(g, store, type, inner);
    return g;
  }

  /** The global's type. */
  ty(store: AsStore): GlobalType {
    checkStore(this.store, store, 'Global');
    return this.type;
  }

  /** The current value. */
  get(store: AsStore): Val {
    const s = checkStore(this.store, store, 'Global');
    return fromInternal(s, this.type.content, this.inner.v, this.inner.h);
  }

  /** Sets the value (the global must be mutable and the value of its type). */
  set(store: AsStore, value: Val): void {
    const s = checkStore(this.store, store, 'Global');
    if (!this.type.mutable) throw new UsageError('cannot set an immutable global');
    write(s, this.type, this.inner, value, 'Global.set');
  }
}

function write(store: Store<any>, type: GlobalType, inner: GlobalInstance, value: Val, what: string): void {
  const slots = newSlots(2);
  setInternal(store, type.content, value, slots, 0, what);
  inner.v = slots[0];
  inner.h = type.content === 'i64' ? (slots[1] as number) : 0;
}
