"""Story comparisons kept between requests, each with the state of the story it was made of.

Comparing a story of fifty articles takes seconds; its inputs change only when an article
joins the story, is re-cleaned, analysed again or found to be a copy. A comparison is stored
with a signature of exactly those inputs and used while the signature still holds, so a
change to the story invalidates it without anyone having to remember to.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from crosswire import __version__
from crosswire.records import Comparison

if TYPE_CHECKING:  # the store creates these tables: no import of it at run time
    from crosswire.store.base import Store

TABLES = (
    """CREATE TABLE IF NOT EXISTS story_comparisons (
        story TEXT PRIMARY KEY, signature TEXT NOT NULL, data TEXT NOT NULL,
        counts TEXT NOT NULL)""",
)


def story_signature(store: Store, story_id: str, settings: str = "") -> str:
    """A digest of what a comparison of the story depends on: its articles (and which are
    copies), their clean texts (by hash), their dates and outlets, their analyses (by length),
    the comparison settings and crosswire's version."""
    rows = store.query(
        "SELECT a.id, a.duplicate_of, a.exact_hash, a.outlet, a.published, LENGTH(n.data) "
        "FROM articles a LEFT JOIN analyses n ON n.article = a.id WHERE a.story = ? "
        "ORDER BY a.id",
        (story_id,),
    )
    key = json.dumps([__version__, settings, [list(r) for r in rows]], default=str)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=12).hexdigest()


def coverage_counts(comparison: Comparison) -> dict[str, int]:
    """What the story list shows of a comparison: items by status, and its discrepancies."""
    statuses = Counter(q.status for q in comparison.quotes)
    statuses.update(f.status for f in comparison.figures)
    return {
        "corroborated": statuses["corroborated"],
        "single-source": statuses["single-source"],
        "conflicting": statuses["conflicting"],
        "discrepancies": len(comparison.discrepancies),
    }


def cached(store: Store, story_id: str, signature: str) -> Comparison | None:
    """The stored comparison of the story if it was made of the story as it is now."""
    rows = store.query(
        "SELECT data FROM story_comparisons WHERE story = ? AND signature = ?",
        (story_id, signature),
    )
    return Comparison.from_dict(json.loads(rows[0][0])) if rows else None


def save_comparison(store: Store, story_id: str, signature: str, comparison: Comparison) -> bool:
    """Keep a comparison; False (and nothing changed) when the store cannot be written."""
    try:
        with store.transaction():
            store.execute(
                "INSERT INTO story_comparisons (story, signature, data, counts) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (story) DO UPDATE SET "
                "signature = excluded.signature, data = excluded.data, counts = excluded.counts",
                (
                    story_id,
                    signature,
                    json.dumps(comparison.as_dict(), ensure_ascii=False),
                    json.dumps(coverage_counts(comparison)),
                ),
            )
    except Exception:  # a read-only database or a busy one: the comparison is still returned
        return False
    return True


def known_counts(store: Store, story_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Coverage counts of stories compared before (possibly before their latest change)."""
    if story_ids is None:
        rows = store.query("SELECT story, counts FROM story_comparisons")
    else:
        rows = []
        for start in range(0, len(story_ids), 500):
            chunk = story_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += store.query(
                f"SELECT story, counts FROM story_comparisons WHERE story IN ({marks})", chunk
            )
    return {r[0]: json.loads(r[1]) for r in rows}
