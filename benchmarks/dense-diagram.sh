#!/usr/bin/env bash
# Dense-graph diagram benchmark (run on demand, not a test): COMPONENTS components, each on a layer
# of its own, component i depending on every j > i (200 gives the 19,900 edges of issue 19, 126 KB
# of YAML). Prints the input size, then the time and output size of `nines diagram --format svg`,
# `--format dot` and `nines report --format html`, against the budget of 2 s per 100 KB of input.
#
#   benchmarks/dense-diagram.sh [COMPONENTS]      default 200
#
# Environment: CONFIG (debug or release, default release).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
config=${CONFIG:-release}
swift build -c "$config" --product nines >/dev/null
bin=$(swift build -c "$config" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The model: one declared layer per component, every later component a dependency.
{
    echo "version: 1"
    echo "system: dense $n"
    echo "layers:"
    for ((i = 0; i < n; i++)); do echo "  layer-$i: layer $i"; done
    echo "components:"
    for ((i = 0; i < n; i++)); do
        deps=""
        for ((j = i + 1; j < n; j++)); do deps+="${deps:+, }c$j"; done
        echo "  c$i: { layer: layer-$i, availability: 99.99%, depends_on: [$deps] }"
    done
} > "$work/dense.yaml"

bytes=$(wc -c < "$work/dense.yaml")
budget=$(echo "scale=2; 2 * $bytes / 102400" | bc)
echo "$n components, $((n * (n - 1) / 2)) edges, $((bytes / 1024)) KB of YAML, $config build; budget ${budget} s"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
run() {
    local label=$1 out=$2; shift 2
    local t; t=$(seconds "$bin/nines" "$@" --max-input-size 256 -o "$work/$out")
    printf '%-24s %6.2f s  %8s KB\n' "$label" "$t" "$(( $(wc -c < "$work/$out") / 1024 ))"
}
run "diagram --format svg" d.svg diagram "$work/dense.yaml" --format svg
run "diagram --format dot" d.dot diagram "$work/dense.yaml" --format dot
run "report --format html" r.html report "$work/dense.yaml" --format html
printf 'edges drawn in the SVG: %s\n' "$(grep -c 'class="edge"' "$work/d.svg")"
