/**
 * A minimal test-only `.wast` runner over the compiler alone (stand-in linker, `spectest` module,
 * structural type ids). It runs modules, actions, `assert_return`, `assert_trap`,
 * `assert_exhaustion`, `assert_exception` and `assert_unlinkable`-free registration; module
 * assertions (invalid/malformed) are the parser's and validator's business and are skipped.
 * @module
 */
import { decodeModule, type FuncType, type Module, type SubType } from '@wasmtide/parser';
import { parseWast, parseWat } from '@wasmtide/parser/text';
import type { WastAction, WastExpected, WastModuleForm, WastValue } from '@wasmtide/parser/text';
import {
  GlobalInstance,
  MemoryInstance,
  TableInstance,
  TagInstance,
  WasmException,
  makeEntry,
  makeHostAdapter,
  genericArray,
  toTrap,
  type FuncRef,
  type InstanceExports,
} from '../abi.js';
import { compileModule } from '../compile.js';
import { loadCompiled } from '../load.js';
import { Trap } from '../trap.js';
import { V128, f32FromBits, f32ToBits, v128FromBytes } from '../support/index.js';

interface Inst {
  module: Module;
  funcTypes: readonly number[];
  exports: InstanceExports;
}

/** Result of running one script. */
export interface WastResult {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

const typeKeys = new Map<string, number>();
function typeKey(m: Module, i: number, depth = 0): string {
  const t: SubType = m.types[i]!;
  if (depth > 3) return `#${i}`;
  return JSON.stringify(t.comp, (_k, v) => (v && typeof v === 'object' && 'heap' in v && typeof v.heap === 'number' ? { ...v, heap: typeKey(m, v.heap, depth + 1) } : v));
}
function canonId(m: Module, i: number): number {
  const k = typeKey(m, i);
  let id = typeKeys.get(k);
  if (id === undefined) typeKeys.set(k, (id = typeKeys.size));
  return id;
}

const f32b = new Float32Array(1);
const u32b = new Uint32Array(f32b.buffer);
const f64b = new Float64Array(1);
const u64b = new BigUint64Array(f64b.buffer);

const hostRefs = new Map<number, object>();
function hostRef(n: number): object {
  let r = hostRefs.get(n);
  if (r === undefined) hostRefs.set(n, (r = { hostref: n }));
  return r;
}

function toApi(v: WastValue): unknown {
  switch (v.kind) {
    case 'i32':
      return v.value | 0;
    case 'i64':
      return v.value;
    case 'f32':
      return f32FromBits(v.bits | 0);
    case 'v128':
      return v128FromBytes(v.bytes);
    case 'f64':
      u64b[0] = v.bits;
      return f64b[0];
    case 'ref.null':
      return null;
    case 'ref.extern':
    case 'ref.host':
      return hostRef(v.value);
    default:
      throw new Error(`unsupported argument ${(v as { kind: string }).kind}`);
  }
}

function matches(e: WastExpected, got: unknown): boolean {
  switch (e.kind) {
    case 'i32':
      return got === (e.value | 0);
    case 'i64':
      return got === BigInt.asIntN(64, e.value);
    case 'f32':
      return typeof got === 'number' && f32ToBits(got) >>> 0 === e.bits >>> 0;
    case 'v128': {
      if (!(got instanceof V128)) return false;
      const w = new Int32Array(e.bytes.slice().buffer);
      return got.w0 === w[0] && got.w1 === w[1] && got.w2 === w[2] && got.w3 === w[3];
    }
    case 'v128_lanes': {
      if (!(got instanceof V128)) return false;
      const words = [got.w0, got.w1, got.w2, got.w3];
      const i32 = new Int32Array(words);
      if (e.shape === 'f32x4') {
        return e.lanes.every((l, i) => {
          const b = i32[i]! >>> 0;
          const isNan = (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
          if (l.kind === 'nan') return isNan && (l.nan === 'arithmetic' ? (b & 0x400000) !== 0 : (b & 0x7fffff) === 0x400000);
          return b === (Number(l.bits) >>> 0);
        });
      }
      const f64 = new BigUint64Array(i32.buffer);
      return e.lanes.every((l, i) => {
        const b = f64[i]!;
        const isNan = (b & 0x7ff0000000000000n) === 0x7ff0000000000000n && (b & 0xfffffffffffffn) !== 0n;
        if (l.kind === 'nan') return isNan && (l.nan === 'arithmetic' ? (b & 0x8000000000000n) !== 0n : (b & 0xfffffffffffffn) === 0x8000000000000n);
        return b === BigInt.asUintN(64, BigInt(l.bits));
      });
    }
    case 'f64': {
      if (typeof got !== 'number') return false;
      f64b[0] = got;
      if (Number.isNaN(got)) {
        u64b[0] = e.bits;
        return Number.isNaN(f64b[0]!);
      }
      return u64b[0] === e.bits;
    }
    case 'nan':
      return typeof got === 'number' && Number.isNaN(got);
    case 'ref.null':
    case 'ref.null_any':
      return got === null;
    case 'ref.extern':
      return got === hostRef(e.value);
    case 'ref.host':
      return got === hostRef(e.value);
    case 'ref.extern_any':
      return got !== null && got !== undefined;
    case 'ref':
      if (got === null || got === undefined) return false;
      if (e.type === 'func') return typeof got === 'function';
      return true;
    case 'either':
      return e.options.some((o) => matches(o, got));
    default:
      return false;
  }
}

/** Runs a script source; returns counts. */
export function runWast(source: string, filename: string): WastResult {
  const res: WastResult = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const script = parseWast(source, filename);
  const registered = new Map<string, Inst>();
  const named = new Map<string, Inst>();
  const defs = new Map<string, Module>();
  let current: Inst | null = null;
  let lastDef: Module | null = null;
  const printed: unknown[] = [];

  const spectestMem = new MemoryInstance({ limits: { min: 1, max: 2 }, shared: false, addr: 'i32', pageSizeLog2: 16 });
  const spectestTable = new TableInstance({ element: { kind: 'ref', nullable: true, heap: 'func' }, limits: { min: 10, max: 20 }, addr: 'i32' });
  const spectestTable64 = new TableInstance({ element: { kind: 'ref', nullable: true, heap: 'func' }, limits: { min: 10, max: 20 }, addr: 'i64' });
  const g = (type: 'i32' | 'i64' | 'f32' | 'f64', v: unknown): GlobalInstance => {
    const gi = new GlobalInstance({ type, mutable: false });
    gi.setValue(v);
    return gi;
  };
  const spectestGlobals: Record<string, GlobalInstance> = {
    global_i32: g('i32', 666),
    global_i64: g('i64', 666n),
    global_f32: g('f32', 666.6),
    global_f64: g('f64', 666.6),
  };

  const load = (form: WastModuleForm): Module => {
    const src = form.source;
    const bytes = src.kind === 'binary' ? src.bytes : parseWat(src.text);
    return decodeModule(bytes);
  };

  const instantiate = (m: Module): Inst => {
    const c = compileModule(m, { name: filename.replace(/\W/g, '_'), lazy: process.env['LAZY'] === '1', fuel: process.env['FUEL'] === '1', epoch: process.env['FUEL'] === '1', maxCallDepth: process.env['FUEL'] === '1' ? 20000 : undefined });
    const factory = loadCompiled(c);
    const typeIds = new Int32Array(m.types.length);
    for (let i = 0; i < m.types.length; i++) typeIds[i] = canonId(m, i);
    const funcs: FuncRef[] = [];
    const tables: TableInstance[] = [];
    const memories: MemoryInstance[] = [];
    const globals: GlobalInstance[] = [];
    const tags: TagInstance[] = [];
    for (const im of m.imports) {
      const d = im.desc;
      if (im.module === 'spectest') {
        if (d.kind === 'func') {
          const ft = m.types[d.type]!.comp as FuncType;
          funcs.push(makeHostAdapter(ft, (...a: unknown[]) => void printed.push(a), typeIds[d.type]));
        } else if (d.kind === 'memory') memories.push(spectestMem);
        else if (d.kind === 'table') tables.push(d.type.addr === 'i64' ? spectestTable64 : spectestTable);
        else if (d.kind === 'global') {
          const gi = spectestGlobals[im.name];
          if (gi === undefined) throw new Error(`unknown import spectest.${im.name}`);
          globals.push(gi);
        } else throw new Error(`unknown import spectest.${im.name}`);
        continue;
      }
      const src = registered.get(im.module);
      if (src === undefined) throw new Error(`unknown import ${im.module}.${im.name}`);
      const ex = src.module.exports.find((e) => e.name === im.name);
      if (ex === undefined || ex.kind !== d.kind) throw new Error(`unknown import ${im.module}.${im.name}`);
      const space = { func: src.exports.funcs, table: src.exports.tables, memory: src.exports.memories, global: src.exports.globals, tag: src.exports.tags }[ex.kind];
      const v = space[ex.index];
      if (d.kind === 'func') funcs.push(v as FuncRef);
      else if (d.kind === 'table') tables.push(v as TableInstance);
      else if (d.kind === 'memory') memories.push(v as MemoryInstance);
      else if (d.kind === 'global') globals.push(v as GlobalInstance);
      else tags.push(v as TagInstance);
    }
    let exports: InstanceExports;
    try {
      exports = factory.instantiate({ funcs, tables, memories, globals, tags, typeIds, isSubtype: (a, b) => a === b, fuel: new Float64Array([1e15]), epoch: new Int32Array(1), deadline: new Int32Array([1]) });
      exports.start();
    } catch (e) {
      throw toTrap(e);
    }
    return { module: m, funcTypes: c.funcTypes, exports };
  };

  const act = (a: WastAction): unknown[] => {
    const inst = a.module === null ? current : named.get(a.module);
    if (inst === null || inst === undefined) throw new Error('no module');
    const ex = inst.module.exports.find((e) => e.name === a.name);
    if (ex === undefined) throw new Error(`no export ${a.name}`);
    if (a.kind === 'get') {
      return [(inst.exports.globals[ex.index] as GlobalInstance).getValue()];
    }
    const ft = inst.module.types[inst.funcTypes[ex.index]!]!.comp as FuncType;
    const entry = makeEntry(ft, inst.exports.funcs[ex.index]!);
    const args = genericArray();
    for (const x of a.args) args.push(toApi(x));
    const r = entry(...args);
    if (ft.results.length === 0) return [];
    if (ft.results.length === 1) return [r];
    return r as unknown[];
  };

  for (const cmd of script.commands) {
    const where = `${filename}:${cmd.line}`;
    try {
      switch (cmd.kind) {
        case 'module': {
          const m = load(cmd);
          current = instantiate(m);
          if (cmd.name !== null) named.set(cmd.name, current);
          res.passed++;
          break;
        }
        case 'module_definition': {
          const m = load(cmd);
          lastDef = m;
          if (cmd.name !== null) defs.set(cmd.name, m);
          res.passed++;
          break;
        }
        case 'module_instance': {
          const m = cmd.module === null ? lastDef : defs.get(cmd.module);
          if (m === null || m === undefined) throw new Error('no definition');
          current = instantiate(m);
          if (cmd.instance !== null) named.set(cmd.instance, current);
          res.passed++;
          break;
        }
        case 'register': {
          const inst = cmd.module === null ? current : named.get(cmd.module);
          if (inst === null || inst === undefined) throw new Error('no module to register');
          registered.set(cmd.as, inst);
          res.passed++;
          break;
        }
        case 'invoke':
        case 'get':
          act(cmd);
          res.passed++;
          break;
        case 'assert_return': {
          const got = act(cmd.action);
          const ok = got.length === cmd.expected.length && cmd.expected.every((e, i) => matches(e, got[i]));
          if (ok) res.passed++;
          else {
            res.failed++;
            res.failures.push(`${where}: assert_return got ${fmt(got)}`);
          }
          break;
        }
        case 'assert_trap':
        case 'assert_exhaustion': {
          let err: unknown = null;
          try {
            const s = cmd.kind === 'assert_trap' ? cmd.subject : cmd.action;
            if (s.kind === 'invoke' || s.kind === 'get') act(s);
            else if (s.kind === 'module_instance') {
              const m = s.module === null ? lastDef : defs.get(s.module);
              instantiate(m!);
            } else instantiate(load(s));
          } catch (e) {
            err = e;
          }
          if (err instanceof Trap && err.message.startsWith(cmd.message.slice(0, Math.min(cmd.message.length, err.message.length)))) res.passed++;
          else {
            res.failed++;
            res.failures.push(`${where}: ${cmd.kind} "${cmd.message}" got ${err === null ? 'no error' : String(err)}`);
          }
          break;
        }
        case 'assert_exception': {
          let err: unknown = null;
          try {
            act(cmd.action);
          } catch (e) {
            err = e;
          }
          if (err instanceof WasmException) res.passed++;
          else {
            res.failed++;
            res.failures.push(`${where}: assert_exception got ${String(err)}`);
          }
          break;
        }
        default:
          res.skipped++;
      }
    } catch (e) {
      res.failed++;
      res.failures.push(`${where}: ${cmd.kind} threw ${String(e).slice(0, 300)}`);
    }
  }
  return res;
}

function fmt(v: unknown[]): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
}
