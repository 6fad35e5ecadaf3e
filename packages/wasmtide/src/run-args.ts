/**
 * The options of `wasmtide run` (see `run.ts`), parsed without loading the runtime, so that the CLI
 * can start reading the module while the rest of it loads.
 * @module
 */

/** Parsed `run` options. */
export interface RunOptions {
  dirs: { host: string; guest: string }[];
  env: [string, string][];
  inheritEnv: boolean;
  invoke: string | null;
  allowPrecompiled: boolean;
  file: string;
  args: string[];
}

const RUN_USAGE = 'usage: wasmtide run [--dir HOST[::GUEST]]... [--env K=V]... [--inherit-env] [--invoke NAME] [--allow-precompiled] FILE [ARGS...]';

/** Parses `run`'s arguments: options, then FILE, then the guest's arguments. */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const o: RunOptions = { dirs: [], env: [], inheritEnv: false, invoke: null, allowPrecompiled: false, file: '', args: [] };
  let i = 0;
  const value = (opt: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    const v = argv[++i];
    if (v === undefined) throw new Error(`${opt} needs a value\n${RUN_USAGE}`);
    return v;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg === '--') {
      i++;
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '--dir': {
        const spec = value(name, inline);
        const sep = spec.indexOf('::');
        const host = sep >= 0 ? spec.slice(0, sep) : spec;
        const guest = sep >= 0 ? spec.slice(sep + 2) : spec;
        if (!host || !guest) throw new Error(`--dir ${spec}: expected HOST or HOST::GUEST`);
        o.dirs.push({ host, guest });
        break;
      }
      case '--env': {
        const kv = value(name, inline);
        const k = kv.indexOf('=');
        if (k <= 0) throw new Error(`--env ${kv}: expected K=V`);
        o.env.push([kv.slice(0, k), kv.slice(k + 1)]);
        break;
      }
      case '--inherit-env':
        o.inheritEnv = true;
        break;
      case '--invoke':
        o.invoke = value(name, inline);
        break;
      case '--allow-precompiled':
        o.allowPrecompiled = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n${RUN_USAGE}`);
    }
  }
  const file = argv[i];
  if (file === undefined) throw new Error(RUN_USAGE);
  o.file = file;
  o.args = argv.slice(i + 1);
  return o;
}

