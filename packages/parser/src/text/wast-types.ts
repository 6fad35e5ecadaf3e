/**
 * The `.wast` script model: commands, actions, argument values and expected-result patterns, as
 * discriminated unions on `kind`. Produced by `parseWast`; consumed by spec-suite runners.
 * @module
 */

/** Where a script module comes from. */
export type WastModuleSource =
  /** A text module: the exact source slice of its `(module ...)` form; parse it with `parseWat`. */
  | { readonly kind: 'text'; readonly text: string }
  /** `(module binary "..." ...)`: the concatenated bytes. */
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  /**
   * `(module quote "..." ...)`: the concatenated strings, as text. Bytes that are not valid UTF-8
   * appear as lone surrogates U+DC80..U+DCFF, which `parseWat` reports as malformed UTF-8.
   */
  | { readonly kind: 'quote'; readonly text: string };

/** `(module $M? ...)`: define and instantiate a module (registered as the current module). */
export interface WastModuleCommand {
  /** The command kind (the discriminant). */
  readonly kind: 'module';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The script name (`$M`, with the `$`), or null. */
  readonly name: string | null;
  /** The module's text, binary or quoted form. */
  readonly source: WastModuleSource;
}

/** `(module definition $M? ...)`: define a module without instantiating it. */
export interface WastModuleDefinition {
  /** The command kind (the discriminant). */
  readonly kind: 'module_definition';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The script name (`$M`, with the `$`), or null. */
  readonly name: string | null;
  /** The module's text, binary or quoted form. */
  readonly source: WastModuleSource;
}

/** `(module instance $I? $M?)`: instantiate a defined module (the last one if `$M` is absent). */
export interface WastModuleInstance {
  /** The command kind (the discriminant). */
  readonly kind: 'module_instance';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** Name of the new instance (`$I`), or null. */
  readonly instance: string | null;
  /** Name of the module definition (`$M`), or null for the most recent one. */
  readonly module: string | null;
}

/** `(register "name" $M?)`: make an instance's exports importable under `name`. */
export interface WastRegister {
  /** The command kind (the discriminant). */
  readonly kind: 'register';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The module name importers use. */
  readonly as: string;
  /** The instance (`$M`), or null for the current one. */
  readonly module: string | null;
}

/** Heap type of a `ref.null` value: an abstract type name (`func`, `extern`, `any`, ...) or a type index. */
export type WastHeapType = string | number;

/** A concrete argument value (also an exact expected result). */
export type WastValue =
  | { readonly kind: 'i32'; readonly value: number }
  | { readonly kind: 'i64'; readonly value: bigint }
  /** `f32`: raw IEEE bits as an unsigned 32-bit number. */
  | { readonly kind: 'f32'; readonly bits: number }
  /** `f64`: raw IEEE bits as an unsigned 64-bit bigint. */
  | { readonly kind: 'f64'; readonly bits: bigint }
  /** `v128`: 16 bytes, little-endian lane order. */
  | { readonly kind: 'v128'; readonly bytes: Uint8Array }
  /** `(ref.null ht)`. */
  | { readonly kind: 'ref.null'; readonly heap: WastHeapType }
  /** `(ref.extern N)`: the host reference numbered N (wrapped as externref). */
  | { readonly kind: 'ref.extern'; readonly value: number }
  /** `(ref.host N)`: the host reference numbered N. */
  | { readonly kind: 'ref.host'; readonly value: number };

/** A NaN pattern of an expected float result. */
export type WastNan = 'canonical' | 'arithmetic';

/** One lane of an expected `f32x4` / `f64x2` vector: exact bits or a NaN pattern. */
export type WastFloatLane =
  | { readonly kind: 'bits'; readonly bits: number | bigint }
  | { readonly kind: 'nan'; readonly nan: WastNan };

/** Abstract reference kinds an expected result can require (`(ref.func)`, `(ref.struct)`, ...). */
export type WastRefKind = 'func' | 'extern' | 'any' | 'eq' | 'i31' | 'struct' | 'array' | 'exn' | 'host';

/** An expected result pattern. */
export type WastExpected =
  /** An exact value (floats compare by bits; `ref.null` matches a null of that heap type). */
  | WastValue
  /** `(f32.const nan:canonical)` and similar. */
  | { readonly kind: 'nan'; readonly type: 'f32' | 'f64'; readonly nan: WastNan }
  /** A `v128` float vector with at least one NaN-pattern lane. */
  | { readonly kind: 'v128_lanes'; readonly shape: 'f32x4' | 'f64x2'; readonly lanes: readonly WastFloatLane[] }
  /** `(ref.null)` with no heap type: any null reference. */
  | { readonly kind: 'ref.null_any' }
  /** `(ref.extern)` without a number: any non-null extern reference. */
  | { readonly kind: 'ref.extern_any' }
  /**
   * A non-null reference of an abstract kind (`(ref.func)`, `(ref.any)`, `(ref.eq)`, `(ref.i31)`,
   * `(ref.struct)`, `(ref.array)`, `(ref.exn)`), or `(ref)` (any non-null reference, `type` null).
   */
  | { readonly kind: 'ref'; readonly type: WastRefKind | null }
  /** `(either r1 r2 ...)`: any one of the alternatives. */
  | { readonly kind: 'either'; readonly options: readonly WastExpected[] };

/** `(invoke $M? "name" args...)`. */
export interface WastInvoke {
  /** The command kind (the discriminant). */
  readonly kind: 'invoke';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The instance (`$M`), or null for the current one. */
  readonly module: string | null;
  /** The export name. */
  readonly name: string;
  /** Argument values. */
  readonly args: readonly WastValue[];
}

/** `(get $M? "name")`: read an exported global. */
export interface WastGet {
  /** The command kind (the discriminant). */
  readonly kind: 'get';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The instance (`$M`), or null for the current one. */
  readonly module: string | null;
  /** The export name. */
  readonly name: string;
}

/** An action. */
export type WastAction = WastInvoke | WastGet;

/** A module form that appears inside an assertion. */
export type WastModuleForm = WastModuleCommand | WastModuleDefinition;

/** `(assert_return action expected*)`. */
export interface WastAssertReturn {
  /** The command kind (the discriminant). */
  readonly kind: 'assert_return';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The action to run. */
  readonly action: WastAction;
  /** The expected results, one per result value. */
  readonly expected: readonly WastExpected[];
}

/** `(assert_trap action "msg")` or `(assert_trap module "msg")` (a trap during instantiation). */
export interface WastAssertTrap {
  /** The command kind (the discriminant). */
  readonly kind: 'assert_trap';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The action, or the module whose instantiation must trap. */
  readonly subject: WastAction | WastModuleForm | WastModuleInstance;
  /** The expected message (a prefix of the actual error text, per spec-suite convention). */
  readonly message: string;
}

/** `(assert_exhaustion action "msg")`. */
export interface WastAssertExhaustion {
  /** The command kind (the discriminant). */
  readonly kind: 'assert_exhaustion';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The action that must exhaust the call stack. */
  readonly action: WastAction;
  /** The expected message (a prefix of the actual error text, per spec-suite convention). */
  readonly message: string;
}

/** `(assert_exception action)`: the action throws a wasm exception. */
export interface WastAssertException {
  /** The command kind (the discriminant). */
  readonly kind: 'assert_exception';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The action that must throw. */
  readonly action: WastAction;
}

/** Assertions about a module that must fail to load, validate or link. */
export interface WastAssertModule {
  /** The command kind (the discriminant). */
  readonly kind:
    | 'assert_invalid'
    | 'assert_malformed'
    | 'assert_unlinkable'
    | 'assert_invalid_custom'
    | 'assert_malformed_custom';
  /** 1-based line of the command's opening parenthesis. */
  readonly line: number;
  /** The module that must be rejected. */
  readonly module: WastModuleForm;
  /** The expected message (a prefix of the actual error text, per spec-suite convention). */
  readonly message: string;
}

/** A top-level action (its result is ignored, but a trap fails the command). */
export type WastActionCommand = WastAction;

/** One script command. */
export type WastCommand =
  | WastModuleCommand
  | WastModuleDefinition
  | WastModuleInstance
  | WastRegister
  | WastActionCommand
  | WastAssertReturn
  | WastAssertTrap
  | WastAssertExhaustion
  | WastAssertException
  | WastAssertModule;

/** A parsed script. */
export interface WastScript {
  /** Name of the script (a file name), if given. */
  readonly filename: string | null;
  /** The commands, in script order. */
  readonly commands: readonly WastCommand[];
}
