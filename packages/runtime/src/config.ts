/**
 * `Config`: how an {@link Engine} compiles and runs code (features, fuel, epochs, stack depth,
 * default limits). Setters are chainable, named as wasmtime's; an engine takes a snapshot of the
 * configuration when it is created, so changing a `Config` later never affects an existing engine.
 * @module
 */
import { defaultFeatures, type Features } from '@wasmtide/validator';

/**
 * The WebAssembly features a {@link Config} can switch on or off: the validator's `Features`.
 * A new `Config` starts from the validator's `defaultFeatures` (WebAssembly 3.0 plus threads, as
 * current wasmtime enables by default).
 */
export type WasmFeatures = { -readonly [K in keyof Features]: Features[K] };

/** A read-only snapshot of a configuration, as an engine holds it. */
export interface ConfigSnapshot {
  /** Enabled WebAssembly features. */
  readonly features: Readonly<WasmFeatures>;
  /** Whether fuel is metered (see `Store.setFuel`). */
  readonly consumeFuel: boolean;
  /** Whether epoch interruption is compiled in (see `Store.setEpochDeadline`). */
  readonly epochInterruption: boolean;
  /**
   * Maximum wasm call depth; beyond it a call traps with `call stack exhausted`. `null` (the
   * default) leaves the limit to the JS engine's own stack, which is faster but not deterministic.
   */
  readonly maxCallDepth: number | null;
  /** Default upper bound, in bytes, for any one linear memory (grow fails beyond it). */
  readonly maxMemorySize: number;
  /** Default upper bound on the number of elements of any one table. */
  readonly maxTableElements: number;
  /**
   * Compile each function on its first call instead of all at once: `true`, `false`, or `'auto'`
   * (the default: lazily for big modules, whole for small ones).
   */
  readonly lazyCompilation: boolean | 'auto';
}

/** The compilation and execution settings of an {@link Engine}. Setters return `this`. */
export class Config {
  #features: WasmFeatures = { ...defaultFeatures };
  #consumeFuel = false;
  #epochInterruption = false;
  #maxCallDepth: number | null = null;
  #maxMemorySize = 2 ** 32;
  #maxTableElements = 10_000_000;
  #lazy: boolean | 'auto' = 'auto';

  /** A configuration with the defaults; `options` may set any field of {@link ConfigSnapshot} at once. */
  constructor(options: Partial<Omit<ConfigSnapshot, 'features'>> & { features?: Partial<WasmFeatures> } = {}) {
    if (options.features) this.wasmFeatures(options.features);
    if (options.consumeFuel !== undefined) this.consumeFuel(options.consumeFuel);
    if (options.epochInterruption !== undefined) this.epochInterruption(options.epochInterruption);
    if (options.maxCallDepth !== undefined) this.maxCallDepth(options.maxCallDepth);
    if (options.maxMemorySize !== undefined) this.maxMemorySize(options.maxMemorySize);
    if (options.maxTableElements !== undefined) this.maxTableElements(options.maxTableElements);
    if (options.lazyCompilation !== undefined) this.lazyCompilation(options.lazyCompilation);
  }

  /** Switches several features at once (unknown names throw a `TypeError`). */
  wasmFeatures(features: Partial<WasmFeatures>): this {
    for (const [k, v] of Object.entries(features)) {
      if (!(k in this.#features)) throw new TypeError(`unknown WebAssembly feature: ${k}`);
      this.#features[k as keyof WasmFeatures] = Boolean(v);
    }
    return this;
  }
  /** Enables or disables SIMD. */
  wasmSimd(on: boolean): this {
    return this.wasmFeatures({ simd: on });
  }
  /** Enables or disables relaxed SIMD. */
  wasmRelaxedSimd(on: boolean): this {
    return this.wasmFeatures({ relaxedSimd: on });
  }
  /** Enables or disables threads (shared memories, atomics). */
  wasmThreads(on: boolean): this {
    return this.wasmFeatures({ threads: on });
  }
  /** Enables or disables reference types. */
  wasmReferenceTypes(on: boolean): this {
    return this.wasmFeatures({ referenceTypes: on });
  }
  /** Enables or disables bulk memory. */
  wasmBulkMemory(on: boolean): this {
    return this.wasmFeatures({ bulkMemory: on });
  }
  /** Enables or disables multi-value. */
  wasmMultiValue(on: boolean): this {
    return this.wasmFeatures({ multiValue: on });
  }
  /** Enables or disables multiple memories. */
  wasmMultiMemory(on: boolean): this {
    return this.wasmFeatures({ multiMemory: on });
  }
  /** Enables or disables 64-bit memories and tables. */
  wasmMemory64(on: boolean): this {
    return this.wasmFeatures({ memory64: on });
  }
  /** Enables or disables tail calls. */
  wasmTailCall(on: boolean): this {
    return this.wasmFeatures({ tailCall: on });
  }
  /** Enables or disables typed function references. */
  wasmFunctionReferences(on: boolean): this {
    return this.wasmFeatures({ functionReferences: on });
  }
  /** Enables or disables garbage collection types. */
  wasmGc(on: boolean): this {
    return this.wasmFeatures({ gc: on });
  }
  /** Enables or disables exception handling. */
  wasmExceptions(on: boolean): this {
    return this.wasmFeatures({ exceptions: on });
  }
  /** Enables or disables custom page sizes. */
  wasmCustomPageSizes(on: boolean): this {
    return this.wasmFeatures({ customPageSizes: on });
  }
  /** Enables or disables wide arithmetic. */
  wasmWideArithmetic(on: boolean): this {
    return this.wasmFeatures({ wideArithmetic: on });
  }
  /** Meter execution with fuel: each store starts with none; see `Store.setFuel`. */
  consumeFuel(on: boolean): this {
    this.#consumeFuel = on;
    return this;
  }
  /** Compile in epoch checks: see `Engine.incrementEpoch` and `Store.setEpochDeadline`. */
  epochInterruption(on: boolean): this {
    this.#epochInterruption = on;
    return this;
  }
  /** Maximum wasm call depth (a positive integer), or `null` for the JS engine's own stack limit. */
  maxCallDepth(depth: number | null): this {
    if (depth !== null && (!Number.isInteger(depth) || depth < 1)) throw new RangeError(`maxCallDepth must be a positive integer, got ${depth}`);
    this.#maxCallDepth = depth;
    return this;
  }
  /**
   * Like wasmtime's `max_wasm_stack` (bytes): sets the call depth to `bytes / 512`, at least 1.
   * Prefer {@link maxCallDepth}.
   */
  maxWasmStack(bytes: number): this {
    return this.maxCallDepth(Math.max(1, Math.floor(bytes / 512)));
  }
  /** Default maximum size of any one memory, in bytes. */
  maxMemorySize(bytes: number): this {
    if (!(bytes >= 0)) throw new RangeError(`maxMemorySize must be non-negative, got ${bytes}`);
    this.#maxMemorySize = bytes;
    return this;
  }
  /** Default maximum number of elements of any one table. */
  maxTableElements(n: number): this {
    if (!(n >= 0)) throw new RangeError(`maxTableElements must be non-negative, got ${n}`);
    this.#maxTableElements = n;
    return this;
  }
  /**
   * Compile functions lazily, on their first call (good for big modules that run little of their
   * code); `'auto'` (the default) decides by the module's code size.
   */
  lazyCompilation(on: boolean | 'auto'): this {
    this.#lazy = on;
    return this;
  }
  /** A frozen copy of the current settings. */
  snapshot(): ConfigSnapshot {
    return Object.freeze({
      features: Object.freeze({ ...this.#features }),
      consumeFuel: this.#consumeFuel,
      epochInterruption: this.#epochInterruption,
      maxCallDepth: this.#maxCallDepth,
      maxMemorySize: this.#maxMemorySize,
      maxTableElements: this.#maxTableElements,
      lazyCompilation: this.#lazy,
    });
  }
}
