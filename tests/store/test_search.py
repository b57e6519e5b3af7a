"""Ranked search by seq on both stores: best first, and only the newest matches ranked."""

from crosswire.records import Article


def _add(store, aid: str, text: str) -> int:
    store.add_article(Article(id=aid, source=f"{aid}.txt", text=text, raw=text, title=None))
    store.conn.commit()
    return store.query("SELECT seq FROM articles WHERE id = ?", (aid,))[0][0]


def test_search_seqs_rank_best_first_and_name_the_articles(store):
    sparse = _add(store, "a1", "The Velmark ferry sailed. " + "Calm water and wind. " * 30)
    dense = _add(store, "a2", "Velmark ferry, Velmark pier, Velmark harbour.")
    _add(store, "a3", "Nothing about boats here.")
    assert store.search_seqs("velmark") == [dense, sparse]
    assert store.search_seqs("velmark", limit=1) == [dense]
    assert store.search_seqs("  ") == []


def test_only_the_newest_matches_are_ranked(store):
    # The oldest match is the best one; ranking the newest two leaves it out.
    best_but_oldest = _add(store, "old", "Quarrow Quarrow Quarrow Quarrow.")
    newer = [_add(store, f"n{i}", f"A note {i} on Quarrow and many other words.")
             for i in range(3)]  # fmt: skip
    assert store.search_seqs("quarrow")[0] == best_but_oldest
    assert set(store.search_seqs("quarrow", depth=2)) == set(newer[-2:])
