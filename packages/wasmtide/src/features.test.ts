import { describe, expect, it } from 'vitest';
import { areaOfPath, featuresForArea, wasm2FeatureSet, wasm3FeatureSet } from './features.js';

describe('areaOfPath', () => {
  const cases: [string, string][] = [
    ['i32.wast', 'core'],
    ['/x/wasm-testsuite/proposals/threads/atomic.wast', 'proposals/threads'],
    ['proposals/custom-page-sizes/binary.wast', 'proposals/custom-page-sizes'],
    ['legacy/try_catch.wast', 'legacy-exceptions'],
    ['C:\\suite\\proposals\\wide-arithmetic\\wide-arithmetic.wast', 'proposals/wide-arithmetic'],
  ];
  it.each(cases)('%s is in %s', (path, area) => expect(areaOfPath(path)).toBe(area));
});

describe('featuresForArea', () => {
  it('core areas get WebAssembly 3.0', () => {
    for (const area of ['core', 'simd', 'gc', 'memory64', 'multi-memory', 'annotations']) expect(featuresForArea(area)).toEqual(wasm3FeatureSet);
    expect(wasm3FeatureSet['gc']).toBe(true);
    expect(wasm3FeatureSet['threads']).toBe(false);
  });
  it('threads is 2.0 plus threads, without multi-memory', () => {
    const f = featuresForArea('proposals/threads');
    expect(f).toEqual({ ...wasm2FeatureSet, threads: true });
    expect(f['multiMemory']).toBe(false);
  });
  it('other proposals are 3.0 plus the proposal', () => {
    expect(featuresForArea('proposals/custom-page-sizes')).toEqual({ ...wasm3FeatureSet, customPageSizes: true });
    expect(featuresForArea('proposals/wide-arithmetic')['wideArithmetic']).toBe(true);
    expect(featuresForArea('legacy-exceptions')['legacyExceptions']).toBe(true);
  });
});
