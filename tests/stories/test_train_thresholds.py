"""The training script's threshold per sub-model, folded into the sub-model's bias."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from crosswire.stories.model import CROSS, UNDETERMINED, PairModel
from crosswire.stories.pairs import FEATURES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_story_model.py"


@pytest.fixture(scope="module")
def train():  # noqa: ANN201
    spec = importlib.util.spec_from_file_location("train_story_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def linear(bias: float) -> PairModel:
    """A model whose log-odds are ``bias`` plus the word cosine."""
    n = len(FEATURES)
    weights = tuple(1.0 if f == "words" else 0.0 for f in FEATURES)
    return PairModel(FEATURES, (0.0,) * n, (1.0,) * n, weights, bias, 0.5)


def test_a_sub_model_reaches_the_join_threshold_where_it_reached_its_own(train) -> None:  # noqa: ANN001
    model = replace(linear(0.0), cross=linear(-1.0), undetermined=linear(0.5))
    joined = train.joined_at(model, 0.6, {"cross": 0.3, "undetermined": 0.7})
    assert joined.threshold == 0.6
    assert joined.cross.threshold == 0.3 and joined.undetermined.threshold == 0.7
    for column, sub, own in ((CROSS, model.cross, 0.3), (UNDETERMINED, model.undetermined, 0.7)):
        # The word cosine at which the unshifted sub-model reaches its own threshold.
        words = math.log(own / (1 - own)) - sub.bias
        pair = [0.0] * len(FEATURES)
        pair[FEATURES.index("words")] = words
        pair[column] = 1.0
        assert joined.probability(pair) == pytest.approx(0.6, abs=1e-5)
        assert sub.probability(pair) == pytest.approx(own, abs=1e-9)
    # The model of one language is left as it was; so is a sub-model with no threshold of its own.
    assert joined.bias == model.bias and joined.weights == model.weights
    alone = train.joined_at(model, 0.6, {})
    assert alone.cross == model.cross and alone.undetermined == model.undetermined


def test_held_out_probabilities_come_from_models_that_did_not_see_them(train) -> None:  # noqa: ANN001
    rng = np.random.default_rng(0)
    x = rng.random((60, len(FEATURES)))
    y = (x[:, 0] > 0.5).astype(int)
    (p,) = train.held_out([(x, y)], ("words", "names"), 1.0, 0)
    assert p.shape == (60,) and ((p > 0) & (p < 1)).all()
    scores = train.cross_validated(x, y, 1.0, ("words", "names"))
    assert set(scores) == set(train.OWN_GRID) and max(scores.values()) > 0.8


def test_threads_are_what_the_links_connect(train) -> None:  # noqa: ANN001
    root = train.components(6, [(0, 1), (1, 2), (4, 5)])
    assert root[0] == root[1] == root[2] and root[4] == root[5]
    assert len({root[0], root[3], root[4]}) == 3
