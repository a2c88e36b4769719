#!/usr/bin/env bash
# Installs nines from this clone: a release build, the binaries nines and nines-genmodel (the
# generator of synthetic models the README and benchmarks use), a man page generated from the
# commands' help (swift-argument-parser's generate-manual tool) with the exit statuses and
# examples of scripts/man/, and bash, zsh and fish completions (`nines --generate-completion-script`).
#
#   scripts/install.sh [--prefix DIR] [--static] [--scratch-path DIR]
#
#   --prefix DIR        where to install (default /usr/local): DIR/bin/nines, DIR/bin/nines-genmodel,
#                       DIR/share/man/man1/nines.1, DIR/share/bash-completion/completions/nines,
#                       DIR/share/zsh/site-functions/_nines, DIR/share/fish/vendor_completions.d/nines.fish
#   --static            (Linux) link the Swift standard library, Foundation and libyaml (libyaml.a
#                       from libyaml-dev) statically, so the binary runs on a machine without Swift
#                       or libyaml (checked: it runs with an empty environment, and ldd lists no
#                       Swift library and no libyaml)
#   --scratch-path DIR  SwiftPM's build folder (default .build); a second run reuses it
#
# Exit status: 0 when installed; 1 when the build, the man page or the check of the binary fails;
# 2 on a usage error.
set -euo pipefail

prefix=/usr/local
static=0
scratch=""
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --static) static=1; shift ;;
        --scratch-path) [ $# -ge 2 ] || { echo "install.sh: --scratch-path needs a folder" >&2; exit 2; }; scratch=$2; shift 2 ;;
        --scratch-path=*) scratch=${1#--scratch-path=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix is empty" >&2; exit 2; }
# Relative folders are the caller's, not the clone's.
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
case "$scratch" in /*|"") ;; *) scratch="$PWD/$scratch" ;; esac

cd "$(dirname "$0")/.."
scratch=${scratch:-.build}

# Linking Foundation statically (--static) makes ld repeat glibc's link-time warning about
# mktemp(3) for the toolchain's own libFoundationEssentials.a (createTemporaryFile in
# Data+Writing.swift.o refers to it): no code of nines calls mktemp (AtomicFile uses mkstemp), and
# the library is not ours to change. That one line is replaced by a note saying so; every other
# line, warnings included, passes.
linker_filter() {
    awk '/libFoundationEssentials\.a\(Data\+Writing\.swift\.o\).*warning: the use of .mktemp. is dangerous/ { known = 1; next }
         { print; fflush() }
         END { if (known) print "install.sh: (left out: ld'"'"'s warning about mktemp in the toolchain'"'"'s static Foundation, which nines does not call)" }'
}

build=(-c release --scratch-path "$scratch")
if [ "$static" = 1 ]; then
    # The package links `-lyaml` with the search path of yaml-0.1.pc, whose folder also holds the
    # shared library. A copy of the .pc whose folder holds only libyaml.a, found first through
    # PKG_CONFIG_PATH, makes the linker take the archive.
    yaml_pc=$(pkg-config --variable=pcfiledir yaml-0.1 2>/dev/null || true)/yaml-0.1.pc
    yaml_libdir=$(pkg-config --variable=libdir yaml-0.1 2>/dev/null || true)
    if [ ! -f "$yaml_pc" ] || [ ! -f "$yaml_libdir/libyaml.a" ]; then
        echo "install.sh: --static needs libyaml.a and yaml-0.1.pc (apt-get install libyaml-dev); pkg-config yaml-0.1 found none" >&2
        exit 1
    fi
    mkdir -p "$scratch/static-libyaml"
    static_dir=$(cd "$scratch/static-libyaml" && pwd)
    ln -sf "$yaml_libdir/libyaml.a" "$static_dir/libyaml.a"
    sed "s|^libdir=.*|libdir=$static_dir|" "$yaml_pc" > "$static_dir/yaml-0.1.pc"
    export PKG_CONFIG_PATH="$static_dir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    build+=(--static-swift-stdlib)
fi
for product in nines nines-genmodel; do
    echo "install.sh: swift build ${build[*]} --product $product" >&2
    swift build "${build[@]}" --product "$product" 2>&1 | linker_filter >&2
done
binary="$(swift build "${build[@]}" --show-bin-path)/nines"
genmodel="$(swift build "${build[@]}" --show-bin-path)/nines-genmodel"

if [ "$static" = 1 ]; then
    # No Swift runtime on the library path and no PATH: what a machine without Swift offers.
    if ! version=$(env -i "$binary" --version); then
        echo "install.sh: the static binary does not run with an empty environment" >&2
        exit 1
    fi
    # Nor may it load a Swift library from the toolchain (its run path would find one here).
    if command -v ldd > /dev/null && ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch|libyaml' >&2; then
        echo "install.sh: the static binary still loads the libraries above" >&2
        exit 1
    fi
    if ! env -i "$genmodel" 100 > /dev/null; then
        echo "install.sh: the static nines-genmodel does not run with an empty environment" >&2
        exit 1
    fi
    echo "install.sh: the static binaries run with an empty environment (nines $version)" >&2
fi

# The man page, from the commands' help: swift-argument-parser's generate-manual tool (the one its
# generate-manual plugin runs) reads `nines --experimental-dump-help`. The tool is built from the
# checkout SwiftPM already made, in a folder of its own: the plugin would rebuild the whole
# package in release mode without --static-swift-stdlib, a second release build.
# Its own deprecation warnings are the package's business, not this install's: suppressed.
manual_tool=(--package-path "$scratch/checkouts/swift-argument-parser" --scratch-path "$scratch/generate-manual"
             --product generate-manual -Xswiftc -suppress-warnings)
swift build "${manual_tool[@]}" >&2
manual_dir=$(mktemp -d)
trap 'rm -rf "$manual_dir"' EXIT
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
"$(swift build "${manual_tool[@]}" --show-bin-path)/generate-manual" "$binary" --date "$date" --output-directory "$manual_dir"
[ -s "$manual_dir/nines.1" ] || { echo "install.sh: generate-manual wrote no nines.1" >&2; exit 1; }
# generate-manual's EXIT STATUS says only "0 on success, >0 on error": the page gets the 0/1/2 of
# scripts/man/exit-status-and-examples.mdoc in its place, with an EXAMPLES section after it.
awk -v extra=scripts/man/exit-status-and-examples.mdoc '
    /^\.Sh "?EXIT STATUS"?$/ { while ((getline line < extra) > 0) print line; skipping = 1; done = 1; next }
    skipping && /^\.Sh / { skipping = 0 }
    !skipping { print }
    END { if (!done) exit 3 }' "$manual_dir/nines.1" > "$manual_dir/nines.1.new" \
    || { echo "install.sh: the generated page has no EXIT STATUS section to replace" >&2; exit 1; }
mv "$manual_dir/nines.1.new" "$manual_dir/nines.1"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/nines"
install -m 755 "$genmodel" "$prefix/bin/nines-genmodel"
install -m 644 "$manual_dir/nines.1" "$prefix/share/man/man1/nines.1"
"$prefix/bin/nines" --generate-completion-script bash > "$prefix/share/bash-completion/completions/nines"
"$prefix/bin/nines" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_nines"
"$prefix/bin/nines" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/nines.fish"
echo "installed $prefix/bin/nines, $prefix/bin/nines-genmodel, $prefix/share/man/man1/nines.1 and bash, zsh and fish completions" >&2
