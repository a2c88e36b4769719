#!/usr/bin/env bash
# Fuzzes the model loader with libFuzzer + AddressSanitizer for SECONDS (default 300).
#   scripts/fuzz.sh [SECONDS]
# Seeds: models/, docs examples and every test fixture. New crashers land in fuzz-crashes/;
# keep each one as a regression fixture (Tests/NinesKitTests/Fixtures/fuzz/) after fixing it.
# The working corpus lives in .build/fuzz-corpus and grows from run to run.
# Exit 0: no finding; 3: no sanitizer toolchain here (skipped); 4: the target does not compile;
# anything else: libFuzzer's own exit for a crash, hang or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
scratch=.build/fuzz
corpus=.build/fuzz-corpus
crashes=fuzz-crashes

NINES_FUZZ=1 swift build --scratch-path "$scratch" --product NinesFuzz \
    --sanitize=fuzzer --sanitize=address -Xswiftc -Onone >"$scratch.log" 2>&1 \
    || {
        cat "$scratch.log"
        # Tell a toolchain without libFuzzer/ASan (exit 3: skip) from a target that no longer
        # compiles (exit 4: a real failure): type-check the target alone, without sanitizers.
        if NINES_FUZZ=1 swift build --target NinesFuzz >"$scratch-plain.log" 2>&1; then
            echo "fuzz.sh: this toolchain cannot build a sanitized fuzzer; fuzzing skipped" >&2
            exit 3
        fi
        cat "$scratch-plain.log"
        echo "fuzz.sh: the fuzz target does not compile (Fuzz/NinesFuzz)" >&2
        exit 4
    }
binary="$(NINES_FUZZ=1 swift build --scratch-path "$scratch" --product NinesFuzz --sanitize=fuzzer --sanitize=address -Xswiftc -Onone --show-bin-path)/NinesFuzz"

mkdir -p "$corpus" "$crashes"
# Seed corpus: every model and fixture we ship (each file once, by content hash).
while IFS= read -r -d '' seed; do
    cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
done < <(find models docs Fuzz/seeds Tests/NinesKitTests/Fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.csv' \) -print0 2>/dev/null)

echo "fuzz.sh: $(ls "$corpus" | wc -l) corpus inputs, running ${seconds}s"
# -rss_limit_mb bounds memory (the 2 GB default is too much next to other jobs); -timeout flags hangs.
"$binary" "$corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=1536 \
    -dict=scripts/fuzz.dict -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | tail -n 25
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: libFuzzer found a problem (exit $status); inputs are in $crashes/" >&2
    exit "$status"
fi
echo "fuzz.sh: no crash, hang or sanitizer report in ${seconds}s"
