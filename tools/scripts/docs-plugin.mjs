// A local TypeDoc plugin (loaded by typedoc.json): names each entry-point module after the import
// specifier a user writes (`@wasmtide/runtime`, `@wasmtide/parser/text`, `wasmtide/text`) instead
// of its source path (`runtime/src`, `parser/src/text`).
import { Converter, ReflectionKind } from 'typedoc';

/**
 * Maps a module name derived from a source path to the package specifier it is published under.
 * @param {string} name e.g. `parser/src/text` or `wasmtide/src`
 * @returns {string | null} e.g. `@wasmtide/parser/text`, or null when the name is not a package entry point
 */
export function specifierFor(name) {
  const m = /^([a-z][\w-]*)\/src(?:\/(text))?(?:\/index)?$/.exec(name);
  if (!m) return null;
  const pkg = m[1] === 'wasmtide' ? 'wasmtide' : `@wasmtide/${m[1]}`;
  return m[2] ? `${pkg}/${m[2]}` : pkg;
}

/**
 * TypeDoc's plugin entry: renames entry-point modules before links and URLs are resolved.
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const spec = specifierFor(mod.name);
      if (spec) mod.name = spec;
    }
  });
}
