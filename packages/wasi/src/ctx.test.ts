import { describe, expect, it } from 'vitest';
import { Filetype, RIGHTS_DIRECTORY } from './constants.js';
import { WasiCtxBuilder } from './ctx.js';
import { WasiConfigError } from './errors.js';
import { MemFs } from './fs/memfs.js';
import { CallbackOutputStream } from './streams.js';

describe('WasiCtxBuilder', () => {
  it('builds stdio and preopens in order', () => {
    const chunks: string[] = [];
    const ctx = new WasiCtxBuilder().stdout(new CallbackOutputStream((b) => chunks.push(new TextDecoder().decode(b))))
      .preopenedFs(new MemFs(), '/a').preopenedFs(new MemFs(), '/b', { write: false }).build();
    expect([...ctx.fds.keys()]).toEqual([0, 1, 2, 3, 4]);
    const b = ctx.get(4);
    expect(b.kind).toBe('dir');
    if (b.kind === 'dir') {
      expect(b.preopenPath).toBe('/b');
      expect(b.perms).toEqual({ read: true, write: false });
      expect(b.rightsBase).toBe(RIGHTS_DIRECTORY);
    }
    const out = ctx.get(1);
    expect(out.kind === 'stream' && out.filetype).toBe(Filetype.UNKNOWN);
    if (out.kind === 'stream') out.output!.write(new TextEncoder().encode('x'));
    expect(chunks).toEqual(['x']);
    ctx.close();
    expect(ctx.fds.size).toBe(0);
  });

  it('takes the environment from pairs, records and the host', () => {
    const ctx = new WasiCtxBuilder().env([['A', '1']]).env({ B: '2' }).build();
    expect(ctx.env.map((e) => new TextDecoder().decode(e))).toEqual(['A=1', 'B=2']);
    process.env.WASI_TEST_INHERIT = 'yes';
    const inherited = new WasiCtxBuilder().inheritEnv().build();
    expect(inherited.env.map((e) => new TextDecoder().decode(e))).toContain('WASI_TEST_INHERIT=yes');
    expect(() => new WasiCtxBuilder().env([['A=B', 'x']])).toThrow(WasiConfigError);
    expect(() => new WasiCtxBuilder().preopenedFs(new MemFs(), '')).toThrow(WasiConfigError);
    expect(() => new WasiCtxBuilder().preopenedDir('/definitely/not/here', '/x').build()).toThrow(WasiConfigError);
  });
});
