#!/usr/bin/env bash
# Puts a costgate binary in place for the GitHub Action (action.yml) and writes its path
# to $GITHUB_OUTPUT as `path=...`; its folder also goes to $GITHUB_PATH so later steps of
# the job can run `costgate` too.
#
# Environment (the action's inputs):
#   INPUT_INSTALL       auto (default): a costgate on PATH if there is one, else the
#                       release binary of this action's version, else build from source;
#                       release: only the release binary; path: only a costgate on PATH;
#                       build: always build from source
#   INPUT_INSTALL_DEPS  true (default): install the Debian build packages first with
#                       scripts/install-deps.sh (as root, or through sudo); false: they
#                       are already there (self-hosted runners, custom images)
#   COSTGATE_SOURCE     the costgate source tree to build (the action's own checkout);
#                       default: this script's repository
#   COSTGATE_CACHE_DIR  where binaries are kept: built ones in one folder per source hash,
#                       release ones in release-VERSION-ARCH; default:
#                       $RUNNER_TOOL_CACHE/costgate (kept between jobs on self-hosted
#                       runners), else $RUNNER_TEMP/costgate-build
#   COSTGATE_ACTION_REPOSITORY
#                       owner/name of the action (github.action_repository); default:
#                       read from the action's folder, .../_actions/OWNER/NAME/REF
#   COSTGATE_RELEASE_URL
#                       the folder of the release's files; default:
#                       https://github.com/OWNER/NAME/releases/download/vVERSION, VERSION
#                       being the one in the action's CMakeLists.txt
#
# The release binary, costgate-linux-amd64 or -arm64, is checked against the release's
# SHA256SUMS before it is used: a mismatch, or a binary the sums do not list, fails the
# step (exit 2) and is never used. A release that cannot be downloaded (none for this
# version, no network) falls back to the build under `auto`.
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

cache_root() {
    if [[ -n ${COSTGATE_CACHE_DIR:-} ]]; then
        echo "$COSTGATE_CACHE_DIR"
    elif [[ -n ${RUNNER_TOOL_CACHE:-} ]]; then
        echo "$RUNNER_TOOL_CACHE/costgate"
    else
        echo "${RUNNER_TEMP:-/tmp}/costgate-build"
    fi
}

# The release of this action's version: 0 with the binary published, 1 when there is no
# release to download (the caller may build instead); exits 2 on a checksum mismatch.
install_release() {
    local version arch repository url dir work expected actual
    version=$(sed -n 's/^project(costgate VERSION \([0-9][0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
    case $(uname -m) in
        x86_64 | amd64) arch=amd64 ;;
        aarch64 | arm64) arch=arm64 ;;
        *)
            echo "costgate: no release binary for $(uname -s) $(uname -m)"
            return 1
            ;;
    esac
    if [[ $(uname -s) != Linux ]]; then
        echo "costgate: no release binary for $(uname -s)"
        return 1
    fi
    url=${COSTGATE_RELEASE_URL:-}
    if [[ -z $url ]]; then
        repository=${COSTGATE_ACTION_REPOSITORY:-}
        if [[ -z $repository && $source_dir == */_actions/*/*/* ]]; then
            repository=${source_dir#*/_actions/}
            repository=${repository%/*}
        fi
        if [[ -z $repository || -z $version ]]; then
            echo "costgate: cannot tell this action's repository and version to download its release"
            return 1
        fi
        url=https://github.com/$repository/releases/download/v$version
    fi
    dir=$(cache_root)/release-$version-$arch
    if [[ -x $dir/costgate ]] && "$dir/costgate" version > /dev/null 2>&1; then
        echo "costgate: reusing the release binary in $dir"
        publish "$dir/costgate"
        return 0
    fi

    echo "costgate: downloading $url/costgate-linux-$arch"
    work=$(mktemp -d)
    if ! curl --fail --silent --show-error --location --retry 3 --output "$work/SHA256SUMS" "$url/SHA256SUMS" ||
        ! curl --fail --silent --show-error --location --retry 3 --output "$work/costgate-linux-$arch" \
            "$url/costgate-linux-$arch"; then
        rm -rf "$work"
        echo "costgate: no release binary at $url"
        return 1
    fi
    expected=$(awk -v name="costgate-linux-$arch" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
    actual=$(sha256sum "$work/costgate-linux-$arch" | cut -d ' ' -f 1)
    if [[ -z $expected || $expected != "$actual" ]]; then
        echo "::error title=costgate::checksum mismatch for costgate-linux-$arch from $url: SHA256SUMS says '${expected:-nothing}', the file is $actual. Not installing it."
        echo "costgate: checksum mismatch for $url/costgate-linux-$arch (expected ${expected:-no entry}, got $actual)" >&2
        rm -rf "$work"
        exit 2
    fi
    mkdir -p "$dir"
    install -m 755 "$work/costgate-linux-$arch" "$dir/costgate"
    rm -rf "$work"
    echo "costgate: SHA-256 $actual verified"
    publish "$dir/costgate"
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
    local dir
    dir="$(cache_root)/$(source_hash)"
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
        elif ! install_release; then
            echo "costgate: building from source instead"
            build
        fi
        ;;
    release)
        if ! install_release; then
            echo "costgate: install is 'release' but there is no release binary to install" >&2
            exit 2
        fi
        ;;
    build) build ;;
    *)
        echo "costgate: unknown install '$mode' (auto, release, path or build)" >&2
        exit 2
        ;;
esac
