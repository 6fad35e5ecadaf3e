/**
 * The front half of the pipeline as the script engine and the CLI use it: the text parser (loaded
 * on demand with a dynamic `import()`, so binary-only users never load it), the decoder and the
 * validator.
 * @module
 */
import { decodeModule, type Module } from '@wasmtide/parser';
import type { WastScript } from '@wasmtide/parser/text';
import { validate, type Features, type ValidatedModule } from '@wasmtide/validator';

/** The functions the engine needs from the parser and the validator. */
export interface Pipeline {
  /** WAT text to binary (`@wasmtide/parser/text`); 64-bit limits are text only with memory64. */
  readonly parseWat: (text: string, features?: Partial<Features>) => Uint8Array;
  /** A `.wast` script to its commands (`@wasmtide/parser/text`). */
  readonly parseWast: (text: string, filename?: string) => WastScript;
  /** Binary to IR (`@wasmtide/parser`); proposals with their own encodings need their feature. */
  readonly decodeModule: (bytes: Uint8Array, features?: Partial<Features>) => Module;
  /** Validation (`@wasmtide/validator`); throws a `ValidationError`. */
  readonly validate: (module: Module, features?: Partial<Features>) => ValidatedModule;
}

let pipeline: Promise<Pipeline> | null = null;

/** Loads the pipeline once (the text parser is imported here, on first use). */
export function loadPipeline(): Promise<Pipeline> {
  pipeline ??= import('@wasmtide/parser/text').then((text) => ({
    parseWat: (s: string, f?: Partial<Features>) => text.parseWat(s, { memory64: f?.memory64 ?? true }),
    parseWast: (s: string, f?: string) => text.parseWast(s, f),
    decodeModule: (bytes: Uint8Array, f?: Partial<Features>) => decodeModule(bytes, { features: f ?? {} }),
    validate,
  }));
  return pipeline;
}
