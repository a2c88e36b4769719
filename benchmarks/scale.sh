#!/usr/bin/env bash
# Scale benchmark (run on demand, not a test): times `nines report --format json` as a whole
# process on generated models of 1k, 10k and 100k components and prints seconds, peak memory,
# the growth per 10x step, and where the time goes (from the hidden `report --timings` flag).
#
#   benchmarks/scale.sh [SIZES...]        e.g. benchmarks/scale.sh 1000 10000
#
# Each size runs RUNS times (default 3) and the fastest run is shown: on a 2-core machine single
# runs vary by about 30 %. The last line per size sets the analysis against the YAML parse of the
# same run, a reference that moves with the machine.
#
# Environment: SEED (default 1), TIMEOUT per run in seconds (default 600), RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
seed=${SEED:-1}
limit=${TIMEOUT:-600}
runs=${RUNS:-3}

swift build -c release --product nines >/dev/null
swift build -c release --product nines-genmodel >/dev/null
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "fastest of $runs runs per size"
printf '%-8s %9s %9s %9s %9s %9s %9s %9s %8s %9s\n' components "file MB" "total s" "read s" "parse s" "load s" "compile s" "eval s" "render s" "peak MB"
previous_total=""; previous_analysis=""
for n in "${sizes[@]}"; do
    model="$work/model-$n.yaml"
    "$bin/nines-genmodel" "$n" --seed "$seed" > "$model"
    status=0; best=""
    for run in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time-run" timeout "$limit" \
            "$bin/nines" report --format json --timings --max-input-size 256 "$model" > "$work/out-$n.json" 2> "$work/phases-run" || status=$?
        if [ "$status" -ne 0 ]; then cp "$work/phases-run" "$work/phases-$n"; break; fi
        seconds=$(awk '{ print $1 }' "$work/time-run" | tail -n 1)
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$seconds; cp "$work/time-run" "$work/time-$n"; cp "$work/phases-run" "$work/phases-$n"
        fi
    done
    if [ "$status" -ne 0 ]; then
        printf '%-8s %9.1f   failed or over %ss (exit %s); phases finished:\n' "$n" "$(stat -c %s "$model" | awk '{print $1/1048576}')" "$limit" "$status"
        sed 's/^/         /' "$work/phases-$n"
        previous_total=""
        continue
    fi
    read -r total peak < <(tail -n 1 "$work/time-$n")
    phase() { awk -v name="$1" '$1 == "timing" { $1 = ""; sub(/^ /, ""); n = $0; sub(/ [0-9.]+ s$/, "", n); if (n == name) { print $(NF - 1) } }' "$work/phases-$n"; }
    read_s=$(phase read); parse_s=$(phase "parse YAML"); load_s=$(phase "load model"); fmea_s=$(phase "FMEA worksheet")
    compile_s=$(phase "compile BDD"); eval_s=$(phase evaluate); render_s=$(phase render)
    printf '%-8s %9.1f %9.2f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.0f\n' "$n" \
        "$(stat -c %s "$model" | awk '{print $1/1048576}')" "$total" "$read_s" "$parse_s" "$load_s" \
        "$compile_s" "$eval_s" "$render_s" "$(awk -v kb="$peak" 'BEGIN { print kb / 1024 }')"
    analysis=$(awk -v a="$compile_s" -v b="$eval_s" -v c="$render_s" 'BEGIN { printf "%.4f", a + b + c }')
    parsing=$(awk -v a="$read_s" -v b="$parse_s" -v c="$load_s" -v d="$fmea_s" 'BEGIN { printf "%.4f", a + b + c + d }')
    echo "         parsing (read + YAML + load + FMEA worksheet look-up ${fmea_s:-0}s) ${parsing}s, analysis (compile + evaluate + render) ${analysis}s, $(grep '^diagram nodes' "$work/phases-$n")"
    awk -v a="$analysis" -v p="$parse_s" 'BEGIN { printf "         analysis / YAML parse of the same run: %.2f\n", a / p }'
    if [ -n "$previous_total" ]; then
        awk -v t="$total" -v pt="$previous_total" -v a="$analysis" -v pa="$previous_analysis" \
            'BEGIN { printf "         growth vs previous size: whole process x%.1f, analysis x%.1f\n", t / pt, a / pa }'
    fi
    previous_total=$total; previous_analysis=$analysis
done
