"""The embedded default: one SQLite file in WAL mode with an FTS5 index over articles."""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from crosswire.records import Article
from crosswire.store.base import RANK_DEPTH, Store

# PRAGMA user_version from which full-text rows have the article's seq as rowid.
FULLTEXT_BY_SEQ = 1


class SQLiteStore(Store):
    """A store in one file; ``:memory:`` works for tests."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(path)

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # IMMEDIATE: a write transaction takes the write lock when it begins, waiting up to the
        # timeout for it; a deferred one that read first fails at once ("database is locked")
        # when another connection wrote in between.
        conn = sqlite3.connect(self.path, timeout=60, isolation_level="IMMEDIATE")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def writer(self, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        if self.path == ":memory:":
            yield
            return
        try:
            handle = open(f"{self.path}-lock", "a+b")  # noqa: SIM115 - closed below
        except OSError:  # no lock file here (a read-only folder): writing fails on its own
            yield
            return
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None:
                    waiting()
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _create_fulltext(self) -> None:
        self.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "id UNINDEXED, title, text, tokenize='unicode61')"
        )
        if self.query("PRAGMA user_version")[0][0] < FULLTEXT_BY_SEQ:
            # Stores written before the index rows were keyed by the article's seq: rebuild
            # them once, so that replacing a row is a lookup and not a scan.
            self.execute("DELETE FROM articles_fts")
            self.execute(
                "INSERT INTO articles_fts (rowid, id, title, text) "
                "SELECT seq, id, COALESCE(title, ''), text FROM articles"
            )
            self.execute(f"PRAGMA user_version = {FULLTEXT_BY_SEQ}")

    def _index_fulltext(self, article: Article) -> None:
        # An FTS5 row is found fast only by its rowid ("id" is an unindexed column: matching
        # on it reads the whole index), so the row's rowid is the article's seq.
        rows = self.query("SELECT seq FROM articles WHERE id = ?", (article.id,))
        if not rows:
            return
        seq = rows[0][0]
        self.execute("DELETE FROM articles_fts WHERE rowid = ?", (seq,))
        self.execute(
            "INSERT INTO articles_fts (rowid, id, title, text) VALUES (?, ?, ?, ?)",
            (seq, article.id, article.title or "", article.text),
        )

    def fulltext_out_of_step(self) -> tuple[list[str], list[str]]:
        missing = self.query(
            "SELECT id FROM articles WHERE seq NOT IN (SELECT rowid FROM articles_fts) "
            "ORDER BY seq"
        )
        # A row's rowid is its article's seq and it carries the article's id: either wrong is
        # a row out of step.
        extra = self.query(
            "SELECT f.id FROM articles_fts f LEFT JOIN articles a ON a.seq = f.rowid "
            "WHERE a.id IS NULL OR a.id <> f.id ORDER BY f.rowid"
        )
        return [r[0] for r in missing], [str(r[0]) for r in extra]

    def rebuild_fulltext(self) -> None:
        with self.transaction():
            self.execute("DELETE FROM articles_fts")
            self.execute(
                "INSERT INTO articles_fts (rowid, id, title, text) "
                "SELECT seq, id, COALESCE(title, ''), text FROM articles"
            )

    def integrity_problems(self) -> list[str]:
        rows = [str(r[0]) for r in self.query("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        try:  # FTS5 compares its index with the rows it holds (a command written as an insert)
            self.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            if "readonly" not in str(exc):  # a read-only file cannot run it: no finding
                problems.append(f"full-text index: {exc}")
        self.conn.rollback()
        return problems

    def _columns(self, table: str) -> set[str]:
        return {row[1] for row in self.query(f"PRAGMA table_info({table})")}

    def search(self, query: str, limit: int = 20) -> list[str]:
        # Quote each word so user text is never parsed as FTS5 syntax.
        words = [w.replace('"', "") for w in query.split() if w.strip('"')]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        rows = self.query(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [r[0] for r in rows]

    def search_seqs(self, query: str, limit: int = 20, depth: int = RANK_DEPTH) -> list[int]:
        words = [w.replace('"', "") for w in query.split() if w.strip('"')]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        # The index rows' rowid is the article's seq: the oldest of the newest `depth` matches
        # is found walking rowids (cheap), and only the matches from it on are ranked.
        floor = self.query(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (match, max(0, depth - 1)),
        )
        rows = self.query(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
            "ORDER BY rank LIMIT ?",
            (match, floor[0][0] if floor else 0, limit),
        )
        return [r[0] for r in rows]
