#!/usr/bin/env python3
"""Builds the benchmark corpus from the real feed snapshots in bench/corpus-seed/.

Deterministic: the same seed, feed count and anchor date give the same bytes. Standard library only.

Output (under --out):
  feeds/NNNN.xml     the polled feeds (RSS 2.0, Atom 1.0 and RSS 1.0/RDF shapes), about 70 KiB each on average
  large/large.xml    one large RSS 2.0 feed (about 47 MiB) for the parse benchmark
  manifest.json      every feed with its outlet, format, item count and size; totals

Every item's title, summary and HTML are drawn from the real snapshots and recombined (titles spliced
from two real titles, summaries and article bodies assembled from real paragraphs), every item gets a
link that is unique across the whole corpus, and dates fall in the three days before the anchor.
"""

import argparse
import hashlib
import html
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))

# One family per real outlet: how its feeds look (domain, language, guid style, tracking query, extras).
# Keys are the prefixes of the snapshot files that feed the family's pool of real items.
FAMILIES = {
    "aljazeera": dict(name="Al Jazeera English", domain="www.aljazeera.com", lang="en", guid="opaque",
                      query="?traffic_source=rss", sections=["news", "features", "economy", "opinions"]),
    "bbc": dict(name="BBC News", domain="www.bbc.com", lang="en-gb", guid="link-noquery",
                query="?at_medium=RSS&at_campaign=rss", sections=["news/world", "news/uk", "news/business"],
                thumbnail=True),
    "bbc-chinese": dict(name="BBC Chinese", domain="www.bbc.com", lang="zh-Hans", guid="tag",
                        query="", sections=["zhongwen/simp/world", "zhongwen/simp/china"], thumbnail=True),
    "bbc-ukrainian": dict(name="BBC Ukrainian", domain="www.bbc.com", lang="uk", guid="link", query="",
                          sections=["ukrainian/news", "ukrainian/features"]),
    "cnn": dict(name="CNN", domain="edition.cnn.com", lang="en-us", guid="link", query="?utm_source=feedburner",
                sections=["world", "politics", "business"], thumbnail=True),
    "dw-chinese": dict(name="DW Chinese", domain="www.dw.com", lang="zh", guid="link", query="?maca=chi-rss-chi-all-1127-rdf",
                       sections=["zh"]),
    "dw-ukrainian": dict(name="DW Ukrainian", domain="www.dw.com", lang="uk", guid="link",
                         query="?maca=ukr-rss-ukr-all-1496-rdf", sections=["uk"]),
    "france24": dict(name="France 24", domain="www.france24.com", lang="fr", guid="uuid", query="",
                     sections=["fr/europe", "fr/monde", "fr/economie"], thumbnail=True),
    "guardian": dict(name="The Guardian", domain="www.theguardian.com", lang="en-gb", guid="link", query="",
                     sections=["world", "us-news", "business", "environment"], media=True),
    "indiatoday": dict(name="India Today", domain="www.indiatoday.in", lang="en-in", guid="none", query="?utm_source=rss",
                       sections=["india", "world", "business"]),
    "lemonde": dict(name="Le Monde", domain="www.lemonde.fr", lang="fr", guid="link", query="?xtor=RSS-3208",
                    sections=["international/article", "politique/article", "economie/article"], media=True),
    "npr": dict(name="NPR", domain="www.npr.org", lang="en", guid="link", query="",
                sections=["sections/world", "sections/politics"], content=True),
    "nyt": dict(name="The New York Times", domain="www.nytimes.com", lang="en-us", guid="link", query="",
                sections=["world/europe", "world/asia", "us/politics", "business"], media=True),
    "timesofindia": dict(name="Times of India", domain="timesofindia.indiatimes.com", lang="en-in", guid="link",
                         query="", sections=["india", "world", "city"]),
    "wsj": dict(name="The Wall Street Journal", domain="www.wsj.com", lang="en-us", guid="opaque", query="",
                sections=["articles"], content=True, borrow="nyt"),
}
# Which snapshot files feed which family (the file name starts with the key).
SNAPSHOT_FAMILY = [
    ("aljazeera-", "aljazeera"), ("bbc-chinese", "bbc-chinese"), ("bbc-ukrainian", "bbc-ukrainian"),
    ("bbc-news", "bbc"), ("cnn-", "cnn"), ("dw-chinese", "dw-chinese"), ("dw-ukrainian", "dw-ukrainian"),
    ("france24-", "france24"), ("guardian-", "guardian"), ("indiatoday-", "indiatoday"), ("lemonde-", "lemonde"),
    ("npr-", "npr"), ("nyt-", "nyt"), ("timesofindia-", "timesofindia"), ("wsj-", "wsj"),
]
# How often each family's shape is picked for a generated feed.
FAMILY_WEIGHTS = {
    "aljazeera": 8, "bbc": 10, "bbc-chinese": 4, "bbc-ukrainian": 3, "cnn": 6, "dw-chinese": 3, "dw-ukrainian": 3,
    "france24": 7, "guardian": 10, "indiatoday": 6, "lemonde": 7, "npr": 5, "nyt": 12, "timesofindia": 5, "wsj": 4,
}
# Feed shapes: RSS 2.0 most of the time, then Atom 1.0, then RSS 1.0 (RDF).
FORMAT_WEIGHTS = [("rss", 65), ("atom", 25), ("rdf", 10)]

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss1": "http://purl.org/rss/1.0/",
}


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def collapse(text):
    return re.sub(r"\s+", " ", text or "").strip()


class Pool:
    """The real material of one family: titles, summaries (HTML or text), paragraphs, authors, tags, images."""

    def __init__(self):
        self.titles, self.summaries, self.paragraphs = [], [], []
        self.authors, self.categories, self.images = [], [], []


def read_snapshots(seed_dir):
    pools = {family: Pool() for family in FAMILIES}
    for name in sorted(os.listdir(seed_dir)):
        if not name.endswith(".xml"):
            continue
        family = next((fam for prefix, fam in SNAPSHOT_FAMILY if name.startswith(prefix)), None)
        if family is None:
            continue
        try:
            root = ET.parse(os.path.join(seed_dir, name)).getroot()
        except ET.ParseError:
            continue  # the malformed snapshot (ISO-8859-1 without a declaration) is kept for parsing only
        pool = pools[family]
        for element in root.iter():
            if local(element.tag) not in ("item", "entry"):
                continue
            for child in element:
                tag = local(child.tag)
                text = child.text or ""
                if tag == "title" and collapse(text):
                    pool.titles.append(collapse(text))
                elif tag in ("description", "summary", "encoded", "content") and collapse(text):
                    body = text.strip()
                    pool.summaries.append(body)
                    pool.paragraphs.extend(paragraphs_of(body))
                elif tag == "creator" and collapse(text):
                    pool.authors.append(collapse(text))
                elif tag == "author":
                    name_el = next((c for c in child if local(c.tag) == "name"), None)
                    value = collapse(name_el.text if name_el is not None else text)
                    if value:
                        pool.authors.append(value)
                elif tag == "category":
                    value = collapse(text or child.get("label") or child.get("term") or "")
                    if value:
                        pool.categories.append(value)
                elif tag in ("subject",) and collapse(text):
                    pool.categories.append(collapse(text))
                for sub in child.iter():
                    url = sub.get("url")
                    if url and re.search(r"\.(jpe?g|png|gif|webp)", url, re.I):
                        pool.images.append(url)
    # A family whose snapshots hold only a handful of items (WSJ: 6) also draws on a kindred outlet's,
    # or its generated articles would repeat each other's words.
    for family, settings in FAMILIES.items():
        if settings.get("borrow"):
            lender, pool = pools[settings["borrow"]], pools[family]
            for attribute in ("titles", "summaries", "paragraphs", "authors", "categories"):
                getattr(pool, attribute).extend(getattr(lender, attribute))
    for family, pool in pools.items():
        if not pool.titles:
            sys.exit(f"generate_corpus: no items read for family {family}; is {seed_dir} complete?")
        if not pool.paragraphs:
            pool.paragraphs = [html.escape(t) for t in pool.summaries or pool.titles]
        if not pool.authors:
            pool.authors = [FAMILIES[family]["name"]]
        if not pool.categories:
            pool.categories = ["News", "World"]
        if not pool.images:
            pool.images = [f"https://{FAMILIES[family]['domain']}/images/placeholder.jpg"]
        # Stable order, no duplicates: the corpus must not depend on anything but the seed files.
        for attribute in ("titles", "summaries", "paragraphs", "authors", "categories", "images"):
            setattr(pool, attribute, sorted(set(getattr(pool, attribute))))
    return pools


def paragraphs_of(body):
    """Real paragraphs: <p>…</p> blocks when the text is HTML, else the text itself as one paragraph."""
    found = re.findall(r"<p\b[^>]*>.*?</p>", body, re.S | re.I)
    if found:
        return [p for p in found if len(collapse(re.sub(r"<[^>]+>", "", p))) > 20]
    # Text without paragraphs is already HTML text (its entities are HTML's): keep them, escape bare '&'.
    plain = collapse(re.sub(r"<[^>]+>", " ", body))
    plain = re.sub(r"&(?!#?\w+;)", "&amp;", plain)
    return [f"<p>{plain}</p>"] if len(plain) > 20 else []


def splice(rng, first, second, max_head=None, max_tail=None, min_head=1, min_tail=1):
    """The head of one real text joined to the tail of another, at random word boundaries (characters
    for scripts written without spaces). `max_head`/`max_tail` bound the words kept from each side, so
    that the first or last words of the result mix both sources."""
    a, b = first.split(" "), second.split(" ")
    if len(a) >= 2 and len(b) >= 2:
        head = rng.randint(min(min_head, len(a) - 1), min(len(a) - 1, max_head or len(a) - 1))
        tail = rng.randint(min(min_tail, len(b) - 1), min(len(b) - 1, max_tail or len(b) - 1))
        return " ".join(a[:head] + b[len(b) - tail:])
    head = rng.randint(max(1, len(first) // 3), max(1, len(first) - 1))
    tail = rng.randint(max(1, len(second) // 3), max(1, len(second) - 1))
    return first[:head] + second[len(second) - tail:]


def splice_title(rng, pool):
    """Two real titles spliced (at least half of the first, a third of the second): news titles from
    one outlet are (nearly) never identical, and the daemon's identity rules treat a repeated title and
    summary as the same article republished."""
    for _ in range(10):
        first, second = rng.sample(pool.titles, 2)
        if (" " in first) == (" " in second):
            break
    a, b = len(first.split(" ")), len(second.split(" "))
    return splice(rng, first, second, min_head=(a + 1) // 2, min_tail=max(1, b // 3))


def slug_of(title):
    ascii_words = re.findall(r"[a-z0-9]+", title.lower())
    slug = "-".join(ascii_words[:8])
    return slug or "article"


def build_summary(rng, pool, as_html):
    """A summary of two or three sentences, each spliced from two real ones (about half of each), so
    that no two items of an outlet share most of their words (the daemon takes two summaries with 80%
    of their words in common for one article republished); the first and last words mix two sources,
    as the daemon looks up possible copies by them. HTML (paragraphs) or plain text, trimmed like
    feeds trim."""
    texts = [collapse(html.unescape(re.sub(r"<[^>]+>", " ", paragraph)))
             for paragraph in rng.sample(pool.paragraphs, k=min(len(pool.paragraphs), 5))]
    while len(texts) < 5:
        texts.append(rng.choice(pool.titles))
    words = [len(text.split(" ")) for text in texts]
    sentences = [splice(rng, texts[0], texts[1], max_head=5, min_tail=(words[1] + 1) // 2)]
    if rng.random() < 0.35:
        sentences.append(splice(rng, texts[4], texts[0], min_head=(words[4] + 1) // 2, min_tail=(words[0] + 1) // 2))
    sentences.append(splice(rng, texts[2], texts[3], min_head=(words[2] + 1) // 2, max_tail=5))
    if not as_html:
        text = " ".join(sentences)
        if len(text) > 600:
            text = text[:600].rsplit(" ", 1)[0] + "…"
        return text
    return "".join(f"<p>{html.escape(sentence, quote=False)}</p>" for sentence in sentences)


def build_content(rng, pool, family, link):
    """An article body as feeds ship it: real paragraphs, a figure, inline links, and the odd embed or
    inline style that a sanitizer has to remove."""
    parts = []
    image = rng.choice(pool.images)
    if rng.random() < 0.7:
        parts.append(f'<figure class="element-image"><img src="{html.escape(image)}" alt="" width="460" '
                     f'height="276" /><figcaption>{html.escape(rng.choice(pool.titles))}</figcaption></figure>')
    for index in range(rng.randint(3, 7)):
        paragraph = rng.choice(pool.paragraphs)
        if index == 1 and rng.random() < 0.5:
            paragraph = paragraph.replace("</p>", f' <a href="https://{family["domain"]}/'
                                          f'{rng.choice(family["sections"])}/related-{rng.randrange(10**6)}">'
                                          f'{html.escape(rng.choice(pool.titles))}</a></p>', 1)
        parts.append(paragraph)
    roll = rng.random()
    if roll < 0.08:
        parts.append('<blockquote class="twitter-tweet"><p>' + html.escape(rng.choice(pool.titles)) +
                     '</p></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')
    elif roll < 0.14:
        parts.append('<iframe src="https://www.youtube.com/embed/' + hashlib.md5(link.encode()).hexdigest()[:11] +
                     '" width="560" height="315" frameborder="0" allowfullscreen></iframe>')
    elif roll < 0.2:
        parts.append('<p style="font-size:12px;color:#767676" onclick="track()">'
                     + html.escape(rng.choice(pool.titles)) + '</p>')
    parts.append(f'<p><a href="{html.escape(link)}">Continue reading…</a></p>')
    return "".join(parts)


def text_node(value):
    return html.escape(value, quote=False)


def cdata(value):
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class FeedWriter:
    """Writes one feed in one of the three shapes from a list of generated items."""

    def __init__(self, fmt, family, family_id, feed_url, title, anchor):
        self.fmt, self.family, self.family_id = fmt, family, family_id
        self.feed_url, self.title, self.anchor = feed_url, title, anchor

    def write(self, items):
        return {"rss": self.rss, "atom": self.atom, "rdf": self.rdf}[self.fmt](items)

    def rss(self, items):
        fam = self.family
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" '
               'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">\n'
               '  <channel>\n'
               f'    <title>{text_node(self.title)}</title>\n'
               f'    <link>https://{fam["domain"]}/</link>\n'
               f'    <atom:link href="{html.escape(self.feed_url)}" rel="self" type="application/rss+xml"/>\n'
               f'    <description>{text_node(fam["name"])}: latest news</description>\n'
               f'    <language>{fam["lang"]}</language>\n'
               f'    <lastBuildDate>{format_datetime(self.anchor)}</lastBuildDate>\n'
               '    <ttl>15</ttl>\n']
        use_cdata = self.family_id in ("bbc", "lemonde", "indiatoday", "bbc-ukrainian")
        for item in items:
            out.append("    <item>\n")
            out.append(f"      <title>{cdata(item['title']) if use_cdata else text_node(item['title'])}</title>\n")
            out.append(f"      <link>{text_node(item['link'])}</link>\n")
            if item["guid"] is not None:
                permalink = "true" if item["guid_permalink"] else "false"
                out.append(f'      <guid isPermaLink="{permalink}">{text_node(item["guid"])}</guid>\n')
            summary = item["summary"]
            out.append(f"      <description>{cdata(summary) if use_cdata else text_node(summary)}</description>\n")
            if item["content"]:
                out.append(f"      <content:encoded>{cdata(item['content'])}</content:encoded>\n")
            out.append(f"      <pubDate>{format_datetime(item['published'])}</pubDate>\n")
            for author in item["authors"]:
                out.append(f"      <dc:creator>{text_node(author)}</dc:creator>\n")
            for category in item["categories"]:
                out.append(f"      <category>{text_node(category)}</category>\n")
            if item["image"]:
                out.append(f'      <media:content url="{html.escape(item["image"])}" medium="image" width="1024" '
                           f'height="576"/>\n')
            out.append("    </item>\n")
        out.append("  </channel>\n</rss>\n")
        return "".join(out)

    def atom(self, items):
        fam = self.family
        out = ['<?xml version="1.0" encoding="utf-8"?>\n'
               f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" '
               f'xml:lang="{fam["lang"]}">\n'
               f'  <id>{text_node(self.feed_url)}</id>\n'
               f'  <title>{text_node(self.title)}</title>\n'
               f'  <updated>{self.anchor.isoformat()}</updated>\n'
               f'  <link rel="self" href="{html.escape(self.feed_url)}"/>\n'
               f'  <link rel="alternate" type="text/html" href="https://{fam["domain"]}/"/>\n'
               f'  <author><name>{text_node(fam["name"])}</name></author>\n']
        for item in items:
            entry_id = item["guid"] if item["guid"] and item["guid"].startswith("tag:") else \
                "tag:" + fam["domain"] + "," + item["published"].strftime("%Y-%m-%d") + ":" + item["path"]
            out.append("  <entry>\n")
            out.append(f"    <id>{text_node(entry_id)}</id>\n")
            out.append(f'    <title type="html">{text_node(html.escape(item["title"], quote=False))}</title>\n')
            out.append(f'    <link rel="alternate" type="text/html" href="{html.escape(item["link"])}"/>\n')
            out.append(f"    <published>{item['published'].isoformat()}</published>\n")
            out.append(f"    <updated>{item['updated'].isoformat()}</updated>\n")
            for author in item["authors"]:
                out.append(f"    <author><name>{text_node(author)}</name></author>\n")
            for category in item["categories"]:
                out.append(f'    <category term="{html.escape(category)}"/>\n')
            out.append(f'    <summary type="html">{text_node(item["summary"])}</summary>\n')
            if item["content"]:
                out.append(f'    <content type="html">{text_node(item["content"])}</content>\n')
            if item["image"]:
                out.append(f'    <media:thumbnail url="{html.escape(item["image"])}" width="240" height="135"/>\n')
            out.append("  </entry>\n")
        out.append("</feed>\n")
        return "".join(out)

    def rdf(self, items):
        fam = self.family
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
               '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
               'xmlns:sy="http://purl.org/rss/modules/syndication/">\n'
               f'<channel rdf:about="{html.escape(self.feed_url)}">\n'
               f'<title>{text_node(self.title)}</title>\n'
               f'<link>https://{fam["domain"]}/</link>\n'
               f'<description>{text_node(fam["name"])}</description>\n'
               '<sy:updatePeriod>hourly</sy:updatePeriod>\n'
               f'<dc:date>{self.anchor.strftime("%Y-%m-%dT%H:%M:%SZ")}</dc:date>\n'
               '<items><rdf:Seq>\n']
        out.extend(f'<rdf:li rdf:resource="{html.escape(item["link"])}"/>\n' for item in items)
        out.append("</rdf:Seq></items>\n</channel>\n")
        for item in items:
            out.append(f'<item rdf:about="{html.escape(item["link"])}">\n')
            out.append(f"<title>{text_node(item['title'])}</title>\n")
            out.append(f"<link>{text_node(item['link'])}</link>\n")
            out.append(f"<description>{text_node(item['summary'])}</description>\n")
            if item["content"]:
                out.append(f"<content:encoded>{cdata(item['content'])}</content:encoded>\n")
            out.append(f"<dc:date>{item['published'].strftime('%Y-%m-%dT%H:%M:%SZ')}</dc:date>\n")
            for author in item["authors"]:
                out.append(f"<dc:creator>{text_node(author)}</dc:creator>\n")
            for category in item["categories"][:1]:
                out.append(f"<dc:subject>{text_node(category)}</dc:subject>\n")
            out.append(f"<dc:language>{fam['lang']}</dc:language>\n</item>\n")
        out.append("</rdf:RDF>\n")
        return "".join(out)


class ItemMaker:
    """Makes items for one family; every link is unique thanks to the (feed tag, index) pair in it."""

    def __init__(self, rng, pools, anchor):
        self.rng, self.pools, self.anchor = rng, pools, anchor

    def items(self, family_id, feed_tag, count, fmt, with_content):
        rng, fam, pool = self.rng, FAMILIES[family_id], self.pools[family_id]
        # Newest first, as feeds list them: three days of news before the anchor.
        ages = sorted(rng.uniform(0, 72 * 3600) for _ in range(count))
        summary_html = fmt == "atom" or family_id in ("guardian", "lemonde", "npr", "bbc-chinese", "cnn")
        result = []
        for index, age in enumerate(ages):
            title = splice_title(rng, pool)
            published = (self.anchor - timedelta(seconds=int(age))).replace(microsecond=0)
            updated = published + timedelta(seconds=rng.choice([0, 0, 0, 600, 3600]))
            section = rng.choice(fam["sections"])
            path = f"/{section}/{published:%Y/%m/%d}/{slug_of(title)}-{feed_tag}{index:05d}"
            link = f"https://{fam['domain']}{path}{fam['query']}"
            guid, permalink = self.guid(fam["guid"], link, path, published, feed_tag, index)
            content = build_content(rng, pool, fam, link) if with_content else ""
            authors = rng.sample(pool.authors, k=min(len(pool.authors), rng.choice([0, 1, 1, 1, 2])))
            categories = rng.sample(pool.categories, k=min(len(pool.categories), rng.randint(0, 4)))
            image = rng.choice(pool.images) if (fam.get("media") or fam.get("thumbnail")) and rng.random() < 0.8 else None
            result.append(dict(title=title, link=link, path=path, guid=guid, guid_permalink=permalink,
                               summary=build_summary(rng, pool, summary_html), content=content,
                               published=published, updated=updated, authors=authors,
                               categories=categories, image=image))
        return result

    def guid(self, style, link, path, published, feed_tag, index):
        if style == "link":
            return link, True
        if style == "link-noquery":
            return link.split("?")[0], False
        if style == "opaque":
            return "SB" + hashlib.sha1(f"{feed_tag}-{index}".encode()).hexdigest()[:20].upper(), False
        if style == "uuid":
            digest = hashlib.sha1(f"uuid-{feed_tag}-{index}".encode()).hexdigest()
            return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}", False
        if style == "tag":
            return f"tag:{FAMILIES['bbc-chinese']['domain']},{published:%Y-%m-%d}:{path}", False
        return None, False  # "none": no guid at all, identity is the link


def item_counts(rng, feeds, total):
    """Item counts with a realistic spread (a few big feeds, many of 10-60 items) summing to `total`."""
    raw = [max(5.0, min(250.0, rng.lognormvariate(3.55, 0.6))) for _ in range(feeds)]
    scale = total / sum(raw)
    counts = [max(3, int(round(value * scale))) for value in raw]
    step = 0
    while sum(counts) != total:
        index = step % feeds
        if sum(counts) > total and counts[index] > 3:
            counts[index] -= 1
        elif sum(counts) < total:
            counts[index] += 1
        step += 1
    return counts


def weighted(rng, pairs):
    names = [name for name, _ in pairs]
    weights = [weight for _, weight in pairs]
    return rng.choices(names, weights=weights, k=1)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed-dir", default=os.path.join(HERE, "corpus-seed"))
    parser.add_argument("--out", default=os.path.join(HERE, "out", "corpus"))
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=None, help="total items (default: 45 per feed)")
    parser.add_argument("--content-share", type=float, default=0.30,
                        help="share of feeds that carry full article HTML (content:encoded / atom:content)")
    parser.add_argument("--large-mib", type=float, default=47.0, help="size of the large feed (0: none)")
    parser.add_argument("--base-url", default="http://127.0.0.1:8080/feeds/",
                        help="where the feeds will be served (used for self links only)")
    parser.add_argument("--anchor", default="2026-11-01",
                        help="date (UTC) the newest items approach; items span the 72 hours before it")
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()

    anchor = datetime.strptime(args.anchor, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    total_items = args.items if args.items is not None else 45 * args.feeds
    pools = read_snapshots(args.seed_dir)
    rng = random.Random(args.seed)
    maker = ItemMaker(rng, pools, anchor)
    feeds_dir = os.path.join(args.out, "feeds")
    large_dir = os.path.join(args.out, "large")
    os.makedirs(feeds_dir, exist_ok=True)
    os.makedirs(large_dir, exist_ok=True)
    for directory in (feeds_dir, large_dir):
        for name in os.listdir(directory):
            if name.endswith(".xml"):
                os.remove(os.path.join(directory, name))

    families = list(FAMILY_WEIGHTS.items())
    manifest = {"seed": args.seed, "anchor": args.anchor, "feeds": [], "large": None}
    total_bytes = 0
    for number, count in enumerate(item_counts(rng, args.feeds, total_items), start=1):
        family_id = weighted(rng, families)
        fmt = weighted(rng, FORMAT_WEIGHTS)
        with_content = FAMILIES[family_id].get("content", False) or rng.random() < args.content_share
        name = f"{number:04d}.xml"
        url = args.base_url + name
        section = rng.choice(FAMILIES[family_id]["sections"])
        title = f"{FAMILIES[family_id]['name']} | {section.split('/')[-1].replace('-', ' ').title()}"
        items = maker.items(family_id, f"f{number:04d}-", count, fmt, with_content)
        data = FeedWriter(fmt, FAMILIES[family_id], family_id, url, title, anchor).write(items).encode("utf-8")
        with open(os.path.join(feeds_dir, name), "wb") as handle:
            handle.write(data)
        total_bytes += len(data)
        manifest["feeds"].append(dict(file=name, outlet=family_id, format=fmt, items=count, bytes=len(data),
                                      content=with_content))

    if args.large_mib > 0:
        # An aggregator-style RSS 2.0 feed mixing every family, as many with full text as the polled
        # feeds, until it is large enough.
        target = int(args.large_mib * 1024 * 1024)
        chunks, size, count, batch = [], 0, 0, 0
        while size < target:
            family_id = weighted(rng, families)
            items = maker.items(family_id, f"L{batch:05d}-", 50, "rss",
                                FAMILIES[family_id].get("content", False) or rng.random() < args.content_share)
            chunk = FeedWriter("rss", FAMILIES[family_id], family_id, args.base_url + "large.xml", "", anchor) \
                .rss(items)
            body = chunk[chunk.index("    <item>"):chunk.rindex("  </channel>")]
            chunks.append(body)
            size += len(body.encode("utf-8"))
            count += len(items)
            batch += 1
        head = FeedWriter("rss", {"name": "Newswire bench aggregate", "domain": "bench.invalid", "lang": "mul"},
                          "large", args.base_url + "large.xml", "Newswire benchmark: large aggregate feed",
                          anchor).rss([])
        split = head.rindex("  </channel>")
        data = (head[:split] + "".join(chunks) + head[split:]).encode("utf-8")
        with open(os.path.join(large_dir, "large.xml"), "wb") as handle:
            handle.write(data)
        manifest["large"] = dict(file="large/large.xml", items=count, bytes=len(data))

    manifest["total_feeds"] = len(manifest["feeds"])
    manifest["total_items"] = sum(feed["items"] for feed in manifest["feeds"])
    manifest["total_bytes"] = total_bytes
    manifest["formats"] = {fmt: sum(1 for feed in manifest["feeds"] if feed["format"] == fmt)
                           for fmt, _ in FORMAT_WEIGHTS}
    with open(os.path.join(args.out, "manifest.json"), "w") as handle:
        json.dump(manifest, handle, indent=1)
    large = manifest["large"]
    print(f"corpus: {manifest['total_feeds']} feeds, {manifest['total_items']} items, "
          f"{total_bytes / 2**20:.1f} MiB ({manifest['formats']})"
          + (f"; large feed {large['items']} items, {large['bytes'] / 2**20:.1f} MiB" if large else ""),
          file=sys.stderr)


if __name__ == "__main__":
    main()
