#!/usr/bin/env bash
# Puts a costgate binary in place for the GitHub Action (action.yml) and writes its path
# to $GITHUB_OUTPUT as `path=...`; its folder also goes to $GITHUB_PATH so later steps of
# the job can run `costgate` too.
#
# Environment (the action's inputs):
#   INPUT_INSTALL       auto (default): a costgate on PATH if there is one, else build;
#                       path: only a costgate on PATH; build: always build from source
#   INPUT_INSTALL_DEPS  true (default): install the Debian build packages first with
#                       scripts/install-deps.sh (as root, or through sudo); false: they
#                       are already there (self-hosted runners, custom images)
#   COSTGATE_SOURCE     the costgate source tree to build (the action's own checkout);
#                       default: this script's repository
#   COSTGATE_CACHE_DIR  where built binaries are kept, one folder per source hash;
#                       default: $RUNNER_TOOL_CACHE/costgate (kept between jobs on
#                       self-hosted runners), else $RUNNER_TEMP/costgate-build
# Exit 2 when no binary can be found or built, naming why.
set -euo pipefail

mode=${INPUT_INSTALL:-auto}
source_dir=${COSTGATE_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

publish() {
    local binary=$1
    echo "costgate: using $binary ($("$binary" version 2>/dev/null | head -n 1))"
    if [[ -n ${GITHUB_OUTPUT:-} ]]; then echo "path=$binary" >> "$GITHUB_OUTPUT"; fi
    if [[ -n ${GITHUB_PATH:-} ]]; then dirname "$binary" >> "$GITHUB_PATH"; fi
}

# A hash of everything that goes into the binary, so a cached build is reused exactly when
# the action's source is the same (the action's checkout has no .git to ask for a commit).
source_hash() {
    (cd "$source_dir" &&
        find CMakeLists.txt cmake include src policies -type f -print0 | LC_ALL=C sort -z |
        xargs -0 sha256sum | sha256sum | cut -c1-16)
}

install_deps() {
    local script="$source_dir/scripts/install-deps.sh"
    if [[ $(id -u) -eq 0 ]]; then
        "$script" --build-only
    elif command -v sudo > /dev/null; then
        sudo "$script" --build-only
    else
        # Not root and no sudo: install-deps.sh lists what is missing and fails.
        "$script" --build-only
    fi
}

build() {
    local cache_root=${COSTGATE_CACHE_DIR:-}
    if [[ -z $cache_root ]]; then
        if [[ -n ${RUNNER_TOOL_CACHE:-} ]]; then
            cache_root=$RUNNER_TOOL_CACHE/costgate
        else
            cache_root=${RUNNER_TEMP:-/tmp}/costgate-build
        fi
    fi
    local dir
    dir="$cache_root/$(source_hash)"
    # A cached binary counts only if it runs: on a fresh runner its shared libraries
    # (yaml-cpp, spdlog, ...) may be missing until the packages are installed.
    if [[ -x $dir/costgate ]] && "$dir/costgate" version > /dev/null 2>&1; then
        echo "costgate: reusing the build in $dir"
        publish "$dir/costgate"
        return
    fi
    if [[ ${INPUT_INSTALL_DEPS:-true} == true ]]; then
        install_deps || { echo "costgate: could not install the build packages" >&2; exit 2; }
        if [[ -x $dir/costgate ]] && "$dir/costgate" version > /dev/null 2>&1; then
            publish "$dir/costgate"
            return
        fi
    fi
    echo "costgate: building $source_dir into $dir"
    mkdir -p "$dir"
    if ! cmake -S "$source_dir" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCOSTGATE_BUILD_TESTS=OFF > /dev/null || ! cmake --build "$dir/build"; then
        echo "costgate: the build failed (install: build); see the messages above" >&2
        exit 2
    fi
    cp "$dir/build/costgate" "$dir/costgate"
    publish "$dir/costgate"
}

case $mode in
    auto | path)
        if found=$(command -v costgate); then
            publish "$found"
        elif [[ $mode == path ]]; then
            echo "costgate: install is 'path' but there is no costgate on PATH" >&2
            exit 2
        else
            build
        fi
        ;;
    build) build ;;
    *)
        echo "costgate: unknown install '$mode' (auto, path or build)" >&2
        exit 2
        ;;
esac
