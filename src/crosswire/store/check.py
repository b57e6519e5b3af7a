"""What ``crosswire check`` looks for in a store, and the repairs that need no pipeline.

A store can be left half done by a killed run (articles without a fingerprint or a story), by
a crash inside a backend (an index row out of step) or by hand edits (ids pointing nowhere).
Each finding names its kind, how many rows, and a few of the ids, so a user can look them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.store.base import Store

SHOWN_IDS = 5


@dataclass(slots=True)
class Finding:
    """One kind of damage: ``kind`` (a stable name), how many rows, a few ids, what it means."""

    kind: str
    count: int
    what: str
    ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "count": self.count, "what": self.what, "ids": self.ids}


def _ids(store: Store, sql: str) -> list[str]:
    return [r[0] for r in store.query(sql)]


# kind -> (what it means, the query of the ids it concerns)
ARTICLE_CHECKS: dict[str, tuple[str, str]] = {
    "no-story": (
        "articles in no story (a run stopped before grouping them)",
        "SELECT id FROM articles WHERE story IS NULL ORDER BY seq",
    ),
    "no-fingerprint": (
        "articles without a fingerprint (a run stopped before deduplicating them)",
        "SELECT id FROM articles WHERE id NOT IN (SELECT article FROM minhash) ORDER BY seq",
    ),
    "dangling-story": (
        "articles whose story names no stored article",
        "SELECT id FROM articles WHERE story IS NOT NULL "
        "AND story NOT IN (SELECT id FROM articles) ORDER BY seq",
    ),
    "dangling-duplicate": (
        "articles marked as a copy of an article that is not stored",
        "SELECT id FROM articles WHERE duplicate_of IS NOT NULL "
        "AND duplicate_of NOT IN (SELECT id FROM articles) ORDER BY seq",
    ),
}


def check_store(store: Store) -> list[Finding]:
    """Every kind of damage found, none when the store is sound."""
    findings = []
    for kind, (what, sql) in ARTICLE_CHECKS.items():
        ids = _ids(store, sql)
        if ids:
            findings.append(Finding(kind, len(ids), what, ids[:SHOWN_IDS]))
    missing, extra = store.fulltext_out_of_step()
    if missing:
        what = "articles missing from the full-text index (search does not find them)"
        findings.append(Finding("fulltext-missing", len(missing), what, missing[:SHOWN_IDS]))
    if extra:
        what = "full-text rows of no article, or out of step with it"
        findings.append(Finding("fulltext-extra", len(extra), what, extra[:SHOWN_IDS]))
    problems = store.integrity_problems()
    if problems:
        what = "the database file itself reports damage: " + "; ".join(problems[:SHOWN_IDS])
        findings.append(Finding("integrity", len(problems), what))
    return findings


# Grouped articles without a fingerprint: damage only (an ingest groups an article once it
# is fingerprinted, and the next run looks for unfingerprinted articles among the storyless).
GROUPED_UNPRINTED = (
    "SELECT id FROM articles WHERE story IS NOT NULL "
    "AND id NOT IN (SELECT article FROM minhash) ORDER BY seq"
)


def clear_dangling(store: Store) -> int:
    """Forget the ids that point nowhere, so that finishing the store's work sets them again:
    a dangling story is grouped anew, a dangling copy fingerprinted and linked anew, and an
    article that lost its fingerprint fingerprinted and grouped anew (it may be a copy)."""
    stories = list(dict.fromkeys(  # an article may be both: counted once
        _ids(store, ARTICLE_CHECKS["dangling-story"][1]) + _ids(store, GROUPED_UNPRINTED)
    ))  # fmt: skip
    copies = _ids(store, ARTICLE_CHECKS["dangling-duplicate"][1])
    with store.transaction():
        for article_id in stories:
            store.execute("UPDATE articles SET story = NULL WHERE id = ?", (article_id,))
        for article_id in copies:
            store.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (article_id,))
            store.execute("DELETE FROM minhash WHERE article = ?", (article_id,))
            store.execute("DELETE FROM lsh WHERE article = ?", (article_id,))
            store.execute("UPDATE articles SET story = NULL WHERE id = ?", (article_id,))
    return len(stories) + len(copies)
