/**
 * `sock_accept`, `sock_recv`, `sock_send`, `sock_shutdown`. preview1 cannot create sockets, and
 * this host preopens none, so a descriptor is never a socket: these fail with `EBADF` for an unknown
 * descriptor and `ENOTSUP` for any other.
 * @module
 */
import { Errno } from './constants.js';
import type { GroupEnv, WasiHostFn } from './fn.js';

/** The socket functions. */
export function sockFunctions({ ctx }: GroupEnv): Record<string, WasiHostFn> {
  const notSock = (fd: number): number => {
    ctx.get(fd);
    return Errno.NOTSUP;
  };
  return {
    sock_accept: (fd: number) => notSock(fd),
    sock_recv: (fd: number) => notSock(fd),
    sock_send: (fd: number) => notSock(fd),
    sock_shutdown: (fd: number) => notSock(fd),
  };
}
