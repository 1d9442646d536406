#!/usr/bin/env bash
# The GitHub Action's last step: fails it with costgate's exit code, after the summary,
# the PR comment and the SARIF upload are done.
#
# Environment: COSTGATE_EXIT_CODE (run.sh's exit-code output); INPUT_SOFT_FAIL true: a
# policy failure (1) passes the step with a warning. Bad input (2) always fails it: the
# gate did not judge the change.
set -euo pipefail

status=${COSTGATE_EXIT_CODE:-}
if [[ ! $status =~ ^[0-9]+$ ]]; then
    echo "::error title=costgate::no exit code from the costgate step ('$status')"
    exit 2
fi
case $status in
    0) echo "costgate: pass" ;;
    1)
        if [[ ${INPUT_SOFT_FAIL:-false} == true ]]; then
            echo "::warning title=costgate::the cost policy failed (soft-fail: the step passes)"
            exit 0
        fi
        echo "::error title=costgate::the cost policy failed (exit 1); see the findings above and the step summary"
        ;;
    2) echo "::error title=costgate::bad input, bad policy or bad usage (exit 2): the change was not checked" ;;
    *) echo "::error title=costgate::costgate exited with $status" ;;
esac
exit "$status"
