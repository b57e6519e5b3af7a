"""The learned same-story decision: how likely two articles are to report one incident.

A logistic regression over :data:`crosswire.stories.pairs.FEATURES` (and a second one for
pairs in two languages, which share no words and are told apart by names and figures),
trained on the shared labelled sets (ECB+ train, NeuS train, the SemEval pairs) by
``scripts/train_story_model.py``, which writes ``story_model.json`` beside this module. The
file also holds the average link at which clusters are joined and the topic similarity at
which stories form a thread, chosen on the training parts too, so no threshold is set by hand.
Plain arithmetic at run time: no scikit-learn model is unpickled, and the lexical path needs
no neural model.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crosswire.stories.pairs import FEATURES

MODEL_FILE = Path(__file__).with_name("story_model.json")
CROSS = FEATURES.index("cross_language")


@dataclass(frozen=True, slots=True)
class PairModel:
    """Standardised features, weights and bias, and the join threshold on the probability."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    # Topic similarity of two stories at which they are one thread (stories/threads.py).
    thread_threshold: float = 1.0
    # The model of pairs in two languages, whose evidence is names and figures alone (None:
    # this one decides them too).
    cross: PairModel | None = None

    def probability(self, values: list[float]) -> float:
        if self.cross is not None and values[CROSS] == 1.0:
            return self.cross.probability(values)
        z = self.bias
        for value, mean, scale, weight in zip(
            values, self.mean, self.scale, self.weights, strict=True
        ):
            z += weight * (value - mean) / scale
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def as_dict(self) -> dict[str, object]:
        return {
            "features": list(self.features), "mean": list(self.mean),
            "scale": list(self.scale), "weights": list(self.weights),
            "bias": self.bias, "threshold": self.threshold,
            "thread_threshold": self.thread_threshold,
            **({"cross": self.cross.as_dict()} if self.cross else {}),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PairModel:
        features = tuple(data["features"])  # type: ignore[arg-type]
        if features != FEATURES:
            raise ValueError(
                f"{MODEL_FILE.name} was trained on other features ({', '.join(features)}): "
                "retrain it with scripts/train_story_model.py"
            )
        return cls(
            features=features,
            mean=tuple(data["mean"]),  # type: ignore[arg-type]
            scale=tuple(data["scale"]),  # type: ignore[arg-type]
            weights=tuple(data["weights"]),  # type: ignore[arg-type]
            bias=float(data["bias"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            thread_threshold=float(data.get("thread_threshold", 1.0)),  # type: ignore[arg-type]
            cross=cls.from_dict(data["cross"]) if data.get("cross") else None,  # type: ignore[arg-type]
        )


@cache
def load_model(path: Path = MODEL_FILE) -> PairModel:
    """The shipped model, read once per process."""
    return PairModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
