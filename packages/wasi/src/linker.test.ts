import { describe, expect, it } from 'vitest';
import { WasiCtxBuilder } from './ctx.js';
import type { WasiCtx } from './ctx.js';
import { WasiExit } from './errors.js';
import { WASI_FUNC_TYPES } from './imports.js';
import { addToLinker } from './linker.js';
import type { WasiCallerLike, WasiLinkerLike } from './linker.js';
import { CaptureOutputStream } from './streams.js';

/** A linker that records definitions, and a caller whose memory export has a `buffer`. */
class FakeLinker<T> implements WasiLinkerLike<T> {
  defs = new Map<string, { type: unknown; fn: (caller: WasiCallerLike<T>, ...args: never[]) => unknown }>();
  funcWrap(module: string, name: string, type: unknown, fn: (caller: WasiCallerLike<T>, ...args: never[]) => unknown): this {
    this.defs.set(`${module}::${name}`, { type, fn });
    return this;
  }
}

describe('addToLinker', () => {
  it('defines every function and reaches the context and memory through the caller', () => {
    const out = new CaptureOutputStream();
    const store = { wasi: new WasiCtxBuilder().stdout(out).build() as WasiCtx };
    const linker = new FakeLinker<typeof store>();
    addToLinker(linker, (s) => s.wasi);
    expect(linker.defs.size).toBe(Object.keys(WASI_FUNC_TYPES).length);
    expect(linker.defs.get('wasi_snapshot_preview1::fd_write')!.type).toEqual(WASI_FUNC_TYPES.fd_write);

    const memory = { buffer: new ArrayBuffer(65536) };
    const caller: WasiCallerLike<typeof store> = { data: () => store, getExport: (n) => (n === 'memory' ? memory : undefined) };
    const u8 = new Uint8Array(memory.buffer);
    const dv = new DataView(memory.buffer);
    u8.set(new TextEncoder().encode('hi!'), 100);
    dv.setUint32(8, 100, true);
    dv.setUint32(12, 3, true);
    const fdWrite = linker.defs.get('wasi_snapshot_preview1::fd_write')!.fn as (c: unknown, ...a: number[]) => number;
    expect(fdWrite(caller, 1, 8, 1, 16)).toBe(0);
    expect(dv.getUint32(16, true)).toBe(3);
    expect(out.text()).toBe('hi!');
    // A memory that offers its bytes through a method taking the store (wasmtime's `data(&store)`).
    const caller2: WasiCallerLike<typeof store> = {
      data: store,
      getExport: () => ({ data: (_s: unknown) => new Uint8Array(memory.buffer) }),
    };
    expect(fdWrite(caller2, 1, 8, 1, 16)).toBe(0);
    expect(out.text()).toBe('hi!hi!');
    const exit = linker.defs.get('wasi_snapshot_preview1::proc_exit')!.fn as (c: unknown, code: number) => void;
    expect(() => exit(caller, 3)).toThrow(WasiExit);
  });
});
