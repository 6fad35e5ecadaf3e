/**
 * `Linker<T>`: instantiates modules by resolving their imports by name (`module::name`) against
 * definitions: externs of a store, host functions (defined once, materialised per store),
 * registered instances, and modules (commands get a fresh instance per call; reactors are
 * instantiated once and `_initialize`d).
 * @module
 */
import {
  Engine,
  Func,
  FuncType,
  Instance,
  LinkError,
  Module,
  Store,
  StoreMismatchError,
  Trap,
  TrapCode,
  UsageError,
  V128,
  type AsStore,
  type Caller,
  type Extern,
  type FuncTypeLike,
  type HostFn,
  type ImportType,
  type Val,
  type WrapFn,
} from '@wasmtide/runtime';

/** A store-independent host function, materialised into a `Func` once per store. */
interface HostDef {
  readonly kind: 'host';
  readonly make: (store: Store<any>) => Func;
  readonly perStore: WeakMap<Store<any>, Func>;
}

/** An extern of one store. */
interface ExternDef {
  readonly kind: 'extern';
  readonly extern: Extern;
}

type Definition = HostDef | ExternDef;

function key(module: string, name: string): string {
  return `${module}\u0000${name}`;
}

function storeOf(x: AsStore): Store<any> {
  if (x instanceof Store) return x;
  if (x !== null && typeof x === 'object' && x.store instanceof Store) return x.store;
  throw new TypeError('expected a Store or a Caller');
}

/** Resolves imports by name and instantiates modules (wasmtime's `Linker`). */
export class Linker<T = unknown> {
  /** The engine whose modules and stores this linker works with. */
  readonly engine: Engine;
  readonly #defs = new Map<string, Definition>();
  #allowShadowing = false;

  /** An empty linker for `engine`. */
  constructor(engine: Engine) {
    if (!(engine instanceof Engine)) throw new TypeError('Linker: expected an Engine');
    this.engine = engine;
  }

  /** Whether a later definition of an existing `module::name` replaces it (default: it is an error). */
  allowShadowing(allow: boolean): this {
    this.#allowShadowing = allow;
    return this;
  }

  #insert(module: string, name: string, def: Definition): void {
    const k = key(module, name);
    if (!this.#allowShadowing && this.#defs.has(k)) {
      throw new LinkError('defined twice', module, name, 'call allowShadowing(true) to replace definitions');
    }
    this.#defs.set(k, def);
  }

  #checkStore(store: AsStore): Store<any> {
    const s = storeOf(store);
    if (s.engine !== this.engine) throw new UsageError('the store belongs to a different engine than the linker');
    return s;
  }

  /** Defines `module::name` as `extern` (which must belong to `store`). */
  define(store: AsStore, module: string, name: string, extern: Extern): this {
    const s = this.#checkStore(store);
    if (extern === null || typeof extern !== 'object' || !('store' in extern)) throw new TypeError(`define ${module}::${name}: expected a Func, Global, Table, Memory or Tag`);
    if (extern.store !== s) throw new StoreMismatchError(`definition ${module}::${name}`);
    this.#insert(module, name, { kind: 'extern', extern });
    return this;
  }

  /**
   * Defines `module::name` as a host function usable in every store. `fn` receives the `Caller`
   * first, then the wasm arguments (i64 as bigint), and returns `undefined`, one value, or an
   * array (as wasmtime's `func_wrap` closures).
   */
  funcWrap(module: string, name: string, ty: FuncType | FuncTypeLike, fn: WrapFn<T>): this;
  /** The same, for callbacks typed with precise parameters (`(caller, ...args: never[]) => unknown`). */
  funcWrap(module: string, name: string, ty: FuncType | FuncTypeLike, fn: (caller: Caller<T>, ...args: never[]) => unknown): this;
  funcWrap(module: string, name: string, ty: FuncType | FuncTypeLike, fn: (caller: Caller<T>, ...args: never[]) => unknown): this {
    if (typeof fn !== 'function') throw new TypeError('funcWrap: expected a function');
    const f = fn as WrapFn<T>;
    this.#insert(module, name, { kind: 'host', make: (s) => Func.wrap(s, ty, f), perStore: new WeakMap() });
    return this;
  }

  /**
   * Defines `module::name` as a host function that receives a `Caller` (to reach the calling
   * instance's exports and the store's data) and the arguments as an array.
   */
  funcNew(module: string, name: string, ty: FuncType | FuncTypeLike, fn: HostFn<T>): this {
    if (typeof fn !== 'function') throw new TypeError('funcNew: expected a function');
    this.#insert(module, name, { kind: 'host', make: (s) => new Func(s, ty, fn), perStore: new WeakMap() });
    return this;
  }

  /** Defines every export of `instance` under the module name `module`. */
  instance(store: AsStore, module: string, instance: Instance): this {
    const s = this.#checkStore(store);
    if (instance.store !== s) throw new StoreMismatchError(`instance registered as ${module}`);
    for (const { name, extern } of instance.exports(s)) this.#insert(module, name, { kind: 'extern', extern });
    return this;
  }

  /**
   * Defines the exports of `mod` under the module name `module`. A command (a module exporting
   * `_start`) gets a fresh instance on every call of any of its exported functions; a reactor is
   * instantiated now, its `_initialize` export (if any) is called, and its exports are defined.
   */
  module(store: AsStore, module: string, mod: Module): this {
    const s = this.#checkStore(store);
    if (mod.engine !== this.engine) throw new UsageError('the module belongs to a different engine than the linker');
    const exports = mod.exports();
    const isCommand = exports.some((e) => e.name === '_start' && e.ty instanceof FuncType);
    if (isCommand) {
      for (const e of exports) {
        if (!(e.ty instanceof FuncType)) continue;
        const exportName = e.name;
        const f = new Func(s, e.ty, (caller: Caller, params) => {
          const inst = this.instantiate(caller.store, mod);
          return inst.getFunc(caller.store, exportName)!.call(caller.store, params);
        });
        this.#insert(module, exportName, { kind: 'extern', extern: f });
      }
      return this;
    }
    const inst = this.instantiate(s, mod);
    const init = inst.getFunc(s, '_initialize');
    if (init) init.call(s, []);
    return this.instance(s, module, inst);
  }

  /** Makes `asModule::asName` another name for the definition of `module::name`. */
  alias(module: string, name: string, asModule: string, asName: string): this {
    const d = this.#defs.get(key(module, name));
    if (!d) throw new LinkError('unknown import', module, name, 'nothing to alias');
    this.#insert(asModule, asName, d);
    return this;
  }

  /** Makes every definition under `module` also available under `asModule`. */
  aliasModule(module: string, asModule: string): this {
    const prefix = `${module}\u0000`;
    for (const [k, d] of [...this.#defs]) {
      if (k.startsWith(prefix)) this.#insert(asModule, k.slice(prefix.length), d);
    }
    return this;
  }

  /**
   * Defines every function import of `mod` that is not yet defined as a host function that traps
   * when called (so modules with unused imports can still be instantiated).
   */
  defineUnknownImportsAsTraps(mod: Module): this;
  /** As {@link defineUnknownImportsAsTraps}(mod); the store is only checked (older form). */
  defineUnknownImportsAsTraps(store: AsStore, mod: Module): this;
  defineUnknownImportsAsTraps(storeOrModule: AsStore | Module, maybeModule?: Module): this {
    const mod = maybeModule ?? (storeOrModule as Module);
    if (maybeModule !== undefined) this.#checkStore(storeOrModule as AsStore);
    if (!(mod instanceof Module)) throw new TypeError('defineUnknownImportsAsTraps: expected a Module');
    for (const im of mod.imports()) {
      if (!(im.ty instanceof FuncType) || this.#defs.has(key(im.module, im.name))) continue;
      const where = `${im.module}::${im.name}`;
      const ty = im.ty;
      // A definition usable in every store, as wasmtime's (it needs no store).
      this.#insert(im.module, im.name, {
        kind: 'host',
        make: (st) =>
          Func.wrap(st, ty, () => {
            throw new Trap(TrapCode.HostError, `unknown import: \`${where}\` has not been defined`);
          }),
        perStore: new WeakMap(),
      });
    }
    return this;
  }

  /**
   * Defines every function import of `mod` that is not yet defined as a host function that returns
   * the default (zero or null) values of its results. Throws a `LinkError` if a result is a
   * non-nullable reference, which has no default.
   */
  defineUnknownImportsAsDefaultValues(store: AsStore, mod: Module): this {
    const s = this.#checkStore(store);
    for (const im of mod.imports()) {
      if (!(im.ty instanceof FuncType) || this.#defs.has(key(im.module, im.name))) continue;
      const results: Val[] = im.ty.results.map((t) => {
        if (t === 'i64') return 0n;
        if (t === 'v128') return new V128();
        if (typeof t === 'string') return 0;
        if (!t.nullable) throw new LinkError('incompatible import type', im.module, im.name, `no default value for a result of type ${t}`);
        return null;
      });
      const f = Func.wrap(s, im.ty, () => results.slice());
      this.#insert(im.module, im.name, { kind: 'extern', extern: f });
    }
    return this;
  }

  #resolve(s: Store<any>, module: string, name: string): Extern | undefined {
    const d = this.#defs.get(key(module, name));
    if (!d) return undefined;
    if (d.kind === 'extern') return d.extern.store === s ? d.extern : undefined;
    let f = d.perStore.get(s);
    if (!f) {
      f = d.make(s);
      d.perStore.set(s, f);
    }
    return f;
  }

  /** The extern for import `im` in `store`, or undefined. */
  getByImport(store: AsStore, im: ImportType): Extern | undefined {
    return this.#resolve(this.#checkStore(store), im.module, im.name);
  }

  /**
   * Instantiates `mod` with imports resolved by name. Throws a `LinkError` naming the first import
   * that is undefined (`unknown import`) or does not match (`incompatible import type`).
   */
  instantiate(store: AsStore, mod: Module): Instance {
    const s = this.#checkStore(store);
    const externs: Extern[] = [];
    for (const im of mod.imports()) {
      const d = this.#defs.get(key(im.module, im.name));
      if (d && d.kind === 'extern' && d.extern.store !== s) {
        throw new StoreMismatchError(`definition ${im.module}::${im.name}`);
      }
      const e = this.#resolve(s, im.module, im.name);
      if (!e) throw new LinkError('unknown import', im.module, im.name, `${im.ty} has not been defined`);
      externs.push(e);
    }
    return new Instance(s, mod, externs);
  }

  /** The definition of `module::name` in `store`, or undefined. */
  get(store: AsStore, module: string, name: string): Extern | undefined {
    return this.#resolve(this.#checkStore(store), module, name);
  }

  /**
   * The default function of `module`: its export named `""`, else `_start`, else a function that
   * does nothing (as wasmtime's `get_default`).
   */
  getDefault(store: AsStore, module: string): Func {
    const s = this.#checkStore(store);
    for (const n of ['', '_start']) {
      const e = this.#resolve(s, module, n);
      if (e instanceof Func) return e;
      if (e !== undefined) throw new UsageError(`default export \`${module}::${n}\` is not a function`);
    }
    return Func.wrap(s, {}, () => undefined);
  }

  /** Every definition visible in `store`, as `[module, name, extern]`. */
  iter(store: AsStore): [string, string, Extern][] {
    const s = this.#checkStore(store);
    const out: [string, string, Extern][] = [];
    for (const k of this.#defs.keys()) {
      const i = k.indexOf('\u0000');
      const module = k.slice(0, i);
      const name = k.slice(i + 1);
      const e = this.#resolve(s, module, name);
      if (e) out.push([module, name, e]);
    }
    return out;
  }
}
