#!/bin/sh
# Speed and memory of story clustering on a generated stream (release build, one core).
#   bench/clustering/run.sh            # 1,000,000 articles at 1,000 articles/hour
#   NEWSWIRE_BENCH_ARTICLES=200000 NEWSWIRE_BENCH_RATE=5000 bench/clustering/run.sh
# Prints a line per 100,000 articles (rate, RSS, window size) and a final summary with peak RSS.
set -eu
cd "$(dirname "$0")/../.."
NEWSWIRE_BENCH=1 exec swift test -c release --filter StoryClusteringTests.ThroughputBenchmark
