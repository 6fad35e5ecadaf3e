/**
 * Micro-benchmark (not a test, not exported): i64 helpers on int32 pairs against BigInt.
 * Build the package, then run `node packages/compiler/dist/support/bench-i64.js`.
 * Prints the median of 7 interleaved rounds per case (after one warm-up round), in ns per
 * operation; the machine's load shows in the numbers, so compare within one run.
 * @module
 */
import { HI } from './bits.js';
import { i64_div_s, i64_div_u, i64_mul, i64_rem_u } from './i64.js';

const N = 1 << 20;
let seed = 0x2545f491;
function r32(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed | 0;
}

/** Operands: lo/hi pairs and the same values as BigInts. */
function operands(kind: 'full' | 'small' | 'div32'): [Int32Array, Int32Array, BigInt64Array] {
  const lo = new Int32Array(N);
  const hi = new Int32Array(N);
  const big = new BigInt64Array(N);
  for (let i = 0; i < N; i++) {
    lo[i] = r32();
    hi[i] = kind === 'full' ? r32() : kind === 'small' ? r32() >> 12 : 0;
    if (kind === 'div32' && i % 2 === 0) hi[i] = r32();
    if (lo[i] === 0 && hi[i] === 0) lo[i] = 1;
    big[i] = (BigInt(hi[i]!) << 32n) | BigInt(lo[i]! >>> 0);
  }
  return [lo, hi, big];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(f: () => number): number {
  const t = performance.now();
  const sink = f();
  const dt = performance.now() - t;
  if (sink === 0.5) console.log('');
  return (dt * 1e6) / N;
}

function mulPairs(): number {
  let lo = 1;
  let hi = 0;
  for (let i = 0; i < N; i++) {
    const l = i64_mul(lo, hi, 0x4c957f2d, 0x5851f42d);
    const h = HI[0]!;
    lo = (l + 0x14057b7f) | 0;
    hi = (h + 0x14057b7e + ((lo >>> 0) < (l >>> 0) ? 1 : 0)) | 0;
  }
  return lo ^ hi;
}
function mulBig(): number {
  let x = 1n;
  for (let i = 0; i < N; i++) x = BigInt.asIntN(64, x * 0x5851f42d4c957f2dn + 0x14057b7e14057b7fn);
  return Number(x & 0xffn);
}

function divPairs(lo: Int32Array, hi: Int32Array, signed: boolean): () => number {
  return () => {
    let acc = 0;
    for (let i = 0; i < N - 1; i++) {
      const q = signed
        ? i64_div_s(lo[i]!, hi[i]!, lo[i + 1]!, hi[i + 1]!)
        : i64_div_u(lo[i]!, hi[i]!, lo[i + 1]!, hi[i + 1]!);
      acc ^= q ^ HI[0]!;
    }
    return acc;
  };
}
function remPairs(lo: Int32Array, hi: Int32Array): () => number {
  return () => {
    let acc = 0;
    for (let i = 0; i < N - 1; i++) acc ^= i64_rem_u(lo[i]!, hi[i]!, lo[i + 1]!, hi[i + 1]!) ^ HI[0]!;
    return acc;
  };
}
function divBig(big: BigInt64Array, signed: boolean): () => number {
  return () => {
    let acc = 0n;
    for (let i = 0; i < N - 1; i++) {
      const q = signed
        ? BigInt.asIntN(64, big[i]! / big[i + 1]!)
        : BigInt.asUintN(64, big[i]!) / BigInt.asUintN(64, big[i + 1]!);
      acc ^= q;
    }
    return Number(acc & 0xffn);
  };
}
function remBig(big: BigInt64Array): () => number {
  return () => {
    let acc = 0n;
    for (let i = 0; i < N - 1; i++) acc ^= BigInt.asUintN(64, big[i]!) % BigInt.asUintN(64, big[i + 1]!);
    return Number(acc & 0xffn);
  };
}

const [flo, fhi, fbig] = operands('full');
const [slo, shi, sbig] = operands('small');
const [dlo, dhi, dbig] = operands('div32');
const cases: Array<[string, () => number, () => number]> = [
  ['mul (LCG chain)', mulPairs, mulBig],
  ['div_u full 64-bit', divPairs(flo, fhi, false), divBig(fbig, false)],
  ['rem_u full 64-bit', remPairs(flo, fhi), remBig(fbig)],
  ['div_s full 64-bit', divPairs(flo, fhi, true), divBig(fbig, true)],
  ['div_s below 2^52', divPairs(slo, shi, true), divBig(sbig, true)],
  ['div_u mixed 32/64-bit', divPairs(dlo, dhi, false), divBig(dbig, false)],
];
for (const [name, pairs, big] of cases) {
  const p: number[] = [];
  const b: number[] = [];
  time(pairs);
  time(big);
  for (let r = 0; r < 7; r++) {
    p.push(time(pairs));
    b.push(time(big));
  }
  const mp = median(p);
  const mb = median(b);
  console.log(`${name.padEnd(24)} pairs ${mp.toFixed(1).padStart(6)} ns/op   BigInt ${mb.toFixed(1).padStart(6)} ns/op   ${(mb / mp).toFixed(1)}x`);
}
