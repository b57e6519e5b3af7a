"""``crosswire check`` finds every kind of damage on every backend, and ``--repair`` leaves
the store as an unbroken ingest would have."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.cli import main
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import SQLiteStore
from crosswire.store.check import check_store

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _stories(store) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(s.articles)) for s in store.stories())


def _damage(store) -> None:
    ids = store.article_ids()
    store.execute("UPDATE articles SET story = NULL WHERE id = ?", (ids[0],))
    store.execute("DELETE FROM minhash WHERE article = ?", (ids[1],))
    store.execute("UPDATE articles SET story = 'gone-story' WHERE id = ?", (ids[2],))
    store.execute("UPDATE articles SET duplicate_of = 'gone-copy' WHERE id = ?", (ids[3],))
    store.execute("DELETE FROM articles_fts WHERE id = ?", (ids[4],))
    if isinstance(store, SQLiteStore):
        store.execute("INSERT INTO articles_fts (rowid, id, title, text) "
                      "VALUES (999999, 'ghost', '', 'ghost text')")  # fmt: skip
    else:
        store.execute("INSERT INTO articles_fts (id, doc) VALUES ('ghost', "
                      "to_tsvector('simple', 'ghost text'))")  # fmt: skip
    store.conn.commit()


def test_check_finds_each_kind_and_repair_restores_the_ingest(store, capsys):
    ingest_paths([DEMO], Config(progress=False, workers=1), store, analyse=False)
    assert check_store(store) == []
    before = _stories(store)
    _damage(store)
    kinds = {f.kind: f for f in check_store(store)}
    assert set(kinds) == {"no-story", "no-fingerprint", "dangling-story", "dangling-duplicate",
                          "fulltext-missing", "fulltext-extra"}  # fmt: skip
    assert all(f.count == 1 and f.ids for f in kinds.values())
    assert main(["check", "--db", store.url]) == 1
    capsys.readouterr()
    assert main(["check", "--repair", "--json", "--db", store.url, "--analyse", "none"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["findings"] == [] and answer["repaired"]
    store.conn.rollback()
    assert check_store(store) == [] and _stories(store) == before
    assert store.search("spillway")  # the index answers again


def test_integrity_check_reports_a_damaged_sqlite_file(tmp_path):
    db = tmp_path / "cw.db"
    ingest_paths([DEMO], Config(progress=False, workers=1, db=str(db)), analyse=False)
    with SQLiteStore(str(db)) as store:
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = store.query("PRAGMA page_count")[0][0]
        size = store.query("PRAGMA page_size")[0][0]
    data = bytearray(db.read_bytes())
    last = (pages - 2) * size  # a page of the tables, not the schema on page 1
    data[last + 8 : last + size] = b"\xa5" * (size - 8)
    db.write_bytes(bytes(data))
    with SQLiteStore(str(db)) as store:
        assert any(f.kind == "integrity" for f in check_store(store))
