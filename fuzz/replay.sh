#!/usr/bin/env bash
# ctest: runs a fuzz target once over its seeds and its saved crash inputs
# (fuzz/regressions/NAME/); fails on any crash, sanitizer report or unexpected exception.
# Usage: fuzz/replay.sh FUZZ_BINARY NAME
set -euo pipefail
binary=$1
name=$2
mapfile -t inputs < <("$(dirname "$0")/seeds.sh" "$name")
[ ${#inputs[@]} -gt 0 ] || { echo "no seeds for $name" >&2; exit 1; }
# libFuzzer runs file arguments once each, without fuzzing; -timeout catches hangs.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
"$binary" -timeout=30 -rss_limit_mb=4096 "${inputs[@]}" >"$log" 2>&1 || status=$?
grep -v '^Running: \|^Executed .* in .* ms$' "$log" || true
echo "${#inputs[@]} inputs replayed, exit $status"
exit $status
