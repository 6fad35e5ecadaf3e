#!/usr/bin/env node
// Committed stub: pnpm links this file before anything is built; it loads the built CLI.
import('../dist/cli.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { if (typeof code === 'number') process.exitCode = code; },
  (err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
      console.error('wasmtide: the CLI is not built yet; run `pnpm build` first');
    } else {
      console.error(`wasmtide: ${err && err.message ? err.message : String(err)}`);
    }
    process.exitCode = 1;
  },
);
