import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Errno } from './constants.js';
import { WasiErrnoError } from './errors.js';
import { HostFs } from './fs/hostfs.js';
import { MemFs } from './fs/memfs.js';
import type { FsDirectory } from './fs/types.js';
import { MAX_PATH_BYTES, decodePath, resolvePath } from './resolve.js';

/**
 * The same tree on both filesystems: sandbox/{file, dir/{inner}, links...} with a secret outside
 * the sandbox (for the host filesystem: next to it on disk).
 */
function memTree(): FsDirectory {
  const fs = new MemFs();
  fs.writeFile('file', 'f');
  fs.writeFile('dir/inner', 'i');
  fs.symlink('file', 'good-link');
  fs.symlink('dir/../file', 'good-dotdot-link');
  fs.symlink('/etc/passwd', 'abs-link');
  fs.symlink('../outside/secret', 'up-link');
  fs.symlink('..', 'dir-up');
  fs.symlink('../../outside', 'dir/deep-up');
  fs.symlink('loop-b', 'loop-a');
  fs.symlink('loop-a', 'loop-b');
  fs.symlink('dir', 'dir-link');
  fs.symlink('..', 'dir/up');
  return fs.openRoot();
}

const tmpRoots: string[] = [];
function hostTree(): FsDirectory {
  const root = mkdtempSync(join(tmpdir(), 'wasi-resolve-'));
  tmpRoots.push(root);
  const s = join(root, 'sandbox');
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret'), 'secret');
  mkdirSync(join(s, 'dir'), { recursive: true });
  writeFileSync(join(s, 'file'), 'f');
  writeFileSync(join(s, 'dir', 'inner'), 'i');
  symlinkSync('file', join(s, 'good-link'));
  symlinkSync('dir/../file', join(s, 'good-dotdot-link'));
  symlinkSync('/etc/passwd', join(s, 'abs-link'));
  symlinkSync('../outside/secret', join(s, 'up-link'));
  symlinkSync('..', join(s, 'dir-up'));
  symlinkSync('../../outside', join(s, 'dir', 'deep-up'));
  symlinkSync('loop-b', join(s, 'loop-a'));
  symlinkSync('loop-a', join(s, 'loop-b'));
  symlinkSync('dir', join(s, 'dir-link'));
  symlinkSync('..', join(s, 'dir', 'up'));
  return new HostFs(s).openRoot();
}

afterAll(() => {
  for (const r of tmpRoots) rmSync(r, { recursive: true, force: true });
});

function outcome(root: FsDirectory, path: string, follow: boolean): string {
  try {
    const r = resolvePath(root, path, follow);
    const what = `${r.name}${r.trailingSlash ? '/' : ''}`;
    let kind = '';
    try {
      kind = ` ${r.dir.lookup(r.name).filetype}`;
    } catch {
      kind = ' missing';
    }
    r.release();
    return `ok ${what}${kind}`;
  } catch (e) {
    if (e instanceof WasiErrnoError) return `errno ${e.errno}`;
    throw e;
  }
}

const ESC = `errno ${Errno.NOTCAPABLE}`;
/** [path, follow, expected]: filetype 4 = regular file, 3 = directory, 7 = symlink. */
const table: [string, boolean, string][] = [
  ['file', false, 'ok file 4'],
  ['./dir/../file', false, 'ok file 4'],
  ['dir//inner', false, 'ok inner 4'],
  ['dir/', false, 'ok dir/ 3'],
  ['.', false, 'ok . 3'],
  ['dir/..', false, 'ok . 3'],
  ['new-file', false, 'ok new-file missing'],
  ['nodir/x', false, `errno ${Errno.NOENT}`],
  ['file/x', false, `errno ${Errno.NOTDIR}`],
  ['', false, `errno ${Errno.NOENT}`],
  // Escapes: absolute paths and `..` above the start.
  ['/etc/passwd', false, ESC],
  ['/', false, ESC],
  ['..', false, ESC],
  ['../outside/secret', false, ESC],
  ['dir/../../outside/secret', false, ESC],
  ['dir/../dir/../../outside', true, ESC],
  // Symlinks: not followed at the end unless asked; followed in the middle, under the same rules.
  ['good-link', false, 'ok good-link 7'],
  ['good-link', true, 'ok file 4'],
  ['good-dotdot-link', true, 'ok file 4'],
  ['dir-link/inner', false, 'ok inner 4'],
  ['abs-link', false, 'ok abs-link 7'],
  ['abs-link', true, ESC],
  ['up-link', true, ESC],
  ['dir-up/outside/secret', false, ESC],
  ['dir-up/file', false, ESC],
  ['dir/up/file', false, 'ok file 4'],
  ['dir/up/dir/up/dir/inner', false, 'ok inner 4'],
  ['dir/up/..', false, ESC],
  ['dir/deep-up/secret', false, ESC],
  ['dir/deep-up', true, ESC],
  ['dir-link/deep-up/secret', false, ESC],
  ['loop-a', false, 'ok loop-a 7'],
  ['loop-a', true, `errno ${Errno.LOOP}`],
  ['loop-a/x', false, `errno ${Errno.LOOP}`],
  // A trailing slash follows a final symlink.
  ['dir-link/', false, 'ok dir/ 3'],
];

describe.each([
  ['MemFs', memTree],
  ['HostFs', hostTree],
])('resolvePath on %s', (_name, make) => {
  const root = make();
  it.each(table)('%s (follow %s) -> %s', (path, follow, expected) => {
    expect(outcome(root, path, follow)).toBe(expected);
  });

  it('gives every directory handle its own root', () => {
    const r = resolvePath(root, 'dir', false);
    const dir = r.dir.openDir(r.name);
    r.release();
    expect(outcome(dir, 'inner', false)).toBe('ok inner 4');
    expect(outcome(dir, '../file', false)).toBe(ESC);
    expect(outcome(dir, 'deep-up/secret', false)).toBe(ESC);
    dir.close();
  });
});

describe('decodePath', () => {
  it('accepts UTF-8 and rejects malformed paths', () => {
    expect(decodePath(new TextEncoder().encode('ä/😀'))).toBe('ä/😀');
    const code = (b: Uint8Array): number => {
      try {
        decodePath(b);
        return 0;
      } catch (e) {
        return (e as WasiErrnoError).errno;
      }
    };
    expect(code(new Uint8Array([0x61, 0xff]))).toBe(Errno.ILSEQ);
    expect(code(new Uint8Array([0x61, 0, 0x62]))).toBe(Errno.INVAL);
    expect(code(new Uint8Array(MAX_PATH_BYTES + 1).fill(0x61))).toBe(Errno.NAMETOOLONG);
  });

  it('limits component length and depth', () => {
    const fs = new MemFs();
    fs.symlink('a'.repeat(256), 'long');
    expect(outcome(fs.openRoot(), 'long', true)).toBe(`errno ${Errno.NAMETOOLONG}`);
    fs.mkdirp(Array(300).fill('d').join('/'));
    expect(outcome(fs.openRoot(), `${Array(200).fill('d').join('/')}/x`, false)).toBe('ok x missing');
    expect(outcome(fs.openRoot(), `${Array(300).fill('d').join('/')}/x`, false)).toBe(`errno ${Errno.NAMETOOLONG}`);
    // Symlinks that expand to ever longer paths stop at the expansion limit.
    fs.symlink('s/s', 's');
    expect(outcome(fs.openRoot(), 's/x', false)).toBe(`errno ${Errno.LOOP}`);
  });
});
