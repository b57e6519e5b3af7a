"""Story ids through merges and splits: the older id stays, the merged one resolves to it."""

from __future__ import annotations

from crosswire.records import Article
from crosswire.store import Store
from crosswire.stories.naming import name_clusters


def add(store: Store, article_id: str, story: str | None) -> None:
    store.add_article(Article(id=article_id, source=f"{article_id}.txt", text="Text.", raw="",
                              story=story))  # fmt: skip


def test_a_merge_keeps_the_older_id_and_the_other_becomes_an_alias(store: Store) -> None:
    for article_id, story in (("a1", "a1"), ("a2", "a1"), ("b1", "b1"), ("n1", None)):
        add(store, article_id, story)
    before = {"a1": "a1", "a2": "a1", "b1": "b1", "n1": None}
    stories, aliases = name_clusters(store, [["a1", "b1", "a2", "n1"]], before)
    assert set(stories.values()) == {"a1"}
    assert aliases == {"b1": "a1"}


def test_a_split_keeps_the_id_with_the_larger_part(store: Store) -> None:
    for article_id in ("a1", "a2", "a3"):
        add(store, article_id, "a1")
    before = dict.fromkeys(("a1", "a2", "a3"), "a1")
    stories, aliases = name_clusters(store, [["a1"], ["a2", "a3"]], before)
    assert stories["a2"] == stories["a3"] == "a1"
    assert stories["a1"] != "a1" and stories["a1"].startswith("a1")  # its own id is taken
    assert aliases == {}


def test_new_articles_take_their_first_report_id(store: Store) -> None:
    for article_id in ("n1", "n2"):
        add(store, article_id, None)
    stories, _ = name_clusters(store, [["n2", "n1"]], {"n1": None, "n2": None})
    assert stories == {"n1": "n2", "n2": "n2"}


def test_the_store_resolves_a_merged_id(store: Store) -> None:
    add(store, "a1", "a1")
    store.add_story_alias("b1", "a1")
    store.add_story_alias("c1", "b1")
    assert store.story_alias("c1") == "a1"
    story = store.get_story("c1")
    assert story is not None and story.id == "a1"
    assert store.story_alias("a1") is None
