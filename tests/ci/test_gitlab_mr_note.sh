#!/usr/bin/env bash
# Tests ci/gitlab/mr-note.sh with a fake curl on PATH, that the GitLab template parses,
# and the template's script: with costgate on PATH, and downloading it from a faked
# release (file:// URLs) whose checksum matches or not.
# Usage: test_gitlab_mr_note.sh SOURCE_DIR COSTGATE_BINARY
set -euo pipefail
source_dir=$1
costgate=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
script="$source_dir/ci/gitlab/mr-note.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Fake curl: logs one line per call (method, URL, auth header) and the posted body;
# a GET answers with $FAKE_NOTES, or for page N with $FAKE_NOTES.N when that exists.
mkdir "$scratch/bin"
cat > "$scratch/bin/curl" <<'FAKE'
#!/usr/bin/env bash
method=GET url= header= body=
while [[ $# -gt 0 ]]; do
    case $1 in
        --request) method=$2; shift ;;
        --header) header=$2; shift ;;
        --data-urlencode) body=${2#body@}; shift ;;
        --*) ;;
        *) url=$1 ;;
    esac
    shift
done
echo "$method $url $header" >> "$FAKE_LOG"
if [[ -n $body ]]; then cat "$body" > "$FAKE_BODY"; fi
if [[ $method == GET ]]; then
    page=$(sed -n 's/.*[?&]page=\([0-9]*\).*/\1/p' <<< "$url")
    if [[ -f $FAKE_NOTES.$page ]]; then cat "$FAKE_NOTES.$page"; else cat "$FAKE_NOTES"; fi
fi
FAKE
chmod +x "$scratch/bin/curl"
export PATH="$scratch/bin:$PATH" FAKE_LOG="$scratch/log" FAKE_BODY="$scratch/body"
export FAKE_NOTES="$scratch/notes.json"
printf '## costgate: +$70.08/month\n' > "$scratch/report.md"
export CI_API_V4_URL=https://gitlab.example.com/api/v4 CI_PROJECT_ID=42
notes=https://gitlab.example.com/api/v4/projects/42/merge_requests/7/notes

# 1. Not a merge request pipeline: nothing is called.
(unset CI_MERGE_REQUEST_IID; CI_JOB_TOKEN=job "$script" "$scratch/report.md" > /dev/null) \
    || fail "no MR: exit $?"
[[ -e $FAKE_LOG ]] && fail "no MR: curl was called"

# 2. No earlier note: one GET, one POST with the marker and the report; job token auth.
echo '[{"id": 1, "body": "LGTM"}]' > "$FAKE_NOTES"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job "$script" "$scratch/report.md" > /dev/null \
    || fail "new note: exit $?"
expected="GET $notes?per_page=100&page=1&sort=asc JOB-TOKEN: job
POST $notes JOB-TOKEN: job"
[[ "$(cat "$FAKE_LOG")" == "$expected" ]] || fail "new note: calls were: $(cat "$FAKE_LOG")"
[[ "$(cat "$FAKE_BODY")" == $'<!-- costgate-report -->\n## costgate: +$70.08/month' ]] \
    || fail "new note: body was: $(cat "$FAKE_BODY")"

# 3. An earlier costgate note: it is updated in place (PUT), with the access token.
rm -f "$FAKE_LOG" "$FAKE_BODY"
echo '[{"id": 1, "body": "LGTM"}, {"id": 99, "body": "<!-- costgate-report -->\nold"}]' > "$FAKE_NOTES"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job COSTGATE_GITLAB_TOKEN=secret \
    "$script" "$scratch/report.md" > /dev/null || fail "update: exit $?"
expected="GET $notes?per_page=100&page=1&sort=asc PRIVATE-TOKEN: secret
PUT $notes/99 PRIVATE-TOKEN: secret"
[[ "$(cat "$FAKE_LOG")" == "$expected" ]] || fail "update: calls were: $(cat "$FAKE_LOG")"
grep -q 'costgate: +\$70.08' "$FAKE_BODY" || fail "update: body lacks the report"

# 3b. Our note on page 3 of a busy merge request (two full pages before it) is found
#     and updated; another job's note (its own name) is not ours.
rm -f "$FAKE_LOG" "$FAKE_BODY"
python3 -c '
import json, sys
base = sys.argv[1]
json.dump([{"id": i, "body": "chat"} for i in range(100)], open(base + ".1", "w"))
json.dump([{"id": 100 + i, "body": "chat"} for i in range(99)] + [{"id": 500, "body": "<!-- costgate-report:other -->\nold"}], open(base + ".2", "w"))
json.dump([{"id": 501, "body": "<!-- costgate-report:cost-gate -->\n<!-- costgate-cost: 1.00 2.00 -->\nold"}], open(base + ".3", "w"))
' "$FAKE_NOTES"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job CI_JOB_NAME=cost-gate "$script" "$scratch/report.md" > /dev/null ||
    fail "paged: exit $?"
expected="GET $notes?per_page=100&page=1&sort=asc JOB-TOKEN: job
GET $notes?per_page=100&page=2&sort=asc JOB-TOKEN: job
GET $notes?per_page=100&page=3&sort=asc JOB-TOKEN: job
PUT $notes/501 JOB-TOKEN: job"
[[ "$(cat "$FAKE_LOG")" == "$expected" ]] || fail "paged: calls were: $(cat "$FAKE_LOG")"
head -n 1 "$FAKE_BODY" | grep -qx '<!-- costgate-report:cost-gate -->' || fail "paged: body marker: $(head -n 1 "$FAKE_BODY")"

# 3c. With the JSON report and COSTGATE_MR_NOTE_WHEN=changed: the note shows the same
#     cost, so it is left alone; another cost updates it; no note and no change posts none.
echo '{"summary": {"monthly_delta": 1.0, "monthly_after": 2.0}}' > "$scratch/report.json"
rm -f "$FAKE_LOG"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job CI_JOB_NAME=cost-gate COSTGATE_MR_NOTE_WHEN=changed \
    "$script" "$scratch/report.md" "$scratch/report.json" > "$scratch/same" || fail "unchanged: exit $?"
grep -q '^PUT\|^POST' "$FAKE_LOG" && fail "unchanged: the note was written: $(cat "$FAKE_LOG")"
grep -q 'did not change' "$scratch/same" || fail "unchanged: no message"
echo '{"summary": {"monthly_delta": 3.5, "monthly_after": 4.5}}' > "$scratch/report.json"
rm -f "$FAKE_LOG"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job CI_JOB_NAME=cost-gate COSTGATE_MR_NOTE_WHEN=changed \
    "$script" "$scratch/report.md" "$scratch/report.json" > /dev/null || fail "changed: exit $?"
[[ $(tail -n 1 "$FAKE_LOG") == "PUT $notes/501 JOB-TOKEN: job" ]] || fail "changed: calls were: $(cat "$FAKE_LOG")"
grep -qx '<!-- costgate-cost: 3.50 4.50 -->' "$FAKE_BODY" || fail "changed: body lacks the cost: $(head -n 2 "$FAKE_BODY")"
rm -f "$FAKE_NOTES".[0-9] "$FAKE_LOG"
echo '[]' > "$FAKE_NOTES"
echo '{"summary": {"monthly_delta": 0.0, "monthly_after": 4.5}}' > "$scratch/report.json"
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job COSTGATE_MR_NOTE_WHEN=changed \
    "$script" "$scratch/report.md" "$scratch/report.json" > /dev/null || fail "zero: exit $?"
grep -q '^POST' "$FAKE_LOG" && fail "zero: a note was posted for a change of 0.00"

# 4. A missing report exits 2 naming it; no token exits 2.
status=0
CI_MERGE_REQUEST_IID=7 CI_JOB_TOKEN=job "$script" "$scratch/missing.md" 2> "$scratch/err" || status=$?
[[ $status == 2 ]] && grep -q missing.md "$scratch/err" || fail "missing report: exit $status"
status=0
(unset CI_JOB_TOKEN COSTGATE_GITLAB_TOKEN; CI_MERGE_REQUEST_IID=7 "$script" "$scratch/report.md" 2> /dev/null) \
    || status=$?
[[ $status == 2 ]] || fail "no token: exit $status"

# 5. The template parses and declares the hidden job with both report artifacts, the
#    image, rules for merge requests and the default branch, and the image's note script.
python3 - "$source_dir/ci/gitlab/costgate.gitlab-ci.yml" "$scratch/job.sh" <<'PY' || fail "costgate.gitlab-ci.yml"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
job = doc[".costgate"]
assert job["image"] == "$COSTGATE_IMAGE", job["image"]
rules = [rule["if"] for rule in job["rules"]]
assert rules == ['$CI_PIPELINE_SOURCE == "merge_request_event"', "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"], rules
reports = job["artifacts"]["reports"]
assert reports["codequality"] == "gl-code-quality-report.json", reports
assert reports["junit"] == "costgate-junit.xml", reports
assert job["artifacts"]["when"] == "always"
script = "\n".join(job["script"])
assert "--report gitlab=gl-code-quality-report.json" in script
assert "--report junit=costgate-junit.xml" in script
assert '"$COSTGATE_MR_NOTE_SCRIPT" costgate.md costgate.json' in script
assert "--report json=costgate.json" in script
assert job["variables"]["COSTGATE_MR_NOTE_SCRIPT"] == "/usr/share/costgate/gitlab/mr-note.sh"
for name in ("COSTGATE_PLAN", "COSTGATE_K8S", "COSTGATE_POLICY", "COSTGATE_IMAGE", "COSTGATE_RELEASE_URL",
             "COSTGATE_MR_NOTE_WHEN"):
    assert name in job["variables"], name
with open(sys.argv[2], "w") as out:
    out.write(script)
PY

# 6. The job's script as GitLab runs it (sh -e), in a merge request pipeline without a
#    note script: with costgate on PATH; without it, from a faked release; a release
#    whose sum does not match exits 2 without running the binary.
case $(uname -m) in
    aarch64 | arm64) asset="costgate-linux-arm64" ;;
    *) asset="costgate-linux-amd64" ;;
esac
mkdir -p "$scratch/release/good" "$scratch/release/bad" "$scratch/onpath"
cp "$costgate" "$scratch/release/good/$asset"
(cd "$scratch/release/good" && sha256sum "$asset" > SHA256SUMS)
printf '#!/bin/sh\necho tampered\n' > "$scratch/release/bad/$asset"
cp "$scratch/release/good/SHA256SUMS" "$scratch/release/bad/"
ln -s "$costgate" "$scratch/onpath/costgate"
job() { # CASE PATH RELEASE_URL: runs the job in $scratch/job-CASE; prints its exit code
    mkdir -p "$scratch/job-$1"
    cp "$source_dir/examples/terraform/plan.json" "$scratch/job-$1/"
    local status=0
    (cd "$scratch/job-$1" && env -i PATH="$2" HOME="$scratch" CI_MERGE_REQUEST_IID=7 COSTGATE_RELEASE_URL="$3" \
        COSTGATE_PLAN=plan.json COSTGATE_POLICY="$source_dir/policies/starter.yaml" COSTGATE_K8S= COSTGATE_ARGS= \
        COSTGATE_BIN=costgate COSTGATE_MR_NOTE=true COSTGATE_MR_NOTE_SCRIPT=/nonexistent/mr-note.sh \
        COSTGATE_SOFT_FAIL=false sh -e "$scratch/job.sh" > stdout 2> stderr) || status=$?
    echo "$status"
}
# The example breaks the starter policy on purpose: exit 1 with all three reports.
[[ $(job path "$scratch/onpath:/usr/bin:/bin" "") == 1 ]] || fail "job on PATH: $(cat "$scratch/job-path/stderr")"
for report in gl-code-quality-report.json costgate-junit.xml costgate.md; do
    [[ -s $scratch/job-path/$report ]] || fail "job on PATH: no $report"
done
grep -q 'no MR note: /nonexistent/mr-note.sh is not in this image' "$scratch/job-path/stdout" ||
    fail "job on PATH: no word about the missing note script"
if ! PATH=/usr/bin:/bin command -v costgate > /dev/null; then
    [[ $(job download /usr/bin:/bin "file://$scratch/release/good") == 1 ]] ||
        fail "job download: $(cat "$scratch/job-download/stderr")"
    cmp -s "$scratch/job-download/costgate.md" "$scratch/job-path/costgate.md" ||
        fail "job download: another report than costgate's on PATH"
    [[ $(job tampered /usr/bin:/bin "file://$scratch/release/bad") == 2 ]] || fail "job tampered: not exit 2"
    grep -q 'checksum mismatch' "$scratch/job-tampered/stderr" || fail "job tampered: $(cat "$scratch/job-tampered/stderr")"
    grep -q tampered "$scratch/job-tampered/stdout" && fail "job tampered: the binary ran"
    [[ $(job nothing /usr/bin:/bin "") == 2 ]] || fail "job without costgate: not exit 2"
    grep -q 'set COSTGATE_IMAGE' "$scratch/job-nothing/stderr" || fail "job without costgate: $(cat "$scratch/job-nothing/stderr")"
fi

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "gitlab mr-note: all checks passed"
