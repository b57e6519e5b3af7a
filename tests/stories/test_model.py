"""The shipped same-story model: it loads, reads its evidence the right way round, refuses a
file trained on other features."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.stories.model import CROSS, MODEL_ENV, UNDETERMINED, PairModel, load_model
from crosswire.stories.pairs import CLASHES, FEATURES, pair_features
from crosswire.stories.similarity import Vectors


def values(**set_: float) -> list[float]:
    out = [0.0] * len(FEATURES)
    for name, value in set_.items():
        out[FEATURES.index(name)] = value
    return out


def test_the_shipped_model_loads_with_thresholds_it_chose() -> None:
    model = load_model()
    assert set(model.features) <= set(FEATURES)
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.thread_threshold < 1.0
    assert 0.0 < model.fragment_threshold < model.threshold  # a fragment's link asks less
    assert model.cross is not None  # pairs in two languages have their own
    assert model.undetermined is not None  # and so do pairs with a side too short to read


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
    always = replace(base.cross, bias=30.0, weights=(0.0,) * len(base.cross.features))
    model = replace(base, cross=always)
    pair = values(names=0.1)
    assert model.probability(pair) < 0.5
    pair[CROSS] = 1.0
    assert model.probability(pair) == pytest.approx(1.0)


def constant(probability_bias: float, features: tuple[str, ...] = FEATURES) -> PairModel:
    n = len(features)
    return PairModel(features, (0.0,) * n, (1.0,) * n, (0.0,) * n, probability_bias, 0.5)


def test_each_kind_of_pair_goes_to_its_model() -> None:
    model = replace(constant(-40.0), cross=constant(30.0), undetermined=constant(0.0))
    pair = values(names=0.4)
    assert model.probability(pair) == 0.0
    pair[CROSS] = 1.0
    assert model.probability(pair) == pytest.approx(1.0)
    pair[CROSS], pair[UNDETERMINED] = 0.0, 1.0
    assert model.probability(pair) == pytest.approx(0.5)
    # A file written before pairs with an unread side had their own model: the model of two
    # languages takes them, as it was trained to.
    assert replace(model, undetermined=None).probability(pair) == pytest.approx(1.0)


def test_a_model_reads_only_the_features_it_names() -> None:
    names_only = PairModel(("names", "anchors"), (0.0, 0.0), (1.0, 1.0), (10.0, 0.0), -5.0, 0.5)
    shared = values(names=0.9, words=0.0)
    apart = values(names=0.1, words=1.0)
    assert names_only.probability(shared) > 0.9 > 0.1 > names_only.probability(apart)
    assert PairModel.from_dict(names_only.as_dict()) == names_only


def test_a_file_trained_on_other_features_is_refused() -> None:
    data = load_model().as_dict()
    data["features"] = ["words", "names"]
    with pytest.raises(ValueError, match="retrain"):
        PairModel.from_dict(data)
    data = {**constant(0.0, ("words", "names")).as_dict(), "features": ["words", "tone"]}
    with pytest.raises(ValueError, match="tone"):
        PairModel.from_dict(data)


def test_another_model_file_is_read_when_the_environment_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A model trained without half the labelled pairs is scored through the same code.
    other = replace(load_model(), threshold=0.9)
    path = tmp_path / "held_out.json"
    path.write_text(json.dumps(other.as_dict()), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(path))
    load_model.cache_clear()
    try:
        assert load_model().threshold == 0.9
    finally:
        monkeypatch.delenv(MODEL_ENV)
        load_model.cache_clear()
    assert load_model().threshold != 0.9


def test_a_model_reads_clashes_when_it_or_a_sub_model_names_one() -> None:
    plain = constant(0.0, tuple(f for f in FEATURES if f not in CLASHES))
    assert not plain.reads_clashes
    assert constant(0.0).reads_clashes
    assert replace(plain, undetermined=constant(0.0)).reads_clashes
    assert replace(plain, cross=constant(0.0)).reads_clashes
    assert not replace(plain, cross=plain, undetermined=plain).reads_clashes
    # What the shipped model reads decides whether grouping computes them.
    shipped = load_model()
    named = {f for m in (shipped, shipped.cross, shipped.undetermined) if m for f in m.features}
    assert shipped.reads_clashes == bool(named & set(CLASHES))
