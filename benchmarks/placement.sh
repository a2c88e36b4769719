#!/usr/bin/env bash
# Placement on a shared pool (run on demand, not a test): the pool shape of nines-genmodel with
# separate pods on drawn nodes, and the same shape written with `placement: {pool: nodes, per: 1}`
# (`--placed`, expanded by the loader into as many components), timed as whole processes of
# `nines report --format json`. Prints per case the fastest of RUNS runs, its ratio to the drawn
# pool of the same size (the reference, measured in the same run), peak memory, the shop
# objective's unavailability and its method. Details in docs/benchmarks.md ("Placement on a shared pool").
#
#   benchmarks/placement.sh [SIZES...]        default: 1000 10000
#
# Environment: SEED (default 1), RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
seed=${SEED:-1}
runs=${RUNS:-3}

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-24s %10s %9s %6s %8s  %-24s %s\n' case components "total s" ratio "peak MB" unavailability method
for n in "${sizes[@]}"; do
    reference=""
    for variant in drawn placed; do
        flags=(--shape pool --seed "$seed")
        [ "$variant" = placed ] && flags+=(--placed)
        model="$work/$variant-$n.yaml"
        "$bin/nines-genmodel" "$n" "${flags[@]}" > "$model"
        best=""; peak=""
        for _ in $(seq "$runs"); do
            /usr/bin/time -f '%e %M' -o "$work/time" "$bin/nines" report "$model" --format json --max-input-size 256 > "$work/out.json"
            read -r seconds kb < "$work/time"
            if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; peak=$((kb / 1024)); fi
        done
        figure=$(python3 -c 'import json,sys; f=[f for f in json.load(open(sys.argv[1]))["figures"] if f.get("name") == "shop"][0]; print(f.get("unavailability"), f.get("method", "-"))' "$work/out.json")
        [ -n "$reference" ] || reference=$best
        ratio=$(awk -v a="$best" -v b="$reference" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 1) }')
        printf '%-24s %10s %9s %6s %8s  %s\n' "pool $n $variant" "$n" "$best" "$ratio" "$peak" "$figure"
    done
done
