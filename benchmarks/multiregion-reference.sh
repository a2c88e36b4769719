#!/usr/bin/env bash
# Generated multi-region models (nines-genmodel N --shape pool --regions 2 --zones 3
# [--shared-dns]) against an independent reference (benchmarks/multiregion-reference.py: each
# zone by the sets of its nodes that leave every service alive, in 50-digit decimals; no decision
# diagram, no bounds). Prints per case nines' method, figure of `shop`, certified width / Q, the
# reference's figure and their relative difference, and both times. Not a test: the 1,000 and
# 10,000 cases are tests too (Tests/ninesTests/MultiRegionReferenceTests.swift); the 100,000
# ones are here because they take seconds. Details in docs/benchmarks.md.
#
#   benchmarks/multiregion-reference.sh [SIZES...]     default: 1000 10000 100000
#
# Environment: SEED (default 1). Needs python3 with PyYAML (installed into a throw-away virtual
# environment when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
seed=${SEED:-1}

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=python3
if ! python3 -c 'import yaml' 2>/dev/null; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet pyyaml==6.0.2
    python="$work/venv/bin/python"
fi

printf '%-26s %-8s %-24s %-9s %-9s %-24s %-9s %-8s\n' case method "nines Q" "width/Q" "nines s" "reference Q" "rel diff" "ref s"
for n in "${sizes[@]}"; do
    for dns in "" --shared-dns; do
        model="$work/regions-$n$dns.yaml"
        "$bin/nines-genmodel" "$n" --shape pool --seed "$seed" --regions 2 --zones 3 $dns > "$model"
        start=$(date +%s.%N)
        "$bin/nines" report "$model" --format json --max-input-size 256 > "$model.json"
        nines_s=$(echo "$(date +%s.%N) - $start" | bc)
        start=$(date +%s.%N)
        reference=$("$python" benchmarks/multiregion-reference.py "$model")
        reference_s=$(echo "$(date +%s.%N) - $start" | bc)
        "$python" - "$model.json" "$n${dns:+ + dns}" "$nines_s" "$reference" "$reference_s" <<'PY'
import json, sys
from decimal import Decimal
figure = next(f for f in json.load(open(sys.argv[1]))["figures"] if f["name"] == "shop")
q = figure["unavailability"]
interval = figure.get("interval") or {}
low, high = interval.get("minUnavailability", q), interval.get("maxUnavailability", q)
reference = Decimal(sys.argv[4].split()[0])
difference = abs(Decimal(repr(q)) - reference) / reference
print(f"{sys.argv[2]:<26} {figure['method']:<8} {q!r:<24} {(high - low) / low:<9.2g} {float(sys.argv[3]):<9.2f} "
      f"{float(reference)!r:<24} {float(difference):<9.2g} {float(sys.argv[5]):<8.2f}")
PY
    done
done
