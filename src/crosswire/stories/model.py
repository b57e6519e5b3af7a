"""The learned same-story decision: how likely two articles are to report one incident.

A logistic regression over :data:`crosswire.stories.pairs.FEATURES` (a second one for pairs
in two languages, which share no words and are told apart by names and figures, and a third
for pairs with one side whose language could not be read, mostly short leads), each reading
the features it names, trained on the shared labelled sets (ECB+ train, NeuS train, the
SemEval pairs) by ``scripts/train_story_model.py``, which writes ``story_model.json`` beside
this module. The file also holds the average link at which clusters are joined and the topic
similarity at which stories form a thread, chosen on the training parts too, so no threshold
is set by hand.
Plain arithmetic at run time: no scikit-learn model is unpickled, and the lexical path needs
no neural model.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from crosswire.stories.pairs import CLASHES, FEATURES

MODEL_FILE = Path(__file__).with_name("story_model.json")
# A model file to read instead of the shipped one: one trained without part of the labelled
# pairs, so that part can be scored held out (``bench/stories.py --model``).
MODEL_ENV = "CROSSWIRE_STORY_MODEL"
CROSS = FEATURES.index("cross_language")
UNDETERMINED = FEATURES.index("undetermined_language")


@dataclass(frozen=True, slots=True)
class PairModel:
    """Standardised features, weights and bias, and the join threshold on the probability.

    ``features`` are the names of the :data:`FEATURES` it reads, in its weights' order: a
    model trained before a feature was added keeps reading what it was trained on.

    The top model's ``threshold`` is the one every pair is joined at. A sub-model (``cross``,
    ``undetermined``) may have been chosen at a threshold of its own on its own pairs; that
    one is folded into its bias (a shift of the log-odds), so its probability reaches the
    top threshold where it reached its own, and its ``threshold`` only records it."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    # Topic similarity of two stories at which they are one thread (stories/threads.py).
    thread_threshold: float = 1.0
    # Probability of a fragment's likeliest pair at which it joins that pair's story's thread
    # (stories/threads.py; above 1: fragments are linked by topic alone, as before).
    fragment_threshold: float = 1.01
    # The model of pairs in two languages, whose evidence is names and figures alone (None:
    # this one decides them too).
    cross: PairModel | None = None
    # The model of pairs with one side in a language that could not be read (None: the model
    # of two languages decides them, as models trained before it was split off did).
    undetermined: PairModel | None = None
    columns: tuple[int, ...] = field(init=False, repr=False, compare=False)
    # Whether this model or a sub-model reads a clash feature (``pairs.CLASHES``): when none
    # does, they need not be computed.
    reads_clashes: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unknown = [f for f in self.features if f not in FEATURES]
        sizes = {len(self.features), len(self.mean), len(self.scale), len(self.weights)}
        if unknown or len(sizes) > 1:
            what = f"features crosswire does not compute ({', '.join(unknown)})" if unknown else (
                "weights that do not match its feature names"
            )  # fmt: skip
            raise ValueError(
                f"{MODEL_FILE.name} reads {what}: retrain it with scripts/train_story_model.py"
            )
        object.__setattr__(self, "columns", tuple(FEATURES.index(f) for f in self.features))
        reads = any(f in CLASHES for f in self.features) or any(
            sub.reads_clashes for sub in (self.cross, self.undetermined) if sub is not None
        )
        object.__setattr__(self, "reads_clashes", reads)

    def route(self, values: list[float]) -> PairModel:
        """The model that decides a pair: by the languages of its two sides."""
        if values[UNDETERMINED] == 1.0 and (self.undetermined or self.cross) is not None:
            return self.undetermined or self.cross  # type: ignore[return-value]
        if values[CROSS] == 1.0 and self.cross is not None:
            return self.cross
        return self

    def probability(self, values: list[float]) -> float:
        model = self.route(values)
        z = model.bias
        for column, mean, scale, weight in zip(
            model.columns, model.mean, model.scale, model.weights, strict=True
        ):
            z += weight * (values[column] - mean) / scale
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def as_dict(self) -> dict[str, object]:
        return {
            "features": list(self.features), "mean": list(self.mean),
            "scale": list(self.scale), "weights": list(self.weights),
            "bias": self.bias, "threshold": self.threshold,
            "thread_threshold": self.thread_threshold,
            "fragment_threshold": self.fragment_threshold,
            **({"cross": self.cross.as_dict()} if self.cross else {}),
            **({"undetermined": self.undetermined.as_dict()} if self.undetermined else {}),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PairModel:
        features = tuple(data["features"])  # type: ignore[arg-type]
        return cls(
            features=features,
            mean=tuple(data["mean"]),  # type: ignore[arg-type]
            scale=tuple(data["scale"]),  # type: ignore[arg-type]
            weights=tuple(data["weights"]),  # type: ignore[arg-type]
            bias=float(data["bias"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            thread_threshold=float(data.get("thread_threshold", 1.0)),  # type: ignore[arg-type]
            fragment_threshold=float(data.get("fragment_threshold", 1.01)),  # type: ignore[arg-type]
            cross=cls.from_dict(data["cross"]) if data.get("cross") else None,  # type: ignore[arg-type]
            undetermined=(
                cls.from_dict(data["undetermined"])  # type: ignore[arg-type]
                if data.get("undetermined") else None
            ),
        )


@cache
def load_model(path: Path | None = None) -> PairModel:
    """The shipped model (or the one ``CROSSWIRE_STORY_MODEL`` names), read once per process."""
    path = path or Path(os.environ.get(MODEL_ENV) or MODEL_FILE)
    return PairModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
