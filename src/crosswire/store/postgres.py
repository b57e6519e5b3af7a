"""PostgreSQL for teams: the same tables and SQL as SQLite, full text through tsvector."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crosswire.records import Article
from crosswire.store.base import RANK_DEPTH, Store


class PostgresStore(Store):
    """A store in a PostgreSQL database (``postgresql://user@host:port/db``).

    ``?schema=NAME`` keeps several crosswire databases apart in one PostgreSQL database.
    """

    placeholder = "%s"
    blob_type = "BYTEA"
    clustered = ""

    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError as exc:  # an extra, not a core dependency
            raise RuntimeError(
                "PostgreSQL storage needs psycopg: pip install 'crosswire[postgres]'"
            ) from exc
        parts = urlsplit(self.url)
        schema = parse_qs(parts.query).get("schema", [None])[0]
        conn = psycopg.connect(parts._replace(query="").geturl())
        if schema:
            with conn.cursor() as cur:
                # Concurrent CREATE ... IF NOT EXISTS can still collide: one at a time.
                cur.execute(f"SELECT pg_advisory_xact_lock({self._SCHEMA_KEY})")
                cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                cur.execute(f'SET search_path TO "{schema}"')
            conn.commit()
        return conn

    _SCHEMA_KEY = "hashtext('crosswire-schema')"

    def _create_schema(self) -> None:
        # Two processes opening a new database at once would both create its tables; the
        # lock is released when the schema's transaction commits.
        self.query(f"SELECT pg_advisory_xact_lock({self._SCHEMA_KEY})")
        super()._create_schema()

    _LOCK_KEY = "hashtext('crosswire-ingest:' || current_schema())"

    @contextmanager
    def writer(self, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        # A session-level advisory lock per schema: kept across commits, dropped with the
        # connection when the process ends.
        got = self.query(f"SELECT pg_try_advisory_lock({self._LOCK_KEY})")[0][0]
        self.conn.commit()
        if not got:
            if waiting is not None:
                waiting()
            self.query(f"SELECT pg_advisory_lock({self._LOCK_KEY})")
            self.conn.commit()
        try:
            yield
        finally:
            with suppress(Exception):  # a broken connection has dropped the lock already
                self.conn.rollback()
                self.query(f"SELECT pg_advisory_unlock({self._LOCK_KEY})")
                self.conn.commit()

    def _sql(self, sql: str) -> str:
        # psycopg uses %s; a literal % (LIKE patterns are parameters, so none here) would
        # need doubling.
        return sql.replace("?", "%s")

    def _create_fulltext(self) -> None:
        self.execute(
            "CREATE TABLE IF NOT EXISTS articles_fts (id TEXT PRIMARY KEY, doc TSVECTOR NOT NULL)"
        )
        self.execute("CREATE INDEX IF NOT EXISTS articles_fts_doc ON articles_fts USING GIN (doc)")

    def _index_fulltext(self, article: Article) -> None:
        self.execute(
            "INSERT INTO articles_fts (id, doc) VALUES (?, "
            "setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?)) "
            "ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
            (article.id, article.title or "", article.text),
        )

    def fulltext_out_of_step(self) -> tuple[list[str], list[str]]:
        missing = self.query(
            "SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_fts) ORDER BY seq"
        )
        extra = self.query(
            "SELECT id FROM articles_fts WHERE id NOT IN (SELECT id FROM articles) ORDER BY id"
        )
        return [r[0] for r in missing], [r[0] for r in extra]

    def rebuild_fulltext(self) -> None:
        with self.transaction():
            self.execute("DELETE FROM articles_fts")
            self.execute(
                "INSERT INTO articles_fts (id, doc) SELECT id, "
                "setweight(to_tsvector('simple', COALESCE(title, '')), 'A') "
                "|| to_tsvector('simple', text) FROM articles"
            )

    def _columns(self, table: str) -> set[str]:
        rows = self.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {row[0] for row in rows}

    def search(self, query: str, limit: int = 20) -> list[str]:
        words = [w for w in query.split() if w.strip()]
        if not words:
            return []
        rows = self.query(
            "SELECT id FROM articles_fts, plainto_tsquery('simple', ?) q WHERE doc @@ q "
            "ORDER BY ts_rank(doc, q) DESC, id LIMIT ?",
            (" ".join(words), limit),
        )
        return [r[0] for r in rows]

    def search_seqs(self, query: str, limit: int = 20, depth: int = RANK_DEPTH) -> list[int]:
        words = [w for w in query.split() if w.strip()]
        if not words:
            return []
        # Only the newest `depth` matches are ranked: ts_rank reads each match's vector.
        rows = self.query(
            "WITH q AS (SELECT plainto_tsquery('simple', ?) AS q), "
            "newest AS (SELECT a.seq, f.doc FROM articles_fts f JOIN articles a ON a.id = f.id, q "
            "WHERE f.doc @@ q.q ORDER BY a.seq DESC LIMIT ?) "
            "SELECT seq FROM newest, q ORDER BY ts_rank(doc, q.q) DESC, seq DESC LIMIT ?",
            (" ".join(words), depth, limit),
        )
        return [r[0] for r in rows]
