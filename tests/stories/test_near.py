"""Near-lists: each article's closest candidates, kept as articles arrive."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosswire.config import Config
from crosswire.store import Store
from crosswire.stories import assign_stories
from crosswire.stories.group import _Batch, index_articles
from crosswire.stories.near import NEAR_KEPT, closest
from tests.stories.test_group import BRIDGE, CUP, add, fictional


@pytest.fixture
def grouping(config: Config) -> Config:
    return replace(config, story_threshold=None, story_embedder=None)


def near_lists(store: Store) -> dict[str, dict[str, float]]:
    return store.story_near(a.id for a in store.iter_articles())


def test_closest_keeps_the_highest_and_breaks_ties_by_id() -> None:
    near = {f"a{i:02d}": 0.5 for i in range(NEAR_KEPT + 5)} | {"best": 0.9}
    kept = closest(near)
    assert len(kept) == NEAR_KEPT
    assert next(iter(kept)) == "best"
    assert "a00" in kept and f"a{NEAR_KEPT + 4:02d}" not in kept


def test_each_pair_is_in_both_near_lists(store: Store, grouping: Config) -> None:
    articles = fictional()
    add(store, articles)
    index_articles(store, articles, grouping)
    near = near_lists(store)
    assert set(near) == set(BRIDGE) | set(CUP)
    pairs = {(a, b): value for a, found in near.items() for b, value in found.items()}
    assert pairs  # the reports of one story retrieve each other
    assert all(pairs.get((b, a)) == value for (a, b), value in pairs.items())
    # The reports of one incident are each other's closest candidates.
    for story in (BRIDGE, CUP):
        for article in story:
            best = max(near[article], key=near[article].get)
            assert best in story


def test_batches_keep_the_same_near_pairs_as_one_run(
    store: Store, grouping: Config, tmp_path
) -> None:
    from crosswire.store import open_store

    articles = fictional()
    add(store, articles)
    for start in range(0, len(articles), 2):
        assign_stories(store, [a.id for a in articles[start : start + 2]], grouping)
    other = open_store(str(tmp_path / "one-run.db"))
    assign_stories(other, add(other, articles), grouping)
    in_batches = {a: set(n) for a, n in near_lists(store).items()}
    assert in_batches == {a: set(n) for a, n in near_lists(other).items()}
    other.close()


def test_indexing_again_changes_no_near_list(store: Store, grouping: Config) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, grouping)
    before = store.query("SELECT * FROM story_near ORDER BY article")
    index_articles(store, fictional(), grouping)
    assign_stories(store, ids, grouping)
    assert store.query("SELECT * FROM story_near ORDER BY article") == before


def test_an_article_indexed_before_near_lists_gets_one_from_its_candidates(
    store: Store, grouping: Config
) -> None:
    ids = add(store, fictional())
    assign_stories(store, ids, grouping)
    kept = near_lists(store)["lantern-bridge"]
    store.execute("DELETE FROM story_near")
    batch = _Batch(store, grouping)
    assert batch.nearby("lantern-bridge") == sorted(kept.values(), reverse=True)
    assert set(near_lists(store)) == {"lantern-bridge"}
