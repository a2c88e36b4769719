#!/usr/bin/env bash
# NinesKit's public types, one per line (file and name), then their count; exits 1 at 110 or
# more (issue 21: fewer than 110, each listed in docs/library.md; PublicAPITests checks both).
# Nested types count on their own. Everything else is `package` (the nines executable and the
# tests see it) or internal.
#   scripts/public-types.sh
set -euo pipefail
cd "$(dirname "$0")/.."
limit=110
list=$(grep -rEo '^\s*public (final |indirect )?(struct|enum|class|protocol|actor|typealias) [A-Za-z0-9_]+' Sources/NinesKit \
    | sed -E 's/:\s*public (final |indirect )?(struct|enum|class|protocol|actor|typealias) /\t/' | sort)
echo "$list"
count=$(echo "$list" | grep -c .)
echo "$count public types (limit: fewer than $limit)"
[ "$count" -lt "$limit" ]
