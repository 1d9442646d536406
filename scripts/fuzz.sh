#!/usr/bin/env bash
# Runs the libFuzzer targets of a COSTGATE_FUZZ build (docs/reliability.md).
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]   (default: every target)
# Seeds come from fuzz/seeds.sh (with ../shared/corpus when it exists). The run is
# deterministic for a given seed set (-seed=1) up to the time limit. New inputs go to a
# throw-away corpus unless COSTGATE_FUZZ_CORPUS names a folder to keep them in (long
# campaigns). A crash leaves its input in BUILD_DIR/fuzz-artifacts/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=$2
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for source in fuzz/fuzz_*.cpp; do
        name=$(basename "$source" .cpp)
        targets+=("${name#fuzz_}")
    done
fi
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for target in "${targets[@]}"; do
    binary="$build/fuzz/fuzz_$target"
    [ -x "$binary" ] || { echo "fuzz.sh: no $binary (configure with -DCOSTGATE_FUZZ=ON)" >&2; exit 2; }
    seeds="$work/seeds-$target"
    mkdir -p "$seeds"
    i=0
    while read -r seed; do
        cp "$seed" "$seeds/$((i++))-$(basename "$seed")"
    done < <(fuzz/seeds.sh "$target" --shared)
    corpus=${COSTGATE_FUZZ_CORPUS:+$COSTGATE_FUZZ_CORPUS/$target}
    corpus=${corpus:-$work/corpus-$target}
    mkdir -p "$corpus"
    dictionary=()
    case "$target" in
    plan | plan_reader) dictionary=(-dict=fuzz/json.dict) ;;
    k8s | policy | usage | catalog_overlay) dictionary=(-dict=fuzz/yaml.dict) ;;
    esac
    echo "fuzz.sh: $target for ${seconds}s from $i seeds" >&2
    if ! "$binary" -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "${dictionary[@]}" \
        "$corpus" "$seeds" >"$work/$target.log" 2>&1; then
        tail -n 60 "$work/$target.log" >&2
        echo "fuzz.sh: $target found a bug; its input is in $artifacts/ (docs/reliability.md says how" \
            "to reproduce it and keep it under fuzz/regressions/$target/)" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$work/$target.log" | tail -n 1 >&2 || true
    fi
done
exit $status
