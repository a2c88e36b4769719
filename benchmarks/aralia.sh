#!/usr/bin/env bash
# The public Aralia fault trees (and SCRAM's own benchmark inputs) through `nines import openpsa`
# and `nines report`: per tree the method, the top event's probability Q, the certified interval's
# width, the report's time, and SCRAM's published BDD figure where its tests state one. Not a test.
#   benchmarks/aralia.sh [SCRAM_INPUT_DIR]
# The trees are SCRAM's files (GPL; not copied here): give the `input/` folder of a clone of
# https://github.com/rakhimov/scram, or let the script clone it into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/scram-inputs.sh
python3 benchmarks/aralia.py "$PWD/.build/release/nines" "$trees" "$work"
