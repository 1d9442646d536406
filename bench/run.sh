#!/usr/bin/env bash
# Benchmarks costgate on generated plans, manifests and Terraform roots (docs/performance.md).
#
#   bench/run.sh [--quick] [--repeat N] [--costgate PATH] [--work DIR]
#
# Generates the inputs into DIR (default: a scratch directory under /tmp, reused between
# runs and never committed), runs `costgate check --policy policies/starter.yaml --format
# json` on each, and prints wall time, throughput and peak RSS next to a single jq pass over
# the same plan (`jq '[.resource_changes[] | .change.after.instance_type] | length'`).
# Each command runs N times (default 3); the best wall time is shown, as the machine may be
# busy with other work.
# Terraform roots (tf-1k, tf-10k) are read from source with --terraform.
# --quick runs only the 1k plan, manifest set and root and fails when costgate does not
# finish with exit 0 or 1 (the suite runs it this way to catch crashes; no timing checks).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
costgate="$root/build/costgate"
work="${TMPDIR:-/tmp}/costgate-bench"
quick=false
repeat=3
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=true repeat=1 ;;
    --repeat) repeat="$2"; shift ;;
    --costgate) costgate="$2"; shift ;;
    --work) work="$2"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--repeat N] [--costgate PATH] [--work DIR]" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$costgate" ] || { echo "bench/run.sh: no costgate binary at $costgate (build first)" >&2; exit 2; }
mkdir -p "$work"

if $quick; then
    plans=(1k)
    manifests=(1k)
    roots=(1k)
else
    plans=(100 1k 10k 100k)
    manifests=(1k 10k)
    roots=(1k 10k)
fi

count_of() {
    case "$1" in
    *k) echo $((${1%k} * 1000)) ;;
    *) echo "$1" ;;
    esac
}

# Generated inputs are kept between runs; the generator is deterministic (fixed seed).
generate() {
    local kind="$1" size="$2" path="$3"
    [ -e "$path" ] && return 0
    echo "generating $path" >&2
    python3 "$root/bench/generate.py" "$kind" "$(count_of "$size")" "$path.tmp"
    mv "$path.tmp" "$path"
}

# Runs a command $repeat times with its output in $work/last.out; prints the best wall time,
# the best CPU time (user + system), the peak RSS of the runs and the last exit code:
# "seconds cpu_seconds peak_rss_kb exit_code".
measure() {
    python3 - "$work/last.out" "$repeat" "$@" <<'EOF'
import resource, subprocess, sys, time
best_wall = best_cpu = None
for _ in range(int(sys.argv[2])):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(sys.argv[1], "wb") as out:
        code = subprocess.call(sys.argv[3:], stdout=out)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{best_wall:.3f} {best_cpu:.3f} {peak_kb} {code}")
EOF
}

size_mb() {
    du -sbL "$1" | awk '{printf "%.1f", $1 / 1e6}'
}

status=0
row() {
    local input="$1" tool="$2" mb="$3" seconds="$4" cpu="$5" rss_kb="$6"
    awk -v i="$input" -v t="$tool" -v mb="$mb" -v s="$seconds" -v c="$cpu" -v r="$rss_kb" 'BEGIN {
        printf "%-10s %-9s %8.1f %8.3f %8.3f %8.1f %9.1f %9.2f\n", i, t, mb, s, c, (s > 0 ? mb / s : 0), r / 1024,
            (mb > 0 ? r / 1024 / mb : 0)
    }'
}

# Runs costgate check on one input; the report must list at least `expected` resources.
run_costgate() {
    local input="$1" flag="$2" path="$3" expected="$4" mb result seconds cpu rss code
    mb="$(size_mb "$path")"
    result="$(measure "$costgate" check "$flag" "$path" --policy "$root/policies/starter.yaml" --format json)"
    read -r seconds cpu rss code <<<"$result"
    if [ "$code" != 0 ] && [ "$code" != 1 ]; then
        echo "bench/run.sh: costgate exited $code on $path" >&2
        status=1
    elif ! python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["summary"]["resources"] < int(sys.argv[2]))' \
        "$work/last.out" "$expected"; then
        echo "bench/run.sh: the report on $path has fewer than $expected resources" >&2
        status=1
    fi
    row "$input" costgate "$mb" "$seconds" "$cpu" "$rss"
}

printf "%-10s %-9s %8s %8s %8s %8s %9s %9s\n" input tool "size MB" "wall s" "cpu s" "MB/s" "peak MB" "RSS/size"
for size in "${plans[@]}"; do
    path="$work/plan-$size.json"
    generate plan "$size" "$path"
    run_costgate "plan-$size" --plan "$path" "$(count_of "$size")"
    if ! $quick && command -v jq >/dev/null; then
        read -r seconds cpu rss code <<<"$(measure jq '[.resource_changes[] | .change.after.instance_type] | length' "$path")"
        row "plan-$size" jq "$(size_mb "$path")" "$seconds" "$cpu" "$rss"
    fi
done
for size in "${manifests[@]}"; do
    path="$work/k8s-$size"
    generate k8s "$size" "$path"
    run_costgate "k8s-$size" --k8s "$path" "$(count_of "$size")"
done
for size in "${roots[@]}"; do
    path="$work/terraform-$size"
    generate terraform "$size" "$path"
    run_costgate "tf-$size" --terraform "$path" "$(count_of "$size")"
done
exit "$status"
