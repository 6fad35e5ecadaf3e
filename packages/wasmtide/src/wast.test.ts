import { describe, expect, it } from 'vitest';
import { EXECUTION_NOT_IMPLEMENTED, runWast, type WastOutcome } from './wast.js';
import { featuresForArea } from './features.js';

/** Runs a script and returns `line -> outcome`. */
async function run(lines: string[], execute = true): Promise<Map<number, WastOutcome>> {
  const r = await runWast(lines.join('\n'), { filename: 'test.wast', execute });
  return new Map(r.outcomes.map((o) => [o.line, o]));
}

describe('runWast with execution', () => {
  // Each row: a script (one command per line) and the expected status of each line.
  const cases: [string, string[], ('passed' | 'failed' | 'skipped')[]][] = [
    [
      'returns, traps, messages',
      [
        '(module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))',
        '(assert_return (invoke "div" (i32.const 7) (i32.const 2)) (i32.const 3))',
        '(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")',
        '(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer overflow")',
        '(assert_trap (invoke "div" (i32.const 1) (i32.const 1)) "integer divide by zero")',
        '(invoke "div" (i32.const 1) (i32.const 0))',
      ],
      ['passed', 'passed', 'passed', 'failed', 'failed', 'failed'],
    ],
    [
      'floats by bits and NaN patterns',
      [
        '(module (func (export "neg") (param f32) (result f32) (f32.neg (local.get 0))) (func (export "div") (param f64 f64) (result f64) (f64.div (local.get 0) (local.get 1))))',
        '(assert_return (invoke "neg" (f32.const 0)) (f32.const -0))',
        '(assert_return (invoke "neg" (f32.const 0)) (f32.const 0))',
        '(assert_return (invoke "div" (f64.const 0) (f64.const 0)) (f64.const nan:arithmetic))',
        '(assert_return (invoke "div" (f64.const 1) (f64.const 0)) (f64.const nan:canonical))',
        '(assert_return (invoke "div" (f64.const 1) (f64.const 4)) (either (f64.const 1) (f64.const 0.25)))',
      ],
      ['passed', 'passed', 'failed', 'passed', 'failed', 'passed'],
    ],
    [
      'signalling NaN arguments keep their payload',
      [
        '(module (func (export "id32") (param f32) (result f32) (local.get 0)) (func (export "id64") (param i32 f64) (result f64) (local.get 1)))',
        '(assert_return (invoke "id32" (f32.const nan:0x200000)) (f32.const nan:0x200000))',
        '(assert_return (invoke "id32" (f32.const -nan:0x1)) (f32.const -nan:0x1))',
        '(assert_return (invoke "id64" (i32.const 0) (f64.const nan:0x4000000000000)) (f64.const nan:0x4000000000000))',
        '(assert_return (invoke "id64" (i32.const 0) (f64.const nan:0x4000000000000)) (f64.const nan:arithmetic))',
      ],
      ['passed', 'passed', 'passed', 'passed', 'failed'],
    ],
    [
      'globals, spectest imports, register, definitions and instances',
      [
        '(module $A (import "spectest" "global_i32" (global i32)) (import "spectest" "print_i32" (func (param i32))) (global (export "g") i32 (global.get 0)))',
        '(assert_return (get "g") (i32.const 666))',
        '(register "a" $A)',
        '(module definition $D (import "a" "g" (global i32)) (func (export "h") (result i32) (global.get 0)))',
        '(module instance $I $D)',
        '(assert_return (invoke $I "h") (i32.const 666))',
        '(assert_unlinkable (module (import "a" "nope" (func))) "unknown import")',
        '(assert_unlinkable (module (import "a" "g" (global i64))) "incompatible import type")',
      ],
      ['passed', 'passed', 'passed', 'passed', 'passed', 'passed', 'passed', 'passed'],
    ],
    [
      'instantiation traps, exhaustion and exceptions',
      [
        '(assert_trap (module (func $s unreachable) (start $s)) "unreachable")',
        '(module (func $f (export "f") (call $f)))',
        '(assert_exhaustion (invoke "f") "call stack exhausted")',
        '(module (tag $e (param i32)) (func (export "t") (throw $e (i32.const 1))) (func (export "n")))',
        '(assert_exception (invoke "t"))',
        '(assert_exception (invoke "n"))',
        '(assert_trap (invoke "t") "unreachable")',
      ],
      ['passed', 'passed', 'passed', 'passed', 'passed', 'failed', 'failed'],
    ],
    [
      'layers: malformed vs invalid',
      [
        '(assert_malformed (module quote "(func (i32.frob))") "unknown operator")',
        '(assert_malformed (module (func (result i32) (i64.const 1))) "type mismatch")',
        '(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")',
        '(assert_invalid (module (func (result i32) (i64.const 1))) "unknown local")',
        '(assert_invalid (module quote "(func (i32.frob))") "unknown operator")',
      ],
      ['passed', 'failed', 'passed', 'failed', 'failed'],
    ],
  ];

  it.each(cases)('%s', async (_name, lines, statuses) => {
    const r = await run(lines);
    statuses.forEach((status, i) => {
      const o = r.get(i + 1);
      expect({ line: i + 1, status: o?.status, reason: o?.reason }).toMatchObject({ line: i + 1, status });
    });
  });

  it('says why: wrong layer, wrong wording, wrong value', async () => {
    const r = await run([
      '(module (func (export "f") (result i32) (i32.const 3)))',
      '(assert_malformed (module (func (result i32) (i64.const 1))) "type mismatch")',
      '(assert_invalid (module (func (result i32) (i64.const 1))) "unknown local")',
      '(assert_return (invoke "f") (i32.const 4))',
    ]);
    expect(r.get(2)!.reason).toMatch(/^rejected by the wrong layer \(validator\)/);
    expect(r.get(3)).toMatchObject({ status: 'failed', messageMismatch: true });
    expect(r.get(4)!.reason).toBe('result 0: expected i32 4, got i32 3');
  });

  it('a script that does not parse is one failed command', async () => {
    const r = await runWast('(module', { filename: 'bad.wast' });
    expect(r.failed).toBe(1);
    expect(r.outcomes[0]!.reason).toMatch(/^script does not parse/);
  });

  it('with execute: false, commands that need execution are skipped with a reason', async () => {
    const r = await run(['(module (func (export "f")))', '(invoke "f")', '(module definition (func))', '(module (func (result i32) (i64.const 0)))'], false);
    expect(r.get(1)).toMatchObject({ status: 'skipped', reason: EXECUTION_NOT_IMPLEMENTED });
    expect(r.get(2)).toMatchObject({ status: 'skipped', reason: EXECUTION_NOT_IMPLEMENTED });
    expect(r.get(3)!.status).toBe('passed');
    expect(r.get(4)!.status).toBe('failed');
  });

  it('uses the features of the area', async () => {
    // Shared memories need threads: invalid in the core areas, valid in proposals/threads.
    const src = '(module definition (memory 1 1 shared))';
    expect((await runWast(src, { features: featuresForArea('core') })).failed).toBe(1);
    expect((await runWast(src, { features: featuresForArea('proposals/threads') })).passed).toBe(1);
  });
});
