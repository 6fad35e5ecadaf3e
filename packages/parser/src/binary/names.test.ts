import { describe, expect, it } from 'vitest';
import { mod, sec, str, u, vec } from './builder.test-helper.js';
import { decodeModule } from './decode.js';
import { decodeNameSection } from './names.js';

function sub(id: number, content: number[]): number[] {
  return [id, ...u(content.length), ...content];
}

function names(...subsections: number[][]): ReturnType<typeof decodeNameSection> {
  const payload = Uint8Array.from(subsections.flat());
  return decodeNameSection(payload, 0, payload.length);
}

describe('decodeNameSection', () => {
  it('decodes module, function and local names', () => {
    const n = names(
      sub(0, str('m')),
      sub(1, vec([[0, ...str('f0')], [3, ...str('f3')]])),
      sub(2, vec([[3, ...vec([[0, ...str('a')], [1, ...str('b')]])]])),
    );
    expect(n?.module).toBe('m');
    expect([...n!.funcs]).toEqual([
      [0, 'f0'],
      [3, 'f3'],
    ]);
    expect([...n!.locals.get(3)!]).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });

  it('decodes the extended subsections', () => {
    const one = (name: string): number[] => vec([[1, ...str(name)]]);
    const n = names(
      sub(3, vec([[0, ...vec([[2, ...str('label')]])]])),
      sub(4, one('type')),
      sub(5, one('table')),
      sub(6, one('memory')),
      sub(7, one('global')),
      sub(8, one('elem')),
      sub(9, one('data')),
      sub(10, vec([[4, ...vec([[0, ...str('field')]])]])),
      sub(11, one('tag')),
    );
    expect(n).not.toBeNull();
    expect(n!.labels.get(0)?.get(2)).toBe('label');
    expect(n!.types.get(1)).toBe('type');
    expect(n!.tables.get(1)).toBe('table');
    expect(n!.memories.get(1)).toBe('memory');
    expect(n!.globals.get(1)).toBe('global');
    expect(n!.elems.get(1)).toBe('elem');
    expect(n!.datas.get(1)).toBe('data');
    expect(n!.fields.get(4)?.get(0)).toBe('field');
    expect(n!.tags.get(1)).toBe('tag');
  });

  it('skips unknown subsections', () => {
    expect(names(sub(0x20, [1, 2, 3]), sub(0x21, []))?.funcs.size).toBe(0);
  });

  const malformed: [string, number[][]][] = [
    ['truncated subsection', [[1, 10, 0]]],
    ['subsection size mismatch', [sub(0, [...str('m'), 0])]],
    ['bad UTF-8', [sub(0, [1, 0xff])]],
    ['duplicate subsection', [sub(0, str('a')), sub(0, str('b'))]],
    ['out of order', [sub(1, vec([])), sub(0, str('a'))]],
    ['huge count', [sub(1, [0xff, 0xff, 0xff, 0xff, 0x0f])]],
  ];
  it.each(malformed)('ignores a malformed section: %s', (_name, parts) => {
    expect(names(...parts)).toBeNull();
  });

  it('is never fatal to the module', () => {
    const m = decodeModule(mod(sec(0, str('name'), [1, 10, 0])));
    expect(m.names).toBeNull();
    expect(m.customs.map((c) => c.name)).toEqual(['name']);
    const ok = decodeModule(mod(sec(0, str('name'), sub(0, str('hello')))));
    expect(ok.names?.module).toBe('hello');
  });
});
