#!/usr/bin/env bash
# Regenerates Sources/newswired/symbol-order.txt, the order in which the linker lays out newswired's
# functions in a release build (`make release`): every function a first poll and an unchanged
# re-poll of N generated feeds run (default 1000), heaviest first, as valgrind's callgrind counts
# them. About 12 minutes.
#
#   bench/symbol-order.sh [--feeds N]
#
# Why: the kernel maps an executable's code in runs of neighbouring pages around each page a
# program touches (fault-around), so code that runs, spread over the 21 MB of the static build's
# .text, kept about 12 MB of it resident during a first poll; laid out together, about 6 MB.
# Functions added since the file was made are simply not ordered (the linker does not warn), so
# the file needs regenerating only after large changes; the binary is correct either way.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
FEEDS=1000
while [ $# -gt 0 ]; do
    case $1 in
        --feeds) FEEDS=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/symbol-order.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
command -v valgrind > /dev/null || { echo "bench/symbol-order.sh: valgrind is not installed" >&2; exit 1; }

make -C "$ROOT" --no-print-directory -s release RELEASE_PRODUCTS=newswired
WORK=$HERE/out/symbol-order
rm -rf "$WORK"
mkdir -p "$WORK"
# valgrind cannot read the static build's debug info; the symbol table stays.
objcopy --strip-debug "$ROOT/.build-release/release/newswired" "$WORK/newswired"
"$HERE/poll.sh" --feeds "$FEEDS" --binary "$WORK/newswired" -- \
    valgrind --tool=callgrind --demangle=no "--callgrind-out-file=$WORK/callgrind.%p"
python3 "$HERE/symbol_order.py" newswired "$WORK"/callgrind.* > "$WORK/symbol-order.txt"
mv "$WORK/symbol-order.txt" "$ROOT/Sources/newswired/symbol-order.txt"
# The build system does not know the linker reads the file: remove the binary so that the next
# `make release` links it again, in the new order.
rm -f "$ROOT/.build-release/release/newswired"
echo "$(wc -l < "$ROOT/Sources/newswired/symbol-order.txt") functions in Sources/newswired/symbol-order.txt" >&2
