#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine, then installs the
# workspace and builds it. Safe to run again: every step is skipped when already satisfied.
set -euo pipefail

cd "$(dirname "$0")/../.."

# Debian packages used by the real-program checks (C compiled to wasm) and by the benchmarks.
APT_PACKAGES=(clang lld wasi-libc libclang-rt-dev-wasm32 binaryen)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
  else
    echo "setup: warning: apt-get not found; please install: ${missing[*]}" >&2
  fi
else
  echo "setup: Debian packages present"
fi

# pnpm 10, installed with npm (corepack cannot fetch it on these machines).
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  echo "setup: installing pnpm 10"
  npm install -g pnpm@10
fi

echo "setup: pnpm install"
pnpm install --frozen-lockfile

echo "setup: pnpm build"
pnpm build
