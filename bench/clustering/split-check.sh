#!/bin/sh
# The half-split check behind the default settings: each line is a setting (join threshold, merge
# threshold, recency half-life, name boost) with B³ F1 on the first half of the dev stories, the second
# half and all, in published order and shuffled at one instant (mean of 8 shuffles).
#   bench/clustering/split-check.sh                       # default grid
#   NEWSWIRE_GRID="0.14,0.2,48,0.5;0.12,0.2,48,0.5" bench/clustering/split-check.sh
set -eu
cd "$(dirname "$0")/../.."
NEWSWIRE_TUNING=1 swift test --filter StoryClusteringTests.DevSetSplitTuning/testSweepOnBothHalves 2>&1 \
    | grep -E '^(join|[0-9])'
