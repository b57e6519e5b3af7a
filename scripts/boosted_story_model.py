"""Would a non-linear model over the same pair features group stories better? (not shipped)

The shipped pair model (``scripts/train_story_model.py``) is a logistic regression: each
feature adds to the log-odds on its own. A gradient-boosted tree model
(scikit-learn's ``HistGradientBoostingClassifier``) can learn what a feature means beside
another (shared names on a short lead, a high cosine with no figure in common). This trains
one on the same pairs in one language (ECB+ train, NeuS train, the SemEval pairs; each set and
class weighed alike, the clash features left out as in the shipped model), leaves the pairs in
two languages and with an unread side to the shipped sub-models, and scores B-cubed F1 in
memory at each join threshold of ``GRID``: the training parts (in-sample, the way the shipped
model's threshold is chosen) and the dev parts, beside the shipped model on the same dev
parts. The threshold chosen is the one with the best mean over the training parts.

    .venv/bin/python scripts/boosted_story_model.py      # about 15 minutes on two cores
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_story_model as training  # noqa: E402

from crosswire.stories.model import CROSS, UNDETERMINED, PairModel, load_model  # noqa: E402
from crosswire.stories.pairs import CLASHES, FEATURES  # noqa: E402

GRID = (0.4, 0.5, 0.6, 0.7, 0.8)
ONE_LANGUAGE = tuple(f for f in training.ONE_LANGUAGE if f not in CLASHES)


class Boosted:
    """The boosted model for pairs in one language, the shipped sub-models for the rest: the
    interface :meth:`train_story_model.Indexed.bcubed` reads."""

    def __init__(self, trees: HistGradientBoostingClassifier, shipped: PairModel,
                 threshold: float) -> None:  # fmt: skip
        self.trees, self.shipped, self.threshold = trees, shipped, threshold
        self.thread_threshold = shipped.thread_threshold
        self.cross, self.undetermined = shipped.cross, shipped.undetermined
        self.reads_clashes = False
        self.columns = [FEATURES.index(f) for f in ONE_LANGUAGE]
        self.known: dict[tuple[float, ...], float] = {}

    def route(self, values: list[float]) -> PairModel:
        return self.shipped.route(values)

    def prepare(self, rows: list[list[float]]) -> None:
        """The probabilities of many pairs in one call (one call per pair is slow)."""
        new = [tuple(r) for r in rows if tuple(r) not in self.known]
        if new:
            p = self.trees.predict_proba(np.array(new)[:, self.columns])[:, 1]
            self.known.update(zip(new, map(float, p), strict=True))

    def probability(self, values: list[float]) -> float:
        if self.shipped.route(values) is not self.shipped:
            return self.shipped.probability(values)
        self.prepare([values])
        return self.known[tuple(values)]


def main() -> int:
    started = time.perf_counter()
    shipped = load_model()
    train = {name: training.Indexed(training.load(name, part)) for name, part in training.TRAIN}
    parts = [t.examples() for t in train.values()] + [training.semeval_examples()]
    columns = [FEATURES.index(f) for f in ONE_LANGUAGE]
    one = []
    for x, y in parts:
        kept = (x[:, CROSS] != 1.0) & (x[:, UNDETERMINED] != 1.0)
        one.append((x[kept][:, columns], y[kept]))
    x = np.vstack([p[0] for p in one])
    y = np.concatenate([p[1] for p in one])
    trees = HistGradientBoostingClassifier(
        max_depth=3, max_iter=200, learning_rate=0.05, l2_regularization=1.0, random_state=0
    ).fit(x, y, sample_weight=training.balanced_weights(one))
    print(f"trained on {len(y)} pairs in one language ({int(y.sum())} same story), "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    dev = {name: training.Indexed(training.load(name, part)) for name, part in training.DEV}
    print(
        "shipped logistic regression, dev: "
        + " ".join(f"{name} {d.bcubed(shipped, shipped.threshold):.3f}" for name, d in dev.items())
    )
    means = {}
    for threshold in GRID:
        model = Boosted(trees, shipped, threshold)
        for indexed in (*train.values(), *dev.values()):
            model.prepare(list(indexed.pairs.values()))
        seen = {name: t.bcubed(model, threshold) for name, t in train.items()}
        means[threshold] = statistics.mean(seen.values())
        held = {name: d.bcubed(model, threshold) for name, d in dev.items()}
        print(f"boosted, join at {threshold:.1f}: train (in-sample) "
              + " ".join(f"{n} {v:.3f}" for n, v in seen.items()) + "; dev "
              + " ".join(f"{n} {v:.3f}" for n, v in held.items()), flush=True)  # fmt: skip
    chosen = max(GRID, key=lambda t: means[t])
    print(f"chosen on the training parts: {chosen:.1f}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
