"""The whole pipeline on PostgreSQL gives what it gives on SQLite."""

import uuid
from pathlib import Path

from helpers import drop_schema, postgres_url

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _summary(store):
    return sorted((len(s.articles), tuple(s.outlets)) for s in store.stories())


def test_demo_on_postgres_matches_sqlite(tmp_path):
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    url = postgres_url(schema)
    try:
        pg = open_store(url)
        report = ingest_paths([DEMO], Config(db=url, progress=False, workers=1), pg)
        again = ingest_paths([DEMO], Config(db=url, progress=False, workers=1), pg)
        lite = open_store(str(tmp_path / "demo.db"))
        ingest_paths([DEMO], Config(db=str(tmp_path / "demo.db"), progress=False, workers=1), lite)
        assert report.ok and again.added == []
        assert _summary(pg) == _summary(lite)
        assert pg.search("Kellmoor") and set(pg.search("Kellmoor")) == set(lite.search("Kellmoor"))
        pg.close()
        lite.close()
    finally:
        drop_schema(schema)
