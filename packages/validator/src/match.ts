/**
 * Extern type matching across modules (import resolution): limits subsumption, function, table,
 * memory, global and tag types, with concrete types compared through a {@link TypeRegistry}.
 * @module
 */
import type { ImportDesc, Limits, ValType } from '@wasmtide/parser';
import type { TypeRegistry } from './canon.js';

/** One side of a match: the canonical ids of its module's types (from `registry.register`). */
export type TypeIds = Int32Array;

/** Limits subsumption: `actual` fits where `expected` is required. */
export function limitsMatch(actual: Limits, expected: Limits): boolean {
  if (actual.min < expected.min) return false;
  if (expected.max === null) return true;
  return actual.max !== null && actual.max <= expected.max;
}

/** True if value type `a` (of the module with ids `aIds`) is a subtype of `b` (ids `bIds`). */
export function matchesValType(registry: TypeRegistry, a: ValType, aIds: TypeIds, b: ValType, bIds: TypeIds): boolean {
  return registry.isValSubtype(registry.canonicalValType(a, aIds), registry.canonicalValType(b, bIds));
}

/** True if the two value types are the same type. */
export function sameValType(registry: TypeRegistry, a: ValType, aIds: TypeIds, b: ValType, bIds: TypeIds): boolean {
  return matchesValType(registry, a, aIds, b, bIds) && matchesValType(registry, b, bIds, a, aIds);
}

/**
 * Checks that an external value of type `actual` (described like an import, from the module with
 * type ids `aIds`) can satisfy the import `expected` (ids `eIds`). Returns null when it matches,
 * otherwise a short reason (`incompatible import type` plus what differs).
 */
export function matchExternType(registry: TypeRegistry, actual: ImportDesc, aIds: TypeIds, expected: ImportDesc, eIds: TypeIds): string | null {
  const bad = (why: string): string => `incompatible import type: ${why}`;
  if (actual.kind !== expected.kind) return bad(`expected a ${expected.kind}, found a ${actual.kind}`);
  switch (expected.kind) {
    case 'func': {
      const a = aIds[(actual as { type: number }).type]!;
      const e = eIds[expected.type]!;
      if (expected.exact === true) return a === e ? null : bad('function type is not exactly the expected one');
      return registry.isSubtype(a, e) ? null : bad('function types differ');
    }
    case 'table': {
      const a = (actual as Extract<ImportDesc, { kind: 'table' }>).type;
      const e = expected.type;
      if (a.addr !== e.addr) return bad('table address types differ');
      if (!sameValType(registry, a.element, aIds, e.element, eIds)) return bad('table element types differ');
      return limitsMatch(a.limits, e.limits) ? null : bad('table limits do not match');
    }
    case 'memory': {
      const a = (actual as Extract<ImportDesc, { kind: 'memory' }>).type;
      const e = expected.type;
      if (a.addr !== e.addr) return bad('memory address types differ');
      if (a.shared !== e.shared) return bad('memory sharing differs');
      if (a.pageSizeLog2 !== e.pageSizeLog2) return bad('memory page sizes differ');
      return limitsMatch(a.limits, e.limits) ? null : bad('memory limits do not match');
    }
    case 'global': {
      const a = (actual as Extract<ImportDesc, { kind: 'global' }>).type;
      const e = expected.type;
      if (a.mutable !== e.mutable) return bad('global mutability differs');
      const ok = e.mutable ? sameValType(registry, a.type, aIds, e.type, eIds) : matchesValType(registry, a.type, aIds, e.type, eIds);
      return ok ? null : bad('global types differ');
    }
    case 'tag': {
      const a = aIds[(actual as Extract<ImportDesc, { kind: 'tag' }>).type.type]!;
      const e = eIds[expected.type.type]!;
      return a === e ? null : bad('tag types differ');
    }
  }
}
