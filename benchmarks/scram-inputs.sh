# Sourced by the benchmarks that read SCRAM's input trees (aralia.sh, cuts-scram.sh): builds nines
# in release, makes a temporary folder `$work` (removed on exit) and sets `$trees` to SCRAM's
# `input/` folder: the first argument, or a shallow clone of https://github.com/rakhimov/scram.
swift build -c release --product nines >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
trees="${1:-}"
if [ -z "$trees" ]; then
    git clone --quiet --depth 1 https://github.com/rakhimov/scram "$work/scram"
    trees="$work/scram/input"
fi
