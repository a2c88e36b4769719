#!/usr/bin/env bash
# Hostile-input benchmark (run on demand, not a test; docs/security.md): times `nines` as a whole
# process on the floods and limits of issue 13 and prints seconds and peak memory for each.
#
#   benchmarks/hostile-input.sh [NINES]     default: a release build of this package
#
# Cases: 32,000 invalid availabilities (0.95 MB); 2,000 groups repeating a member on one 70 KB
# line; CSV imports of 16,000 unknown columns and of 32,000 bad rows; models at the default input
# limit (2 MB): 63,000 components with one unknown key (so only reading is timed), the densest
# YAML there is (a flow list of one-letter names: 1 million nodes), loaded and analysed and, with
# an unknown key, refused; and one byte over the limit.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    nines=$(realpath "$1")
else
    swift build -c release --product nines >/dev/null
    nines="$(swift build -c release --show-bin-path)/nines"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp Tests/NinesKitTests/Fixtures/fmea/shop.yaml "$work/shop.yaml"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
with open(f"{w}/flood.yaml", "w") as f:
    f.write("version: 1\nsystem: s\ncomponents:\n")
    for i in range(32000): f.write(f"  c{i}: {{availability: 120%}}\n")
with open(f"{w}/groups.yaml", "w") as f:
    f.write("version: 1\nsystem: s\ncomponents:\n  a: {availability: 99%}\n  b: {availability: 99%, depends_on: ["
            + ", ".join(["{any: [a, a]}"] * 2000) + "]}\n")
with open(f"{w}/columns.csv", "w") as f:
    f.write(",".join(["id", "component", "failure_mode"] + [f"x{i}" for i in range(16000)]) + "\n")
with open(f"{w}/rows.csv", "w") as f:
    f.write("id,component,failure_mode,severity\n")
    for i in range(32000): f.write(f"FM-{i},db,mode,99\n")
limit = 2 * 1024 * 1024
head = "version: 1\nsystem: s\nunknown_key: 1\ncomponents:\n"
line = "  c{:06d}: {{availability: 99.9%}}\n"
body, i = [head], 0
size = len(head)
while size + len(line.format(i)) <= limit:
    body.append(line.format(i)); size += len(line.format(i)); i += 1
text = "".join(body)
text += "#" * (limit - len(text))
with open(f"{w}/at-limit.yaml", "w") as f: f.write(text)
with open(f"{w}/over-limit.yaml", "w") as f: f.write(text + "#")
for name, extra in (("dense", ""), ("dense-invalid", "zz: 1\n")):
    head = f"version: 1\nsystem: s\n{extra}components:\n  a: {{availability: 99%}}\nobjectives:\n  o: {{path: ["
    count = (limit - len(head) - 4) // 2
    with open(f"{w}/{name}.yaml", "w") as f: f.write(head + "a," * count + "a]}\n")
PY
printf '%-40s %8s %9s %8s\n' case "s" "peak MB" "stderr KB"
run() {
    local name=$1; shift
    /usr/bin/time -o "$work/time" -f "%e %M" "$nines" "$@" >/dev/null 2>"$work/stderr" || true
    local stats
    stats=$(tail -n 1 "$work/time")
    printf '%-40s %8s %9d %8d\n' "$name" "${stats%% *}" "$(( ${stats##* } / 1024 ))" "$(( $(wc -c <"$work/stderr") / 1024 ))"
}
cd "$work"
run "32,000 invalid availabilities" check flood.yaml
run "2,000 repeated group members, 1 line" check groups.yaml
run "CSV: 16,000 unknown columns" fmea import columns.csv --worksheet w.fmea.yaml --model shop.yaml
run "CSV: 32,000 bad rows" fmea import rows.csv --worksheet w.fmea.yaml --model shop.yaml
run "2 MB model (the default limit)" check at-limit.yaml
run "2 MB flow list of 1M names, analysed" check dense.yaml
run "2 MB flow list of 1M names, refused" check dense-invalid.yaml
run "2 MB + 1 byte (over the limit)" check over-limit.yaml
