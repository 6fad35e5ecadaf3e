import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Errno, Filetype } from '../constants.js';
import { WasiConfigError, WasiErrnoError } from '../errors.js';
import { HostFs } from './hostfs.js';
import type { FsFile } from './types.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tree() {
  const root = mkdtempSync(join(tmpdir(), 'wasi-hostfs-'));
  roots.push(root);
  const sandbox = join(root, 'sandbox');
  const outside = join(root, 'outside');
  mkdirSync(join(sandbox, 'dir'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), 'secret');
  writeFileSync(join(sandbox, 'file'), 'inside');
  return { root, sandbox, outside };
}
const errno = (f: () => unknown): number => {
  try {
    f();
    return 0;
  } catch (e) {
    if (e instanceof WasiErrnoError) return e.errno;
    throw e;
  }
};
const READ = { create: false, exclusive: false, truncate: false, directory: false, read: true, write: false };
const onLinux = existsSync('/proc/self/fd');

describe('HostFs', () => {
  it('reads, writes and lists through directory handles', () => {
    const { sandbox } = tree();
    const root = new HostFs(sandbox).openRoot();
    const f = root.open('new', { ...READ, create: true, write: true }) as FsFile;
    expect(f.write(new TextEncoder().encode('abc'), 2n)).toBe(3);
    expect(f.stat().size).toBe(5n);
    f.close();
    expect([...readFileSync(join(sandbox, 'new'))]).toEqual([0, 0, 97, 98, 99]);
    const names = root.readdir().map((e) => `${e.name}:${e.filetype}`).sort();
    expect(names).toEqual(['..:3', '.:3', 'dir:3', 'file:4', 'new:4']);
    expect(root.lookup('file').filetype).toBe(Filetype.REGULAR_FILE);
    expect(errno(() => root.lookup('nope'))).toBe(Errno.NOENT);
    root.close();
  });

  it('never follows a planted symlink when opening', () => {
    const { sandbox, outside } = tree();
    symlinkSync(join(outside, 'secret'), join(sandbox, 'planted'));
    symlinkSync(outside, join(sandbox, 'planted-dir'));
    const root = new HostFs(sandbox).openRoot();
    expect(errno(() => root.open('planted', READ))).toBe(Errno.LOOP);
    expect(errno(() => root.open('planted', { ...READ, create: true, write: true }))).toBe(Errno.LOOP);
    expect(errno(() => root.openDir('planted-dir'))).toBe(Errno.LOOP);
    expect(root.lookup('planted').filetype).toBe(Filetype.SYMBOLIC_LINK);
    root.close();
  });

  it('fails, not escapes, when a checked directory is swapped for a symlink (race)', () => {
    const { sandbox, outside } = tree();
    const root = new HostFs(sandbox).openRoot();
    // The resolver saw a directory here ...
    expect(root.lookup('dir').filetype).toBe(Filetype.DIRECTORY);
    // ... then the host swaps it for a link to the outside before it is opened.
    rmSync(join(sandbox, 'dir'), { recursive: true });
    symlinkSync(outside, join(sandbox, 'dir'));
    expect(errno(() => root.openDir('dir'))).toBe(Errno.LOOP);
    expect(errno(() => root.open('dir', READ))).toBe(Errno.LOOP);
    root.close();
  });

  it.skipIf(!onLinux)('stays on the opened directory when the host path is moved', () => {
    const { root: base, sandbox } = tree();
    const root = new HostFs(sandbox).openRoot();
    renameSync(sandbox, join(base, 'moved'));
    mkdirSync(sandbox);
    writeFileSync(join(sandbox, 'file'), 'impostor');
    const f = root.open('file', READ) as FsFile;
    const buf = new Uint8Array(16);
    const n = f.read(buf, 0n);
    expect(new TextDecoder().decode(buf.subarray(0, n))).toBe('inside');
    f.close();
    root.close();
  });

  it('rejects bad names and bad preopens', () => {
    const { sandbox } = tree();
    const root = new HostFs(sandbox).openRoot();
    expect(errno(() => root.lookup('..'))).toBe(Errno.INVAL);
    expect(errno(() => root.lookup('a/b'))).toBe(Errno.INVAL);
    root.close();
    expect(() => new HostFs(join(sandbox, 'missing')).openRoot()).toThrow(WasiConfigError);
    expect(() => new HostFs(join(sandbox, 'file')).openRoot()).toThrow(WasiConfigError);
  });
});
