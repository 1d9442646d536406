#!/usr/bin/env bash
# Tests the GitHub Action: ci/github/*.sh run with a fake GITHUB_* environment, a fake `gh`
# (and, for the build, a fake `cmake`) on PATH and the real costgate on the examples;
# action.yml and `costgate init --ci github`'s workflow are checked against the scripts.
# Usage: test_github_action.sh COSTGATE_BINARY SOURCE_DIR
set -euo pipefail
costgate=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
scripts="$source_dir/ci/github"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Fake gh: logs one line per call (method, endpoint, --paginate), keeps the --input body,
# answers a GET with $FAKE_COMMENTS and fails every call when $FAKE_GH_FAIL is set.
mkdir "$scratch/bin"
cat > "$scratch/bin/gh" <<'FAKE'
#!/usr/bin/env bash
method=GET endpoint= input= paginate=
shift # api
while [[ $# -gt 0 ]]; do
    case $1 in
        --method) method=$2; shift ;;
        --input) input=$2; shift ;;
        --paginate) paginate=" --paginate" ;;
        *) endpoint=$1 ;;
    esac
    shift
done
echo "$method $endpoint$paginate" >> "$FAKE_LOG"
if [[ -n ${FAKE_GH_FAIL:-} ]]; then echo "HTTP 403: Resource not accessible by integration" >&2; exit 1; fi
if [[ -n $input ]]; then cp "$input" "$FAKE_BODY"; echo '{"id": 1000}'; fi
if [[ $method == GET ]]; then cat "$FAKE_COMMENTS"; fi
FAKE
chmod +x "$scratch/bin/gh"
export PATH="$scratch/bin:$PATH" FAKE_LOG="$scratch/gh.log" FAKE_BODY="$scratch/gh-body.json"
export FAKE_COMMENTS="$scratch/comments.json"
echo '{"action": "synchronize", "pull_request": {"number": 42}}' > "$scratch/pull_request-event.json"
echo '{"ref": "refs/heads/main"}' > "$scratch/push-event.json"

# A fresh fake runner for one case: its files live in $scratch/NAME.
runner() {
    local name=$1 event=$2
    mkdir -p "$scratch/$name/tmp"
    export GITHUB_EVENT_NAME=$event GITHUB_EVENT_PATH="$scratch/$event-event.json"
    export GITHUB_REPOSITORY=acme/shop GITHUB_STEP_SUMMARY="$scratch/$name/summary.md"
    export GITHUB_OUTPUT="$scratch/$name/output" GITHUB_PATH="$scratch/$name/path"
    export RUNNER_TEMP="$scratch/$name/tmp"
    : > "$GITHUB_STEP_SUMMARY"
    : > "$GITHUB_OUTPUT"
    rm -f "$FAKE_LOG" "$FAKE_BODY"
}
# The value of output $2 in case $1's GITHUB_OUTPUT (the last one written).
output() { sed -n "s/^$2=//p" "$scratch/$1/output" | tail -n 1; }
# "delta total" as run.sh should report them, from costgate's own JSON report.
expected_money() {
    (cd "$source_dir" && "$costgate" check "$@" --format json 2> /dev/null || true) | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("%.2f %.2f" % (s["monthly_delta"], s["monthly_after"]))'
}
run_action() { (cd "$source_dir" && COSTGATE_BIN=$costgate bash "$scripts/run.sh"); }

pass_plan=examples/monorepo/terraform/network/plan.json
pass_policy=examples/monorepo/policies/org.yaml

# 1. A passing check: outputs, SARIF, the summary once (the github format writes it), a
#    new PR comment, and a gate step that passes.
runner pass pull_request
status=0
INPUT_PLAN=$pass_plan INPUT_POLICY=$pass_policy INPUT_SARIF=true run_action \
    > "$scratch/pass/stdout" 2> "$scratch/pass/stderr" || status=$?
[[ $status == 0 ]] || fail "pass: run.sh exit $status: $(cat "$scratch/pass/stderr")"
[[ $(output pass exit-code) == 0 ]] || fail "pass: exit-code output is '$(output pass exit-code)'"
read -r delta total < <(expected_money --plan "$pass_plan" --policy "$pass_policy")
[[ $(output pass monthly-delta) == "$delta" && $(output pass monthly-total) == "$total" ]] ||
    fail "pass: money outputs $(output pass monthly-delta)/$(output pass monthly-total), expected $delta/$total"
[[ $delta != 0.00 ]] || fail "pass: the example should cost something"
sarif=$(output pass sarif-file)
[[ $sarif == "$RUNNER_TEMP"/* ]] && python3 -c '
import json, sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$sarif" ||
    fail "pass: sarif-file '$sarif' is not a SARIF report in RUNNER_TEMP"
markdown=$(output pass markdown-file)
grep -q '^## costgate: ' "$markdown" || fail "pass: markdown-file '$markdown' is not the report"
[[ -f $(output pass json-file) ]] || fail "pass: json-file missing"
[[ $(grep -c '^## costgate: ' "$GITHUB_STEP_SUMMARY") == 1 ]] ||
    fail "pass: the summary holds $(grep -c '^## costgate: ' "$GITHUB_STEP_SUMMARY") reports, not 1"
grep -q -- "--plan $pass_plan --policy $pass_policy --format github" "$scratch/pass/stdout" ||
    fail "pass: command line was: $(head -n 1 "$scratch/pass/stdout")"
COSTGATE_EXIT_CODE=$(output pass exit-code) bash "$scripts/finish.sh" > /dev/null || fail "pass: gate exit $?"

# No comment of ours yet, over two pages: one listing, one POST with marker + report.
printf '[{"id": 1, "body": "LGTM"}]\n[{"id": 2, "body": "ship it"}]\n' > "$FAKE_COMMENTS"
bash "$scripts/pr-comment.sh" "$markdown" > /dev/null || fail "new comment: exit $?"
expected="GET repos/acme/shop/issues/42/comments?per_page=100 --paginate
POST repos/acme/shop/issues/42/comments"
[[ "$(cat "$FAKE_LOG" 2> /dev/null)" == "$expected" ]] || fail "new comment: gh calls were: $(cat "$FAKE_LOG" 2> /dev/null)"
python3 - "$FAKE_BODY" "$markdown" <<'PY' || fail "new comment: body is not marker + report"
import json, sys
body = json.load(open(sys.argv[1]))["body"]
assert body == "<!-- costgate -->\n" + open(sys.argv[2]).read(), body[:200]
PY

# 2. A failing policy, several plans (a newline-separated list with a glob), table format:
#    run.sh writes the summary itself, the marker comment on page 2 is PATCHed, the gate
#    exits 1 (0 with soft-fail).
runner fail pull_request
INPUT_PLAN=$'examples/terraform/*.json\n'"$pass_plan" INPUT_POLICY="policies/starter.yaml" \
    INPUT_FORMAT=table run_action > "$scratch/fail/stdout" 2> /dev/null || fail "fail: run.sh exit $?"
grep -q -- "--plan examples/terraform/plan.json --plan $pass_plan --policy policies/starter.yaml --format table" \
    "$scratch/fail/stdout" || fail "fail: command line was: $(head -n 1 "$scratch/fail/stdout")"
[[ $(output fail exit-code) == 1 ]] || fail "fail: exit-code output is '$(output fail exit-code)'"
read -r delta total < <(expected_money --plan examples/terraform/plan.json --plan "$pass_plan" \
    --policy policies/starter.yaml)
[[ $(output fail monthly-delta) == "$delta" && $(output fail monthly-total) == "$total" ]] ||
    fail "fail: money outputs $(output fail monthly-delta)/$(output fail monthly-total), expected $delta/$total"
[[ -z $(output fail sarif-file) ]] || fail "fail: sarif-file set without sarif: true"
[[ $(grep -c '^## costgate: .*FAIL' "$GITHUB_STEP_SUMMARY") == 1 ]] || fail "fail: summary lacks the failing report"
status=0
COSTGATE_EXIT_CODE=1 bash "$scripts/finish.sh" > "$scratch/fail/gate" || status=$?
[[ $status == 1 ]] && grep -q '^::error ' "$scratch/fail/gate" || fail "fail: gate exit $status, not 1 with an error"
COSTGATE_EXIT_CODE=1 INPUT_SOFT_FAIL=true bash "$scripts/finish.sh" > /dev/null || fail "fail: soft-fail gate exit $?"
printf '[{"id": 1, "body": "LGTM"}]\n[{"id": 99, "body": "<!-- costgate -->\\nold"}]\n' > "$FAKE_COMMENTS"
bash "$scripts/pr-comment.sh" "$(output fail markdown-file)" > /dev/null || fail "update: exit $?"
expected="GET repos/acme/shop/issues/42/comments?per_page=100 --paginate
PATCH repos/acme/shop/issues/comments/99"
[[ "$(cat "$FAKE_LOG" 2> /dev/null)" == "$expected" ]] || fail "update: gh calls were: $(cat "$FAKE_LOG" 2> /dev/null)"
grep -q 'FAIL' "$FAKE_BODY" || fail "update: body lacks the failing report"

# 3. Bad input: exit-code 2, the file named on stderr, in an annotation, in the summary and
#    in the markdown-file; no money outputs; the gate exits 2 even with soft-fail.
runner bad pull_request
echo '{"format_version": ' > "$scratch/bad/broken-plan.json"
INPUT_PLAN="$scratch/bad/broken-plan.json" INPUT_POLICY=policies/starter.yaml run_action \
    > "$scratch/bad/stdout" 2> "$scratch/bad/stderr" || fail "bad: run.sh exit $?"
[[ $(output bad exit-code) == 2 ]] || fail "bad: exit-code output is '$(output bad exit-code)'"
grep -q 'broken-plan.json' "$scratch/bad/stderr" || fail "bad: stderr does not name the file"
grep -q '^::error title=costgate::.*broken-plan.json' "$scratch/bad/stdout" || fail "bad: no annotation naming the file"
grep -q 'broken-plan.json' "$(output bad markdown-file)" || fail "bad: markdown-file does not name the file"
grep -q 'could not check' "$GITHUB_STEP_SUMMARY" || fail "bad: summary does not say the check did not run"
[[ -z $(output bad monthly-delta) && -z $(output bad json-file) ]] || fail "bad: money or JSON outputs set"
status=0
COSTGATE_EXIT_CODE=2 INPUT_SOFT_FAIL=true bash "$scripts/finish.sh" > /dev/null || status=$?
[[ $status == 2 ]] || fail "bad: gate exit $status, not 2"
status=0
COSTGATE_EXIT_CODE='' bash "$scripts/finish.sh" > /dev/null || status=$?
[[ $status == 2 ]] || fail "no exit code: gate exit $status, not 2"

# 4. A costgate.yml in the working directory and no inputs; summary: false leaves the
#    summary alone even in the github format.
runner config push
(cd "$source_dir/examples/monorepo" && COSTGATE_BIN=$costgate INPUT_SUMMARY=false bash "$scripts/run.sh") \
    > /dev/null 2>&1 || fail "config: run.sh exit $?"
[[ $(output config exit-code) =~ ^[01]$ && -n $(output config monthly-total) ]] ||
    fail "config: outputs exit-code='$(output config exit-code)' total='$(output config monthly-total)'"
[[ ! -s $GITHUB_STEP_SUMMARY ]] || fail "config: summary written with summary: false"

# 5. No comment on a push event, nor without gh; a failing gh is a warning, not a failure.
(bash "$scripts/pr-comment.sh" "$markdown" > "$scratch/config/comment") || fail "push: exit $?"
[[ -e $FAKE_LOG ]] && fail "push: gh was called"
grep -q '^::notice .*not a pull request' "$scratch/config/comment" || fail "push: no notice"
runner nogh pull_request
mkdir "$scratch/nogh/bin" && ln -s "$(command -v python3)" "$scratch/nogh/bin/python3"
(PATH="$scratch/nogh/bin" && "$BASH" "$scripts/pr-comment.sh" "$markdown" > "$scratch/nogh/comment") ||
    fail "no gh: exit $?"
grep -q '^::notice .*(gh) is not installed' "$scratch/nogh/comment" || fail "no gh: no notice"
runner ghfails pull_request
(FAKE_GH_FAIL=1 bash "$scripts/pr-comment.sh" "$markdown" > "$scratch/ghfails/comment" 2> /dev/null) || fail "gh fails: exit $?"
grep -q '^::warning .*could not find the PR comment' "$scratch/ghfails/comment" || fail "gh fails: no warning"
status=0
bash "$scripts/pr-comment.sh" "$scratch/missing.md" 2> /dev/null || status=$?
[[ $status == 2 ]] || fail "missing report: exit $status, not 2"

# 5b. The marker is keyed by the comment name, else the job: another job's costgate
#     comment is left alone. With the JSON report, comment-when changed posts only a
#     change that costs something and updates only when the cost shown differs.
runner keyed pull_request
json_report=$(output pass json-file)
read -r pass_delta pass_total < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print("%.2f %.2f" % (s["monthly_delta"], s["monthly_after"]))' "$json_report")
printf '[{"id": 5, "body": "<!-- costgate:network -->\\nold"}, {"id": 6, "body": "<!-- costgate -->\\nold"}]\n' > "$FAKE_COMMENTS"
GITHUB_JOB=apps bash "$scripts/pr-comment.sh" "$markdown" "$json_report" > /dev/null || fail "keyed: exit $?"
[[ $(tail -n 1 "$FAKE_LOG") == "POST repos/acme/shop/issues/42/comments" ]] ||
    fail "keyed: another job's comment was taken: $(cat "$FAKE_LOG")"
python3 - "$FAKE_BODY" "$markdown" "$pass_delta $pass_total" <<'PY' || fail "keyed: body"
import json, sys
body = json.load(open(sys.argv[1]))["body"]
expected = "<!-- costgate:apps -->\n<!-- costgate-cost: " + sys.argv[3] + " -->\n" + open(sys.argv[2]).read()
assert body == expected, body[:200]
PY
rm -f "$FAKE_LOG"
GITHUB_JOB=apps COSTGATE_COMMENT_NAME='net work-->' bash "$scripts/pr-comment.sh" "$markdown" > /dev/null ||
    fail "named: exit $?"
grep -q 'net work-->' "$FAKE_BODY" && fail "named: the name can end the HTML comment"
grep -q '<!-- costgate:net_work' "$FAKE_BODY" || fail "named: body: $(head -c 200 "$FAKE_BODY")"
# Same cost as the comment shows: left alone. Another cost: updated.
printf '[{"id": 7, "body": "<!-- costgate:apps -->\\n<!-- costgate-cost: %s %s -->\\nold"}]\n' \
    "$pass_delta" "$pass_total" > "$FAKE_COMMENTS"
rm -f "$FAKE_LOG"
GITHUB_JOB=apps COSTGATE_COMMENT_WHEN=changed bash "$scripts/pr-comment.sh" "$markdown" "$json_report" \
    > "$scratch/keyed/same" || fail "unchanged: exit $?"
[[ $(cat "$FAKE_LOG") == "GET repos/acme/shop/issues/42/comments?per_page=100 --paginate" ]] ||
    fail "unchanged: gh calls were: $(cat "$FAKE_LOG")"
grep -q 'did not change' "$scratch/keyed/same" || fail "unchanged: no message"
printf '[{"id": 7, "body": "<!-- costgate:apps -->\\n<!-- costgate-cost: 1.00 2.00 -->\\nold"}]\n' > "$FAKE_COMMENTS"
rm -f "$FAKE_LOG"
GITHUB_JOB=apps COSTGATE_COMMENT_WHEN=changed bash "$scripts/pr-comment.sh" "$markdown" "$json_report" \
    > /dev/null || fail "changed: exit $?"
[[ $(tail -n 1 "$FAKE_LOG") == "PATCH repos/acme/shop/issues/comments/7" ]] || fail "changed: gh calls were: $(cat "$FAKE_LOG")"
# No comment yet and a change of 0.00: nothing posted.
python3 -c '
import json, sys
r = json.load(open(sys.argv[1])); r["summary"]["monthly_delta"] = 0.0
json.dump(r, open(sys.argv[2], "w"))' "$json_report" "$scratch/keyed/zero.json"
echo '[]' > "$FAKE_COMMENTS"
rm -f "$FAKE_LOG"
GITHUB_JOB=apps COSTGATE_COMMENT_WHEN=changed bash "$scripts/pr-comment.sh" "$markdown" "$scratch/keyed/zero.json" \
    > /dev/null || fail "zero: exit $?"
grep -q POST "$FAKE_LOG" && fail "zero: a comment was posted for a change of 0.00"
status=0
COSTGATE_COMMENT_WHEN=sometimes bash "$scripts/pr-comment.sh" "$markdown" 2> /dev/null || status=$?
[[ $status == 2 ]] || fail "bad comment-when: exit $status, not 2"

# 6. install.sh: costgate on PATH; `path` without one; a build (fake cmake) that a second
#    run reuses from the cache folder; an unknown mode.
runner install pull_request
mkdir "$scratch/install/onpath" && ln -s "$costgate" "$scratch/install/onpath/costgate"
PATH="$scratch/install/onpath:$PATH" bash "$scripts/install.sh" > /dev/null || fail "install auto: exit $?"
[[ $(output install path) == "$scratch/install/onpath/costgate" ]] || fail "install auto: path='$(output install path)'"
grep -qx "$scratch/install/onpath" "$GITHUB_PATH" || fail "install auto: GITHUB_PATH not written"
if ! PATH=/usr/bin:/bin command -v costgate > /dev/null; then
    status=0
    PATH=/usr/bin:/bin INPUT_INSTALL=path "$BASH" "$scripts/install.sh" > /dev/null 2> "$scratch/install/err" ||
        status=$?
    [[ $status == 2 ]] && grep -q 'no costgate on PATH' "$scratch/install/err" || fail "install path: exit $status"
fi
mkdir "$scratch/install/cmake-bin"
cat > "$scratch/install/cmake-bin/cmake" <<FAKE
#!/usr/bin/env bash
echo "cmake \$*" >> "$scratch/install/cmake.log"
case \$1 in
    -S) mkdir -p "\$4" ;;
    --build) cp "$costgate" "\$2/costgate" ;;
esac
FAKE
chmod +x "$scratch/install/cmake-bin/cmake"
for attempt in 1 2; do
    PATH="$scratch/install/cmake-bin:$PATH" INPUT_INSTALL=build INPUT_INSTALL_DEPS=false \
        COSTGATE_CACHE_DIR="$scratch/install/cache" bash "$scripts/install.sh" > /dev/null ||
        fail "install build $attempt: exit $?"
done
built=$(output install path)
[[ $built == "$scratch/install/cache/"*/costgate && -x $built ]] || fail "install build: path='$built'"
[[ $(grep -c '^cmake --build' "$scratch/install/cmake.log") == 1 ]] || fail "install build: the second run rebuilt"
grep -q -- "^cmake -S $source_dir -B .* -DCOSTGATE_BUILD_TESTS=OFF" "$scratch/install/cmake.log" ||
    fail "install build: cmake ran as: $(head -n 1 "$scratch/install/cmake.log")"
status=0
INPUT_INSTALL=docker bash "$scripts/install.sh" > /dev/null 2>&1 || status=$?
[[ $status == 2 ]] || fail "install unknown mode: exit $status"

# 6b. install.sh with a faked release (file:// URLs, which curl reads like https ones):
#     a matching checksum installs the release binary and a second run reuses it; a
#     mismatch fails loudly and installs nothing; no release falls back to the build;
#     `release` without a release fails; the URL is the action's repository and version.
case $(uname -m) in
    aarch64 | arm64) asset="costgate-linux-arm64" ;;
    *) asset="costgate-linux-amd64" ;;
esac
version=$(sed -n 's/^project(costgate VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
release=$scratch/install/release
mkdir -p "$release/good" "$release/bad" "$release/none"
cp "$costgate" "$release/good/$asset"
(cd "$release/good" && sha256sum "$asset" > SHA256SUMS)
cp "$costgate" "$release/bad/$asset"
printf '%s\n' "$(printf 'not costgate' | sha256sum | cut -d ' ' -f 1)  $asset" > "$release/bad/SHA256SUMS"
if ! PATH=/usr/bin:/bin command -v costgate > /dev/null; then
    release_install() { # CASE URL [VAR=VALUE...]: install.sh with costgate not on PATH
        local name=$1 url=$2
        shift 2
        runner "$name" pull_request
        env PATH="$scratch/install/cmake-bin:/usr/bin:/bin" COSTGATE_RELEASE_URL="$url" \
            COSTGATE_CACHE_DIR="$scratch/$name/cache" INPUT_INSTALL_DEPS=false "$@" \
            "$BASH" "$scripts/install.sh" > "$scratch/$name/stdout" 2> "$scratch/$name/stderr"
    }
    rm -f "$scratch/install/cmake.log"
    release_install good "file://$release/good" || fail "release good: exit $?: $(cat "$scratch/good/stderr")"
    [[ $(output good path) == "$scratch/good/cache/release-$version-${asset#costgate-linux-}/costgate" ]] ||
        fail "release good: path='$(output good path)'"
    cmp -s "$(output good path)" "$costgate" || fail "release good: the installed binary is not the release's"
    grep -q 'SHA-256 .* verified' "$scratch/good/stdout" || fail "release good: no verification message"
    [[ ! -e $scratch/install/cmake.log ]] || fail "release good: it built from source"
    # The second run finds it in the cache, even with the release gone.
    release_install good "file://$release/none" || fail "release reuse: exit $?"
    grep -q 'reusing the release binary' "$scratch/good/stdout" || fail "release reuse: downloaded again"

    status=0
    release_install bad "file://$release/bad" || status=$?
    [[ $status == 2 ]] || fail "release mismatch: exit $status, not 2"
    grep -q 'checksum mismatch' "$scratch/bad/stderr" || fail "release mismatch: stderr: $(cat "$scratch/bad/stderr")"
    grep -q '^::error title=costgate::checksum mismatch' "$scratch/bad/stdout" || fail "release mismatch: no annotation"
    [[ -z $(output bad path) ]] || fail "release mismatch: a path was published"
    [[ -z $(find "$scratch/bad" -name costgate -type f) ]] || fail "release mismatch: a binary was installed"
    [[ ! -e $scratch/install/cmake.log ]] || fail "release mismatch: it fell back to building"

    release_install none "file://$release/none" || fail "no release: exit $?: $(cat "$scratch/none/stderr")"
    grep -q 'building from source instead' "$scratch/none/stdout" || fail "no release: no fallback message"
    [[ $(output none path) == "$scratch/none/cache/"*/costgate ]] || fail "no release: path='$(output none path)'"
    [[ $(grep -c '^cmake --build' "$scratch/install/cmake.log") == 1 ]] || fail "no release: did not build"
    status=0
    release_install none "file://$release/none" INPUT_INSTALL=release || status=$?
    [[ $status == 2 ]] || fail "install release without a release: exit $status"

    # The default URL: the repository read from the action's folder, and its version.
    mkdir -p "$scratch/_actions/acme/costgate/v1" "$scratch/stub-bin"
    cp "$source_dir/CMakeLists.txt" "$scratch/_actions/acme/costgate/v1/"
    # shellcheck disable=SC2016 # the stub's own $last
    printf '#!/bin/sh\nfor last; do :; done\necho "$last" >> "%s"\nexit 22\n' "$scratch/curl.log" > "$scratch/stub-bin/curl"
    chmod +x "$scratch/stub-bin/curl"
    runner url pull_request
    PATH="$scratch/stub-bin:/usr/bin:/bin" COSTGATE_SOURCE="$scratch/_actions/acme/costgate/v1" \
        INPUT_INSTALL=release "$BASH" "$scripts/install.sh" > /dev/null 2>&1 || true
    [[ $(head -n 1 "$scratch/curl.log" 2> /dev/null) == "https://github.com/acme/costgate/releases/download/v$version/SHA256SUMS" ]] ||
        fail "release URL: curl was asked for $(cat "$scratch/curl.log" 2> /dev/null)"
fi

# 7. action.yml: parses; each run step only calls an existing ci/github script and has no
#    ${{ }} in its shell code; every INPUT_* a script reads is passed; every input is used;
#    the outputs are the ones run.sh writes; the SARIF upload is conditional. And the
#    workflow of `costgate init --ci github` uses only inputs the action declares.
(mkdir "$scratch/init" && cd "$scratch/init" && "$costgate" init --ci github > /dev/null) ||
    fail "init --ci github: exit $?"
python3 - "$source_dir" "$scratch/pass/output" "$scratch/init/.github/workflows/costgate.yml" <<'PY' ||
import os, re, sys, yaml
source, outputs_file, workflow_file = sys.argv[1:]
action = yaml.safe_load(open(os.path.join(source, "action.yml")))
assert action["runs"]["using"] == "composite"
inputs = action["inputs"]
for name in ("plan", "k8s", "policy", "config", "usage", "catalog", "compare-to", "format",
             "sarif", "comment", "working-directory", "install"):
    assert name in inputs, "missing input " + name
assert inputs["format"]["default"] == "github"
steps = action["runs"]["steps"]
env_names, used_inputs = set(), set()
for step in steps:
    for key, value in list(step.get("env", {}).items()) + list(step.get("with", {}).items()):
        env_names.add(key)
        used_inputs.update(re.findall(r"inputs\.([\w-]+)", str(value)))
    for key in ("if", "working-directory"):
        used_inputs.update(re.findall(r"inputs\.([\w-]+)", str(step.get(key, ""))))
    if "run" not in step:
        continue
    assert step["shell"] == "bash", step
    assert "${{" not in step["run"], "expression in run: " + step["run"]
    called = re.findall(r'"\$GITHUB_ACTION_PATH/([^"]+)"', step["run"])
    assert called, "run step calls no script: " + step["run"]
    for script in called:
        assert script.startswith("ci/github/") and os.path.isfile(os.path.join(source, script)), script
assert set(inputs) == used_inputs, "unused inputs: %s" % (set(inputs) - used_inputs)
scripts_dir = os.path.join(source, "ci", "github")
for script in os.listdir(scripts_dir):
    for name in re.findall(r"\bINPUT_[A-Z_]+\b", open(os.path.join(scripts_dir, script)).read()):
        assert name in env_names, "%s reads %s, which action.yml never sets" % (script, name)
written = {line.split("=", 1)[0] for line in open(outputs_file) if "=" in line}
for name, output in action["outputs"].items():
    assert output["value"] == "${{ steps.run.outputs.%s }}" % name, output
    assert name in written, "run.sh does not write output " + name
for name in ("exit-code", "monthly-delta", "monthly-total", "sarif-file", "markdown-file"):
    assert name in action["outputs"], name
upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert len(upload) == 1 and "inputs.sarif == 'true'" in upload[0]["if"], upload
assert upload[0]["with"]["sarif_file"] == "${{ steps.run.outputs.sarif-file }}"
assert "finish.sh" in steps[-1]["run"], "the gate is not the last step"

workflow = yaml.safe_load(open(workflow_file))
assert workflow["permissions"]["pull-requests"] == "write"
assert workflow["permissions"]["security-events"] == "write"
uses = [s for s in workflow["jobs"]["cost"]["steps"] if s.get("uses", "").endswith("/costgate@v1")]
assert len(uses) == 1, "init's workflow does not use the action"
unknown = set(uses[0].get("with", {})) - set(inputs)
assert not unknown, "init's workflow passes inputs the action lacks: %s" % unknown
PY
    fail "action.yml or init's workflow"

if command -v shellcheck > /dev/null; then
    shellcheck "$scripts"/*.sh || fail "shellcheck ci/github/*.sh"
fi

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "github action: all checks passed"
