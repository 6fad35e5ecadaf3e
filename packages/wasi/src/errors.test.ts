import { describe, expect, it } from 'vitest';
import { WasmtideError } from '@wasmtide/parser';
import { Errno } from './constants.js';
import { WasiErrnoError, WasiExit, WasiSignal, errnoFromHostCode, errnoName, errnoOf } from './errors.js';

describe('errno mapping', () => {
  it.each([
    ['ENOENT', Errno.NOENT, 44],
    ['EEXIST', Errno.EXIST, 20],
    ['ENOTDIR', Errno.NOTDIR, 54],
    ['EISDIR', Errno.ISDIR, 31],
    ['ENOTEMPTY', Errno.NOTEMPTY, 55],
    ['ELOOP', Errno.LOOP, 32],
    ['EACCES', Errno.ACCES, 2],
    ['EPERM', Errno.PERM, 63],
    ['EBADF', Errno.BADF, 8],
    ['EXDEV', Errno.XDEV, 75],
    ['EWOULDBLOCK', Errno.AGAIN, 6],
    ['EOPNOTSUPP', Errno.NOTSUP, 58],
    ['ENAMETOOLONG', Errno.NAMETOOLONG, 37],
    ['EROFS', Errno.ROFS, 69],
    ['SOMETHING_ELSE', Errno.IO, 29],
  ])('%s -> %i', (code, errno, number) => {
    expect(errnoFromHostCode(code)).toBe(errno);
    expect(errno).toBe(number);
  });

  it('names errnos as the witx does', () => {
    expect(errnoName(0)).toBe('success');
    expect(errnoName(1)).toBe('toobig');
    expect(errnoName(76)).toBe('notcapable');
    expect(errnoName(999)).toBe('errno 999');
  });

  it('gets the errno of any thrown value', () => {
    expect(errnoOf(new WasiErrnoError(Errno.SPIPE))).toBe(70);
    expect(errnoOf(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(44);
    expect(errnoOf(new TypeError('bug'))).toBe(Errno.IO);
    expect(errnoOf('string')).toBe(Errno.IO);
  });

  it('derives every error from WasmtideError with a stable code', () => {
    const e = new WasiErrnoError(Errno.NOENT, 'a/b');
    expect(e).toBeInstanceOf(WasmtideError);
    expect(e.code).toBe('wasi-errno');
    expect(e.message).toBe('WASI error noent (44): a/b');
    const x = new WasiExit(3);
    expect(x.code).toBe('wasi-exit');
    expect(x.exitCode).toBe(3);
    const s = new WasiSignal(15);
    expect(s).toBeInstanceOf(WasiExit);
    expect(s.exitCode).toBe(143);
    expect(s.signal).toBe(15);
  });
});
