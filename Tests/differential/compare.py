#!/usr/bin/env python3
"""Compares Newswire's `ParseReport` JSON with Python feedparser's view of the same documents.

Usage: compare.py DOCS_DIR OURS_DIR [DOCS_DIR OURS_DIR ...] [--show N] [--field FIELD]

DOCS_DIR holds the feed documents; OURS_DIR holds, for each document at relative path P, our JSON
at P + ".json" (written by ParseDumpTests). feedparser's result is mapped to the same shape:

  format   rss090/rss10 -> "rdf", rss* -> "rss", atom* -> "atom", json* -> "json", else null
  title, link, items[].id/title/link/summary  as feedparser gives them, text fields made clean
           text (tags dropped, block tags leave a space, entities decoded, white space folded)
  published/updated  *_parsed as YYYY-MM-DDTHH:MM:SSZ (entry.get('updated_parsed') falls back
           to published, as feedparser itself does)
  authors  the `name` of each entry in entry.authors that has one
  error    non-null when feedparser read no version and no entries from a bozo document

A document agrees when every field agrees (error compared as null/non-null only).
"""
import html
import html.parser
import json
import os
import sys
import time
import warnings

import feedparser

warnings.simplefilter("ignore")

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "img",
    "video", "audio", "iframe", "body", "html", "center", "option", "select", "textarea",
}
SKIP_TAGS = {"script", "style"}


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def clean(value):
    if value is None:
        return None
    parser = _Text()
    parser.feed(value)
    parser.close()
    return " ".join("".join(parser.parts).split())


def stamp(parsed):
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def feedparser_view(path):
    try:
        d = feedparser.parse(path)
    except Exception as error:  # feedparser itself crashes on a few hostile documents
        return {"format": None, "title": None, "link": None, "items": [], "error": repr(error)}
    version = d.get("version") or ""
    if version in ("rss090", "rss10"):
        fmt = "rdf"
    elif version.startswith("rss"):
        fmt = "rss"
    elif version.startswith("atom"):
        fmt = "atom"
    elif version.startswith("json"):
        fmt = "json"
    else:
        fmt = None
    items = []
    for e in d.entries:
        items.append({
            "id": e.get("id"),
            "title": clean(e.get("title")),
            "link": e.get("link"),
            "published": stamp(e.get("published_parsed")),
            "updated": stamp(e.get("updated_parsed")),
            "summary": clean(e.get("summary")),
            "authors": [a.get("name") for a in e.get("authors", []) if a.get("name")],
        })
    error = None
    if d.get("bozo") and not d.entries and not fmt:
        error = str(d.get("bozo_exception"))
    return {"format": fmt, "title": clean(d.feed.get("title")), "link": d.feed.get("link"),
            "items": items, "error": error}


def differences(ours, theirs):
    diffs = []
    for key in ("format", "title", "link"):
        if ours.get(key) != theirs.get(key):
            diffs.append((key, ours.get(key), theirs.get(key)))
    if (ours.get("error") is None) != (theirs.get("error") is None):
        diffs.append(("error", ours.get("error"), theirs.get("error")))
    a, b = ours.get("items", []), theirs.get("items", [])
    if len(a) != len(b):
        diffs.append(("items.count", len(a), len(b)))
    for i, (x, y) in enumerate(zip(a, b)):
        for key in ("id", "title", "link", "published", "updated", "summary", "authors"):
            if x.get(key) != y.get(key):
                diffs.append((f"items[{i}].{key}", x.get(key), y.get(key)))
    return diffs


def main():
    args = sys.argv[1:]
    show = 0
    field_filter = None
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if "--field" in args:
        i = args.index("--field")
        field_filter = args[i + 1]
        del args[i:i + 2]
    total = agree = 0
    by_field = {}
    failures = []
    for docs, ours_dir in zip(args[0::2], args[1::2]):
        part_total = part_agree = 0
        for root, _, files in os.walk(docs):
            for name in sorted(files):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, docs)
                ours_path = os.path.join(ours_dir, relative + ".json")
                if not os.path.exists(ours_path):
                    continue
                part_total += 1
                with open(ours_path, encoding="utf-8") as handle:
                    ours = json.load(handle)
                diffs = differences(ours, feedparser_view(path))
                if not diffs:
                    part_agree += 1
                    continue
                failures.append((relative, diffs))
                for key in {d[0].split(".")[-1] if d[0].startswith("items[") else d[0] for d in diffs}:
                    by_field[key] = by_field.get(key, 0) + 1
        if len(args) > 2 and part_total:
            print(f"{docs}: {part_agree}/{part_total} = {100.0 * part_agree / part_total:.1f}%")
        total += part_total
        agree += part_agree
    for relative, diffs in failures[:show] if show else []:
        shown = [d for d in diffs if field_filter is None or d[0].endswith(field_filter)]
        if not shown:
            continue
        print(f"--- {relative}")
        for key, mine, theirs in shown[:4]:
            print(f"    {key}: ours={mine!r:.150}")
            print(f"    {' ' * len(key)}  feedparser={theirs!r:.150}")
    print("disagreeing documents by field:", json.dumps(dict(sorted(by_field.items(), key=lambda kv: -kv[1]))))
    pct = 100.0 * agree / total if total else 0.0
    print(f"agreement: {agree}/{total} documents = {pct:.1f}%")


if __name__ == "__main__":
    main()
