/**
 * `poll_oneoff`: clock subscriptions (relative and absolute) and descriptor read/write readiness.
 * Files and in-memory streams are always ready; when nothing is ready the call sleeps until the
 * earliest clock subscription fires.
 * @module
 */
import { Errno, Eventtype, Layout, Rights, Subclockflags } from './constants.js';
import { clockNow } from './clock.js';
import { WasiErrnoError, errnoOf } from './errors.js';
import type { GroupEnv, WasiHostFn } from './fn.js';
import { MemoryInputStream } from './streams.js';

interface Event {
  userdata: bigint;
  error: number;
  type: number;
  nbytes: bigint;
}

/** The polling function. */
export function pollFunctions({ ctx, mem }: GroupEnv): Record<string, WasiHostFn> {
  return {
    poll_oneoff: (inPtr: number, outPtr: number, nsubs: number, neventsPtr: number) => {
      const n = nsubs >>> 0;
      if (n === 0) throw new WasiErrnoError(Errno.INVAL, 'no subscriptions');
      const m = mem();
      const inBase = m.check(inPtr, n * Layout.SUBSCRIPTION_SIZE);
      const outBase = m.check(outPtr, n * Layout.EVENT_SIZE);
      m.check(neventsPtr, 4);

      const ready: Event[] = [];
      const clocks: { userdata: bigint; delta: bigint }[] = [];
      for (let i = 0; i < n; i++) {
        const s = inBase + i * Layout.SUBSCRIPTION_SIZE;
        const userdata = m.u64At(s + Layout.SUBSCRIPTION_USERDATA);
        const tag = m.u8At(s + Layout.SUBSCRIPTION_TAG);
        if (tag === Eventtype.CLOCK) {
          const id = m.u32At(s + Layout.SUBSCRIPTION_CLOCK_ID);
          const timeout = m.u64At(s + Layout.SUBSCRIPTION_CLOCK_TIMEOUT);
          const flags = m.u16At(s + Layout.SUBSCRIPTION_CLOCK_FLAGS);
          try {
            const delta = flags & Subclockflags.SUBSCRIPTION_CLOCK_ABSTIME ? timeout - clockNow(ctx, id) : timeout;
            clocks.push({ userdata, delta });
          } catch (e) {
            ready.push({ userdata, error: errnoOf(e), type: tag, nbytes: 0n });
          }
        } else if (tag === Eventtype.FD_READ || tag === Eventtype.FD_WRITE) {
          const fd = m.u32At(s + Layout.SUBSCRIPTION_FD);
          const e = ctx.fds.get(fd);
          let error: number = Errno.SUCCESS;
          let nbytes = 0n;
          if (e === undefined) error = Errno.BADF;
          else if ((e.rightsBase & Rights.POLL_FD_READWRITE) === 0n) error = Errno.NOTCAPABLE;
          else if (tag === Eventtype.FD_READ) {
            if (e.kind === 'file') {
              try {
                const size = e.file.stat().size;
                nbytes = size > e.position ? size - e.position : 0n;
              } catch (err) {
                error = errnoOf(err);
              }
            } else if (e.kind === 'stream') {
              if (e.input === null) error = Errno.BADF;
              else nbytes = e.input instanceof MemoryInputStream ? BigInt(e.input.remaining) : 1n;
            } else error = Errno.BADF;
          } else if (e.kind === 'dir' || (e.kind === 'stream' && e.output === null)) {
            error = Errno.BADF;
          }
          ready.push({ userdata, error, type: tag, nbytes });
        } else {
          ready.push({ userdata, error: Errno.INVAL, type: tag, nbytes: 0n });
        }
      }

      if (ready.length === 0 && clocks.length > 0) {
        const wait = clocks.reduce((a, c) => (c.delta < a ? c.delta : a), clocks[0]!.delta);
        if (wait > 0n) ctx.clocks.sleep(wait);
        for (const c of clocks) if (c.delta <= wait) ready.push({ userdata: c.userdata, error: 0, type: Eventtype.CLOCK, nbytes: 0n });
      } else {
        for (const c of clocks) if (c.delta <= 0n) ready.push({ userdata: c.userdata, error: 0, type: Eventtype.CLOCK, nbytes: 0n });
      }

      ready.forEach((ev, i) => {
        const p = outBase + i * Layout.EVENT_SIZE;
        m.u8.fill(0, p, p + Layout.EVENT_SIZE);
        m.setU64(p + Layout.EVENT_USERDATA, ev.userdata);
        m.setU16(p + Layout.EVENT_ERROR, ev.error);
        m.setU8(p + Layout.EVENT_TYPE, ev.type);
        m.setU64(p + Layout.EVENT_NBYTES, ev.nbytes);
      });
      m.setU32(neventsPtr, ready.length);
      return Errno.SUCCESS;
    },
  };
}
