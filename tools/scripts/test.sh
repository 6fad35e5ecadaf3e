#!/usr/bin/env bash
# The repository's test command (`pnpm test`): build, typecheck, lint, the doc-comment check, unit
# tests, the spec suite, the selective-install check, and the smoke runs. Every step runs even when an earlier one fails
# (except that nothing runs without a build); the last line is a plain `N passed, M failed`
# over the steps, and the exit status is non-zero when any step failed.
set -uo pipefail

cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
# No step reads the terminal: a guest or tool waiting on stdin must see end-of-file (as in CI).
exec < /dev/null

passed=0
failed=0
failures=()

# step NAME COMMAND...: runs one step, prints its outcome and tallies it.
step() {
  local name="$1"; shift
  echo
  echo "=== ${name}: $*"
  local start end
  start=$(date +%s)
  if "$@"; then
    end=$(date +%s)
    echo "=== ${name}: ok ($((end - start)) s)"
    passed=$((passed + 1))
    return 0
  else
    local rc=$?
    end=$(date +%s)
    echo "=== ${name}: FAILED (exit ${rc}, $((end - start)) s)"
    failed=$((failed + 1))
    failures+=("$name")
    return 1
  fi
}

# has_script PACKAGE_DIR SCRIPT: whether that package.json defines the script.
has_script() {
  node -e "const p=require('$ROOT/$1/package.json');process.exit(p.scripts&&p.scripts['$2']?0:1)" 2>/dev/null
}

summary() {
  echo
  if [ "${#failures[@]}" -gt 0 ]; then
    echo "failed steps: ${failures[*]}"
  fi
  echo "${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
}

if ! step build pnpm -s build; then
  summary
  exit 1
fi
step typecheck pnpm -s typecheck
step lint pnpm -s lint
step check-docs pnpm -s check-docs
step unit-tests pnpm exec vitest run
step spec-suite node tools/spectest/dist/main.js
step selective-install node tools/scripts/pack-check.mjs
step no-expose-wasm node --no-expose-wasm tools/scripts/no-wasm-check.mjs
step bench-parse-smoke node tools/bench/dist/parse.js --smoke

# Checks other packages add as they grow: a `smoke` script in a tool package, or a
# real-program check script. Each runs only when it exists.
for pkg in tools/fuzz tools/bench; do
  if has_script "$pkg" smoke; then
    step "$(basename "$pkg")-smoke" pnpm -s --dir "$pkg" run smoke
  fi
done
if [ -f tools/scripts/real-programs.sh ]; then
  step real-programs bash tools/scripts/real-programs.sh
fi

summary
