#!/usr/bin/env bash
# Runs one end-to-end case: tests/e2e/<case>/cmd is a shell snippet that calls
# "$COSTGATE" from inside the case folder. Its stdout, stderr and exit code are compared
# with expected.stdout, expected.stderr and expected.exit; a mismatch prints a diff.
# COSTGATE_UPDATE_GOLDEN=1 rewrites the expected files instead (review the git diff!).
#
# Runs are made reproducible: the date is fixed, colour is off, and the tool version in
# outputs is replaced by <version> so goldens survive version bumps; so is the git
# revision `costgate version` prints, by <revision>, and the embedded catalog's version
# and as-of date where a report names the catalog (`catalog <catalog> (prices as of
# <as-of>)`, the JSON report's "catalog" object), so a catalog refresh rewrites only the
# goldens whose prices it changes. Per-price dates are data and are never replaced (the
# table and Markdown headers give the dates of the prices used: `catalog <catalog> (prices
# as of 2024-07-01 to 2026-07-20)`).
# cmd runs with pipefail, so `"$COSTGATE" ... | head` keeps costgate's exit code.
set -uo pipefail

binary=$(realpath "$1")
case_dir=$2
name=$(basename "$case_dir")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A case that needs another program lists it in `requires`; without it the case is
# skipped (exit 77, which ctest reports as skipped).
if [ -f "$case_dir/requires" ]; then
    for program in $(cat "$case_dir/requires"); do
        command -v "$program" >/dev/null || { echo "skipped: $name needs $program"; exit 77; }
    done
fi

version=$("$binary" version | awk 'NR == 1 {print $2}')
# "catalog 2026.11.23 (prices as of 2026-10-01)"
read -r catalog_version catalog_as_of < <("$binary" version | sed -n 's/^catalog \([^ ]*\) (prices as of \([^)]*\))$/\1 \2/p')
[ -n "${catalog_version:-}" ] || { echo "cannot read the catalog version from '$binary version'" >&2; exit 99; }
(
    cd "$case_dir" || exit 99
    export COSTGATE="$binary" COSTGATE_TODAY=2026-11-22 NO_COLOR=1
    bash -o pipefail ./cmd >"$work/stdout" 2>"$work/stderr"
    echo $? >"$work/exit"
)

normalise() {
    local catalog=${catalog_version//./\\.}
    sed -e "s/\"version\": \"$version\"/\"version\": \"<version>\"/" -e "s/costgate $version/costgate <version>/" \
        -e "s/^revision \([0-9a-f]\{7,\}\|unknown\)\$/revision <revision>/" \
        -e "s/catalog $catalog\([ ,]\{1,2\}(\{0,1\}\)prices as of $catalog_as_of/catalog <catalog>\1prices as of <as-of>/" \
        -e "s/catalog $catalog\([ ,]\{1,2\}(\{0,1\}\)prices as of/catalog <catalog>\1prices as of/" \
        -e "s/^catalog $catalog\$/catalog <catalog>/" \
        -e "/\"catalog\": {/,/}/{s/\"version\": \"$catalog\"/\"version\": \"<catalog>\"/;s/\"as_of\": \"$catalog_as_of\"/\"as_of\": \"<as-of>\"/}" \
        "$1"
}

status=0
for stream in stdout stderr exit; do
    expected="$case_dir/expected.$stream"
    normalise "$work/$stream" >"$work/$stream.normalised"
    if [ "${COSTGATE_UPDATE_GOLDEN:-}" = "1" ]; then
        if [ -s "$work/$stream.normalised" ] || [ -e "$expected" ]; then
            cp "$work/$stream.normalised" "$expected"
        fi
        continue
    fi
    [ -e "$expected" ] || expected=/dev/null
    if ! diff -u --label "expected.$stream" --label "actual.$stream" "$expected" "$work/$stream.normalised"; then
        echo "e2e case $name: $stream differs from $expected (COSTGATE_UPDATE_GOLDEN=1 to accept)" >&2
        status=1
    fi
done
[ "${COSTGATE_UPDATE_GOLDEN:-}" = "1" ] && echo "updated goldens of $name"
exit $status
