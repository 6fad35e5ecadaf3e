/**
 * `clock_res_get`, `clock_time_get`.
 * @module
 */
import { ClockId, Errno } from './constants.js';
import type { WasiCtx } from './ctx.js';
import { WasiErrnoError } from './errors.js';
import type { GroupEnv, WasiHostFn } from './fn.js';

/** The time of clock `id` in nanoseconds; `EINVAL` for an unknown clock, `ENOTSUP` if unavailable. */
export function clockNow(ctx: WasiCtx, id: number): bigint {
  let t: bigint | null;
  switch (id) {
    case ClockId.REALTIME: t = ctx.clocks.realtime(); break;
    case ClockId.MONOTONIC: t = ctx.clocks.monotonic(); break;
    case ClockId.PROCESS_CPUTIME_ID: t = ctx.clocks.processCputime(); break;
    case ClockId.THREAD_CPUTIME_ID: t = ctx.clocks.threadCputime(); break;
    default: throw new WasiErrnoError(Errno.INVAL, `unknown clock ${id}`);
  }
  if (t === null) throw new WasiErrnoError(Errno.NOTSUP, `clock ${id} is not available`);
  return t;
}

/** The clock functions. */
export function clockFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  return {
    clock_res_get: (id: number, resPtr: number) => {
      clockNow(ctx, id);
      // Microsecond resolution for every clock (what the JS sources deliver at best).
      mem().setU64(resPtr, 1000n);
      return Errno.SUCCESS;
    },
    clock_time_get: (id: number, _precision: bigint, timePtr: number) => {
      mem().setU64(timePtr, clockNow(ctx, id));
      return Errno.SUCCESS;
    },
  };
}
