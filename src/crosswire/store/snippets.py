"""Search hits with the words that matched, highlighted by the database's own highlighter.

FTS5's ``snippet()`` on SQLite, ``ts_headline`` on PostgreSQL. The highlight is returned with
control characters around the matched words (:data:`START`, :data:`STOP`) rather than markup:
the caller escapes the text and only then turns them into elements, so article text can never
smuggle markup into a results page.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosswire.store.base import Store
from crosswire.store.sqlite import SQLiteStore

START, STOP = "\x02", "\x03"
ELLIPSIS = "…"
WORDS = 24


def search_words(query: str) -> list[str]:
    """The words of a search as the stores match them: each one literal, no syntax, no control
    characters (a NUL or a stray quote is text to drop, never an error)."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in query)
    return [w.replace('"', "") for w in cleaned.split() if w.strip('"')]


def snippets(store: Store, query: str, article_ids: Iterable[str]) -> dict[str, str]:
    """For each article id that matches ``query``: a short passage of its text around the
    matches, matched words between START and STOP."""
    words = search_words(query)
    ids = list(dict.fromkeys(article_ids))
    if not words or not ids:
        return {}
    if isinstance(store, SQLiteStore):
        return _fts5(store, words, ids)
    return _ts_headline(store, words, ids)


def _fts5(store: Store, words: list[str], ids: list[str]) -> dict[str, str]:
    match = " ".join(f'"{w}"' for w in words)
    out: dict[str, str] = {}
    for article_id in ids:
        # The FTS row is found by its rowid (the article's seq): matching on the unindexed id
        # column would read the whole index.
        rows = store.query(
            "SELECT snippet(articles_fts, -1, ?, ?, ?, ?) FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid = (SELECT seq FROM articles WHERE id = ?)",
            (START, STOP, ELLIPSIS, WORDS, match, article_id),
        )
        if rows and rows[0][0]:
            out[article_id] = rows[0][0]
    return out


def _ts_headline(store: Store, words: list[str], ids: list[str]) -> dict[str, str]:
    options = (
        f"StartSel={START}, StopSel={STOP}, MaxWords={WORDS}, MinWords={WORDS // 2}, "
        f"FragmentDelimiter={ELLIPSIS}, MaxFragments=2"
    )
    marks = ", ".join("?" for _ in ids)
    rows = store.query(
        "SELECT a.id, ts_headline('simple', a.text, q, ?) FROM articles a, "
        f"plainto_tsquery('simple', ?) q WHERE a.id IN ({marks})",
        (options, " ".join(words), *ids),
    )
    return {r[0]: r[1] for r in rows if r[1] and START in r[1]}
