#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with ctest; then the
# same suite under AddressSanitizer + UndefinedBehaviorSanitizer and a short fuzz run
# (scripts/reliability.sh; COSTGATE_QUICK=1 skips that slower half).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
scripts/reliability.sh
