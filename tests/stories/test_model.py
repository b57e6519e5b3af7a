"""The shipped same-story model: it loads, reads its evidence the right way round, refuses a
file trained on other features."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosswire.stories.model import CROSS, PairModel, load_model
from crosswire.stories.pairs import FEATURES


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


def test_more_shared_words_and_rare_names_mean_more_likely_one_incident() -> None:
    model = load_model()
    weak = model.probability(values(words=0.1, names=0.1, head=0.1))
    strong = model.probability(values(words=0.6, names=0.6, head=0.6, rare_names=0.5,
                                      standout=1.0, best_ratio=1.0))  # fmt: skip
    assert weak < model.threshold < strong


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
