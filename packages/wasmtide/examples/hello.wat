;; A small module for `wasmtide validate`: it imports a host function that prints a string from
;; the module's memory, and exports that memory and a `run` function that prints a greeting.
(module
  (import "host" "print" (func $print (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, world!")
  (global $greetings (export "greetings") (mut i32) (i32.const 0))
  (func (export "run")
    (call $print (i32.const 16) (i32.const 13))
    (global.set $greetings (i32.add (global.get $greetings) (i32.const 1))))
)
