"""The storage interface every stage talks to, whatever the database behind it.

SQL here is written once for SQLite and PostgreSQL alike (``ON CONFLICT``, ``?`` placeholders
rewritten per dialect), so a backend supplies only a connection, its full-text index and a few
type names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crosswire.dates import date_key, day_number
from crosswire.records import Analysis, Article, IngestError, Story
from crosswire.store.comparisons import TABLES as COMPARISON_TABLES
from crosswire.store.follows import TABLES as FOLLOW_TABLES

ARTICLE_COLUMNS = (
    "id, source, title, outlet, url, published, authors, language, raw, text, removed, "
    "duplicate_of, story"
)


def like_prefix(prefix: str) -> str:
    """A ``LIKE ... ESCAPE '\\'`` pattern matching strings that start with ``prefix``.

    Examples:
        >>> like_prefix("a%_b")
        'a\\\\%\\\\_b%'
    """
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def surname_key(name: str) -> str:
    """The last word of a name, lower-cased: the key people are looked up by."""
    words = name.lower().replace("’", "'").split()
    return words[-1].removesuffix("'s") if words else ""


def _article_row(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        source=row[1],
        title=row[2],
        outlet=row[3],
        url=row[4],
        published=row[5],
        authors=json.loads(row[6] or "[]"),
        language=row[7],
        raw=row[8],
        text=row[9],
        removed=json.loads(row[10] or "[]"),
        duplicate_of=row[11],
        story=row[12],
    )


# Undated articles read per retrieval key (the latest ones): beside the dated ones of its time
# window for a dated article, alone for an undated one.
UNDATED_PER_KEY = 500


# Matches a search ranks at most, the newest: a news desk searches what is recent, and a word
# found in every tenth article would otherwise make each search cost in proportion to the store.
RANK_DEPTH = 5000


class Store:
    """Articles, their analyses, fingerprints, story features and ingest errors.

    Subclasses provide ``_connect`` and the dialect bits; everything else is shared.
    """

    placeholder = "?"
    blob_type = "BLOB"
    # How the tables of many small rows written at random places are laid out: SQLite keeps
    # each in its primary key's B-tree alone (``WITHOUT ROWID``), so an insert writes one tree,
    # not a rowid table and a key index, and the secondary indexes carry the key (covering
    # retrieval's reads). Stores made before keep their layout; the statements are the same.
    clustered = " WITHOUT ROWID"

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn = self._connect()
        self._depth = 0
        self._create_schema()

    # -- backend hooks -------------------------------------------------------------------------
    def _connect(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _create_fulltext(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _index_fulltext(self, article: Article) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def search(self, query: str, limit: int = 20) -> list[str]:  # pragma: no cover - abstract
        """Article ids whose title or text match a full-text query, best first."""
        raise NotImplementedError

    def search_seqs(
        self, query: str, limit: int = 20, depth: int = RANK_DEPTH
    ) -> list[int]:  # pragma: no cover - abstract
        """The ``seq`` of articles matching a full-text query, best first, of the newest
        ``depth`` matches: ranking costs time per match, and a common word is in a share of
        every article stored."""
        raise NotImplementedError

    def _columns(self, table: str) -> set[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def fulltext_out_of_step(self) -> tuple[list[str], list[str]]:  # pragma: no cover
        """(articles with no full-text row, rows of no article or out of step with it)."""
        raise NotImplementedError

    def rebuild_fulltext(self) -> None:  # pragma: no cover - abstract
        """Write the full-text index anew from the articles."""
        raise NotImplementedError

    def integrity_problems(self) -> list[str]:
        """What the database reports as damaged in its own files (none by default)."""
        return []

    # -- plumbing ------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cur = self.conn.cursor()
        cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; nested calls join the outer transaction."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.rollback()
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.commit()

    @contextmanager
    def writer(self, waiting: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the store's one ingest lock: two ingests into one store run one after the
        other, not interleaved (each would otherwise group the other's half-stored articles
        and race it to store the same ones). ``waiting`` is called once when another holds
        it. The lock goes with the process, however it ends. Default: no lock."""
        yield

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create_schema(self) -> None:
        blob, clustered = self.blob_type, self.clustered
        statements = [
            """CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT,
                published TEXT, authors TEXT, language TEXT, raw TEXT NOT NULL,
                text TEXT NOT NULL, removed TEXT, duplicate_of TEXT, story TEXT,
                exact_hash TEXT, seq INTEGER NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS articles_story ON articles(story)",
            "CREATE INDEX IF NOT EXISTS articles_exact ON articles(exact_hash)",
            "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet)",
            # The next article's seq is MAX(seq) + 1: without an index each insert reads the
            # whole table, and ingest slows down as the store grows (bench/scale.py).
            "CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq)",
            # Copies of an article are looked up when it changes story: without an index each
            # lookup reads the whole table (the lexical path cost 38 ms per article by 25,000
            # stored, 46% of it in that lookup; docs/benchmarks.md).
            "CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of)",
            f"""CREATE TABLE IF NOT EXISTS sources (
                source TEXT PRIMARY KEY, article TEXT NOT NULL){clustered}""",
            """CREATE TABLE IF NOT EXISTS errors (
                source TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL)""",
            """CREATE TABLE IF NOT EXISTS analyses (
                article TEXT PRIMARY KEY, data TEXT NOT NULL)""",
            f"""CREATE TABLE IF NOT EXISTS speakers (
                surname TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (surname, article)
            ){clustered}""",
            "CREATE INDEX IF NOT EXISTS speakers_article ON speakers(article)",
            f"""CREATE TABLE IF NOT EXISTS minhash (
                article TEXT PRIMARY KEY, signature {blob} NOT NULL)""",
            f"""CREATE TABLE IF NOT EXISTS lsh (
                band INTEGER NOT NULL, bucket {blob} NOT NULL, article TEXT NOT NULL,
                PRIMARY KEY (band, bucket, article)){clustered}""",
            f"""CREATE TABLE IF NOT EXISTS outlet_lines (
                outlet TEXT NOT NULL, line TEXT NOT NULL, article TEXT NOT NULL,
                PRIMARY KEY (outlet, line, article)){clustered}""",
            "CREATE INDEX IF NOT EXISTS outlet_lines_article ON outlet_lines(article)",
            """CREATE TABLE IF NOT EXISTS outlet_learned (
                outlet TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (outlet, line))""",
            # The ``outlet_line_min_articles`` an outlet's learned lines were last counted at:
            # at the same one, only this run's lines can have become frequent (counts only
            # grow), so a run need not count every line of a large outlet again.
            """CREATE TABLE IF NOT EXISTS outlet_learned_min (
                outlet TEXT PRIMARY KEY, min_articles INTEGER NOT NULL)""",
            # ``language`` repeats the one in ``data``: candidate ranking reads it for dozens
            # of candidates per article, which need not be decoded for that.
            """CREATE TABLE IF NOT EXISTS story_features (
                article TEXT PRIMARY KEY, data TEXT NOT NULL, language TEXT)""",
            f"""CREATE TABLE IF NOT EXISTS story_keys (
                key TEXT NOT NULL, article TEXT NOT NULL, day INTEGER, seq INTEGER,
                PRIMARY KEY (key, article)){clustered}""",
            "CREATE INDEX IF NOT EXISTS story_keys_article ON story_keys(article)",
            # Each article's closest candidates by word cosine (stories/near.py), kept as
            # articles arrive so that scoring a pair never retrieves a candidate's candidates.
            """CREATE TABLE IF NOT EXISTS story_near (
                article TEXT PRIMARY KEY, near TEXT NOT NULL)""",
            f"""CREATE TABLE IF NOT EXISTS term_df (
                term TEXT PRIMARY KEY, df INTEGER NOT NULL){clustered}""",
            # Ids of stories merged into another: links and follows made before still resolve.
            """CREATE TABLE IF NOT EXISTS story_aliases (
                alias TEXT PRIMARY KEY, story TEXT NOT NULL)""",
            # Stories on one running topic (stories/threads.py), each link in both directions.
            """CREATE TABLE IF NOT EXISTS story_links (
                story TEXT NOT NULL, other TEXT NOT NULL, score REAL NOT NULL,
                PRIMARY KEY (story, other))""",
        ]
        # Tables of the web app's follows and of the comparison cache live with their code.
        statements += [*FOLLOW_TABLES, *COMPARISON_TABLES]
        for statement in statements:
            self.execute(statement)
        self._date_story_keys()
        self._language_story_features()
        self._create_fulltext()
        self.conn.commit()

    def _date_story_keys(self) -> None:
        """Story keys carry their article's day and ingest order, so that retrieval reads only
        the keys of articles inside the time window (and a bounded number of undated ones)
        however large the store grows. Stores written before get the columns filled once."""
        if "day" not in self._columns("story_keys"):
            self.execute("ALTER TABLE story_keys ADD COLUMN day INTEGER")
            self.execute("ALTER TABLE story_keys ADD COLUMN seq INTEGER")
            for article, data in self.query("SELECT article, data FROM story_features"):
                self.execute(
                    "UPDATE story_keys SET day = ?, "
                    "seq = (SELECT seq FROM articles WHERE id = ?) WHERE article = ?",
                    (day_number(json.loads(data).get("published")), article, article),
                )
        # (key, day, seq): the window's rows are one range, and a key's latest undated ones are
        # read in order without passing its dated ones (a common key has thousands).
        self.execute("CREATE INDEX IF NOT EXISTS story_keys_window ON story_keys(key, day, seq)")
        self.execute("DROP INDEX IF EXISTS story_keys_day")
        self.execute("CREATE INDEX IF NOT EXISTS story_keys_seq ON story_keys(key, seq)")

    def _language_story_features(self) -> None:
        """Stored features carry their language in a column of its own (what
        :meth:`story_languages` reads); stores written before get it filled once."""
        if "language" in self._columns("story_features"):
            return
        self.execute("ALTER TABLE story_features ADD COLUMN language TEXT")
        for article, data in self.query("SELECT article, data FROM story_features"):
            self.execute(
                "UPDATE story_features SET language = ? WHERE article = ?",
                (json.loads(data).get("language"), article),
            )

    # -- articles ------------------------------------------------------------------------------
    def article_for_source(self, source: str) -> str | None:
        rows = self.query("SELECT article FROM sources WHERE source = ?", (source,))
        return rows[0][0] if rows else None

    def has_article(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, article: Article, exact_hash: str | None = None) -> bool:
        """Store a new article; return False (and change nothing) if its id is known."""
        with self.transaction():
            self.execute(
                "INSERT INTO sources (source, article) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (article.source, article.id),
            )
            if self.has_article(article.id):
                return False
            self.execute(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}, exact_hash, seq) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "(SELECT COALESCE(MAX(seq), 0) + 1 FROM articles))",
                (
                    article.id, article.source, article.title, article.outlet, article.url,
                    article.published, json.dumps(article.authors), article.language,
                    article.raw, article.text, json.dumps(article.removed),
                    article.duplicate_of, article.story, exact_hash,
                ),
            )  # fmt: skip
            self._index_fulltext(article)
            self.execute("DELETE FROM errors WHERE source = ?", (article.source,))
        return True

    def update_text(self, article_id: str, text: str, removed: list[str], exact_hash: str) -> None:
        """Replace an article's clean text (after boilerplate learning) and drop its analysis."""
        with self.transaction():
            self.execute(
                "UPDATE articles SET text = ?, removed = ?, exact_hash = ? WHERE id = ?",
                (text, json.dumps(removed), exact_hash, article_id),
            )
            self.execute("DELETE FROM analyses WHERE article = ?", (article_id,))
            article = self.get_article(article_id)
            if article is not None:
                self._index_fulltext(article)

    def ingest_rank(self, article_id: str) -> int:
        """The order in which the article was first stored (earlier copies are originals)."""
        rows = self.query("SELECT seq FROM articles WHERE id = ?", (article_id,))
        return int(rows[0][0]) if rows else 1 << 62

    def get_article(self, article_id: str) -> Article | None:
        rows = self.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return _article_row(rows[0]) if rows else None

    def resolve_article_id(self, prefix: str) -> str | None:
        """An article id from an id, a unique id prefix, or a source path."""
        if self.has_article(prefix):
            return prefix
        rows = self.query(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\'", (like_prefix(prefix),)
        )
        if len(rows) == 1:
            return rows[0][0]
        found = self.article_for_source(prefix)
        if found:
            return found
        # A file name or its start ("000" for ".../000_766263e9.txt") is how people refer to it.
        rows = self.query(
            "SELECT DISTINCT article FROM sources "
            "WHERE source LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\'",
            (like_prefix(prefix), "%/" + like_prefix(prefix)),
        )
        return rows[0][0] if len(rows) == 1 else None

    def iter_articles(
        self, ids: Iterable[str] | None = None, batch: int = 200
    ) -> Iterator[Article]:
        """Stream articles (all, or the given ids in that order) without loading them all."""
        if ids is None:
            last = ""
            while True:
                rows = self.query(
                    f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                    (last, batch),
                )
                if not rows:
                    return
                for row in rows:
                    yield _article_row(row)
                last = rows[-1][0]
        else:
            # One query per ``batch`` ids, not one per article.
            wanted = iter(ids)
            while chunk := [i for _, i in zip(range(batch), wanted, strict=False)]:
                marks = ", ".join("?" for _ in set(chunk))
                rows = self.query(
                    f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})",
                    list(dict.fromkeys(chunk)),
                )
                found = {row[0]: row for row in rows}
                for article_id in chunk:
                    if article_id in found:
                        yield _article_row(found[article_id])

    def article_ids(self, outlet: str | None = None) -> list[str]:
        if outlet is None:
            return [r[0] for r in self.query("SELECT id FROM articles ORDER BY id")]
        return [
            r[0]
            for r in self.query("SELECT id FROM articles WHERE outlet = ? ORDER BY id", (outlet,))
        ]

    def unfinished_ids(self) -> tuple[list[str], list[str]]:
        """Articles a stopped run left half done: (without a fingerprint, without a story),
        each in the order stored, so the next run finishes them.

        An article is grouped only once fingerprinted (``finish_stored``), and ``check``
        clears the story of an article whose fingerprint it drops, so the unprinted are among
        the storyless: both are read through the story index, not a scan of every article
        (which cost each ingest 0.5 s at 200,000 stored and grew with the store)."""
        unprinted = self.query(
            "SELECT id FROM articles WHERE story IS NULL "
            "AND id NOT IN (SELECT article FROM minhash) ORDER BY seq"
        )
        storyless = self.query("SELECT id FROM articles WHERE story IS NULL ORDER BY seq")
        return [r[0] for r in unprinted], [r[0] for r in storyless]

    def outlets_of(self, article_ids: Iterable[str]) -> set[str]:
        """The outlets of the given articles (those that have one)."""
        found: set[str] = set()
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), 500):  # one query per 500 ids, not one per article
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.query(f"SELECT outlet FROM articles WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows if r[0])
        return found

    def count_articles(self) -> int:
        return int(self.query("SELECT COUNT(*) FROM articles")[0][0])

    def set_duplicate_of(self, article_id: str, original: str | None) -> None:
        self.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original, article_id))

    def set_story(self, article_id: str, story: str) -> None:
        self.execute("UPDATE articles SET story = ? WHERE id = ?", (story, article_id))

    def articles_by_exact_hash(self, exact_hash: str) -> list[str]:
        return [
            r[0]
            for r in self.query(
                "SELECT id FROM articles WHERE exact_hash = ? ORDER BY id", (exact_hash,)
            )
        ]

    # -- errors --------------------------------------------------------------------------------
    def add_error(self, error: IngestError) -> None:
        self.execute(
            "INSERT INTO errors (source, code, message) VALUES (?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message",
            (error.source, error.code, error.message),
        )

    def errors(self) -> list[IngestError]:
        rows = self.query("SELECT source, code, message FROM errors ORDER BY source")
        return [IngestError(source=r[0], code=r[1], message=r[2]) for r in rows]

    # -- analyses ------------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis) -> None:
        self.execute(
            "INSERT INTO analyses (article, data) VALUES (?, ?) "
            "ON CONFLICT (article) DO UPDATE SET data = excluded.data",
            (analysis.article, json.dumps(analysis.as_dict(), ensure_ascii=False)),
        )
        # Who speaks where, by surname: `quotes --speaker` reads only those articles.
        self.execute("DELETE FROM speakers WHERE article = ?", (analysis.article,))
        self.executemany(
            "INSERT INTO speakers (surname, article) VALUES (?, ?) ON CONFLICT DO NOTHING",
            {(surname_key(q.speaker), analysis.article) for q in analysis.quotes if q.speaker},
        )

    def articles_quoting(self, name: str) -> list[str]:
        """Articles with a quote whose speaker shares the surname of ``name``."""
        rows = self.query(
            "SELECT article FROM speakers WHERE surname = ? ORDER BY article", (surname_key(name),)
        )
        return [r[0] for r in rows]

    def get_analysis(self, article_id: str) -> Analysis | None:
        rows = self.query("SELECT data FROM analyses WHERE article = ?", (article_id,))
        return Analysis.from_dict(json.loads(rows[0][0])) if rows else None

    def unanalysed_ids(self) -> list[str]:
        rows = self.query(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article = a.id "
            "WHERE n.article IS NULL ORDER BY a.id"
        )
        return [r[0] for r in rows]

    # -- fingerprints --------------------------------------------------------------------------
    def save_minhash(self, article_id: str, signature: bytes, buckets: list[bytes]) -> None:
        with self.transaction():
            self.execute(
                "INSERT INTO minhash (article, signature) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (article_id, signature),
            )
            self.executemany(
                "INSERT INTO lsh (band, bucket, article) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(band, bucket, article_id) for band, bucket in enumerate(buckets)],
            )

    def get_minhash(self, article_id: str) -> bytes | None:
        rows = self.query("SELECT signature FROM minhash WHERE article = ?", (article_id,))
        return bytes(rows[0][0]) if rows else None

    def dedup_record(self, article_id: str) -> tuple[str, bytes | None, str | None] | None:
        """(exact hash, MinHash signature or None, duplicate_of) of a stored article."""
        rows = self.query(
            "SELECT a.exact_hash, m.signature, a.duplicate_of FROM articles a "
            "LEFT JOIN minhash m ON m.article = a.id WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            return None
        exact, signature, duplicate_of = rows[0]
        return exact, bytes(signature) if signature is not None else None, duplicate_of

    def age_key(self, article_id: str) -> tuple[str | None, int]:
        """(published, seq) of an article; (None, a rank after every stored one) if absent."""
        rows = self.query("SELECT published, seq FROM articles WHERE id = ?", (article_id,))
        return (rows[0][0], int(rows[0][1])) if rows else (None, 1 << 62)

    def iter_fingerprints(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(article, exact hash, MinHash signature or None) of every stored article, for an
        engine's own candidate search."""
        rows = self.query(
            "SELECT a.id, a.exact_hash, m.signature FROM articles a "
            "LEFT JOIN minhash m ON m.article = a.id ORDER BY a.seq"
        )
        for article, exact, signature in rows:
            yield article, exact or "", bytes(signature) if signature is not None else None

    def lsh_candidates(self, buckets: list[bytes], exclude: str) -> list[str]:
        found: set[str] = set()
        for band, bucket in enumerate(buckets):
            rows = self.query(
                "SELECT article FROM lsh WHERE band = ? AND bucket = ? AND article <> ?",
                (band, bucket, exclude),
            )
            found.update(r[0] for r in rows)
        return sorted(found)

    # -- learned boilerplate -------------------------------------------------------------------
    def add_outlet_lines(self, outlet: str, article_id: str, lines: Iterable[str]) -> None:
        self.executemany(
            "INSERT INTO outlet_lines (outlet, line, article) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(outlet, line, article_id) for line in set(lines)],
        )

    def frequent_outlet_lines(self, outlet: str, min_articles: int) -> set[str]:
        rows = self.query(
            "SELECT line FROM outlet_lines WHERE outlet = ? GROUP BY line HAVING COUNT(*) >= ?",
            (outlet, min_articles),
        )
        return {r[0] for r in rows}

    def outlet_lines_reaching(
        self, outlet: str, lines: Iterable[str], min_articles: int
    ) -> set[str]:
        """Those of ``lines`` that at least ``min_articles`` articles of ``outlet`` hold at an
        edge: :meth:`frequent_outlet_lines` over the given lines, each counted only up to that
        number, so the work stays flat however many articles an outlet has."""
        found: set[str] = set()
        unique = sorted(set(lines))
        for start in range(0, len(unique), 200):
            chunk = unique[start : start + 200]
            rows = self.query(
                " UNION ALL ".join(
                    f"SELECT line FROM (SELECT line FROM outlet_lines WHERE outlet = ? "
                    f"AND line = ? LIMIT ?) AS l{i}"
                    for i in range(len(chunk))
                ),
                [v for line in chunk for v in (outlet, line, min_articles)],
            )
            counts: dict[str, int] = {}
            for (line,) in rows:
                counts[line] = counts.get(line, 0) + 1
            found.update(line for line, n in counts.items() if n >= min_articles)
        return found

    def learned_min_articles(self, outlet: str) -> int | None:
        """The minimum of articles ``outlet``'s learned lines were last counted at (None:
        never, or in a store made before it was recorded)."""
        rows = self.query("SELECT min_articles FROM outlet_learned_min WHERE outlet = ?", (outlet,))
        return int(rows[0][0]) if rows else None

    def learned_outlet_lines(self, outlet: str) -> set[str]:
        """The lines already learned as ``outlet``'s boilerplate and cleaned out."""
        rows = self.query("SELECT line FROM outlet_learned WHERE outlet = ?", (outlet,))
        return {r[0] for r in rows}

    def save_learned_outlet_lines(
        self, outlet: str, lines: Iterable[str], min_articles: int | None = None
    ) -> None:
        """Record ``lines`` as learned, and (given) the minimum they were counted at."""
        self.executemany(
            "INSERT INTO outlet_learned (outlet, line) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(outlet, line) for line in set(lines)],
        )
        if min_articles is not None:
            self.execute(
                "INSERT INTO outlet_learned_min (outlet, min_articles) VALUES (?, ?) "
                "ON CONFLICT (outlet) DO UPDATE SET min_articles = excluded.min_articles",
                (outlet, min_articles),
            )

    def articles_with_outlet_lines(self, outlet: str, lines: Iterable[str]) -> set[str]:
        """Articles of ``outlet`` holding any of ``lines`` at an edge."""
        found: set[str] = set()
        for line in set(lines):
            rows = self.query(
                "SELECT article FROM outlet_lines WHERE outlet = ? AND line = ?", (outlet, line)
            )
            found.update(r[0] for r in rows)
        return found

    def edge_lines_of(self, articles: Iterable[str]) -> dict[str, dict[str, set[str]]]:
        """outlet -> article -> its edge lines, for those of ``articles`` that have an outlet."""
        out: dict[str, dict[str, set[str]]] = {}
        for article in articles:
            rows = self.query("SELECT outlet, line FROM outlet_lines WHERE article = ?", (article,))
            for outlet, line in rows:
                out.setdefault(outlet, {}).setdefault(article, set()).add(line)
        return out

    def outlets(self) -> list[str]:
        rows = self.query("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")
        return sorted(r[0] for r in rows)

    # -- story features ------------------------------------------------------------------------
    def save_story_features(self, article_id: str, data: dict[str, Any], keys: list[str]) -> bool:
        """Store an article's grouping features once; return False if already stored."""
        if self.query("SELECT 1 FROM story_features WHERE article = ?", (article_id,)):
            return False
        with self.transaction():
            self.execute(
                "INSERT INTO story_features (article, data, language) VALUES (?, ?, ?)",
                (article_id, json.dumps(data, ensure_ascii=False), data.get("language")),
            )
            day = day_number(data.get("published"))
            seq = self.query("SELECT seq FROM articles WHERE id = ?", (article_id,))
            self.executemany(
                "INSERT INTO story_keys (key, article, day, seq) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(key, article_id, day, seq[0][0] if seq else None) for key in set(keys)],
            )
        return True

    def get_story_features(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT data FROM story_features WHERE article = ?", (article_id,))
        return json.loads(rows[0][0]) if rows else None

    def _rows_in(self, sql: str, values: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` (whose ``{marks}`` is an ``IN`` list) for every distinct value,
        500 at a time: one statement per chunk, within every engine's parameter limit."""
        unique = sorted(set(values))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            yield from self.query(sql.format(marks=", ".join("?" for _ in chunk)), chunk)

    def story_features_of(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored grouping features of those of ``article_ids`` that have them."""
        return {
            article_id: json.loads(data) for article_id, data in self._rows_in(
                "SELECT article, data FROM story_features WHERE article IN ({marks})",
                article_ids,
            )
        }  # fmt: skip

    def story_languages(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """The language of the stored features of those of ``article_ids`` that have them
        (None: none was read), without decoding the features."""
        return dict(self._rows_in(
            "SELECT article, language FROM story_features WHERE article IN ({marks})",
            article_ids,
        ))  # fmt: skip

    def story_keys_of(self, article_ids: Iterable[str]) -> dict[str, int]:
        """The retrieval keys of the given articles, with how many of them hold each."""
        keys: dict[str, int] = {}
        for (key,) in self._rows_in(
            "SELECT key FROM story_keys WHERE article IN ({marks})", article_ids
        ):
            keys[key] = keys.get(key, 0) + 1
        return keys

    def iter_story_key_rows(
        self, days: tuple[int, int] | None = None
    ) -> Iterator[tuple[str, str, int | None, int | None]]:
        """(key, article, day, ingest order) of every story key, for an engine's own candidate
        search (``engine/ray_stories.py``); with ``days`` (first, last), only the undated rows
        and those dated in that range: the rows ``articles_with_keys`` can read for articles
        dated in it."""
        sql = "SELECT key, article, day, seq FROM story_keys"
        if days is None:
            yield from self.query(sql)
        else:
            yield from self.query(f"{sql} WHERE day IS NULL OR day BETWEEN ? AND ?", days)

    def articles_with_keys(
        self,
        keys: Iterable[str],
        exclude: str,
        published: str | None = None,
        window_days: float | None = None,
        undated: int = UNDATED_PER_KEY,
    ) -> dict[str, int]:
        """Articles sharing any of ``keys`` with how many they share (candidate retrieval);
        :meth:`articles_sharing_keys` with the keys counted."""
        found = self.articles_sharing_keys(keys, exclude, published, window_days, undated)
        return {article_id: len(shared) for article_id, shared in found.items()}

    def articles_nearest_with_keys(
        self, keys: Iterable[str], exclude: str, published: str | None, days: float, nearest: int
    ) -> dict[str, int]:
        """Articles sharing any of ``keys`` with how many they share, reading per key only the
        ``nearest`` holders dated on or after ``published``'s day and the ``nearest`` before it,
        within a day more than ``days`` (ties by id), and the ``nearest`` latest undated ones;
        an undated ``published`` reads the ``nearest`` latest of any date. Reads at most
        ``3 * nearest`` rows a key however many articles of the span hold it (thread links,
        ``stories/threads.py``, which want a story's nearest incidents of its topic)."""
        day = day_number(published)
        unique = sorted(set(keys))
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(unique), 100):
            chunk = unique[start : start + 100]
            parts, params = [], []
            for i, key in enumerate(chunk):
                if day is None:
                    parts.append(
                        f"SELECT article, key FROM (SELECT article, key FROM story_keys WHERE "
                        f"key = ? AND article <> ? ORDER BY seq DESC LIMIT ?) AS u{i}"
                    )
                    params += [key, exclude, nearest]
                    continue
                reach = int(days) + 1
                parts += [
                    f"SELECT article, key FROM (SELECT article, key FROM story_keys WHERE "
                    f"key = ? AND article <> ? AND day IS NULL ORDER BY seq DESC LIMIT ?) AS u{i}",
                    f"SELECT article, key FROM (SELECT article, key FROM story_keys WHERE "
                    f"key = ? AND article <> ? AND day BETWEEN ? AND ? "
                    f"ORDER BY day, article LIMIT ?) AS a{i}",
                    f"SELECT article, key FROM (SELECT article, key FROM story_keys WHERE "
                    f"key = ? AND article <> ? AND day BETWEEN ? AND ? "
                    f"ORDER BY day DESC, article LIMIT ?) AS b{i}",
                ]
                params += [key, exclude, nearest, key, exclude, day, day + reach, nearest,
                           key, exclude, day - reach, day - 1, nearest]  # fmt: skip
            rows += self.query(" UNION ALL ".join(parts), params)
        found: dict[str, int] = {}
        for article_id, _ in rows:
            found[article_id] = found.get(article_id, 0) + 1
        return found

    def articles_sharing_keys(
        self,
        keys: Iterable[str],
        exclude: str,
        published: str | None = None,
        window_days: float | None = None,
        undated: int = UNDATED_PER_KEY,
    ) -> dict[str, list[str]]:
        """Articles sharing any of ``keys``, with the keys each shares (in the order read).

        With ``published`` and ``window_days``, only articles dated within a day more than the
        window of it, and the ``undated`` latest undated ones per key, are read; an undated
        article reads the ``undated`` latest per key. The work per article stays bounded
        however large the store grows. The same rule over records, for engines that shuffle the
        key rows, is :func:`crosswire.stories.keys.key_candidates`."""
        day = day_number(published)
        windowed = day is not None and window_days is not None
        unique = sorted(set(keys))
        rows: list[tuple[Any, ...]] = []
        # One statement per kind of row and up to 200 keys, rather than one per key: the
        # statements, not the rows (a few per key), are what retrieval spends its time on.
        for start in range(0, len(unique), 200):
            chunk = unique[start : start + 200]
            latest = " UNION ALL ".join(
                f"SELECT article, key FROM (SELECT article, key, seq FROM story_keys "
                f"WHERE key = ? AND article <> ? {'AND day IS NULL ' if windowed else ''}"
                f"ORDER BY seq DESC LIMIT ?) AS k{i}"
                for i in range(len(chunk))
            )
            rows += self.query(latest, [v for key in chunk for v in (key, exclude, undated)])
            if day is not None and window_days is not None:
                reach = int(window_days) + 1
                marks = ", ".join("?" for _ in chunk)
                rows += self.query(
                    f"SELECT article, key FROM story_keys WHERE key IN ({marks}) "
                    "AND article <> ? AND day BETWEEN ? AND ?",
                    [*chunk, exclude, day - reach, day + reach],
                )
        shared: dict[str, list[str]] = {}
        for article_id, key in rows:
            shared.setdefault(article_id, []).append(key)
        return shared

    def story_near(self, article_ids: Iterable[str]) -> dict[str, dict[str, float]]:
        """The stored near-lists (candidate -> word cosine) of those of ``article_ids`` that
        have one."""
        return {
            article_id: dict(json.loads(near)) for article_id, near in self._rows_in(
                "SELECT article, near FROM story_near WHERE article IN ({marks})", article_ids
            )
        }  # fmt: skip

    def save_story_near(self, near: dict[str, dict[str, float]]) -> None:
        """Replace the near-lists of the given articles."""
        self.executemany(
            "INSERT INTO story_near (article, near) VALUES (?, ?) "
            "ON CONFLICT (article) DO UPDATE SET near = excluded.near",
            [(a, json.dumps(sorted(n.items()), ensure_ascii=False)) for a, n in near.items()],
        )

    def add_document_terms(self, terms: Iterable[str]) -> None:
        self.executemany(
            "INSERT INTO term_df (term, df) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
            [(t,) for t in set(terms)],
        )

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        return {
            term: int(df) for term, df in self._rows_in(
                "SELECT term, df FROM term_df WHERE term IN ({marks})", terms
            )
        }  # fmt: skip

    def count_story_features(self) -> int:
        return int(self.query("SELECT COUNT(*) FROM story_features")[0][0])

    # -- stories -------------------------------------------------------------------------------
    def story_article_ids(self, story: str) -> list[str]:
        rows = self.query("SELECT id, published FROM articles WHERE story = ?", (story,))
        # In time order by the instant each date names, not by its string: zones differ.
        return [r[0] for r in sorted(rows, key=lambda r: (*date_key(r[1]), r[0]))]

    _STORY_ROWS = "SELECT story, id, outlet, title, published FROM articles WHERE "
    _STORY_ORDER = " ORDER BY story, published IS NULL, published, id"

    @staticmethod
    def _stories_from_rows(rows: list[tuple[Any, ...]]) -> list[Story]:
        grouped: dict[str, list[tuple[Any, ...]]] = {}
        for row in sorted(rows, key=lambda r: (r[0], *date_key(r[4]), r[1])):
            grouped.setdefault(row[0], []).append(row)
        stories = []
        for story_id, members in grouped.items():
            dates = sorted((m[4] for m in members if m[4]), key=date_key)
            first = next((m for m in members if m[1] == story_id), members[0])
            stories.append(
                Story(
                    id=story_id,
                    title=first[3] or next((m[3] for m in members if m[3]), None),
                    articles=[m[1] for m in members],
                    outlets=sorted({m[2] for m in members if m[2]}),
                    first_published=dates[0] if dates else None,
                    last_published=dates[-1] if dates else None,
                )
            )
        return stories

    def stories(self) -> list[Story]:
        """Every story, newest first, with its outlets and articles."""
        rows = self.query(self._STORY_ROWS + "story IS NOT NULL" + self._STORY_ORDER)
        stories = self._stories_from_rows(rows)
        # Newest first by the instant each date names (zones differ), undated last.
        stories.sort(key=lambda s: (date_key(s.last_published)[1], s.id), reverse=True)
        return stories

    def story_alias(self, story_id: str) -> str | None:
        """The story a merged story's id now stands for (following later merges), or None."""
        seen = {story_id}
        current = story_id
        while True:
            rows = self.query("SELECT story FROM story_aliases WHERE alias = ?", (current,))
            if not rows or rows[0][0] in seen:
                return None if current == story_id else current
            current = rows[0][0]
            seen.add(current)

    def stories_of(self, article_ids: Iterable[str]) -> set[str]:
        """The stories the given articles belong to."""
        return {r[0] for r in self._rows_in(
            "SELECT DISTINCT story FROM articles WHERE id IN ({marks}) AND story IS NOT NULL",
            article_ids,
        )}  # fmt: skip

    def story_by_article(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each of ``article_ids`` that has one."""
        return dict(self._rows_in(
            "SELECT id, story FROM articles WHERE id IN ({marks}) AND story IS NOT NULL",
            article_ids,
        ))  # fmt: skip

    def replace_thread_links(
        self, story: str, links: dict[str, float], compared: Iterable[str] | None = None
    ) -> None:
        """Make ``links`` (other story -> its score: the topic similarity, or the probability
        of a fragment's likeliest pair) the story's thread links among the stories it was
        ``compared`` with; its links to others (found from their side) stay. ``compared``
        None: every link of the story is replaced (a story emptied or merged away keeps
        none)."""
        if compared is None:
            self.execute("DELETE FROM story_links WHERE story = ? OR other = ?", (story, story))
        else:
            self.executemany(
                "DELETE FROM story_links WHERE story = ? AND other = ?",
                [pair for other in sorted(set(compared))
                 for pair in ((story, other), (other, story))],  # fmt: skip
            )
        self.executemany(
            "INSERT INTO story_links (story, other, score) VALUES (?, ?, ?) "
            "ON CONFLICT (story, other) DO UPDATE SET score = excluded.score",
            [row for other, score in links.items()
             for row in ((story, other, score), (other, story, score))],
        )  # fmt: skip

    def thread_of(self, story: str, limit: int = 200) -> list[str]:
        """The stories linked to ``story`` through thread links, itself included (at most
        ``limit``, nearest links first)."""
        seen = [story]
        frontier = [story]
        while frontier and len(seen) < limit:
            current = frontier.pop(0)
            rows = self.query(
                "SELECT other FROM story_links WHERE story = ? ORDER BY score DESC, other",
                (current,),
            )
            for (other,) in rows:
                if other not in seen and len(seen) < limit:
                    seen.append(other)
                    frontier.append(other)
        return seen

    def add_story_alias(self, alias: str, story: str) -> None:
        """Record that story ``alias`` was merged into ``story``."""
        self.execute(
            "INSERT INTO story_aliases (alias, story) VALUES (?, ?) "
            "ON CONFLICT (alias) DO UPDATE SET story = excluded.story",
            (alias, story),
        )

    def get_story(self, story_id: str) -> Story | None:
        """One story by id, by the id of a story merged into it, or by unique id prefix,
        read through the story index."""
        rows = self.query(self._STORY_ROWS + "story = ?" + self._STORY_ORDER, (story_id,))
        if not rows and (merged := self.story_alias(story_id)) is not None:
            rows = self.query(self._STORY_ROWS + "story = ?" + self._STORY_ORDER, (merged,))
        if not rows:
            ids = self.query(
                "SELECT DISTINCT story FROM articles WHERE story LIKE ? ESCAPE '\\'",
                (like_prefix(story_id),),
            )
            if len(ids) != 1:
                return None
            rows = self.query(self._STORY_ROWS + "story = ?" + self._STORY_ORDER, ids[0])
        story = self._stories_from_rows(rows)[0]
        story.thread = self.thread_newest_first(story.id)
        return story

    def thread_newest_first(self, story: str) -> list[str]:
        """The other stories of ``story``'s thread, newest first (by their last report)."""
        others = self.thread_of(story)[1:]
        latest = {}
        for other in others:
            dates = [r[0] for r in self.query(
                "SELECT published FROM articles WHERE story = ?", (other,)
            ) if r[0]]  # fmt: skip
            latest[other] = max((date_key(d)[1] for d in dates), default="")
        return sorted(others, key=lambda o: (latest[o], o), reverse=True)

    def thread_stories(self, story: Story) -> list[Story]:
        """The other stories of ``story``'s thread (its running topic), newest first."""
        found = (self.get_story(other) for other in story.thread)
        return [s for s in found if s is not None]

    def thread_sizes(self) -> dict[str, int]:
        """How many stories each linked story is directly linked to (the story list's view)."""
        rows = self.query("SELECT story, COUNT(*) FROM story_links GROUP BY story")
        return {story: int(count) for story, count in rows}
