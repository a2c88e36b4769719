#!/usr/bin/env bash
# Differential test at scale: CASES random models (default 10,000) loaded through the real loader,
# nines' BDD figures against brute-force enumeration (≤ 16 events) and factoring on shared
# components; all must agree within 1e-12. Release build with testing enabled.
#   scripts/differential.sh [CASES] [FIRST_SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export NINES_DIFFERENTIAL_CASES="${1:-10000}"
export NINES_DIFFERENTIAL_SEED="${2:-20261126}"
start=$(date +%s)
swift test -c release -Xswiftc -enable-testing --filter '\.DifferentialTests' 2>&1 \
    | grep -E 'differential:|✘|Test run|error:' | head -n 40
status=${PIPESTATUS[0]}
echo "differential.sh: ${NINES_DIFFERENTIAL_CASES} cases from seed ${NINES_DIFFERENTIAL_SEED} in $(( $(date +%s) - start ))s (exit $status)"
exit "$status"
