"""Ranked search by seq on both stores: best first, and only the newest matches ranked."""

import uuid

import pytest
from helpers import drop_schema, postgres_url

from crosswire.records import Article
from crosswire.store import open_store


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request, tmp_path):
    if request.param == "sqlite":
        store = open_store(str(tmp_path / "search.db"))
        yield store
        store.close()
        return
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    store = open_store(postgres_url(schema))
    try:
        yield store
    finally:
        store.close()
        drop_schema(schema)


def _add(store, aid: str, text: str) -> int:
    store.add_article(Article(id=aid, source=f"{aid}.txt", text=text, raw=text, title=None))
    store.conn.commit()
    return store.query("SELECT seq FROM articles WHERE id = ?", (aid,))[0][0]


def test_search_seqs_rank_best_first_and_name_the_articles(any_store):
    sparse = _add(any_store, "a1", "The Velmark ferry sailed. " + "Calm water and wind. " * 30)
    dense = _add(any_store, "a2", "Velmark ferry, Velmark pier, Velmark harbour.")
    _add(any_store, "a3", "Nothing about boats here.")
    assert any_store.search_seqs("velmark") == [dense, sparse]
    assert any_store.search_seqs("velmark", limit=1) == [dense]
    assert any_store.search_seqs("  ") == []


def test_only_the_newest_matches_are_ranked(any_store):
    # The oldest match is the best one; ranking the newest two leaves it out.
    best_but_oldest = _add(any_store, "old", "Quarrow Quarrow Quarrow Quarrow.")
    newer = [_add(any_store, f"n{i}", f"A note {i} on Quarrow and many other words.")
             for i in range(3)]  # fmt: skip
    assert any_store.search_seqs("quarrow")[0] == best_but_oldest
    assert set(any_store.search_seqs("quarrow", depth=2)) == set(newer[-2:])
