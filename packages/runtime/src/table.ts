/**
 * `Table`: a table of references, created by the host or exported by an instance.
 * @module
 */
import { TableInstance } from '@wasmtide/compiler';
import type * as ir from '@wasmtide/parser';
import { ResourceLimitError, UsageError } from './errors.js';
import { asStore, checkStore, toIrTableType, type AsStore } from './handles.js';
import type { Store } from './store.js';
import { RefType, TableType } from './types.js';
import { fromInternal, refToInternal, type Val } from './values.js';

/** @internal Allocates a table for `store`, applying the engine's and the limiter's limits. */
export function newTableInstance(store: Store<any>, type: ir.TableType, init: unknown): TableInstance {
  const engineMax = store.engine.config.maxTableElements;
  if (type.limits.min > engineMax) {
    throw new ResourceLimitError(`table minimum size of ${type.limits.min} elements exceeds the engine limit of ${engineMax}`);
  }
  const declaredMax = type.limits.max;
  const limiter = store.currentLimiter;
  if (limiter && !limiter.tableGrowing(0, type.limits.min, declaredMax)) {
    throw new ResourceLimitError(`table minimum size of ${type.limits.min} elements is refused by the store's resource limiter`);
  }
  store.reserve('tables');
  const t = new TableInstance(type, init, engineMax);
  t.growHook = (current, desired) => {
    const l = store.currentLimiter;
    return l === null || l.tableGrowing(current, desired, declaredMax);
  };
  return t;
}

/** A table owned by a store. */
export class Table {
  /** @internal The owning store. */
  declare readonly store: Store<any>;
  /** @internal The table's declared type (canonical element type). */
  declare readonly type: TableType;
  /** @internal The compiler's table object. */
  declare readonly inner: TableInstance;

  /** A new table of type `ty`, every element `init` (which must match the element type). */
  constructor(store: AsStore, ty: TableType, init: Val = null) {
    const s = asStore(store);
    const el = s.engine.registry.canonicalValType(ty.element) as RefType;
    const type = new TableType(el, ty.minimum, ty.maximum, ty.is64);
    const raw = refToInternal(s, el, init, 'Table initial value');
    Table.#init(this, s, type, newTableInstance(s, toIrTableType(type), raw));
  }

  static #init(t: Table, store: Store<any>, type: TableType, inner: TableInstance): void {
    Object.assign(t, { store, type, inner });
    store.wrappers.set(inner, t);
  }

  /** @internal The API object for an internal table (cached per store). */
  static wrap(store: Store<any>, inner: TableInstance, type: TableType): Table {
    const w = store.wrappers.get(inner);
    if (w instanceof Table) return w;
    const t = Object.create(Table.prototype) as Table;
    Table.#init(t, store, type, inner);
    return t;
  }

  /** The table's type, with its current size as the minimum. */
  ty(store: AsStore): TableType {
    checkStore(this.store, store, 'Table');
    const t = this.type;
    return new TableType(t.element, this.inner.size, t.maximum, t.is64);
  }

  /** The current number of elements. */
  size(store: AsStore): number {
    checkStore(this.store, store, 'Table');
    return this.inner.size;
  }

  private checkIndex(i: number | bigint, n = 1): number {
    const x = Number(i);
    if (!Number.isInteger(x) || x < 0 || x + n > this.inner.size) {
      throw new UsageError(`out of bounds table access: index ${i} (table size ${this.inner.size})`);
    }
    return x;
  }

  /** The element at `index` (throws a {@link UsageError} if out of bounds). */
  get(store: AsStore, index: number | bigint): Val {
    const s = checkStore(this.store, store, 'Table');
    return fromInternal(s, this.type.element, this.inner.elements[this.checkIndex(index)]);
  }

  /** Sets the element at `index`. */
  set(store: AsStore, index: number | bigint, value: Val): void {
    const s = checkStore(this.store, store, 'Table');
    const i = this.checkIndex(index);
    this.inner.elements[i] = refToInternal(s, this.type.element, value, 'Table.set');
  }

  /**
   * Grows by `delta` elements set to `init`; returns the previous size. Throws a
   * {@link UsageError} if the table cannot grow that much.
   */
  grow(store: AsStore, delta: number | bigint, init: Val = null): number {
    const s = checkStore(this.store, store, 'Table');
    const d = Number(delta);
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`grow: delta must be a non-negative integer, got ${delta}`);
    const raw = refToInternal(s, this.type.element, init, 'Table.grow');
    const old = this.inner.grow(d, raw);
    if (old < 0) throw new UsageError(`failed to grow table by ${d} elements (size ${this.inner.size}, maximum ${this.inner.max})`);
    return old;
  }

  /** Sets `length` elements from `dst` to `value`. */
  fill(store: AsStore, dst: number, value: Val, length: number): void {
    const s = checkStore(this.store, store, 'Table');
    const start = this.checkIndex(dst, length);
    const raw = refToInternal(s, this.type.element, value, 'Table.fill');
    for (let i = 0; i < length; i++) this.inner.elements[start + i] = raw;
  }
}
