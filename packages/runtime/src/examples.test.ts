import { afterEach, describe, expect, it, vi } from 'vitest';

/** Runs an example module (top-level code) and returns what it printed with console.log. */
async function runExample(file: string): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ `../../../examples/${file}?run=${Date.now()}`);
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe('examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['hello.mjs', ['Hello, world! (the guest says 42)']],
    ['memory-string.mjs', ['Hello from linear memory!', 'strings printed: 1']],
    ['linker.mjs', ['log: 144']],
  ])('%s prints its documented output', async (file, expected) => {
    expect(await runExample(file)).toEqual(expected);
  });
});
