"""The embedded default: one SQLite file in WAL mode with an FTS5 index over articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crosswire.records import Article
from crosswire.store.base import Store


class SQLiteStore(Store):
    """A store in one file; ``:memory:`` works for tests."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(path)

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=60)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    def _create_fulltext(self) -> None:
        self.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "id UNINDEXED, title, text, tokenize='unicode61')"
        )

    def _index_fulltext(self, article: Article) -> None:
        self.execute("DELETE FROM articles_fts WHERE id = ?", (article.id,))
        self.execute(
            "INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)",
            (article.id, article.title or "", article.text),
        )

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
