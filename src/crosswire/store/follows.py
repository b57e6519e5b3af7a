"""Follows and their alerts: a story or a person an analyst keeps an eye on.

A follow remembers every item it has seen (an outlet carrying the story, a conflict, a quote);
an update compares what is there now with what was seen, and what is new becomes one alert
per kind, which the follow's Atom feed shows. What exists when a story is first followed is
its baseline, not news.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store creates these tables: no import of it at run time
    from crosswire.store.base import Store


KINDS = ("story", "person")

TABLES = (
    """CREATE TABLE IF NOT EXISTS follows (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, label TEXT,
        created TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS follow_seen (
        follow TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (follow, item))""",
    """CREATE TABLE IF NOT EXISTS alerts (
        id TEXT PRIMARY KEY, follow TEXT NOT NULL, kind TEXT NOT NULL, story TEXT,
        title TEXT NOT NULL, summary TEXT NOT NULL, link TEXT NOT NULL,
        created TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS alerts_follow ON alerts(follow, created)",
)


@dataclass(slots=True)
class Follow:
    id: str
    kind: str
    target: str
    label: str | None
    created: str


@dataclass(slots=True)
class Alert:
    """One Atom entry: what is new in a followed story or from a followed person."""

    id: str
    follow: str
    kind: str
    story: str | None
    title: str
    summary: str
    link: str
    created: str


def follow_id(kind: str, target: str) -> str:
    """The same follow always has the same id: following twice changes nothing."""
    digest = hashlib.blake2b(f"{kind}\x1f{target}".encode(), digest_size=6).hexdigest()
    return f"{kind[0]}{digest}"


def add_follow(store: Store, kind: str, target: str, label: str | None, now: str) -> Follow:
    if kind not in KINDS:
        raise ValueError(f"one follows a story or a person, not {kind!r}")
    fid = follow_id(kind, target)
    with store.transaction():
        store.execute(
            "INSERT INTO follows (id, kind, target, label, created) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (fid, kind, target, label, now),
        )
    found = get_follow(store, fid)
    assert found is not None
    return found


def remove_follow(store: Store, fid: str) -> bool:
    with store.transaction():
        existed = bool(store.query("SELECT 1 FROM follows WHERE id = ?", (fid,)))
        for table, column in (("alerts", "follow"), ("follow_seen", "follow"), ("follows", "id")):
            store.execute(f"DELETE FROM {table} WHERE {column} = ?", (fid,))
    return existed


def _follow(row: tuple) -> Follow:
    return Follow(*row)


def get_follow(store: Store, fid: str) -> Follow | None:
    rows = store.query(
        "SELECT id, kind, target, label, created FROM follows WHERE id = ?", (fid,)
    )
    return _follow(rows[0]) if rows else None


def follows(store: Store) -> list[Follow]:
    rows = store.query(
        "SELECT id, kind, target, label, created FROM follows ORDER BY created, id"
    )
    return [_follow(r) for r in rows]


def seen_items(store: Store, fid: str) -> set[str]:
    return {r[0] for r in store.query("SELECT item FROM follow_seen WHERE follow = ?", (fid,))}


def mark_seen(store: Store, fid: str, items: Iterable[str]) -> None:
    store.executemany(
        "INSERT INTO follow_seen (follow, item) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(fid, item) for item in items],
    )


def add_alert(store: Store, alert: Alert) -> None:
    store.execute(
        "INSERT INTO alerts (id, follow, kind, story, title, summary, link, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (alert.id, alert.follow, alert.kind, alert.story, alert.title, alert.summary,
         alert.link, alert.created),
    )  # fmt: skip


def alerts(store: Store, fid: str | None = None, limit: int = 100) -> list[Alert]:
    """The newest alerts first, of one follow or of all."""
    where, params = ("WHERE follow = ? ", (fid,)) if fid else ("", ())
    rows = store.query(
        "SELECT id, follow, kind, story, title, summary, link, created FROM alerts "
        f"{where}ORDER BY created DESC, id LIMIT ?",
        (*params, limit),
    )
    return [Alert(*r) for r in rows]
