/**
 * The `.wast` script engine shared by the `wasmtide wast` command and the spec-suite runner: runs
 * every top-level command of a script and says, for each, whether it passed, failed or was skipped
 * (with a reason).
 *
 * Matching rules:
 * - `assert_malformed` passes when the parser rejects the module (text and `quote` modules: the
 *   text parser; `binary` modules: the decoder) with a reason starting with the expected text.
 *   Rejection by the validator is a failure ("rejected by the wrong layer").
 * - `assert_invalid` passes when the module decodes and the validator rejects it, with a reason
 *   starting with the expected text. Rejection by the parser is a failure.
 * - A rejection by the right layer with different wording is a failure too, flagged
 *   `messageMismatch` so runners can tally them.
 * - Execution goes through the public API of `@wasmtide/runtime` (see `wast-exec.ts`): modules are
 *   instantiated with imports resolved by name from registered instances and the `spectest` host
 *   module; results compare bit-exactly (NaN patterns, v128 lanes, reference kinds, `either`);
 *   `assert_trap`/`assert_exhaustion` need a `Trap` whose wording starts with the expected text,
 *   `assert_unlinkable` a `LinkError`, `assert_exception` a thrown wasm exception.
 * - With `execute: false`, commands that need execution are checked as far as possible (their
 *   modules must compile) and then skipped with the reason `execution not implemented`.
 *
 * The text parser is loaded with a dynamic `import()` the first time a script is run.
 * @module
 */
import type { Module } from '@wasmtide/parser';
import type { WastCommand, WastModuleSource } from '@wasmtide/parser/text';
import { wasm3FeatureSet, type WastFeatures } from './features.js';
import { loadPipeline, type Pipeline } from './pipeline.js';
import { formatActual, formatExpected, matchesExpected, WastSession } from './wast-exec.js';
import { ThrownException, type Instance, type Module as RuntimeModule } from '@wasmtide/runtime';
import type { WastAction, WastModuleForm, WastModuleInstance } from '@wasmtide/parser/text';

/** The kinds of top-level script commands (CONTRACT.md). */
export const WAST_COMMAND_KINDS = [
  'module',
  'module_definition',
  'module_instance',
  'register',
  'invoke',
  'get',
  'assert_return',
  'assert_trap',
  'assert_exhaustion',
  'assert_exception',
  'assert_invalid',
  'assert_malformed',
  'assert_unlinkable',
  'assert_invalid_custom',
  'assert_malformed_custom',
] as const;

/** A top-level command kind. */
export type WastCommandKind = (typeof WAST_COMMAND_KINDS)[number];

/** What happened to one command. */
export interface WastOutcome {
  /** 1-based line of the command in the script. */
  readonly line: number;
  /** The kind of the command, as the spec-suite report counts it. */
  readonly kind: WastCommandKind;
  /** How the command ended. */
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped (always set for those). */
  readonly reason?: string;
  /** The right layer rejected the module, but with other wording than expected. */
  readonly messageMismatch?: boolean;
}

/** One entry of a script's plan: the commands it holds, in order. */
export interface WastPlanEntry {
  /** 1-based line of the command in the script. */
  readonly line: number;
  /** The kind of the command. */
  readonly kind: WastCommandKind;
}

/** Options of {@link runWast}. */
export interface WastRunOptions {
  /** Name used in messages (a path). */
  readonly filename?: string;
  /** The proposals the script assumes (default: WebAssembly 3.0). */
  readonly features?: WastFeatures;
  /**
   * Run the commands that need execution (instantiation, actions and their assertions) through
   * `@wasmtide/runtime`. Default true; when false they are skipped with
   * {@link EXECUTION_NOT_IMPLEMENTED} after their modules are checked.
   */
  readonly execute?: boolean;
  /** Called once the script is parsed, with its commands. */
  readonly onPlan?: (plan: readonly WastPlanEntry[]) => void;
  /** Called after each command. */
  readonly onOutcome?: (outcome: WastOutcome) => void;
}

/** The result of running one script. */
export interface WastRunResult {
  /** One outcome per command, in script order. */
  readonly outcomes: readonly WastOutcome[];
  /** How many commands passed. */
  readonly passed: number;
  /** How many commands failed. */
  readonly failed: number;
  /** How many commands were skipped (each outcome says why). */
  readonly skipped: number;
}

/** The reason given for commands skipped because they need execution. */
export const EXECUTION_NOT_IMPLEMENTED = 'execution not implemented';

// ---------------------------------------------------------------------------------------------

/** The layer that rejected a module, and its reason. */
interface Rejection {
  readonly layer: 'parser' | 'validator' | 'crash';
  readonly reason: string;
  readonly message: string;
}

type Compiled = { readonly ok: true; readonly bytes: Uint8Array; readonly module: Module } | { readonly ok: false; readonly rejection: Rejection };

function describe(err: unknown): { code: string | null; reason: string; message: string } {
  if (typeof err === 'object' && err !== null) {
    const e = err as { code?: unknown; reason?: unknown; message?: unknown; name?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(err);
    const code = typeof e.code === 'string' ? e.code : null;
    const reason = typeof e.reason === 'string' ? e.reason : message;
    return { code, reason, message: code === null && typeof e.name === 'string' ? `${e.name}: ${message}` : message };
  }
  return { code: null, reason: String(err), message: String(err) };
}

/** Parses, decodes and validates one script module, saying which layer rejected it, if any. */
function compile(p: Pipeline, src: WastModuleSource, features: WastFeatures): Compiled {
  let bytes: Uint8Array;
  if (src.kind === 'binary') bytes = src.bytes;
  else {
    try {
      bytes = p.parseWat(src.text, features);
    } catch (err) {
      const d = describe(err);
      return { ok: false, rejection: { layer: d.code === 'malformed' ? 'parser' : 'crash', reason: d.reason, message: d.message } };
    }
  }
  let module: Module;
  try {
    module = p.decodeModule(bytes, features);
  } catch (err) {
    const d = describe(err);
    return { ok: false, rejection: { layer: d.code === 'malformed' ? 'parser' : 'crash', reason: d.reason, message: d.message } };
  }
  try {
    p.validate(module, features);
  } catch (err) {
    // The validator also walks bodies, and reports a malformed one with the decoder's error.
    const d = describe(err);
    const layer = d.code === 'invalid' ? 'validator' : d.code === 'malformed' ? 'parser' : 'crash';
    return { ok: false, rejection: { layer, reason: d.reason, message: d.message } };
  }
  return { ok: true, bytes, module };
}

function clip(s: string, n = 160): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** Judges an assertion that expects `layer` to reject the module with `expected`. */
function expectRejection(c: Compiled, layer: 'parser' | 'validator', expected: string): { status: 'passed' | 'failed'; reason?: string; messageMismatch?: boolean } {
  if (c.ok) return { status: 'failed', reason: `module accepted, expected ${layer === 'parser' ? 'malformed' : 'invalid'}: "${expected}"` };
  const r = c.rejection;
  if (r.layer === 'crash') return { status: 'failed', reason: `crash: ${clip(r.message)}` };
  if (r.layer !== layer) return { status: 'failed', reason: `rejected by the wrong layer (${r.layer}): ${clip(r.message)}; expected "${expected}"` };
  if (!r.reason.startsWith(expected)) return { status: 'failed', messageMismatch: true, reason: `wrong message: "${clip(r.reason, 100)}", expected "${expected}"` };
  return { status: 'passed' };
}

/** Runs one `.wast` script and reports every top-level command. Never throws for script content. */
export async function runWast(source: string, options: WastRunOptions = {}): Promise<WastRunResult> {
  const features = options.features ?? wasm3FeatureSet;
  const outcomes: WastOutcome[] = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const record = (o: WastOutcome): void => {
    outcomes.push(o);
    counts[o.status]++;
    options.onOutcome?.(o);
  };

  const p = await loadPipeline();
  let commands: readonly WastCommand[];
  try {
    commands = p.parseWast(source, options.filename).commands;
  } catch (err) {
    const d = describe(err);
    const line = typeof (err as { line?: unknown }).line === 'number' ? (err as { line: number }).line : 1;
    options.onPlan?.([{ line, kind: 'module' }]);
    record({ line, kind: 'module', status: 'failed', reason: `script does not parse: ${clip(d.message)}` });
    return { outcomes, ...counts };
  }
  options.onPlan?.(commands.map((c) => ({ line: c.line, kind: c.kind })));

  let session: WastSession | null = null;
  let sessionError: string | null = null;
  if (options.execute !== false) {
    try {
      session = new WastSession(features);
    } catch (err) {
      sessionError = `runtime unavailable: ${clip(describe(err).message)}`;
    }
  }

  let lastYield = Date.now();
  for (const cmd of commands) {
    // Let the host event loop breathe (progress messages) during long scripts.
    if (Date.now() - lastYield > 100) {
      await new Promise((r) => setTimeout(r, 0));
      lastYield = Date.now();
    }
    const base = { line: cmd.line, kind: cmd.kind };
    try {
      record({ ...base, ...(session ? execCommand(p, session, cmd, features) : runCommand(p, cmd, features, sessionError)) });
    } catch (err) {
      record({ ...base, status: 'failed', reason: `crash: ${clip(describe(err).message)}` });
    }
  }
  return { outcomes, ...counts };
}

type Verdict = { status: 'passed' | 'failed' | 'skipped'; reason?: string; messageMismatch?: boolean };

/** Front-end-only judgement: execution is off, so commands that need it are skipped after their modules are checked. */
function runCommand(p: Pipeline, cmd: WastCommand, features: WastFeatures, why: string | null): Verdict {
  const skip: Verdict = { status: 'skipped', reason: why ?? EXECUTION_NOT_IMPLEMENTED };
  const mustCompile = (src: WastModuleSource, then: Verdict): Verdict => {
    const c = compile(p, src, features);
    if (c.ok) return then;
    const r = c.rejection;
    return { status: 'failed', reason: `${r.layer === 'crash' ? 'crash' : r.layer === 'parser' ? 'malformed' : 'invalid'}: ${clip(r.message)}` };
  };
  switch (cmd.kind) {
    case 'module':
      return mustCompile(cmd.source, skip);
    case 'module_definition':
      // A definition is only compiled.
      return mustCompile(cmd.source, { status: 'passed' });
    case 'assert_trap':
      // The module form traps during instantiation: it must compile first.
      return cmd.subject.kind === 'module' || cmd.subject.kind === 'module_definition' ? mustCompile(cmd.subject.source, skip) : skip;
    case 'assert_unlinkable':
      return mustCompile(cmd.module.source, skip);
    case 'assert_malformed':
    case 'assert_malformed_custom':
      return expectRejection(compile(p, cmd.module.source, features), 'parser', cmd.message);
    case 'assert_invalid':
      return expectRejection(compile(p, cmd.module.source, features), 'validator', cmd.message);
    case 'assert_invalid_custom': {
      // Custom-section semantics: the module must parse; any later rejection counts.
      const c = compile(p, cmd.module.source, features);
      if (c.ok) return { status: 'failed', reason: `module accepted, expected invalid custom section: "${cmd.message}"` };
      if (c.rejection.layer === 'crash') return { status: 'failed', reason: `crash: ${clip(c.rejection.message)}` };
      return { status: 'passed' };
    }
    case 'module_instance':
    case 'register':
    case 'invoke':
    case 'get':
    case 'assert_return':
    case 'assert_exhaustion':
    case 'assert_exception':
      return skip;
    default:
      return { status: 'failed', reason: `unknown command kind ${String((cmd as { kind: unknown }).kind)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// With execution

const PASS: Verdict = { status: 'passed' };
const fail = (reason: string, messageMismatch?: boolean): Verdict => (messageMismatch ? { status: 'failed', reason, messageMismatch } : { status: 'failed', reason });

/** What an error thrown while running is, for judging assertions. */
function classify(err: unknown): { kind: 'trap' | 'link' | 'exception' | 'other'; reason: string; message: string; trapCode: string } {
  const d = describe(err);
  const trapCode = typeof (err as { trapCode?: unknown })?.trapCode === 'string' ? (err as { trapCode: string }).trapCode : '';
  if (err instanceof ThrownException) return { kind: 'exception', reason: d.reason, message: d.message, trapCode };
  if (d.code === 'trap') return { kind: 'trap', reason: trapCode || d.reason, message: d.message, trapCode };
  if (d.code === 'link') return { kind: 'link', reason: d.reason, message: d.message, trapCode };
  return { kind: 'other', reason: d.reason, message: d.message, trapCode };
}

/** Compiles a script module through the front end (for the right diagnosis) and then the runtime. */
function load(p: Pipeline, s: WastSession, m: WastModuleForm, features: WastFeatures): { ok: true; module: RuntimeModule } | { ok: false; verdict: Verdict } {
  const c = compile(p, m.source, features);
  if (!c.ok) {
    const r = c.rejection;
    return { ok: false, verdict: fail(`${r.layer === 'crash' ? 'crash' : r.layer === 'parser' ? 'malformed' : 'invalid'}: ${clip(r.message)}`) };
  }
  try {
    return { ok: true, module: s.compile(c.bytes) };
  } catch (err) {
    return { ok: false, verdict: fail(`compile error: ${clip(describe(err).message)}`) };
  }
}

/** What was thrown, as a failure reason: `trap: …`, `link: …`, `exception: …` or the error itself. */
function thrown(e: ReturnType<typeof classify>): string {
  return e.kind === 'other' ? clip(e.message) : `${e.kind}: ${clip(e.message)}`;
}

/** Judges a thrown error against an expected trap message. */
function expectTrap(err: unknown, expected: string, what: string): Verdict {
  const e = classify(err);
  if (e.kind !== 'trap') return fail(`expected ${what} "${expected}", got ${thrown(e)}`);
  if (e.trapCode.startsWith(expected) || e.reason.startsWith(expected) || e.message.startsWith(expected)) return PASS;
  return fail(`wrong trap: "${clip(e.reason, 100)}", expected "${expected}"`, true);
}

function instantiateSubject(p: Pipeline, s: WastSession, subject: WastModuleForm | WastModuleInstance, features: WastFeatures): { ok: true; run: () => Instance } | { ok: false; verdict: Verdict } {
  if (subject.kind === 'module_instance') return { ok: true, run: () => s.instantiate(s.definition(subject.module)) };
  const l = load(p, s, subject, features);
  if (!l.ok) return l;
  return { ok: true, run: () => s.instantiate(l.module) };
}

function runAction(s: WastSession, a: WastAction): { ok: true; results: unknown[] } | { ok: false; error: unknown } {
  try {
    return { ok: true, results: s.act(a) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Runs one command with execution. */
function execCommand(p: Pipeline, s: WastSession, cmd: WastCommand, features: WastFeatures): Verdict {
  switch (cmd.kind) {
    case 'module': {
      const l = load(p, s, cmd, features);
      if (!l.ok) {
        s.moduleFailed(cmd.name, cmd.line);
        return l.verdict;
      }
      try {
        s.setCurrent(cmd.name, s.instantiate(l.module));
        return PASS;
      } catch (err) {
        s.moduleFailed(cmd.name, cmd.line);
        const e = classify(err);
        return fail(`instantiation failed (${e.kind}): ${clip(e.message)}`);
      }
    }
    case 'module_definition': {
      const l = load(p, s, cmd, features);
      if (!l.ok) return l.verdict;
      s.define(cmd.name, l.module);
      return PASS;
    }
    case 'module_instance': {
      try {
        s.setCurrent(cmd.instance, s.instantiate(s.definition(cmd.module)));
        return PASS;
      } catch (err) {
        s.moduleFailed(cmd.instance, cmd.line);
        const e = classify(err);
        return fail(`instantiation failed (${e.kind}): ${clip(e.message)}`);
      }
    }
    case 'register':
      try {
        s.register(cmd.as, cmd.module);
        return PASS;
      } catch (err) {
        return fail(clip(describe(err).message));
      }
    case 'invoke':
    case 'get': {
      const r = runAction(s, cmd);
      if (r.ok) return PASS;
      const e = classify(r.error);
      return fail(thrown(e));
    }
    case 'assert_return': {
      const r = runAction(s, cmd.action);
      if (!r.ok) {
        const e = classify(r.error);
        return fail(thrown(e));
      }
      const got = r.results as Parameters<typeof matchesExpected>[1][];
      const want = cmd.expected;
      if (got.length !== want.length) return fail(`expected ${want.length} result(s), got ${got.length}: ${got.map((g) => formatActual(g)).join(', ')}`);
      for (let i = 0; i < want.length; i++) {
        if (!matchesExpected(want[i]!, got[i]!)) {
          return fail(`result ${i}: expected ${clip(formatExpected(want[i]!), 120)}, got ${clip(formatActual(got[i]!, want[i]!), 120)}`);
        }
      }
      return PASS;
    }
    case 'assert_trap': {
      const subject = cmd.subject;
      if (subject.kind === 'invoke' || subject.kind === 'get') {
        const r = runAction(s, subject);
        if (r.ok) return fail(`expected trap "${cmd.message}", returned ${r.results.map((x) => formatActual(x as Parameters<typeof formatActual>[0])).join(', ') || 'nothing'}`);
        return expectTrap(r.error, cmd.message, 'trap');
      }
      const i = instantiateSubject(p, s, subject, features);
      if (!i.ok) return i.verdict;
      try {
        i.run();
        return fail(`instantiation succeeded, expected trap "${cmd.message}"`);
      } catch (err) {
        return expectTrap(err, cmd.message, 'trap');
      }
    }
    case 'assert_exhaustion': {
      const r = runAction(s, cmd.action);
      if (r.ok) return fail(`expected exhaustion "${cmd.message}", returned normally`);
      return expectTrap(r.error, cmd.message, 'exhaustion');
    }
    case 'assert_exception': {
      const r = runAction(s, cmd.action);
      if (r.ok) return fail('expected an exception, returned normally');
      const e = classify(r.error);
      return e.kind === 'exception' ? PASS : fail(`expected an exception, got ${thrown(e)}`);
    }
    case 'assert_unlinkable': {
      const l = load(p, s, cmd.module, features);
      if (!l.ok) return l.verdict;
      try {
        s.instantiate(l.module);
        return fail(`instantiation succeeded, expected unlinkable "${cmd.message}"`);
      } catch (err) {
        const e = classify(err);
        if (e.kind !== 'link') return fail(`expected link error "${cmd.message}", got ${thrown(e)}`);
        if (e.reason.startsWith(cmd.message) || e.message.startsWith(cmd.message)) return PASS;
        return fail(`wrong link error: "${clip(e.reason, 100)}", expected "${cmd.message}"`, true);
      }
    }
    default:
      // assert_invalid, assert_malformed and the custom ones never execute.
      return runCommand(p, cmd, features, null);
  }
}
