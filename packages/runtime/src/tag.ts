/**
 * `Tag`: an exception tag, created by the host or exported by an instance.
 * @module
 */
import { TagInstance } from '@wasmtide/compiler';
import { asStore, checkStore, toIrFuncType, type AsStore } from './handles.js';
import type { Store } from './store.js';
import { FuncType, TagType } from './types.js';

/** An exception tag owned by a store. */
export class Tag {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** @internal The tag's type (canonical). */
  declare readonly type: TagType;
  /** @internal The compiler's tag object. */
  declare readonly inner: TagInstance;

  /** A new tag (distinct from every other tag, even one of the same type). */
  constructor(store: AsStore, ty: TagType) {
    const s = asStore(store);
    const canon = s.engine.registry.canonicalize(ty.ty) as FuncType;
    Tag.#init(this, s, new TagType(canon), new TagInstance(toIrFuncType(canon), canon.uid));
  }

  static #init(t: Tag, store: Store<any>, type: TagType, inner: TagInstance): void {
    Object.assign(t, { store, type, inner });
    store.wrappers.set(inner, t);
  }

  /** @internal The API object for an internal tag (cached per store). */
  static wrap(store: Store<any>, inner: TagInstance): Tag {
    const w = store.wrappers.get(inner);
    if (w instanceof Tag) return w;
    const t = Object.create(Tag.prototype) as Tag;
    const ft = store.engine.registry.byId(inner.typeId);
    Tag.#init(t, store, new TagType(ft instanceof FuncType ? ft : new FuncType()), inner);
    return t;
  }

  /** The tag's type. */
  ty(store: AsStore): TagType {
    checkStore(this.store, store, 'Tag');
    return this.type;
  }
}
