#!/usr/bin/env node
// The doc-comment check (CONTRACT: "Every public symbol has a doc comment"). With the TypeScript
// compiler API it loads every package's source (tsconfig.docs.json, which resolves @wasmtide/* to
// source), takes the public entry points listed in typedoc.json, follows each export through its
// re-exports to the declaration, and lists every exported symbol whose declaration has no JSDoc
// summary. Entries of tools/scripts/check-docs-allow.json are tolerated (each needs a reason).
//
//   node tools/scripts/check-docs.mjs [--json] [--members] [--root DIR] [--self-test]
//
// --root DIR checks another tree laid out the same way (typedoc.json, tsconfig.docs.json and
// tools/scripts/check-docs-allow.json under DIR). --self-test runs the check over a small fixture
// tree with known gaps and verifies what it reports (exit 0 when the check behaves).
// Exit status: 0 when nothing is missing outside the allowlist, 1 when something is, 2 on a
// configuration error. Allowlist entries that are no longer needed are reported, not failed.
// --members also lists the undocumented public members (properties, methods, accessors,
// constructors, enum members) of exported classes, interfaces and enums: informational only, it
// does not change the exit status.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const self = fileURLToPath(import.meta.url);
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 && process.argv[rootArg + 1] ? resolve(process.argv[rootArg + 1]) : resolve(dirname(self), '../..');
if (process.argv.includes('--self-test')) selfTest();
const asJson = process.argv.includes('--json');
const withMembers = process.argv.includes('--members');
const rel = (file) => relative(root, file).split('\\').join('/');

function fail(message) {
  console.error(`check-docs: ${message}`);
  process.exit(2);
}

/** The user-facing specifier of an entry file: packages/parser/src/text/index.ts -> @wasmtide/parser/text. */
function specifierOf(entry) {
  const m = /^packages\/([\w-]+)\/src\/(?:(.+?)(?:\/index)?|index)\.ts$/.exec(entry);
  if (!m) return entry;
  const pkg = m[1] === 'wasmtide' ? 'wasmtide' : `@wasmtide/${m[1]}`;
  return m[2] && m[2] !== 'index' ? `${pkg}/${m[2]}` : pkg;
}

// --- configuration -------------------------------------------------------------------------

let entries;
try {
  entries = JSON.parse(readFileSync(resolve(root, 'typedoc.json'), 'utf8')).entryPoints;
} catch (err) {
  fail(`cannot read typedoc.json: ${err.message}`);
}
if (!Array.isArray(entries) || entries.length === 0) fail('typedoc.json lists no entryPoints');

let allow;
try {
  allow = JSON.parse(readFileSync(resolve(root, 'tools/scripts/check-docs-allow.json'), 'utf8'));
} catch (err) {
  fail(`cannot read tools/scripts/check-docs-allow.json: ${err.message}`);
}
if (!Array.isArray(allow)) fail('check-docs-allow.json must be an array of {"symbol", "reason"}');
const allowed = new Map();
for (const a of allow) {
  if (!a || typeof a.symbol !== 'string' || typeof a.reason !== 'string' || a.reason.trim() === '') {
    fail(`check-docs-allow.json: every entry needs a "symbol" and a non-empty "reason": ${JSON.stringify(a)}`);
  }
  allowed.set(a.symbol, a.reason);
}

const configPath = resolve(root, 'tsconfig.docs.json');
const configFile = ts.readConfigFile(configPath, ts.sys.readFile);
if (configFile.error) fail(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root, undefined, configPath);
const entryFiles = entries.map((e) => resolve(root, e));
const program = ts.createProgram({ rootNames: entryFiles, options: parsed.options });
const checker = program.getTypeChecker();

// --- the check -----------------------------------------------------------------------------

/** Whether a declaration carries a JSDoc block with a summary (tags alone do not count). */
function hasDoc(decl) {
  for (const node of ts.getJSDocCommentsAndTags(decl)) {
    if (!ts.isJSDoc(node)) continue;
    const text = typeof node.comment === 'string' ? node.comment : ts.getTextOfJSDocComment(node.comment);
    if (text && text.trim() !== '') return true;
  }
  return false;
}

/** Whether a declaration is hidden from the API reference (`@internal`, `@hidden`, `@ignore`). */
function isHidden(decl) {
  return ts.getJSDocTags(decl).some((t) => ['internal', 'hidden', 'ignore'].includes(t.tagName.text));
}

/** Whether a source file starts with a `@module` / `@packageDocumentation` comment. */
function hasFileDoc(sf) {
  const first = sf.statements[0];
  const ranges = ts.getLeadingCommentRanges(sf.text, first ? first.getFullStart() : 0) ?? [];
  return ranges.some((r) => /^\/\*\*[\s\S]*@(module|packageDocumentation)\b/.test(sf.text.slice(r.pos, r.end)));
}

function kindOf(decl) {
  return ts.SyntaxKind[decl.kind].replace(/Declaration$/, '').replace(/^SourceFile$/, 'Namespace');
}

/** key (file#name) -> { name, file, line, kind, entries: Set } */
const missing = new Map();
/** key (file#Owner.member) -> { name, file, line, kind } for --members */
const missingMembers = new Map();

const MEMBER_KINDS = ts.SymbolFlags.Property | ts.SymbolFlags.Method | ts.SymbolFlags.Accessor | ts.SymbolFlags.EnumMember | ts.SymbolFlags.Constructor;

/** Records the undocumented public members of an exported class, interface or enum. */
function checkMembers(owner) {
  if (!(owner.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum))) return;
  const tables = [owner.members, owner.flags & ts.SymbolFlags.Enum ? undefined : owner.exports];
  for (const table of tables) {
    table?.forEach((member, name) => {
      if (!(member.flags & MEMBER_KINDS) || /^(#|__#)/.test(String(name)) || String(name) === 'prototype') return;
      const decls = member.declarations ?? [];
      if (decls.length === 0 || decls.some((d) => hasDoc(d) || isHidden(d))) return;
      // A member documented where it is declared in a base class or implemented interface inherits that doc.
      if (ts.displayPartsToString(member.getDocumentationComment(checker)).trim() !== '') return;
      const decl = decls[0];
      const mods = ts.getCombinedModifierFlags(decl);
      if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return;
      if (ts.isConstructorDeclaration(decl) && decl.parameters.length === 0) return;
      const sf = decl.getSourceFile();
      const label = `${owner.getName()}.${ts.isConstructorDeclaration(decl) ? 'constructor' : String(name)}`;
      const key = `${rel(sf.fileName)}#${label}`;
      if (!missingMembers.has(key)) {
        const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
        missingMembers.set(key, { name: label, file: rel(sf.fileName), line, kind: kindOf(decl) });
      }
    });
  }
}
let checked = 0;

for (const [i, file] of entryFiles.entries()) {
  const entry = rel(file);
  const sf = program.getSourceFile(file);
  if (!sf) fail(`entry point ${entry} is not part of the program`);
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) fail(`entry point ${entry} is not a module`);
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    checked++;
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decls = target.declarations ?? [];
    // A doc comment on the re-export itself (`/** ... */ export { x }` is rare) also counts.
    const aliasDocumented = (exported.declarations ?? []).some(
      (d) => hasDoc(d) || (ts.isExportSpecifier(d) && hasDoc(d.parent.parent)) || (ts.isNamespaceExport(d) && hasDoc(d.parent)),
    );
    if (withMembers) checkMembers(target);
    const documented =
      aliasDocumented || decls.some((d) => (ts.isSourceFile(d) ? hasFileDoc(d) : hasDoc(d)));
    if (documented) continue;
    const decl = decls[0] ?? exported.declarations?.[0];
    const declFile = decl ? rel(decl.getSourceFile().fileName) : entry;
    const line = decl && !ts.isSourceFile(decl) ? decl.getSourceFile().getLineAndCharacterOfPosition(decl.getStart()).line + 1 : 1;
    const name = target.getName() === 'default' || target.getName().startsWith('"') ? exported.getName() : target.getName();
    const key = `${declFile}#${name}`;
    let m = missing.get(key);
    if (!m) missing.set(key, (m = { name, file: declFile, line, kind: decl ? kindOf(decl) : 'unknown', entries: new Set() }));
    m.entries.add(specifierOf(entries[i]));
  }
}

const failing = [...missing.entries()].filter(([key]) => !allowed.has(key));
const tolerated = [...missing.entries()].filter(([key]) => allowed.has(key));
const stale = [...allowed.keys()].filter((key) => !missing.has(key));

if (asJson) {
  const rows = (list) => list.map(([key, m]) => ({ symbol: key, kind: m.kind, line: m.line, entries: [...m.entries] }));
  const members = withMembers ? [...missingMembers.entries()].map(([key, m]) => ({ symbol: key, kind: m.kind, line: m.line })) : undefined;
  console.log(JSON.stringify({ checked, missing: rows(failing), allowed: rows(tolerated), stale, members }, null, 2));
} else {
  const show = (key, m) => `  ${m.file}:${m.line}  ${m.name} (${m.kind}), exported by ${[...m.entries].join(', ')}   [${key}]`;
  if (failing.length > 0) {
    console.log(`Exported symbols without a doc comment (${failing.length}):`);
    for (const [key, m] of failing) console.log(show(key, m));
  }
  if (tolerated.length > 0) {
    console.log(`Allowed for now by tools/scripts/check-docs-allow.json (${tolerated.length}):`);
    for (const [key, m] of tolerated) console.log(`${show(key, m)}  -- ${allowed.get(key)}`);
  }
  if (withMembers && missingMembers.size > 0) {
    console.log(`Public members without a doc comment (${missingMembers.size}, informational):`);
    for (const m of missingMembers.values()) console.log(`  ${m.file}:${m.line}  ${m.name} (${m.kind})`);
  }
  if (stale.length > 0) {
    console.log(`Allowlist entries no longer needed (remove them from check-docs-allow.json):`);
    for (const key of stale) console.log(`  ${key}`);
  }
  console.log(
    `check-docs: ${entries.length} entry points, ${checked} exports checked, ` +
      `${failing.length} undocumented, ${tolerated.length} allowed, ${stale.length} stale allowlist entries`,
  );
}
process.exit(failing.length > 0 ? 1 : 0);

/** Runs the check over a fixture tree with known documented and undocumented exports. */
function selfTest() {
  const dir = mkdtempSync(join(tmpdir(), 'check-docs-'));
  let ok = false;
  const put = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  try {
    put('typedoc.json', JSON.stringify({ entryPoints: ['packages/foo/src/index.ts', 'packages/bar/src/index.ts'] }));
    put(
      'tsconfig.docs.json',
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], paths: { '@wasmtide/*': ['./packages/*/src/index.ts'] } },
        include: ['packages/*/src'],
      }),
    );
    put(
      'tools/scripts/check-docs-allow.json',
      JSON.stringify([
        { symbol: 'packages/foo/src/a.ts#allowedOne', reason: 'pending: package under active edit' },
        { symbol: 'packages/foo/src/a.ts#gone', reason: 'pending: package under active edit' },
      ]),
    );
    put(
      'packages/foo/src/a.ts',
      [
        '/** Documented. */',
        'export const good = 1;',
        'export const bad = 2;',
        'export function noDoc(): void {}',
        '/** @deprecated */',
        'export function tagOnly(): void {}',
        'export function allowedOne(): void {}',
        '/** The overloads share this doc. */',
        'export function ov(a: string): void;',
        'export function ov(a: number): void;',
        'export function ov(_a: unknown): void {}',
        'export interface I { x: number }',
        '/** A documented class. */',
        'export class C {',
        '  /** Documented member. */',
        '  a = 1;',
        '  b = 2;',
        '  #hidden = 3;',
        '}',
        '/** Documented alias. */',
        'export type T = string;',
        '',
      ].join('\n'),
    );
    put(
      'packages/foo/src/index.ts',
      "export { good, bad, noDoc, tagOnly, allowedOne, ov, C } from './a.js';\nexport type { I, T } from './a.js';\n",
    );
    put('packages/bar/src/index.ts', "export { bad as alsoBad, C } from '@wasmtide/foo';\n");
    let out;
    let status = 0;
    try {
      out = execFileSync(process.execPath, [self, '--root', dir, '--json', '--members'], { encoding: 'utf8' });
    } catch (err) {
      out = String(err.stdout);
      status = err.status;
    }
    const r = JSON.parse(out);
    const got = {
      status,
      missing: r.missing.map((m) => `${m.symbol} ${m.entries.join(',')}`).sort(),
      allowed: r.allowed.map((m) => m.symbol),
      stale: r.stale,
      members: r.members.map((m) => m.symbol),
    };
    const want = {
      status: 1,
      missing: [
        'packages/foo/src/a.ts#I @wasmtide/foo',
        'packages/foo/src/a.ts#bad @wasmtide/foo,@wasmtide/bar',
        'packages/foo/src/a.ts#noDoc @wasmtide/foo',
        'packages/foo/src/a.ts#tagOnly @wasmtide/foo',
      ],
      allowed: ['packages/foo/src/a.ts#allowedOne'],
      stale: ['packages/foo/src/a.ts#gone'],
      members: ['packages/foo/src/a.ts#C.b', 'packages/foo/src/a.ts#I.x'],
    };
    ok = JSON.stringify(got) === JSON.stringify(want);
    if (!ok) console.error(`check-docs self-test FAILED\n  expected ${JSON.stringify(want)}\n  got      ${JSON.stringify(got)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (ok) console.log('check-docs self-test: ok');
  process.exit(ok ? 0 : 1);
}
