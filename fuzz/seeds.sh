#!/usr/bin/env bash
# Prints the seed inputs of a fuzz target, one path a line, taken from the repository's
# examples and test inputs (and, with --shared, from ../shared/corpus when it exists).
# Usage: fuzz/seeds.sh TARGET [--shared]   (run from anywhere; paths are absolute)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
shared=${2:-}
corpus="$root/../shared/corpus"
cd "$root"

case "$target" in
plan | plan_reader)
    find examples tests/e2e -name '*.json' -path '*' ! -path '*/k8s_*'
    [ "$shared" = --shared ] && [ -d "$corpus" ] && find "$corpus/tfplan" "$corpus/oddities" -name '*.json'
    ;;
k8s)
    find tests/e2e \( -path '*k8s*' \) \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \)
    [ "$shared" = --shared ] && [ -d "$corpus" ] && find "$corpus/k8s" "$corpus/oddities" -name '*.yaml'
    ;;
policy)
    find policies -name '*.yaml'
    grep -rl --include='*.yaml' '^rules:' tests/e2e || true
    ;;
usage)
    grep -rl --include='*.yaml' -E '^(resources|resource_types|defaults|version):' tests/e2e |
        xargs -r grep -L '^rules:' || true
    ;;
catalog_overlay)
    find tests/e2e -name '*.csv'
    grep -rl --include='*.yaml' -E '^(prices|discounts|currency):' tests/e2e || true
    ;;
hcl)
    find tests/e2e -name '*.tf'
    ;;
quantity | money) ;;
*)
    echo "unknown fuzz target: $target" >&2
    exit 2
    ;;
esac | sed "s|^\([^/]\)|$root/\1|" | sort
# Seeds written for the target itself, and every input that once crashed it.
for dir in "$root/fuzz/seeds/$target" "$root/fuzz/regressions/$target"; do
    [ -d "$dir" ] && find "$dir" -type f | sort
done
exit 0
