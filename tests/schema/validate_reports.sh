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

# Goldens name the embedded catalog <catalog> and <as-of> (tests/e2e/run_case.sh); a
# copy with a real version and date is what costgate wrote.
reports=()
for golden in "$source_dir"/tests/e2e/*/expected.stdout; do
    if head -c 1 "$golden" | grep -q '{'; then
        copy="$work/$(basename "$(dirname "$golden")").golden.json"
        sed -e 's/"<catalog>"/"2026.1.1"/' -e 's/"<as-of>"/"2026-01-01"/' "$golden" > "$copy"
        reports+=("$copy")
    fi
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
