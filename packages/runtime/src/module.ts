/**
 * `Module`: a compiled WebAssembly module. Compiling decodes, validates and generates JavaScript
 * once; every instance (in any store of the same engine) shares the generated code. A module can
 * be serialized and loaded again without the parser, validator or compiler running.
 * @module
 */
import { ABI_VERSION, compileModule, completeCompiled, loadCompiled, type CompiledModule, type CompileOptions, type ModuleFactory } from '@wasmtide/compiler';
import type * as ir from '@wasmtide/parser';
import { decodeAndValidate } from '@wasmtide/validator';
import { Engine } from './engine.js';
import { SerializationError, UsageError } from './errors.js';
import { irValType } from './registry.js';
import {
  ExportType,
  FuncType,
  GlobalType,
  ImportType,
  MemoryType,
  RefType,
  TableType,
  TagType,
  type ConcreteType,
  type ExternType,
  type HeapType,
  type ValType,
} from './types.js';

type TextParser = (text: string) => Uint8Array;
let textParser: TextParser | null = null;

/**
 * Loads the WAT text parser (`@wasmtide/parser/text`) so that `new Module(engine, text)` accepts
 * text synchronously from then on. {@link Module.fromText} calls it for you. Binary-only users
 * never load the text parser.
 */
export async function loadTextParser(): Promise<void> {
  if (textParser) return;
  const mod = (await import('@wasmtide/parser/text')) as unknown as Record<string, unknown>;
  const fn = mod['parseWat'] ?? mod['parseWatToBinary'] ?? mod['wat2wasm'];
  if (typeof fn !== 'function') throw new UsageError('the text parser (@wasmtide/parser/text) does not export parseWat');
  textParser = fn as TextParser;
}

/** Installs a WAT parser explicitly (for bundlers that cannot do dynamic imports). */
export function setTextParser(parse: TextParser): void {
  textParser = parse;
}

function toBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('expected the module as a Uint8Array, an ArrayBuffer or a string of WAT text');
}

function isBinary(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;
}

function watToBinary(text: string): Uint8Array {
  if (!textParser) {
    throw new UsageError('WAT text needs the text parser: use `await Module.fromText(engine, text)` or call `await loadTextParser()` first');
  }
  return textParser(text);
}

/** FNV-1a over bytes `[from, to)` (32 bits, unsigned), continuing from `h`. */
function fnv1a(b: Uint8Array, h = 0x811c9dc5, from = 0, to = b.length): number {
  for (let i = from; i < to; i++) {
    h ^= b[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Modules above this size are named by a hash of their length and 256 spread 4 KiB windows. */
const SAMPLED_HASH_FROM = 4 << 20;

function sourceNameFor(name: string | null, bytes: Uint8Array): string {
  const base = (name ?? 'module').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40) || 'module';
  let h: number;
  if (bytes.length <= SAMPLED_HASH_FROM) h = fnv1a(bytes);
  else {
    h = fnv1a(Uint8Array.of(bytes.length & 255, (bytes.length >>> 8) & 255, (bytes.length >>> 16) & 255, bytes.length >>> 24));
    const step = Math.floor((bytes.length - 4096) / 255);
    for (let k = 0; k < 256; k++) h = fnv1a(bytes, h, k * step, k * step + 4096);
  }
  return `${base}-${h.toString(16).padStart(8, '0')}`;
}

/** The options the engine compiles with. */
function compileOptions(engine: Engine, name: string): CompileOptions {
  const c = engine.config;
  const o: CompileOptions = { fuel: c.consumeFuel, epoch: c.epochInterruption, lazy: c.lazyCompilation, name };
  return c.maxCallDepth !== null ? { ...o, maxCallDepth: c.maxCallDepth } : o;
}

const MAGIC = [0x57, 0x54, 0x44, 0x4d]; // "WTDM"
/** The version of the serialized module format written by {@link Module.serialize}. */
export const SERIALIZATION_VERSION = 1;
const HEADER = 20;

/** A compiled module, ready to instantiate in any store of its engine. */
export class Module {
  /** The engine the module was compiled for. */
  readonly engine: Engine;
  /** @internal The compiled form (generated source plus metadata). */
  declare readonly compiled: CompiledModule;
  /** @internal The loaded factory, shared by all instances. */
  declare readonly factory: ModuleFactory;
  /** @internal The module's types, canonicalised in the engine's registry, by type index. */
  declare readonly types: readonly ConcreteType[];
  /** @internal Canonical type id by type index. */
  declare readonly typeIds: Int32Array;
  private importsCache: ImportType[] | null = null;
  private exportsCache: Map<string, ExportType> | null = null;

  /**
   * Compiles a module from its binary (a `Uint8Array` or `ArrayBuffer`) or its WAT text (a
   * string; needs {@link loadTextParser} to have run). Throws a `DecodeError` (malformed),
   * `TextSyntaxError`, `ValidationError` (invalid) or the compiler's error.
   */
  constructor(engine: Engine, bytesOrText: Uint8Array | ArrayBuffer | ArrayBufferView | string) {
    if (!(engine instanceof Engine)) throw new TypeError('Module: expected an Engine');
    this.engine = engine;
    let bytes = typeof bytesOrText === 'string' ? watToBinary(bytesOrText) : toBytes(bytesOrText);
    if (!isBinary(bytes) && textParser && bytes.length > 0 && bytes[0] !== 0) bytes = watToBinary(new TextDecoder().decode(bytes));
    // One pass over each body: decodeAndValidate reports malformed bodies exactly as the decoder does.
    const v = decodeAndValidate(bytes, engine.config.features);
    const m = v.module;
    const compiled = compileModule(v, compileOptions(engine, sourceNameFor(m.names?.module ?? null, bytes)));
    this.load(compiled);
  }

  /** Compiles a module from its binary encoding. */
  static fromBinary(engine: Engine, bytes: Uint8Array | ArrayBuffer): Module {
    const b = toBytes(bytes);
    return new Module(engine, b);
  }

  /** Compiles a module from WAT text, loading the text parser first if needed. */
  static async fromText(engine: Engine, text: string): Promise<Module> {
    await loadTextParser();
    return new Module(engine, text);
  }

  /** Decodes and validates `bytes` without compiling; throws the decode or validation error. */
  static validate(engine: Engine, bytes: Uint8Array | ArrayBuffer): void {
    decodeAndValidate(toBytes(bytes), engine.config.features);
  }

  private load(compiled: CompiledModule, factory?: ModuleFactory): void {
    const f = factory ?? loadCompiled(compiled);
    const types = this.engine.registry.moduleTypes(compiled);
    const ids = new Int32Array(types.length);
    for (let i = 0; i < types.length; i++) ids[i] = types[i]!.uid;
    Object.assign(this, { compiled, factory: f, types, typeIds: ids });
    this.engine.debugInfo.set(compiled.sourceName, {
      moduleName: compiled.moduleName,
      funcNames: new Map(compiled.funcNames.map(([i, n]) => [i, n] as [number, string])),
    });
  }

  /** The module's name from its name section, or null. */
  get name(): string | null {
    return this.compiled.moduleName;
  }

  /** The imports, in order, with their types. */
  imports(): ImportType[] {
    if (!this.importsCache) {
      this.importsCache = this.compiled.imports.map((im) => {
        let ty: ExternType;
        switch (im.kind) {
          case 'func':
            ty = this.funcType(im.typeIndex);
            break;
          case 'tag':
            ty = new TagType(this.funcType(im.typeIndex));
            break;
          case 'table':
            ty = this.tableType(im.table!);
            break;
          case 'memory':
            ty = memoryType(im.memory!);
            break;
          default:
            ty = this.globalType(im.global!);
        }
        return new ImportType(im.module, im.name, ty);
      });
    }
    return this.importsCache.slice();
  }

  /** The exports, in order, with their types. */
  exports(): ExportType[] {
    return [...this.exportMap().values()];
  }

  /** The type of the export `name`, or undefined. */
  getExport(name: string): ExternType | undefined {
    return this.exportMap().get(name)?.ty;
  }

  private exportMap(): Map<string, ExportType> {
    if (!this.exportsCache) {
      const c = this.compiled;
      this.exportsCache = new Map();
      for (const ex of c.exports) {
        let ty: ExternType;
        switch (ex.kind) {
          case 'func':
            ty = this.funcType(c.funcTypes[ex.index]!);
            break;
          case 'tag':
            ty = new TagType(this.funcType(c.tags[ex.index]!));
            break;
          case 'table':
            ty = this.tableType(c.tables[ex.index]!);
            break;
          case 'memory':
            ty = memoryType(c.memories[ex.index]!);
            break;
          default:
            ty = this.globalType(c.globals[ex.index]!);
        }
        this.exportsCache.set(ex.name, new ExportType(ex.name, ty));
      }
    }
    return this.exportsCache;
  }

  /** @internal The function type at a type index. */
  funcType(typeIndex: number): FuncType {
    const t = this.types[typeIndex];
    return t instanceof FuncType ? t : new FuncType();
  }

  /** @internal An IR value type of this module as an API value type. */
  valType(v: ir.ValType): ValType {
    return irValType(v, (h): HeapType => (typeof h === 'number' ? this.types[h]! : h));
  }

  /** @internal */
  tableType(t: ir.TableType): TableType {
    return new TableType(this.valType(t.element) as RefType, t.limits.min, t.limits.max, t.addr === 'i64');
  }

  /** @internal */
  globalType(t: ir.GlobalType): GlobalType {
    return new GlobalType(this.valType(t.type), t.mutable);
  }

  /**
   * The compiled module as bytes (a versioned header, a checksum, and the generated code with its
   * metadata), for {@link Module.deserialize}. A lazily compiled module generates its functions'
   * JS on their first calls; serializing generates all the remaining ones first, so the artifact is
   * self-contained (and takes as long as compiling the module whole).
   */
  serialize(): Uint8Array {
    const payload = new TextEncoder().encode(JSON.stringify(completeCompiled(this.compiled)));
    const out = new Uint8Array(HEADER + payload.length);
    out.set(MAGIC, 0);
    const dv = new DataView(out.buffer);
    dv.setUint32(4, SERIALIZATION_VERSION, true);
    dv.setUint32(8, ABI_VERSION, true);
    dv.setUint32(12, payload.length, true);
    dv.setUint32(16, fnv1a(payload), true);
    out.set(payload, HEADER);
    return out;
  }

  /**
   * Loads a module written by {@link serialize}. Throws a {@link SerializationError} for anything
   * else, a different format or ABI version, corruption, or settings that differ from the engine's
   * (fuel, epochs, call depth).
   */
  static deserialize(engine: Engine, bytes: Uint8Array | ArrayBuffer): Module {
    if (!(engine instanceof Engine)) throw new TypeError('Module.deserialize: expected an Engine');
    const b = toBytes(bytes);
    if (b.length < HEADER || MAGIC.some((m, i) => b[i] !== m)) throw new SerializationError('not a serialized wasmtide module (bad header)');
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const version = dv.getUint32(4, true);
    if (version !== SERIALIZATION_VERSION) {
      throw new SerializationError(`serialized module format version ${version} is not supported (expected ${SERIALIZATION_VERSION})`);
    }
    const abi = dv.getUint32(8, true);
    if (abi !== ABI_VERSION) throw new SerializationError(`serialized module was compiled for ABI version ${abi}, this runtime uses ${ABI_VERSION}`);
    const len = dv.getUint32(12, true);
    if (len !== b.length - HEADER) throw new SerializationError(`serialized module is truncated or has trailing bytes (payload ${b.length - HEADER} bytes, header says ${len})`);
    const payload = b.subarray(HEADER);
    if (fnv1a(payload) !== dv.getUint32(16, true)) throw new SerializationError('serialized module is corrupted (checksum mismatch)');
    let compiled: CompiledModule;
    try {
      compiled = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as CompiledModule;
    } catch (e) {
      throw new SerializationError(`serialized module is corrupted: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (compiled === null || typeof compiled !== 'object' || typeof compiled.source !== 'string' || !Array.isArray(compiled.types)) {
      throw new SerializationError('serialized module is corrupted (bad metadata)');
    }
    if (compiled.abiVersion !== ABI_VERSION) throw new SerializationError(`serialized module has ABI version ${compiled.abiVersion}, expected ${ABI_VERSION}`);
    const want = compileOptions(engine, compiled.sourceName);
    const have = compiled.options ?? {};
    for (const k of ['fuel', 'epoch', 'maxCallDepth'] as const) {
      if ((have[k] ?? null) !== (want[k] ?? null) && !(k !== 'maxCallDepth' && !have[k] && !want[k])) {
        throw new SerializationError(`serialized module was compiled with ${k} = ${String(have[k])}, but the engine uses ${String(want[k])}`);
      }
    }
    let factory: ModuleFactory;
    try {
      factory = loadCompiled(compiled);
    } catch (e) {
      throw new SerializationError(`serialized module cannot be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
    const m = Object.create(Module.prototype) as Module;
    Object.assign(m, { engine });
    m.importsCache = null;
    m.exportsCache = null;
    m.load(compiled, factory);
    return m;
  }
}

function memoryType(t: ir.MemoryType): MemoryType {
  return new MemoryType({ minimum: t.limits.min, maximum: t.limits.max, is64: t.addr === 'i64', shared: t.shared, pageSizeLog2: t.pageSizeLog2 });
}
