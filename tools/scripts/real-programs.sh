#!/usr/bin/env bash
# Real-program checks (run by `pnpm test` after the build; run it alone after `pnpm build`):
#   c-programs  compiles the C test programs (tests/wasi/build.mjs); their comparisons with
#               node:wasi and the CLI tests run in the unit-test step (tests/wasi/*.test.ts)
#   example     the bundled WASI example through the CLI, as a newcomer runs it
#   yosys       Yosys (@yowasp/yosys, 30 MB of wasm) synthesising tests/yosys/design.v under
#               node:wasi and under wasmtide, output files compared byte for byte; it is opt-in
#               in vitest (WASMTIDE_YOSYS=1) so that it runs once, here, as its own step
# Every step runs; the last line is `N passed, M failed` and the status is non-zero on a failure.
set -uo pipefail

cd "$(dirname "$0")/../.."

passed=0
failed=0
failures=()

# step NAME COMMAND...: runs one step, prints its outcome and tallies it.
step() {
  local name="$1"; shift
  echo
  echo "--- ${name}: $*"
  local start end rc
  start=$(date +%s)
  "$@"
  rc=$?
  end=$(date +%s)
  if [ "$rc" -eq 0 ]; then
    echo "--- ${name}: ok ($((end - start)) s)"
    passed=$((passed + 1))
  else
    echo "--- ${name}: FAILED (exit ${rc}, $((end - start)) s)"
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

# The example prints exactly these two lines.
check_example() {
  local out
  out="$(pnpm exec wasmtide run examples/wasi/hello.wat real programs)" || return 1
  printf '%s\n' "$out"
  [ "$out" = "$(printf 'Hello from WebAssembly, via WASI!\nargs: real programs')" ]
}

check_yosys() {
  if [ ! -f tests/node_modules/@yowasp/yosys/gen/yosys.core.wasm ]; then
    echo "@yowasp/yosys is not installed (a devDependency of tests/): run pnpm install" >&2
    return 1
  fi
  WASMTIDE_YOSYS=1 pnpm exec vitest run tests/yosys --reporter=verbose
}

step c-programs node tests/wasi/build.mjs
step example check_example
step yosys check_yosys

echo
if [ "${#failures[@]}" -gt 0 ]; then
  echo "failed real-program checks: ${failures[*]}"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
