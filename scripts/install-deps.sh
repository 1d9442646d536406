#!/usr/bin/env bash
# Installs the Debian packages costgate needs to build and test, if any are missing.
# As root it runs apt-get; otherwise it prints the command to run and fails.
#   (no option)    everything scripts/test.sh needs: the build, the tests, the sanitizer
#                  and fuzzing tools, and what --package adds
#   --build-only   just what building the binary needs (scripts/quickstart.sh, the GitHub
#                  Action's build)
#   --package      what scripts/package.sh needs for the static release binary: the build
#                  packages plus the sources of simdjson, spdlog and fmt (below)
#   --package --arch arm64
#                  also the arm64 cross compiler, qemu-user-static to run its result, and
#                  the arm64 libraries in a folder of their own (below)
#
# Debian ships simdjson, spdlog and fmt only as shared libraries, so the static binary
# compiles their sources: `apt-get source` fetches and unpacks (with Debian's patches)
# the source packages of the installed versions into /usr/local/src/costgate/NAME-VERSION
# (cmake/Dependencies.cmake looks there). If apt knows no source packages, a deb-src twin
# of each configured Debian source is added.
#
# Cross builds need arm64 static archives, but libyaml-cpp-dev and libsimdjson-dev cannot
# be installed for two architectures at once (not Multi-Arch: same), so the arm64 -dev
# packages and the runtime packages their CMake files name are unpacked, not installed,
# into /usr/local/lib/costgate-cross/arm64 (cmake/toolchain-aarch64.cmake reads them there).
set -euo pipefail

invocation="$0 $*"
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
    libre2-dev
)
if [ "$mode" != build ]; then
    packages+=(dpkg-dev file) # apt-get source unpacks with dpkg-source; package.sh checks with file
fi
if [ "$mode" = all ]; then
    packages+=(catch2 python3 python3-jsonschema python3-yaml pandoc clang-14 libclang-rt-14-dev clang-format-14)
fi
cross=()
cross_all=()
if [ "$mode" = package ] && [ "$arch" != "$(dpkg --print-architecture)" ]; then
    [ "$arch" = arm64 ] || { echo "install-deps.sh: cross builds are for arm64 only, not '$arch'" >&2; exit 2; }
    packages+=(g++-aarch64-linux-gnu qemu-user-static)
    cross=(libyaml-cpp-dev libyaml-dev libsimdjson-dev libspdlog-dev libfmt-dev libre2-dev
        libyaml-cpp0.7 libyaml-0-2 libsimdjson14 libspdlog1.10 libfmt9)
    # Architecture-independent, but the cross build takes every header from one root.
    cross_all=(nlohmann-json3-dev libcli11-dev)
fi

# The -dev packages whose libraries the static build compiles from source.
source_packages=(libsimdjson-dev libspdlog-dev libfmt-dev)
sources_root=/usr/local/src/costgate
# "SOURCE-PACKAGE VERSION FOLDER" of an installed -dev package: its source package, that
# package's exact version, and the folder named after the upstream version (no epoch, no
# Debian revision, no +ds repack suffix), as cmake/Dependencies.cmake expects.
source_of() {
    local line name version upstream
    line=$(dpkg-query -W -f='${source:Package} ${source:Version}' "$1" 2>/dev/null) || return 1
    read -r name version <<< "$line"
    upstream=${version#*:}
    upstream=${upstream%-*}
    upstream=${upstream%%+*}
    echo "$name $version $sources_root/$name-$upstream"
}
cross_dir=/usr/local/lib/costgate-cross/$arch

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
need_sources=false
if [ "$mode" != build ]; then
    for package in "${source_packages[@]}"; do
        if ! read -r _ _ dir < <(source_of "$package") || [ ! -f "$dir/.complete" ]; then
            need_sources=true
        fi
    done
fi
# The unpacked packages are listed in .complete, so a changed list unpacks them anew.
need_cross=false
if [ ${#cross[@]} -gt 0 ] &&
    [ "$(cat "$cross_dir/.complete" 2>/dev/null)" != "${cross[*]} ${cross_all[*]}" ]; then
    need_cross=true
fi
[ ${#missing[@]} -eq 0 ] && [ $need_sources = false ] && [ $need_cross = false ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    [ ${#missing[@]} -eq 0 ] || echo "costgate needs these Debian packages: ${missing[*]}" >&2
    [ $need_sources = false ] || echo "the static build needs Debian's sources of simdjson, spdlog and fmt" >&2
    [ $need_cross = false ] || echo "the arm64 build needs arm64 libraries in $cross_dir" >&2
    echo "Run as root: $invocation" >&2
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
if [ $need_sources = true ]; then
    for package in "${source_packages[@]}"; do
        read -r name version dir < <(source_of "$package")
        [ ! -f "$dir/.complete" ] || continue
        echo "Fetching Debian's $name $version source into $dir" >&2
        work=$scratch/$name
        mkdir "$work"
        if ! (cd "$work" && apt-get source -q "$name=$version" >&2); then
            echo "No source packages known to apt: adding deb-src entries" >&2
            add_source_entries
            apt-get update -q >&2
            (cd "$work" && apt-get source -q "$name=$version" >&2)
        fi
        rm -rf "$dir"
        mkdir -p "$sources_root"
        mv "$(find "$work" -mindepth 1 -maxdepth 1 -type d)" "$dir"
        touch "$dir/.complete"
    done
fi

if [ $need_cross = true ]; then
    [ $updated = true ] || apt-get update -q >&2
    echo "Unpacking the $arch libraries into $cross_dir" >&2
    work=$scratch/cross
    mkdir "$work"
    (cd "$work" && apt-get download -q "${cross[@]/%/:$arch}" "${cross_all[@]}" >&2)
    rm -rf "$cross_dir"
    mkdir -p "$cross_dir"
    for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$cross_dir"; done
    echo "${cross[*]} ${cross_all[*]}" > "$cross_dir/.complete"
fi
