#!/usr/bin/env bash
# Minimal cut sets of SCRAM's benchmark fault trees through `nines import openpsa` and `nines cuts`,
# beside the counts and order distributions SCRAM's own tests state (tests/bench_*_tests.cc), with
# the whole `nines cuts` process's time. Not a test.
#   benchmarks/cuts-scram.sh [SCRAM_INPUT_DIR]
# The trees are SCRAM's files (GPL; not copied here): give the `input/` folder of a clone of
# https://github.com/rakhimov/scram, or let the script clone it into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/scram-inputs.sh
python3 benchmarks/cuts-scram.py "$PWD/.build/release/nines" "$trees" "$work"
