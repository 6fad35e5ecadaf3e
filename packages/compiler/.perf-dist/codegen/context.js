/**
 * What the function compiler needs to know about the module around a body, and the compile
 * error it raises.
 * @module
 */
import { WasmtideError } from '@wasmtide/parser';
/** A module the compiler cannot translate (an unsupported operator or a malformed body). */
export class CompileError extends WasmtideError {
    /** Byte offset of the offending instruction, or -1. */
    offset;
    constructor(message, offset = -1) {
        super('compile', offset >= 0 ? `${message} (at offset 0x${offset.toString(16)})` : message);
        this.offset = offset;
    }
}
/** The function type at type index `i`. */
export function funcTypeAt(ctx, i) {
    const t = ctx.module.types[i];
    if (t === undefined || t.comp.kind !== 'func')
        throw new CompileError(`type ${i} is not a function type`);
    return t.comp;
}
/** The kind of a value type. */
export function kindOf(t) {
    return typeof t === 'string' ? t : 'ref';
}
//# sourceMappingURL=context.js.map