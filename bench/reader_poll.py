#!/usr/bin/env python3
"""One poll of every feed with `reader` (the peer), as bench/run.sh times it.

    reader_poll.py DB URLS_FILE WORKERS

Adds the feeds that are not in DB yet (the first pass), then `update_feeds(workers=WORKERS,
scheduled=False)`
(reader fetches and parses in WORKERS threads and stores in the calling thread, with conditional
GETs from the second pass on). Prints one JSON line: feeds, entries stored, feeds in error.
"""

import json
import sys

from reader import make_reader


def main():
    database, urls_file, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(urls_file) as handle:
        urls = [line.strip() for line in handle if line.strip()]
    reader = make_reader(database)
    for url in urls:
        reader.add_feed(url, exist_ok=True)
    # scheduled=False: poll every feed now (by default reader skips feeds polled within the hour).
    reader.update_feeds(workers=workers, scheduled=False)
    failing = sum(1 for feed in reader.get_feeds() if feed.last_exception is not None)
    counts = reader.get_entry_counts()
    print(json.dumps(dict(feeds=len(urls), entries=counts.total, failing=failing)))
    reader.close()
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
