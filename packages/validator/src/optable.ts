/**
 * Tables derived once from the parser's opcode table: fixed signatures as value-type codes and the
 * proposal each operator belongs to.
 * @module
 */
import { OPS } from '@wasmtide/parser';
import type { Features } from './features.js';
import { F32, F64, I32, I64, V128 } from './valtypes.js';

/** Number of opcode slots (one-byte opcodes, then 4096 per prefix 0xFB..0xFE). */
export const SLOTS = 0x100 + 4 * 0x1000;

/** Dense slot of an opcode number. */
export function slot(code: number): number {
  return code < 0x100 ? code : 0x100 + ((code >>> 12) - 0xfb) * 0x1000 + (code & 0xfff);
}

/** Feature needed per slot (index into {@link FEATURE_KEYS}; 0 = none). 255 = unknown opcode. */
export const FEAT = new Uint8Array(SLOTS).fill(255);
/** Fixed parameter codes per slot (null for operators typed by hand). */
export const SIG_IN: (Int32Array | null)[] = new Array<Int32Array | null>(SLOTS).fill(null);
/** Fixed result codes per slot. */
export const SIG_OUT: (Int32Array | null)[] = new Array<Int32Array | null>(SLOTS).fill(null);
/** Natural alignment (log2) per slot, -1 if not a memory operator. */
export const ALIGN = new Int8Array(SLOTS).fill(-1);

/** Plain loads and stores: the value type loaded or stored (0 if not a plain memory access). */
export const MEM_TYPE = new Uint8Array(SLOTS);
/** Plain stores: 1. */
export const MEM_STORE = new Uint8Array(SLOTS);

/** Feature ids, by position. */
export const FEATURE_KEYS: readonly (keyof Features | null)[] = [
  null,
  'signExtension',
  'saturatingFloatToInt',
  'bulkMemory',
  'referenceTypes',
  'simd',
  'relaxedSimd',
  'tailCall',
  'functionReferences',
  'gc',
  'exceptions',
  'legacyExceptions',
  'threads',
  'wideArithmetic',
  'customDescriptors',
];

function featureOf(code: number): number {
  if (code >= 0xc0 && code <= 0xc4) return 1;
  if (code >= 0xfc000 && code <= 0xfc007) return 2;
  if (code >= 0xfc008 && code <= 0xfc00e) return 3;
  if (code >= 0xfc00f && code <= 0xfc011) return 4;
  if (code === 0x25 || code === 0x26 || code === 0x1c || code === 0xd0 || code === 0xd1 || code === 0xd2) return 4;
  if (code >= 0xfd000 && code < 0xfd100) return 5;
  if (code >= 0xfd100 && code < 0xfe000) return 6;
  if (code === 0x12 || code === 0x13 || code === 0x15) return 7;
  if (code === 0x14 || code === 0xd4 || code === 0xd5 || code === 0xd6) return 8;
  if (code >= 0xfb020 && code <= 0xfb026) return 14;
  if (code === 0xd3 || (code >= 0xfb000 && code < 0xfc000)) return 9;
  if (code === 0x0a || code === 0x1f || code === 0x08) return 10;
  if (code === 0x06 || code === 0x07 || code === 0x09 || code === 0x18 || code === 0x19) return 11;
  if (code >= 0xfe000) return 12;
  if (code >= 0xfc013 && code <= 0xfc016) return 13;
  return 0;
}

function letters(s: string): Int32Array {
  const a = new Int32Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    a[i] = c === 'i' ? I32 : c === 'I' ? I64 : c === 'f' ? F32 : c === 'F' ? F64 : V128;
  }
  return a;
}

for (const o of OPS) {
  const s = slot(o.code);
  FEAT[s] = featureOf(o.code);
  ALIGN[s] = o.align;
  if (o.imm === 'memarg' && o.sig === null) {
    const ty = o.name.slice(0, o.name.indexOf('.'));
    MEM_TYPE[s] = ty === 'i32' ? I32 : ty === 'i64' ? I64 : ty === 'f32' ? F32 : ty === 'f64' ? F64 : V128;
    MEM_STORE[s] = o.name.includes('.store') ? 1 : 0;
  }
  if (o.sig !== null) {
    const colon = o.sig.indexOf(':');
    const p = colon < 0 ? '' : o.sig.slice(0, colon);
    const r = colon < 0 ? '' : o.sig.slice(colon + 1);
    SIG_IN[s] = letters(p);
    SIG_OUT[s] = letters(r);
  }
}

/** Per-feature-id enabled flags for a feature set. */
export function enabledFlags(f: Features): Uint8Array {
  const e = new Uint8Array(FEATURE_KEYS.length);
  FEATURE_KEYS.forEach((k, i) => {
    e[i] = k === null || f[k] ? 1 : 0;
  });
  // `throw` belongs to both exception proposals.
  return e;
}
