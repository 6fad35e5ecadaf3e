import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@wasmtide\/parser\/text$/, replacement: fileURLToPath(new URL('./packages/parser/src/text/index.ts', import.meta.url)) },
      ...['parser', 'validator', 'compiler', 'runtime', 'linker', 'wasi', 'c-api'].map((p) => ({ find: new RegExp(`^@wasmtide/${p}$`), replacement: src(p) })),
      { find: /^wasmtide$/, replacement: src('wasmtide') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tools/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60000,
    pool: 'forks',
  },
});
