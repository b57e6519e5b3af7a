"""The shipped same-story model: it loads, reads its evidence the right way round, refuses a
file trained on other features."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosswire.stories.model import CROSS, PairModel, load_model
from crosswire.stories.pairs import FEATURES, pair_features
from crosswire.stories.similarity import Vectors


def values(**set_: float) -> list[float]:
    out = [0.0] * len(FEATURES)
    for name, value in set_.items():
        out[FEATURES.index(name)] = value
    return out


def test_the_shipped_model_loads_with_thresholds_it_chose() -> None:
    model = load_model()
    assert model.features == FEATURES
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.thread_threshold < 1.0
    assert model.cross is not None  # pairs in two languages have their own


def test_two_near_copies_join_and_two_strangers_do_not() -> None:
    model = load_model()
    words = {"bridge": 0.6, "pier": 0.5, "crack": 0.4, "detour": 0.48}
    names = {"velmora": 0.6, "quillfeather": 0.8}
    a = Vectors(words, names, "en", head=words, rarity=dict.fromkeys(names, 0.9), size=300)
    b = Vectors({"final": 0.8, "goal": 0.6}, {"saltmere": 1.0}, "en",
                head={"final": 1.0}, rarity={"saltmere": 0.9}, size=300)  # fmt: skip
    same = model.probability(pair_features(a, a, [1.0, 0.1], [1.0, 0.1]))
    apart = model.probability(pair_features(a, b, [0.9, 0.3], [0.9, 0.3]))
    assert apart < model.threshold < same


def test_pairs_in_two_languages_go_to_their_own_model() -> None:
    base = load_model()
    assert base.cross is not None
    always = replace(base.cross, bias=30.0, weights=(0.0,) * len(FEATURES))
    model = replace(base, cross=always)
    pair = values(names=0.1)
    assert model.probability(pair) < 0.5
    pair[CROSS] = 1.0
    assert model.probability(pair) == pytest.approx(1.0)


def test_a_file_trained_on_other_features_is_refused() -> None:
    data = load_model().as_dict()
    data["features"] = ["words", "names"]
    with pytest.raises(ValueError, match="retrain"):
        PairModel.from_dict(data)
