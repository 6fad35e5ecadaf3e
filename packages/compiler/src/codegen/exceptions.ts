/**
 * Exception handling: `try_table` (a JS try/catch whose handler dispatches on the tag and branches
 * to the catch labels) and the legacy `try`/`catch`/`catch_all`/`delegate`/`rethrow` (delegation
 * travels as a `Delegated` wrapper to the handler it names).
 * @module
 */
import { Op, readBlockType } from '@wasmtide/parser';
import { CompileError, funcTypeAt, kindOf } from './context.js';
import { RELOAD, q, type Entry, type Frame, type FunctionCompiler } from './function.js';

/** `try_table`. */
export function tryTable(c: FunctionCompiler): void {
  const r = c.r;
  const sig = c.blockSig(readBlockType(r));
  const n = r.u32();
  if (n > r.end - r.pos) throw new CompileError('too many catch clauses', r.pos);
  const clauses: { kind: number; tag: number; label: number }[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r.u8();
    const tag = kind === 0 || kind === 1 ? r.u32() : -1;
    const label = r.u32();
    clauses.push({ kind, tag, label });
  }
  c.settle(sig.params.length);
  const label = c.newLabel();
  const ev = `$${label}`;
  // The catch dispatch is computed now (its targets are outside this frame).
  const lines: string[] = [
    `} catch (${ev}) {`,
    `  if (${ev} instanceof Delegated) { if (${ev}.to !== ${q(label)}) throw ${ev}; ${ev} = ${ev}.exn; }`,
    `  if (!(${ev} instanceof Exn)) throw ${ev};`,
  ];
  if (c.depthOn) lines.push('  DEPTH[0] = dd;');
  if (c.fuelOn) lines.push('  fu = FUEL[0];');
  // A callee may have grown memory before throwing: reload the views.
  lines.push(RELOAD);
  c.embeddedReload = true;
  for (const cl of clauses) {
    const f = c.frameAt(cl.label);
    const vals: Entry[] = [];
    if (cl.kind === 0 || cl.kind === 1) {
      const ti = c.ctx.tags[cl.tag];
      if (ti === undefined) throw new CompileError(`unknown tag ${cl.tag}`, r.pos);
      let j = 0;
      for (const p of funcTypeAt(c.ctx, ti).params) {
        const k = kindOf(p);
        if (k === 'i64') {
          vals.push({ k, e: `${ev}.payload[${j}]`, h: `${ev}.payload[${j + 1}]` });
          j += 2;
        } else {
          vals.push({ k, e: `${ev}.payload[${j}]`, h: '' });
          j++;
        }
      }
    }
    if (cl.kind === 1 || cl.kind === 3) vals.push({ k: 'ref', e: ev, h: '' });
    const code = c.jumpCode(f, vals);
    if (cl.kind === 0 || cl.kind === 1) lines.push(`  if (${ev}.tag === X${cl.tag}) { ${code} }`);
    else lines.push(`  { ${code} }`);
  }
  lines.push(`  throw ${ev};`, `}`);
  const height = c.stack.length - sig.params.length;
  c.frames.push({
    kind: 'try_table',
    label,
    height,
    params: sig.params,
    results: sig.results,
    exVar: lines.join('\n'),
    hasCatchAll: false,
    inCatch: false,
    flat: -1,
    caseId: 0,
  });
  c.emit(`${label}: {`);
  c.indent++;
  c.emit('try {');
  c.indent++;
}

/** Legacy `try`, `catch`, `catch_all`, `delegate`, `rethrow`. */
export function legacyTry(c: FunctionCompiler, op: number, at: number): void {
  const r = c.r;
  switch (op) {
    case Op.Try: {
      const sig = c.blockSig(readBlockType(r));
      c.settle(sig.params.length);
      const label = c.newLabel();
      c.frames.push({
        kind: 'try',
        label,
        height: c.stack.length - sig.params.length,
        params: sig.params,
        results: sig.results,
        exVar: `$${label}`,
        hasCatchAll: false,
        inCatch: false,
        flat: -1,
        caseId: 0,
      });
      c.emit(`${label}: {`);
      c.indent++;
      c.emit('try {');
      c.indent++;
      return;
    }
    case Op.Catch:
    case Op.CatchAll: {
      const f = c.frames[c.frames.length - 1]!;
      if (f.kind !== 'try' && f.kind !== 'catch') throw new CompileError('catch without try', at);
      if (!c.dead) {
        c.moveResults(f);
        c.emit(`break ${f.label};`);
      }
      c.indent--;
      const ev = f.exVar;
      if (!f.inCatch) {
        c.emit(`} catch (${ev}) {`);
        c.indent++;
        c.emit(`if (${ev} instanceof Delegated) { if (${ev}.to !== ${q(f.label)}) throw ${ev}; ${ev} = ${ev}.exn; }`);
        c.emit(`if (!(${ev} instanceof Exn)) throw ${ev};`);
        if (c.depthOn) c.emit('DEPTH[0] = dd;');
        if (c.fuelOn) c.emit('fu = FUEL[0];');
        c.reload();
      } else {
        c.emit('}');
      }
      f.inCatch = true;
      f.kind = 'catch';
      c.stack.length = f.height;
      if (op === Op.Catch) {
        const tag = r.u32();
        const ti = c.ctx.tags[tag];
        if (ti === undefined) throw new CompileError(`unknown tag ${tag}`, at);
        c.emit(`if (${ev}.tag === X${tag}) {`);
        c.indent++;
        let j = 0;
        for (const p of funcTypeAt(c.ctx, ti).params) {
          const k = kindOf(p);
          const en = c.pushSlot(k);
          if (k === 'i64') {
            c.emit(`${en.e} = ${ev}.payload[${j}]; ${en.h} = ${ev}.payload[${j + 1}];`);
            j += 2;
          } else {
            c.emit(`${en.e} = ${ev}.payload[${j++}];`);
          }
        }
      } else {
        f.hasCatchAll = true;
        c.emit('{');
        c.indent++;
      }
      c.dead = false;
      return;
    }
    case Op.Delegate: {
      const depth = r.u32();
      const f = c.frames.pop()!;
      if (f.kind !== 'try') throw new CompileError('delegate without try', at);
      if (!c.dead) c.moveResults(f);
      c.indent--;
      const ev = f.exVar;
      // The target: the frame `depth` levels out from the try (after popping it).
      let handler: Frame | undefined;
      for (let i = c.frames.length - 1 - depth; i >= 0; i--) {
        const fr = c.frames[i]!;
        if (fr.kind === 'try' || fr.kind === 'try_table') {
          handler = fr;
          break;
        }
      }
      if (handler === undefined) c.delegatesToCaller = true;
      const rethrow = `throw new Delegated(${ev}, ${q(handler === undefined ? '$func' : handler.label)});`;
      c.emit(`} catch (${ev}) {`);
      c.emit(`  if (${ev} instanceof Delegated && ${ev}.to === ${q(f.label)}) ${ev} = ${ev}.exn;`);
      c.emit(`  if (${ev} instanceof Exn) ${rethrow}`);
      c.emit(`  throw ${ev};`);
      c.emit('}');
      c.indent--;
      c.emit('}');
      c.resetTo(f, f.results);
      c.dead = false;
      return;
    }
    case Op.Rethrow: {
      const f = c.frameAt(r.u32());
      if (f.kind !== 'catch') throw new CompileError('rethrow target is not a catch', at);
      c.emit(`${c.fuelSave}throw ${f.exVar};`);
      c.dead = true;
      return;
    }
  }
}

/** Closes a legacy `try` at its `end`. */
export function closeLegacyTry(c: FunctionCompiler, f: Frame): void {
  const ev = f.exVar;
  if (!f.inCatch) {
    // try ... end with no handlers: exceptions pass through.
    c.indent--;
    c.emit(`} catch (${ev}) {`);
    c.emit(`  if (${ev} instanceof Delegated && ${ev}.to === ${q(f.label)}) throw ${ev}.exn;`);
    c.emit(`  throw ${ev};`);
    c.emit('}');
    c.indent--;
    c.emit('}');
    return;
  }
  if (!c.dead) c.emit(`break ${f.label};`);
  c.indent--;
  c.emit('}');
  if (!f.hasCatchAll) c.emit(`throw ${ev};`);
  c.indent--;
  c.emit('}');
  c.indent--;
  c.emit('}');
}
