#!/usr/bin/env bash
# Nothing lost (docs/reliability.md): a fail finding makes the exit code 1 in every output
# format costgate lists (read from its own error message, so new formats are covered),
# written to stdout or to --out; a run without fail findings exits 0 in every format.
# Usage: exit_codes.sh COSTGATE SOURCE_DIR
set -euo pipefail
costgate=$1
e2e="$2/tests/e2e"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COSTGATE_TODAY=2026-11-22 NO_COLOR=1

formats=$("$costgate" estimate --plan "$e2e/check_passes/plan.json" --format '?' 2>&1 |
    sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ',' || true)
[ -n "$formats" ] || { echo "could not read the format list"; exit 1; }
cat >"$work/fail.yaml" <<'POLICY'
version: 1
rules:
  - id: every-resource-tagged
    kind: required_tags
    tags: [no-resource-has-this-tag]
    severity: fail
POLICY
cat >"$work/warn.yaml" <<'POLICY'
version: 1
rules:
  - id: every-resource-tagged
    kind: required_tags
    tags: [no-resource-has-this-tag]
    severity: warn
POLICY
problems=0
expect() { # EXPECTED_EXIT DESCRIPTION COMMAND...
    local expected=$1 what=$2 status=0
    shift 2
    "$@" >"$work/out" 2>"$work/err" || status=$?
    if [ "$status" -ne "$expected" ]; then
        echo "$what: exit $status, expected $expected: $(head -c 300 "$work/err")"
        problems=$((problems + 1))
    fi
}
for format in $formats; do
    for input in "--plan $2/examples/terraform/plan.json" "--k8s $e2e/k8s_workloads/manifests"; do
        # shellcheck disable=SC2086
        expect 1 "$format, fail finding, stdout ($input)" "$costgate" check $input --policy "$work/fail.yaml" --format "$format"
        # shellcheck disable=SC2086
        expect 1 "$format, fail finding, --out ($input)" "$costgate" check $input --policy "$work/fail.yaml" --format "$format" --out "$work/report"
        [ -s "$work/report" ] || { echo "$format: --out wrote nothing"; problems=$((problems + 1)); }
        # shellcheck disable=SC2086
        expect 0 "$format, warn finding only ($input)" "$costgate" check $input --policy "$work/warn.yaml" --format "$format"
    done
done
echo "formats checked: $formats; $problems problems"
[ "$problems" -eq 0 ]
