/**
 * Decoding and validation in one call, for callers that start from bytes: one pass over each
 * function body instead of two.
 * @module
 */
import { checkBodies, decodeModule } from '@wasmtide/parser';
import { resolveFeatures } from './features.js';
import type { Features } from './features.js';
import { validate } from './module.js';
import type { ValidatedModule } from './module.js';
import { HOT_PASSES, primeOnce } from './prime.js';

/** Size from which a module counts as large (see {@link decodeAndValidate}). */
const LARGE = 1 << 20;

/**
 * Decodes and validates a binary module: the same result and the same errors as
 * `validate(decodeModule(bytes, { features }), features)`, faster. The decoder only delimits the
 * function bodies and the validator's single pass over each body checks both well-formedness and
 * validity; if validation fails, the bodies are checked the decoder's way first, so a malformed
 * body is still reported as the `DecodeError` the decoder gives (spec wording, absolute offset),
 * not as a validation error.
 */
export function decodeAndValidate(bytes: Uint8Array, features?: Partial<Features>): ValidatedModule {
  const f = resolveFeatures(features);
  // For a large module, warm the body validator up first: the engine then optimizes it in the
  // background while the sections are decoded, instead of after the bodies have begun.
  if (bytes.length >= LARGE) primeOnce((m) => validate(m), HOT_PASSES);
  const module = decodeModule(bytes, { features: f, scanBodies: false });
  try {
    return validate(module, f);
  } catch (e) {
    checkBodies(module, { features: f });
    throw e;
  }
}
