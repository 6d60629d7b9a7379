"""Parse an RSS/Atom file with feedparser (as a feed reader does) and print what it saw as JSON.

Usage: /usr/bin/python3 feedparser-dump.py FILE
Run with Debian's /usr/bin/python3 (package python3-feedparser); see scripts/provision-tests.sh.
"""
import calendar
import json
import sys

import feedparser


def instant(parsed):
    """feedparser's UTC struct_time as epoch seconds, or None."""
    return calendar.timegm(parsed) if parsed else None


d = feedparser.parse(sys.argv[1])
feed = d.feed
print(json.dumps({
    "version": d.version,
    "bozo": int(bool(d.bozo)),
    "bozo_exception": repr(d.get("bozo_exception")) if d.bozo else None,
    "encoding": d.get("encoding"),
    "feed": {
        "title": feed.get("title"),
        "link": feed.get("link"),
        "links": [dict(l) for l in feed.get("links", [])],
        "subtitle": feed.get("subtitle"),
        "language": feed.get("language"),
        "updated": feed.get("updated"),
        "updated_epoch": instant(feed.get("updated_parsed")),
    },
    "entries": [
        {
            "title": e.get("title"),
            "title_type": e.get("title_detail", {}).get("type"),
            "link": e.get("link"),
            "id": e.get("id"),
            "guidislink": e.get("guidislink"),
            "summary": e.get("summary"),
            "published": e.get("published"),
            "published_epoch": instant(e.get("published_parsed")),
            "tags": [t.get("term") for t in e.get("tags", [])],
            "author": e.get("author"),
        }
        for e in d.entries
    ],
}))
