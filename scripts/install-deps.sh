#!/usr/bin/env bash
# Installs the Debian packages costgate needs to build and test, if any are missing.
# As root it runs apt-get; otherwise it prints the command to run and fails.
# --build-only: just what building the binary needs (the GitHub Action's build), not the
# test, sanitizer and fuzzing tools.
set -euo pipefail

packages=(
    cmake g++ ninja-build
    libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libyaml-dev libspdlog-dev libsimdjson-dev
)
if [ "${1:-}" != "--build-only" ]; then
    packages+=(catch2 python3 python3-jsonschema python3-yaml pandoc clang-14 libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "costgate needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
