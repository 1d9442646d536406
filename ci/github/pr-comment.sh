#!/usr/bin/env bash
# Posts a costgate report (Markdown) as ONE pull request comment, updating it on later runs.
#
# Usage: pr-comment.sh REPORT.md [REPORT.json]
# The comment is found again by a hidden HTML marker in its body, keyed by
# COSTGATE_COMMENT_NAME (the action's comment-name input), else by the job's id
# (GITHUB_JOB), so two costgate jobs keep a comment each; a matrix job needs a name per
# leg. With REPORT.json (costgate's JSON report), the comment also records the monthly
# change and total, and COSTGATE_COMMENT_WHEN=changed posts a comment only when the
# monthly cost changes and updates it only when the change or total differ from what the
# comment shows (default: always). Needs the GitHub CLI
# (`gh`, preinstalled on GitHub's runners; authenticated by GH_TOKEN) and python3, and
# GitHub's GITHUB_EVENT_NAME, GITHUB_EVENT_PATH and GITHUB_REPOSITORY. Outside a
# pull_request/pull_request_target event, or without gh, it posts nothing and says so.
# A failed API call (a fork's read-only token, say) is a warning, not a failure: the
# comment is a convenience, the gate is the exit code of the action's last step.
set -euo pipefail

# The name goes inside an HTML comment: only characters that cannot end one.
name=${COSTGATE_COMMENT_NAME:-${GITHUB_JOB:-}}
name=${name//[^A-Za-z0-9._\/-]/_}
if [[ -n $name ]]; then marker="<!-- costgate:$name -->"; else marker='<!-- costgate -->'; fi
readonly marker
when=${COSTGATE_COMMENT_WHEN:-always}
if [[ $when != always && $when != changed ]]; then
    echo "pr-comment.sh: COSTGATE_COMMENT_WHEN is '$when'; use always or changed" >&2
    exit 2
fi
# GitHub rejects comment bodies over 65536 characters; big reports are cut below that.
readonly max_body=65000
report=${1:?usage: pr-comment.sh REPORT.md [REPORT.json]}
json_report=${2:-}
if [[ ! -r $report ]]; then
    echo "pr-comment.sh: cannot read report '$report'" >&2
    exit 2
fi
# "DELTA TOTAL" from the JSON report, when there is one (none when costgate could not run).
cost=''
if [[ -n $json_report && -r $json_report ]]; then
    cost=$(python3 -c '
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print("%.2f %.2f" % (summary["monthly_delta"], summary["monthly_after"]))
' "$json_report")
fi
case ${GITHUB_EVENT_NAME:-} in
    pull_request | pull_request_target) ;;
    *)
        echo "::notice title=costgate::not a pull request event (${GITHUB_EVENT_NAME:-none}), no PR comment posted"
        exit 0
        ;;
esac
if ! command -v gh > /dev/null; then
    echo "::notice title=costgate::the GitHub CLI (gh) is not installed, no PR comment posted"
    exit 0
fi
: "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}" "${GITHUB_EVENT_PATH:?GITHUB_EVENT_PATH is not set}"

number=$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["pull_request"]["number"])
' "$GITHUB_EVENT_PATH" 2> /dev/null) || {
    echo "pr-comment.sh: no pull_request.number in $GITHUB_EVENT_PATH" >&2
    exit 2
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The request body as JSON, so the report's quotes, backslashes and newlines need no care.
python3 - "$marker" "$report" "$max_body" "$cost" > "$scratch/body.json" <<'PY'
import json, sys
marker, report, limit, cost = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(report, encoding="utf-8").read()
body = marker + "\n" + (f"<!-- costgate-cost: {cost} -->\n" if cost else "") + text
if len(body) > limit:
    note = "\n\n_Report cut to fit a comment; the full report is in the job's step summary._\n"
    body = body[: limit - len(note)] + note
json.dump({"body": body}, sys.stdout)
PY

warn() {
    echo "::warning title=costgate::could not $1 the PR comment (does the job have pull-requests: write? pull requests from forks get a read-only token)"
    exit 0
}

comments="repos/$GITHUB_REPOSITORY/issues/$number/comments"
# --paginate prints one JSON array per page, back to back; raw_decode reads them in turn.
listing=$(gh api --paginate "$comments?per_page=100") || warn find
# "ID COST" of our earlier comment (COST as recorded in it, or -), or nothing.
read -r existing existing_cost < <(python3 -c '
import json, re, sys
text, marker, decoder, pos = sys.stdin.read(), sys.argv[1], json.JSONDecoder(), 0
while pos < len(text):
    if text[pos].isspace():
        pos += 1
        continue
    page, pos = decoder.raw_decode(text, pos)
    for comment in page:
        body = comment.get("body") or ""
        if body == marker or body.startswith(marker + "\n"):
            recorded = re.search(r"<!-- costgate-cost: ([^>]*) -->", body)
            print(comment["id"], recorded.group(1) if recorded else "-")
            sys.exit(0)
' "$marker" <<< "$listing") || true

if [[ $when == changed && -n $cost ]]; then
    if [[ -n ${existing:-} && $existing_cost == "$cost" ]]; then
        echo "pr-comment.sh: the monthly cost did not change ($cost); comment ${existing} left as it is"
        exit 0
    fi
    if [[ -z ${existing:-} && (${cost%% *} == 0.00 || ${cost%% *} == -0.00) ]]; then
        echo "pr-comment.sh: no change in monthly cost; no comment posted"
        exit 0
    fi
fi

if [[ -n ${existing:-} ]]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" \
        --input "$scratch/body.json" > /dev/null || warn update
    echo "pr-comment.sh: updated comment $existing on #$number"
else
    gh api --method POST "$comments" --input "$scratch/body.json" > /dev/null || warn post
    echo "pr-comment.sh: posted a comment on #$number"
fi
