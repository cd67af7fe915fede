#!/usr/bin/env python3
"""Helpers of bench/run.sh (standard library only).

    benchlib.py poll-record TOOL PASS TIME_FILE ACCESS_LOG_SLICE STORED EXIT_STATUS   -> one JSON line on stdout
    benchlib.py stored newswired|newsboat|reader PATH                                -> items stored, on stdout
    benchlib.py http-count ACCESS_LOG_SLICE                                          -> e.g. "1000x200"
    benchlib.py configs MANIFEST BASE_URL OUT_DIR WORKERS                            -> the tools' configurations
    benchlib.py report RESULTS_DIR                                                   -> the table (Markdown)
"""

import json
import os
import re
import sqlite3
import sys
from collections import Counter

# --- /usr/bin/time -v ----------------------------------------------------------------------------


def read_time_file(path):
    """Wall, user and system seconds and peak RSS from GNU time's -v report."""
    values = {}
    with open(path, errors="replace") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("User time (seconds):"):
                values["user_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("System time (seconds):"):
                values["sys_s"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("Maximum resident set size (kbytes):"):
                values["max_rss_kib"] = int(line.rsplit(":", 1)[1])
            elif line.startswith("Elapsed (wall clock) time"):
                clock = line.split("):", 1)[1].strip().split(":")
                seconds = 0.0
                for part in clock:
                    seconds = seconds * 60 + float(part)
                values["wall_s"] = seconds
    return values


def http_counts(path):
    """Requests by status, and how many connections carried them (key "connections")."""
    counts = Counter()
    connections = set()
    if os.path.exists(path):
        with open(path, errors="replace") as handle:
            for line in handle:
                status = line.split(" ", 1)[0]
                if status.isdigit():
                    counts[status] += 1
                    connections.add(line.rsplit(" ", 1)[-1].strip())
    result = dict(sorted(counts.items()))
    if connections:
        result["connections"] = len(connections)
    return result


def http_text(counts):
    statuses = ", ".join(f"{count}x{status}" for status, count in counts.items() if status != "connections")
    if not statuses:
        return "no requests"
    return statuses + (f" over {counts['connections']} connections" if "connections" in counts else "")


def stored(tool, path):
    if tool == "newswired":
        database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        articles = database.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = database.execute("SELECT count(*) FROM events").fetchone()[0]
        stories = database.execute("SELECT count(*) FROM stories").fetchone()[0]
        return f"{articles} articles, {stories} stories, {events} events"
    if tool == "newsboat":
        database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return f"{database.execute('SELECT count(*) FROM rss_item').fetchone()[0]} items"
    if tool == "reader":
        with open(path) as handle:
            lines = [line for line in handle if line.startswith("{")]
        if not lines:
            return "?"
        data = json.loads(lines[-1])
        return f"{data['entries']} entries" + (f", {data['failing']} feeds failing" if data["failing"] else "")
    raise SystemExit(f"unknown tool {tool}")


# --- configurations ------------------------------------------------------------------------------

FAMILY_NAMES = {
    "aljazeera": "Al Jazeera English", "bbc": "BBC News", "bbc-chinese": "BBC Chinese", "bbc-ukrainian": "BBC Ukrainian",
    "cnn": "CNN", "dw-chinese": "DW Chinese", "dw-ukrainian": "DW Ukrainian", "france24": "France 24",
    "guardian": "The Guardian", "indiatoday": "India Today", "lemonde": "Le Monde", "npr": "NPR",
    "nyt": "The New York Times", "timesofindia": "Times of India", "wsj": "The Wall Street Journal",
}


def write_configs(manifest_path, base_url, out_dir, workers):
    """urls.txt (newsboat, reader), newsboat.conf, newswired.toml (--once runs) and newswired-idle.toml.

    One outlet per real outlet the feeds imitate (15 outlets, tens of feeds each), so that cross-outlet
    clustering has something to do. Every feed is on 127.0.0.1, so the per-host cap is raised to the
    overall cap: with the default of 2 the daemon would fetch 2 feeds at a time while the peers fetch WORKERS.
    """
    with open(manifest_path) as handle:
        manifest = json.load(handle)
    os.makedirs(out_dir, exist_ok=True)
    urls = [base_url + feed["file"] for feed in manifest["feeds"]]
    with open(os.path.join(out_dir, "urls.txt"), "w") as handle:
        handle.write("".join(url + "\n" for url in urls))
    with open(os.path.join(out_dir, "newsboat.conf"), "w") as handle:
        handle.write(f"# newsboat for make bench: {workers} parallel downloads, keep every item.\n"
                     f"reload-threads {workers}\nmax-items 0\ndownload-timeout 60\ndownload-retries 1\n"
                     "show-read-feeds yes\ncleanup-on-quit no\nsuppress-first-reload no\n")
    outlets = {}
    for feed in manifest["feeds"]:
        outlets.setdefault(feed["outlet"], []).append(base_url + feed["file"])

    def toml(extra_top, extra_polling):
        lines = ["# newswired for make bench (generated by bench/benchlib.py)."]
        lines += extra_top
        if extra_polling:
            lines += ["", "[polling]"] + extra_polling
        lines += ["", "[http]", f"max_concurrent = {workers}",
                  f"# All feeds are on 127.0.0.1: the per-host cap (default 2) is raised to the overall cap.",
                  f"max_per_host = {workers}", 'timeout = "60s"']
        for outlet in sorted(outlets):
            lines += ["", f"[outlets.bench-{outlet}]", f'name = "{FAMILY_NAMES.get(outlet, outlet)} (bench)"',
                      "feeds = ["] + [f'  "{url}",' for url in outlets[outlet]] + ["]"]
        return "\n".join(lines) + "\n"

    with open(os.path.join(out_dir, "newswired.toml"), "w") as handle:
        handle.write(toml([], []))
    with open(os.path.join(out_dir, "newswired-idle.toml"), "w") as handle:
        handle.write(toml(['# Long intervals: after its first polls the daemon has nothing to do for hours.',
                           'interval = "2h"'],
                          ['min_interval = "2h"', 'max_interval = "4h"',
                           '# First polls as early as the daemon allows (it still keeps them 0.2 s apart).',
                           'startup_window = "1s"']))


# --- the table ------------------------------------------------------------------------------------


def load_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip().startswith("{")]


def fmt(value, digits=1):
    if value is None:
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(value):
    return "n/a" if value is None else (f"{value:.2f}x" if value < 10 else f"{value:.0f}x")


def verdict(ok):
    return "met" if ok else "NOT met"


def report(results):
    meta = {}
    if os.path.exists(os.path.join(results, "meta.json")):
        with open(os.path.join(results, "meta.json")) as handle:
            meta = json.load(handle)
    parse = load_jsonl(os.path.join(results, "parse.jsonl"))
    polls = load_jsonl(os.path.join(results, "poll.jsonl"))
    idle = None
    if os.path.exists(os.path.join(results, "idle.json")):
        with open(os.path.join(results, "idle.json")) as handle:
            idle = json.load(handle)

    rows = []  # (section, tool, metric, value, ratio, note)
    verdicts = []
    set_names = {"real": "real snapshots", "corpus": "generated feeds", "large": "large feed"}
    for set_name in ("real", "corpus", "large"):
        entries = {entry["tool"]: entry for entry in parse if entry["set"] == set_name}
        ours = entries.get("newswire")
        if not entries:
            continue
        first = next(iter(entries.values()))
        section = (f"parse: {set_names[set_name]} ({first['files']} files, {first['bytes'] / 2**20:.1f} MiB)")
        for tool in ("newswire", "fastfeedparser", "feedparser-rs", "feedparser"):
            entry = entries.get(tool)
            if entry is None:
                continue
            speedup = ours["mib_s"] / entry["mib_s"] if ours and tool != "newswire" else None
            note = f"{entry['items']} items, {entry['errors']} failed, best of {entry['runs']}"
            note += f", median {fmt(entry['mib_s_median'])} MiB/s"
            rows.append((section, tool, "MiB/s", fmt(entry["mib_s"]), ratio(speedup) if speedup else "", note))
            rows.append((section, tool, "items/s", fmt(entry["items_s"]), "", ""))
        if ours and "feedparser" in entries and "fastfeedparser" in entries:
            vs_feedparser = ours["mib_s"] / entries["feedparser"]["mib_s"]
            vs_fast = ours["mib_s"] / entries["fastfeedparser"]["mib_s"]
            verdicts.append(f"parse, {set_names[set_name]}: {vs_feedparser:.0f}x feedparser (target >= 50x: "
                            f"{verdict(vs_feedparser >= 50)}), {vs_fast:.2f}x fastfeedparser (target > 1x: "
                            f"{verdict(vs_fast > 1)})")

    by_key = {(entry["tool"], entry["pass"]): entry for entry in polls}
    pass_names = {"first": "first pass", "repoll": "re-poll (unchanged)", "second": "2nd pass (newsboat re-downloads)"}
    for pass_name in ("first", "second", "repoll"):
        tools = [tool for tool in ("newswired", "newsboat", "reader") if (tool, pass_name) in by_key]
        if not tools:
            continue
        ours = by_key.get(("newswired", pass_name))
        section = f"poll {meta.get('feeds', '?')} feeds: {pass_names[pass_name]}"
        for tool in tools:
            entry = by_key[(tool, pass_name)]
            faster = (entry["wall_s"] / ours["wall_s"]) if ours and tool != "newswired" and ours.get("wall_s") else None
            cpu = entry["user_s"] + entry["sys_s"]
            cheaper = ((cpu / (ours["user_s"] + ours["sys_s"])) if ours and tool != "newswired"
                       and ours["user_s"] + ours["sys_s"] > 0 else None)
            smaller = (entry["max_rss_kib"] / ours["max_rss_kib"]) if ours and tool != "newswired" else None
            status = "" if entry["exit"] == 0 else f"exit status {entry['exit']}; "
            rows.append((section, tool, "wall s", fmt(entry["wall_s"], 2), ratio(faster) if faster else "",
                         f"{status}HTTP {http_text(entry['http'])}; {entry['stored']}"))
            rows.append((section, tool, "CPU s (user+sys)", f"{fmt(cpu, 2)} ({fmt(entry['user_s'], 2)}+"
                         f"{fmt(entry['sys_s'], 2)})", ratio(cheaper) if cheaper else "", ""))
            rows.append((section, tool, "peak RSS MiB", fmt(entry["max_rss_kib"] / 1024), ratio(smaller) if smaller
                         else "", ""))
        peers = [by_key[(tool, pass_name)] for tool in ("newsboat", "reader") if (tool, pass_name) in by_key]
        requests = sum(count for status, count in ours["http"].items() if status != "connections") if ours else 0
        if ours and pass_name in ("first", "repoll") and (ours["exit"] != 0 or requests < meta.get("feeds", 0)):
            verdicts.append(f"poll, {pass_names[pass_name]}: NOT VALID: newswired exited with status {ours['exit']} "
                            f"after {requests} HTTP requests for {meta.get('feeds', '?')} feeds (see "
                            f"bench/out/poll/newswired-{pass_name}.log)")
        elif ours and peers and pass_name in ("first", "repoll"):
            best = min(peers, key=lambda entry: entry["wall_s"])
            speedup = best["wall_s"] / ours["wall_s"]
            target = 5 if pass_name == "first" else 3
            lowest_peer_rss = min(entry["max_rss_kib"] for entry in peers)
            verdicts.append(
                f"poll, {pass_names[pass_name]}: {speedup:.2f}x the faster peer ({best['tool']}, "
                f"{best['wall_s']:.2f} s vs {ours['wall_s']:.2f} s; target >= {target}x: {verdict(speedup >= target)}); "
                f"peak RSS {ours['max_rss_kib'] / 1024:.1f} MiB vs the peers' lowest {lowest_peer_rss / 1024:.1f} MiB "
                f"(target below both: {verdict(ours['max_rss_kib'] < lowest_peer_rss)})"
                + ("" if ours["exit"] == 0 else f"; newswired exited with status {ours['exit']}"))

    for entry in load_jsonl(os.path.join(results, "clustering.jsonl")):
        section = f"identity + clustering, one thread ({entry['stream']})"
        rate = entry["identity_clustering_per_cpu_second"]
        rows.append((section, "newswire", "articles/s", fmt(rate), "",
                     f"{entry['articles']} articles; per CPU-second of the thread "
                     f"({fmt(entry['identity_clustering_per_wall_second'])} per wall second); clustering alone "
                     f"{fmt(entry['clustering_per_cpu_second'])}/s, identity alone {fmt(entry['identity_per_cpu_second'])}/s"))
        rows.append((section, "newswire", "peak RSS MiB", fmt(entry["peak_rss_mib"]), "", "whole process"))
        verdicts.append(f"identity + clustering ({entry['stream']}): {rate:.0f} articles/s on one core (target >= "
                        f"50,000: {verdict(rate >= 50_000)}), peak RSS {entry['peak_rss_mib']:.1f} MiB over "
                        f"{entry['articles']} articles")

    if idle:
        section = f"daemon idle ({idle.get('idle_seconds', '?')} s after the first polls)"
        if idle.get("idle_cpu_percent") is not None:
            rows.append((section, "newswired", "CPU %", f"{idle['idle_cpu_percent']:.2f}", "",
                         f"{idle['idle_cpu_ticks']} ticks; {idle['idle_wakeups_per_s']} context switches/s over "
                         f"{idle['threads']} threads; {idle.get('status_messages_while_idle', 0)} status changes"))
            parts = idle.get("memory_kib", {})
            split = (f" (anonymous {parts['RssAnon'] * 1024 / 1e6:.1f}, file-backed {parts['RssFile'] * 1024 / 1e6:.1f})"
                     if "RssAnon" in parts and "RssFile" in parts else "")
            rows.append((section, "newswired", "RSS MB (idle)", f"{idle['idle_rss_kib_max'] * 1024 / 1e6:.1f}", "",
                         f"{split.strip()} peak during the first polls {idle['peak_rss_first_poll_kib'] * 1024 / 1e6:.1f}"
                         f" MB; first polls done after {idle['first_polls_done_s']} s; {idle['last_status']}"))
            rss_mb = idle["idle_rss_kib_max"] * 1024 / 1e6
            held = f"{rss_mb:.1f} MB in its first idle seconds (clustering window in memory)"
            if idle.get("released_rss_kib_max") is not None:
                parts = idle.get("released_memory_kib", {})
                split = (f"anonymous {parts['RssAnon'] * 1024 / 1e6:.1f}, file-backed {parts['RssFile'] * 1024 / 1e6:.1f}; "
                         if "RssAnon" in parts and "RssFile" in parts else "")
                released_mb = idle["released_rss_kib_max"] * 1024 / 1e6
                rows.append((section, "newswired", f"RSS MB (idle {idle['released_after_s']:.0f} s)",
                             f"{released_mb:.1f}", "",
                             f"{split}window and database caches released after a quiet minute; "
                             f"{idle['released_cpu_ticks_total']} CPU ticks since the idle window began"))
                verdicts.append(f"idle: CPU {idle['idle_cpu_percent']:.2f} % (target about 0: "
                                f"{verdict(idle['idle_cpu_percent'] < 0.5)}), RSS {released_mb:.1f} MB after a quiet "
                                f"minute (target < 30 MB: {verdict(released_mb < 30)}); {held}")
            else:
                verdicts.append(f"idle: CPU {idle['idle_cpu_percent']:.2f} % (target about 0: "
                                f"{verdict(idle['idle_cpu_percent'] < 0.5)}), RSS {rss_mb:.1f} MB (target < 30 MB: "
                                f"{verdict(rss_mb < 30)})")
        else:
            rows.append((section, "newswired", "state", "failed", "", idle.get("error", "")))
            verdicts.append(f"idle: not measured ({idle.get('error', 'see bench/out/idle')})")

    out = []
    out.append(f"# Newswire benchmark ({meta.get('mode', 'full')} run, {meta.get('date', '')})")
    out.append("")
    if meta:
        out.append(f"Machine: {meta.get('machine', '')}. Load average at start: {meta.get('loadavg', '?')}.")
        out.append(f"Corpus: {meta.get('corpus', '')}.")
        out.append(f"Concurrency: {meta.get('concurrency', '')}.")
        out.append(f"Peers: {meta.get('peers', '')}.")
        out.append("")
    out.append("Ratio: how many times better newswire is than that tool (its time or RSS divided by ours; for "
               "parsing, our MiB/s divided by its).")
    out.append("")
    out.append("| section | tool | metric | value | newswire vs tool | notes |")
    out.append("|---|---|---|---|---|---|")
    previous = None
    for section, tool, metric, value, factor, note in rows:
        out.append(f"| {section if section != previous else ''} | {tool} | {metric} | {value} | {factor} | {note} |")
        previous = section
    out.append("")
    out.append("Targets:")
    out.extend(f"- {line}" for line in verdicts)
    for line in meta.get("notes", []):
        out.append(f"- note: {line}")
    return "\n".join(out) + "\n"


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "poll-record":
        tool, pass_name, time_file, access_slice, stored_text, exit_status = sys.argv[2:8]
        record = dict(tool=tool, **{"pass": pass_name}, **read_time_file(time_file),
                      http=http_counts(access_slice), stored=stored_text, exit=int(exit_status))
        for key in ("wall_s", "user_s", "sys_s", "max_rss_kib"):
            record.setdefault(key, None)
        print(json.dumps(record))
    elif command == "stored":
        try:
            print(stored(sys.argv[2], sys.argv[3]))
        except Exception as error:  # a tool that stored nothing readable
            print(f"nothing readable stored ({error})")
    elif command == "http-count":
        print(http_text(http_counts(sys.argv[2])))
    elif command == "configs":
        write_configs(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif command == "report":
        sys.stdout.write(report(sys.argv[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
