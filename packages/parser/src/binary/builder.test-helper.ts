/**
 * Test-only helpers to write small binary modules by hand: LEB128s, names, vectors, sections.
 * @module
 */

/** Unsigned LEB128 of a non-negative integer. */
export function u(n: number): number[] {
  const out: number[] = [];
  let x = n;
  do {
    let b = x % 128;
    x = Math.floor(x / 128);
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
  return out;
}

/** Signed LEB128 of an integer. */
export function s(n: number): number[] {
  const out: number[] = [];
  let x = n;
  for (;;) {
    const b = ((x % 128) + 128) % 128;
    x = Math.floor(x / 128);
    if ((x === 0 && !(b & 0x40)) || (x === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A name: length and UTF-8 bytes. */
export function str(text: string): number[] {
  const b = [...new TextEncoder().encode(text)];
  return [...u(b.length), ...b];
}

/** A vector of pre-encoded items. */
export function vec(items: number[][]): number[] {
  return [...u(items.length), ...items.flat()];
}

/** A section with its id and size. */
export function sec(id: number, ...content: number[][]): number[] {
  const body = content.flat();
  return [id, ...u(body.length), ...body];
}

/** The 8-byte header. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** A module: header plus sections. */
export function mod(...sections: number[][]): Uint8Array {
  return Uint8Array.from([...HEADER, ...sections.flat()]);
}

/** A code entry: size, locals (`[count, ...type bytes]`) and instruction bytes (final `end` included by the caller). */
export function body(locals: [number, ...number[]][], code: number[]): number[] {
  const inner = [...vec(locals.map(([n, ...t]) => [...u(n), ...t])), ...code];
  return [...u(inner.length), ...inner];
}

/** Type section with one `(func)` type, function section with `n` functions of type 0. */
export function oneFuncType(n = 1): number[] {
  return [...sec(1, vec([[0x60, 0, 0]])), ...sec(3, vec(Array.from({ length: n }, () => [0])))];
}
