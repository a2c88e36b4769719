#!/usr/bin/env bash
# Benchmark (not a test): nines simulate against AvailSim4, CERN's Monte Carlo availability simulator.
#
# Model: two identical units in parallel (1 of 2 needed), exponential failures with MTBF 1,000 h,
# exponential repairs with mean 10 h. AvailSim4 runs 100 iterations of 100,000 h; nines simulates
# the same 10^7 hours (as 13,889 months of 720 h) for the agreement check, then 1,000 times more
# for a throughput that process start-up does not dominate. Prints both availabilities with 95%
# confidence intervals, the exact value, and the speed in component-hours simulated per second.
#
# Usage: benchmarks/availsim4.sh [iterations]   (needs python3 with venv, network access to PyPI)
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS=${1:-100}
DURATION=100000
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== building nines (release)"
swift build -c release --product nines >/dev/null
NINES=$(swift build -c release --show-bin-path)/nines

echo "== installing AvailSim4 in a throw-away virtual environment"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet availsim4
PY="$WORK/venv/bin/python"

# AvailSim4 reads two Excel workbooks: the system (architecture, failure modes, …) and the simulation.
cat > "$WORK/make_inputs.py" <<'PYTHON'
import sys
import pandas as pd
out, iterations, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
empty = lambda cols: pd.DataFrame(columns=cols)
sheets = {
    "ARCHITECTURE": pd.DataFrame([
        ["ROOT", "compound", 1, "UNIT", "1oo2", "none", "none"],
        ["UNIT", "basic", 2, "none", "none", "none", "none"],
    ], columns=["COMPONENT_NAME", "COMPONENT_TYPE", "COMPONENT_NUMBER", "CHILDREN_NAME", "CHILDREN_LOGIC", "IN_MRU", "TRIGGER_MRU"]),
    "FAILURE_MODES": pd.DataFrame([
        ["UNITfailure", "exp", 1000, "exp", 10, "detectable", "NEVER_HELD", "none", None, None, "after_repair", "never_held"],
    ], columns=["FAILURE_MODE_NAME", "FAILURE_LAW", "FAILURE_PARAMETERS", "REPAIR_LAW", "REPAIR_PARAMETERS", "TYPE_OF_FAILURE",
                "HELD_BEFORE_REPAIR", "INSPECTION_NAME", "PHASE_NAME", "NEXT_PHASE_IF_FAILURE", "PHASE_CHANGE_TRIGGER", "HELD_AFTER_REPAIR"]),
    "PHASES": empty(["PHASE_NAME", "PHASE_LAW", "PHASE_PARAMETERS", "NEXT_DEFAULT_PHASE", "FIRST_PHASE", "NEXT_DEFAULT_PHASE_IF_FAILURE"]),
    "FAILURE_MODE_ASSIGNMENTS": pd.DataFrame([["UNIT", "UNITfailure"]], columns=["COMPONENT_NAME", "FAILURE_MODE_NAME"]),
    "MRU": empty(["MRU_NAME", "MRU_LAW", "MRU_PARAMETERS", "MRU_SCHEDULE", "LOWEST_COMMON_ANCESTOR_SCOPE", "TRIGGERING_STATUS"]),
    "INSPECTIONS": empty(["INSPECTION_NAME", "INSPECTION_PERIOD", "INSPECTION_DURATION"]),
    "ROOT_CAUSE_ANALYSIS": empty(["TRIGGERING_COMPONENT_NAME", "TRIGGERED_BY_COMPONENT_STATUS", "TRIGGERED_IN_PHASE"]),
    "PHASE_JUMP": empty(["TRIGGERING_COMPONENT_NAME", "TRIGGERED_BY_COMPONENT_STATUS", "FROM_PHASE", "TO_PHASE"]),
}
with pd.ExcelWriter(f"{out}/system.xlsx") as writer:
    for name, frame in sheets.items():
        frame.to_excel(writer, sheet_name=name, index=False)
simulation = pd.DataFrame([["MONTE_CARLO", iterations, iterations, 2, 36000, 1, '["SUMMARY"]', duration]],
                          columns=["SIMULATION_TYPE", "MIN_NUMBER_OF_SIMULATION", "MAX_NUMBER_OF_SIMULATION", "CONVERGENCE_MARGIN",
                                   "MAX_EXECUTION_TIME", "SEED", "DIAGNOSTICS", "SIMULATION_DURATION"])
with pd.ExcelWriter(f"{out}/simulation.xlsx") as writer:
    simulation.to_excel(writer, sheet_name="SIMULATION", index=False)
PYTHON

# Mean availability over the iterations, and a 95% interval from the spread of the root's
# downtime per iteration (AvailSim4 reports mean and standard deviation per cause of the root's
# outage; the causes are taken as independent).
cat > "$WORK/read_results.py" <<'PYTHON'
import glob, math, sys
import pandas as pd
folder, iterations, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
book = pd.read_excel(glob.glob(f"{folder}/simulation_result_*.xlsx")[0], sheet_name=None)
availability = float(book["RESULTS_ROOT_SUMMARY"]["availability"][0])
results = book["RESULTS"]
down = results[(results["component"].str.startswith("ROOT")) & (results["status"] == "UNDER_REPAIR")]
sd = math.sqrt(float((down["_STD_DURATION"] ** 2).sum())) if len(down) else 0.0
half = 1.959964 * sd / math.sqrt(iterations) / duration
print(f"{availability:.8f} {availability - half:.8f} {availability + half:.8f}")
PYTHON

"$PY" "$WORK/make_inputs.py" "$WORK" "$ITERATIONS" "$DURATION"
cat > "$WORK/pair.yaml" <<'YAML'
version: 1
system: AvailSim4 benchmark pair
period: month
components:
  unit: { mtbf: 1000h, mttr: 10h, replicas: 2, needs: 1 }
objectives:
  pair: { at: unit }
YAML

calc() { python3 -c "print($1)"; }
COMPONENT_HOURS=$((2 * ITERATIONS * DURATION))
MONTHS=$(( (ITERATIONS * DURATION + 719) / 720 ))

echo "== AvailSim4: $ITERATIONS iterations of $DURATION h"
TIMEFORMAT='%R %U %S'
{ time "$WORK/venv/bin/availsim4" --simulation "$WORK/simulation.xlsx" --system "$WORK/system.xlsx" --output_folder "$WORK/out" >"$WORK/availsim4.log" 2>&1; } 2>"$WORK/as4.time"
read -r as4_wall as4_user as4_sys <"$WORK/as4.time"
# AvailSim4's own "Analysis execution time" leaves out Python start-up and reading the workbooks.
as4_seconds=$(sed -n 's/.*Analysis execution time = \([0-9.]*\) s.*/\1/p' "$WORK/availsim4.log" | tail -1)
read -r as4_a as4_low as4_high < <("$PY" "$WORK/read_results.py" "$WORK/out" "$ITERATIONS" "$DURATION")

echo "== nines: the same $((ITERATIONS * DURATION)) h ($MONTHS months)"
"$NINES" simulate "$WORK/pair.yaml" --periods "$MONTHS" --format json >"$WORK/nines.json"
read -r n_a n_low n_high < <("$PY" -c "import json,sys; o=json.load(open(sys.argv[1]))['objectives'][0]; print(f\"{o['availability']:.8f} {o['availabilityLow']:.8f} {o['availabilityHigh']:.8f}\")" "$WORK/nines.json")

BIG_MONTHS=$((MONTHS * 1000))
echo "== nines: throughput on 1000× the work ($BIG_MONTHS months, all cores)"
{ time "$NINES" simulate "$WORK/pair.yaml" --periods "$BIG_MONTHS" --format csv >/dev/null; } 2>"$WORK/nines.time"
read -r nines_seconds nines_user nines_sys <"$WORK/nines.time"
nines_cpu=$(calc "$nines_user + $nines_sys")

exact=$(calc "1 - (10/1010)**2")
as4_rate=$(calc "$COMPONENT_HOURS / $as4_seconds")
nines_rate=$(calc "2 * $BIG_MONTHS * 720 / $nines_seconds")
nines_cpu_rate=$(calc "2 * $BIG_MONTHS * 720 / $nines_cpu")
echo
printf "exact steady state      %.8f\n" "$exact"
printf "AvailSim4 availability  %.8f (95%% CI %.8f – %.8f)\n" "$as4_a" "$as4_low" "$as4_high"
printf "nines availability      %.8f (95%% CI %.8f – %.8f)\n" "$n_a" "$n_low" "$n_high"
printf "AvailSim4 speed         %.3g component-hours/s (analysis %.1f s of %.1f s wall, %.1f s CPU; one process)\n" \
    "$as4_rate" "$as4_seconds" "$as4_wall" "$(calc "$as4_user + $as4_sys")"
printf "nines speed             %.3g component-hours/s (%.2f s wall, %d cores); %.3g per CPU-second (%.2f s CPU)\n" \
    "$nines_rate" "$nines_seconds" "$(nproc)" "$nines_cpu_rate" "$nines_cpu"
printf "speed ratio             %.0f× (wall clock: AvailSim4 analysis vs the whole nines process)\n" "$(calc "$nines_rate / $as4_rate")"
printf "                        %.0f× (CPU time of each whole process, AvailSim4's including start-up)\n" \
    "$(calc "$nines_cpu_rate / ($COMPONENT_HOURS / ($as4_user + $as4_sys))")"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
