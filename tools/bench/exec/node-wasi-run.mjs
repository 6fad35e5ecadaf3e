// Runs a WASI command under Node's node:wasi and native WebAssembly (the reference for the Yosys
// benchmark): node node-wasi-run.mjs FILE.wasm [ARGS...]
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, returnOnExit: true });
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
