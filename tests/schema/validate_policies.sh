#!/usr/bin/env bash
# Validates the shipped policy packs and every valid policy of the test suite against
# docs/policy.schema.json (the schema editors use for completion), then checks the schema
# rejects a policy with a misspelt key, so this test can fail.
set -euo pipefail
source_dir=$1
/usr/bin/python3 - "$source_dir" <<'PY'
import glob, json, os, sys
import jsonschema, yaml

source = sys.argv[1]
schema = json.load(open(os.path.join(source, "docs/policy.schema.json")))
validator = jsonschema.Draft202012Validator(schema)

def as_json(path):
    # YAML dates (expires: 2026-12-31) become strings, as costgate reads them.
    return json.loads(json.dumps(yaml.safe_load(open(path)), default=str))

paths = sorted(glob.glob(os.path.join(source, "policies/*.yaml")))
for path in sorted(glob.glob(os.path.join(source, "tests/e2e/*/**/*.yaml"), recursive=True)):
    case = os.path.relpath(path, os.path.join(source, "tests/e2e")).split(os.sep)[0]
    if case.startswith("bad_") or ".template." in path:
        continue
    documents = list(yaml.safe_load_all(open(path)))
    if len(documents) == 1 and isinstance(documents[0], dict) and "rules" in documents[0]:
        paths.append(path)
failures = 0
for path in paths:
    for error in validator.iter_errors(as_json(path)):
        failures += 1
        print(f"{os.path.relpath(path, source)}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
print(f"{len(paths)} policy files checked against docs/policy.schema.json")

broken = as_json(os.path.join(source, "policies/starter.yaml"))
broken["rules"][0]["tag"] = broken["rules"][0].pop("tags")
if validator.is_valid(broken):
    print("schema accepted a required_tags rule with `tag` instead of `tags`")
    failures += 1
sys.exit(1 if failures else 0)
PY
