/** `@wasmtide/compiler`. @module */
export { Trap, TrapCode, trap } from "./trap.js";
export type { FrameInfo } from "./trap.js";
