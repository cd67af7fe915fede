#!/usr/bin/env bash
# Differential test: Newswire's FeedParser against Python's feedparser, document by document.
#
#   Tests/differential/run.sh [--feedparser-suite] [DIR...]
#
# Compares every document under Tests/FeedParserTests/Fixtures (the real outlet feeds and our
# own corpus), plus each DIR given, and prints the share of documents on which the two agree
# in every field of the `newswire parse --json` view (see compare.py for the mapping).
# --feedparser-suite also downloads feedparser's source distribution from PyPI and runs its
# own test documents (about 2200), the closest public stand-in for a large feed corpus.
#
# Our side comes from the ParseDumpTests XCTest (NEWSWIRE_PARSE_DUMP_DIR/OUT); no extra target.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${NEWSWIRE_DIFF_WORK:-${TMPDIR:-/tmp}/newswire-differential}
venv="$work/venv"
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -c "import feedparser" 2>/dev/null || "$venv/bin/pip" install -q "feedparser==6.0.14"

dirs=("$root/Tests/FeedParserTests/Fixtures")
for arg in "$@"; do
    if [ "$arg" = "--feedparser-suite" ]; then
        suite="$work/feedparser-suite"
        if [ ! -d "$suite" ]; then
            rm -rf "$work/sdist" && mkdir -p "$work/sdist"
            "$venv/bin/pip" download -q --no-deps --no-binary :all: -d "$work/sdist" "feedparser==6.0.14"
            tar -xzf "$work"/sdist/feedparser-*.tar.gz -C "$work/sdist"
            mkdir -p "$suite"
            for part in encoding entities illformed wellformed; do
                cp -r "$work"/sdist/feedparser-*/tests/"$part" "$suite/"
            done
        fi
        dirs+=("$suite")
    else
        dirs+=("$(cd "$arg" && pwd)")
    fi
done

cd "$root"
swift build --build-tests >/dev/null
pairs=()
index=0
for dir in "${dirs[@]}"; do
    index=$((index + 1))
    out="$work/ours-$index"
    rm -rf "$out"
    NEWSWIRE_PARSE_DUMP_DIR="$dir" NEWSWIRE_PARSE_DUMP_OUT="$out" \
        swift test --skip-build --filter ParseDumpTests >/dev/null
    pairs+=("$dir" "$out")
done
"$venv/bin/python" "$here/compare.py" "${pairs[@]}" ${NEWSWIRE_DIFF_SHOW:+--show "$NEWSWIRE_DIFF_SHOW"}
