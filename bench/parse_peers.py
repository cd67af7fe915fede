#!/usr/bin/env python3
"""Parse throughput of the Python peers on files held in memory (the same bytes newswire-bench reads).

    parse_peers.py [--label NAME] [--runs N] [--min-seconds S] [--max-runs N] [--parsers a,b] FILE...

For each parser: timed passes over all files (time.perf_counter, monotonic; the first pass also
counts items and failures) until at least --runs passes and --min-seconds; the best pass is the
figure. Prints one JSON line per parser on stdout, in the same shape as newswire-bench.
"""

import argparse
import gc
import json
import os
import statistics
import sys
import time


def make_parsers():
    import fastfeedparser
    import feedparser
    import feedparser_rs

    # The large feed has more entries than feedparser-rs accepts by default (10,000).
    limits = feedparser_rs.ParserLimits(max_entries=10_000_000, max_feed_size_bytes=1 << 30)

    def rs(data):
        return feedparser_rs.parse_with_limits(data, limits=limits)

    return {
        # Sanitizes HTML and resolves relative URIs by default, as we do.
        "feedparser": (feedparser.parse, lambda result: len(result.entries), lambda result: bool(result.bozo)
                       and not result.entries),
        # Sanitizes HTML by default (sanitize_html=True).
        "feedparser-rs": (rs, lambda result: len(result.entries), lambda result: False),
        # Does not sanitize HTML.
        "fastfeedparser": (fastfeedparser.parse, lambda result: len(result.entries), lambda result: False),
    }


def run(name, parse, count, failed, documents, label, runs, min_seconds, max_runs):
    # Every pass is timed; the first also counts items and failures (len() of a list costs nothing
    # next to a parse), so that feedparser, which takes tens of seconds a pass, needs only one.
    items = failures = 0
    durations = []
    while len(durations) < max_runs and (len(durations) < runs or sum(durations) < min_seconds):
        first = not durations
        start = time.perf_counter()
        for data in documents:
            try:
                result = parse(data)
                if first:
                    items += count(result)
                    failures += 1 if failed(result) else 0
            except Exception:  # a peer that refuses a document counts it as failed
                failures += 1 if first else 0
        durations.append(time.perf_counter() - start)
        result = None
        gc.collect()
    size = sum(len(data) for data in documents)
    best, median = min(durations), statistics.median(durations)
    mib = size / 1048576
    record = dict(tool=name, set=label, files=len(documents), bytes=size, items=items, errors=failures,
                  runs=len(durations), best_s=best, median_s=median, mib_s=mib / best, mib_s_median=mib / median,
                  items_s=items / best, items_s_median=items / median)
    print(json.dumps(record), flush=True)
    print(f"{name} {label}: {len(documents)} files, {mib:.1f} MiB, {items} items, {failures} failed; best of "
          f"{len(durations)}: {mib / best:.1f} MiB/s, {items / best:.0f} items/s (median {mib / median:.1f} MiB/s)",
          file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="files")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--min-seconds", type=float, default=2.0)
    parser.add_argument("--max-runs", type=int, default=200)
    parser.add_argument("--parsers", default="feedparser,feedparser-rs,fastfeedparser")
    parser.add_argument("--slow-runs", type=int, default=None,
                        help="runs for feedparser, which is about 50 times slower (default: --runs)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    documents = []
    for path in args.files:
        with open(path, "rb") as handle:
            documents.append(handle.read())
    available = make_parsers()
    for name in args.parsers.split(","):
        parse, count, failed = available[name]
        runs = args.slow_runs if name == "feedparser" and args.slow_runs is not None else args.runs
        min_seconds = 0 if name == "feedparser" else args.min_seconds
        run(name, parse, count, failed, documents, args.label, runs, min_seconds, max(runs, args.max_runs))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
