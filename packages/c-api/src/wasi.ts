/**
 * `wasi_config_t`: WASI preview1 configuration through `@wasmtide/wasi`'s `WasiCtxBuilder`
 * (`wasi_config_new`, `_set_argv`, `_inherit_argv`, `_set_env`, `_inherit_env`, `_set_stdin_bytes`,
 * `_inherit_stdin/stdout/stderr`, `_set_stdin/stdout/stderr_file`, `_preopen_dir`), and
 * `wasmtime_context_set_wasi`.
 * @module
 */
import { CallbackOutputStream, HostFdStream, WasiCtxBuilder } from '@wasmtide/wasi';
import { errorFrom, type wasmtime_error_t } from './error.js';
import { drop, Handle, use } from './handle.js';
import { ctxStore, isMisuse, wasmtime_context_t } from './objects.js';
import { freeVec, type wasm_byte_vec_t } from './vec.js';

/** `wasi_config_t`: how a WASI guest sees the world (owned until given to `wasmtime_context_set_wasi`). */
export class wasi_config_t extends Handle {
  /** @internal */
  readonly builder = new WasiCtxBuilder();
  /** @internal */
  constructor() {
    super('wasi_config_t');
  }
}

const CFG = 'a wasi_config_t';

/** Opens a host file for a standard stream; null when the host refuses (missing, no permission). */
function hostFile(path: string, mode: 'r' | 'w'): HostFdStream | null {
  try {
    return HostFdStream.openFile(path, mode);
  } catch {
    return null;
  }
}

function ok(f: () => void): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isMisuse(e)) throw e;
    return false;
  }
}

/** `wasi_config_new()`: own; no arguments, no environment, empty stdin, discarded output, no preopens. */
export function wasi_config_new(): wasi_config_t {
  return new wasi_config_t();
}
/** `wasi_config_delete(config)`. */
export function wasi_config_delete(config: wasi_config_t | null): void {
  drop('wasi_config_delete', config, wasi_config_t, CFG);
}
/** `wasi_config_set_argv(config, argv)`: the guest's arguments, `argv[0]` included (C's `argc` is `argv.length`). */
export function wasi_config_set_argv(config: wasi_config_t, argv: readonly string[]): boolean {
  const c = use('wasi_config_set_argv', config, wasi_config_t, CFG);
  return ok(() => c.builder.args(argv));
}
/** `wasi_config_inherit_argv(config)`: the host process's arguments. */
export function wasi_config_inherit_argv(config: wasi_config_t): void {
  use('wasi_config_inherit_argv', config, wasi_config_t, CFG).builder.inheritArgs();
}
/** `wasi_config_set_env(config, names, values)`: false if a name is invalid (empty, or with `=` or NUL). */
export function wasi_config_set_env(config: wasi_config_t, names: readonly string[], values: readonly string[]): boolean {
  const c = use('wasi_config_set_env', config, wasi_config_t, CFG);
  return ok(() => c.builder.env(names.map((n, i) => [n, values[i] ?? ''] as const)));
}
/** `wasi_config_inherit_env(config)`: the host process's environment. */
export function wasi_config_inherit_env(config: wasi_config_t): void {
  use('wasi_config_inherit_env', config, wasi_config_t, CFG).builder.inheritEnv();
}
/** `wasi_config_set_stdin_bytes(config, binary)`: stdin reads these bytes; takes ownership of `binary`. */
export function wasi_config_set_stdin_bytes(config: wasi_config_t, binary: wasm_byte_vec_t): void {
  const c = use('wasi_config_set_stdin_bytes', config, wasi_config_t, CFG);
  c.builder.stdin(binary.data.slice(0, binary.size));
  freeVec('wasi_config_set_stdin_bytes', 'wasm_byte_vec_t', binary);
}
/** `wasi_config_inherit_stdin(config)`: the host process's stdin. */
export function wasi_config_inherit_stdin(config: wasi_config_t): void {
  use('wasi_config_inherit_stdin', config, wasi_config_t, CFG).builder.inheritStdin();
}
/** `wasi_config_inherit_stdout(config)`: the host process's stdout. */
export function wasi_config_inherit_stdout(config: wasi_config_t): void {
  use('wasi_config_inherit_stdout', config, wasi_config_t, CFG).builder.inheritStdout();
}
/** `wasi_config_inherit_stderr(config)`: the host process's stderr. */
export function wasi_config_inherit_stderr(config: wasi_config_t): void {
  use('wasi_config_inherit_stderr', config, wasi_config_t, CFG).builder.inheritStderr();
}
/** `wasi_config_set_stdin_file(config, path)`: stdin reads the host file `path`; false if it cannot be opened. */
export function wasi_config_set_stdin_file(config: wasi_config_t, path: string): boolean {
  const c = use('wasi_config_set_stdin_file', config, wasi_config_t, CFG);
  const f = hostFile(path, 'r');
  return f !== null && ok(() => c.builder.stdin(f));
}
/** `wasi_config_set_stdout_file(config, path)`: stdout writes the host file `path` (created or truncated); false on failure. */
export function wasi_config_set_stdout_file(config: wasi_config_t, path: string): boolean {
  const c = use('wasi_config_set_stdout_file', config, wasi_config_t, CFG);
  const f = hostFile(path, 'w');
  return f !== null && ok(() => c.builder.stdout(f));
}
/** `wasi_config_set_stderr_file(config, path)`: stderr writes the host file `path` (created or truncated); false on failure. */
export function wasi_config_set_stderr_file(config: wasi_config_t, path: string): boolean {
  const c = use('wasi_config_set_stderr_file', config, wasi_config_t, CFG);
  const f = hostFile(path, 'w');
  return f !== null && ok(() => c.builder.stderr(f));
}
/** wasmtide extension: the guest's stdout goes to `callback(bytes)`, write by write. */
export function wasmtide_wasi_config_set_stdout_callback(config: wasi_config_t, callback: (bytes: Uint8Array) => void): void {
  use('wasmtide_wasi_config_set_stdout_callback', config, wasi_config_t, CFG).builder.stdout(new CallbackOutputStream(callback));
}
/** wasmtide extension: the guest's stderr goes to `callback(bytes)`, write by write. */
export function wasmtide_wasi_config_set_stderr_callback(config: wasi_config_t, callback: (bytes: Uint8Array) => void): void {
  use('wasmtide_wasi_config_set_stderr_callback', config, wasi_config_t, CFG).builder.stderr(new CallbackOutputStream(callback));
}

/** Directory permission: read. */
export const WASMTIME_WASI_DIR_PERMS_READ = 1;
/** Directory permission: write. */
export const WASMTIME_WASI_DIR_PERMS_WRITE = 2;
/** File permission: read. */
export const WASMTIME_WASI_FILE_PERMS_READ = 1;
/** File permission: write. */
export const WASMTIME_WASI_FILE_PERMS_WRITE = 2;

/**
 * `wasi_config_preopen_dir(config, path, guestPath, dirPerms, filePerms)`: makes host directory
 * `path` visible to the guest as `guestPath`, sandboxed to it. Permissions default to read and
 * write; write is granted if either `dirPerms` or `filePerms` has the write bit.
 */
export function wasi_config_preopen_dir(config: wasi_config_t, path: string, guestPath: string, dirPerms = 3, filePerms = 3): boolean {
  const c = use('wasi_config_preopen_dir', config, wasi_config_t, CFG);
  return ok(() => c.builder.preopenedDir(path, guestPath, { read: (dirPerms & 1) !== 0, write: ((dirPerms | filePerms) & 2) !== 0 }));
}

/** `wasmtime_context_set_wasi(context, config)`: installs the WASI context in the store; takes ownership of `config`. */
export function wasmtime_context_set_wasi(context: wasmtime_context_t, config: wasi_config_t): wasmtime_error_t | null {
  const fn = 'wasmtime_context_set_wasi';
  const s = ctxStore(fn, context);
  const c = use(fn, config, wasi_config_t, CFG);
  c.kill();
  try {
    s.store.data.wasi?.close();
    s.store.data.wasi = c.builder.build();
    return null;
  } catch (e) {
    return errorFrom(e);
  }
}
