#!/usr/bin/env bash
# A focused measurement of newswired's full poll alone (no peers): what `make bench` measures in its
# "poll" rows, in about a minute instead of eleven.
#
#   bench/poll.sh [--feeds N] [--no-build] [--binary PATH] [--callgrind] [-- WRAPPER...]
#
# Builds newswired as bench/run.sh does (`make release`), generates the corpus of N
# feeds (default 1000) if it is missing, serves it from nginx on 127.0.0.1:$BENCH_PORT (18931), and
# runs `newswired --once` twice under /usr/bin/time -v on a fresh state folder: the first pass and
# the unchanged re-poll (all 304). Prints one line per pass (wall, user+sys CPU, peak RSS, events)
# and keeps the records and logs in bench/out/poll-N/.
# --binary PATH: runs that newswired instead of building one (say, a copy built from another
#   commit, to compare two builds back to back on the same machine load).
# --callgrind: under valgrind's callgrind (instruction counts, repeatable on a shared machine), on a
#   copy without debug info (valgrind cannot read the static build's); leaves callgrind.first and
#   callgrind.repoll in bench/out/poll-N/ for callgrind_annotate. About 2 minutes for 200 feeds.
# -- WRAPPER...: runs the daemon inside another command, e.g. `-- perf record -g -o FILE`.
# Environment: BENCH_PORT, BENCH_WORKERS (8), as for bench/run.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out
PORT=${BENCH_PORT:-18931}
WORKERS=${BENCH_WORKERS:-8}
FEEDS=1000
BUILD=1
BINARY=
CALLGRIND=0
WRAPPER=()
while [ $# -gt 0 ]; do
    case $1 in
        --feeds) FEEDS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --binary) BINARY=$2; BUILD=0; shift 2 ;;
        --callgrind) CALLGRIND=1; shift ;;
        --) shift; WRAPPER=("$@"); break ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/poll.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done

cd "$ROOT"
if [ $BUILD = 1 ]; then
    make --no-print-directory -s release RELEASE_PRODUCTS=newswired 2>&1 | tail -n 1 >&2
fi
NEWSWIRED=${BINARY:-$ROOT/.build-release/release/newswired}
if ! command -v nginx > /dev/null; then
    echo "bench/poll.sh: nginx is not installed (apt-get install nginx-light)" >&2
    exit 1
fi

BASE_URL="http://127.0.0.1:$PORT/feeds/"
CORPUS=$OUT/corpus-$FEEDS
ANCHOR=$(date -u +%F)
stamp="$(cat "$HERE/generate_corpus.py" "$HERE"/corpus-seed/*.xml | sha256sum | cut -c1-16) $FEEDS $BASE_URL $ANCHOR"
if [ "$(cat "$CORPUS/stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating the corpus ($FEEDS feeds) in $CORPUS" >&2
    python3 "$HERE/generate_corpus.py" --feeds "$FEEDS" --out "$CORPUS" --base-url "$BASE_URL" --anchor "$ANCHOR"
    echo "$stamp" > "$CORPUS/stamp"
fi
RUN=$OUT/poll-$FEEDS
rm -rf "$RUN"
mkdir -p "$RUN/nginx/tmp" "$RUN/state"
python3 "$HERE/benchlib.py" configs "$CORPUS/manifest.json" "$BASE_URL" "$RUN/config" "$WORKERS"

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "bench/poll.sh: port $PORT on 127.0.0.1 is taken; set BENCH_PORT" >&2
    exit 1
fi
chmod o+rx "$OUT" "$CORPUS" "$CORPUS/feeds" 2>/dev/null || true
sed -e "s|@PORT@|$PORT|g; s|@CORPUS@|$CORPUS|g; s|@PREFIX@|$RUN/nginx|g" "$HERE/nginx.conf.in" > "$RUN/nginx/nginx.conf"
nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" -e "$RUN/nginx/error.log" &
NGINX_PID=$!
trap 'kill -QUIT $NGINX_PID 2>/dev/null || true; wait $NGINX_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.1
done

if [ $CALLGRIND = 1 ]; then
    objcopy --strip-debug "$NEWSWIRED" "$RUN/newswired"
    NEWSWIRED=$RUN/newswired
fi
for pass in first repoll; do
    [ $CALLGRIND = 1 ] && WRAPPER=(valgrind --tool=callgrind "--callgrind-out-file=$RUN/callgrind.$pass")
    set +e
    /usr/bin/time -v -o "$RUN/$pass.time" "${WRAPPER[@]}" "$NEWSWIRED" --once --config "$RUN/config/newswired.toml" \
        --state-directory "$RUN/state" --socket "$RUN/poll.sock" > "$RUN/$pass.log" 2>&1
    status=$?
    set -e
    python3 - "$RUN/$pass.time" "$RUN/$pass.log" "$pass" "$status" <<'EOF'
import re, sys
time_path, log_path, name, status = sys.argv[1:5]
fields = dict(line.strip().split(": ", 1) for line in open(time_path) if ": " in line)
wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
seconds = sum(float(part) * 60 ** index for index, part in enumerate(reversed(wall)))
user, system = float(fields["User time (seconds)"]), float(fields["System time (seconds)"])
rss = int(fields["Maximum resident set size (kbytes)"]) / 1024
events = sum(1 for line in open(log_path, errors="replace") if re.search(r"\(#\d+\)$", line.rstrip()))
print(f"{name:7} wall {seconds:6.2f} s  cpu {user + system:6.2f} s (user {user:.2f}, sys {system:.2f})  "
      f"peak RSS {rss:6.1f} MiB  events {events}  exit {status}")
EOF
done
