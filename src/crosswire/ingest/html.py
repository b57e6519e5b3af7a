"""HTML pages through trafilatura, with metadata normalised by :mod:`crosswire.ingest.metadata`."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.utils import load_html

from crosswire.errors import NO_ARTICLE, CrosswireError
from crosswire.ingest.guards import check_markup, time_limit
from crosswire.ingest.metadata import (
    clean_authors,
    drop_modified,
    fallback_authors,
    pick_date,
    pick_outlet,
    pick_title,
    read_page_meta,
)
from crosswire.records import RawItem

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
_MIN_CHARS = 80
# A line that is only a machine timestamp is never prose (trafilatura's fallbacks sometimes
# emit a page's JSON metadata as text). Bare URLs are kept: pages list sources that way.
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?")
# The headline, when the body repeats it, sits in its first lines.
_HEAD_LINES = 2


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _line_key(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def strip_repeats(text: str, titles: list[str]) -> str:
    """The body without the headline it repeats at its top (the headline is the title, not
    text: quotes and claims found in it would be counted twice) and without timestamp lines.

    A standfirst is kept: pages disagree on whether it is the lead paragraph or a summary.
    """
    heads = {_line_key(t) for t in titles} - {""}
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index < _HEAD_LINES and not kept and _line_key(line) in heads:
            continue
        if _TIMESTAMP.fullmatch(line.strip()):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def read_html(source: str, html: str, url: str | None = None) -> RawItem:
    """Extract the article body and metadata; a page without an article is an error."""
    tree = load_html(html)
    if tree is None:
        raise CrosswireError(NO_ARTICLE, detail="no HTML document could be parsed")
    check_markup(tree)
    # The page's own declarations are read before trafilatura prunes its copy of the tree.
    page = read_page_meta(tree, url)
    drop_modified(tree)
    with time_limit("extracting the article"):
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            as_dict=False,
        )
    text = (doc.text or "").strip() if doc is not None else ""
    if doc is not None:
        text = strip_repeats(text, [*page.titles, *page.headings])
    if doc is None or len(text) < _MIN_CHARS:
        raise CrosswireError(NO_ARTICLE, detail=f"{len(text)} characters of text extracted")
    sites = [*page.sites, *([doc.sitename] if doc.sitename else [])]
    title = pick_title(page, doc.title, sites)
    authors = clean_authors(doc.author, sites, page.domain, page.author_text)
    return RawItem(
        source=source,
        body=text,
        title=title,
        outlet=pick_outlet(page, doc.sitename, title) or doc.hostname or None,
        url=doc.url or url,
        published=pick_date(page, doc.date or None),
        authors=authors or fallback_authors(page, sites),
        language=doc.language or None,
    )
