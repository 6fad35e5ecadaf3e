import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallbackOutputStream, CaptureOutputStream, HostFdStream, MemoryInputStream } from './streams.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('streams', () => {
  it('reads memory input in pieces until the end', () => {
    const s = new MemoryInputStream('abcdef');
    expect(new TextDecoder().decode(s.read(4))).toBe('abcd');
    expect(s.remaining).toBe(2);
    expect(new TextDecoder().decode(s.read(4))).toBe('ef');
    expect(s.read(4).length).toBe(0);
  });

  it('captures output up to its limit', () => {
    const c = new CaptureOutputStream(5);
    c.write(enc('abc'));
    c.write(enc('defg'));
    c.write(enc('h'));
    expect(c.text()).toBe('abcde');
    const seen: number[] = [];
    new CallbackOutputStream((b) => seen.push(b.length)).write(enc('xyz'));
    expect(seen).toEqual([3]);
  });

  it('reads and writes a host descriptor without closing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasi-streams-'));
    try {
      const path = join(dir, 'f');
      const wfd = openSync(path, 'w');
      const out = new HostFdStream(wfd);
      expect(out.isatty).toBe(false);
      out.write(enc('hello host'));
      closeSync(wfd);
      expect(readFileSync(path, 'utf8')).toBe('hello host');
      const rfd = openSync(path, 'r');
      const input = new HostFdStream(rfd);
      expect(new TextDecoder().decode(input.read(5))).toBe('hello');
      expect(new TextDecoder().decode(input.read(100))).toBe(' host');
      expect(input.read(100).length).toBe(0);
      closeSync(rfd);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
