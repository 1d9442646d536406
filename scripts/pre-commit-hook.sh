#!/usr/bin/env bash
# pre-commit wrapper for costgate (see .pre-commit-hooks.yaml and docs/ci.md).
#
# Usage: pre-commit-hook.sh [--terraform] SUBCOMMAND [COSTGATE_OPTION...] [--] FILE...
# pre-commit puts the hook's `args` before the file names. An argument starting with `-`
# is a costgate option and, unless it is a flag (-v, -vv, -q, --verbose, --quiet) or
# written `--option=value`, the argument after it is its value; the remaining arguments
# are file names. A `--` ends the options explicitly (everything up to the last `--` is
# passed to costgate as it is). So `args: [--policy, costgate-policy.yaml]` never turns
# the policy into a manifest. `plan.json` and `*.tfplan.json` files become --plan,
# `*.yaml`/`*.yml` files become --k8s, anything else is ignored. A YAML file in a
# kustomization's folder (the kustomization.yaml itself, a resource or patch beside it or
# below it) becomes --k8s of that folder instead, once: costgate renders it, and renders an
# overlay rather than a base it includes when both are staged. When no file is relevant
# the hook exits 0 at once without running costgate. The binary is $COSTGATE, else
# `costgate` on PATH.
#
# With --terraform, `*.tf`, `*.tofu`, `*.tfvars` (and their .json forms) are relevant
# instead: each becomes `--terraform ROOT` for the root module that holds it, once per
# root. A file's root is the nearest folder, from the file's own upwards, that holds a
# `.terraform.lock.hcl` or a `provider` or `backend` block; failing that, the file's own
# folder. When COSTGATE_BASE_REF names a git ref
# (e.g. origin/main), the wrapper checks it out in a temporary worktree and adds
# `--base-terraform` for each root that exists there, so costgate prices the change.
# Exit code: costgate's (0 pass, 1 policy failure, 2 bad input or usage).
set -euo pipefail

terraform=false
if [[ ${1:-} == "--terraform" ]]; then
    terraform=true
    shift
fi
if [[ $# -lt 1 ]]; then
    echo "usage: pre-commit-hook.sh [--terraform] check|estimate [OPTION... --] FILE..." >&2
    exit 2
fi
subcommand=$1
shift

# Split at the last `--` when there is one: options before it, file names after it.
# Otherwise options (with their values) come first, then file names.
args=("$@")
split=-1
for i in "${!args[@]}"; do
    [[ ${args[$i]} == "--" ]] && split=$i
done
options=()
files=()
if [[ $split -ge 0 ]]; then
    options=("${args[@]:0:$split}")
    files=("${args[@]:$((split + 1))}")
else
    i=0
    while [[ $i -lt ${#args[@]} ]]; do
        arg=${args[$i]}
        case "$arg" in
            -v | -vv | -vvv | -q | --verbose | --quiet | --*=*) options+=("$arg") ;;
            -*)
                options+=("$arg")
                if [[ $((i + 1)) -lt ${#args[@]} ]]; then
                    i=$((i + 1))
                    options+=("${args[$i]}")
                fi
                ;;
            *) files+=("$arg") ;;
        esac
        i=$((i + 1))
    done
fi

# The root module holding a configuration file (see the header).
is_root() {
    [[ -e "$1/.terraform.lock.hcl" ]] && return 0
    grep -qsE '^[[:space:]]*(provider|backend)[[:space:]]+"' "$1"/*.tf "$1"/*.tofu 2>/dev/null
}
root_of() {
    local folder candidate
    folder=$(dirname "$1")
    candidate=$folder
    while :; do
        if is_root "$candidate"; then
            echo "$candidate"
            return
        fi
        [[ $candidate == "." || $candidate == "/" ]] && break
        candidate=$(dirname "$candidate")
    done
    echo "$folder"
}

# The nearest folder, from the file's own upwards, that holds a kustomization; none: empty.
kustomization_of() {
    local folder name
    folder=$(dirname "$1")
    while :; do
        for name in kustomization.yaml kustomization.yml Kustomization; do
            if [[ -f "$folder/$name" ]]; then
                echo "$folder"
                return
            fi
        done
        [[ $folder == "." || $folder == "/" ]] && return
        folder=$(dirname "$folder")
    done
}

inputs=()
if $terraform; then
    roots=()
    for file in "${files[@]+"${files[@]}"}"; do
        case "$file" in
            *.tf | *.tf.json | *.tofu | *.tofu.json | *.tfvars | *.tfvars.json) ;;
            *) continue ;;
        esac
        root=$(root_of "$file")
        [[ " ${roots[*]+"${roots[*]}"} " == *" $root "* ]] || roots+=("$root")
    done
    if [[ ${#roots[@]} -eq 0 ]]; then
        exit 0
    fi
    base=""
    if [[ -n ${COSTGATE_BASE_REF:-} ]]; then
        base=$(mktemp -d)
        trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
        git worktree add --detach --quiet "$base" "$COSTGATE_BASE_REF" >&2
    fi
    for root in "${roots[@]}"; do
        inputs+=(--terraform "$root")
        if [[ -n $base ]]; then
            prefix=$(git rev-parse --show-prefix)
            [[ -d "$base/$prefix$root" ]] && inputs+=(--base-terraform "$base/$prefix$root")
        fi
    done
    # Not exec: the base worktree is removed when costgate is done.
    status=0
    "${COSTGATE:-costgate}" "$subcommand" "${options[@]+"${options[@]}"}" "${inputs[@]}" || status=$?
    exit $status
fi

kustomizations=()
for file in "${files[@]+"${files[@]}"}"; do
    case "$file" in
        plan.json | */plan.json | *.tfplan.json) inputs+=(--plan "$file") ;;
        *.yaml | *.yml)
            folder=$(kustomization_of "$file")
            if [[ -z $folder ]]; then
                inputs+=(--k8s "$file")
            elif [[ " ${kustomizations[*]+"${kustomizations[*]}"} " != *" $folder "* ]]; then
                kustomizations+=("$folder")
                inputs+=(--k8s "$folder")
            fi
            ;;
    esac
done
if [[ ${#inputs[@]} -eq 0 ]]; then
    exit 0
fi

exec "${COSTGATE:-costgate}" "$subcommand" "${options[@]+"${options[@]}"}" "${inputs[@]}"
