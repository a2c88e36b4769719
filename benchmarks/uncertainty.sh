#!/usr/bin/env bash
# Benchmark (not a test): input uncertainty on a generated 1,000-component platform whose repair
# times are all stated as ranges (x/2..2x of the generated figure), as a whole process, beside
# the same report without the draws (--uncertainty-samples 0) in the same run. Target: 10,000
# draws in under 2 s. Prints seconds per run (best of RUNS, default 3) and the draws' share.
#
#   benchmarks/uncertainty.sh            # SEED=n, RUNS=n apply
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-1}
runs=${RUNS:-3}
swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/nines-genmodel" 1000 --seed "$seed" > "$work/plain.yaml"
python3 - "$work/plain.yaml" "$work/uncertain.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ranged(m):
    value, unit = float(m.group(2)), m.group(3)
    return f"{m.group(1)}mttr: {value / 2:g}{unit}..{value * 2:g}{unit}"
text, n = re.subn(r"(\s)mttr: ([0-9.]+)([a-z]+)", ranged, text)
open(sys.argv[2], "w").write(text)
print(f"{n} repair times stated as ranges", file=sys.stderr)
PY
best() {   # best wall-clock seconds of $runs runs of the command
    local best=""
    for _ in $(seq "$runs"); do
        local start end took
        start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N)
        took=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$took < $best" | bc -l)" = 1 ]; then best=$took; fi
    done
    echo "$best"
}
without=$(best "$bin/nines" report "$work/uncertain.yaml" --format json --uncertainty-samples 0)
with=$(best "$bin/nines" report "$work/uncertain.yaml" --format json)
printf '%-36s %8s\n' run seconds
printf '%-36s %8.2f\n' "report, no draws" "$without"
printf '%-36s %8.2f\n' "report, 10,000 draws" "$with"
printf '%-36s %8.2f\n' "the draws alone" "$(echo "$with - $without" | bc -l)"
