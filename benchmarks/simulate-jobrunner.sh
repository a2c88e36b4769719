#!/usr/bin/env bash
# Benchmark (not a test): 1 million simulated months of the DevOps job-runner model.
# Target: under 2 s on 2 cores (release build). Prints wall and CPU time, events per second, and
# checks that 1 and 2 threads give identical output.
#
# Usage: benchmarks/simulate-jobrunner.sh [model.yaml] [months]
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-}
MODEL=${MODEL:-models/devops-job-runner.yaml}
MONTHS=${2:-1000000}
swift build -c release --product nines >/dev/null
NINES=$(swift build -c release --show-bin-path)/nines
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo "model: $MODEL; $MONTHS months; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'
for threads in 2 1; do
    { time "$NINES" simulate "$MODEL" --periods "$MONTHS" --threads "$threads" --format json >"$OUT/$threads.json"; } 2>"$OUT/time"
    read -r wall user sys <"$OUT/time"
    events=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['events'])" "$OUT/$threads.json")
    python3 -c "import sys; w,u,s,e=map(float,sys.argv[1:5]); print(f'threads {int(sys.argv[5])}: {w:.2f} s wall, {u+s:.2f} s CPU, {e:.3g} events, {e/(u+s):.3g} events per CPU-second')" \
        "$wall" "$user" "$sys" "$events" "$threads"
done
if cmp -s "$OUT/1.json" "$OUT/2.json"; then echo "1 and 2 threads: identical output"; else echo "1 and 2 threads: OUTPUT DIFFERS"; exit 1; fi
