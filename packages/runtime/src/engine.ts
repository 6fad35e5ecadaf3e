/**
 * `Engine`: the shared, long-lived context for compiling and running modules. It owns the
 * configuration snapshot, the type registry (type identity across modules) and the epoch counter.
 * Create one per process (or per configuration) and many cheap `Store`s.
 * @module
 */
import { Config, type ConfigSnapshot } from './config.js';
import { TypeRegistry } from './registry.js';

let nextEngineId = 1;

/** Debug information the engine keeps per compiled module, for trap backtraces. */
export interface ModuleDebugInfo {
  /** The module's name (name section), if any. */
  readonly moduleName: string | null;
  /** Function names by function index. */
  readonly funcNames: ReadonlyMap<number, string>;
}

/** A compilation and execution environment shared by modules and stores. */
export class Engine {
  /** The configuration this engine was created with (a frozen snapshot). */
  readonly config: ConfigSnapshot;
  /** @internal Canonical type registry. */
  readonly registry = new TypeRegistry();
  /** @internal The epoch counter (over a SharedArrayBuffer where available, so workers may bump it). */
  readonly epochCounter: Int32Array;
  /** @internal A number identifying this engine in messages. */
  readonly id = nextEngineId++;
  /** @internal Debug info by generated source name. */
  readonly debugInfo = new Map<string, ModuleDebugInfo>();

  /** An engine with the given configuration (the defaults if omitted). */
  constructor(config: Config = new Config()) {
    if (!(config instanceof Config)) throw new TypeError('Engine: expected a Config');
    this.config = config.snapshot();
    const SAB = (globalThis as { SharedArrayBuffer?: typeof SharedArrayBuffer }).SharedArrayBuffer;
    this.epochCounter = SAB ? new Int32Array(new SAB(4)) : new Int32Array(1);
  }

  /** Advances the epoch by one; stores whose deadline is reached trap with `interrupt` at their next check. */
  incrementEpoch(): void {
    if (typeof SharedArrayBuffer !== 'undefined' && this.epochCounter.buffer instanceof SharedArrayBuffer) {
      Atomics.add(this.epochCounter, 0, 1);
    } else {
      this.epochCounter[0]! += 1;
    }
  }

  /** The current epoch. */
  get epoch(): number {
    return this.epochCounter[0]!;
  }

  /**
   * The epoch counter itself: an `Int32Array` of one element over a `SharedArrayBuffer` (when the
   * platform has one). Post its buffer to a worker that calls `Atomics.add(counter, 0, 1)` to
   * interrupt long-running code from another thread.
   */
  get epochBuffer(): Int32Array {
    return this.epochCounter;
  }

  /** Whether two engines are the same (modules and stores of one engine cannot be used with another). */
  same(other: Engine): boolean {
    return this === other;
  }
}
