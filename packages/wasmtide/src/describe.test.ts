import { describe, expect, it } from 'vitest';
import type { CompType, MemoryType, Module, TableType, ValType } from '@wasmtide/parser';
import { compTypeText, describeModule, globalTypeText, memoryTypeText, tableTypeText, valTypeText } from './describe.js';

describe('type text', () => {
  const vals: [ValType, string][] = [
    ['i32', 'i32'],
    ['v128', 'v128'],
    [{ kind: 'ref', nullable: true, heap: 'func' }, 'funcref'],
    [{ kind: 'ref', nullable: true, heap: 'noextern' }, 'nullexternref'],
    [{ kind: 'ref', nullable: false, heap: 'func' }, '(ref func)'],
    [{ kind: 'ref', nullable: true, heap: 3 }, '(ref null 3)'],
  ];
  it.each(vals)('value type %j is %s', (t, text) => expect(valTypeText(t)).toBe(text));

  const comps: [CompType, string][] = [
    [{ kind: 'func', params: [], results: [] }, '(func)'],
    [{ kind: 'func', params: ['i32', 'i64'], results: ['f32'] }, '(func (param i32 i64) (result f32))'],
    [{ kind: 'struct', fields: [{ storage: 'i8', mutable: true }, { storage: 'f64', mutable: false }] }, '(struct (field (mut i8)) (field f64))'],
    [{ kind: 'array', element: { storage: 'i16', mutable: false } }, '(array i16)'],
  ];
  it.each(comps)('composite type %j is %s', (t, text) => expect(compTypeText(t)).toBe(text));

  it('limits, address types, sharing and page sizes', () => {
    const mem = (m: Partial<MemoryType>): MemoryType => ({ limits: { min: 1, max: null }, shared: false, addr: 'i32', pageSizeLog2: 16, ...m });
    expect(memoryTypeText(mem({}))).toBe('(memory 1)');
    expect(memoryTypeText(mem({ limits: { min: 1, max: 2 }, shared: true, addr: 'i64' }))).toBe('(memory i64 1 2 shared)');
    expect(memoryTypeText(mem({ pageSizeLog2: 0 }))).toBe('(memory 1 (pagesize 1))');
    const table: TableType = { element: { kind: 'ref', nullable: true, heap: 'func' }, limits: { min: 10, max: 20 }, addr: 'i32' };
    expect(tableTypeText(table)).toBe('(table 10 20 funcref)');
    expect(globalTypeText({ type: 'i32', mutable: true })).toBe('(global (mut i32))');
  });
});

describe('describeModule', () => {
  it('lists imports and exports with types, imports first in each index space', () => {
    const fn: CompType = { kind: 'func', params: ['i32'], results: [] };
    const fn2: CompType = { kind: 'func', params: [], results: ['i64'] };
    const m = {
      types: [{ final: true, supers: [], comp: fn }, { final: true, supers: [], comp: fn2 }],
      imports: [
        { module: 'env', name: 'log', desc: { kind: 'func', type: 0 } },
        { module: 'env', name: 'mem', desc: { kind: 'memory', type: { limits: { min: 1, max: null }, shared: false, addr: 'i32', pageSizeLog2: 16 } } },
      ],
      funcs: [1],
      tables: [],
      memories: [],
      globals: [{ type: { type: 'f64', mutable: false }, init: { start: 0, end: 0 } }],
      tags: [],
      exports: [
        { name: 'log', kind: 'func', index: 0 },
        { name: 'run', kind: 'func', index: 1 },
        { name: 'memory', kind: 'memory', index: 0 },
        { name: 'pi', kind: 'global', index: 0 },
      ],
    } as unknown as Module;
    expect(describeModule(m)).toEqual({
      imports: ['env::log: (func (param i32))', 'env::mem: (memory 1)'],
      exports: ['log: (func (param i32))', 'run: (func (result i64))', 'memory: (memory 1)', 'pi: (global f64)'],
    });
  });
});
