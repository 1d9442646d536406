#!/usr/bin/env bash
# Installs what is missing, builds everything with the binary linked statically as
# released, and runs the whole test suite with ctest (which also packages that binary
# with scripts/package.sh and runs the package); then the same suite under
# AddressSanitizer + UndefinedBehaviorSanitizer and a short fuzz run
# (scripts/reliability.sh; COSTGATE_QUICK=1 skips that slower half).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --static
ctest --test-dir build --output-on-failure -j "$(nproc)"
scripts/reliability.sh
