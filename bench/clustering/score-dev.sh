#!/bin/sh
# Clusters the development set with the default settings, in published order and shuffled at one
# instant (seed 2026), and scores both with the shared scorer.
#   bench/clustering/score-dev.sh [OUTDIR]        (default: bench/out/clustering)
set -eu
cd "$(dirname "$0")/../.."
out="${1:-bench/out/clustering}"
mkdir -p "$out"
NEWSWIRE_PREDICTIONS="$(cd "$out" && pwd)" swift test --filter StoryClusteringTests.DevSetSplitTuning/testWritePredictions \
    > "$out/swift-test.log" 2>&1 || { tail -20 "$out/swift-test.log"; exit 1; }
gold=Tests/StoryClusteringTests/Fixtures/dev.jsonl
scorer="${SCORER:-../shared/tools/score_clusters.py}"
for order in ordered shuffled; do
    echo "== dev, $order"
    python3 "$scorer" "$out/pred-$order.jsonl" "$gold"
done
