#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer (each in its own scratch
# path, so the normal .build stays as it is).   scripts/sanitizers.sh [address|thread]...
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export TSAN_OPTIONS="halt_on_error=1"
status=0
for sanitizer in "${@:-address thread}"; do
    for s in $sanitizer; do
        start=$(date +%s)
        if swift test --scratch-path ".build/$s-sanitizer" --sanitize="$s" >".build/$s-sanitizer.log" 2>&1; then
            result=passed
        else
            result="FAILED (see .build/$s-sanitizer.log)"; status=1
        fi
        summary=$(grep -E '(✔|✘) Test run with' ".build/$s-sanitizer.log" | tail -1 || true)
        echo "sanitizers.sh: $s $result in $(( $(date +%s) - start ))s: ${summary:-no test summary}"
        grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|ThreadSanitizer)|WARNING: ThreadSanitizer' ".build/$s-sanitizer.log" | head -5 || true
    done
done
exit "$status"
