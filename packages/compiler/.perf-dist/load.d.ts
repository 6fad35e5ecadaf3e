/**
 * Loading compiled modules: the single `new Function` per module. The generated code receives only
 * the environment object built here (support library, trap function, ABI classes, run-time
 * helpers); it never reads globals.
 * @module
 */
import { WasmException, type CompiledModule, type ModuleFactory } from './abi.js';
/** Marks a legacy-exception `delegate` in flight to the `try` labelled `to`. */
export declare class Delegated {
    /** The exception being delegated. */
    readonly exn: WasmException;
    /** The label of the target `try`. */
    readonly to: string;
    constructor(exn: WasmException, to: string);
}
/**
 * Evaluates a compiled module's source (one `new Function`) and returns its factory. The source
 * is trusted: it must come from {@link compileModule} (possibly via a cache).
 */
export declare function loadCompiled(c: CompiledModule): ModuleFactory;
//# sourceMappingURL=load.d.ts.map