import { describe, expect, it } from 'vitest';
import { Errno, Filetype } from '../constants.js';
import { WasiErrnoError } from '../errors.js';
import { MemFs } from './memfs.js';
import type { FsDirectory, FsFile } from './types.js';

const RW = { create: false, exclusive: false, truncate: false, directory: false, read: true, write: true };
const errnoOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof WasiErrnoError) return e.errno;
    throw e;
  }
  return 0;
};

describe('MemFs', () => {
  it('creates, writes, reads and truncates files', () => {
    const fs = new MemFs();
    const root = fs.openRoot();
    const f = root.open('a.txt', { ...RW, create: true }) as FsFile;
    expect(f.kind).toBe('file');
    expect(f.write(new TextEncoder().encode('hello'), 0n)).toBe(5);
    expect(f.write(new TextEncoder().encode('!'), 8n)).toBe(1);
    expect(f.stat().size).toBe(9n);
    const buf = new Uint8Array(16);
    expect(f.read(buf, 0n)).toBe(9);
    expect([...buf.subarray(5, 9)]).toEqual([0, 0, 0, 33]);
    expect(f.read(buf, 100n)).toBe(0);
    f.truncate(2n);
    expect(new TextDecoder().decode(fs.readFile('a.txt'))).toBe('he');
    expect(errnoOf(() => f.write(new Uint8Array(1), 1n << 40n))).toBe(Errno.FBIG);
  });

  it('reports POSIX errors for open', () => {
    const fs = new MemFs();
    fs.writeFile('f', 'x');
    fs.mkdirp('d');
    fs.symlink('f', 'l');
    const root = fs.openRoot();
    expect(errnoOf(() => root.open('nope', RW))).toBe(Errno.NOENT);
    expect(errnoOf(() => root.open('f', { ...RW, create: true, exclusive: true }))).toBe(Errno.EXIST);
    expect(errnoOf(() => root.open('d', RW))).toBe(Errno.ISDIR);
    expect(errnoOf(() => root.open('f', { ...RW, write: false, directory: true }))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => root.open('l', RW))).toBe(Errno.LOOP);
    expect((root.open('d', { ...RW, write: false }) as FsDirectory).kind).toBe('dir');
    expect(errnoOf(() => root.openDir('l'))).toBe(Errno.LOOP);
    expect(errnoOf(() => root.openDir('f'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => root.lookup('a/b'))).toBe(Errno.INVAL);
  });

  it('handles directories, rename rules and hard links', () => {
    const fs = new MemFs();
    const root = fs.openRoot();
    root.mkdir('a');
    expect(errnoOf(() => root.mkdir('a'))).toBe(Errno.EXIST);
    const a = root.openDir('a');
    a.mkdir('b');
    (a.open('f', { ...RW, create: true }) as FsFile).write(new Uint8Array([1, 2, 3]), 0n);
    expect(errnoOf(() => root.rmdir('a'))).toBe(Errno.NOTEMPTY);
    expect(errnoOf(() => a.rmdir('f'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => a.unlink('b'))).toBe(Errno.ISDIR);
    expect(errnoOf(() => root.rename('a', a.openDir('b'), 'x'))).toBe(Errno.INVAL);
    expect(errnoOf(() => a.rename('f', a, 'b'))).toBe(Errno.ISDIR);
    a.link('f', root, 'hard');
    expect(root.lookup('hard').nlink).toBe(2n);
    expect(root.lookup('hard').ino).toBe(a.lookup('f').ino);
    a.unlink('f');
    expect(root.lookup('hard').nlink).toBe(1n);
    expect(errnoOf(() => root.link('a', root, 'alink'))).toBe(Errno.PERM);
    root.rename('a', root, 'c');
    expect(fs.list()).toEqual(['c', 'hard']);
    const names = root.readdir().map((e) => `${e.name}:${e.filetype}`).sort();
    expect(names).toEqual(['..:3', '.:3', `c:${Filetype.DIRECTORY}`, `hard:${Filetype.REGULAR_FILE}`]);
    expect(errnoOf(() => root.rename('c', new MemFs().openRoot(), 'x'))).toBe(Errno.XDEV);
  });

  it('stores symlinks as strings and sets times without following', () => {
    const fs = new MemFs();
    const root = fs.openRoot();
    root.symlink('/etc/passwd', 'abs');
    expect(root.readlink('abs')).toBe('/etc/passwd');
    expect(root.lookup('abs').filetype).toBe(Filetype.SYMBOLIC_LINK);
    expect(root.lookup('abs').size).toBe(11n);
    expect(errnoOf(() => root.readlink('.'))).toBe(Errno.INVAL);
    root.setTimesAt('abs', 5n, null);
    expect(root.lookup('abs').atim).toBe(5n);
    expect(root.lookup('abs').mtim).not.toBe(5n);
  });
});
