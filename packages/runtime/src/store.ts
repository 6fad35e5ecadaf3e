/**
 * `Store<T>`: the owner of all runtime objects (instances, functions, memories, tables, globals,
 * tags) and of per-store state: the host data `T`, fuel, the epoch deadline and the resource
 * limiter. Stores are cheap: create one per request. Objects of one store cannot be used with
 * another; doing so throws a {@link StoreMismatchError}.
 * @module
 */
import type { Engine } from './engine.js';
import { ResourceLimitError, UsageError } from './errors.js';

let nextStoreId = 1;

/**
 * Decides whether memories and tables may grow (wasmtime's `ResourceLimiter`). Sizes are in bytes
 * for memories and in elements for tables; `maximum` is the declared maximum or null. Returning
 * false makes `memory.grow` / `table.grow` return -1 (and instantiation fail for initial sizes).
 */
export interface ResourceLimiter {
  /** May a memory grow from `current` to `desired` bytes? */
  memoryGrowing(current: number, desired: number, maximum: number | null): boolean;
  /** May a table grow from `current` to `desired` elements? */
  tableGrowing(current: number, desired: number, maximum: number | null): boolean;
  /** Maximum number of instances in the store (default: unlimited). */
  readonly instances?: number;
  /** Maximum number of tables in the store (default: unlimited). */
  readonly tables?: number;
  /** Maximum number of memories in the store (default: unlimited). */
  readonly memories?: number;
}

/** Options of {@link StoreLimits}. */
export interface StoreLimitsOptions {
  /** Maximum size of any one memory, in bytes. */
  memorySize?: number;
  /** Maximum number of elements of any one table. */
  tableElements?: number;
  /** Maximum number of instances. */
  instances?: number;
  /** Maximum number of tables. */
  tables?: number;
  /** Maximum number of memories. */
  memories?: number;
  /** Throw a {@link ResourceLimitError} instead of returning -1 when a growth is refused. */
  trapOnGrowFailure?: boolean;
}

/** A ready-made {@link ResourceLimiter} with fixed limits (wasmtime's `StoreLimits`). */
export class StoreLimits implements ResourceLimiter {
  /** Maximum bytes per memory. */
  readonly memorySize: number;
  /** Maximum elements per table. */
  readonly tableElements: number;
  /** Maximum number of instances. */
  readonly instances: number;
  /** Maximum number of tables. */
  readonly tables: number;
  /** Maximum number of memories. */
  readonly memories: number;
  /** Whether a refused growth throws. */
  readonly trapOnGrowFailure: boolean;
  /** Limits; anything not given is unlimited. */
  constructor(o: StoreLimitsOptions = {}) {
    this.memorySize = o.memorySize ?? Infinity;
    this.tableElements = o.tableElements ?? Infinity;
    this.instances = o.instances ?? Infinity;
    this.tables = o.tables ?? Infinity;
    this.memories = o.memories ?? Infinity;
    this.trapOnGrowFailure = o.trapOnGrowFailure ?? false;
  }
  /** Refuses growth beyond {@link memorySize}. */
  memoryGrowing(_current: number, desired: number): boolean {
    if (desired <= this.memorySize) return true;
    if (this.trapOnGrowFailure) throw new ResourceLimitError(`memory size ${desired} exceeds the store limit of ${this.memorySize} bytes`);
    return false;
  }
  /** Refuses growth beyond {@link tableElements}. */
  tableGrowing(_current: number, desired: number): boolean {
    if (desired <= this.tableElements) return true;
    if (this.trapOnGrowFailure) throw new ResourceLimitError(`table size ${desired} exceeds the store limit of ${this.tableElements} elements`);
    return false;
  }
}

/** A collection of runtime objects plus host data of type `T`. */
export class Store<T = unknown> {
  /** The engine this store belongs to. */
  readonly engine: Engine;
  #data: T;
  #limiter: ResourceLimiter | null = null;
  /** @internal Identifies the store in messages. */
  readonly id = nextStoreId++;
  /** @internal Remaining fuel (read and written by generated code). */
  readonly fuelBox = new Float64Array(1);
  /** @internal Epoch deadline (read by generated code). */
  readonly deadlineBox = new Int32Array(1);
  /** @internal Wrappers of internal objects, for identity: internal object -> API object. */
  readonly wrappers = new WeakMap<object, object>();
  /** @internal Counts for the limiter. */
  counts = { instances: 0, tables: 0, memories: 0 };
  /** @internal Instances entered from the host, innermost last (for `Caller` of plain host functions). */
  readonly entered: object[] = [];

  /** A store for `engine` holding `data`. */
  constructor(engine: Engine, data: T) {
    if (engine === null || typeof engine !== 'object' || !('registry' in engine)) throw new TypeError('Store: expected an Engine');
    this.engine = engine;
    this.#data = data;
  }

  /** The host data. */
  get data(): T {
    return this.#data;
  }
  /** Replaces the host data. */
  setData(data: T): void {
    this.#data = data;
  }

  /** Sets the remaining fuel (fuel must be enabled with `Config.consumeFuel`). */
  setFuel(fuel: number | bigint): void {
    this.#requireFuel();
    const f = Number(fuel);
    if (!(f >= 0)) throw new RangeError(`fuel must be non-negative, got ${fuel}`);
    this.fuelBox[0] = f;
  }
  /** The remaining fuel. */
  getFuel(): number {
    this.#requireFuel();
    return Math.max(0, this.fuelBox[0]!);
  }
  #requireFuel(): void {
    if (!this.engine.config.consumeFuel) throw new UsageError('fuel is not enabled: use Config.consumeFuel(true)');
  }

  /**
   * Makes code trap with `interrupt` once the engine's epoch has advanced `ticks` past its current
   * value (epoch interruption must be enabled with `Config.epochInterruption`).
   */
  setEpochDeadline(ticks: number): void {
    if (!this.engine.config.epochInterruption) throw new UsageError('epoch interruption is not enabled: use Config.epochInterruption(true)');
    const d = this.engine.epoch + Math.max(0, Math.floor(ticks));
    this.deadlineBox[0] = d > 0x7fffffff ? 0x7fffffff : d;
  }

  /**
   * Installs a resource limiter (or removes it with `null`). Either a limiter, or a function from the
   * store's data to one, as in wasmtime.
   */
  limiter(limiter: ResourceLimiter | ((data: T) => ResourceLimiter) | null): void {
    this.#limiter = typeof limiter === 'function' ? limiter(this.#data) : limiter;
  }

  /** @internal The current limiter. */
  get currentLimiter(): ResourceLimiter | null {
    return this.#limiter;
  }

  /** @internal Counts a new object against the limiter's caps; throws {@link ResourceLimitError}. */
  reserve(kind: 'instances' | 'tables' | 'memories', n = 1): void {
    if (n === 0) return;
    const cap = this.#limiter?.[kind] ?? Infinity;
    if (this.counts[kind] + n > cap) throw new ResourceLimitError(`resource limit exceeded: ${kind} count too high at ${this.counts[kind] + n}`);
    this.counts[kind] += n;
  }
}
