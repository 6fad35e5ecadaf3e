import { describe, expect, it } from 'vitest';
import { WasiConfigError } from './errors.js';
import { HostFs } from './fs/hostfs.js';
import { nodeModule } from './node.js';
import { HostFdStream } from './streams.js';

describe('nodeModule', () => {
  it('loads built-ins lazily and fails clearly without Node', () => {
    expect(typeof nodeModule<{ readFileSync: unknown }>('node:fs').readFileSync).toBe('function');
    const proc = process as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      expect(() => nodeModule('node:fs')).toThrow(WasiConfigError);
      expect(() => new HostFdStream(1)).toThrow(/Node\.js/);
      // Constructing a HostFs is fine; opening it needs Node.
      const fs = new HostFs('/tmp');
      expect(() => fs.openRoot()).toThrow(WasiConfigError);
    } finally {
      proc.getBuiltinModule = saved;
    }
  });
});
