#!/usr/bin/env bash
# HTML report benchmark (run on demand, not a test): on a generated model, times
# `nines report --format html` against `--format text` as whole processes, shows the HTML-only
# phases from the hidden `--timings` flag ("picture": diagram layout, bars, matrix; "render":
# the page), and times `nines diagram` in each format.
#
#   benchmarks/html-report.sh [COMPONENTS]      default 10000
#
# Environment: CONFIG (debug or release, default debug), SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
config=${CONFIG:-debug}
swift build -c "$config" --product nines >/dev/null
swift build -c "$config" --product nines-genmodel >/dev/null
bin=$(swift build -c "$config" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/nines-genmodel" "$n" --seed "${SEED:-1}" > "$work/model.yaml"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
echo "$n components, $config build"
printf 'report --format text     %6.2f s\n' "$(seconds "$bin/nines" report "$work/model.yaml" -o "$work/r.txt")"
printf 'report --format html     %6.2f s\n' "$(seconds "$bin/nines" report "$work/model.yaml" --format html -o "$work/r.html")"
"$bin/nines" report "$work/model.yaml" --format html -o "$work/r.html" --timings 2>&1 | grep -E "timing (picture|render|total)" | sed 's/^timing /  phase /'
for format in svg dot mermaid; do
    printf 'diagram --format %-7s %6.2f s\n' "$format" "$(seconds "$bin/nines" diagram "$work/model.yaml" --format "$format" -o "$work/d.$format")"
done
printf 'HTML page %s KB\n' "$(( $(wc -c < "$work/r.html") / 1024 ))"
