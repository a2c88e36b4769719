#!/usr/bin/env bash
# The hostile tangle of docs/hardening.md: 200 shared components at 99%, 2,000 `k_of` groups of
# 2 of 3 of them, 50 components needing 40 groups each, an objective at each (about 194 KB).
# Times `nines report` on it (release build) and counts the figures by method. Not a test.
#
#   benchmarks/tangle.sh            SEED (default 1) picks the groups
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product nines >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "${SEED:-1}" > "$work/tangle.yaml" <<'PY'
import random, sys
r = random.Random(int(sys.argv[1]))
print("version: 1\nsystem: tangle\ncomponents:")
for i in range(200): print(f"  s{i}: {{ availability: 99% }}")
for g in range(2000):
    a, b, c = r.sample(range(200), 3)
    print(f"  g{g}: {{ availability: 99.99%, depends_on: [{{k_of: {{k: 2, of: [s{a}, s{b}, s{c}]}}}}] }}")
for t in range(50):
    print(f"  t{t}: {{ availability: 99.9%, depends_on: [{', '.join('g%d' % x for x in r.sample(range(2000), 40))}] }}")
print("objectives:")
for t in range(50): print(f"  o{t}: {{ at: t{t} }}")
PY
echo "model: $(wc -c < "$work/tangle.yaml") bytes"
/usr/bin/time -f "nines report: %e s, %M KB peak" "$bin/nines" report "$work/tangle.yaml" > "$work/out.txt"
echo "exact: $(grep -c 'exact to 12' "$work/out.txt" || true), bounded: $(grep -c 'bounded:' "$work/out.txt" || true), estimated: $(grep -c '^  estimated ' "$work/out.txt" || true)"
