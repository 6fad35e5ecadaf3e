/**
 * `@wasmtide/wasi`: WASI preview1 (`wasi_snapshot_preview1`) for wasmtide and any other host of
 * WebAssembly, with a sandboxed host filesystem and an in-memory one.
 * @module
 */
export {
  Errno, Rights, RIGHTS_ALL, RIGHTS_FILE, RIGHTS_DIRECTORY, RIGHTS_STDIN, RIGHTS_STDOUT, Filetype, Whence, ClockId,
  Advice, Fdflags, Fstflags, Lookupflags, Oflags, Eventtype, Eventrwflags, Subclockflags, Sdflags, Preopentype,
  Signal, Layout,
} from './constants.js';
export type { ErrnoValue } from './constants.js';
export { WasiErrnoError, WasiExit, WasiSignal, WasiConfigError, errnoFromHostCode, errnoName, wasiExitOf } from './errors.js';
export { WasiCtx, WasiCtxBuilder, defaultClocks, MAX_FDS } from './ctx.js';
export type { PreopenPerms, WasiClocks, FdEntry, FileEntry, DirEntry, StreamEntry } from './ctx.js';
export { MemoryInputStream, CaptureOutputStream, CallbackOutputStream, HostFdStream } from './streams.js';
export type { WasiInputStream, WasiOutputStream } from './streams.js';
export type { Filestat, FsDirEntry, FsOpenOptions, FsHandle, FsFile, FsDirectory, WasiFilesystem } from './fs/types.js';
export { MemFs } from './fs/memfs.js';
export { HostFs } from './fs/hostfs.js';
export { resolvePath, decodePath, MAX_SYMLINK_EXPANSIONS, MAX_PATH_BYTES } from './resolve.js';
export type { Resolved } from './resolve.js';
export { wasiImports, WASI_FUNC_TYPES, WASI_MODULE } from './imports.js';
export type { WasiFuncType, WasiValType } from './imports.js';
export type { MemoryLike } from './memory.js';
export type { WasiHostFn } from './fn.js';
export { addToLinker } from './linker.js';
export type { AddToLinkerOptions, WasiCallerLike, WasiLinkerLike } from './linker.js';
