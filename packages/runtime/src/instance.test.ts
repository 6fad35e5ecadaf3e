import { beforeAll, describe, expect, it } from 'vitest';
import { Config, Engine, Instance, LinkError, loadTextParser, Module, Store } from './index.js';

// Custom descriptors at instantiation: exact function imports and exact reference types in
// canonical type identity.

beforeAll(async () => {
  await loadTextParser();
});

function engine(): Engine {
  return new Engine(new Config().wasmFeatures({ customDescriptors: true }));
}

const EXPORTER = `(module
  (type $super (sub (func)))
  (type $sub (sub $super (func)))
  (func (export "sub") (type $sub))
  (func (export "super") (type $super)))`;

describe('exact function imports', () => {
  const cases: [string, string, boolean][] = [
    ['exact $super from a $super function', '(import "m" "super" (func (exact (type $super))))', true],
    ['exact $sub from a $sub function', '(import "m" "sub" (func (exact (type $sub))))', true],
    ['inexact $super from a $sub function', '(import "m" "sub" (func (type $super)))', true],
    ['exact $super from a $sub function', '(import "m" "sub" (func (exact (type $super))))', false],
  ];
  it.each(cases)('%s', (_, imp, ok) => {
    const e = engine();
    const store = new Store(e, null);
    const a = new Instance(store, new Module(e, EXPORTER), []);
    const m = new Module(e, `(module (type $super (sub (func))) (type $sub (sub $super (func))) ${imp})`);
    const name = imp.includes('"sub"') ? 'sub' : 'super';
    const instantiate = () => new Instance(store, m, [a.getFunc(store, name)!]);
    if (ok) expect(instantiate).not.toThrow();
    else expect(instantiate).toThrow(/m::sub: incompatible import type/);
    if (!ok) expect(instantiate).toThrow(LinkError);
  });
});

describe('exact reference types in canonical types', () => {
  it('keeps (ref (exact $s)) and (ref $s) parameters apart', () => {
    const e = engine();
    const store = new Store(e, null);
    const a = new Instance(
      store,
      new Module(e, `(module (type $s (struct)) (func (export "f") (param (ref (exact $s)))))`),
      [],
    );
    const f = a.getFunc(store, 'f')!;
    const inexact = new Module(e, `(module (type $s (struct)) (import "m" "f" (func (param (ref $s)))))`);
    expect(() => new Instance(store, inexact, [f])).toThrow(/incompatible import type/);
    const exact = new Module(e, `(module (type $s (struct)) (import "m" "f" (func (param (ref (exact $s))))))`);
    expect(() => new Instance(store, exact, [f])).not.toThrow();
  });
});

describe('exact reference types in import matching', () => {
  const exporter = `(module (type $s (struct))
    (global (export "inexact") (ref null $s) (ref.null none))
    (global (export "exact") (ref null (exact $s)) (ref.null none)))`;
  const cases: [string, string, boolean][] = [
    ['an exact global as exact', '(import "m" "exact" (global (ref null (exact $s))))', true],
    ['an exact global as inexact', '(import "m" "exact" (global (ref null $s)))', true],
    ['an inexact global as exact', '(import "m" "inexact" (global (ref null (exact $s))))', false],
  ];
  it.each(cases)('%s', (_, imp, ok) => {
    const e = engine();
    const store = new Store(e, null);
    const a = new Instance(store, new Module(e, exporter), []);
    const m = new Module(e, `(module (type $s (struct)) ${imp})`);
    const name = imp.includes('"exact"') ? 'exact' : 'inexact';
    const instantiate = () => new Instance(store, m, [a.getExport(store, name)!]);
    if (ok) expect(instantiate).not.toThrow();
    else expect(instantiate).toThrow(/incompatible import type.*\(exact /);
  });
});
