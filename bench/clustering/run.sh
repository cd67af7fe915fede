#!/bin/sh
# Speed and memory of identity + clustering on a generated stream (release build, one thread).
#   bench/clustering/run.sh                                  # 1,000,000 articles at 1,000 articles/hour
#   bench/clustering/run.sh --articles 200000 --rate 5000    # other sizes and rates
#   bench/clustering/run.sh --no-summaries                   # titles only
#   bench/clustering/run.sh --dev Tests/StoryClusteringTests/Fixtures/dev.jsonl   # real headlines replayed
# Prints a line per 100,000 articles (rates, RSS, window size) and a summary with peak RSS on stderr,
# and one JSON line on stdout (see Sources/newswire-cluster-bench).
set -eu
cd "$(dirname "$0")/../.."
make --no-print-directory -s release RELEASE_PRODUCTS=newswire-cluster-bench >&2
exec .build-release/release/newswire-cluster-bench "$@"
