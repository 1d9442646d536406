"""Prints a costgate JSON report's result and findings one per line, for compact goldens.

Used by the policy_* cases: `$COSTGATE check ... --format json | python3 ../findings.py`.
"""
import json
import sys

report = json.load(sys.stdin)
print("result:", report["result"])
for finding in report["findings"]:
    where = f'{finding["file"]}:{finding["line"]}'
    exempted = f' [exempted: {finding["exempted_by"]}]' if finding["exempted_by"] else ""
    print(f'{finding["severity"]} {finding["rule"]} {finding["resource"] or "-"} ({where}): '
          f'{finding["message"]}{exempted}')
