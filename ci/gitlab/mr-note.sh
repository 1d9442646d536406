#!/usr/bin/env bash
# Posts a costgate report (Markdown) as ONE merge request note, updating it on later runs.
#
# Usage: mr-note.sh REPORT.md [REPORT.json]
# The note is found again by a hidden HTML marker in its body, keyed by
# COSTGATE_NOTE_NAME (else the job's name, CI_JOB_NAME), so two costgate jobs keep a note
# each; every page of the merge request's notes is searched. With REPORT.json (costgate's
# JSON report), the note also records the monthly change and total, and
# COSTGATE_MR_NOTE_WHEN=changed posts a note only when the monthly cost changes and
# updates it only when the change or total differ from what the note shows (default:
# always). Needs curl and python3, and the GitLab CI variables CI_API_V4_URL,
# CI_PROJECT_ID and CI_MERGE_REQUEST_IID (set in merge request pipelines; without
# CI_MERGE_REQUEST_IID it does nothing). Authenticates with COSTGATE_GITLAB_TOKEN (a
# project or personal access token with `api` scope, sent as PRIVATE-TOKEN) when set, else
# with CI_JOB_TOKEN (JOB-TOKEN).
set -euo pipefail

# Notes are read 100 a page; a merge request with more than this many pages of notes is
# not searched further (and gets a new note).
readonly max_pages=100
# The name goes inside an HTML comment: only characters that cannot end one.
name=${COSTGATE_NOTE_NAME:-${CI_JOB_NAME:-}}
name=${name//[^A-Za-z0-9._\/-]/_}
if [[ -n $name ]]; then marker="<!-- costgate-report:$name -->"; else marker='<!-- costgate-report -->'; fi
readonly marker
when=${COSTGATE_MR_NOTE_WHEN:-always}
if [[ $when != always && $when != changed ]]; then
    echo "mr-note.sh: COSTGATE_MR_NOTE_WHEN is '$when'; use always or changed" >&2
    exit 2
fi
report=${1:?usage: mr-note.sh REPORT.md [REPORT.json]}
json_report=${2:-}
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

# "DELTA TOTAL" from the JSON report, when there is one.
cost=''
if [[ -n $json_report && -r $json_report ]]; then
    cost=$(python3 -c '
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print("%.2f %.2f" % (summary["monthly_delta"], summary["monthly_after"]))
' "$json_report")
fi

notes_url="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
{
    printf '%s\n' "$marker"
    if [[ -n $cost ]]; then printf '<!-- costgate-cost: %s -->\n' "$cost"; fi
    cat "$report"
} > "$body"

# Each page answers "ID COST" for our note (COST as recorded in it, or -), or "- COUNT"
# with the number of notes on the page; a short page is the last.
existing='' existing_cost=''
for ((page = 1; page <= max_pages; page++)); do
    listing=$(curl --silent --show-error --fail --header "$auth" \
        "$notes_url?per_page=100&page=$page&sort=asc")
    read -r found rest < <(python3 -c '
import json, re, sys
notes, marker = json.load(sys.stdin), sys.argv[1]
for note in notes:
    body = note.get("body") or ""
    if body == marker or body.startswith(marker + "\n"):
        recorded = re.search(r"<!-- costgate-cost: ([^>]*) -->", body)
        print(note["id"], recorded.group(1) if recorded else "-")
        sys.exit(0)
print("-", len(notes))
' "$marker" <<< "$listing")
    if [[ $found != - ]]; then
        existing=$found existing_cost=$rest
        break
    fi
    if [[ $rest -lt 100 ]]; then break; fi
done

if [[ $when == changed && -n $cost ]]; then
    if [[ -n $existing && $existing_cost == "$cost" ]]; then
        echo "mr-note.sh: the monthly cost did not change ($cost); note $existing left as it is"
        exit 0
    fi
    if [[ -z $existing && (${cost%% *} == 0.00 || ${cost%% *} == -0.00) ]]; then
        echo "mr-note.sh: no change in monthly cost; no note posted"
        exit 0
    fi
fi

if [[ -n $existing ]]; then
    curl --silent --show-error --fail --request PUT --header "$auth" \
        --data-urlencode "body@$body" "$notes_url/$existing" > /dev/null
    echo "mr-note.sh: updated note $existing"
else
    curl --silent --show-error --fail --request POST --header "$auth" \
        --data-urlencode "body@$body" "$notes_url" > /dev/null
    echo "mr-note.sh: posted a new note"
fi
