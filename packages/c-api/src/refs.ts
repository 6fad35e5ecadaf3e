/**
 * The reference functions every reference kind has in wasm.h (`WASM_DECLARE_REF`): `delete`,
 * `copy`, `same`, host info (`get_host_info`, `set_host_info`, `set_host_info_with_finalizer`) and
 * the casts to and from `wasm_ref_t` (`wasm_func_as_ref`, `wasm_ref_as_func`, ...), generated for
 * ref, trap, foreign, module, instance, extern, func, global, table and memory; plus
 * `wasm_foreign_new`.
 * @module
 */
import { ExternRef } from '@wasmtide/runtime';
import { drop, getHostInfo, setHostInfo, use, useOpt, type HandleClass, type wasm_finalizer_t } from './handle.js';
import {
  wasm_extern_t,
  wasm_foreign_t,
  wasm_func_t,
  wasm_global_t,
  wasm_instance_t,
  wasm_memory_t,
  wasm_module_t,
  wasm_ref_t,
  wasm_store_t,
  wasm_table_t,
  wasm_trap_t,
} from './objects.js';

interface RefFamily<T extends wasm_ref_t> {
  delete(h: T | null): void;
  copy(h: T): T;
  same(a: T, b: T): boolean;
  getHostInfo(h: T): unknown;
  setHostInfo(h: T, info: unknown): void;
  setHostInfoWithFinalizer(h: T, info: unknown, finalizer: wasm_finalizer_t): void;
  asRef(h: T | null): wasm_ref_t | null;
  refAs(r: wasm_ref_t | null): T | null;
}

function refFamily<T extends wasm_ref_t>(name: string, cls: HandleClass<T>): RefFamily<T> {
  const cname = `wasm_${name}_t`;
  const what = `a ${cname}`;
  return {
    delete: (h) => drop(`wasm_${name}_delete`, h, cls, what),
    copy: (h) => use(`wasm_${name}_copy`, h, cls, what).clone() as T,
    same: (a, b) => use(`wasm_${name}_same`, a, cls, what).ident === use(`wasm_${name}_same`, b, cls, what).ident,
    getHostInfo: (h) => getHostInfo(use(`wasm_${name}_get_host_info`, h, cls, what).ident),
    setHostInfo: (h, info) => setHostInfo(use(`wasm_${name}_set_host_info`, h, cls, what).ident, info, null),
    setHostInfoWithFinalizer: (h, info, fin) => setHostInfo(use(`wasm_${name}_set_host_info_with_finalizer`, h, cls, what).ident, info, fin),
    asRef: (h) => useOpt(`wasm_${name}_as_ref`, h, cls, what),
    refAs: (r) => {
      const x = useOpt(`wasm_ref_as_${name}`, r, wasm_ref_t, 'a wasm_ref_t');
      return x instanceof cls ? x : null;
    },
  };
}


const refRef = refFamily<wasm_ref_t>('ref', wasm_ref_t);
/** `wasm_ref_delete(ref)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_ref_delete = refRef.delete;
/** `wasm_ref_copy(ref)`: own; a new handle of the same object. */
export const wasm_ref_copy = refRef.copy;
/** `wasm_ref_same(a, b)`: whether both handles refer to the same object. */
export const wasm_ref_same = refRef.same;
/** `wasm_ref_get_host_info(ref)`: the host info of the object, or null. */
export const wasm_ref_get_host_info = refRef.getHostInfo;
/** `wasm_ref_set_host_info(ref, info)`. */
export const wasm_ref_set_host_info = refRef.setHostInfo;
/** `wasm_ref_set_host_info_with_finalizer(ref, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_ref_set_host_info_with_finalizer = refRef.setHostInfoWithFinalizer;

const trapRef = refFamily<wasm_trap_t>('trap', wasm_trap_t);
/** `wasm_trap_delete(trap)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_trap_delete = trapRef.delete;
/** `wasm_trap_copy(trap)`: own; a new handle of the same object. */
export const wasm_trap_copy = trapRef.copy;
/** `wasm_trap_same(a, b)`: whether both handles refer to the same object. */
export const wasm_trap_same = trapRef.same;
/** `wasm_trap_get_host_info(trap)`: the host info of the object, or null. */
export const wasm_trap_get_host_info = trapRef.getHostInfo;
/** `wasm_trap_set_host_info(trap, info)`. */
export const wasm_trap_set_host_info = trapRef.setHostInfo;
/** `wasm_trap_set_host_info_with_finalizer(trap, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_trap_set_host_info_with_finalizer = trapRef.setHostInfoWithFinalizer;
/** `wasm_trap_as_ref(trap)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_trap_as_ref = trapRef.asRef;
/** `wasm_ref_as_trap(ref)`: the same object as a `wasm_trap_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_trap = trapRef.refAs;
/** `wasm_trap_as_ref_const`: as {@link wasm_trap_as_ref}. */
export const wasm_trap_as_ref_const = trapRef.asRef;
/** `wasm_ref_as_trap_const`: as {@link wasm_ref_as_trap}. */
export const wasm_ref_as_trap_const = trapRef.refAs;

const foreignRef = refFamily<wasm_foreign_t>('foreign', wasm_foreign_t);
/** `wasm_foreign_delete(foreign)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_foreign_delete = foreignRef.delete;
/** `wasm_foreign_copy(foreign)`: own; a new handle of the same object. */
export const wasm_foreign_copy = foreignRef.copy;
/** `wasm_foreign_same(a, b)`: whether both handles refer to the same object. */
export const wasm_foreign_same = foreignRef.same;
/** `wasm_foreign_get_host_info(foreign)`: the host info of the object, or null. */
export const wasm_foreign_get_host_info = foreignRef.getHostInfo;
/** `wasm_foreign_set_host_info(foreign, info)`. */
export const wasm_foreign_set_host_info = foreignRef.setHostInfo;
/** `wasm_foreign_set_host_info_with_finalizer(foreign, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_foreign_set_host_info_with_finalizer = foreignRef.setHostInfoWithFinalizer;
/** `wasm_foreign_as_ref(foreign)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_foreign_as_ref = foreignRef.asRef;
/** `wasm_ref_as_foreign(ref)`: the same object as a `wasm_foreign_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_foreign = foreignRef.refAs;
/** `wasm_foreign_as_ref_const`: as {@link wasm_foreign_as_ref}. */
export const wasm_foreign_as_ref_const = foreignRef.asRef;
/** `wasm_ref_as_foreign_const`: as {@link wasm_ref_as_foreign}. */
export const wasm_ref_as_foreign_const = foreignRef.refAs;

const moduleRef = refFamily<wasm_module_t>('module', wasm_module_t);
/** `wasm_module_delete(module)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_module_delete = moduleRef.delete;
/** `wasm_module_copy(module)`: own; a new handle of the same object. */
export const wasm_module_copy = moduleRef.copy;
/** `wasm_module_same(a, b)`: whether both handles refer to the same object. */
export const wasm_module_same = moduleRef.same;
/** `wasm_module_get_host_info(module)`: the host info of the object, or null. */
export const wasm_module_get_host_info = moduleRef.getHostInfo;
/** `wasm_module_set_host_info(module, info)`. */
export const wasm_module_set_host_info = moduleRef.setHostInfo;
/** `wasm_module_set_host_info_with_finalizer(module, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_module_set_host_info_with_finalizer = moduleRef.setHostInfoWithFinalizer;
/** `wasm_module_as_ref(module)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_module_as_ref = moduleRef.asRef;
/** `wasm_ref_as_module(ref)`: the same object as a `wasm_module_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_module = moduleRef.refAs;
/** `wasm_module_as_ref_const`: as {@link wasm_module_as_ref}. */
export const wasm_module_as_ref_const = moduleRef.asRef;
/** `wasm_ref_as_module_const`: as {@link wasm_ref_as_module}. */
export const wasm_ref_as_module_const = moduleRef.refAs;

const instanceRef = refFamily<wasm_instance_t>('instance', wasm_instance_t);
/** `wasm_instance_delete(instance)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_instance_delete = instanceRef.delete;
/** `wasm_instance_copy(instance)`: own; a new handle of the same object. */
export const wasm_instance_copy = instanceRef.copy;
/** `wasm_instance_same(a, b)`: whether both handles refer to the same object. */
export const wasm_instance_same = instanceRef.same;
/** `wasm_instance_get_host_info(instance)`: the host info of the object, or null. */
export const wasm_instance_get_host_info = instanceRef.getHostInfo;
/** `wasm_instance_set_host_info(instance, info)`. */
export const wasm_instance_set_host_info = instanceRef.setHostInfo;
/** `wasm_instance_set_host_info_with_finalizer(instance, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_instance_set_host_info_with_finalizer = instanceRef.setHostInfoWithFinalizer;
/** `wasm_instance_as_ref(instance)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_instance_as_ref = instanceRef.asRef;
/** `wasm_ref_as_instance(ref)`: the same object as a `wasm_instance_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_instance = instanceRef.refAs;
/** `wasm_instance_as_ref_const`: as {@link wasm_instance_as_ref}. */
export const wasm_instance_as_ref_const = instanceRef.asRef;
/** `wasm_ref_as_instance_const`: as {@link wasm_ref_as_instance}. */
export const wasm_ref_as_instance_const = instanceRef.refAs;

const externRef = refFamily<wasm_extern_t>('extern', wasm_extern_t);
/** `wasm_extern_delete(extern)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_extern_delete = externRef.delete;
/** `wasm_extern_copy(extern)`: own; a new handle of the same object. */
export const wasm_extern_copy = externRef.copy;
/** `wasm_extern_same(a, b)`: whether both handles refer to the same object. */
export const wasm_extern_same = externRef.same;
/** `wasm_extern_get_host_info(extern)`: the host info of the object, or null. */
export const wasm_extern_get_host_info = externRef.getHostInfo;
/** `wasm_extern_set_host_info(extern, info)`. */
export const wasm_extern_set_host_info = externRef.setHostInfo;
/** `wasm_extern_set_host_info_with_finalizer(extern, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_extern_set_host_info_with_finalizer = externRef.setHostInfoWithFinalizer;
/** `wasm_extern_as_ref(extern)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_extern_as_ref = externRef.asRef;
/** `wasm_ref_as_extern(ref)`: the same object as a `wasm_extern_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_extern = externRef.refAs;
/** `wasm_extern_as_ref_const`: as {@link wasm_extern_as_ref}. */
export const wasm_extern_as_ref_const = externRef.asRef;
/** `wasm_ref_as_extern_const`: as {@link wasm_ref_as_extern}. */
export const wasm_ref_as_extern_const = externRef.refAs;

const funcRef = refFamily<wasm_func_t>('func', wasm_func_t);
/** `wasm_func_delete(func)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_func_delete = funcRef.delete;
/** `wasm_func_copy(func)`: own; a new handle of the same object. */
export const wasm_func_copy = funcRef.copy;
/** `wasm_func_same(a, b)`: whether both handles refer to the same object. */
export const wasm_func_same = funcRef.same;
/** `wasm_func_get_host_info(func)`: the host info of the object, or null. */
export const wasm_func_get_host_info = funcRef.getHostInfo;
/** `wasm_func_set_host_info(func, info)`. */
export const wasm_func_set_host_info = funcRef.setHostInfo;
/** `wasm_func_set_host_info_with_finalizer(func, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_func_set_host_info_with_finalizer = funcRef.setHostInfoWithFinalizer;
/** `wasm_func_as_ref(func)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_func_as_ref = funcRef.asRef;
/** `wasm_ref_as_func(ref)`: the same object as a `wasm_func_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_func = funcRef.refAs;
/** `wasm_func_as_ref_const`: as {@link wasm_func_as_ref}. */
export const wasm_func_as_ref_const = funcRef.asRef;
/** `wasm_ref_as_func_const`: as {@link wasm_ref_as_func}. */
export const wasm_ref_as_func_const = funcRef.refAs;

const globalRef = refFamily<wasm_global_t>('global', wasm_global_t);
/** `wasm_global_delete(global)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_global_delete = globalRef.delete;
/** `wasm_global_copy(global)`: own; a new handle of the same object. */
export const wasm_global_copy = globalRef.copy;
/** `wasm_global_same(a, b)`: whether both handles refer to the same object. */
export const wasm_global_same = globalRef.same;
/** `wasm_global_get_host_info(global)`: the host info of the object, or null. */
export const wasm_global_get_host_info = globalRef.getHostInfo;
/** `wasm_global_set_host_info(global, info)`. */
export const wasm_global_set_host_info = globalRef.setHostInfo;
/** `wasm_global_set_host_info_with_finalizer(global, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_global_set_host_info_with_finalizer = globalRef.setHostInfoWithFinalizer;
/** `wasm_global_as_ref(global)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_global_as_ref = globalRef.asRef;
/** `wasm_ref_as_global(ref)`: the same object as a `wasm_global_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_global = globalRef.refAs;
/** `wasm_global_as_ref_const`: as {@link wasm_global_as_ref}. */
export const wasm_global_as_ref_const = globalRef.asRef;
/** `wasm_ref_as_global_const`: as {@link wasm_ref_as_global}. */
export const wasm_ref_as_global_const = globalRef.refAs;

const tableRef = refFamily<wasm_table_t>('table', wasm_table_t);
/** `wasm_table_delete(table)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_table_delete = tableRef.delete;
/** `wasm_table_copy(table)`: own; a new handle of the same object. */
export const wasm_table_copy = tableRef.copy;
/** `wasm_table_same(a, b)`: whether both handles refer to the same object. */
export const wasm_table_same = tableRef.same;
/** `wasm_table_get_host_info(table)`: the host info of the object, or null. */
export const wasm_table_get_host_info = tableRef.getHostInfo;
/** `wasm_table_set_host_info(table, info)`. */
export const wasm_table_set_host_info = tableRef.setHostInfo;
/** `wasm_table_set_host_info_with_finalizer(table, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_table_set_host_info_with_finalizer = tableRef.setHostInfoWithFinalizer;
/** `wasm_table_as_ref(table)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_table_as_ref = tableRef.asRef;
/** `wasm_ref_as_table(ref)`: the same object as a `wasm_table_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_table = tableRef.refAs;
/** `wasm_table_as_ref_const`: as {@link wasm_table_as_ref}. */
export const wasm_table_as_ref_const = tableRef.asRef;
/** `wasm_ref_as_table_const`: as {@link wasm_ref_as_table}. */
export const wasm_ref_as_table_const = tableRef.refAs;

const memoryRef = refFamily<wasm_memory_t>('memory', wasm_memory_t);
/** `wasm_memory_delete(memory)`: deletes this handle (the object lives on while other handles or wasm hold it). */
export const wasm_memory_delete = memoryRef.delete;
/** `wasm_memory_copy(memory)`: own; a new handle of the same object. */
export const wasm_memory_copy = memoryRef.copy;
/** `wasm_memory_same(a, b)`: whether both handles refer to the same object. */
export const wasm_memory_same = memoryRef.same;
/** `wasm_memory_get_host_info(memory)`: the host info of the object, or null. */
export const wasm_memory_get_host_info = memoryRef.getHostInfo;
/** `wasm_memory_set_host_info(memory, info)`. */
export const wasm_memory_set_host_info = memoryRef.setHostInfo;
/** `wasm_memory_set_host_info_with_finalizer(memory, info, finalizer)`: `finalizer(info)` runs when the last handle of the object is deleted. */
export const wasm_memory_set_host_info_with_finalizer = memoryRef.setHostInfoWithFinalizer;
/** `wasm_memory_as_ref(memory)`: the same object viewed as a `wasm_ref_t` (borrowed). */
export const wasm_memory_as_ref = memoryRef.asRef;
/** `wasm_ref_as_memory(ref)`: the same object as a `wasm_memory_t`, or NULL if it is another kind (borrowed). */
export const wasm_ref_as_memory = memoryRef.refAs;
/** `wasm_memory_as_ref_const`: as {@link wasm_memory_as_ref}. */
export const wasm_memory_as_ref_const = memoryRef.asRef;
/** `wasm_ref_as_memory_const`: as {@link wasm_ref_as_memory}. */
export const wasm_ref_as_memory_const = memoryRef.refAs;

/** `wasm_foreign_new(store)`: own; a new host object that wasm can hold as an `externref`. */
export function wasm_foreign_new(store: wasm_store_t): wasm_foreign_t {
  const s = use('wasm_foreign_new', store, wasm_store_t, 'a wasm_store_t');
  return new wasm_foreign_t(s, new ExternRef(Symbol('wasm_foreign_t')));
}
