// Hostile input: mutated modules must either validate or fail with a typed wasmtide error, never
// with a crash (TypeError, RangeError, ...) and never hang.
import { describe, expect, it } from 'vitest';
import { decodeModule, WasmtideError } from '@wasmtide/parser';
import { body, encode, functype, ref, T, u32 } from './build.test-helper.js';
import { validate, allFeatures } from './index.js';

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const struct = [0x5f, 2, T.i32, 1, T.anyref, 0];
const seeds: Uint8Array[] = [
  encode({
    types: [functype([T.i32, T.i64], [T.i32]), struct, functype([], [])],
    memories: [[0x00, 1]],
    tables: [[T.funcref, 0x00, 2]],
    globals: [[T.i32, 1, 0x41, 0, 0x0b]],
    funcs: [0, 2],
    exports: [[1, 0x66, 0, 0]],
    codes: [
      body([[2, T.i32], [1, ref(1, true)]], [
        0x02, 0x40, 0x20, 0, 0x04, T.i32, 0x41, 1, 0x05, 0x41, 2, 0x0b, 0x21, 2, 0x0b,
        0x20, 0, 0x28, 2, 0, 0x20, 1, 0xa7, 0x6a, 0x23, 0, 0x6a,
        0x20, 4, 0xd1, 0x1a, 0x41, 0, 0x11, 2, 0, 0xd2, 0, 0x1a, 0xfb, 1, 1, 0xfb, 2, 1, 0, 0x6a,
      ]),
      body([], [0x03, 0x40, 0x41, 0, 0x0d, 0, 0x0b, 0x41, 0, 0x0e, 1, 0, 0, 0x00]),
    ],
  }),
];

describe('hostile input', () => {
  it('seed modules are valid', () => {
    for (const s of seeds) expect(() => validate(decodeModule(s), allFeatures)).not.toThrow();
  });

  it('mutated modules fail only with typed errors', () => {
    const next = rng(12345);
    let decoded = 0;
    let rejected = 0;
    for (let iter = 0; iter < 4000; iter++) {
      const src = seeds[iter % seeds.length]!;
      const b = Uint8Array.from(src);
      const n = 1 + Math.floor(next() * 3);
      for (let k = 0; k < n; k++) {
        const at = 8 + Math.floor(next() * (b.length - 8));
        const r = next();
        b[at] = r < 0.3 ? b[at]! ^ (1 << Math.floor(next() * 8)) : r < 0.6 ? Math.floor(next() * 256) : [0x00, 0x0b, 0x02, 0x41, 0x6a, 0xff, 0x80, 0x7f][Math.floor(next() * 8)]!;
      }
      let m;
      try {
        m = decodeModule(b);
      } catch (e) {
        expect(e).toBeInstanceOf(WasmtideError);
        continue;
      }
      decoded++;
      try {
        validate(m, allFeatures);
      } catch (e) {
        if (!(e instanceof WasmtideError)) throw new Error(`crash on ${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}: ${String(e)}`);
        rejected++;
      }
    }
    expect(decoded).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(10);
  });

  it('a huge declared local count is refused without allocating', () => {
    const m = decodeModule(encode({ types: [functype([], [])], funcs: [0], codes: [body([[0xffffff, T.i32]], [])] }));
    expect(() => validate(m)).toThrow(WasmtideError);
    void u32;
  });
});
