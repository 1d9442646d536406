#!/usr/bin/env bash
# Benchmarks costgate on generated plans, manifests and Terraform roots (docs/performance.md).
#
#   bench/run.sh [--quick] [--repeat N] [--plans "100 1k ..."] [--costgate PATH] [--work DIR]
#
# Generates the inputs into DIR (default: a scratch directory under /tmp, reused between
# runs and never committed) and runs `costgate check --policy policies/starter.yaml --format
# json` on each, its report written to a file. Each plan is also read by one jq pass
# (`jq '[.resource_changes[] | .change.after.instance_type] | length'`) and one simdjson
# On-Demand pass answering the same question (bench/simdjson_pass.cpp, built here with
# CMake against the system's simdjson), the three interleaved, N times each (default 5).
# Prints the median wall time, the median CPU time (user + system: the steadier figure on
# a busy machine), the largest peak RSS, and how many times faster than the jq pass each
# tool is, with the machine's load average before and after.
# Terraform roots (tf-1k, tf-10k) are read from source with --terraform.
# --quick runs only the 1k plan, manifest set and root, costgate alone, and fails when
# costgate does not finish with exit 0 or 1 (the suite runs it this way to catch crashes;
# no timing checks).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
costgate="$root/build/costgate"
work="${TMPDIR:-/tmp}/costgate-bench"
quick=false
repeat=5
plans=(100 1k 10k 100k)
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=true repeat=1 ;;
    --repeat) repeat="$2"; shift ;;
    --plans) read -r -a plans <<<"$2"; shift ;;
    --costgate) costgate="$2"; shift ;;
    --work) work="$2"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--repeat N] [--plans \"100 1k ...\"] [--costgate PATH] [--work DIR]" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$costgate" ] || { echo "bench/run.sh: no costgate binary at $costgate (build first)" >&2; exit 2; }
mkdir -p "$work"
# The 100k plan is larger than the 512 MiB costgate reads by default.
export COSTGATE_MAX_INPUT_MB=2048

manifests=(1k 10k)
roots=(1k 10k)
if $quick; then
    plans=(1k) manifests=(1k) roots=(1k)
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

others=()
if ! $quick; then
    command -v jq >/dev/null && others+=(jq) || echo "bench/run.sh: no jq; its column is left out" >&2
    if cmake -S "$root/bench" -B "$work/simdjson-build" -G Ninja >/dev/null &&
        cmake --build "$work/simdjson-build" >/dev/null; then
        others+=(simdjson)
    else
        echo "bench/run.sh: cannot build bench/simdjson_pass.cpp (libsimdjson-dev?); its column is left out" >&2
    fi
fi

size_mb() {
    du -sbL "$1" | awk '{printf "%.1f", $1 / 1e6}'
}

status=0
# One row: input, tool, size, the medians, peak RSS, and jq's times over this tool's.
row() {
    local input="$1" tool="$2" mb="$3" seconds="$4" cpu="$5" rss_kb="$6" jq_seconds="${7:-0}" jq_cpu="${8:-0}"
    awk -v i="$input" -v t="$tool" -v mb="$mb" -v s="$seconds" -v c="$cpu" -v r="$rss_kb" -v js="$jq_seconds" \
        -v jc="$jq_cpu" 'BEGIN {
        # Peak RSS comes in KiB; size and peak both in MB (10^6 bytes), so their ratio is
        # bytes over bytes.
        peak = r * 1024 / 1e6
        printf "%-10s %-9s %8.1f %8.3f %8.3f %9.1f %9.2f", i, t, mb, s, c, peak, (mb > 0 ? peak / mb : 0)
        if (js > 0 && s > 0 && c > 0) printf " %8.1fx %8.1fx", js / s, jc / c
        printf "\n"
    }'
}

# Checks costgate's exit code and that its report lists at least `expected` resources.
check_report() {
    local path="$1" code="$2" expected="$3"
    if [ "$code" != 0 ] && [ "$code" != 1 ]; then
        echo "bench/run.sh: costgate exited $code on $path" >&2
        status=1
    elif ! python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["summary"]["resources"] < int(sys.argv[2]))' \
        "$work/costgate.out" "$expected"; then
        echo "bench/run.sh: the report on $path has fewer than $expected resources" >&2
        status=1
    fi
}

# Runs costgate check (and, for plans, the other tools) on one input, interleaved.
bench_input() {
    local input="$1" flag="$2" path="$3" expected="$4" mb
    local commands=(costgate "$costgate check $flag $path --policy $root/policies/starter.yaml --format json")
    if [ "$flag" = --plan ]; then
        for tool in "${others[@]}"; do
            case "$tool" in
            jq) commands+=(jq "jq '[.resource_changes[] | .change.after.instance_type] | length' $path") ;;
            simdjson) commands+=(simdjson "$work/simdjson-build/simdjson_pass $path") ;;
            esac
        done
    fi
    mb="$(size_mb "$path")"
    declare -A wall cpu rss code
    while read -r name seconds cpu_seconds rss_kb exit_code; do
        wall[$name]="$seconds" cpu[$name]="$cpu_seconds" rss[$name]="$rss_kb" code[$name]="$exit_code"
    done < <(python3 "$root/bench/measure.py" "$repeat" "$work" "${commands[@]}")
    check_report "$path" "${code[costgate]}" "$expected"
    for tool in costgate "${others[@]}"; do
        [ -n "${wall[$tool]:-}" ] || continue
        [ "$tool" = costgate ] || [ "${code[$tool]}" = 0 ] || { echo "bench/run.sh: $tool exited ${code[$tool]} on $path" >&2; status=1; }
        row "$input" "$tool" "$mb" "${wall[$tool]}" "${cpu[$tool]}" "${rss[$tool]}" "${wall[jq]:-0}" "${cpu[jq]:-0}"
    done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); medians of $repeat interleaved runs"
printf "%-10s %-9s %8s %8s %8s %9s %9s %9s %9s\n" input tool "size MB" "wall s" "cpu s" "peak MB" "RSS/size" "jq/wall" "jq/cpu"
for size in "${plans[@]}"; do
    path="$work/plan-$size.json"
    generate plan "$size" "$path"
    bench_input "plan-$size" --plan "$path" "$(count_of "$size")"
done
for size in "${manifests[@]}"; do
    path="$work/k8s-$size"
    generate k8s "$size" "$path"
    bench_input "k8s-$size" --k8s "$path" "$(count_of "$size")"
done
for size in "${roots[@]}"; do
    path="$work/terraform-$size"
    generate terraform "$size" "$path"
    bench_input "tf-$size" --terraform "$path" "$(count_of "$size")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
