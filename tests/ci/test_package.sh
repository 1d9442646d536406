#!/usr/bin/env bash
# Tests the release files (docs/packaging.md): scripts/package.sh packages the test
# suite's own build tree (configured with -DCOSTGATE_STATIC=ON, as scripts/test.sh does),
# then the .deb and the bare binary are unpacked into temporary roots and run there with
# an empty environment on the example plan; the binary must need no shared library at all.
# Also checks the .deb's metadata and contents, the sums, and the release workflow and
# Dockerfile against package.sh.
# Usage: test_package.sh BUILD_DIR SOURCE_DIR
# Exit 77 (skipped) when BUILD_DIR is not a static build.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
if ! grep -qx 'COSTGATE_STATIC:BOOL=ON' "$build_dir/CMakeCache.txt"; then
    echo "skipped: $build_dir is not configured with -DCOSTGATE_STATIC=ON (scripts/test.sh configures it so)"
    exit 77
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

version=$(sed -n 's/^project(costgate VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
arch=$(dpkg --print-architecture)
"$source_dir/scripts/package.sh" --build-dir "$build_dir" --out "$scratch/dist" > "$scratch/package.log" 2>&1 || {
    cat "$scratch/package.log" >&2
    echo "FAIL: scripts/package.sh exited $?" >&2
    exit 1
}
binary=$scratch/dist/costgate-linux-$arch
deb=$scratch/dist/costgate_${version}_$arch.deb
[[ -x $binary ]] || fail "no $binary"
[[ -f $deb ]] || fail "no $deb"
[[ $failures -eq 0 ]] || exit 1

# The sums cover every file, and only them.
(cd "$scratch/dist" && sha256sum --check --strict --quiet SHA256SUMS) || fail "SHA256SUMS does not check"
[[ $(wc -l < "$scratch/dist/SHA256SUMS") == 2 ]] || fail "SHA256SUMS: $(cat "$scratch/dist/SHA256SUMS")"

# Self-contained: no program interpreter, no dynamic section, nothing for ldd to load.
ldd_output=$(ldd "$binary" 2>&1 || true)
echo "ldd: $ldd_output"
[[ $ldd_output == *"not a dynamic executable"* || $ldd_output == *"statically linked"* ]] ||
    fail "ldd lists libraries: $ldd_output"
if readelf --program-headers "$binary" | grep -q INTERP; then fail "the binary has a program interpreter"; fi
if readelf --dynamic "$binary" | grep -q NEEDED; then fail "the binary needs shared libraries"; fi
file -b "$binary" | grep -q 'stripped' || fail "not stripped: $(file -b "$binary")"
file -b "$binary" | grep -q 'not stripped' && fail "not stripped: $(file -b "$binary")"

# The .deb: name, version, architecture, no dependencies, and what it installs.
dpkg-deb --info "$deb" > "$scratch/info"
grep -qx ' Package: costgate' "$scratch/info" || fail "deb Package: $(cat "$scratch/info")"
grep -qx " Version: $version" "$scratch/info" || fail "deb Version is not $version"
grep -qx " Architecture: $arch" "$scratch/info" || fail "deb Architecture is not $arch"
grep -q '^ Depends:' "$scratch/info" && fail "a static binary's package depends on: $(grep '^ Depends:' "$scratch/info")"
dpkg-deb --contents "$deb" | awk '{print $NF}' > "$scratch/contents"
for path in ./usr/bin/costgate ./usr/share/man/man1/costgate.1 ./usr/share/costgate/policies/starter.yaml \
    ./usr/share/costgate/policies/strict.yaml ./usr/share/costgate/policies/kubernetes.yaml \
    ./usr/share/costgate/policies/ai-gpu.yaml ./usr/share/costgate/policies/tests/starter/starter_test.yaml; do
    grep -qx "$path" "$scratch/contents" || fail "the deb lacks $path"
done

# Run both where nothing of the build is: an empty environment, in a root of their own.
mkdir "$scratch/deb-root" "$scratch/bare-root"
dpkg-deb --extract "$deb" "$scratch/deb-root"
cmp -s "$scratch/deb-root/usr/bin/costgate" "$binary" || fail "the deb's binary is not costgate-linux-$arch"
cp "$binary" "$scratch/bare-root/costgate"
cp "$source_dir/examples/terraform/plan.json" "$scratch/plan.json"
cp "$scratch/deb-root/usr/share/costgate/policies/starter.yaml" "$scratch/starter.yaml"
policy=starter.yaml
expected_status=0
(cd "$scratch" && "$build_dir/costgate" check --plan plan.json --policy "$policy" --format json \
    > "$scratch/expected.json") || expected_status=$?
[[ $expected_status == 1 ]] || fail "the example plan should break the starter policy (exit 1), got $expected_status"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["summary"]["monthly_delta"] > 0' \
    "$scratch/expected.json" || fail "the example plan's report has no cost"
for root in deb-root/usr/bin bare-root; do
    status=0
    (cd "$scratch" && env -i "$scratch/$root/costgate" check --plan plan.json --policy "$policy" \
        --format json > "$scratch/report.json" 2> "$scratch/stderr") || status=$?
    [[ $status == "$expected_status" ]] || fail "$root: exit $status, expected $expected_status: $(cat "$scratch/stderr")"
    cmp -s "$scratch/expected.json" "$scratch/report.json" || fail "$root: the report differs from the build tree's"
    env -i "$scratch/$root/costgate" version > "$scratch/version" || fail "$root: version exit $?"
    [[ $(head -n 1 "$scratch/version") == "costgate $version" ]] || fail "$root: version says $(cat "$scratch/version")"
done
# As root: a root directory holding nothing but the binary and its inputs (no C library,
# no /etc, no /proc) runs it the same, so it reads nothing of the system it runs on.
if [[ $(id -u) == 0 ]] && command -v chroot > /dev/null; then
    mkdir "$scratch/empty-root"
    cp "$binary" "$scratch/empty-root/costgate"
    cp "$scratch/plan.json" "$scratch/starter.yaml" "$scratch/empty-root/"
    status=0
    env -i "$(command -v chroot)" "$scratch/empty-root" /costgate check --plan plan.json --policy "$policy" \
        --format json > "$scratch/report.json" 2> "$scratch/stderr" || status=$?
    [[ $status == "$expected_status" ]] || fail "empty root: exit $status: $(cat "$scratch/stderr")"
    cmp -s "$scratch/expected.json" "$scratch/report.json" || fail "empty root: the report differs"
fi
env -i "$scratch/deb-root/usr/bin/costgate" policy test "$scratch/deb-root/usr/share/costgate/policies/tests" \
    > /dev/null || fail "the installed policy packs fail their own tests"
grep -q '^\.SH "COSTGATE check"' "$scratch/deb-root/usr/share/man/man1/costgate.1" ||
    fail "the man page has no section for check"
grep -q -- '--policy' "$scratch/deb-root/usr/share/man/man1/costgate.1" || fail "the man page lacks --policy"

# The release workflow builds with package.sh for both architectures and publishes the
# sums; the Dockerfile takes what package.sh puts in the image's context.
python3 - "$source_dir" <<'PY' || fail "release.yml or Dockerfile"
import os, re, sys, yaml
source = sys.argv[1]
workflow = yaml.safe_load(open(os.path.join(source, ".github/workflows/release.yml")))
assert workflow[True]["push"]["tags"] == ["v*"], workflow[True]
runs = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
for needed in ("scripts/package.sh --arch amd64", "scripts/package.sh --arch arm64",
               "--image", "sha256sum --check", "gh release create", "dist/*"):
    assert needed in runs, needed
package = open(os.path.join(source, "scripts/package.sh")).read()
dockerfile = open(os.path.join(source, "Dockerfile")).read()
for copied in re.findall(r"^COPY (\S+) ", dockerfile, re.M):
    assert re.search(r'"\$context/%s"' % re.escape(copied), package), "package.sh does not put %s in the context" % copied
PY

if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package: all checks passed ($(stat -c %s "$binary") bytes, ldd: $ldd_output)"
