#!/usr/bin/python3
"""Validates costgate JSON reports against docs/report.schema.json.

Usage: validate.py SCHEMA REPORT.json...   Prints one line per invalid report; exit 1 if any.
Runs with Debian's python3 and python3-jsonschema (scripts/install-deps.sh installs both).
"""
import json
import sys

import jsonschema


def main(schema_path, report_paths):
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path in report_paths:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
        for error in validator.iter_errors(report):
            failures += 1
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: at /{location}: {error.message}")
    print(f"{len(report_paths)} reports checked, {failures} schema violations")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
