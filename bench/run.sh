#!/usr/bin/env bash
# make bench: speed and memory of Newswire side by side with its peers, in one run (issue 4).
#
#   bench/run.sh [--quick] [--parse-only]
#
# 1. installs the peers (Debian: nginx, newsboat, time; a venv in bench/.venv with feedparser,
#    feedparser-rs, fastfeedparser, reader 3.26 and sgmllib3k) and builds newswired and
#    newswire-bench in release;
# 2. generates the corpus from the real snapshots in bench/corpus-seed/ (bench/generate_corpus.py:
#    1,000 feeds, about 70 MiB and 45,000 items, plus one 47 MiB feed) and serves it from nginx on
#    127.0.0.1 (ETag and Last-Modified, so an unchanged re-poll is all 304);
# 3. parse throughput, in process, on the same bytes: newswire-bench against feedparser,
#    feedparser-rs and fastfeedparser (bench/parse_peers.py); then identity + clustering on a generated
#    stream of 1,000,000 articles (newswire-cluster-bench: articles/s on one core, peak RSS);
# 4. the full poll (fetch, parse, dedup, cluster, store, events), first pass and unchanged re-poll,
#    each under /usr/bin/time -v: `newswired --once` against `newsboat -x reload` and reader's
#    update_feeds, all with the same concurrency;
# 5. the daemon idle after its first polls (bench/idle_probe.py): CPU and RSS;
# 6. prints one table to stdout and to bench/out/results.md.
#
# --quick: 100 feeds instead of 1,000 (everything else the same), a smoke test of a few minutes.
# --parse-only: steps 1-3 and the table only (no nginx, newsboat, newswired poll or idle daemon).
# Environment: BENCH_PORT (18931), BENCH_WORKERS (8: concurrent transfers of every tool),
# BENCH_IDLE_SECONDS (20). Everything generated goes under bench/out/ (git-ignored).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out
RESULTS=$OUT/results
VENV=$HERE/.venv
PORT=${BENCH_PORT:-18931}
WORKERS=${BENCH_WORKERS:-8}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-20}
MODE=full
FEEDS=1000
PARSE_ONLY=0

for argument in "$@"; do
    case $argument in
        --quick) MODE=quick; FEEDS=100 ;;
        --parse-only) PARSE_ONLY=1 ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$argument' (try --help)" >&2; exit 2 ;;
    esac
done

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
STARTED=$(date +%s)
say() { printf '==> [%4ds] %s\n' $(( $(date +%s) - STARTED )) "$*" >&2; }

# --- cleanup, even on failure -------------------------------------------------------------------
NGINX_PID=""
cleanup() {
    local status=$?
    for pid_file in "$OUT/run/idle.pid" "$OUT/run/daemon.pid"; do
        if [ -s "$pid_file" ]; then
            local pid
            pid=$(cat "$pid_file")
            if kill -0 "$pid" 2>/dev/null; then
                kill -TERM "$pid" 2>/dev/null || true
                for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
                kill -KILL "$pid" 2>/dev/null || true
            fi
            rm -f "$pid_file"
        fi
    done
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true   # graceful stop of the master and its workers
        for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$NGINX_PID" 2>/dev/null || true
    fi
    [ $status -eq 0 ] || echo "bench/run.sh: failed (status $status); logs are in $OUT" >&2
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$OUT/run" "$RESULTS"
rm -f "$RESULTS"/*.jsonl "$RESULTS"/*.json "$OUT/results.md"

# --- 1. peers and our binaries ------------------------------------------------------------------
say "installing the peers"
missing=""
packages="nginx newsboat time python3-venv"
[ "$PARSE_ONLY" = 0 ] || packages="python3-venv"
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    say "apt-get install:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
PEERS_PY="feedparser==6.0.14 feedparser-rs==0.7.1 fastfeedparser==0.6.5 reader==3.26 sgmllib3k==1.0.0"
if ! "$VENV/bin/python" -c "import feedparser, feedparser_rs, fastfeedparser, reader, sgmllib" 2>/dev/null; then
    say "creating $VENV ($PEERS_PY)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check $PEERS_PY
fi
PY=$VENV/bin/python

say "building newswired and newswire-bench (make release: as make install builds them)"
cd "$ROOT"
PRODUCTS="newswire-bench"
[ "$PARSE_ONLY" = 1 ] || PRODUCTS="newswired newswire-bench newswire-cluster-bench"
make --no-print-directory -s release RELEASE_PRODUCTS="$PRODUCTS" 2>&1 | tail -n 3 >&2
BIN=$ROOT/.build-release/release
NEWSWIRED=$BIN/newswired
NEWSWIRE_BENCH=$BIN/newswire-bench

# --- 2. corpus ---------------------------------------------------------------------------------
BASE_URL="http://127.0.0.1:$PORT/feeds/"
CORPUS=$OUT/corpus-$FEEDS
ANCHOR=$(date -u +%F)
stamp="$(cat "$HERE/generate_corpus.py" "$HERE"/corpus-seed/*.xml | sha256sum | cut -c1-16) $FEEDS $BASE_URL $ANCHOR"
if [ "$(cat "$CORPUS/stamp" 2>/dev/null)" != "$stamp" ]; then
    say "generating the corpus ($FEEDS feeds) in $CORPUS"
    python3 "$HERE/generate_corpus.py" --feeds "$FEEDS" --out "$CORPUS" --base-url "$BASE_URL" --anchor "$ANCHOR"
    echo "$stamp" > "$CORPUS/stamp"
else
    say "corpus up to date in $CORPUS"
fi
# What the table says about the run.
python3 - "$RESULTS/meta.json" "$CORPUS/manifest.json" "$MODE" "$FEEDS" "$WORKERS" <<'EOF'
import json, os, platform, subprocess, sys, datetime
path, manifest_path, mode, feeds, workers = sys.argv[1:6]
manifest = json.load(open(manifest_path))
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=20).stdout.strip().splitlines()[0]
    except Exception:
        return "?"
large = manifest.get("large") or {}
json.dump(dict(
    mode=mode, feeds=int(feeds), date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    machine=f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}",
    loadavg=open("/proc/loadavg").read().split()[:3],
    corpus=(f"{manifest['total_feeds']} feeds, {manifest['total_items']} items, {manifest['total_bytes'] / 2**20:.1f} MiB "
            f"({', '.join(f'{n} {k}' for k, n in manifest['formats'].items())}); large feed {large.get('items')} items, "
            f"{large.get('bytes', 0) / 2**20:.1f} MiB; seed {manifest['seed']}, items dated before {manifest['anchor']}"),
    concurrency=(f"{workers} transfers at once for every tool (newswired [http] max_concurrent = max_per_host = {workers}; "
                 f"newsboat reload-threads {workers}; reader update_feeds(workers={workers})); nginx 2 workers, no gzip"),
    peers=f"{version(['newsboat', '--version'])}; reader 3.26, feedparser 6.0.14, feedparser-rs 0.7.1, "
          f"fastfeedparser 0.6.5 (Python {platform.python_version()} venv)",
    notes=[], ), open(path, "w"))
EOF
note() {  # a line under the table
    python3 - "$RESULTS/meta.json" "$1" <<'EOF'
import json, sys
meta = json.load(open(sys.argv[1])); meta["notes"].append(sys.argv[2]); json.dump(meta, open(sys.argv[1], "w"))
EOF
}

# --- the table (printed at the end, or right after step 3 with --parse-only) ----------------------
print_table() {
    python3 - "$RESULTS/meta.json" <<'EOF'
import json, sys
meta = json.load(open(sys.argv[1])); meta["loadavg_end"] = open("/proc/loadavg").read().split()[:3]
meta["notes"].append(f"load average at the end: {' '.join(meta['loadavg_end'])} (the machine is shared: compare "
                     "within this run only)")
json.dump(meta, open(sys.argv[1], "w"))
EOF
    python3 "$HERE/benchlib.py" report "$RESULTS" | tee "$OUT/results.md"
    say "done in $(( $(date +%s) - STARTED )) s; table in $OUT/results.md, logs in $OUT"
}

# --- 3. parse throughput ------------------------------------------------------------------------
say "parse throughput: newswire-bench"
FEED_FILES=("$CORPUS"/feeds/*.xml)
SEED_FILES=("$HERE"/corpus-seed/*.xml)
{
    "$NEWSWIRE_BENCH" --label real --runs 10 --min-seconds 2 "${SEED_FILES[@]}"
    "$NEWSWIRE_BENCH" --label corpus --runs 3 --min-seconds 3 "${FEED_FILES[@]}"
    "$NEWSWIRE_BENCH" --label large --runs 3 --min-seconds 3 "$CORPUS/large/large.xml"
} >> "$RESULTS/parse.jsonl"
say "parse throughput: feedparser, feedparser-rs, fastfeedparser (feedparser takes a while)"
{
    "$PY" "$HERE/parse_peers.py" --label real --runs 5 --slow-runs 2 --min-seconds 2 "${SEED_FILES[@]}"
    "$PY" "$HERE/parse_peers.py" --label corpus --runs 3 --slow-runs 1 --min-seconds 3 "${FEED_FILES[@]}"
    "$PY" "$HERE/parse_peers.py" --label large --runs 3 --slow-runs 1 --min-seconds 3 "$CORPUS/large/large.xml"
} >> "$RESULTS/parse.jsonl"

if [ "$PARSE_ONLY" = 1 ]; then
    print_table
    exit 0
fi

# --- 3b. identity + clustering ------------------------------------------------------------------
# newswire-cluster-bench (bench/clustering/README.md): a generated stream at 1,000 articles/hour, with
# summaries, 1,000,000 articles (200,000 with --quick); articles/s per CPU-second of the thread and peak RSS.
CLUSTER_ARTICLES=1000000
[ "$MODE" = quick ] && CLUSTER_ARTICLES=200000
say "identity + clustering: $CLUSTER_ARTICLES generated articles"
"$BIN/newswire-cluster-bench" --articles "$CLUSTER_ARTICLES" > "$RESULTS/clustering.jsonl" 2> "$OUT/clustering.log"
say "      $(tail -n 1 "$OUT/clustering.log")"

# --- 4. the full poll, against nginx serving the corpus -----------------------------------------
CONFIG=$OUT/config
rm -rf "$CONFIG"
python3 "$HERE/benchlib.py" configs "$CORPUS/manifest.json" "$BASE_URL" "$CONFIG" "$WORKERS"

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "bench/run.sh: port $PORT on 127.0.0.1 is taken; set BENCH_PORT" >&2
    exit 1
fi
NGINX=$OUT/nginx
rm -rf "$NGINX"
mkdir -p "$NGINX/tmp"
chmod o+rx "$OUT" "$CORPUS" "$CORPUS/feeds" 2>/dev/null || true   # nginx's workers run as nobody
sed -e "s|@PORT@|$PORT|g; s|@CORPUS@|$CORPUS|g; s|@PREFIX@|$NGINX|g" "$HERE/nginx.conf.in" > "$NGINX/nginx.conf"
say "starting nginx on 127.0.0.1:$PORT"
nginx -p "$NGINX" -c "$NGINX/nginx.conf" -e "$NGINX/error.log" &
NGINX_PID=$!
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NGINX/error.log" >&2; exit 1; }
    sleep 0.1
done
ACCESS_LOG=$NGINX/access.log

POLL=$OUT/poll
rm -rf "$POLL"
mkdir -p "$POLL/newswired-state" "$POLL/newsboat-home"
# Runs one poll under /usr/bin/time -v and appends its record: poll TOOL PASS STORED_KIND STORED_PATH -- COMMAND...
poll() {
    local tool=$1 pass=$2 kind=$3 stored_path=$4
    shift 5
    local name=$tool-$pass before status
    before=$(wc -l < "$ACCESS_LOG")
    say "poll: $tool, $pass"
    set +e
    /usr/bin/time -v -o "$POLL/$name.time" "$@" > "$POLL/$name.log" 2>&1
    status=$?
    set -e
    sleep 0.2   # let nginx finish writing its access log lines
    tail -n "+$((before + 1))" "$ACCESS_LOG" > "$POLL/$name.access"
    local stored
    stored=$(python3 "$HERE/benchlib.py" stored "$kind" "$stored_path")
    python3 "$HERE/benchlib.py" poll-record "$tool" "$pass" "$POLL/$name.time" "$POLL/$name.access" "$stored" \
        "$status" >> "$RESULTS/poll.jsonl"
    say "      $(tail -n 1 "$RESULTS/poll.jsonl")"
}
DAEMON_ARGS=(--once --config "$CONFIG/newswired.toml" --state-directory "$POLL/newswired-state"
             --socket "$OUT/run/poll.sock")
NEWSBOAT_ARGS=(-x reload -u "$CONFIG/urls.txt" -c "$POLL/newsboat-cache.db" -C "$CONFIG/newsboat.conf")
READER_ARGS=("$HERE/reader_poll.py" "$POLL/reader.sqlite" "$CONFIG/urls.txt" "$WORKERS")
DAEMON_DB=$POLL/newswired-state/newswire.sqlite3

poll newswired first newswired "$DAEMON_DB" -- "$NEWSWIRED" "${DAEMON_ARGS[@]}"
poll newsboat first newsboat "$POLL/newsboat-cache.db" -- env HOME="$POLL/newsboat-home" newsboat "${NEWSBOAT_ARGS[@]}"
poll reader first reader "$POLL/reader-first.log" -- "$PY" "${READER_ARGS[@]}"
poll newswired repoll newswired "$DAEMON_DB" -- "$NEWSWIRED" "${DAEMON_ARGS[@]}"
# newsboat stores a feed's ETag and Last-Modified only from its second download on (its first pass
# inserts the feed after the update that would have saved them), so its second pass downloads
# everything again; its third is the unchanged re-poll.
poll newsboat second newsboat "$POLL/newsboat-cache.db" -- env HOME="$POLL/newsboat-home" newsboat "${NEWSBOAT_ARGS[@]}"
poll newsboat repoll newsboat "$POLL/newsboat-cache.db" -- env HOME="$POLL/newsboat-home" newsboat "${NEWSBOAT_ARGS[@]}"
poll reader repoll reader "$POLL/reader-repoll.log" -- "$PY" "${READER_ARGS[@]}"
note "newsboat 2.21 saves ETag/Last-Modified only from a feed's second download on, so its re-poll is its third pass (the second downloads everything again; shown for completeness)"
note "reader is run with update_feeds(scheduled=False): by default it skips feeds updated within the hour"
note "newswired's events go to stderr (a file) here, not to journald: there is no journal outside systemd"

# --- 5. the daemon idle -------------------------------------------------------------------------
IDLE=$OUT/idle
rm -rf "$IDLE"
mkdir -p "$IDLE/state"
say "idle: newswired as a service on the same feeds; waiting for its first polls (kept 0.2 s apart: about $((FEEDS / 5)) s), then ${IDLE_SECONDS} s of idleness, and RSS again after a quiet minute"
if ! python3 "$HERE/idle_probe.py" --pid-file "$OUT/run/idle.pid" --out "$RESULTS/idle.json" --log "$IDLE/newswired.log" \
        --sample-seconds "$IDLE_SECONDS" --timeout $((FEEDS / 5 + 300)) -- \
        "$NEWSWIRED" --config "$CONFIG/newswired-idle.toml" --state-directory "$IDLE/state" --socket "$OUT/run/idle.sock" \
        2> "$IDLE/probe.log"; then
    python3 - "$RESULTS/idle.json" "$IDLE/probe.log" <<'EOF'
import json, os, sys
path, log = sys.argv[1:3]
data = json.load(open(path)) if os.path.exists(path) else {}
lines = [line.strip() for line in open(log) if line.strip()]
data["idle_cpu_percent"] = None
data["error"] = lines[-1] if lines else "idle_probe.py failed"
json.dump(data, open(path, "w"))
EOF
fi

# --- 6. the table -------------------------------------------------------------------------------
print_table
