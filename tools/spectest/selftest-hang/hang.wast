;; The runner's hang test: the second invoke never returns. The runner must kill the worker after
;; the per-file timeout, fail that command and the rest of this script, and go on with other files.
(module
  (func (export "ok") (result i32) (i32.const 7))
  (func (export "spin") (loop $l (br $l)))
)
(assert_return (invoke "ok") (i32.const 7))
(invoke "spin")
(assert_return (invoke "ok") (i32.const 7))
