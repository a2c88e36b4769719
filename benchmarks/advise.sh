#!/usr/bin/env bash
# Benchmark (not a test): `nines advise` as a whole process on a generated 1,000-component model
# and on the 10,000-component shared pool, beside the naive way measured in the same run: every
# candidate's model compiled again (as `nines report --set` would). Targets: < 2 s and < 10 s.
# Prints per model the candidates, the whole-process seconds of advise, and the naive loop's
# seconds per candidate and its total for every candidate (measured on NAIVE_SAMPLE candidates,
# default 20, and multiplied out; NAIVE_SAMPLE=all runs them all). Details in docs/benchmarks.md.
#
#   benchmarks/advise.sh            # SEED=n applies (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-1}
sample=${NAIVE_SAMPLE:-20}
[ "$sample" = all ] && sample=1000000000
swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/nines-genmodel" 1000 --seed "$seed" > "$work/platform-1000.yaml"
"$bin/nines-genmodel" 10000 --shape pool --seed "$seed" > "$work/pool-10000.yaml"

printf '%-18s %10s %12s %16s %18s\n' model candidates "advise s" "naive s/cand" "naive s (all)"
for model in platform-1000 pool-10000; do
    file="$work/$model.yaml"
    start=$(date +%s.%N)
    "$bin/nines" advise "$file" --format json --max-input-size 256 > "$work/$model.json"
    end=$(date +%s.%N)
    advise=$(echo "$end - $start" | bc -l)
    candidates=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['candidatesEvaluated'])" "$work/$model.json")
    # The same advise again, then the naive loop over the sample in the same process: its own clock.
    naive=$("$bin/nines" advise "$file" --format json --max-input-size 256 --naive-sample "$sample" 2>&1 >/dev/null \
        | sed -n 's/^naive \([0-9]*\) of \([0-9]*\) candidates recompiled in \([0-9.e-]*\) s$/\1 \2 \3/p')
    read -r evaluated total seconds <<< "$naive"
    per=$(echo "$seconds / $evaluated" | bc -l)
    all=$(echo "$per * $total" | bc -l)
    printf '%-18s %10d %12.2f %16.3f %18.1f\n' "$model" "$candidates" "$advise" "$per" "$all"
done
