// Runs one WASI command under Node's own node:wasi, in its own process (so a hang or crash of
// node:wasi cannot take the test runner down). Usage:
//   node node-runner.mjs '<json: {wasm, args, env, preopens, trapFile}>'
// stdin, stdout and stderr are the guest's; the exit status is the guest's (134 on a trap, with
// the trap message written to trapFile).
import { readFileSync, writeFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const opts = JSON.parse(process.argv[2]);
const wasi = new WASI({
  version: 'preview1', args: opts.args, env: opts.env ?? {}, preopens: opts.preopens ?? {}, returnOnExit: true,
});
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(opts.wasm)), wasi.getImportObject());
let code;
try {
  code = wasi.start(instance);
} catch (e) {
  if (opts.trapFile) writeFileSync(opts.trapFile, String(e && e.message));
  code = 134;
}
process.exitCode = code;
