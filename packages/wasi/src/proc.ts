/**
 * `proc_exit`, `proc_raise`, `sched_yield`, `random_get`.
 * @module
 */
import { Errno, Signal } from './constants.js';
import { WasiErrnoError, WasiExit, WasiSignal } from './errors.js';
import type { GroupEnv, WasiHostFn } from './fn.js';

/** Signals whose default action is to do nothing. */
const IGNORED: ReadonlySet<number> = new Set([Signal.NONE, Signal.CHLD, Signal.CONT, Signal.URG, Signal.WINCH]);
/** Signals whose default action is to stop the process, which WASI cannot do. */
const STOPPING: ReadonlySet<number> = new Set([Signal.STOP, Signal.TSTP, Signal.TTIN, Signal.TTOU]);

/** The process and scheduling functions, and randomness. */
export function procFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  return {
    proc_exit: (code: number): void => {
      throw new WasiExit(code >>> 0);
    },
    proc_raise: (sig: number) => {
      const s = sig >>> 0;
      if (s > Signal.SYS) throw new WasiErrnoError(Errno.INVAL, `unknown signal ${s}`);
      if (IGNORED.has(s)) return Errno.SUCCESS;
      if (STOPPING.has(s)) throw new WasiErrnoError(Errno.NOTSUP, 'cannot stop a WASI process');
      // No handlers in preview1: every other signal terminates the guest.
      throw new WasiSignal(s);
    },
    sched_yield: () => Errno.SUCCESS,
    random_get: (buf: number, len: number) => {
      ctx.random(mem().bytes(buf, len));
      return Errno.SUCCESS;
    },
  };
}
