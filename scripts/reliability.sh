#!/usr/bin/env bash
# The robustness half of the test suite (docs/reliability.md): one clang build in
# build-sanitize/ with AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer
# instrumentation, the whole ctest suite run on it, then a short deterministic fuzz run
# of every target (COSTGATE_FUZZ_SECONDS each, default 8).
# COSTGATE_QUICK=1 skips all of it (local iterations); CI always runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${COSTGATE_QUICK:-}" = "1" ]; then
    echo "COSTGATE_QUICK=1: skipping the sanitizer suite and the fuzz run" >&2
    exit 0
fi
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
# -O1 with line tables only: the sanitizers' recommended level, and a faster build than
# RelWithDebInfo while stacks still name file and line.
cmake -S . -B build-sanitize -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DCOSTGATE_SANITIZE=ON \
    -DCOSTGATE_FUZZ=ON -DCOSTGATE_WERROR="$werror" -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_SANITIZE="-O1 -gline-tables-only" "${launcher[@]}" >/dev/null
cmake --build build-sanitize
# Any sanitizer report aborts (-fno-sanitize-recover); print a stack for UBSan too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir build-sanitize --output-on-failure -j "$(nproc)"
scripts/fuzz.sh build-sanitize "${COSTGATE_FUZZ_SECONDS:-8}"
