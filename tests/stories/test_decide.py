"""The story decision over records: pair scores and the regrouping, without a store."""

from __future__ import annotations

import random
from collections import Counter

from crosswire.records import Article
from crosswire.stories.decide import (
    REGROUP_MEMBERS,
    Match,
    decide_clusters,
    likely_candidates,
    pair_probability,
    regroup_plan,
)
from crosswire.stories.features import article_features
from crosswire.stories.model import load_model
from crosswire.stories.similarity import vectors

DAM = [
    ("Spillway opened at Orvel dam", "Engineers opened the spillway of the Orvel dam on Sunday "
     "after days of rain. Chief engineer Ida Brannock said the reservoir was stable and that "
     "residents of Kessel and Tine should stay alert; 1,200 homes were told to prepare."),
    ("Orvel dam releases water", "The Orvel dam released water through its spillway on Sunday, "
     "chief engineer Ida Brannock said, asking Kessel and Tine residents to stay alert. About "
     "1,200 homes were warned."),
]
PORT = ("Tarsk port reopens", "The port of Tarsk reopened on Friday after a nine-day strike "
        "over night-shift pay. Dockers accepted a six percent rise, union leader Oma Ferrant "
        "said, and the first container ship left the harbour at dawn.")


def _vectors(title: str, text: str, published: str | None):
    article = Article(id=title, source="x", text=text, raw=text, title=title, published=published)
    features = article_features(article)
    terms = Counter()
    return vectors(features, terms, 20)


def test_a_pair_of_one_incident_scores_above_the_threshold_and_others_below() -> None:
    model = load_model()
    first = _vectors(*DAM[0], "2026-03-01")
    second = _vectors(*DAM[1], "2026-03-02")
    port = _vectors(*PORT, "2026-03-01")
    same = pair_probability(model, 7.0, first, second)
    assert same >= model.threshold
    assert pair_probability(model, 7.0, second, first) == same
    assert pair_probability(model, 7.0, first, port) < model.threshold
    late = _vectors(*DAM[1], "2026-03-20")
    assert pair_probability(model, 7.0, first, late) == 0.0  # outside the window


def test_the_plan_takes_small_stories_apart_and_keeps_a_large_one_whole() -> None:
    large = [f"l{i:02d}" for i in range(REGROUP_MEMBERS + 1)]
    plan = regroup_plan(
        ["n1", "n2"],
        {"n1": ["s1", "n2", "far"], "n2": ["l00"]},
        {"small": ["s1", "s2", "s3"], "large": large},
    )
    assert plan.seeds == [["n1"], ["n2"], large, ["s1"], ["s2"], ["s3"]]
    assert plan.before["s2"] == "small" and plan.before["l07"] == "large"
    assert plan.before["n1"] is None
    assert set(plan.pairs) == {
        ("n1", "s1"), ("n1", "n2"), ("l00", "n2"), ("s1", "s2"), ("s1", "s3"), ("s2", "s3")
    }


def test_the_decision_does_not_depend_on_the_order_of_its_input() -> None:
    rng = random.Random(3)
    ids = [f"a{i:02d}" for i in range(12)]
    event = {a: i // 4 for i, a in enumerate(ids)}
    noise = {(a, b): rng.random() * 0.2 for a in ids for b in ids}

    def score(a: str, b: str) -> float:
        return 0.9 - noise[a, b] if event[a] == event[b] else noise[a, b]

    candidates = {a: [b for b in ids if b != a] for a in ids}
    plan = regroup_plan(ids, candidates, {})
    clusters = decide_clusters(plan, score, 0.5)
    assert sorted(sorted(c) for c in clusters) == sorted([ids[0:4], ids[4:8], ids[8:12]])
    for _ in range(3):
        shuffled = list(reversed(ids))
        rng.shuffle(shuffled)
        again = regroup_plan(shuffled, {a: candidates[a][::-1] for a in shuffled}, {})
        assert decide_clusters(again, score, 0.5) == clusters
    matches = [Match("x", 0.7), Match("y", 0.5), Match("z", 0.2)]
    assert likely_candidates(matches, 0.5) == ["x", "y"]
