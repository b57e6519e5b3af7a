"""Fetch URLs and feeds into a download folder that ``ingest`` then reads like any files.

Keeping what was fetched as files (with a sidecar naming the URL) means a fetched page goes
through exactly the readers, cleaning and checks of a local one, and can be re-ingested
without the network.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import feedparser

from crosswire.errors import FETCH_FAILED
from crosswire.fetch.http import Fetcher, FetchError, Response
from crosswire.ingest.feeds import MIN_BODY_CHARS, looks_like_feed
from crosswire.ingest.markup import fragment_text
from crosswire.records import IngestError


@dataclass(slots=True)
class Downloaded:
    files: list[Path] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    not_modified: int = 0


def _name(url: str) -> str:
    return hashlib.blake2b(url.encode("utf-8"), digest_size=10).hexdigest()


def save(response: Response, folder: Path) -> Path:
    """Write a response as ``<hash>.html|.rss`` with a ``.meta.json`` sidecar (url)."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".rss" if looks_like_feed(response.body) else ".html"
    path = folder / (_name(response.url) + suffix)
    path.write_bytes(response.body)
    meta = {"url": response.url}
    (folder / (_name(response.url) + ".meta.json")).write_text(json.dumps(meta))
    return path


def feed_links_without_text(body: bytes) -> list[str]:
    """Links of feed items that carry only a teaser: their pages must be fetched."""
    feed = feedparser.parse(body)
    links = []
    for entry in feed.entries:
        html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        if len(fragment_text(html or "")) < MIN_BODY_CHARS and entry.get("link"):
            links.append(entry["link"])
    return links


def download(
    urls: Iterable[str],
    folder: Path,
    fetcher: Fetcher,
    validators: dict[str, tuple[str | None, str | None]] | None = None,
) -> Downloaded:
    """Fetch pages and feeds (and the pages of teaser-only feed items) into ``folder``.

    ``validators`` maps a URL to its last (ETag, Last-Modified) so unchanged feeds cost a 304.
    """
    result = Downloaded()
    queue = list(urls)
    seen: set[str] = set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        etag, modified = (validators or {}).get(url, (None, None))
        try:
            response = fetcher.get(url, etag, modified)
        except FetchError as exc:
            result.errors.append(
                IngestError(url, FETCH_FAILED.code, FETCH_FAILED.format(detail=exc))
            )
            continue
        if validators is not None:
            validators[url] = (response.etag, response.last_modified)
        if response.status == 304:
            result.not_modified += 1
            continue
        if looks_like_feed(response.body):
            teasers = feed_links_without_text(response.body)
            queue.extend(link for link in teasers if link not in seen)
            if len(teasers) == len(feedparser.parse(response.body).entries):
                continue  # nothing but teasers: their pages are the articles
        result.files.append(save(response, folder))
    return result
