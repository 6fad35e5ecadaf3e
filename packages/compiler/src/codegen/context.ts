/**
 * What the function compiler needs to know about the module around a body, and the compile
 * error it raises.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';
import type { FuncType, GlobalType, MemoryType, Module, TableType, ValType } from '@wasmtide/parser';
import type { CompileOptions } from '../abi.js';

/** A module the compiler cannot translate (an unsupported operator or a malformed body). */
export class CompileError extends WasmtideError {
  /** Byte offset of the offending instruction, or -1. */
  readonly offset: number;
  constructor(message: string, offset = -1) {
    super('compile', offset >= 0 ? `${message} (at offset 0x${offset.toString(16)})` : message);
    this.offset = offset;
  }
}

/** Module-level facts shared by every function compilation. */
export interface ModuleContext {
  readonly module: Module;
  /** Type index of every function (imports first). */
  readonly funcTypes: readonly number[];
  readonly tables: readonly TableType[];
  readonly memories: readonly MemoryType[];
  readonly globals: readonly GlobalType[];
  /** Type index of every tag. */
  readonly tags: readonly number[];
  readonly options: CompileOptions;
  /** Support helpers referenced (collected while compiling; hoisted by the module emitter). */
  readonly helpers: Set<string>;
  /** Hoisted constants (`K0 = ...`), by their source expression. */
  readonly constants: Map<string, string>;
  /**
   * Whether a call to the function at an index may grow a memory (views are reloaded after such
   * calls only); absent: every call may.
   */
  readonly mayGrow?: (func: number) => boolean;
  /** Whether a `call_indirect` through `table` with type index `type` may grow a memory; absent: all may. */
  readonly mayGrowIndirect?: (table: number, type: number) => boolean;
}

/** The function type at type index `i`. */
export function funcTypeAt(ctx: ModuleContext, i: number): FuncType {
  const t = ctx.module.types[i];
  if (t === undefined || t.comp.kind !== 'func') throw new CompileError(`type ${i} is not a function type`);
  return t.comp;
}

/** The kind of a value type, as it matters for code generation. */
export type Kind = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'ref';

/** The kind of a value type. */
export function kindOf(t: ValType): Kind {
  return typeof t === 'string' ? t : 'ref';
}
