#!/usr/bin/env bash
# Configures and builds costgate into build/ (binary: build/costgate).
# CI=true turns compiler warnings into errors.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -G Ninja -DCOSTGATE_WERROR="$werror" >/dev/null
cmake --build build
