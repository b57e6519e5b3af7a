"""The retrieval rule over key rows is the rule the store's key index applies."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from pathlib import Path

from crosswire.dates import day_number
from crosswire.store import open_store
from crosswire.stories.features import StoryFeatures
from crosswire.stories.keys import (
    KEY_WORDS,
    KeyRow,
    key_candidates,
    shared_keys,
    story_keys,
    top_candidates,
)

KEYS = ["n:orvel", "n:brannock", "w:spillway", "w:reservoir", "n:kessel"]


def _rows(seed: int) -> tuple[list[KeyRow], dict[str, str | None]]:
    """Fictional key rows: 60 articles over five weeks (one in five undated), each holding
    two to four of five keys, in ingest order."""
    rng = random.Random(seed)
    published: dict[str, str | None] = {}
    rows = []
    for seq in range(60):
        article = f"a{seq:02d}"
        date = None if rng.random() < 0.2 else f"2026-03-{rng.randint(1, 31):02d}T12:00:00"
        published[article] = date
        for key in rng.sample(KEYS, rng.randint(2, 4)):
            rows.append(KeyRow(key, article, day_number(date), seq + 1))
    return rows, published


def _by_rule(rows: list[KeyRow], wanted: set[str], window: float, undated: int):
    groups: dict[str, list[KeyRow]] = defaultdict(list)
    for row in rows:
        groups[row.key].append(row)
    pairs = [p for g in groups.values() for p in key_candidates(g, wanted, window, undated)]
    return shared_keys(pairs)


def test_key_rows_give_each_article_what_the_store_index_gives(tmp_path: Path) -> None:
    rows, published = _rows(7)
    store = open_store(str(tmp_path / "keys.db"))
    store.executemany(
        "INSERT INTO story_keys (key, article, day, seq) VALUES (?, ?, ?, ?)",
        [(r.key, r.article, r.day, r.seq) for r in rows],
    )
    window, undated = 3.0, 2  # a short window and a small undated bound, so both bite
    found = _by_rule(rows, set(published), window, undated)
    random.Random(1).shuffle(rows)
    assert _by_rule(rows, set(published), window, undated) == found  # any order of rows
    reached_outside = undated_cut = 0
    for article, date in published.items():
        keys = [r.key for r in rows if r.article == article]
        stored = store.articles_with_keys(keys, article, date, window, undated)
        assert found.get(article, {}) == stored, article
        day = day_number(date)
        if day is not None:
            reached_outside += any(
                day_number(published[c]) is not None and abs(day_number(published[c]) - day) > 4
                for c in stored
            )
        undated_cut += sum(1 for c in stored if published[c] is None) < sum(
            1 for a, d in published.items() if d is None and a != article
        )
    assert reached_outside == 0  # the window held
    assert undated_cut > 0  # the bound on undated rows was exercised
    store.close()


def test_an_undated_article_reaches_the_latest_rows_of_any_date() -> None:
    rows = [
        KeyRow("n:orvel", "old", 740000, 1),
        KeyRow("n:orvel", "mid", None, 2),
        KeyRow("n:orvel", "new", 740090, 3),
        KeyRow("n:orvel", "q", None, 4),
    ]
    assert sorted(key_candidates(rows, {"q"}, 7.0, undated=2)) == [("q", "mid"), ("q", "new")]


def test_top_candidates_rank_by_shared_keys_then_id() -> None:
    shared = {"c": 2, "a": 2, "b": 5, "d": 1}
    assert top_candidates(shared, 3) == ["b", "a", "c"]
    assert top_candidates(dict(reversed(list(shared.items()))), 3) == ["b", "a", "c"]


def test_story_keys_are_an_article_s_heaviest_words_and_names() -> None:
    terms = {f"word{i:02d}": 1 + i % 4 for i in range(20)}
    features = StoryFeatures(terms=Counter(terms), names=Counter({"Orvel": 2, "Kessel": 1}))
    df = {t: 1 + 5 * i for i, t in enumerate(terms)}  # later words are commoner
    keys = story_keys(features, df, 200)
    words = [k for k in keys if k.startswith("w:")]
    assert len(words) == KEY_WORDS and keys[-2:] == ["n:Orvel", "n:Kessel"]
    weight = {t: (1 + math.log(c)) * (math.log(201 / (1 + df[t])) + 1) for t, c in terms.items()}
    assert [w[2:] for w in words] == sorted(weight, key=lambda t: -weight[t])[:KEY_WORDS]
