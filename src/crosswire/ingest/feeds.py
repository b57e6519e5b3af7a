"""RSS and Atom feeds (feedparser): each item with a body becomes an article."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from crosswire.errors import EMPTY, NO_ARTICLE, CrosswireError
from crosswire.ingest.markup import fragment_text
from crosswire.records import IngestError, RawItem

# A summary shorter than this is a teaser, not the article; such items need their page fetched.
MIN_BODY_CHARS = 200


def looks_like_feed(head: bytes) -> bool:
    head = head[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def read_feed(source: str, data: bytes) -> Iterator[RawItem | IngestError]:
    """Items of a feed; an item whose body is only a teaser is reported, not guessed."""
    feed = feedparser.parse(data)
    if not feed.entries:
        detail = str(feed.get("bozo_exception") or "no items")
        raise CrosswireError(EMPTY, detail=f"feed without items ({detail})")
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        key = f"{source}#{entry.get('id') or entry.get('link') or number}"
        html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        body = fragment_text(html or "")
        if len(body) < MIN_BODY_CHARS:
            yield IngestError(
                key,
                NO_ARTICLE.code,
                NO_ARTICLE.format(detail=f"the feed item carries {len(body)} characters"),
            )
            continue
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        yield RawItem(
            source=key,
            body=body,
            title=entry.get("title") or None,
            outlet=outlet,
            url=entry.get("link") or None,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            authors=authors,
            language=feed.feed.get("language") or None,
            external_id=entry.get("id") or None,
        )
