#!/usr/bin/python3
"""Sweeps costgate over the shared corpus of real plans written by others.

Usage: sweep.py COSTGATE SOURCE_DIR
- every plan in ../shared/corpus/tfplan: `check` with the starter policy exits 0 or 1,
  the JSON report validates against docs/report.schema.json, and every managed resource
  of the plan appears in the report (nothing lost), the summary counts add up, every
  unpriced resource has a note and no amount (no silent zero), no resource whose
  priced components cost more than $0 shows as $0 or is left out of the totals (a partly
  priced one counts its priced components), and a plan that is not whole
  (`errored: true`, or changes in `deferred_changes`) exits 2 naming the file;
- every manifest in ../shared/corpus/k8s: `check --k8s` exits 0 or 1 with schema-valid
  JSON and every object of the file in the report;
- every JSON oddity in ../shared/corpus/oddities exits 2 with a message naming the file,
  except the encodings and wrappers costgate accepts on purpose (HANDLED); every YAML
  oddity (unrendered templates) exits 2 naming the file and a line.
Exits 77 (ctest: skipped) with a message when ../shared/corpus does not exist.
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# Oddities costgate reads on purpose (see docs/terraform.md): UTF-16 plans written by
# PowerShell, and hashicorp/setup-terraform's wrapped output.
HANDLED = (
    "plan_encodings__tfplan_win_utf16.json",
    "plan_with_utf_16_encoding__tfplan.json",
    "plan_with_terraform_wrapper.json",
)


def plan_text(path):
    raw = path.read_bytes()
    if raw.startswith(b"\xff\xfe"):
        raw = raw.decode("utf-16").encode()
    text = raw.decode("utf-8-sig")
    if text.startswith("[command]"):
        lines = text.split("\n")[1:]
        text = "\n".join(line for line in lines if not line.startswith("::")).strip()
        text = text.removesuffix("%0A")
    return text


def is_whole(path):
    plan = json.loads(plan_text(path))
    return plan.get("errored") is not True and not plan.get("deferred_changes")


def managed_count(path):
    changes = json.loads(plan_text(path)).get("resource_changes") or []
    return sum(1 for change in changes if change.get("mode") != "data")


def object_count(path):
    count = 0
    for document in yaml.safe_load_all(path.read_text()):
        if isinstance(document, dict):
            count += len(document.get("items") or []) if document.get("kind", "").strip() == "List" else 1
    return count


def run(costgate, args):
    return subprocess.run([costgate, *args], capture_output=True, text=True, timeout=60)


def main(costgate, source_dir):
    corpus = (pathlib.Path(source_dir) / ".." / "shared" / "corpus").resolve()
    if not corpus.is_dir():
        print(f"skipped: {corpus} does not exist (only the project's own CI has the shared corpus)")
        return 77
    root = pathlib.Path(source_dir)
    schema = json.loads((root / "docs" / "report.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    policy = str(root / "policies" / "starter.yaml")
    problems = []
    plans = sorted((corpus / "tfplan").glob("*.json"))
    oddities = sorted((corpus / "oddities").glob("*.json"))
    with tempfile.TemporaryDirectory() as work:
        out = pathlib.Path(work) / "report.json"

        def check(path, input_flag, expected, what):
            """`check` exits 0 or 1, writes a schema-valid report, and loses nothing."""
            result = run(costgate, ["check", input_flag, str(path), "--policy", policy,
                                    "--format", "json", "--out", str(out)])
            if result.returncode not in (0, 1):
                problems.append(f"{path.name}: exit {result.returncode}: {result.stderr.strip()}")
                return
            report = json.loads(out.read_text())
            for error in validator.iter_errors(report):
                problems.append(f"{path.name}: schema: /{'/'.join(map(str, error.absolute_path))}: "
                                f"{error.message}")
            if len(report["resources"]) != expected:
                problems.append(f"{path.name}: {len(report['resources'])} resources reported, "
                                f"{expected} {what}")
            summary = report["summary"]
            if summary["resources"] != len(report["resources"]) or \
                    summary["priced"] + summary["unpriced"] != summary["resources"]:
                problems.append(f"{path.name}: summary counts {summary['resources']} resources, "
                                f"{summary['priced']} priced and {summary['unpriced']} unpriced")
            partial = 0
            for resource in report["resources"]:
                # No silent zero: an unpriced resource says why and has no amount unless
                # part of it is priced; a priced one has its amounts.
                if not resource["priced"]:
                    partial += resource["partial"]
                    if not resource["notes"] or not resource["unpriced_components"]:
                        problems.append(f"{path.name}: {resource['address']} is unpriced without "
                                        "a note or without its unpriced components")
                    if (resource["monthly_after"] is not None) != resource["partial"]:
                        problems.append(f"{path.name}: {resource['address']} is unpriced with an "
                                        "amount but not partial, or partial without one")
                if resource["priced"] and resource["monthly_after"] is None:
                    problems.append(f"{path.name}: {resource['address']} is priced without an amount")
                check_known_cost(path, resource)
            if summary["partial"] != partial or summary["complete"] != (summary["unpriced"] == 0):
                problems.append(f"{path.name}: summary says {summary['partial']} partly priced and "
                                f"complete {summary['complete']}; the resources say {partial}")
            # Totals are the sums of the resources' amounts (each rounded to cents).
            for figure in ("monthly_before", "monthly_after", "monthly_delta"):
                amounts = [r[figure] for r in report["resources"] if r[figure] is not None]
                if abs(sum(amounts) - summary[figure]) > 0.005 * len(amounts) + 0.01:
                    problems.append(f"{path.name}: summary {figure} {summary[figure]} is not the "
                                    f"sum of the resources' {sum(amounts):.2f}")

        def check_known_cost(path, resource):
            """A resource whose priced components cost more than $0 shows that cost."""
            costs = [c["monthly_cost"] for c in resource["components"] if c["monthly_cost"] is not None]
            known = sum(costs)
            amount = resource["monthly_before" if resource["action"] == "delete" else "monthly_after"]
            if known > 0 and (amount is None or abs(amount - known) > 0.005 * len(costs) + 0.01):
                problems.append(f"{path.name}: {resource['address']} has components costing "
                                f"{known:.2f} a month but shows {amount}")

        for plan in plans + [o for o in oddities if o.name.endswith(HANDLED)]:
            if is_whole(plan):
                check(plan, "--plan", managed_count(plan), "managed resources in the plan")
                continue
            result = run(costgate, ["estimate", "--plan", str(plan)])
            if result.returncode != 2 or str(plan) not in result.stderr:
                problems.append(f"{plan.name}: not a whole plan, expected exit 2 naming the file, "
                                f"got exit {result.returncode}: {result.stderr.strip()}")
        manifests = sorted((corpus / "k8s").glob("*.yaml"))
        for manifest in manifests:
            check(manifest, "--k8s", object_count(manifest), "objects in the file")
        for oddity in sorted((corpus / "oddities").glob("*.yaml")):
            result = run(costgate, ["estimate", "--k8s", str(oddity)])
            if result.returncode != 2 or f"{oddity}:" not in result.stderr:
                problems.append(f"{oddity.name}: expected exit 2 naming file:line, got exit "
                                f"{result.returncode}: {result.stderr.strip()}")
        for oddity in oddities:
            if oddity.name.endswith(HANDLED):
                continue
            result = run(costgate, ["estimate", "--plan", str(oddity), "--format", "json"])
            if result.returncode != 2 or str(oddity) not in result.stderr:
                problems.append(f"{oddity.name}: expected exit 2 naming the file, got exit "
                                f"{result.returncode}: {result.stderr.strip()}")
    for problem in problems:
        print(problem)
    print(f"{len(plans)} plans, {len(manifests)} manifests and the oddities swept, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
