#!/usr/bin/env bash
# The docs/library.md example against the public API alone: builds and runs
# Tests/LibraryExampleTests/LibraryExample.swift in a throwaway package that depends on this
# one by path (a test target of this package would also see its 'package' symbols).
#   scripts/library-api.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/LibraryUser"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "library-user",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "$root")],
    targets: [.executableTarget(name: "LibraryUser", dependencies: [.product(name: "NinesKit", package: "$(basename "$root")")])]
)
SWIFT
cp "$root/Tests/LibraryExampleTests/LibraryExample.swift" "$work/Sources/LibraryUser/"
cat > "$work/Sources/LibraryUser/main.swift" <<'SWIFT'
import Foundation
printObjectiveAvailabilities(of: try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8))
SWIFT
swift build --package-path "$work" 2>&1 | grep -E 'error:|warning:|Compiling LibraryUser|Build complete' || true
output="$(swift run --package-path "$work" --skip-build LibraryUser "$root/Tests/LibraryExampleTests/shop.yaml")"
echo "$output"
[[ "$output" == "checkout: 99.94990005000002% (exact)" ]]
