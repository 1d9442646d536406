#!/usr/bin/env bash
# Installs what building needs, builds the binary alone (no tests: scripts/test.sh builds
# those), and runs `costgate check` on the bundled example plan with the starter policy.
# The example breaks a rule on purpose, so costgate exits 1; this script only fails when
# costgate reports bad input (2) or the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --build-only
scripts/build.sh --binary-only
status=0
build/costgate check --plan examples/terraform/plan.json --policy policies/starter.yaml || status=$?
case "$status" in
    0) echo "costgate exited 0: the change passes the starter policy." ;;
    1) echo "costgate exited 1: the example breaks a starter-policy rule on purpose (see Findings)." ;;
    *) exit "$status" ;;
esac
