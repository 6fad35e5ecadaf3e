import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as c from '@wasmtide/c-api';

function wasm(text: string): Uint8Array {
  const out = new c.wasm_byte_vec_t();
  const err = c.wasmtime_wat2wasm(text, out);
  if (err) throw new Error(errorText(err));
  const bytes = out.data.slice();
  c.wasm_byte_vec_delete(out);
  return bytes;
}

function errorText(err: c.wasmtime_error_t): string {
  const msg = new c.wasm_byte_vec_t();
  c.wasmtime_error_message(err, msg);
  const s = c.wasmtide_name_to_string(msg);
  c.wasm_byte_vec_delete(msg);
  c.wasmtime_error_delete(err);
  return s;
}

function compile(engine: c.wasm_engine_t, text: string): c.wasmtime_module_t {
  const ret = { value: null as c.wasmtime_module_t | null };
  const err = c.wasmtime_module_new(engine, wasm(text), ret);
  if (err) throw new Error(errorText(err));
  return ret.value!;
}

const box = <T>(): { value: T | null } => ({ value: null });

describe('wasmtime.h: linker plus WASI', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('runs a WASI command through the linker: argv, env, stdout, a host function and the exit status', () => {
    const engine = c.wasm_engine_new();
    const linker = c.wasmtime_linker_new(engine);
    expect(c.wasmtime_linker_define_wasi(linker)).toBeNull();

    const hostSaw: string[] = [];
    const ty = c.wasm_functype_new_1_1(c.wasm_valtype_new_i32(), c.wasm_valtype_new_i32());
    const linkerFinalized: unknown[] = [];
    const env = { factor: 2 };
    expect(
      c.wasmtime_linker_define_func(
        linker,
        'host',
        'scale',
        ty,
        (e: typeof env, caller, args, results) => {
          const mem = { value: null as c.wasmtime_extern_t | null };
          expect(c.wasmtime_caller_export_get(caller, 'memory', mem)).toBe(true);
          const ctx = c.wasmtime_caller_context(caller);
          const bytes = c.wasmtime_memory_data(ctx, mem.value!.of.memory!);
          hostSaw.push(`${(c.wasmtime_context_get_data(ctx) as { name: string }).name}: ${new TextDecoder().decode(bytes.subarray(16, 31))}`);
          results[0] = { kind: c.WASMTIME_I32, of: { i32: args[0]!.of.i32! * e.factor } };
          return null;
        },
        env,
        (x) => linkerFinalized.push(x),
      ),
    ).toBeNull();
    c.wasm_functype_delete(ty);

    const storeFinalized: unknown[] = [];
    const data = { name: 'store data' };
    const store = c.wasmtime_store_new(engine, data, (d) => storeFinalized.push(d));
    const context = c.wasmtime_store_context(store);
    expect(c.wasmtime_context_get_data(context)).toBe(data);

    const stdout: string[] = [];
    const wasi = c.wasi_config_new();
    expect(c.wasi_config_set_argv(wasi, ['prog', 'one', 'two'])).toBe(true);
    expect(c.wasi_config_set_env(wasi, ['GREETING'], ['hi'])).toBe(true);
    expect(c.wasi_config_set_env(wasi, ['BAD=NAME'], ['x'])).toBe(false);
    c.wasmtide_wasi_config_set_stdout_callback(wasi, (b) => stdout.push(new TextDecoder().decode(b)));
    expect(c.wasmtime_context_set_wasi(context, wasi)).toBeNull();
    expect(() => c.wasi_config_delete(wasi)).toThrow(/deleted twice/);

    const module = compile(
      engine,
      `(module
        (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
        (import "host" "scale" (func $scale (param i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 16) "hello from wasi\\n")
        (func (export "_start")
          (i32.store (i32.const 0) (i32.const 16))
          (i32.store (i32.const 4) (i32.const 16))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
          (drop (call $args_sizes_get (i32.const 100) (i32.const 104)))
          (call $proc_exit (call $scale (i32.load (i32.const 100))))))`,
    );
    expect(c.wasmtime_linker_module(linker, context, 'app', module)).toBeNull();
    const start = box<c.wasmtime_func_t>();
    expect(c.wasmtime_linker_get_default(linker, context, 'app', start)).toBeNull();
    const trap = box<c.wasm_trap_t>();
    const err = c.wasmtime_func_call(context, start.value!, [], [], trap);
    expect(trap.value).toBeNull();
    expect(err).not.toBeNull();
    const status = { value: -1 };
    expect(c.wasmtime_error_exit_status(err!, status)).toBe(true);
    expect(status.value).toBe(6);
    c.wasmtime_error_delete(err);
    expect(stdout.join('')).toBe('hello from wasi\n');
    expect(hostSaw).toEqual(['store data: hello from wasi']);

    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    expect(storeFinalized).toEqual([data]);
    c.wasmtime_linker_delete(linker);
    expect(linkerFinalized).toEqual([env]);
    c.wasm_engine_delete(engine);
  });

  it('preopens a host directory for the guest, and reports a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtide-capi-'));
    try {
      const engine = c.wasm_engine_new();
      const linker = c.wasmtime_linker_new(engine);
      expect(c.wasmtime_linker_define_wasi(linker)).toBeNull();
      const store = c.wasmtime_store_new(engine, null, null);
      const context = c.wasmtime_store_context(store);
      const wasi = c.wasi_config_new();
      expect(c.wasi_config_preopen_dir(wasi, dir, '/sandbox', c.WASMTIME_WASI_DIR_PERMS_READ, c.WASMTIME_WASI_FILE_PERMS_READ)).toBe(true);
      expect(c.wasmtime_context_set_wasi(context, wasi)).toBeNull();
      const module = compile(
        engine,
        `(module
          (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $dir_name (param i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "probe") (result i32)
            (if (call $prestat (i32.const 3) (i32.const 200)) (then (return (i32.const -1))))
            (drop (call $dir_name (i32.const 3) (i32.const 300) (i32.load (i32.const 204))))
            (i32.load (i32.const 204))))`,
      );
      const instance = box<c.wasmtime_instance_t>();
      const trap = box<c.wasm_trap_t>();
      expect(c.wasmtime_linker_instantiate(linker, context, module, instance, trap)).toBeNull();
      const probe = box<c.wasmtime_extern_t>();
      const mem = box<c.wasmtime_extern_t>();
      c.wasmtime_instance_export_get(context, instance.value!, 'probe', probe);
      c.wasmtime_instance_export_get(context, instance.value!, 'memory', mem);
      const out: c.wasmtime_val_t[] = [{ kind: c.WASMTIME_I32, of: { i32: 0 } }];
      expect(c.wasmtime_func_call(context, probe.value!.of.func!, [], out, trap)).toBeNull();
      const len = out[0]!.of.i32!;
      expect(len).toBe('/sandbox'.length);
      const bytes = c.wasmtime_memory_data(context, mem.value!.of.memory!);
      expect(new TextDecoder().decode(bytes.subarray(300, 300 + len))).toBe('/sandbox');

      const missing = c.wasi_config_new();
      c.wasi_config_preopen_dir(missing, join(dir, 'does-not-exist'), '/nope');
      expect(errorText(c.wasmtime_context_set_wasi(context, missing)!)).not.toBe('');

      c.wasmtime_module_delete(module);
      c.wasmtime_store_delete(store);
      c.wasmtime_linker_delete(linker);
      c.wasm_engine_delete(engine);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends stdin, stdout and stderr to host files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasmtide-capi-files-'));
    try {
      writeFileSync(join(dir, 'in.txt'), 'ping');
      const engine = c.wasm_engine_new();
      const linker = c.wasmtime_linker_new(engine);
      expect(c.wasmtime_linker_define_wasi(linker)).toBeNull();
      const store = c.wasmtime_store_new(engine, null, null);
      const context = c.wasmtime_store_context(store);
      const wasi = c.wasi_config_new();
      expect(c.wasi_config_set_stdin_file(wasi, join(dir, 'missing', 'in.txt'))).toBe(false);
      expect(c.wasi_config_set_stdin_file(wasi, join(dir, 'in.txt'))).toBe(true);
      expect(c.wasi_config_set_stdout_file(wasi, join(dir, 'out.txt'))).toBe(true);
      expect(c.wasi_config_set_stderr_file(wasi, join(dir, 'err.txt'))).toBe(true);
      expect(c.wasmtime_context_set_wasi(context, wasi)).toBeNull();
      // Reads up to 16 bytes from stdin, then writes them to stdout and to stderr.
      const module = compile(
        engine,
        `(module
          (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 64))
            (i32.store (i32.const 4) (i32.const 16))
            (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
            (i32.store (i32.const 4) (i32.load (i32.const 8)))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))))`,
      );
      expect(c.wasmtime_linker_module(linker, context, 'app', module)).toBeNull();
      const start = box<c.wasmtime_func_t>();
      expect(c.wasmtime_linker_get_default(linker, context, 'app', start)).toBeNull();
      const trap = box<c.wasm_trap_t>();
      expect(c.wasmtime_func_call(context, start.value!, [], [], trap)).toBeNull();
      expect(trap.value).toBeNull();
      c.wasmtime_module_delete(module);
      c.wasmtime_store_delete(store);
      c.wasmtime_linker_delete(linker);
      c.wasm_engine_delete(engine);
      expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('ping');
      expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('ping');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defines unknown imports as traps', () => {
    const engine = c.wasm_engine_new();
    const linker = c.wasmtime_linker_new(engine);
    const store = c.wasmtime_store_new(engine, null, null);
    const context = c.wasmtime_store_context(store);
    const module = compile(engine, '(module (import "nowhere" "f" (func $f)) (func (export "run") (call $f)) (func (export "ok") (result i32) (i32.const 7)))');
    const instance = box<c.wasmtime_instance_t>();
    const trap = box<c.wasm_trap_t>();
    const missing = c.wasmtime_linker_instantiate(linker, context, module, instance, trap);
    expect(missing).not.toBeNull();
    expect(errorText(missing!)).toMatch(/nowhere::f/);
    expect(c.wasmtime_linker_define_unknown_imports_as_traps(linker, module)).toBeNull();
    expect(c.wasmtime_linker_instantiate(linker, context, module, instance, trap)).toBeNull();
    const ok = box<c.wasmtime_extern_t>();
    const run = box<c.wasmtime_extern_t>();
    c.wasmtime_instance_export_get(context, instance.value!, 'ok', ok);
    c.wasmtime_instance_export_get(context, instance.value!, 'run', run);
    const out: c.wasmtime_val_t[] = [{ kind: c.WASMTIME_I32, of: { i32: 0 } }];
    expect(c.wasmtime_func_call(context, ok.value!.of.func!, [], out, trap)).toBeNull();
    expect(out[0]!.of.i32).toBe(7);
    expect(c.wasmtime_func_call(context, run.value!.of.func!, [], [], trap)).toBeNull();
    expect(trap.value).not.toBeNull();
    c.wasm_trap_delete(trap.value!);
    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    c.wasmtime_linker_delete(linker);
    c.wasm_engine_delete(engine);
  });

  it('resolves imports by name: define, define_instance, instantiate, get, shadowing', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasmtime_store_new(engine, null, null);
    const context = c.wasmtime_store_context(store);
    const linker = c.wasmtime_linker_new(engine);

    // A host global defined by hand, and a whole instance registered under a name.
    const gty = c.wasm_globaltype_new(c.wasm_valtype_new_i32(), c.WASM_CONST);
    const global = box<c.wasmtime_global_t>();
    expect(c.wasmtime_global_new(context, gty, { kind: c.WASMTIME_I32, of: { i32: 100 } }, global)).toBeNull();
    c.wasm_globaltype_delete(gty);
    expect(c.wasmtime_linker_define(linker, context, 'env', 'base', { kind: c.WASMTIME_EXTERN_GLOBAL, of: { global: global.value! } })).toBeNull();

    const math = compile(engine, `(module (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0))))`);
    const mathInstance = box<c.wasmtime_instance_t>();
    const trap = box<c.wasm_trap_t>();
    expect(c.wasmtime_instance_new(context, math, [], mathInstance, trap)).toBeNull();
    expect(c.wasmtime_linker_define_instance(linker, context, 'math', mathInstance.value!)).toBeNull();

    const item = box<c.wasmtime_extern_t>();
    expect(c.wasmtime_linker_get(linker, context, 'math', 'square', item)).toBe(true);
    expect(item.value!.kind).toBe(c.WASMTIME_EXTERN_FUNC);
    expect(c.wasmtime_linker_get(linker, context, 'math', 'cube', item)).toBe(false);

    const main = compile(
      engine,
      `(module
        (import "math" "square" (func $square (param i32) (result i32)))
        (import "env" "base" (global $base i32))
        (func (export "run") (param i32) (result i32) (i32.add (global.get $base) (call $square (local.get 0)))))`,
    );
    const instance = box<c.wasmtime_instance_t>();
    expect(c.wasmtime_linker_instantiate(linker, context, main, instance, trap)).toBeNull();
    const run = box<c.wasmtime_extern_t>();
    expect(c.wasmtime_instance_export_get(context, instance.value!, 'run', run)).toBe(true);
    const results: c.wasmtime_val_t[] = [{ kind: c.WASMTIME_I32, of: { i32: 0 } }];
    expect(c.wasmtime_func_call(context, run.value!.of.func!, [{ kind: c.WASMTIME_I32, of: { i32: 12 } }], results, trap)).toBeNull();
    expect(results[0]).toEqual({ kind: c.WASMTIME_I32, of: { i32: 244 } });
    const name = { value: '' };
    expect(c.wasmtime_instance_export_nth(context, instance.value!, 0, name, run)).toBe(true);
    expect(name.value).toBe('run');
    const ft = c.wasmtime_func_type(context, run.value!.of.func!);
    expect(c.wasm_functype_params(ft).size).toBe(1);
    c.wasm_functype_delete(ft);

    // Defining twice is an error until shadowing is allowed.
    const again = c.wasmtime_linker_define(linker, context, 'env', 'base', { kind: c.WASMTIME_EXTERN_GLOBAL, of: { global: global.value! } });
    expect(errorText(again!)).toMatch(/env::base: defined twice/);
    c.wasmtime_linker_allow_shadowing(linker, true);
    expect(c.wasmtime_linker_define(linker, context, 'env', 'base', { kind: c.WASMTIME_EXTERN_GLOBAL, of: { global: global.value! } })).toBeNull();

    // An unknown import is a returned error, not a trap and not an exception.
    const needy = compile(engine, `(module (import "nowhere" "f" (func)))`);
    const failed = c.wasmtime_linker_instantiate(linker, context, needy, instance, trap);
    expect(trap.value).toBeNull();
    expect(errorText(failed!)).toMatch(/nowhere::f: unknown import/);

    for (const m of [math, main, needy]) c.wasmtime_module_delete(m);
    c.wasmtime_linker_delete(linker);
    c.wasmtime_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});

describe('wasmtime.h: store, functions, fuel and epochs', () => {
  afterEach(() => expect(c.wasmtide_debug_live_handles_by_kind()).toEqual({}));

  it('calls host and wasm functions with wasmtime_val_t, and reports traps by code', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasmtime_store_new(engine, 0, null);
    const context = c.wasmtime_store_context(store);
    const ty = c.wasm_functype_new_2_1(c.wasm_valtype_new_i64(), c.wasm_valtype_new_f64(), c.wasm_valtype_new_f64());
    const add = box<c.wasmtime_func_t>();
    c.wasmtime_func_new(
      context,
      ty,
      (_env, caller, args, results) => {
        const ctx = c.wasmtime_caller_context(caller);
        c.wasmtime_context_set_data(ctx, (c.wasmtime_context_get_data(ctx) as number) + 1);
        results[0] = { kind: c.WASMTIME_F64, of: { f64: Number(args[0]!.of.i64!) + args[1]!.of.f64! } };
        return null;
      },
      null,
      null,
      add,
    );
    c.wasm_functype_delete(ty);
    const module = compile(
      engine,
      `(module
        (import "" "add" (func $add (param i64 f64) (result f64)))
        (func (export "twice") (param i64 f64) (result f64) (call $add (local.get 0) (call $add (local.get 0) (local.get 1))))
        (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))`,
    );
    const instance = box<c.wasmtime_instance_t>();
    const trap = box<c.wasm_trap_t>();
    expect(c.wasmtime_instance_new(context, module, [{ kind: c.WASMTIME_EXTERN_FUNC, of: { func: add.value! } }], instance, trap)).toBeNull();
    const twice = box<c.wasmtime_extern_t>();
    const div = box<c.wasmtime_extern_t>();
    c.wasmtime_instance_export_get(context, instance.value!, 'twice', twice);
    c.wasmtime_instance_export_get(context, instance.value!, 'div', div);

    const out: c.wasmtime_val_t[] = [{ kind: c.WASMTIME_F64, of: { f64: 0 } }];
    expect(c.wasmtime_func_call(context, twice.value!.of.func!, [{ kind: c.WASMTIME_I64, of: { i64: 10n } }, { kind: c.WASMTIME_F64, of: { f64: 0.5 } }], out, trap)).toBeNull();
    expect(out[0]!.of.f64).toBe(20.5);
    expect(c.wasmtime_context_get_data(context)).toBe(2);

    const res: c.wasmtime_val_t[] = [{ kind: c.WASMTIME_I32, of: { i32: 0 } }];
    const i32 = (n: number): c.wasmtime_val_t => ({ kind: c.WASMTIME_I32, of: { i32: n } });
    expect(c.wasmtime_func_call(context, div.value!.of.func!, [i32(1), i32(0)], res, trap)).toBeNull();
    const code = { value: -1 };
    expect(c.wasmtime_trap_code(trap.value!, code)).toBe(true);
    expect(code.value).toBe(c.WASMTIME_TRAP_CODE_INTEGER_DIVISION_BY_ZERO);
    c.wasm_trap_delete(trap.value);

    // Wrong arity is an error value; a value of the wrong kind is misuse (thrown).
    expect(errorText(c.wasmtime_func_call(context, div.value!.of.func!, [i32(1)], res, trap)!)).toMatch(/expected 2 arguments, got 1/);
    expect(() => c.wasmtime_func_call(context, div.value!.of.func!, [i32(1), { kind: c.WASMTIME_F32, of: { f32: 1 } }], res, trap)).toThrow(c.CApiError);

    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    // The store is gone: its context is unusable.
    expect(() => c.wasmtime_context_get_data(context)).toThrow(/after its store was deleted/);
    c.wasm_engine_delete(engine);
  });

  it('stops runaway code with fuel and with epochs', () => {
    const config = c.wasm_config_new();
    c.wasmtime_config_consume_fuel_set(config, true);
    c.wasmtime_config_epoch_interruption_set(config, true);
    const engine = c.wasm_engine_new_with_config(config);
    expect(() => c.wasm_config_delete(config)).toThrow(/deleted twice/);
    const store = c.wasmtime_store_new(engine, null, null);
    const context = c.wasmtime_store_context(store);
    const module = compile(engine, `(module (func (export "spin") (loop (br 0))))`);
    const instance = box<c.wasmtime_instance_t>();
    const trap = box<c.wasm_trap_t>();
    expect(c.wasmtime_context_set_fuel(context, 1_000_000n)).toBeNull();
    c.wasmtime_context_set_epoch_deadline(context, 1000);
    expect(c.wasmtime_instance_new(context, module, [], instance, trap)).toBeNull();
    const spin = box<c.wasmtime_extern_t>();
    c.wasmtime_instance_export_get(context, instance.value!, 'spin', spin);

    const code = { value: -1 };
    expect(c.wasmtime_func_call(context, spin.value!.of.func!, [], [], trap)).toBeNull();
    expect(c.wasmtime_trap_code(trap.value!, code)).toBe(true);
    expect(code.value).toBe(c.WASMTIME_TRAP_CODE_OUT_OF_FUEL);
    c.wasm_trap_delete(trap.value);
    const fuel = { value: -1n };
    expect(c.wasmtime_context_get_fuel(context, fuel)).toBeNull();
    expect(fuel.value).toBe(0n);

    expect(c.wasmtime_context_set_fuel(context, 1_000_000_000n)).toBeNull();
    c.wasmtime_context_set_epoch_deadline(context, 1);
    c.wasmtime_engine_increment_epoch(engine);
    expect(c.wasmtime_func_call(context, spin.value!.of.func!, [], [], trap)).toBeNull();
    expect(c.wasmtime_trap_code(trap.value!, code)).toBe(true);
    expect(code.value).toBe(c.WASMTIME_TRAP_CODE_INTERRUPT);
    c.wasm_trap_delete(trap.value);

    c.wasmtime_module_delete(module);
    c.wasmtime_store_delete(store);
    c.wasm_engine_delete(engine);
  });

  it('reports fuel use without fuel enabled, and WAT syntax errors, as error values', () => {
    const engine = c.wasm_engine_new();
    const store = c.wasmtime_store_new(engine, null, null);
    expect(errorText(c.wasmtime_context_set_fuel(c.wasmtime_store_context(store), 5n)!)).toMatch(/fuel is not enabled/);
    const out = new c.wasm_byte_vec_t();
    expect(errorText(c.wasmtime_wat2wasm('(module (func (i32.bogus)))', out)!)).toMatch(/:1:/);
    const ret = { value: null as c.wasmtime_module_t | null };
    expect(errorText(c.wasmtime_module_new(engine, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1]), ret)!)).toMatch(/offset/);
    expect(ret.value).toBeNull();
    c.wasmtime_store_delete(store);
    c.wasm_engine_delete(engine);
  });
});
