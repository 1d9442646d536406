"""Checks costgate's machine formats against what their consumers accept.

- SARIF validates against the SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5.json beside this
  file, see README.md) and meets GitHub code scanning's further needs.
- JUnit XML has the structure Jenkins and GitLab read: counts that match the test cases,
  one test case per rule and resource, failures for unexempted fail findings only.
- GitLab Code Quality issues carry every field the merge request widget needs.
- The Markdown report renders with pandoc (GitHub-flavoured) to HTML with its tables and
  the <details> block, and stays under GitHub's comment limit on a huge plan.

Each check is also run on a broken copy of an output, so a check that cannot fail fails.

Usage: validate_formats.py COSTGATE SOURCE_DIR
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

COSTGATE, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
E2E = os.path.join(SOURCE, "tests", "e2e")
HERE = os.path.dirname(os.path.abspath(__file__))
COMMENT_LIMIT = 65536

# Inputs with every kind of finding: fail, warn, info, exempted, Kubernetes lines, .tf
# lines, findings on no resource, multi-project runs and a run without findings.
RUNS = [
    ("report_formats", ["--plan", "plan.json", "--k8s", "manifests.yaml", "--policy", "policy.yaml"]),
    ("tf_locations", ["--plan", "terraform/plan.json", "--policy", "policy.yaml"]),
    ("k8s_finding_lines", ["--k8s", "app.yaml", "--policy", "policy.yaml"]),
    ("report_formats", ["--plan", "plan.json", "--policy", os.path.join(SOURCE, "policies", "starter.yaml")]),
]
MONOREPO = os.path.join(SOURCE, "examples", "monorepo")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def run(cwd, args, fmt, env=None):
    result = subprocess.run([COSTGATE, "check", *args, "--format", fmt], cwd=cwd, capture_output=True,
                            text=True, env={**os.environ, "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": "", **(env or {})})
    if result.returncode not in (0, 1):
        failures.append(f"{cwd} {args} --format {fmt}: exit {result.returncode}: {result.stderr}")
    return result.stdout


# --- SARIF -----------------------------------------------------------------------------

with open(os.path.join(HERE, "sarif-2.1.0-rtm.5.json"), encoding="utf-8") as handle:
    SARIF_SCHEMA = json.load(handle)
SARIF_VALIDATOR = jsonschema.Draft4Validator(SARIF_SCHEMA)


def sarif_problems(log):
    """Schema errors, then what GitHub code scanning needs beyond the schema."""
    problems = [f"schema: {error.message} at {list(error.absolute_path)}" for error in SARIF_VALIDATOR.iter_errors(log)]
    if problems:
        return problems
    for run_ in log["runs"]:
        rule_ids = [rule["id"] for rule in run_["tool"]["driver"].get("rules", [])]
        if len(rule_ids) != len(set(rule_ids)):
            problems.append("rule ids repeat")
        for rule in run_["tool"]["driver"].get("rules", []):
            for field in ("shortDescription", "fullDescription", "help"):
                if not rule.get(field, {}).get("text"):
                    problems.append(f"rule {rule['id']} has no {field}")
        for result in run_.get("results", []):
            where = result.get("ruleId", "?")
            if result.get("ruleId") not in rule_ids:
                problems.append(f"result {where}: ruleId not among the driver's rules")
            if result.get("level") not in ("error", "warning", "note"):
                problems.append(f"result {where}: level {result.get('level')}")
            if not result.get("message", {}).get("text"):
                problems.append(f"result {where}: no message text")
            if not result.get("partialFingerprints"):
                problems.append(f"result {where}: no partialFingerprints")
            locations = result.get("locations", [])
            if not locations:
                problems.append(f"result {where}: no location")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/") or "://" in uri:
                    problems.append(f"result {where}: uri {uri!r} is not relative to the repository")
                if "region" in physical and physical["region"].get("startLine", 0) < 1:
                    problems.append(f"result {where}: startLine below 1")
    return problems


# --- JUnit -----------------------------------------------------------------------------

def case_name(finding):
    """The test case of a finding: its resource (or the run), named with its project."""
    project = finding.get("project")
    return (project + ": " if project else "") + (finding["resource"] or "(run)")


def junit_problems(text, report):
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag != "testsuites":
        return [f"root element is {root.tag}"]
    cases = root.findall("./testsuite/testcase")
    total_failures = 0
    for suite in root.findall("testsuite"):
        suite_cases = suite.findall("testcase")
        suite_failures = sum(1 for case in suite_cases if case.find("failure") is not None)
        total_failures += suite_failures
        if not suite.get("name"):
            problems.append("a testsuite has no name")
        if int(suite.get("tests", -1)) != len(suite_cases):
            problems.append(f"testsuite {suite.get('name')}: tests={suite.get('tests')}, {len(suite_cases)} cases")
        if int(suite.get("failures", -1)) != suite_failures:
            problems.append(f"testsuite {suite.get('name')}: failures={suite.get('failures')}, {suite_failures} failed")
        for case in suite_cases:
            if not case.get("name") or not case.get("classname"):
                problems.append(f"testcase without name or classname in {suite.get('name')}")
            failure = case.find("failure")
            if failure is not None and not failure.get("message"):
                problems.append(f"failure without message: {case.get('name')}")
            if failure is not None and ":0:" in (failure.text or ""):
                problems.append(f"failure text names line 0: {failure.text}")
    if int(root.get("tests", -1)) != len(cases):
        problems.append(f"testsuites tests={root.get('tests')}, {len(cases)} cases")
    if int(root.get("failures", -1)) != total_failures:
        problems.append(f"testsuites failures={root.get('failures')}, {total_failures} failed")
    # One test case per rule × resource, failing exactly for unexempted fail findings.
    names = [(case.get("classname"), case.get("name")) for case in cases]
    if len(names) != len(set(names)):
        problems.append("a rule × resource test case repeats")
    failing = {(f["rule"], case_name(f)) for f in report["findings"] if f["severity"] == "fail" and not f["exempted_by"]}
    failed = {(case.get("classname"), case.get("name")) for case in cases if case.find("failure") is not None}
    if failing != failed:
        problems.append(f"failed test cases {sorted(failed)} are not the fail findings {sorted(failing)}")
    for finding in report["findings"]:
        if (finding["rule"], case_name(finding)) not in set(names):
            problems.append(f"no test case for {finding['rule']} × {finding['resource']}")
    return problems


# --- GitLab Code Quality ---------------------------------------------------------------

CODE_QUALITY_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def code_quality_problems(issues):
    if not isinstance(issues, list):
        return ["not a JSON array"]
    problems = []
    fingerprints = [issue.get("fingerprint") for issue in issues]
    if len(fingerprints) != len(set(fingerprints)):
        problems.append("fingerprints repeat")
    for issue in issues:
        name = issue.get("check_name", "?")
        for field in ("description", "check_name", "fingerprint"):
            if not isinstance(issue.get(field), str) or not issue[field]:
                problems.append(f"{name}: {field} missing or empty")
        if issue.get("severity") not in CODE_QUALITY_SEVERITIES:
            problems.append(f"{name}: severity {issue.get('severity')!r}")
        location = issue.get("location", {})
        if not isinstance(location.get("path"), str) or not location["path"] or location["path"].startswith("/"):
            problems.append(f"{name}: location.path {location.get('path')!r}")
        begin = location.get("lines", {}).get("begin")
        if not isinstance(begin, int) or isinstance(begin, bool) or begin < 1:
            problems.append(f"{name}: location.lines.begin {begin!r}")
    return problems


# --- Markdown --------------------------------------------------------------------------

def markdown_problems(text, expect_findings):
    html = subprocess.run(["pandoc", "-f", "gfm", "-t", "html"], input=text, capture_output=True, text=True,
                          check=True).stdout
    problems = []
    if "<table>" not in html:
        problems.append("no table in the rendered HTML")
    if "<details>" not in html or "<summary>" not in html:
        problems.append("no <details>/<summary> block in the rendered HTML")
    if "<h2" not in html:
        problems.append("the headline is not a heading")
    if any(line.lstrip().startswith("| ---") or line.lstrip().startswith("|---") for line in html.splitlines()):
        problems.append("pipe-table syntax left unrendered")
    if expect_findings and "Findings" not in html:
        problems.append("no findings section")
    if len(text) > COMMENT_LIMIT:
        problems.append(f"{len(text)} characters, over GitHub's comment limit")
    return problems


def check_all(case_dir, args, label):
    report = json.loads(run(case_dir, args, "json"))
    check(not (problems := sarif_problems(json.loads(run(case_dir, args, "sarif")))), f"{label}: SARIF: {problems}")
    check(not (problems := junit_problems(run(case_dir, args, "junit"), report)), f"{label}: JUnit: {problems}")
    check(not (problems := code_quality_problems(json.loads(run(case_dir, args, "gitlab")))),
          f"{label}: Code Quality: {problems}")
    check(not (problems := markdown_problems(run(case_dir, args, "markdown"), bool(report["findings"]))),
          f"{label}: Markdown: {problems}")


for case, args in RUNS:
    check_all(os.path.join(E2E, case), args, f"{case} {' '.join(args)}")
check_all(MONOREPO, [], "examples/monorepo (costgate.yml)")

# --- The checks fail on broken outputs ---------------------------------------------------

report_dir = os.path.join(E2E, "report_formats")
sample_args = RUNS[0][1]
sarif = json.loads(run(report_dir, sample_args, "sarif"))
for breakage in ("version", "level", "fingerprints", "uri", "rule"):
    broken = copy.deepcopy(sarif)
    result = broken["runs"][0]["results"][0]
    if breakage == "version":
        broken["version"] = "2.0.0"
    elif breakage == "level":
        result["level"] = "fatal"
    elif breakage == "fingerprints":
        del result["partialFingerprints"]
    elif breakage == "uri":
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "/abs/plan.json"
    else:
        result["ruleId"] = "no-such-rule"
    check(sarif_problems(broken), f"a SARIF log with a broken {breakage} passed the checks")

sample_report = json.loads(run(report_dir, sample_args, "json"))
junit = run(report_dir, sample_args, "junit")
check(junit_problems(junit.replace('failures="1"', 'failures="0"', 1), sample_report),
      "a JUnit report with a wrong failure count passed the checks")
check(junit_problems(junit.replace("<failure ", "<skipped ").replace("</failure>", "</skipped>"), sample_report),
      "a JUnit report without its failure passed the checks")

issues = json.loads(run(report_dir, sample_args, "gitlab"))
for field, value in (("severity", "warning"), ("fingerprint", "")):
    broken = copy.deepcopy(issues)
    broken[0][field] = value
    check(code_quality_problems(broken), f"Code Quality with a broken {field} passed the checks")
broken = copy.deepcopy(issues)
broken[0]["location"]["lines"]["begin"] = 0
check(code_quality_problems(broken), "Code Quality with line 0 passed the checks")

check(markdown_problems("# costgate\n\nno tables here\n", True), "Markdown without tables passed the checks")

# --- A plan too large for one comment --------------------------------------------------

work = tempfile.mkdtemp()
try:
    changes = []
    for i in range(3000):
        name = f"instance_with_a_rather_long_name_to_fill_the_comment_{i:05d}"
        changes.append({"address": f"module.team_{i % 40}.aws_instance.{name}", "mode": "managed",
                        "type": "aws_instance", "name": name, "module_address": f"module.team_{i % 40}",
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "change": {"actions": ["create"], "before": None,
                                   "after": {"instance_type": "t3.micro", "availability_zone": "us-east-1a",
                                             "tags": {}},
                                   "after_unknown": {}}})
    with open(os.path.join(work, "plan.json"), "w", encoding="utf-8") as handle:
        json.dump({"format_version": "1.2", "resource_changes": changes}, handle)
    huge = run(work, ["--plan", "plan.json", "--policy", os.path.join(SOURCE, "policies", "starter.yaml")], "markdown")
    check(len(huge) <= COMMENT_LIMIT, f"the huge plan's Markdown has {len(huge)} characters")
    check("not shown, to stay within GitHub's comment size" in huge, "the huge plan's Markdown has no truncation note")
    check(not markdown_problems(huge, True), "the huge plan's truncated Markdown does not render")
finally:
    shutil.rmtree(work)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("formats: SARIF, JUnit, Code Quality and Markdown checks passed")
