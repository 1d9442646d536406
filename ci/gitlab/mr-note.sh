#!/usr/bin/env bash
# Posts a costgate report (Markdown) as ONE merge request note, updating it on later runs.
#
# Usage: mr-note.sh REPORT.md
# The note is found again by a hidden HTML marker in its body. Needs curl and python3, and
# the GitLab CI variables CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID (set in
# merge request pipelines; without CI_MERGE_REQUEST_IID it does nothing). Authenticates with
# COSTGATE_GITLAB_TOKEN (a project or personal access token with `api` scope, sent as
# PRIVATE-TOKEN) when set, else with CI_JOB_TOKEN (JOB-TOKEN).
set -euo pipefail

readonly marker='<!-- costgate-report -->'
report=${1:?usage: mr-note.sh REPORT.md}
if [[ ! -r $report ]]; then
    echo "mr-note.sh: cannot read report '$report'" >&2
    exit 2
fi
if [[ -z ${CI_MERGE_REQUEST_IID:-} ]]; then
    echo "mr-note.sh: not a merge request pipeline, no note posted"
    exit 0
fi
: "${CI_API_V4_URL:?CI_API_V4_URL is not set}" "${CI_PROJECT_ID:?CI_PROJECT_ID is not set}"
if [[ -n ${COSTGATE_GITLAB_TOKEN:-} ]]; then
    auth="PRIVATE-TOKEN: $COSTGATE_GITLAB_TOKEN"
elif [[ -n ${CI_JOB_TOKEN:-} ]]; then
    auth="JOB-TOKEN: $CI_JOB_TOKEN"
else
    echo "mr-note.sh: set COSTGATE_GITLAB_TOKEN (api scope) to post merge request notes" >&2
    exit 2
fi

notes_url="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
{ printf '%s\n' "$marker"; cat "$report"; } > "$body"

existing=$(curl --silent --show-error --fail --header "$auth" "$notes_url?per_page=100&sort=asc" |
    python3 -c '
import json, sys
for note in json.load(sys.stdin):
    if sys.argv[1] in (note.get("body") or ""):
        print(note["id"])
        break
' "$marker")

if [[ -n $existing ]]; then
    curl --silent --show-error --fail --request PUT --header "$auth" \
        --data-urlencode "body@$body" "$notes_url/$existing" > /dev/null
    echo "mr-note.sh: updated note $existing"
else
    curl --silent --show-error --fail --request POST --header "$auth" \
        --data-urlencode "body@$body" "$notes_url" > /dev/null
    echo "mr-note.sh: posted a new note"
fi
