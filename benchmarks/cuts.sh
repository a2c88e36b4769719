#!/usr/bin/env bash
# Minimal cut sets benchmark (run on demand, not a test): times `nines cuts --max-order 3` as a
# whole process on the generated 10k-component shared pool (nines-genmodel --shape pool, as
# benchmarks/scale.sh) and on the 10k layered platform; the goal is under 2 s for the pool.
#
#   benchmarks/cuts.sh [SIZE]        default 10000
#
# Environment: SEED (default 1), RUNS (default 3; the fastest is shown), ORDER (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
seed=${SEED:-1}
runs=${RUNS:-3}
order=${ORDER:-3}

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for shape in pool platform; do
    model="$work/$shape.yaml"
    if [ "$shape" = pool ]; then "$bin/nines-genmodel" "$n" --shape pool --seed "$seed" > "$model"
    else "$bin/nines-genmodel" "$n" --seed "$seed" > "$model"; fi
    best=""
    for run in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$bin/nines" cuts --max-order "$order" --format json --max-input-size 256 "$model" > "$work/out.json"
        read -r seconds peak < "$work/time"
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; best_peak=$peak; fi
    done
    sets=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(' '.join(str(len(f['cutSets'])) for f in d['figures']))" "$work/out.json")
    printf '%-8s %6s components, order <= %s: %6.2f s, peak %5.0f MB, cut sets per figure: %s\n' \
        "$shape" "$n" "$order" "$best" "$(awk -v kb="$best_peak" 'BEGIN { print kb / 1024 }')" "$sets"
done
