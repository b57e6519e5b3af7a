"""Ids as people type them: a whole id or its start, matched literally.

An id prefix goes into ``LIKE``; escaped here, ``%`` and ``_`` in what a user typed (or a URL
carried) are characters to match, never wildcards. Every match is returned, so a caller can
list them when a prefix is ambiguous instead of guessing.
"""

from __future__ import annotations

from crosswire.errors import Ambiguous, NotFound
from crosswire.store.base import Store, like_prefix

# Matches listed for an ambiguous prefix; more are counted, not shown.
MAX_MATCHES = 20


def story_matches(store: Store, ref: str, limit: int = MAX_MATCHES) -> list[str]:
    """Story ids equal to ``ref``, else those starting with it (sorted, at most ``limit``)."""
    if not ref:
        return []
    if store.query("SELECT 1 FROM articles WHERE story = ? LIMIT 1", (ref,)):
        return [ref]
    rows = store.query(
        "SELECT DISTINCT story FROM articles WHERE story LIKE ? ESCAPE '\\' "
        "ORDER BY story LIMIT ?",
        (like_prefix(ref), limit),
    )
    return [r[0] for r in rows]


def article_matches(store: Store, ref: str, limit: int = MAX_MATCHES) -> list[str]:
    """Article ids for an id, an id prefix, a source path or the start of its file name.

    The first kind that matches anything decides: an exact id, then id prefixes, then an
    exact source, then sources whose file name starts with ``ref``.
    """
    if not ref:
        return []
    if store.has_article(ref):
        return [ref]
    pattern = like_prefix(ref)
    rows = store.query(
        "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
        (pattern, limit),
    )
    if rows:
        return [r[0] for r in rows]
    found = store.article_for_source(ref)
    if found:
        return [found]
    # A file name or its start ("000" for ".../000_766263e9.txt") is how people refer to it.
    rows = store.query(
        "SELECT DISTINCT article FROM sources WHERE source LIKE ? ESCAPE '\\' "
        "OR source LIKE ? ESCAPE '\\' ORDER BY article LIMIT ?",
        (pattern, "%/" + pattern, limit),
    )
    return [r[0] for r in rows]


def resolve_story(store: Store, ref: str) -> str:
    """The one story ``ref`` names; NotFound, or Ambiguous with the matches."""
    return _one("story", ref, story_matches(store, ref), "; `crosswire stories` lists them")


def resolve_article(store: Store, ref: str) -> str:
    """The one article ``ref`` names; NotFound, or Ambiguous with the matches."""
    return _one("article", ref, article_matches(store, ref))


def _one(what: str, ref: str, found: list[str], hint: str = "") -> str:
    if not found:
        raise NotFound(f"no {what} {ref!r}{hint}")
    if len(found) > 1:
        raise Ambiguous(what, ref, found)
    return found[0]
