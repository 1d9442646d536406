#!/usr/bin/env bash
# Builds the release files (docs/packaging.md), the same way locally, in CI and in the
# release workflow:
#   OUT/costgate-linux-ARCH         the fully static, stripped binary
#   OUT/costgate_VERSION_ARCH.deb   the Debian package (binary, man page, policy packs)
#   OUT/costgate.gitlab-ci.yml      with --gitlab-image: the GitLab template naming this
#                                   release's image and download folder
#   OUT/SHA256SUMS                  sha256sum lines for every file in OUT
#
# Usage: scripts/package.sh [--arch amd64|arm64] [--build-dir DIR] [--out DIR]
#                           [--gitlab-image REF --gitlab-release-url URL]
#                           [--image TAG [--no-build]]
#   --arch       the target (default: this machine's); arm64 is cross-compiled with
#                Debian's aarch64 toolchain and checked under qemu-user-static
#   --build-dir  an existing build tree configured with -DCOSTGATE_STATIC=ON to package
#                as it is (the test suite's own, so nothing compiles twice); default: a
#                tree of its own, build-package-ARCH, configured for a release build
#   --out        where the files go (default: dist)
#   --gitlab-image REF, --gitlab-release-url URL
#                the image and the download folder the GitLab template in OUT names (the
#                release's)
#   --image TAG  also build the container image (Dockerfile) with docker
#   --no-build   only the image, from the binary already in OUT (the release workflow
#                builds the files in one job and the image in another)
# Installs what is missing with scripts/install-deps.sh --package (as root).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)

arch=$(dpkg --print-architecture)
build_dir=
out=dist
image=
gitlab_image=
gitlab_release_url=
build=true
while [ $# -gt 0 ]; do
    case $1 in
        --arch) arch=${2:?--arch needs amd64 or arm64}; shift ;;
        --build-dir) build_dir=${2:?--build-dir needs a folder}; shift ;;
        --out) out=${2:?--out needs a folder}; shift ;;
        --image) image=${2:?--image needs a tag}; shift ;;
        --gitlab-image) gitlab_image=${2:?--gitlab-image needs an image reference}; shift ;;
        --gitlab-release-url) gitlab_release_url=${2:?--gitlab-release-url needs a URL}; shift ;;
        --no-build) build=false ;;
        *) echo "package.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
    shift
done
native=$(dpkg --print-architecture)
case $arch in
    "$native") cross=() ;;
    arm64) cross=(-DCMAKE_TOOLCHAIN_FILE="$source_dir/cmake/toolchain-aarch64.cmake") ;;
    *) echo "package.sh: cannot build for '$arch' on $native" >&2; exit 2 ;;
esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
binary=$out/costgate-linux-$arch
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

build() {
    "$source_dir/scripts/install-deps.sh" --package --arch "$arch"

    if [ -n "$build_dir" ]; then
        # The tree is someone else's (ctest's): build in it, never reconfigure it.
        grep -qx 'COSTGATE_STATIC:BOOL=ON' "$build_dir/CMakeCache.txt" 2> /dev/null || {
            echo "package.sh: $build_dir is not a build tree configured with -DCOSTGATE_STATIC=ON" >&2
            exit 2
        }
    else
        build_dir=$source_dir/build-package-$arch
        launcher=()
        command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DCOSTGATE_STATIC=ON -DCOSTGATE_BUILD_TESTS=OFF "${cross[@]}" "${launcher[@]}" > /dev/null
    fi
    cmake --build "$build_dir" --target costgate costgate_man_page

    cmake --install "$build_dir" --strip --prefix "$stage/root/usr" > /dev/null
    cp "$stage/root/usr/bin/costgate" "$binary"

    # A release binary that needs a shared library would not start on older runners: refuse it.
    description=$(file -b "$binary")
    case $description in
        *"statically linked"*", stripped"*) ;;
        *) echo "package.sh: $binary is not a static, stripped executable: $description" >&2; exit 1 ;;
    esac
    if [ "$arch" = "$native" ]; then
        "$binary" version
    else
        qemu-aarch64-static "$binary" version
    fi

    # Package the staged files as they are: cpack's own install step would first build
    # every target of the tree (the test suite's too).
    (cd "$build_dir" && cpack -G DEB -D CPACK_INSTALL_CMAKE_PROJECTS= \
        -D "CPACK_INSTALLED_DIRECTORIES=$stage/root;." -B "$stage/cpack" > /dev/null)
    deb=$(find "$stage/cpack" -maxdepth 1 -name "costgate_*_$arch.deb")
    [ -n "$deb" ] || { echo "package.sh: cpack made no costgate_*_$arch.deb" >&2; exit 1; }
    cp "$deb" "$out/"
}

# The GitLab template with the release's image and download folder as its defaults.
write_gitlab_template() {
    local template=$out/costgate.gitlab-ci.yml
    sed -e "s|^    COSTGATE_IMAGE: .*|    COSTGATE_IMAGE: $gitlab_image|" \
        -e "s|^    COSTGATE_RELEASE_URL: .*|    COSTGATE_RELEASE_URL: $gitlab_release_url|" \
        "$source_dir/ci/gitlab/costgate.gitlab-ci.yml" > "$template"
    if ! grep -qx "    COSTGATE_IMAGE: $gitlab_image" "$template" ||
        ! grep -qx "    COSTGATE_RELEASE_URL: $gitlab_release_url" "$template"; then
        echo "package.sh: ci/gitlab/costgate.gitlab-ci.yml lacks the variables COSTGATE_IMAGE and COSTGATE_RELEASE_URL" >&2
        exit 1
    fi
}

if [ $build = true ]; then
    build
    if [ -n "$gitlab_image$gitlab_release_url" ]; then write_gitlab_template; fi
    (cd "$out" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort |
        xargs sha256sum > "$stage/SHA256SUMS")
    mv "$stage/SHA256SUMS" "$out/SHA256SUMS"
    echo "package.sh: $out:"
    find "$out" -maxdepth 1 -type f -printf '%10s  %f\n' | LC_ALL=C sort -k 2
elif [ ! -x "$binary" ]; then
    echo "package.sh: --no-build, but there is no $binary" >&2
    exit 2
fi

# The image's context: the stripped binary, the policy packs and the GitLab note script.
if [ -n "$image" ]; then
    context=$stage/image
    mkdir -p "$context"
    cp "$binary" "$context/costgate"
    cp -r "$source_dir/policies" "$context/policies"
    cp "$source_dir/ci/gitlab/mr-note.sh" "$context/mr-note.sh"
    docker build --platform "linux/$arch" -t "$image" -f "$source_dir/Dockerfile" "$context"
fi
