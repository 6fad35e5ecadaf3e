/**
 * The runtime's error classes. Every one derives from {@link WasmtideError} and has a stable `code`.
 * `Trap` itself is defined by the compiler (the lowest layer that raises it) and re-exported.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';

/**
 * Instantiation failed because an import is missing or does not match what the module expects.
 * The message names the import as `module::name` and says why (`unknown import`,
 * `incompatible import type`, ...).
 */
export class LinkError extends WasmtideError {
  /** The import's module name, if the error is about one import. */
  readonly importModule: string | null;
  /** The import's field name, if the error is about one import. */
  readonly importName: string | null;
  /** The spec's wording of the failure (`unknown import`, `incompatible import type`, ...). */
  readonly reason: string;
  /** A link error; `detail` (expected and actual types, say) is appended in parentheses. */
  constructor(reason: string, importModule: string | null = null, importName: string | null = null, detail?: string) {
    const where = importModule !== null ? `${importModule}::${importName ?? ''}: ` : '';
    super('link', `${where}${reason}${detail ? ` (${detail})` : ''}`);
    this.reason = reason;
    this.importModule = importModule;
    this.importName = importName;
  }
}

/**
 * A host program used the API with a value of the wrong type: wrong number or types of arguments
 * passed to a wasm function, a host function returning the wrong results, a global set to a value of
 * the wrong type, a typed-function signature that does not match, and so on.
 */
export class ValueTypeError extends WasmtideError {
  /** An error with the given message. */
  constructor(message: string) {
    super('type', message);
  }
}

/** An object that belongs to one store was used with another store. */
export class StoreMismatchError extends WasmtideError {
  /** `what` names the object that was misused (`Func`, `import env::f`, ...). */
  constructor(what: string) {
    super('store', `${what} belongs to a different store`);
  }
}

/**
 * An operation the host asked for cannot be done: a table or memory grown past its maximum by the
 * host, a read or write outside a memory from the host, an immutable global set, an export missing.
 */
export class UsageError extends WasmtideError {
  /** An error with the given message. */
  constructor(message: string) {
    super('usage', message);
  }
}

/** A resource limit (from the store's limiter or the engine's configuration) was exceeded. */
export class ResourceLimitError extends WasmtideError {
  /** An error with the given message. */
  constructor(message: string) {
    super('limit', message);
  }
}

/** Serialized module bytes could not be loaded: wrong format version, wrong header, or corruption. */
export class SerializationError extends WasmtideError {
  /** An error with the given message. */
  constructor(message: string) {
    super('serialize', message);
  }
}
