"""Candidate ranking: which retrieved articles an article is scored against."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from crosswire.config import Config
from crosswire.records import Article
from crosswire.store import Store
from crosswire.stories.candidates import (
    MIN_SHARED_KEYS,
    SCORED_CANDIDATES,
    key_term,
    key_weights,
    one_language,
    rank_candidates,
    worth_scoring,
)
from crosswire.stories.group import _Batch, index_articles
from crosswire.stories.similarity import idf
from tests.stories.test_group import BRIDGE, add, fictional, make


@pytest.fixture
def grouping(config: Config) -> Config:
    return replace(config, story_threshold=None, story_embedder=None)


def test_key_terms_are_the_document_frequency_entries() -> None:
    assert key_term("w:bridge") == "bridge"
    assert key_term("n:Tessa Quillfeather") == "@Tessa Quillfeather"


def test_rare_keys_weigh_more_than_common_ones() -> None:
    weights = key_weights(["w:crack", "n:Orrin"], {"crack": 90, "@Orrin": 2}, 100)
    assert weights["n:Orrin"] == pytest.approx(idf(2, 100) ** 2)
    assert weights["n:Orrin"] > weights["w:crack"] > 1.0


def test_two_rare_names_outrank_three_common_words() -> None:
    weights = key_weights(
        ["w:city", "w:council", "w:said", "n:Orrin", "n:Velmora"],
        {"city": 80, "council": 70, "said": 95, "@Orrin": 1, "@Velmora": 3},
        100,
    )
    shared = {"topic": ["w:city", "w:council", "w:said"], "incident": ["n:Orrin", "n:Velmora"]}
    assert rank_candidates(shared, weights) == ["incident", "topic"]


def test_at_most_the_limit_and_the_same_in_any_order() -> None:
    rng = random.Random(3)
    keys = [f"w:k{i}" for i in range(40)]
    weights = {k: float(rng.randint(1, 9)) for k in keys}
    shared = {f"c{i:03d}": rng.sample(keys, rng.randint(1, 6)) for i in range(200)}
    ranked = rank_candidates(shared, weights)
    assert len(ranked) == SCORED_CANDIDATES
    items = list(shared.items())
    rng.shuffle(items)
    assert rank_candidates(dict(items), weights) == ranked
    scores = [sum(weights[k] for k in set(shared[c])) for c in ranked]
    assert scores == sorted(scores, reverse=True)
    left = [sum(weights[k] for k in set(v)) for c, v in shared.items() if c not in ranked]
    assert max(left) <= scores[-1]


def test_a_key_shared_twice_counts_once() -> None:
    weights = {"w:a": 5.0, "w:b": 3.0}
    assert rank_candidates({"x": ["w:b", "w:b"], "y": ["w:a"]}, weights) == [
        "y",
        "x",
    ]


def test_the_store_says_which_keys_each_article_shares(store: Store, grouping: Config) -> None:
    articles = fictional()
    add(store, articles)
    index_articles(store, articles, grouping)
    keys = [k for (k,) in store.query("SELECT key FROM story_keys WHERE article = ?",
                                      ("lantern-bridge",))]  # fmt: skip
    shared = store.articles_sharing_keys(keys, "lantern-bridge", "2031-05-01T09:00:00", 7)
    assert "lantern-bridge" not in shared
    assert {a: len(k) for a, k in shared.items()} == store.articles_with_keys(
        keys, "lantern-bridge", "2031-05-01T09:00:00", 7
    )
    assert all(set(found) <= set(keys) for found in shared.values())


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "si"]


def made_up(i: int, j: int) -> str:
    """A fictional name, different for every ``i`` (and each ``j`` of it)."""
    first = "".join(SYLLABLES[(i * 7 + j * 3 + k) % 8] for k in range(3))
    return first.title() + "".join(SYLLABLES[(i + j + k * 5) % 8] for k in range(2))


def other_bridge(i: int) -> Article:
    """The bridge report told of another town's bridge: the same topic words, other names."""
    _, title, text = BRIDGE["lantern-bridge"]
    town, street, mayor = f"Bel{made_up(i, 1).lower()}", f"{made_up(i, 2)} Lane", made_up(i, 3)
    for old, new in (
        ("Orrin Street", street),
        ("Velmora", town),
        ("Tessa Quillfeather", f"Ada {mayor}"),
        ("40,000", f"{1000 + 37 * i:,}"),
    ):
        text, title = text.replace(old, new), title.replace(old, new)
    return make(f"crowd{i:02d}", ("Harbour Post", title, text), "2031-05-02T09:00:00")


def test_a_crowded_window_scores_the_same_reports_first(store: Store, grouping: Config) -> None:
    """Dozens of same-day reports of other bridges share the story's topic words; the
    story's own reports (its names and places) are still among the few scored."""
    articles = fictional() + [other_bridge(i) for i in range(3 * SCORED_CANDIDATES)]
    add(store, articles)
    index_articles(store, articles, grouping)
    batch = _Batch(store, grouping)
    features = batch.get_features("lantern-bridge")
    assert features is not None
    retrieved = store.articles_sharing_keys(
        batch.keys("lantern-bridge"), "lantern-bridge", features.published, 7
    )
    assert len(retrieved) > 2 * SCORED_CANDIDATES
    found = batch.candidates("lantern-bridge")
    assert len(found) == SCORED_CANDIDATES
    assert set(found[:2]) == set(BRIDGE) - {"lantern-bridge"}


def test_word_vectors_are_those_of_the_full_vectors(store: Store, grouping: Config) -> None:
    articles: list[Article] = fictional()
    add(store, articles)
    index_articles(store, articles, grouping)
    words = _Batch(store, grouping).word_vector("courier-bridge")
    full = _Batch(store, grouping).vector("courier-bridge")
    assert words and full is not None and words == full.words


def test_one_language_needs_both_read_and_alike() -> None:
    assert one_language("en", "en")
    assert not one_language("en", "de")
    assert not one_language("und", "und")
    assert not one_language(None, "en") and not one_language("en", None)


def test_one_shared_key_is_enough_only_across_languages() -> None:
    shared = {
        "same-one": ["w:pier"],
        "same-one-twice": ["w:pier", "w:pier"],
        "same-two": ["w:pier", "n:Orrin"],
        "other-one": ["n:Orrin"],
        "unread-one": ["n:Orrin"],
        "unknown-one": ["w:pier"],
    }
    languages = {
        "same-one": "en", "same-one-twice": "en", "same-two": "en", "other-one": "de",
        "unread-one": "und",
    }  # fmt: skip
    kept = worth_scoring(shared, "en", languages)
    assert sorted(kept) == ["other-one", "same-two", "unknown-one", "unread-one"]
    assert kept["same-two"] == shared["same-two"]
    # An article whose own language was not read keeps every candidate.
    assert worth_scoring(shared, "und", languages) == shared
    assert MIN_SHARED_KEYS == 2


def _stored(store: Store, article_id: str, language: str, keys: list[str]) -> None:
    store.add_article(Article(id=article_id, source=f"{article_id}.txt", text="x", raw="x"))
    data = {"terms": {"pier": 2, article_id: 1}, "names": {}, "language": language,
            "published": "2031-05-01T09:00:00"}  # fmt: skip
    store.save_story_features(article_id, data, keys)


def test_the_batch_scores_no_one_key_candidate_in_the_article_s_language(
    store: Store, grouping: Config
) -> None:
    """Dozens of reports in the article's language sharing one of its keys are never scored,
    however many the window holds; those sharing two are, and so is a report in another
    language sharing one (reports in two languages share only a name or a word)."""
    _stored(store, "article", "en", ["w:pier", "w:crack", "n:Orrin"])
    for i in range(3 * SCORED_CANDIDATES):
        _stored(store, f"chance{i:03d}", "en", ["w:pier", f"w:other{i}"])
    _stored(store, "report", "en", ["w:pier", "w:crack"])
    _stored(store, "bericht", "de", ["n:Orrin"])
    batch = _Batch(store, grouping)
    assert sorted(batch.candidates("article")) == ["bericht", "report"]
    assert batch.candidates("chance000") == []  # the rule goes both ways
