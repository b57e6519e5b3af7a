"""HTML pages through trafilatura, with its metadata."""

from __future__ import annotations

import re

import trafilatura

from crosswire.errors import NO_ARTICLE, CrosswireError
from crosswire.records import RawItem

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_MIN_CHARS = 80


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def read_html(source: str, html: str, url: str | None = None) -> RawItem:
    """Extract the article body and metadata; a page without an article is an error."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, as_dict=False
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text) < _MIN_CHARS:
        raise CrosswireError(NO_ARTICLE, detail=f"{len(text)} characters of text extracted")
    authors = [a.strip() for a in re.split(r";|,| and ", doc.author or "") if a.strip()]
    return RawItem(
        source=source,
        body=text,
        title=doc.title or None,
        outlet=doc.sitename or doc.hostname or None,
        url=doc.url or url,
        published=doc.date or None,
        authors=authors,
        language=doc.language or None,
    )
