/**
 * Standard input, output and error: the stream interfaces a WASI context reads and writes, and the
 * ready-made ones (in-memory input, captured output, the host process's own stdio).
 * @module
 */
import type * as NodeFs from 'node:fs';
import type * as NodeTty from 'node:tty';
import { Errno } from './constants.js';
import { WasiErrnoError, errnoOf } from './errors.js';
import { nodeModule } from './node.js';

/** Where a guest's standard input comes from. */
export interface WasiInputStream {
  /** Reads up to `max` bytes; an empty array means end of input. May block. */
  read(max: number): Uint8Array;
  /** Whether it is a terminal (wasi-libc's `isatty`). */
  readonly isatty?: boolean;
}

/** Where a guest's standard output or error goes. */
export interface WasiOutputStream {
  /** Writes all of `data` (which the stream may keep: it is a copy). */
  write(data: Uint8Array): void;
  /** Flushes buffered data, if the stream buffers. */
  flush?(): void;
  /** Whether it is a terminal (wasi-libc's `isatty`). */
  readonly isatty?: boolean;
}

/** Standard input fed from bytes or a string given up front. */
export class MemoryInputStream implements WasiInputStream {
  #data: Uint8Array;
  #pos = 0;
  /** A stream over `data` (a string is encoded as UTF-8); empty by default. */
  constructor(data: Uint8Array | string = new Uint8Array(0)) {
    this.#data = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }
  read(max: number): Uint8Array {
    const n = Math.min(max, this.#data.length - this.#pos);
    const out = this.#data.subarray(this.#pos, this.#pos + n);
    this.#pos += n;
    return out;
  }
  /** Bytes not read yet. */
  get remaining(): number {
    return this.#data.length - this.#pos;
  }
}

/** Output collected in memory; read it back with {@link CaptureOutputStream.bytes} or `.text()`. */
export class CaptureOutputStream implements WasiOutputStream {
  #chunks: Uint8Array[] = [];
  #length = 0;
  /** Most bytes kept (later output is dropped), so a chatty guest cannot exhaust host memory. */
  readonly limit: number;
  /** A stream keeping at most `limit` bytes (256 MiB by default). */
  constructor(limit = 256 * 1024 * 1024) {
    this.limit = limit;
  }
  write(data: Uint8Array): void {
    const room = this.limit - this.#length;
    if (room <= 0) return;
    const part = data.length > room ? data.subarray(0, room) : data;
    this.#chunks.push(part);
    this.#length += part.length;
  }
  /** Everything written so far. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  /** Everything written so far, decoded as UTF-8. */
  text(): string {
    return new TextDecoder().decode(this.bytes());
  }
}

/** Output handed to a callback, chunk by chunk. */
export class CallbackOutputStream implements WasiOutputStream {
  readonly #fn: (data: Uint8Array) => void;
  /** A stream passing each chunk the guest writes to `fn`. */
  constructor(fn: (data: Uint8Array) => void) {
    this.#fn = fn;
  }
  write(data: Uint8Array): void {
    this.#fn(data);
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * One of the host process's own descriptors (0, 1 or 2), read and written synchronously. Closing
 * it from the guest (fd_close, fd_renumber over it) never closes the host descriptor.
 */
export class HostFdStream implements WasiInputStream, WasiOutputStream {
  /** The host descriptor. */
  readonly fd: number;
  readonly isatty: boolean;
  readonly #fs: typeof NodeFs;
  /**
   * Opens the host file `path` as a stream (Node only): `'r'` to read it (stdin), `'w'` to create
   * or truncate it for writing (stdout, stderr). Throws the host's error if it cannot be opened.
   */
  static openFile(path: string, mode: 'r' | 'w'): HostFdStream {
    return new HostFdStream(nodeModule<typeof NodeFs>('node:fs').openSync(path, mode));
  }
  /** Throws `WasiConfigError` outside Node. */
  constructor(fd: number) {
    this.fd = fd;
    this.#fs = nodeModule<typeof NodeFs>('node:fs');
    this.isatty = nodeModule<typeof NodeTty>('node:tty').isatty(fd);
  }
  read(max: number): Uint8Array {
    const buf = new Uint8Array(Math.min(max, 1 << 20));
    for (;;) {
      try {
        const n = this.#fs.readSync(this.fd, buf, 0, buf.length, null);
        return buf.subarray(0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          sleepMs(10);
          continue;
        }
        if (code === 'EOF') return new Uint8Array(0);
        throw new WasiErrnoError(errnoOf(e));
      }
    }
  }
  write(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      try {
        at += this.#fs.writeSync(this.fd, data, at, data.length - at);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') {
          sleepMs(1);
          continue;
        }
        throw new WasiErrnoError(errnoOf(e) || Errno.IO);
      }
    }
  }
}
