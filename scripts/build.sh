#!/usr/bin/env bash
# Configures and builds costgate into build/ (binary: build/costgate).
#   (no option)     everything: the binary, the tests and the fuzz targets
#   --binary-only   only the binary (scripts/quickstart.sh), as fast as the compiler allows
#   --static        link the binary fully statically, as released (docs/packaging.md;
#                   needs `scripts/install-deps.sh --package`)
# Both build into the same build/: switching options there reconfigures and relinks but
# keeps every compiled file, so the test suite after the quick start recompiles nothing
# of costgate itself. CI=true turns compiler warnings into errors.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=ON
static=()
target=()
for option in "$@"; do
    case $option in
        --binary-only) tests=OFF target=(--target costgate) ;;
        --static) static=(-DCOSTGATE_STATIC=ON) ;;
        *) echo "build.sh: unknown option '$option'" >&2; exit 2 ;;
    esac
done
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -G Ninja -DCOSTGATE_WERROR="$werror" -DCOSTGATE_BUILD_TESTS="$tests" "${static[@]}" >/dev/null
cmake --build build "${target[@]}"
