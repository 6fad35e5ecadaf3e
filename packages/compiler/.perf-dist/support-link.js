/**
 * The link to the numeric support library (`./support/`, written separately). Generated code
 * reaches helpers as `S.<opcode_name>` (for example `S.i64_mul`).
 * @module
 */
import { support as lib } from './support/index.js';
/** The support object handed to generated code. */
export const support = lib;
//# sourceMappingURL=support-link.js.map