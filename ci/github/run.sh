#!/usr/bin/env bash
# Runs `costgate check` for the GitHub Action (action.yml) from its inputs, writes the
# step summary and the step's outputs, and exits 0 whatever costgate's result: the
# action's last step (finish.sh) fails the job with costgate's exit code, so the summary,
# the PR comment and the SARIF upload happen first.
#
# Environment (the action's inputs, passed through env so no input is ever shell code):
#   COSTGATE_BIN                      the binary (install.sh's output); default: costgate
#   INPUT_PLAN, INPUT_K8S, INPUT_POLICY, INPUT_CATALOG
#                                     lists separated by spaces or newlines; globs are
#                                     expanded (a glob matching nothing is passed as it is,
#                                     so costgate names it); each becomes --plan/--k8s/...
#   INPUT_CONFIG, INPUT_USAGE, INPUT_COMPARE_TO
#                                     one file each: --config, --usage, --compare-to
#   INPUT_FORMAT                      stdout format (default github: annotations)
#   INPUT_ARGS                        further costgate options, split on whitespace
#   INPUT_SARIF                       true: also write SARIF (output sarif-file)
#   INPUT_SUMMARY                     false: leave $GITHUB_STEP_SUMMARY alone
# Outputs ($GITHUB_OUTPUT): exit-code, monthly-delta, monthly-total (from the JSON report),
# json-file, markdown-file, sarif-file. Files go to $RUNNER_TEMP/costgate/.
# Exits 2 itself only when it cannot run costgate at all.
set -euo pipefail

costgate=${COSTGATE_BIN:-costgate}
if ! command -v "$costgate" > /dev/null; then
    echo "costgate: cannot run '$costgate' (see the install step)" >&2
    exit 2
fi

out_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/costgate
mkdir -p "$out_dir"
json_file=$out_dir/costgate.json
markdown_file=$out_dir/costgate.md
sarif_file=$out_dir/costgate.sarif
errors_file=$out_dir/stderr.txt
# Reports of an earlier run in the same job must not pass for this run's.
rm -f "$json_file" "$markdown_file" "$sarif_file" "$errors_file"

# Splits a whitespace-separated input into words and expands the globs among them.
# Appends `FLAG word` for each to the array named by $1.
add_list() {
    local -n target=$1
    local flag=$2 word match
    local -a words matches
    read -r -d '' -a words <<< "${3:-}" || true
    for word in "${words[@]}"; do
        matches=()
        if [[ $word == *[*?[]* ]]; then
            mapfile -t matches < <(compgen -G "$word" | LC_ALL=C sort)
        fi
        if [[ ${#matches[@]} -eq 0 ]]; then matches=("$word"); fi
        for match in "${matches[@]}"; do target+=("$flag" "$match"); done
    done
}

args=(check)
if [[ -n ${INPUT_CONFIG:-} ]]; then args+=(--config "$INPUT_CONFIG"); fi
add_list args --plan "${INPUT_PLAN:-}"
add_list args --k8s "${INPUT_K8S:-}"
add_list args --policy "${INPUT_POLICY:-}"
add_list args --catalog "${INPUT_CATALOG:-}"
if [[ -n ${INPUT_USAGE:-} ]]; then args+=(--usage "$INPUT_USAGE"); fi
if [[ -n ${INPUT_COMPARE_TO:-} ]]; then args+=(--compare-to "$INPUT_COMPARE_TO"); fi
format=${INPUT_FORMAT:-github}
args+=(--format "$format" --report "json=$json_file" --report "markdown=$markdown_file")
sarif=${INPUT_SARIF:-false}
if [[ $sarif == true ]]; then args+=(--report "sarif=$sarif_file"); fi
read -r -d '' -a extra <<< "${INPUT_ARGS:-}" || true
args+=("${extra[@]}")

summary=${GITHUB_STEP_SUMMARY:-}
if [[ ${INPUT_SUMMARY:-true} != true ]]; then summary=; fi

echo "costgate ${args[*]}"
status=0
# The github format appends the summary itself; other formats get it from this script.
# stderr is kept to quote costgate's error in the summary and the comment.
GITHUB_STEP_SUMMARY=$summary "$costgate" "${args[@]}" 2> "$errors_file" || status=$?
cat "$errors_file" >&2

if [[ $status -ne 0 && $status -ne 1 ]]; then
    # No report was written: say why where the report would have been.
    message=$(grep -m 1 'error' "$errors_file" || head -n 1 "$errors_file" || true)
    message=${message:-costgate exited with $status}
    {
        echo "## costgate could not check this change (exit $status)"
        echo
        echo '```'
        cat "$errors_file"
        echo '```'
    } > "$markdown_file"
    # An annotation puts the reason on the checks page, escaped as GitHub's commands want.
    escaped=${message//'%'/'%25'}
    escaped=${escaped//$'\r'/'%0D'}
    escaped=${escaped//$'\n'/'%0A'}
    echo "::error title=costgate::$escaped"
    if [[ -n $summary ]]; then cat "$markdown_file" >> "$summary"; fi
elif [[ -n $summary && $format != github && -f $markdown_file ]]; then
    cat "$markdown_file" >> "$summary"
fi

delta='' total=''
if [[ -f $json_file ]]; then
    if command -v python3 > /dev/null; then
        read -r delta total < <(python3 -c '
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print("%.2f %.2f" % (summary["monthly_delta"], summary["monthly_after"]))
' "$json_file")
    else
        echo "::warning title=costgate::python3 is missing: monthly-delta and monthly-total are empty"
    fi
fi

if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    {
        echo "exit-code=$status"
        echo "monthly-delta=$delta"
        echo "monthly-total=$total"
        if [[ -f $json_file ]]; then echo "json-file=$json_file"; else echo "json-file="; fi
        echo "markdown-file=$markdown_file"
        if [[ -f $sarif_file ]]; then echo "sarif-file=$sarif_file"; else echo "sarif-file="; fi
    } >> "$GITHUB_OUTPUT"
fi
echo "costgate: exit $status${delta:+, monthly change $delta, monthly total $total}"
