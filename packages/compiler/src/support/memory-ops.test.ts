// Differential test of every scalar and v128 load/store helper against Node's native
// WebAssembly (reference only): same memory contents, same addresses (including ones that
// straddle the end of memory), compare the loaded value, the memory afterwards and the trap.
import { describe, expect, it } from 'vitest';
import { OPS } from '@wasmtide/parser';
import type { OpInfo } from '@wasmtide/parser';
import { HI, V128, f32ToBits, f64ToBits, support } from './index.js';

const PAGE = 65536;

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
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
function opBytes(code: number): number[] {
  return code < 0x100 ? [code] : [code >> 12, ...uleb(code & 0xfff)];
}

type Kind = { load: boolean; value: 'i' | 'I' | 'f' | 'F' | 'v' | null; lane: boolean };

/** What an op takes and gives, from its name. */
function kindOf(op: OpInfo): Kind {
  const lane = op.imm === 'memarg_lane';
  const t = op.name[0] === 'v' ? 'v' : ({ i32: 'i', i64: 'I', f32: 'f', f64: 'F' } as const)[op.name.slice(0, 3) as 'i32'];
  const load = /load/.test(op.name);
  return { load, value: t, lane };
}

const LOAD: Record<string, number[]> = { i: [0x28], I: [0x29], f: [0x2a], F: [0x2b], v: [0xfd, 0x00] };
const STORE: Record<string, number[]> = { i: [0x36], I: [0x37], f: [0x38], F: [0x39], v: [0xfd, 0x0b] };
const VT: Record<string, number> = { i: 0x7f, I: 0x7e, f: 0x7d, F: 0x7c, v: 0x7b };
const WORDS: Record<string, number> = { i: 1, I: 2, f: 1, F: 2, v: 4 };

/** run(): [addr] [operand from 0 (stores / lane loads)] op; a load's result is stored at 256. */
function build(op: OpInfo, k: Kind, addr: number, offset: number, lane: number): Uint8Array {
  const body: number[] = [0x41, ...sleb(addr | 0)];
  const operandType = k.lane ? 'v' : k.load ? null : k.value;
  if (operandType) body.push(0x41, 0x00, ...LOAD[operandType]!, 0x00, 0x00);
  body.push(...opBytes(op.code), 0x00, ...uleb(offset));
  if (k.lane) body.push(lane);
  const resultType = k.load ? k.value! : null;
  if (resultType) body.push(0x21, 0x00, 0x41, 0x00, 0x20, 0x00, ...STORE[resultType]!, 0x00, ...uleb(256));
  body.push(0x0b);
  const locals = resultType ? [1, 1, VT[resultType]!] : [0];
  const fn = [...locals, ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, 1, 0x6d, 2, 0, 3, 0x72, 0x75, 0x6e, 0, 0]),
    ...section(10, [1, ...uleb(fn.length), ...fn]),
  ]);
}

const MEM_OPS = OPS.filter(
  (op) => (op.imm === 'memarg' || op.imm === 'memarg_lane') && (op.code < 0x100 || (op.code >> 12) === 0xfd),
);

let seed = 0x9e3779b9 | 0;
function rnd(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed | 0;
}

describe('loads and stores vs native WebAssembly', () => {
  it('covers every scalar and v128 memory operator', () => {
    expect(MEM_OPS.length).toBe(23 + 14 + 8);
  });

  it.each(MEM_OPS.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    const k = kindOf(op);
    const size = 1 << Math.max(op.align, 0);
    const fn = (support as unknown as Record<string, (...a: unknown[]) => unknown>)[op.name.replace(/\./g, '_')]!;
    expect(typeof fn).toBe('function');
    const bad: string[] = [];
    const lanes = k.lane ? 16 / size : 1;
    const addrs = [512, 513, 1000, PAGE - size, PAGE - size + 1, PAGE - 1, PAGE, PAGE + 8, -1];
    for (const a of addrs) {
      for (const offset of [0, 3, 64]) {
        const lane = k.lane ? (rnd() >>> 0) % lanes : 0;
        const inst = new WebAssembly.Instance(new WebAssembly.Module(build(op, k, a, offset, lane)));
        const mem = new Uint8Array((inst.exports['m'] as WebAssembly.Memory).buffer);
        for (let i = 0; i < 64; i++) mem[i] = rnd();
        // NaN-heavy words for the float ops
        const nanBytes = k.value === 'F'
          ? [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf4, 0x7f]
          : [0x01, 0x00, 0x80, 0x7f, 0x00, 0x00, 0xa0, 0xff];
        mem.set(nanBytes, 0);
        for (let i = 512; i < 1200; i++) mem[i] = rnd();
        for (let i = PAGE - 32; i < PAGE; i++) mem[i] = rnd();
        // signalling NaNs where the loads read
        for (const at of [a >>> 0, (a >>> 0) + offset]) {
          if (at + 8 <= PAGE && at >= 512 && (rnd() & 1)) mem.set(nanBytes, at);
        }
        const before = mem.slice();
        let refTrap = false;
        try {
          (inst.exports['run'] as () => void)();
        } catch (e) {
          refTrap = true;
          expect(String(e)).toMatch(/out of bounds/);
        }
        const ours = before.slice();
        const dv = new DataView(ours.buffer);
        const ea = (a >>> 0) + offset;
        let ourTrap = false;
        let result: unknown;
        try {
          if (k.load && !k.lane) result = fn(dv, ea);
          else {
            const od = new DataView(before.buffer);
            const t = k.lane ? 'v' : k.value!;
            // operands in object fields, never an Array (V8 quiets NaNs stored in arrays)
            const args = { n: 0, a0: undefined as unknown, a1: undefined as unknown, a2: undefined as unknown };
            const push = (x: unknown): void => {
              if (args.n === 0) args.a0 = x;
              else if (args.n === 1) args.a1 = x;
              else args.a2 = x;
              args.n++;
            };
            if (t === 'i') push(od.getInt32(0, true));
            if (t === 'I') { push(od.getInt32(0, true)); push(od.getInt32(4, true)); }
            if (t === 'v') push(new V128(od.getInt32(0, true), od.getInt32(4, true), od.getInt32(8, true), od.getInt32(12, true)));
            // float operands come from the f32/f64 loads so NaN bits stay exact
            if (t === 'f') push(support.f32_load(od, 0));
            if (t === 'F') push(support.f64_load(od, 0));
            if (k.lane) push(lane);
            result = fn(dv, ea, args.a0, args.a1, args.a2);
          }
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          ourTrap = true;
        }
        const where = `${op.name} addr=${a} offset=${offset} lane=${lane}`;
        if (refTrap !== ourTrap) {
          bad.push(`${where}: trap native=${refTrap} ours=${ourTrap}`);
          continue;
        }
        if (refTrap) {
          if (!ours.every((x, i) => x === before[i])) bad.push(`${where}: trapping op wrote memory`);
          continue;
        }
        if (k.load) {
          const t = k.value!;
          const refWords = Array.from(new Int32Array(mem.buffer, 256, WORDS[t]!));
          let got: number[];
          if (t === 'i') got = [result as number];
          else if (t === 'I') got = [result as number, HI[0]!];
          else if (t === 'f') got = [f32ToBits(result as number)];
          else if (t === 'F') got = f64ToBits(result as number);
          else {
            const v = result as V128;
            got = [v.w0, v.w1, v.w2, v.w3];
          }
          if (got.join() !== refWords.join()) bad.push(`${where}: got ${got}, want ${refWords}`);
        } else {
          const diff = ours.findIndex((x, i) => x !== mem[i]);
          if (diff >= 0) bad.push(`${where}: memory differs at ${diff}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
