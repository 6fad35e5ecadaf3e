// Differential test: every scalar numeric and non-memory SIMD operator against Node's native
// WebAssembly (reference only; the library never uses it). Operands travel through linear
// memory on the native side so NaN payloads are exact; results are compared bit for bit,
// except that where the spec leaves a NaN result's payload open both sides must only agree on
// "is a NaN" and ours must follow the canonical/arithmetic rule.
import { describe, expect, it } from 'vitest';
import { OPS } from '@wasmtide/parser';
import type { OpInfo } from '@wasmtide/parser';
import { Trap } from '../trap.js';
import {
  HI, V128, f32FromBits, f32ToBits, f64FromBits, f64ToBits, shuffleLanes, support,
} from './index.js';

type Ty = 'i' | 'I' | 'f' | 'F' | 'v';
/** Bits of a value: i32/f32 -> [b], i64/f64 -> [lo, hi], v128 -> [w0..w3] (all int32). */
type Bits = number[];

const VALTYPE: Record<Ty, number> = { i: 0x7f, I: 0x7e, f: 0x7d, F: 0x7c, v: 0x7b };
const LOAD: Record<Ty, number[]> = { i: [0x28], I: [0x29], f: [0x2a], F: [0x2b], v: [0xfd, 0x00] };
const STORE: Record<Ty, number[]> = { i: [0x36], I: [0x37], f: [0x38], F: [0x39], v: [0xfd, 0x0b] };
const WORDS: Record<Ty, number> = { i: 1, I: 2, f: 1, F: 2, v: 4 };

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function opBytes(code: number): number[] {
  if (code < 0x100) return [code];
  return [code >> 12, ...uleb(code & 0xfff)];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** A module exporting memory "m" and func "run" that loads operands, runs the op, stores results. */
function buildModule(op: OpInfo, params: Ty[], results: Ty[], imm: number[]): Uint8Array {
  const body: number[] = [];
  params.forEach((t, k) => body.push(0x41, 0x00, ...LOAD[t], 0x00, ...uleb(16 * k)));
  body.push(...opBytes(op.code), ...imm);
  for (let j = results.length - 1; j >= 0; j--) body.push(0x21, j);
  results.forEach((t, j) => body.push(0x41, 0x00, 0x20, j, ...STORE[t], 0x00, ...uleb(256 + 16 * j)));
  body.push(0x0b);
  const locals = results.length ? [results.length, ...results.flatMap((t) => [1, VALTYPE[t]])] : [0];
  const fn = [...locals, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, 1, 0x6d, 2, 0, 3, 0x72, 0x75, 0x6e, 0, 0]),
    ...section(10, [1, ...uleb(fn.length), ...fn]),
  ];
  return new Uint8Array(bytes);
}

// ---- inputs ----------------------------------------------------------------------------------

let seed = 0x12345678;
function rnd(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed | 0;
}
function pick<T>(xs: readonly T[]): T {
  return xs[(rnd() >>> 0) % xs.length]!;
}

const I32_SPECIAL = [0, 1, -1, 2, -2, 0x7fffffff, -0x80000000, 0x80, 0xff, 0x7f, 0x8000, 0xffff, 31, 32, 33, 63, 64];
const I64_SPECIAL: Bits[] = [
  [0, 0], [1, 0], [-1, -1], [0, -0x80000000], [-1, 0x7fffffff], [0, 1], [-1, 0], [0x80000000 | 0, 0],
  [0, 0x200000], [-1, 0x1fffff], [0, -0x200000], [1, -0x200000], [5, 0], [-5, -1], [0x7fffffff, 0],
  [0x80000000 | 0, -1], [63, 0], [64, 0], [32, 0], [0, 0x10], [3, 0x10], [-3, -0x11],
];
const F32_SPECIAL = [
  0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0xffa00000,
  0x7fffffff, 0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000, 0xc0200000,
  0x4b000000, 0x4affffff, 0x4b7fffff, 0x1, 0x80000001, 0x7f7fffff, 0xff7fffff, 0x00800000,
  0x4f000000, 0xcf000000, 0x4effffff, 0x4f800000, 0x5f000000, 0xdf000000, 0x5effffff, 0xdf000001,
  0x5f800000, 0x5f7fffff, 0xbf7fffff, 0x3effffff, 0x3f7fffff,
].map((x) => x | 0);
const F64_SPECIAL: Bits[] = [
  [0, 0], [0, 0x80000000 | 0], [0, 0x7ff00000], [0, 0xfff00000 | 0], [0, 0x7ff80000], [0, 0xfff80000 | 0],
  [1, 0x7ff00000], [0, 0x7ff40000], [0x12345, 0x7ff00000], [-1, 0x7fffffff], [0, 0x3ff00000], [0, 0xbff00000 | 0],
  [0, 0x3fe00000], [0, 0xbfe00000 | 0], [0, 0x3ff80000], [0, 0x40040000], [0, 0xc0040000 | 0],
  [0, 0x43300000], [-1, 0x432fffff], [1, 0], [1, 0x80000000 | 0], [-1, 0x7fefffff], [0, 0x00100000],
  [0, 0x41e00000], [0, 0xc1e00000 | 0], [0x200000, 0xc1e00000 | 0], [-1, 0x41dfffff], [0, 0x41f00000],
  [0, 0x43e00000], [0, 0xc3e00000 | 0], [-1, 0x43dfffff], [1, 0xc3e00000 | 0], [0, 0x43f00000], [-1, 0x43efffff],
  [0, 0x36a00000], [0x20000000, 0x36a00000], [0x10000000, 0x3810000], [0xe0000000 | 0, 0x47efffff],
  [0x10000000, 0x47efffff], [0, 0x3fdfffff], [-1, 0x3fdfffff], [0, 0x3fe00001],
];

function randLaneWord(shape: string): number {
  const r = rnd() & 7;
  if (shape === 'f32') return r < 5 ? pick(F32_SPECIAL) : rnd();
  if (r < 3) return rnd();
  if (shape === 'i8') return Math.imul(pick([0, 0x7f, 0x80, 0xff, 1, 0x7e, 0x81]), 1) | (rnd() & 0xffffff00);
  if (shape === 'i16') return pick([0, 0x7fff, 0x8000, 0xffff, 1, 0x8001]) | (rnd() << 16);
  return pick(I32_SPECIAL);
}

function randInput(t: Ty, shape: string): Bits {
  const r = rnd() & 7;
  switch (t) {
    case 'i':
      return [r < 4 ? pick(I32_SPECIAL) : r < 6 ? rnd() >> (rnd() & 31) : rnd()];
    case 'I':
      if (r < 3) return pick(I64_SPECIAL);
      if (r < 5) {
        const sh = (rnd() >>> 0) % 64;
        const lo = rnd();
        const hi = rnd();
        // random value shifted down to a random width, sign-extended sometimes
        if (sh >= 32) return [hi >> (sh - 32), hi >> 31];
        return [(lo >>> sh) | (hi << (32 - sh)) | 0, hi >> sh];
      }
      return [rnd(), rnd()];
    case 'f':
      return [r < 4 ? pick(F32_SPECIAL) : r < 6 ? f32ToBits(Math.fround((rnd() % 1000) / 4)) : rnd()];
    case 'F':
      if (r < 4) return pick(F64_SPECIAL);
      if (r < 6) return f64ToBits((rnd() % 100000) / 4);
      return [rnd(), rnd()];
    case 'v': {
      if (shape === 'f64') {
        const a = rnd() & 1 ? pick(F64_SPECIAL) : [rnd(), rnd()];
        const b = rnd() & 1 ? pick(F64_SPECIAL) : f64ToBits((rnd() % 1000) / 8);
        return [...a, ...b];
      }
      if (shape === 'i64') {
        const a = rnd() & 1 ? pick(I64_SPECIAL) : [rnd(), rnd()];
        const b = rnd() & 1 ? pick(I64_SPECIAL) : [rnd(), rnd()];
        return [...a, ...b];
      }
      return [randLaneWord(shape), randLaneWord(shape), randLaneWord(shape), randLaneWord(shape)];
    }
  }
}

// ---- our side ----------------------------------------------------------------------------------

/** Positional argument slots (object fields keep NaN bits; arrays do not). */
class Holder {
  a0: unknown; a1: unknown; a2: unknown; a3: unknown; a4: unknown; a5: unknown; a6: unknown; a7: unknown;
  set(i: number, v: unknown): void {
    switch (i) {
      case 0: this.a0 = v; break;
      case 1: this.a1 = v; break;
      case 2: this.a2 = v; break;
      case 3: this.a3 = v; break;
      case 4: this.a4 = v; break;
      case 5: this.a5 = v; break;
      case 6: this.a6 = v; break;
      default: this.a7 = v;
    }
  }
}

function toArgs(t: Ty, b: Bits, h: Holder, next: () => number): void {
  switch (t) {
    case 'i': h.set(next(), b[0]); break;
    case 'I': h.set(next(), b[0]); h.set(next(), b[1]); break;
    case 'f': h.set(next(), f32FromBits(b[0]!)); break;
    case 'F': h.set(next(), f64FromBits(b[0]!, b[1]!)); break;
    case 'v': h.set(next(), new V128(b[0]!, b[1]!, b[2]!, b[3]!)); break;
  }
}

function fromResult(t: Ty, r: unknown): Bits {
  switch (t) {
    case 'i': return [r as number];
    case 'I': return [r as number, HI[0]!];
    case 'f': return [f32ToBits(r as number)];
    case 'F': return f64ToBits(r as number);
    case 'v': {
      const v = r as V128;
      return [v.w0, v.w1, v.w2, v.w3];
    }
  }
}

// ---- comparison ----------------------------------------------------------------------------

/** Float lane layout of a result: [wordIndex, width] per float lane, or null if not a float. */
function floatLanes(t: Ty, name: string): Array<[number, 32 | 64]> | null {
  if (t === 'f') return [[0, 32]];
  if (t === 'F') return [[0, 64]];
  if (/\.(eq|ne|lt|gt|le|ge)$/.test(name)) return null;
  if (t === 'v' && name.startsWith('f32x4.')) return [[0, 32], [1, 32], [2, 32], [3, 32]];
  if (t === 'v' && name.startsWith('f64x2.')) return [[0, 64], [2, 64]];
  return null;
}

const NAN_EXACT = /\.(abs|neg|copysign|reinterpret_i32|reinterpret_i64|pmin|pmax|splat|replace_lane|extract_lane)$/;

function isNaN32(b: number): boolean {
  return (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
}
function isNaN64(lo: number, hi: number): boolean {
  return (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
}

/** Compares one result; returns an error string or null. */
function compare(name: string, t: Ty, ours: Bits, ref: Bits, inputsCanonical: boolean): string | null {
  const lanes = NAN_EXACT.test(name) ? null : floatLanes(t, name);
  if (!lanes) return ours.every((x, i) => x === ref[i]) ? null : 'bits differ';
  for (const [w, width] of lanes) {
    if (width === 32) {
      const o = ours[w]!;
      const r = ref[w]!;
      if (isNaN32(r)) {
        if (!isNaN32(o)) return `lane ${w}: expected NaN`;
        if ((o & 0x400000) === 0) return `lane ${w}: NaN not quiet`;
        if (inputsCanonical && (o & 0x7fffff) !== 0x400000) return `lane ${w}: NaN not canonical`;
      } else if (o !== r) return `lane ${w}: bits differ`;
    } else {
      const [ol, oh] = [ours[w]!, ours[w + 1]!];
      const [rl, rh] = [ref[w]!, ref[w + 1]!];
      if (isNaN64(rl, rh)) {
        if (!isNaN64(ol, oh)) return `lane ${w}: expected NaN`;
        if ((oh & 0x80000) === 0) return `lane ${w}: NaN not quiet`;
        if (inputsCanonical && ((oh & 0xfffff) !== 0x80000 || ol !== 0)) return `lane ${w}: NaN not canonical`;
      } else if (ol !== rl || oh !== rh) return `lane ${w}: bits differ`;
    }
  }
  return null;
}

/** True when every NaN among the float inputs is canonical. */
function canonicalInputs(params: Ty[], ins: Bits[], name: string): boolean {
  return params.every((t, k) => {
    const b = ins[k]!;
    const lanes = t === 'v' ? floatLanes('v', name) : floatLanes(t, name);
    if (t === 'f' || (t === 'v' && lanes?.[0]?.[1] === 32) || name.startsWith('f64x2.promote')) {
      return b.every((x) => !isNaN32(x) || (x & 0x7fffff) === 0x400000);
    }
    if (t === 'F' || t === 'v') {
      for (let i = 0; i + 1 < b.length; i += 2) {
        if (isNaN64(b[i]!, b[i + 1]!) && !((b[i + 1]! & 0xfffff) === 0x80000 && b[i] === 0)) return false;
      }
    }
    return true;
  });
}

// ---- the run ---------------------------------------------------------------------------------

function shapeOf(name: string, params: Ty[]): string {
  const m = /^(i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\./.exec(name);
  if (!m) return '';
  // Conversions read another shape than they produce: look at the source shape in the name.
  const src = /_(i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)/.exec(name)?.[1] ?? m[1]!;
  void params;
  return { i8x16: 'i8', i16x8: 'i16', i32x4: 'i32', i64x2: 'i64', f32x4: 'f32', f64x2: 'f64' }[src]!;
}

function laneCount(name: string): number {
  const m = /^(i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\./.exec(name)!;
  return { i8x16: 16, i16x8: 8, i32x4: 4, i64x2: 2, f32x4: 4, f64x2: 2 }[m[1]!]!;
}

const SKIP = /relaxed|add128|sub128|mul_wide/;
const ITER = 300;

function isCandidate(op: OpInfo): boolean {
  if (op.sig === null || SKIP.test(op.name)) return false;
  if (op.imm !== 'none' && op.imm !== 'lane' && op.imm !== 'shuffle') return false;
  const [p] = op.sig.split(':');
  return p!.length > 0;
}

const candidates = OPS.filter(isCandidate);

describe('support vs native WebAssembly', () => {
  it('covers the scalar numeric and SIMD operators', () => {
    expect(candidates.length).toBeGreaterThan(340);
  });

  const groups: Record<string, OpInfo[]> = {};
  for (const op of candidates) {
    const g = op.code < 0xfd000 ? 'scalar' : op.name.split('.')[0]!;
    (groups[g] ??= []).push(op);
  }

  for (const [g, ops] of Object.entries(groups)) {
    it(`${g}: ${ops.length} operators x ${ITER} inputs`, () => {
      const failures: string[] = [];
      for (const op of ops) {
        const [ps, rs] = op.sig!.split(':') as [string, string];
        const params = [...ps] as Ty[];
        const results = [...rs] as Ty[];
        const shape = shapeOf(op.name, params);
        const fn = (support as unknown as Record<string, (...a: unknown[]) => unknown>)[op.name.replace(/\./g, '_')];
        if (typeof fn !== 'function') {
          failures.push(`${op.name}: no helper`);
          continue;
        }
        // immediates vary per module: build a few modules per op when it has any
        const variants = op.imm === 'none' ? 1 : 6;
        for (let v = 0; v < variants; v++) {
          let imm: number[] = [];
          let trailing: unknown[] = [];
          if (op.imm === 'lane') {
            const lane = v === 0 ? 0 : v === 1 ? laneCount(op.name) - 1 : (rnd() >>> 0) % laneCount(op.name);
            imm = [lane];
            trailing = [lane];
          } else if (op.imm === 'shuffle') {
            imm = Array.from({ length: 16 }, () => (rnd() >>> 0) % 32);
            trailing = [shuffleLanes(imm)];
          }
          const inst = new WebAssembly.Instance(new WebAssembly.Module(buildModule(op, params, results, imm)));
          const mem = inst.exports['m'] as WebAssembly.Memory;
          const run = inst.exports['run'] as () => void;
          const words = new Int32Array(mem.buffer);
          for (let n = 0; n < ITER / variants; n++) {
            const ins = params.map((t) => randInput(t, shape));
            ins.forEach((b, k) => b.forEach((w, i) => (words[4 * k + i] = w)));
            let refTrap: string | null = null;
            try {
              run();
            } catch (e) {
              refTrap = String((e as Error).message);
            }
            // Arguments go through an object, never an Array: V8 quiets or canonicalizes NaNs
            // stored in double arrays (and in spread/apply argument lists).
            const h = new Holder();
            let slot = 0;
            params.forEach((t, k) => toArgs(t, ins[k]!, h, () => slot++));
            for (const x of trailing) h.set(slot++, x);
            let ours: unknown;
            let ourTrap: Trap | null = null;
            try {
              ours = fn(h.a0, h.a1, h.a2, h.a3, h.a4, h.a5, h.a6, h.a7);
            } catch (e) {
              if (!(e instanceof Trap)) throw e;
              ourTrap = e;
            }
            const where = `${op.name}(${ins.map((b) => b.map((x) => (x >>> 0).toString(16)).join(':')).join(', ')})`;
            if (refTrap !== null || ourTrap !== null) {
              if (refTrap === null || ourTrap === null) {
                failures.push(`${where}: trap mismatch: native ${refTrap}, ours ${ourTrap?.trapCode}`);
              } else {
                const div0 = /by zero/.test(refTrap);
                if (div0 !== (ourTrap.trapCode === 'integer divide by zero')) {
                  failures.push(`${where}: trap kind: native ${refTrap}, ours ${ourTrap.trapCode}`);
                }
              }
              continue;
            }
            const canon = canonicalInputs(params, ins, op.name);
            // multi-result ops are skipped above, so one result
            const t = results[0]!;
            const ref = Array.from(words.subarray(64, 64 + WORDS[t]));
            const err = compare(op.name, t, fromResult(t, ours), ref, canon);
            if (err) {
              failures.push(`${where}: ${err}: native ${ref.map((x) => (x >>> 0).toString(16))}, ours ${fromResult(t, ours).map((x) => (x >>> 0).toString(16))}`);
            }
            if (failures.length > 30) break;
          }
        }
      }
      expect(failures.slice(0, 30)).toEqual([]);
    });
  }
});
