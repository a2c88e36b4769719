#!/usr/bin/env bash
# This tree's nines beside another build of nines (a reference, e.g. main) in one run: the
# generated 100k pool, platform and two-region pool with a shared DNS, `nines report --format json`
# as a whole process (`/usr/bin/time`: wall, CPU = user + sys, peak memory), the two binaries
# alternating, fastest CPU of RUNS runs each; and whether the two JSON reports are the same bytes.
# "CPU x" and "memory x" are the reference's figure divided by this tree's (above 1: this tree is better).
# Not a test. Figures in docs/benchmarks.md ("Side by side with main").
#
#   benchmarks/scale-side-by-side.sh REFERENCE_NINES [SIZE]        SIZE default 100000
#
# REFERENCE_NINES: a release binary of the reference, e.g. built in a worktree of main:
#   git worktree add --detach /tmp/main-ref main && (cd /tmp/main-ref && swift build -c release --product nines)
# Environment: SEED (default 1), RUNS (default 3). On a loaded machine read CPU, not wall.
set -euo pipefail
cd "$(dirname "$0")/.."
reference=${1:?usage: benchmarks/scale-side-by-side.sh REFERENCE_NINES [SIZE]}
size=${2:-100000}
seed=${SEED:-1}
runs=${RUNS:-3}

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin/nines-genmodel" "$size" --shape pool --seed "$seed" > "$work/pool.yaml"
"$bin/nines-genmodel" "$size" --seed "$seed" > "$work/platform.yaml"
"$bin/nines-genmodel" "$size" --shape pool --seed "$seed" --regions 2 --zones 3 --shared-dns > "$work/regions-dns.yaml"

# Fastest CPU of `runs` runs: prints "wall cpu peakMB".
measure() {
    local binary=$1 model=$2 out=$3 best=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$binary" report --format json --max-input-size 256 "$model" > "$out"
        read -r wall user sys peak < "$work/time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if [ -z "$best" ] || awk -v a="$cpu" -v b="${best#* }" 'BEGIN { exit !(a < b + 0) }'; then
            best="$wall $cpu $(awk -v kb="$peak" 'BEGIN { printf "%.0f", kb / 1024 }')"
        fi
    done
    echo "$best"
}

echo "$size components, fastest CPU of $runs runs; wall s / CPU s / peak MB"
printf '%-12s %22s %22s %9s %9s %s\n' model "reference" "this tree" "CPU x" "memory x" "same JSON"
for shape in pool platform regions-dns; do
    read -r rw rc rm < <(measure "$reference" "$work/$shape.yaml" "$work/reference.json")
    read -r tw tc tm < <(measure "$bin/nines" "$work/$shape.yaml" "$work/tree.json")
    same=$(cmp -s "$work/reference.json" "$work/tree.json" && echo yes || echo NO)
    printf '%-12s %6s / %5s / %5s %6s / %5s / %5s %9s %9s %s\n' "$shape" "$rw" "$rc" "$rm" "$tw" "$tc" "$tm" \
        "$(awk -v a="$rc" -v b="$tc" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v a="$rm" -v b="$tm" 'BEGIN { printf "%.2f", a / b }')" "$same"
done
