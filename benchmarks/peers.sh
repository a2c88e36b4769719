#!/usr/bin/env bash
# nines next to the open peers PyRBD3 and faultree (PyPI) on the same models; prints per case
# each tool's value, whether it agrees with nines, and the time ratio. Not a test.
#   benchmarks/peers.sh          (PEERS_TIMEOUT=120 seconds per peer run by default)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product nines >/dev/null
venv="$(mktemp -d)/peers-venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet pyrbd3==0.1.3 faultree==0.4.0
echo "peers: $("$venv/bin/pip" list 2>/dev/null | grep -Ei '^(pyrbd3|faultree) ' | tr -s ' ' | paste -sd, -)"
"$venv/bin/python" benchmarks/peers.py "$PWD/.build/release/nines"
