;; The spec runner's self-test: a script with deliberately wrong expectations. The runner must
;; report exactly the commands marked WRONG as failed (tools/spectest/src/selftest.test.ts).

(module
  (func (export "one") (result i32) (i32.const 1))
)

;; right: the body leaves an i64 where an i32 is expected
(assert_invalid
  (module (func (result i32) (i64.const 1)))
  "type mismatch"
)

;; WRONG: this module is valid, so the assertion fails
(assert_invalid
  (module (func (result i32) (i32.const 1)))
  "type mismatch"
)

;; right: not a known instruction
(assert_malformed
  (module quote "(func (i32.const 1) (i32.frobnicate))")
  "unknown operator"
)

;; WRONG: a well-formed (empty) binary module is not malformed
(assert_malformed
  (module binary "\00asm" "\01\00\00\00")
  "unexpected end"
)

;; WRONG once execution runs (skipped until then): "one" returns 1, not 2
(assert_return (invoke "one") (i32.const 2))

;; right once execution runs
(assert_return (invoke "one") (i32.const 1))
