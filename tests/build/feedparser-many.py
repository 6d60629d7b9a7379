"""Parse RSS/Atom files with feedparser (as feed readers do) and print, as one JSON object
keyed by file name, everything the distribution tests compare: feed metadata, and per
entry the id, link, title, summary, full content, dates (as epoch seconds), authors, tags,
language and media (enclosures, Media RSS content and credit).

Usage: /usr/bin/python3 feedparser-many.py FILE...   (one process for many files: Python starts once)
Run with Debian's /usr/bin/python3 (package python3-feedparser).
"""
import calendar
import json
import sys

import feedparser


def instant(parsed):
    """feedparser's UTC struct_time as epoch seconds, or None."""
    return calendar.timegm(parsed) if parsed else None


def entry(e):
    return {
        "id": e.get("id"),
        "guidislink": e.get("guidislink"),
        "link": e.get("link"),
        "links": [dict(l) for l in e.get("links", [])],
        "title": e.get("title"),
        "title_type": e.get("title_detail", {}).get("type"),
        "summary": e.get("summary"),
        "content": [{"type": c.get("type"), "value": c.get("value")} for c in e.get("content", [])],
        "published": e.get("published"),
        "published_epoch": instant(e.get("published_parsed")),
        "updated": e.get("updated"),
        "updated_epoch": instant(e.get("updated_parsed")),
        "author": e.get("author"),
        "authors": [a.get("name") for a in e.get("authors", []) if a.get("name")],
        "tags": [t.get("term") for t in e.get("tags", [])],
        "language": e.get("title_detail", {}).get("language"),
        "enclosures": [dict(x) for x in e.get("enclosures", [])],
        "media_content": [dict(x) for x in e.get("media_content", [])],
        "media_credit": [dict(x) for x in e.get("media_credit", [])],
    }


out = {}
for name in sys.argv[1:]:
    d = feedparser.parse(name)
    feed = d.feed
    out[name] = {
        "version": d.version,
        "bozo": int(bool(d.bozo)),
        "bozo_exception": repr(d.get("bozo_exception")) if d.bozo else None,
        "encoding": d.get("encoding"),
        "feed": {
            "id": feed.get("id"),
            "title": feed.get("title"),
            "subtitle": feed.get("subtitle"),
            "link": feed.get("link"),
            "links": [dict(l) for l in feed.get("links", [])],
            "language": feed.get("language"),
            "updated": feed.get("updated"),
            "updated_epoch": instant(feed.get("updated_parsed")),
            "image": (feed.get("image") or {}).get("href"),
            "icon": feed.get("icon"),
            "logo": feed.get("logo"),
            "author": feed.get("author"),
        },
        "entries": [entry(e) for e in d.entries],
    }
print(json.dumps(out))
