#!/usr/bin/env bash
# Side-by-side benchmark (run on demand, not a test; issue 21): an earlier commit and this tree,
# both release builds, on the inputs of the benchmarks that commit already had (scale, html-report,
# simulate-jobrunner, pool, hostile-input's "unknown key" load), run in the same session with the
# two binaries alternating, so the machine's load falls on both alike. Prints per case the fastest
# and the median of RUNS wall-clock runs of each, and this tree / old (below 1 is faster; the
# issue's bar is at most 1.10). Exit statuses must agree, and the JSON outputs be identical, or
# the case says so.
#
#   benchmarks/side-by-side.sh [OLD_COMMIT]      default 4d50877 (main before issue 21)
#
# The old commit is checked out with `git worktree add` into $OLD_DIR (default
# /tmp/nines-side-by-side/old-COMMIT) and built there once; later runs reuse that build.
# Environment: RUNS (default 5), RUNS_100K (default 3), SEED (default 1), MONTHS (simulation, default
# 200000), NEW_DIR (default: this tree; e.g. a `git archive HEAD` copy, built apart from .build).
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:-4d50877}
runs=${RUNS:-5}
runs_large=${RUNS_100K:-3}
seed=${SEED:-1}
months=${MONTHS:-200000}
old_dir=${OLD_DIR:-/tmp/nines-side-by-side/old-$old}
new_dir=${NEW_DIR:-$PWD}

if [ ! -f "$old_dir/Package.swift" ]; then
    mkdir -p "$(dirname "$old_dir")"
    git worktree add --detach "$old_dir" "$old" >/dev/null
fi
for tree in "$old_dir" "$new_dir"; do
    swift build -c release --package-path "$tree" --product nines >/dev/null
    swift build -c release --package-path "$tree" --product nines-genmodel >/dev/null
done
old_bin=$(swift build -c release --package-path "$old_dir" --show-bin-path)/nines
new_bin=$(swift build -c release --package-path "$new_dir" --show-bin-path)/nines
genmodel=$(swift build -c release --package-path "$new_dir" --show-bin-path)/nines-genmodel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs: the generator of this tree for both (the same bytes), and the bundled model.
for n in 10000 100000; do
    "$genmodel" "$n" --seed "$seed" > "$work/platform-$n.yaml"
    # hostile-input's way to time reading alone: one unknown top-level key, so the run stops
    # after read, YAML parse, load and validation (exit 2).
    { cat "$work/platform-$n.yaml"; echo "unknown_key: 1"; } > "$work/load-$n.yaml"
done
"$genmodel" 10000 --shape pool --seed "$seed" > "$work/pool-10000.yaml"
cp models/devops-job-runner.yaml "$work/jobrunner.yaml"
cd "$work"

seconds() {   # wall seconds of one run; its exit status and output kept for the comparison
    local out=$1; shift
    local start end status=0
    start=$(date +%s.%N)
    "$@" > "$out" 2>/dev/null || status=$?
    end=$(date +%s.%N)
    echo "$status" > "$out.status"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f %.3f\n", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-34s %5s %17s %17s %13s\n' case runs "old min / median" "new min / median" "new/old (min)"
bench() {   # label, runs, arguments (after the binary)
    local label=$1 count=$2; shift 2
    : > old.times; : > new.times
    for run in $(seq "$count"); do
        # Alternate which goes first, so neither always runs on a warmer cache.
        if [ $((run % 2)) -eq 1 ]; then
            seconds old.out "$old_bin" "$@" >> old.times; seconds new.out "$new_bin" "$@" >> new.times
        else
            seconds new.out "$new_bin" "$@" >> new.times; seconds old.out "$old_bin" "$@" >> old.times
        fi
    done
    read -r old_min old_median < <(stats < old.times)
    read -r new_min new_median < <(stats < new.times)
    local note=""
    [ "$(cat old.out.status)" = "$(cat new.out.status)" ] || note=" EXIT $(cat old.out.status) vs $(cat new.out.status)"
    if [ -z "$note" ] && [[ " $* " == *" json "* ]] && ! cmp -s old.out new.out; then note=" (JSON differs)"; fi
    printf '%-34s %5d %8.2f / %6.2f %8.2f / %6.2f %13.2f%s\n' "$label" "$count" "$old_min" "$old_median" \
        "$new_min" "$new_median" "$(awk -v a="$new_min" -v b="$old_min" 'BEGIN { print a / b }')" "$note"
}

bench "load phase, 10k (exit 2)" "$runs" report --max-input-size 256 load-10000.yaml
bench "load phase, 100k (exit 2)" "$runs_large" report --max-input-size 256 load-100000.yaml
bench "report json, 10k" "$runs" report --format json --max-input-size 256 platform-10000.yaml
bench "report json, 100k" "$runs_large" report --format json --max-input-size 256 platform-100000.yaml
bench "report text, 10k" "$runs" report --max-input-size 256 platform-10000.yaml
bench "report html, 10k" "$runs" report --format html --max-input-size 256 platform-10000.yaml
bench "diagram svg, 10k" "$runs" diagram --format svg --max-input-size 256 platform-10000.yaml
bench "report json, pool 10k" "$runs" report --format json --max-input-size 256 pool-10000.yaml
bench "simulate job runner, $months months" "$runs" simulate jobrunner.yaml --periods "$months" --threads 2 --format json
