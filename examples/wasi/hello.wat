;; hello.wat: a WASI command written by hand in the WebAssembly text format. It prints a
;; greeting, then echoes its arguments (those after argv[0]) on one line.
;;
;;   pnpm exec wasmtide run examples/wasi/hello.wat one "two words"
;;   # Hello from WebAssembly, via WASI!
;;   # args: one two words
;;
;; The guest talks to the host only through wasi_snapshot_preview1 imports: fd_write to print,
;; args_sizes_get/args_get to read its arguments, proc_exit to fail.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param $fd i32) (param $iovs i32) (param $iovs_len i32) (param $nwritten i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param $argc i32) (param $buf_size i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param $argv i32) (param $buf i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param $code i32)))

  ;; Layout: 0 an iovec {ptr, len}; 8 nwritten; 12 argc; 16 size of the argument strings;
  ;; 32.. the constant strings; 1024.. argv pointers, then the argument strings.
  (memory (export "memory") 1)
  (data (i32.const 32) "Hello from WebAssembly, via WASI!\n")
  (data (i32.const 80) "args:")
  (data (i32.const 88) " ")
  (data (i32.const 89) "\n")

  ;; Writes len bytes at ptr to stdout; exits with status 1 if the host reports an error.
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (if (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))
      (then (call $proc_exit (i32.const 1)))))

  ;; The length of the NUL-terminated string at p.
  (func $strlen (param $p i32) (result i32)
    (local $q i32)
    (local.set $q (local.get $p))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $q))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $q) (local.get $p)))

  (func (export "_start")
    (local $argc i32) (local $strings i32) (local $needed i32) (local $i i32) (local $arg i32)
    (call $print (i32.const 32) (i32.const 34))

    (if (call $args_sizes_get (i32.const 12) (i32.const 16))
      (then (call $proc_exit (i32.const 1))))
    (local.set $argc (i32.load (i32.const 12)))
    (if (i32.le_u (local.get $argc) (i32.const 1)) (then (return)))

    ;; The pointers need argc * 4 bytes at 1024, the strings follow them: grow memory to fit.
    (local.set $strings (i32.add (i32.const 1024) (i32.shl (local.get $argc) (i32.const 2))))
    (local.set $needed (i32.add (local.get $strings) (i32.load (i32.const 16))))
    (if (i32.gt_u
          (i32.shr_u (i32.add (local.get $needed) (i32.const 0xffff)) (i32.const 16))
          (memory.size))
      (then
        (if (i32.eq
              (memory.grow (i32.sub
                (i32.shr_u (i32.add (local.get $needed) (i32.const 0xffff)) (i32.const 16))
                (memory.size)))
              (i32.const -1))
          (then (call $proc_exit (i32.const 1))))))
    (if (call $args_get (i32.const 1024) (local.get $strings))
      (then (call $proc_exit (i32.const 1))))

    (call $print (i32.const 80) (i32.const 5))
    (local.set $i (i32.const 1))
    (loop $each
      (call $print (i32.const 88) (i32.const 1))
      (local.set $arg (i32.load (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2)))))
      (call $print (local.get $arg) (call $strlen (local.get $arg)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $i) (local.get $argc))))
    (call $print (i32.const 89) (i32.const 1)))
)
