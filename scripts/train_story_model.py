"""Retrain the same-story pair model (``src/crosswire/stories/story_model.json``).

Trained only on the shared training parts (``../shared/data/stories/``): ECB+ train and NeuS
train, whose articles are indexed as crosswire indexes them and paired with the candidates
its retrieval proposes (same gold story or not), and the SemEval English and cross-language
pairs rated by people (Overall <= 1.5 the same story, >= 3.5 not). A logistic regression on
standardised :data:`crosswire.stories.pairs.FEATURES`, each set and class
weighed alike, a second one on the pairs in two languages (the SemEval ones: no shared words,
names and figures must carry them; its regularisation chosen by cross-validation on them), and
a third for the pairs with one side whose language could not be read (short leads of ECB+ and
NeuS, mostly in one language), trained on those and the pairs in two languages, as an unread
side may be in either; the average link at which clusters join
is the one that gives the best mean over the two training sets' B-cubed F1 (on their candidate
graphs) and the SemEval pairs' F1: clusters of leads, clusters of full reports, and pairs of
reports by different outlets.
The dev parts (ECB+ dev, BASIL dev, NeuS val) are scored for the choice between variants and
never trained on.

    .venv/bin/python scripts/train_story_model.py            # train, score dev, write the file
    .venv/bin/python scripts/train_story_model.py --dry-run  # train and score, write nothing
    .venv/bin/python scripts/train_story_model.py --without-half 0 --join-threshold 0.55 \\
        --skip-dev --out /tmp/m0.json  # trained without half the English SemEval pairs, for
        # bench/stories.py --model /tmp/m0.json --half 0
    .venv/bin/python scripts/train_story_model.py --languages-only  # retrain the models of
        # pairs in two languages and of undetermined pairs; keep the shipped one-language
        # model and its thresholds
    .venv/bin/python scripts/train_story_model.py --own-thresholds  # the models of pairs in
        # two languages and of unread sides choose a threshold of their own (not shipped)
    .venv/bin/python scripts/train_story_model.py --clashes  # the models read the day,
        # month and amount clashes (not shipped)
    .venv/bin/python scripts/train_story_model.py --threads-only  # choose the thread and
        # fragment thresholds again for the shipped model (ECB+ train, a minute)

With ``--own-thresholds`` each sub-model joins at a threshold of its own, chosen on its own
training pairs (by default all join at the one join threshold, as the shipped model): the model
of pairs in two languages at the one that, jointly with its regularisation, gives the best
held-out pair F1 over 5 folds (repeated), the model of unread pairs at the one that gives the
best held-out pair F1 on the unread pairs it decides. The model of one language joins at the
average link chosen on the training sets' clusters. A sub-model's own threshold is folded into
its bias (a log-odds shift), so grouping reads one threshold and its code does not change.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import SHARED  # noqa: E402
from stories_bcubed import bcubed  # noqa: E402

from crosswire.config import Config  # noqa: E402
from crosswire.records import Article  # noqa: E402
from crosswire.store import open_store  # noqa: E402
from crosswire.stories.cluster import agglomerate, pair_key  # noqa: E402
from crosswire.stories.group import _Batch, index_articles  # noqa: E402
from crosswire.stories.model import (  # noqa: E402
    CROSS,
    MODEL_FILE,
    UNDETERMINED,
    PairModel,
    load_model,
)
from crosswire.stories.pairs import CLASHES, FEATURES  # noqa: E402
from crosswire.stories.threads import (  # noqa: E402
    FRAGMENT_MEMBERS,
    read_topic,
    topic_similarity,
)

csv.field_size_limit(10**8)
STORIES = SHARED / "data" / "stories"
TRAIN = (("ecbplus", "train"), ("neus", "train"))
DEV = (("ecbplus", "dev"), ("basil", "dev"), ("neus", "val"))
SAME, DIFFERENT = 1.5, 3.5
GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(14))
# Regularisation strength of the logistic regression (scikit-learn's C).
C = 1.0
# Strengths the model of pairs in two languages chooses from, by cross-validation on its few
# hundred pairs (a stronger prior may suit them better than the many thousands of one language).
CROSS_C = (0.1, 0.3, 1.0)
FOLDS, REPEATS = 5, 5
# Where the model is written (``--out``; the shipped file by default).
OUT = MODEL_FILE
SKIP_DEV = False
# The evidence added for pairs in two languages (shared anchors, the name cosine they back):
# the models of one language and of undetermined pairs read what they were chosen with.
TWO_LANGUAGE_ONLY = ("undetermined_language", "anchors", "two_anchors", "anchored_names")
ONE_LANGUAGE = tuple(f for f in FEATURES if f not in TWO_LANGUAGE_ONLY)
# The flags that route a pair to its model are no evidence inside the model they route to (the
# model of undetermined pairs learns from pairs in two languages too, and must not tell them
# apart by the flag).
ROUTING = ("cross_language", "undetermined_language")
UNREAD = tuple(f for f in ONE_LANGUAGE if f not in ROUTING)
# Clashes of the days, months and amounts two reports state: read by the models of one language
# and of unread pairs, whose reports are of one press; a report in another language restates
# an incident in its own calendar words and roundings, which the few hundred pairs in two
# languages are too few to learn.
TWO_LANGUAGES = tuple(f for f in FEATURES if f not in ROUTING and f not in CLASHES)
# Thresholds a sub-model chooses its own from (on its held-out pairs).
OWN_GRID = GRID


def load(name: str, part: str) -> list[dict]:
    with (STORIES / name / f"{part}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _article(record_id: str, title: str | None, text: str, published: str | None) -> Article:
    return Article(id=record_id, source=record_id, text=text, raw="", title=title,
                   published=published)  # fmt: skip


class Indexed:
    """A labelled set indexed in a store of its own, as an ingest of it would index it."""

    def __init__(self, records: list[dict]) -> None:
        self.store = open_store(":memory:")
        self.gold = {r["id"]: r["gold_story"] for r in records}
        articles = [_article(r["id"], r.get("title"), r.get("maintext") or "",
                             r.get("date_publish")) for r in records]  # fmt: skip
        for article in articles:
            self.store.add_article(article)
        index_articles(self.store, articles)
        self.batch = _Batch(self.store, Config(progress=False), PROVISIONAL)
        self.pairs: dict[tuple[str, str], list[float]] = {}
        self.extra: dict[tuple[str, str], list[float]] = {}
        for article in articles:
            for candidate in self.batch.candidates(article.id):
                key = pair_key(article.id, candidate)
                if key not in self.pairs:
                    values = self.batch.pair_values(*key)
                    if values is not None:
                        self.pairs[key] = values

    def examples(self) -> tuple[np.ndarray, np.ndarray]:
        keys = sorted(self.pairs)
        x = np.array([self.pairs[k] for k in keys])
        y = np.array([self.gold[a] == self.gold[b] for a, b in keys], dtype=int)
        return x, y

    def score(self, model: PairModel, first: str, second: str) -> float:
        """A pair retrieval did not propose, scored once and kept (for every threshold)."""
        key = pair_key(first, second)
        if key not in self.extra:
            self.extra[key] = self.batch.pair_values(*key) or []
        values = self.extra[key]
        return model.probability(values) if values else 0.0

    def clusters(
        self, model: PairModel, threshold: float
    ) -> tuple[list[list[str]], dict[tuple[str, str], float]]:
        """The stories ``model`` groups the set into in memory, with the candidate pairs'
        probabilities."""
        self.batch.model = model
        edges = {k: model.probability(v) for k, v in self.pairs.items()}
        clusters = agglomerate([[a] for a in sorted(self.gold)], edges, threshold,
                               lambda a, b: self.score(model, a, b))  # fmt: skip
        return clusters, edges

    def bcubed(self, model: PairModel, threshold: float) -> float:
        clusters, _ = self.clusters(model, threshold)
        predicted = {a: str(i) for i, c in enumerate(clusters) for a in c}
        return bcubed(predicted, self.gold).f1


def thread_threshold(indexed: Indexed) -> float:
    """The topic similarity that best tells ECB+ train's stories of one topic (two incidents
    of one kind: one thread) from stories of different topics, by pairwise F1."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, story in sorted(indexed.gold.items()):
        members[story].append(article)
    topics = {story: read_topic(indexed.batch, ids) for story, ids in members.items()}
    pairs = [(topic_similarity(topics[a], topics[b]), a.split("_")[0] == b.split("_")[0])
             for a, b in itertools.combinations(sorted(topics), 2)]  # fmt: skip
    scores = np.array([p[0] for p in pairs])
    gold = np.array([p[1] for p in pairs], dtype=int)
    grid = [round(0.05 * i, 2) for i in range(2, 19)]
    best = max(grid, key=lambda t: pair_f1(scores >= t, gold))
    print(f"thread threshold {best:.2f}: same-topic story pairs F1 "
          f"{pair_f1(scores >= best, gold):.3f} ({int(gold.sum())} of {len(gold)} pairs)")
    return best


def fragment_threshold(indexed: Indexed, model: PairModel) -> float:
    """The probability at which a fragment (a story of up to ``FRAGMENT_MEMBERS``) joins the
    thread of its likeliest candidate's story that best tells ECB+ train's stories of one
    topic from the rest, by pairwise F1 over the stories ``model`` groups in memory, the
    stories also linked by topic at ``model.thread_threshold`` (ties: the higher threshold,
    the fewer links)."""
    clusters, edges = indexed.clusters(model, model.threshold)
    of = {a: i for i, c in enumerate(clusters) for a in c}
    topic = [Counter(indexed.gold[a].split("_")[0] for a in c).most_common(1)[0][0]
             for c in clusters]  # fmt: skip
    topics = [read_topic(indexed.batch, c) for c in clusters]
    pairs = list(itertools.combinations(range(len(clusters)), 2))
    by_topic = [(a, b) for a, b in pairs
                if topic_similarity(topics[a], topics[b]) >= model.thread_threshold]  # fmt: skip
    likeliest: dict[int, tuple[float, int]] = {}
    for (a, b), p in edges.items():
        for mine, other in ((of[a], of[b]), (of[b], of[a])):
            if mine != other and len(clusters[mine]) <= FRAGMENT_MEMBERS:
                likeliest[mine] = min(likeliest.get(mine, (0.0, other)), (-p, other))
    gold = np.array([topic[a] == topic[b] for a, b in pairs], dtype=int)

    def f1(threshold: float) -> float:
        links = by_topic + [(m, o) for m, (p, o) in likeliest.items() if -p >= threshold]
        root = components(len(clusters), links)
        return pair_f1(np.array([root[a] == root[b] for a, b in pairs]), gold)

    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    best = max(grid, key=lambda t: (round(f1(t), 6), t))
    print(f"fragment threshold {best:.2f}: same-topic story pairs F1 {f1(best):.3f} over "
          f"{len(clusters)} stories grouped in memory (topic links alone {f1(1.01):.3f})")
    return best


def components(size: int, links: list[tuple[int, int]]) -> list[int]:
    """The connected component (a root index) of each of ``size`` nodes under ``links``."""
    root = list(range(size))

    def find(node: int) -> int:
        while root[node] != node:
            root[node] = root[root[node]]
            node = root[node]
        return node

    for a, b in links:
        root[find(a)] = find(b)
    return [find(n) for n in range(size)]


def pair_f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = int((predicted & (gold == 1)).sum())
    fp, fn = int((predicted & (gold == 0)).sum()), int((~predicted & (gold == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def semeval_examples(without_half: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the rated SemEval pairs, indexed together (one IDF).

    ``without_half`` leaves out that half of the rated English pairs (their index modulo 2,
    as ``bench/stories.py`` counts them), so the benchmark can score it held out."""
    with (STORIES / "semeval2022-task8" / "pairs.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if without_half is not None:
        rated = [r for r in rows if not SAME < float(r["Overall"]) < DIFFERENT]
        english = [r for r in rated if r["lang1"] == r["lang2"] == "en"]
        held = {id(r) for i, r in enumerate(english) if i % 2 == without_half}
        rows = [r for r in rows if id(r) not in held]
    store = open_store(":memory:")
    articles = {}
    for row in rows:
        first, second = row["pair_id"].split("_")
        for article_id, text in ((first, row["text1"]), (second, row["text2"])):
            if article_id not in articles:
                articles[article_id] = _article(article_id, None, text, None)
                store.add_article(articles[article_id])
    index_articles(store, articles.values())
    batch = _Batch(store, Config(progress=False), PROVISIONAL)
    x, y = [], []
    for row in rows:
        overall = float(row["Overall"])
        if SAME < overall < DIFFERENT:
            continue
        values = batch.pair_values(*row["pair_id"].split("_"))
        if values is not None:
            x.append(values)
            y.append(int(overall <= SAME))
    return np.array(x), np.array(y)


PROVISIONAL = PairModel(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES),
                        (0.0,) * len(FEATURES), 0.0, 0.5)  # fmt: skip


def balanced_weights(parts: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Sample weights giving each training set, and each class within it, the same total: a
    set of many short leads (NeuS, 2% of its candidate pairs the same story) must not decide
    alone, and the probability must mean the same on a set where most candidates match."""
    weights = []
    for _, y in parts:
        share = y.mean()
        weights.append(np.where(y == 1, 0.5 / share, 0.5 / (1 - share)) / len(y))
    out = np.concatenate(weights)
    return out * len(out) / out.sum()


def fit(
    parts: list[tuple[np.ndarray, np.ndarray]],
    features: tuple[str, ...] = FEATURES,
    c: float = C,
) -> PairModel:
    """A logistic regression on the named ``features`` of every part's pairs."""
    columns = [FEATURES.index(f) for f in features]
    x = np.vstack([p[0] for p in parts])[:, columns]
    y = np.concatenate([p[1] for p in parts])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    regression = LogisticRegression(C=c, max_iter=2000).fit(
        (x - scaler.mean_) / scale, y, sample_weight=balanced_weights(parts)
    )
    return PairModel(
        features=features,
        mean=tuple(round(float(v), 6) for v in scaler.mean_),
        scale=tuple(round(float(v), 6) for v in scale),
        weights=tuple(round(float(v), 6) for v in regression.coef_[0]),
        bias=round(float(regression.intercept_[0]), 6),
        threshold=0.5,
    )


def held_out(
    parts: list[tuple[np.ndarray, np.ndarray]], features: tuple[str, ...], c: float, repeat: int
) -> list[np.ndarray]:
    """Each part's pairs scored by a model trained on the other folds of every part (5 folds,
    split in one random order per ``repeat``): held-out probabilities, one array per part."""
    sizes = [len(y) for _, y in parts]
    order = np.random.default_rng(repeat).permutation(sum(sizes))
    offsets = np.cumsum([0, *sizes])
    out = [np.zeros(n) for n in sizes]
    for fold in range(FOLDS):
        held = np.zeros(offsets[-1], dtype=bool)
        held[order[fold::FOLDS]] = True
        kept = [(x[~held[a:b]], y[~held[a:b]]) for (x, y), a, b
                in zip(parts, offsets, offsets[1:], strict=False)]  # fmt: skip
        # A part left with one class has no balance to weigh: it sits the fold out.
        model = fit([k for k in kept if 0 < k[1].sum() < len(k[1])], features, c)
        for index, ((x, _), a, b) in enumerate(zip(parts, offsets, offsets[1:], strict=False)):
            rows = held[a:b]
            out[index][rows] = [model.probability(list(v)) for v in x[rows]]
    return out


def cross_validated(
    x: np.ndarray, y: np.ndarray, c: float, features: tuple[str, ...] = TWO_LANGUAGES
) -> dict[float, float]:
    """Pair F1 of a model of ``x`` at strength ``c`` at each threshold of ``OWN_GRID``, each
    fold scored by a model trained on the others (repeated with other splits: a few hundred
    pairs give noisy folds)."""
    scores: dict[float, list[float]] = {t: [] for t in OWN_GRID}
    for repeat in range(REPEATS):
        (p,) = held_out([(x, y)], features, c, repeat)
        for t in OWN_GRID:
            scores[t].append(pair_f1(p >= t, y))
    return {t: statistics.mean(v) for t, v in scores.items()}


def _near_half(t: float) -> float:
    return -abs(t - 0.5)


def two_language_model(
    parts: list[tuple[np.ndarray, np.ndarray]], own_threshold: bool = True
) -> tuple[PairModel, float]:
    """The model of pairs in two languages: every such pair pooled, the classes weighed alike
    over the pool (there are too few per set to balance each), at the strength and the
    threshold that cross-validate best (at 0.5, the strength alone, with ``own_threshold``
    False). Returns the model (unshifted) and its threshold."""
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    scores = {c: cross_validated(x, y, c) for c in CROSS_C}
    grid = OWN_GRID if own_threshold else (0.5,)
    best_c, best_t = max(((c, t) for c in CROSS_C for t in grid),
                         key=lambda ct: (round(scores[ct[0]][ct[1]], 6), ct[0],
                                         _near_half(ct[1])))  # fmt: skip
    print(f"pairs in two languages: {len(y)} ({int(y.sum())} the same story); "
          f"cross-validated pair F1 by C at 0.50: "
          + " ".join(f"{c}:{v[0.5]:.3f}" for c, v in scores.items())
          + f"; chosen C {best_c} at {best_t:.2f}: {scores[best_c][best_t]:.3f}; by threshold "
          + " ".join(f"{t:.2f}:{v:.3f}" for t, v in scores[best_c].items()))  # fmt: skip
    return fit([(x, y)], TWO_LANGUAGES, best_c), best_t


def unread_threshold(
    parts: list[tuple[np.ndarray, np.ndarray]],
    decided: list[np.ndarray],
    features: tuple[str, ...],
) -> float:
    """The threshold at which the model of unread pairs, trained on ``parts``, gives the best
    held-out pair F1 on the pairs it decides (``decided``: per part, the unread ones; the
    pairs in two languages it learns from are decided by their own model)."""
    scores: dict[float, list[float]] = {t: [] for t in OWN_GRID}
    gold = np.concatenate([y[d] for (_, y), d in zip(parts, decided, strict=True)])
    for repeat in range(REPEATS):
        held = held_out(parts, features, C, repeat)
        p = np.concatenate([h[d] for h, d in zip(held, decided, strict=True)])
        for t in OWN_GRID:
            scores[t].append(pair_f1(p >= t, gold))
    mean = {t: statistics.mean(v) for t, v in scores.items()}
    best = max(OWN_GRID, key=lambda t: (round(mean[t], 6), _near_half(t)))
    print(f"unread pairs decided: {len(gold)} ({int(gold.sum())} the same story); held-out "
          f"pair F1 by threshold: "
          + " ".join(f"{t:.2f}:{v:.3f}{' <- chosen' if t == best else ''}"
                     for t, v in mean.items()))  # fmt: skip
    return best


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def joined_at(model: PairModel, threshold: float, own: dict[str, float]) -> PairModel:
    """``model`` joining at ``threshold``, each sub-model named in ``own`` shifted so that its
    probability reaches ``threshold`` where it reached its own threshold (recorded as its
    ``threshold``). ``model``'s sub-models are the unshifted ones."""
    shifted = {}
    for name in ("cross", "undetermined"):
        sub = getattr(model, name)
        if sub is not None and name in own:
            shift = logit(threshold) - logit(own[name])
            sub = replace(sub, bias=round(sub.bias + shift, 6), threshold=own[name])
        shifted[name] = sub
    return replace(model, threshold=threshold, **shifted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="score, but write no file")
    parser.add_argument(
        "--languages-only", action="store_true",
        help="retrain only the models of pairs in two languages and of undetermined pairs",
    )  # fmt: skip
    parser.add_argument(
        "--without-half", type=int, choices=(0, 1),
        help="leave this half of the rated English SemEval pairs out of training",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where to write the model")
    parser.add_argument(
        "--join-threshold", type=float,
        help="join at this probability (and keep the shipped thread and fragment thresholds) "
        "instead of choosing on the training parts",
    )  # fmt: skip
    parser.add_argument("--skip-dev", action="store_true", help="do not score the dev parts")
    parser.add_argument(
        "--own-thresholds", action="store_true",
        help="the models of pairs in two languages and of unread sides choose their own "
        "threshold (default: every sub-model decides at the join threshold, as shipped)",
    )  # fmt: skip
    parser.add_argument(
        "--clashes", action="store_true",
        help="the models read the day, month and amount clashes (the shipped one does not)",
    )  # fmt: skip
    parser.add_argument(
        "--threads-only", action="store_true",
        help="choose only the thread and fragment thresholds again, for the shipped model",
    )  # fmt: skip
    args = parser.parse_args()
    global OUT, SKIP_DEV
    OUT, SKIP_DEV = args.out, args.skip_dev
    left_out = () if args.clashes else CLASHES
    one_language = tuple(f for f in ONE_LANGUAGE if f not in left_out)
    unread_features = tuple(f for f in UNREAD if f not in left_out)
    started = time.perf_counter()
    if args.threads_only:
        model = threads_chosen(load_model(), Indexed(load("ecbplus", "train")))
        return write(model, {}, args.dry_run, started)
    train = {name: Indexed(load(name, part)) for name, part in TRAIN}
    parts = [t.examples() for t in train.values()] + [semeval_examples(args.without_half)]
    for (name, _), (_, y) in zip([*TRAIN, ("semeval", "pairs")], parts, strict=True):
        print(f"{name}: {len(y)} pairs, {int(y.sum())} same story")
    two = [x[:, CROSS] == 1.0 for x, _ in parts]
    unread = [x[:, UNDETERMINED] == 1.0 for x, _ in parts]
    one = [~(t | u) for t, u in zip(two, unread, strict=True)]
    if args.languages_only:
        model = load_model()
    else:
        model = fit([(x[o], y[o]) for (x, y), o in zip(parts, one, strict=True)], one_language)
    in_two = [(x[t], y[t]) for (x, y), t in zip(parts, two, strict=True) if t.any()]
    # An unread side may be in either language: its model learns from both kinds of pairs.
    either = [t | u for t, u in zip(two, unread, strict=True)]
    undetermined = [(x[e], y[e]) for (x, y), e in zip(parts, either, strict=True) if e.any()]
    decided = [u[e] for u, e in zip(unread, either, strict=True) if e.any()]
    together = sum(len(y) for _, y in undetermined)
    print(f"pairs with one side undetermined: {sum(int(u.sum()) for u in unread)} (their own "
          f"model, trained with the pairs in two languages: {together})")
    cross, cross_threshold = two_language_model(in_two, args.own_thresholds)
    own = {}
    if args.own_thresholds:
        own = {"cross": cross_threshold,
               "undetermined": unread_threshold(undetermined, decided, unread_features)}
    # The sub-models as fitted (unshifted); joined_at shifts them for each join threshold.
    model = replace(model, cross=cross, undetermined=fit(undetermined, unread_features))
    for name, sub in (("one language", model), ("two languages", model.cross),
                      ("undetermined", model.undetermined)):  # fmt: skip
        assert sub is not None
        print(f"  {name}: " + " ".join(f"{f} {w:+.3f}" for f, w in zip(sub.features, sub.weights,
                                                                         strict=True)))
    print("own thresholds: " + (" ".join(f"{n} {t:.2f}" for n, t in own.items()) or "none"))
    semeval_x, semeval_y = parts[-1]

    def semeval_p(candidate: PairModel) -> np.ndarray:
        return np.array([candidate.probability(list(v)) for v in semeval_x])

    if args.languages_only or args.join_threshold is not None:
        shipped = load_model()
        threshold = model.threshold if args.languages_only else args.join_threshold
        model = joined_at(model, threshold, own)
        if not args.languages_only:
            model = replace(model, thread_threshold=shipped.thread_threshold,
                            fragment_threshold=shipped.fragment_threshold)  # fmt: skip
        report_semeval(model, semeval_p(model), semeval_y, one[-1], two[-1])
        return write(model, train, args.dry_run, started)
    scores = {}
    for t in GRID:
        candidate = joined_at(model, t, own)
        scores[t] = {**{name: s.bcubed(candidate, t) for name, s in train.items()},
                     "semeval": pair_f1(semeval_p(candidate) >= t, semeval_y)}  # fmt: skip
    threshold = max(GRID, key=lambda t: (statistics.mean(scores[t].values()), -abs(t - 0.5)))
    for t in GRID:
        line = " ".join(f"{n} {v:.3f}" for n, v in scores[t].items())
        print(f"  join at {t:.2f}: {line}{'  <- chosen' if t == threshold else ''}")
    model = threads_chosen(joined_at(model, threshold, own), train["ecbplus"])
    report_semeval(model, semeval_p(model), semeval_y, one[-1], two[-1])
    return write(model, train, args.dry_run, started)


def threads_chosen(model: PairModel, ecbplus: Indexed) -> PairModel:
    """``model`` with the thread threshold and then the fragment threshold chosen on ECB+
    train (the fragment links are chosen beside the topic links they add to)."""
    model = replace(model, thread_threshold=thread_threshold(ecbplus))
    return replace(model, fragment_threshold=fragment_threshold(ecbplus, model))


def report_semeval(
    model: PairModel, p: np.ndarray, y: np.ndarray, one: np.ndarray, two: np.ndarray
) -> None:
    for name, rows in (("one language", one), ("two languages", two)):
        f1 = pair_f1(p[rows] >= model.threshold, y[rows])
        print(f"semeval pairs in {name}: pair F1 {f1:.3f} at the join threshold")
    for name in ("cross", "undetermined"):
        sub = getattr(model, name)
        print(f"  {name}: own threshold {sub.threshold:.2f}, bias {sub.bias:+.3f}")


def write(model: PairModel, train: dict[str, Indexed], dry_run: bool, started: float) -> int:
    """Score the dev parts (the choice between variants is made on them), then write."""
    for name, part in () if SKIP_DEV else DEV:
        dev = Indexed(load(name, part))
        print(f"dev {name} {part}: B-cubed F1 {dev.bcubed(model, model.threshold):.3f} "
              f"(in-memory clustering, one run)")
    if not dry_run:
        OUT.write_text(json.dumps(model.as_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
