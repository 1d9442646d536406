#!/usr/bin/env bash
# Installs the Debian packages costgate needs to build and test, if any are missing.
# As root it runs apt-get; otherwise it prints the command to run and fails.
#   (no option)    everything scripts/test.sh needs: the build, the tests, the sanitizer
#                  and fuzzing tools, and what --package adds
#   --build-only   just what building the binary needs (scripts/quickstart.sh, the GitHub
#                  Action's build)
#   --package      what scripts/package.sh needs for the static release binary: the build
#                  packages plus simdjson's source (below)
#   --package --arch arm64
#                  also the arm64 cross compiler, qemu-user-static to run its result, and
#                  the arm64 libraries in a folder of their own (below)
#
# Debian ships simdjson only as a shared library, so the static binary compiles simdjson's
# single-file source: `apt-get source` fetches Debian's source package of the installed
# version into /usr/local/src/simdjson-VERSION (cmake/Dependencies.cmake looks there). If
# apt knows no source packages, a deb-src twin of each configured Debian source is added.
#
# Cross builds need arm64 static archives, but libyaml-cpp-dev and libsimdjson-dev cannot
# be installed for two architectures at once (not Multi-Arch: same), so the arm64 -dev
# packages and the runtime packages their CMake files name are unpacked, not installed,
# into /usr/local/lib/costgate-cross/arm64 (cmake/toolchain-aarch64.cmake reads them there).
set -euo pipefail

mode=all
arch=$(dpkg --print-architecture)
while [ $# -gt 0 ]; do
    case $1 in
        --build-only) mode=build ;;
        --package) mode=package ;;
        --arch) arch=${2:?--arch needs amd64 or arm64}; shift ;;
        *) echo "install-deps.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
    shift
done

packages=(
    cmake g++ ninja-build
    libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libyaml-dev libspdlog-dev libfmt-dev libsimdjson-dev
)
if [ "$mode" != build ]; then
    packages+=(dpkg-dev file)
fi
if [ "$mode" = all ]; then
    packages+=(catch2 python3 python3-jsonschema python3-yaml pandoc clang-14 libclang-rt-14-dev)
fi
cross=()
if [ "$mode" = package ] && [ "$arch" != "$(dpkg --print-architecture)" ]; then
    [ "$arch" = arm64 ] || { echo "install-deps.sh: cross builds are for arm64 only, not '$arch'" >&2; exit 2; }
    packages+=(g++-aarch64-linux-gnu qemu-user-static)
    cross=(libyaml-cpp-dev libyaml-dev libsimdjson-dev libspdlog-dev libfmt-dev
        libyaml-cpp0.7 libyaml-0-2 libsimdjson14 libspdlog1.10 libfmt9)
fi

simdjson_dir() {
    local version
    version=$(dpkg-query -W -f='${Version}' libsimdjson-dev 2>/dev/null) || return 1
    version=${version#*:}
    echo "/usr/local/src/simdjson-${version%-*}"
}
cross_dir=/usr/local/lib/costgate-cross/$arch

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
need_simdjson=false
if [ "$mode" != build ]; then
    dir=$(simdjson_dir) && [ -f "$dir/singleheader/simdjson.cpp" ] || need_simdjson=true
fi
need_cross=false
if [ ${#cross[@]} -gt 0 ] && [ ! -f "$cross_dir/done" ]; then
    need_cross=true
fi
[ ${#missing[@]} -eq 0 ] && [ $need_simdjson = false ] && [ $need_cross = false ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    [ ${#missing[@]} -eq 0 ] || echo "costgate needs these Debian packages: ${missing[*]}" >&2
    [ $need_simdjson = false ] || echo "costgate's static build needs simdjson's Debian source package" >&2
    [ $need_cross = false ] || echo "the arm64 build needs arm64 libraries in $cross_dir" >&2
    echo "Run as root: $0 $*" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if [ $need_cross = true ] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    echo "Adding the $arch architecture to apt" >&2
    dpkg --add-architecture "$arch"
fi
updated=false
if [ ${#missing[@]} -gt 0 ] || [ $need_cross = true ]; then
    apt-get update -q >&2
    updated=true
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}" >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# A deb-src entry for every Debian source apt has, in the format of the file it is in.
add_source_entries() {
    local list=/etc/apt/sources.list.d/costgate-deb-src
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        if [ ! -e "$file" ] || ! grep -q '^Types: deb$' "$file"; then continue; fi
        sed 's/^Types: deb$/Types: deb-src/' "$file" >> "$list.sources"
        echo >> "$list.sources"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -e "$file" ] || continue
        sed -n 's/^deb \(.*\)/deb-src \1/p' "$file" >> "$list.list"
    done
}

scratch=$(mktemp -d)
chmod 755 "$scratch" # apt downloads as its own user
trap 'rm -rf "$scratch"' EXIT
if [ $need_simdjson = true ]; then
    dir=$(simdjson_dir)
    version=$(dpkg-query -W -f='${Version}' libsimdjson-dev)
    echo "Fetching Debian's simdjson $version source into $dir" >&2
    work=$scratch/simdjson
    mkdir "$work"
    if ! (cd "$work" && apt-get source -q --download-only "simdjson=$version" >&2); then
        echo "No source packages known to apt: adding deb-src entries" >&2
        add_source_entries
        apt-get update -q >&2
        (cd "$work" && apt-get source -q --download-only "simdjson=$version" >&2)
    fi
    mkdir -p "$dir"
    tar -xf "$work"/simdjson_*.orig.tar.* -C "$dir" --strip-components=1 --wildcards \
        '*/singleheader/simdjson.cpp' '*/singleheader/simdjson.h' '*/LICENSE'
fi

if [ $need_cross = true ]; then
    [ $updated = true ] || apt-get update -q >&2
    echo "Unpacking the $arch libraries into $cross_dir" >&2
    work=$scratch/cross
    mkdir "$work"
    (cd "$work" && apt-get download -q "${cross[@]/%/:$arch}" >&2)
    rm -rf "$cross_dir"
    mkdir -p "$cross_dir"
    for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$cross_dir"; done
    touch "$cross_dir/done"
fi
