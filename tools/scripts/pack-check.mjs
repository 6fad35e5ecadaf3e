#!/usr/bin/env node
// The selective-install check: packs every publishable package with `pnpm pack` (which turns
// `workspace:^` into real version ranges); then, for each package, installs its tarball with the
// tarballs of the wasmtide packages it declares (transitively) into an empty temporary project
// with plain npm (offline: everything comes from the local tarballs), imports every entry point
// there, and runs its bin. Needs a build first.
// Prints one line per check and ends with `N passed, M failed`; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const keep = process.argv.includes('--keep');
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    const note = fn();
    passed++;
    console.log(`ok      ${name}${note ? ` (${note})` : ''}`);
    return true;
  } catch (err) {
    failed++;
    const msg = err && err.stderr && String(err.stderr).trim() ? String(err.stderr).trim() : err && err.message ? err.message : String(err);
    console.log(`FAILED  ${name}: ${msg.split('\n').slice(0, 8).join('\n        ')}`);
    return false;
  }
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

const packages = readdirSync(join(root, 'packages'))
  .map((d) => join(root, 'packages', d))
  .filter((d) => existsSync(join(d, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private)
  .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));

const work = mkdtempSync(join(tmpdir(), 'wasmtide-pack-'));
const tarballs = join(work, 'tarballs');
try {
  for (const { dir, pkg } of packages) {
    check(`built ${pkg.name}`, () => {
      const main = pkg.exports?.['.']?.import ?? pkg.main;
      if (!existsSync(join(dir, main))) throw new Error(`${main} is missing: run \`pnpm build\` first`);
    });
  }
  for (const { dir, pkg } of packages) {
    check(`pack ${pkg.name}`, () => {
      const out = run('pnpm', ['pack', '--pack-destination', tarballs], dir).trim().split('\n');
      return out[out.length - 1].replace(tarballs + '/', '');
    });
  }
} catch (err) {
  console.log(`FAILED  packing: ${err && err.message ? err.message : String(err)}`);
  failed++;
}

try {
  const tarballOf = new Map();
  if (existsSync(tarballs)) {
    for (const f of readdirSync(tarballs).filter((f) => f.endsWith('.tgz'))) {
      const manifest = JSON.parse(run('tar', ['-xzOf', join(tarballs, f), 'package/package.json'], work));
      tarballOf.set(manifest.name, { file: join(tarballs, f), manifest });
    }
  }
  check('tarballs hold no workspace: ranges', () => {
    for (const { file, manifest } of tarballOf.values()) {
      if (JSON.stringify(manifest).includes('workspace:')) throw new Error(`${file} still has a workspace: range`);
    }
    return `${tarballOf.size} tarballs`;
  });

  // The package and the wasmtide packages it depends on, transitively (its install closure).
  const closure = (name, seen = new Set()) => {
    if (seen.has(name) || !tarballOf.has(name)) return seen;
    seen.add(name);
    for (const dep of Object.keys(tarballOf.get(name).manifest.dependencies ?? {})) closure(dep, seen);
    return seen;
  };

  // Selective install: each package alone (with only what it declares) in its own empty project,
  // so a missing dependency declaration cannot hide behind a hoisted sibling.
  let i = 0;
  for (const { pkg } of packages) {
    if (!tarballOf.has(pkg.name)) continue;
    const dir = join(work, `project-${i++}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }, null, 2));
    const names = [...closure(pkg.name)];
    const ok = check(`npm install ${pkg.name} alone (offline; with ${names.length - 1} declared wasmtide dependencies)`, () => {
      run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...names.map((n) => tarballOf.get(n).file)], dir);
    });
    if (!ok) continue;
    const entries = [pkg.name, ...Object.keys(pkg.exports ?? {}).filter((k) => k !== '.' && k !== './package.json' && !k.includes('*')).map((k) => pkg.name + k.slice(1))];
    for (const spec of entries) {
      check(`import ${spec}`, () => {
        const code = `import(${JSON.stringify(spec)}).then((m) => console.log(Object.keys(m).length))`;
        const n = Number(run(process.execPath, ['--input-type=module', '-e', code], dir).trim());
        return `${n} exports`;
      });
    }
    if (pkg.bin) {
      for (const binName of Object.keys(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin)) {
        check(`installed bin: ${binName} --version`, () => {
          const bin = join(dir, 'node_modules', '.bin', binName);
          if (!existsSync(bin)) throw new Error(`node_modules/.bin/${binName} is missing`);
          const out = run(bin, ['--version'], dir).trim();
          if (!/\d+\.\d+\.\d+/.test(out)) throw new Error(`unexpected output: ${out}`);
          return out;
        });
        if (binName === 'wasmtide') {
          check('installed bin: wasmtide validate (text module, loads the text parser)', () => {
            const example = join(root, 'packages', 'wasmtide', 'examples', 'hello.wat');
            const out = run(join(dir, 'node_modules', '.bin', binName), ['validate', example], dir);
            if (!out.includes('host::print: (func (param i32 i32))')) throw new Error(`unexpected output: ${out}`);
            return out.split('\n')[0];
          });
        }
      }
    }
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
