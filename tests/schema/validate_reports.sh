#!/usr/bin/env bash
# Validates real JSON reports against docs/report.schema.json: every JSON golden of the
# e2e suite and fresh reports of the bundled examples. Then checks the schema is strict
# enough to reject a report that breaks the contract, so this test can fail.
set -euo pipefail
costgate=$1
source_dir=$2
schema="$source_dir/docs/report.schema.json"
validate() { /usr/bin/python3 "$source_dir/tests/schema/validate.py" "$schema" "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Goldens show the embedded catalog's version and as-of date as <catalog> and <as-of>
# (tests/e2e/run_case.sh); the binary's own values are put back before validating.
read -r catalog_version catalog_as_of < <("$costgate" version | sed -n 's/^catalog \([^ ]*\) (prices as of \([^)]*\))$/\1 \2/p')
reports=()
for golden in "$source_dir"/tests/e2e/*/expected.stdout; do
    head -c 1 "$golden" | grep -q '{' || continue
    report="$work/$(basename "$(dirname "$golden")").golden.json"
    sed -e "s/\"<catalog>\"/\"$catalog_version\"/" -e "s/\"<as-of>\"/\"$catalog_as_of\"/" "$golden" >"$report"
    reports+=("$report")
done
for plan in "$source_dir"/examples/terraform/*.json; do
    out="$work/$(basename "$plan" .json).report.json"
    "$costgate" check --plan "$plan" --policy "$source_dir/policies/starter.yaml" --format json --out "$out" ||
        [ $? -eq 1 ]
    reports+=("$out")
done
validate "${reports[@]}"

# A priced resource with a null monthly cost breaks the contract: the schema must say so.
/usr/bin/python3 - "${reports[-1]}" "$work/broken.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
priced = next(r for r in report["resources"] if r["priced"])
priced["monthly_after"] = None
json.dump(report, open(sys.argv[2], "w"))
PY
if validate "$work/broken.json" >/dev/null; then
    echo "schema accepted a priced resource with a null monthly_after" >&2
    exit 1
fi
echo "schema rejects a broken report, as it should"
