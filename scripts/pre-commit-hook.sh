#!/usr/bin/env bash
# pre-commit wrapper for costgate (see .pre-commit-hooks.yaml and docs/ci.md).
#
# Usage: pre-commit-hook.sh SUBCOMMAND [COSTGATE_OPTION... --] FILE...
# Arguments up to the last `--` are passed to costgate as they are; the rest are the file
# names pre-commit passes. `*.tfplan.json` files become --plan, `*.yaml`/`*.yml` files
# become --k8s, anything else is ignored. When no file is relevant the hook exits 0 at once
# without running costgate. The binary is $COSTGATE, else `costgate` on PATH.
# Exit code: costgate's (0 pass, 1 policy failure, 2 bad input or usage).
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: pre-commit-hook.sh check|estimate [OPTION... --] FILE..." >&2
    exit 2
fi
subcommand=$1
shift

# Split at the last `--`: options before it, file names after it.
args=("$@")
split=-1
for i in "${!args[@]}"; do
    [[ ${args[$i]} == "--" ]] && split=$i
done
options=()
files=("${args[@]}")
if [[ $split -ge 0 ]]; then
    options=("${args[@]:0:$split}")
    files=("${args[@]:$((split + 1))}")
fi

inputs=()
for file in "${files[@]+"${files[@]}"}"; do
    case "$file" in
        *.tfplan.json) inputs+=(--plan "$file") ;;
        *.yaml | *.yml) inputs+=(--k8s "$file") ;;
    esac
done
if [[ ${#inputs[@]} -eq 0 ]]; then
    exit 0
fi

exec "${COSTGATE:-costgate}" "$subcommand" "${options[@]+"${options[@]}"}" "${inputs[@]}"
