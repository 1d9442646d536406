#!/usr/bin/env bash
# Determinism (docs/reliability.md): the same inputs give byte-identical output in every
# format, across runs, across the order of --plan/--k8s flags, and whatever order a
# --k8s directory's files were created in.
# Usage: determinism.sh COSTGATE SOURCE_DIR
set -euo pipefail
costgate=$1
e2e="$2/tests/e2e"
policy="$2/policies/starter.yaml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COSTGATE_TODAY=2026-11-22 NO_COLOR=1

# The same manifests twice, written in opposite orders (directory order differs).
for copy in forward reverse; do
    mkdir -p "$work/$copy/manifests"
done
mapfile -t files < <(cd "$e2e/k8s_workloads/manifests" && find . -type f | sort)
for file in "${files[@]}"; do
    mkdir -p "$work/forward/manifests/$(dirname "$file")"
    cp "$e2e/k8s_workloads/manifests/$file" "$work/forward/manifests/$file"
done
for ((i = ${#files[@]} - 1; i >= 0; i--)); do
    mkdir -p "$work/reverse/manifests/$(dirname "${files[i]}")"
    cp "$e2e/k8s_workloads/manifests/${files[i]}" "$work/reverse/manifests/${files[i]}"
done
cp "$e2e/lifecycle_actions/plan.json" "$work/a.json"
cp "$e2e/gcp_services/plan.json" "$work/b.json"
cp "$e2e/modules_count_for_each/plan.json" "$work/c.json"

formats=$("$costgate" estimate --plan "$work/a.json" --format '?' 2>&1 | sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ',' || true)
[ -n "$formats" ] || { echo "could not read the format list"; exit 1; }
problems=0
for format in $formats; do
    run() { # ORDER_DIR PLAN... -> output file
        local dir=$1 out=$2
        shift 2
        (cd "$work/$dir" && "$costgate" check "$@" --k8s manifests --policy "$policy" --format "$format" \
            --usage "$e2e/k8s_workloads/usage.yaml" >"$out" 2>&1) || true
    }
    run forward "$work/$format.1" --plan ../a.json --plan ../b.json --plan ../c.json
    run forward "$work/$format.2" --plan ../a.json --plan ../b.json --plan ../c.json
    run forward "$work/$format.3" --plan ../c.json --plan ../a.json --plan ../b.json
    run reverse "$work/$format.4" --plan ../b.json --plan ../c.json --plan ../a.json
    [ -s "$work/$format.1" ] || { echo "$format: no output"; problems=$((problems + 1)); }
    for other in 2 3 4; do
        if ! cmp -s "$work/$format.1" "$work/$format.$other"; then
            echo "$format: run $other differs from run 1:"
            diff "$work/$format.1" "$work/$format.$other" | head -n 20
            problems=$((problems + 1))
        fi
    done
done
echo "formats checked: $formats; $problems problems"
[ "$problems" -eq 0 ]
