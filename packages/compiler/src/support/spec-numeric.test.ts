// Runs the spec suite's numeric scripts straight against the support helpers: every exported
// function whose body is one operator applied to its parameters in order becomes a call to
// that operator's helper, and every `assert_return` / `assert_trap` invoking one is checked
// bit for bit (nan:canonical / nan:arithmetic per the spec). Commands needing anything else
// are skipped. The scripts live outside the repository; without them the test is skipped.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { opByName } from '@wasmtide/parser';
import { Trap } from '../trap.js';
import {
  HI, V128, f32FromBits, f32ToBits, f64FromBits, f64ToBits, shuffleLanes, support,
} from './index.js';

const SUITE = new URL('../../../../../shared/wasm-testsuite/', import.meta.url);
const FILES = [
  'i32.wast', 'i64.wast', 'f32.wast', 'f64.wast', 'f32_bitwise.wast', 'f64_bitwise.wast',
  'f32_cmp.wast', 'f64_cmp.wast', 'conversions.wast', 'float_misc.wast',
  'simd_bitwise.wast', 'simd_boolean.wast', 'simd_bit_shift.wast', 'simd_conversions.wast',
  'simd_f32x4.wast', 'simd_f32x4_arith.wast', 'simd_f32x4_cmp.wast', 'simd_f32x4_pmin_pmax.wast',
  'simd_f32x4_rounding.wast', 'simd_f64x2.wast', 'simd_f64x2_arith.wast', 'simd_f64x2_cmp.wast',
  'simd_f64x2_pmin_pmax.wast', 'simd_f64x2_rounding.wast', 'simd_i16x8_arith.wast',
  'simd_i16x8_arith2.wast', 'simd_i16x8_cmp.wast', 'simd_i16x8_extadd_pairwise_i8x16.wast',
  'simd_i16x8_extmul_i8x16.wast', 'simd_i16x8_q15mulr_sat_s.wast', 'simd_i16x8_sat_arith.wast',
  'simd_i32x4_arith.wast', 'simd_i32x4_arith2.wast', 'simd_i32x4_cmp.wast',
  'simd_i32x4_dot_i16x8.wast', 'simd_i32x4_extadd_pairwise_i16x8.wast',
  'simd_i32x4_extmul_i16x8.wast', 'simd_i32x4_trunc_sat_f32x4.wast',
  'simd_i32x4_trunc_sat_f64x2.wast', 'simd_i64x2_arith.wast', 'simd_i64x2_arith2.wast',
  'simd_i64x2_cmp.wast', 'simd_i64x2_extmul_i32x4.wast', 'simd_i8x16_arith.wast',
  'simd_i8x16_arith2.wast', 'simd_i8x16_cmp.wast', 'simd_i8x16_sat_arith.wast',
  'simd_int_to_int_extend.wast', 'simd_lane.wast', 'simd_splat.wast',
  'i16x8_relaxed_q15mulr_s.wast', 'i8x16_relaxed_swizzle.wast',
  'relaxed_dot_product.wast', 'relaxed_laneselect.wast', 'relaxed_madd_nmadd.wast',
  'relaxed_min_max.wast', 'proposals/wide-arithmetic/wide-arithmetic.wast',
];

// ---- s-expressions -----------------------------------------------------------------------------

type SExp = string | SExp[];

function parseSExps(src: string): SExp[] {
  const stack: SExp[][] = [[]];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ';' && src[i + 1] === ';') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '(' && src[i + 1] === ';') {
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === '(' && src[i + 1] === ';') { depth++; i += 2; } else if (src[i] === ';' && src[i + 1] === ')') { depth--; i += 2; } else i++;
      }
    } else if (c === '(') {
      stack.push([]);
      i++;
    } else if (c === ')') {
      const top = stack.pop()!;
      stack[stack.length - 1]!.push(top);
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      stack[stack.length - 1]!.push(src.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < src.length && !/[\s()]/.test(src[j]!)) j++;
      stack[stack.length - 1]!.push(src.slice(i, j));
      i = j;
    }
  }
  return stack[0]!;
}

// ---- literals ----------------------------------------------------------------------------------

function parseIntLit(s: string, bits: 32 | 64): bigint {
  s = s.replace(/_/g, '');
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const v = BigInt(s);
  return BigInt.asUintN(bits, neg ? -v : v);
}

/** Rounds sign * num/den * 2^exp2 to the bits of a float with `mant` fraction bits. */
function roundToFloat(neg: boolean, num: bigint, den: bigint, exp2: number, mant: number, ebits: number): bigint {
  const bias = (1 << (ebits - 1)) - 1;
  const signBit = neg ? 1n << BigInt(mant + ebits) : 0n;
  if (num === 0n) return signBit;
  // normalise so that 2^mant <= num/den * 2^-e < 2^(mant+1) for the exponent e of the result
  let e = exp2 + (num.toString(2).length - den.toString(2).length) - mant;
  const scaled = (k: number): [bigint, bigint] => {
    // num * 2^(exp2 - k) / den
    const s = exp2 - k;
    return s >= 0 ? [num << BigInt(s), den] : [num, den << BigInt(-s)];
  };
  let [n, d] = scaled(e);
  while (n < d << BigInt(mant)) { e--; [n, d] = scaled(e); }
  while (n >= d << BigInt(mant + 1)) { e++; [n, d] = scaled(e); }
  const minE = 1 - bias - mant;
  if (e < minE) {
    e = minE;
    [n, d] = scaled(e);
  }
  let q = n / d;
  const r = n - q * d;
  if (2n * r > d || (2n * r === d && (q & 1n) === 1n)) q++;
  if (q === 1n << BigInt(mant + 1)) { q >>= 1n; e++; }
  const biased = q >> BigInt(mant) === 0n ? 0 : e + mant + bias;
  if (biased >= 2 * bias + 1) return signBit | (BigInt(2 * bias + 1) << BigInt(mant));
  return signBit | (BigInt(biased) << BigInt(mant)) | (q & ((1n << BigInt(mant)) - 1n));
}

/** Bits of a float literal (f32: uint32 as bigint; f64: uint64 as bigint). */
function parseFloatLit(s: string, bits: 32 | 64): bigint {
  const mant = bits === 32 ? 23 : 52;
  const ebits = bits === 32 ? 8 : 11;
  s = s.replace(/_/g, '');
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const signBit = neg ? 1n << BigInt(bits - 1) : 0n;
  const expAll = ((1n << BigInt(ebits)) - 1n) << BigInt(mant);
  if (s === 'inf') return signBit | expAll;
  if (s === 'nan') return signBit | expAll | (1n << BigInt(mant - 1));
  if (s.startsWith('nan:0x')) return signBit | expAll | BigInt(s.slice(4));
  if (s.startsWith('0x')) {
    const m = /^0x([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s)!;
    const frac = m[2] ?? '';
    const num = BigInt('0x' + ((m[1] ?? '') + frac || '0'));
    return roundToFloat(neg, num, 1n, Number(m[3] ?? 0) - 4 * frac.length, mant, ebits);
  }
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s)!;
  const frac = m[2] ?? '';
  const num = BigInt((m[1] ?? '') + frac || '0');
  const e10 = Number(m[3] ?? 0) - frac.length;
  const [n, d] = e10 >= 0 ? [num * 10n ** BigInt(e10), 1n] : [num, 10n ** BigInt(-e10)];
  return roundToFloat(neg, n, d, 0, mant, ebits);
}

// ---- values --------------------------------------------------------------------------------

/** A value in bit form: words (int32) plus per-lane NaN patterns for expected results. */
interface Val {
  type: 'i' | 'I' | 'f' | 'F' | 'v';
  words: number[];
  /** For expectations: lanes [wordIndex, width, 'canonical' | 'arithmetic'] that accept a class of NaNs. */
  nans: Array<[number, 32 | 64, string]>;
}

function words64(b: bigint): number[] {
  return [Number(b & 0xffffffffn) | 0, Number((b >> 32n) & 0xffffffffn) | 0];
}

function parseConst(e: SExp): Val | null {
  if (!Array.isArray(e)) return null;
  const [head, ...rest] = e as string[];
  switch (head) {
    case 'i32.const': return { type: 'i', words: [Number(parseIntLit(rest[0]!, 32)) | 0], nans: [] };
    case 'i64.const': return { type: 'I', words: words64(parseIntLit(rest[0]!, 64)), nans: [] };
    case 'f32.const':
      if (rest[0]!.startsWith('nan:') && !rest[0]!.startsWith('nan:0x')) return { type: 'f', words: [0], nans: [[0, 32, rest[0]!.slice(4)]] };
      return { type: 'f', words: [Number(parseFloatLit(rest[0]!, 32)) | 0], nans: [] };
    case 'f64.const':
      if (rest[0]!.startsWith('nan:') && !rest[0]!.startsWith('nan:0x')) return { type: 'F', words: [0, 0], nans: [[0, 64, rest[0]!.slice(4)]] };
      return { type: 'F', words: words64(parseFloatLit(rest[0]!, 64)), nans: [] };
    case 'v128.const': {
      const shape = rest[0]!;
      const lanes = rest.slice(1);
      const bytes = new Uint8Array(16);
      const dv = new DataView(bytes.buffer);
      const nans: Array<[number, 32 | 64, string]> = [];
      lanes.forEach((l, i) => {
        switch (shape) {
          case 'i8x16': dv.setUint8(i, Number(parseIntLit(l, 32) & 0xffn)); break;
          case 'i16x8': dv.setUint16(2 * i, Number(parseIntLit(l, 32) & 0xffffn), true); break;
          case 'i32x4': dv.setUint32(4 * i, Number(parseIntLit(l, 32)), true); break;
          case 'i64x2': dv.setBigUint64(8 * i, parseIntLit(l, 64), true); break;
          case 'f32x4':
            if (l.startsWith('nan:') && !l.startsWith('nan:0x')) nans.push([i, 32, l.slice(4)]);
            else dv.setUint32(4 * i, Number(parseFloatLit(l, 32)), true);
            break;
          case 'f64x2':
            if (l.startsWith('nan:') && !l.startsWith('nan:0x')) nans.push([2 * i, 64, l.slice(4)]);
            else dv.setBigUint64(8 * i, parseFloatLit(l, 64), true);
            break;
        }
      });
      return { type: 'v', words: [0, 4, 8, 12].map((o) => dv.getInt32(o, true)), nans };
    }
  }
  return null;
}

function matches(got: number[], want: Val): boolean {
  const nanAt = new Map(want.nans.map(([w, width, kind]) => [w, [width, kind] as const]));
  for (let w = 0; w < want.words.length; w++) {
    const n = nanAt.get(w);
    if (!n) {
      if (got[w] !== want.words[w]) return false;
      continue;
    }
    const [width, kind] = n;
    if (width === 32) {
      const b = got[w]!;
      if ((b & 0x7f800000) !== 0x7f800000 || (b & 0x7fffff) === 0) return false;
      if (kind === 'canonical' ? (b & 0x7fffff) !== 0x400000 : (b & 0x400000) === 0) return false;
    } else {
      const lo = got[w]!;
      const hi = got[w + 1]!;
      if ((hi & 0x7ff00000) !== 0x7ff00000 || ((hi & 0xfffff) | lo) === 0) return false;
      if (kind === 'canonical' ? (hi & 0xfffff) !== 0x80000 || lo !== 0 : (hi & 0x80000) === 0) return false;
      w++;
    }
  }
  return true;
}

// ---- functions ---------------------------------------------------------------------------------

interface Fn {
  helper: (...a: unknown[]) => unknown;
  imms: unknown[];
  results: string;
}

/** The single-operator body of a func, or null. Accepts folded and flat forms. */
function simpleFunc(f: SExp[]): [string, Fn] | null {
  let name: string | null = null;
  const params: string[] = [];
  const body: SExp[] = [];
  for (const item of f.slice(1)) {
    if (Array.isArray(item) && item[0] === 'export') name = JSON.parse(item[1] as string) as string;
    else if (Array.isArray(item) && item[0] === 'param') {
      const rest = item.slice(1) as string[];
      if (rest[0]?.startsWith('$')) params.push(rest[0]);
      else rest.forEach(() => params.push(String(params.length)));
    } else if (Array.isArray(item) && item[0] === 'result') continue;
    else if (typeof item === 'string' && item.startsWith('$')) continue;
    else body.push(item);
  }
  if (!name) return null;
  // flatten folded instructions into a flat sequence
  const flat: string[] = [];
  const walk = (e: SExp): void => {
    if (typeof e === 'string') flat.push(e);
    else {
      const [h, ...args] = e;
      const imms = args.filter((a) => typeof a === 'string') as string[];
      args.filter((a) => Array.isArray(a)).forEach(walk);
      flat.push(h as string, ...imms);
    }
  };
  body.forEach(walk);
  let i = 0;
  for (let p = 0; p < params.length; p++) {
    if (flat[i] !== 'local.get') return null;
    const ref = flat[i + 1]!;
    if (ref !== params[p] && ref !== String(p)) return null;
    i += 2;
  }
  const opName = flat[i];
  if (!opName) return null;
  const info = opByName(opName);
  const helper = (support as unknown as Record<string, (...a: unknown[]) => unknown>)[opName.replace(/\./g, '_')];
  if (!info || !info.sig || !helper) return null;
  const immToks = flat.slice(i + 1);
  let imms: unknown[] = [];
  const want = info.imm === 'lane' ? 1 : info.imm === 'shuffle' ? 16 : 0;
  if (immToks.length !== want || (info.imm !== 'none' && info.imm !== 'lane' && info.imm !== 'shuffle')) return null;
  if (info.imm === 'lane') imms = [Number(immToks[0])];
  else if (info.imm === 'shuffle') imms = [shuffleLanes(immToks.map(Number))];
  return [name, { helper, imms, results: info.sig.split(':')[1]! }];
}

// ---- running ---------------------------------------------------------------------------------

/** Argument slots in object fields (V8 quiets NaNs stored in arrays). */
class Args {
  a0: unknown; a1: unknown; a2: unknown; a3: unknown; a4: unknown; a5: unknown; a6: unknown; a7: unknown; a8: unknown;
  n = 0;
  push(v: unknown): void {
    switch (this.n++) {
      case 0: this.a0 = v; break;
      case 1: this.a1 = v; break;
      case 2: this.a2 = v; break;
      case 3: this.a3 = v; break;
      case 4: this.a4 = v; break;
      case 5: this.a5 = v; break;
      case 6: this.a6 = v; break;
      case 7: this.a7 = v; break;
      default: this.a8 = v;
    }
  }
}

function invoke(fn: Fn, args: Val[]): number[][] {
  const a = new Args();
  for (const v of args) {
    if (v.type === 'i') a.push(v.words[0]);
    else if (v.type === 'I') { a.push(v.words[0]); a.push(v.words[1]); }
    else if (v.type === 'f') a.push(f32FromBits(v.words[0]!));
    else if (v.type === 'F') a.push(f64FromBits(v.words[0]!, v.words[1]!));
    else a.push(new V128(v.words[0]!, v.words[1]!, v.words[2]!, v.words[3]!));
  }
  for (const x of fn.imms) a.push(x);
  const r = fn.helper(a.a0, a.a1, a.a2, a.a3, a.a4, a.a5, a.a6, a.a7, a.a8);
  const t = fn.results;
  if (t === 'II') return [[r as number, HI[0]!], [HI[1]!, HI[2]!]];
  switch (t) {
    case 'i': return [[r as number]];
    case 'I': return [[r as number, HI[0]!]];
    case 'f': return [[f32ToBits(r as number)]];
    case 'F': return [f64ToBits(r as number)];
    case 'v': { const v = r as V128; return [[v.w0, v.w1, v.w2, v.w3]]; }
  }
  throw new Error(`unexpected result type ${t}`);
}

interface Tally { passed: number; failed: number; skipped: number; failures: string[] }

function runScript(src: string): Tally {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  let funcs = new Map<string, Fn>();
  for (const cmd of parseSExps(src)) {
    if (!Array.isArray(cmd)) continue;
    const head = cmd[0];
    if (head === 'module') {
      funcs = new Map();
      for (const f of cmd) if (Array.isArray(f) && f[0] === 'func') {
        const s = simpleFunc(f);
        if (s) funcs.set(s[0], s[1]);
      }
      continue;
    }
    if (head !== 'assert_return' && head !== 'assert_trap') continue;
    const inv = cmd[1];
    if (!Array.isArray(inv) || inv[0] !== 'invoke') { tally.skipped++; continue; }
    const fn = funcs.get(JSON.parse(inv[1] as string) as string);
    const args = inv.slice(2).map(parseConst);
    if (!fn || args.some((a) => a === null)) { tally.skipped++; continue; }
    const where = `${inv[1]}(${inv.slice(2).map((x) => (x as string[]).join(' ')).join(', ')})`;
    let got: number[][] | null = null;
    let trapped: string | null = null;
    try {
      got = invoke(fn, args as Val[]);
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      trapped = e.trapCode;
    }
    if (head === 'assert_trap') {
      const want = JSON.parse(cmd[2] as string) as string;
      if (trapped !== null && want.startsWith(trapped)) tally.passed++;
      else { tally.failed++; tally.failures.push(`${where}: want trap "${want}", got ${trapped ?? got}`); }
      continue;
    }
    if (trapped !== null) { tally.failed++; tally.failures.push(`${where}: trapped ${trapped}`); continue; }
    // expected: one value per result, or (either ...) alternatives
    const exp = cmd.slice(2);
    let ok: boolean;
    if (exp.length === 1 && Array.isArray(exp[0]) && exp[0][0] === 'either') {
      ok = (exp[0].slice(1) as SExp[]).some((alt) => matches(got![0]!, parseConst(alt)!));
    } else {
      const wants = exp.map(parseConst);
      if (wants.some((w) => w === null)) { tally.skipped++; continue; }
      ok = wants.length === got!.length && wants.every((w, i) => matches(got![i]!, w!));
    }
    if (ok) tally.passed++;
    else {
      tally.failed++;
      tally.failures.push(`${where}: got ${got!.map((g) => g.map((x) => (x >>> 0).toString(16)).join(':')).join(', ')}, want ${exp.map((e) => JSON.stringify(e)).join(' ')}`);
    }
  }
  return tally;
}

const present = existsSync(SUITE);

describe.skipIf(!present)('spec numeric scripts against the helpers', () => {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of FILES) {
    it(file, () => {
      const t = runScript(readFileSync(new URL(file, SUITE), 'utf8'));
      totals.passed += t.passed;
      totals.failed += t.failed;
      totals.skipped += t.skipped;
      expect(t.failures.slice(0, 10)).toEqual([]);
      expect(t.passed).toBeGreaterThan(0);
    });
  }
  it('reports totals', () => {
    console.log(`spec numeric: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    expect(totals.failed).toBe(0);
  });
});



