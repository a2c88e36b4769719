#!/usr/bin/env bash
# Shared-pool models (nines-genmodel --shape pool) and the platform shape side by side with the
# peer faultree (PyPI) in one run; prints per case seconds, peak memory and the figure of each,
# their agreement and speed ratio, and for the reference models their certified interval.
# Not a test. Details in docs/benchmarks.md ("Shared pools").
#
#   benchmarks/pool.sh [POOL SIZES...]        default: 250 1000 2000 10000
#
# Environment: SEED (default 1); PEERS_TIMEOUT seconds per faultree run (default 120);
# NINES_TIMEOUT seconds per nines run (default 600); FAULTREE_MODE figures (default: compile and
# quantify every event) or analyze (faultree.analyze with importance, as peers.py runs it);
# POOL_REFERENCE, the folder of the reference models and their expected.json (default
# /work/shared/reference/pool; skipped when absent); PLATFORM_SIZES (default "1000 10000"; "" for none);
# MULTIREGION_SIZES (default "1000 10000 100000"; "" for none): any of two regions, each 2 of 3
# zones, each zone a pool (nines-genmodel --regions 2 --zones 3), with and without a DNS both
# regions share (--shared-dns).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250 1000 2000 10000)
seed=${SEED:-1}
reference=${POOL_REFERENCE:-/work/shared/reference/pool}
read -r -a platform_sizes <<< "${PLATFORM_SIZES-1000 10000}"   # set and empty: none
read -r -a multiregion_sizes <<< "${MULTIREGION_SIZES-1000 10000 100000}"

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet faultree==0.4.0 pyyaml==6.0.2
echo "peer: $("$work/venv/bin/pip" list 2>/dev/null | grep -Ei '^faultree ' | tr -s ' ')"

# One case a line: label, model file, key in expected.json (or -).
cases="$work/cases.tsv"
: > "$cases"
for n in "${sizes[@]}"; do
    "$bin/nines-genmodel" "$n" --shape pool --seed "$seed" > "$work/pool-$n.yaml"
    printf 'pool %s\t%s\t-\n' "$n" "$work/pool-$n.yaml" >> "$cases"
done
# Fixed pools: the two cases of issue 11 (100 services on 20 nodes, 200 on 10), and racks.
"$bin/nines-genmodel" 421 --shape pool --nodes 20 --seed "$seed" > "$work/pool-100x3-on-20.yaml"
printf 'pool 100x3 on 20\t%s\t-\n' "$work/pool-100x3-on-20.yaml" >> "$cases"
"$bin/nines-genmodel" 811 --shape pool --nodes 10 --seed "$seed" > "$work/pool-200x3-on-10.yaml"
printf 'pool 200x3 on 10\t%s\t-\n' "$work/pool-200x3-on-10.yaml" >> "$cases"
"$bin/nines-genmodel" 1000 --shape pool --racks 5 --seed "$seed" > "$work/pool-racks.yaml"
printf 'pool 1000 in 5 racks\t%s\t-\n' "$work/pool-racks.yaml" >> "$cases"
if [ -f "$reference/expected.json" ]; then
    for model in $(ls -Sr "$reference"/*.yaml); do   # smallest first
        key=$(basename "$model" .yaml)
        printf 'ref %s\t%s\t%s\n' "$key" "$model" "$key" >> "$cases"
    done
else
    echo "(no reference models at $reference: set POOL_REFERENCE)"
fi
for n in "${multiregion_sizes[@]}"; do
    "$bin/nines-genmodel" "$n" --shape pool --seed "$seed" --regions 2 --zones 3 > "$work/regions-$n.yaml"
    printf 'regions 2x3 zones %s\t%s\t-\n' "$n" "$work/regions-$n.yaml" >> "$cases"
    "$bin/nines-genmodel" "$n" --shape pool --seed "$seed" --regions 2 --zones 3 --shared-dns > "$work/regions-dns-$n.yaml"
    printf 'regions 2x3 zones + dns %s\t%s\t-\n' "$n" "$work/regions-dns-$n.yaml" >> "$cases"
done
for n in "${platform_sizes[@]}"; do
    "$bin/nines-genmodel" "$n" --seed "$seed" > "$work/platform-$n.yaml"
    printf 'platform %s\t%s\t-\n' "$n" "$work/platform-$n.yaml" >> "$cases"
done

# pool.py imports peers.py: no __pycache__ left in benchmarks/.
PYTHONDONTWRITEBYTECODE=1 POOL_EXPECTED="$reference/expected.json" "$work/venv/bin/python" benchmarks/pool.py "$bin/nines" "$cases"
