#!/usr/bin/env bash
# Fails when a C++ source or header differs from what .clang-format makes of it, and
# lists the files. Formatting differs between clang-format releases, so the check runs
# with the release Debian 12 ships (14) and is skipped (exit 77) with any other.
# Fix with: clang-format -i FILE...
set -euo pipefail
root=${1:?usage: check_format.sh PROJECT_ROOT}
cd "$root"

format=$(command -v clang-format-14 || command -v clang-format) ||
    { echo "skipped: clang-format is not installed"; exit 77; }
major=$("$format" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
[ "$major" = 14 ] || { echo "skipped: clang-format $major, the check uses 14 (Debian 12)"; exit 77; }

mapfile -t files < <(find src include tests fuzz bench tools -type f \( -name '*.cpp' -o -name '*.hpp' \) \
    -not -path '*/third_party/*' | sort)
unformatted=()
for file in "${files[@]}"; do
    "$format" --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [ "${#unformatted[@]}" -gt 0 ]; then
    echo "not formatted as .clang-format says (clang-format -i to fix):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "${#files[@]} files formatted as .clang-format says"
