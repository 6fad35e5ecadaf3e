/**
 * Hostile input: random mutations of well-formed modules must decode or fail with a DecodeError,
 * never with another exception, and quickly. Deterministic (seeded) so failures reproduce.
 */
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { body, mod, oneFuncType, sec, str, u, vec } from './builder.test-helper.js';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { moduleEquals } from './equals.js';

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const off = [0x41, 0, 0x0b];
const seeds: Uint8Array[] = [
  mod(
    sec(1, vec([[0x60, ...vec([[0x7f]]), ...vec([[0x7e]])], [0x4e, ...u(2), 0x50, ...vec([]), 0x5f, ...vec([[0x78, 1]]), 0x5e, 0x7f, 1]])),
    sec(2, vec([[...str('m'), ...str('f'), 0, 0], [...str('m'), ...str('g'), 3, 0x7f, 0]])),
    sec(3, vec([[0], [0]])),
    sec(4, vec([[0x70, 1, 1, 2]])),
    sec(5, vec([[1, 1, 2]])),
    sec(6, vec([[0x7f, 1, 0x41, 5, 0x0b]])),
    sec(7, vec([[...str('f'), 0, 1]])),
    sec(9, vec([[0, ...off, ...vec([[0]])], [5, 0x70, ...vec([[0xd2, 0, 0x0b]])]])),
    sec(12, [1]),
    sec(
      10,
      vec([
        body([[1, 0x7f]], [0x20, 0, 0x02, 0x7f, 0x41, 1, 0x0b, 0x6a, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0b, 0xac, 0x0b]),
        body([], [0x41, 0, 0x0e, 2, 0, 0, 0, 0x42, 0x7f, 0x1a, 0xfc, 9, 0, 0xfd, 0x0c, ...Array(16).fill(1), 0x1a, 0x42, 0, 0x0b]),
      ]),
    ),
    sec(11, vec([[1, ...vec([[1], [2]])]])),
    sec(0, str('name'), [1, ...u(5), ...vec([[0, ...str('fn')]])]),
  ),
  mod(oneFuncType(), sec(10, vec([body([], [0x1f, 0x40, 1, 2, 0, 0x0b, 0x28, 0x02, 0x00, 0x1a, 0x0b])]))),
];

function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const b = [...src];
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const at = 8 + Math.floor(rand() * (b.length - 8));
    const r = rand();
    if (r < 0.5) b[at] = Math.floor(rand() * 256);
    else if (r < 0.7) b.splice(at, 1);
    else if (r < 0.85) b.splice(at, 0, Math.floor(rand() * 256));
    else b.length = at;
  }
  return Uint8Array.from(b);
}

describe('hostile input', () => {
  it('only ever throws DecodeError, and accepted mutants round-trip', () => {
    const rand = rng(0x5eed);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 4000; i++) {
      const input = mutate(seeds[i % seeds.length]!, rand);
      const opts = { features: { customPageSizes: i % 2 === 0, customDescriptors: i % 3 === 0 } };
      try {
        const m = decodeModule(input, opts);
        accepted++;
        expect(moduleEquals(m, decodeModule(encodeModule(m), opts))).toBe(true);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw new Error(`mutant ${i} [${[...input].join(',')}] threw ${String(e)}`);
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(input.length);
        rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
  });
});
