"""Story grouping on SemEval-2022 Task 8 pairs: crosswire against a tuned TF-IDF baseline.

Every article of the labelled pairs is ingested (in batches, as repeated ``crosswire ingest``
runs would), grouped by crosswire, and each pair scored "same story" when both sides landed in
one story. Pairs rated Overall <= 1.5 are the same story, >= 3.5 not; the rest are ignored.
The baseline is scikit-learn TF-IDF cosine with the threshold that maximises its F1 on these
very pairs (so it is an optimistic upper bound); crosswire's thresholds are its defaults. The
pair model was trained on these pairs among others (``scripts/train_story_model.py``): the
figures here are in-sample for it, and the held-out SemEval sample is the honest check.
Both crosswire paths run: lexical (``story_embedder=None``) and, when the optional model is
installed, lexical + MiniLM lead embeddings (``story_embedder="minilm"``), each with a
threshold sweep and a 2-fold cross-validated estimate (thresholds picked on the other half).

    .venv/bin/python bench/stories.py            # English-English, through ingest_paths
    .venv/bin/python bench/stories.py --cross    # also the cross-lingual pairs
    .venv/bin/python bench/stories.py --other    # also same-language non-English pairs
    .venv/bin/python bench/stories.py --direct   # store Article records, skip the pipeline
    .venv/bin/python bench/stories.py --lexical  # skip the embedding path
    .venv/bin/python bench/stories.py --lexical --model /tmp/m0.json --half 0
        # a model trained without half 0 of the English pairs
        # (scripts/train_story_model.py --without-half 0 --join-threshold 0.55 --skip-dev
        # --out /tmp/m0.json), scored on that half
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PRF, SEMEVAL_PAIRS, best_threshold, pairwise_prf  # noqa: E402

import crosswire.embed as embed  # noqa: E402
import crosswire.stories.similarity as similarity  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.records import Article  # noqa: E402
from crosswire.store import Store, open_store  # noqa: E402
from crosswire.stories import assign_stories  # noqa: E402
from crosswire.stories.embedding import decode_vector  # noqa: E402
from crosswire.stories.features import StoryFeatures  # noqa: E402
from crosswire.stories.model import load_model  # noqa: E402
from crosswire.stories.pairs import pair_features  # noqa: E402
from crosswire.stories.similarity import vectors  # noqa: E402

SAME, DIFFERENT = 1.5, 3.5
BATCH = 50
# Thresholds tried for the sweep and the 2-fold estimate (whole grouping re-run for each).
SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Embedding thresholds the embedding path's 2-fold estimate also chooses from.
EMBED_SWEEP = (0.5, 0.55, 0.6)
EMBEDDER = "minilm"
# The half of the English pairs (their index modulo 2) also scored alone (``--half``).
HALF: int | None = None
csv.field_size_limit(10**8)


@dataclass(slots=True)
class Pair:
    first: str
    second: str
    overall: float
    langs: str

    @property
    def same(self) -> bool:
        return self.overall <= SAME


def pair_set(lang1: str, lang2: str) -> str:
    """Which evaluation set a pair belongs to: "en" (English-English), "cross" (two
    languages) or "other" (one language other than English: de-de, zh-zh ...)."""
    if lang1 != lang2:
        return "cross"
    return "en" if lang1 == "en" else "other"


def load(pairs_csv: Path, which: str) -> tuple[dict[str, str], list[Pair]]:
    """Article texts by SemEval id and the labelled pairs of one set (see :func:`pair_set`)."""
    texts: dict[str, str] = {}
    pairs: list[Pair] = []
    with pairs_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if pair_set(row["lang1"], row["lang2"]) != which:
                continue
            first, second = row["pair_id"].split("_")
            texts.setdefault(first, row["text1"])
            texts.setdefault(second, row["text2"])
            overall = float(row["Overall"])
            if overall <= SAME or overall >= DIFFERENT:
                pairs.append(Pair(first, second, overall, f"{row['lang1']}-{row['lang2']}"))
    return texts, pairs


def split_title(text: str) -> tuple[str | None, str]:
    """``title\\nbody`` when the first line looks like a headline (short, no final stop)."""
    head, sep, body = text.partition("\n")
    if sep and head.strip() and len(head) < 200 and not head.rstrip().endswith("."):
        return head.strip(), body.strip()
    return None, text.strip()


def ingest_direct(texts: dict[str, str], store: Store, config: Config) -> dict[str, str]:
    """Store Article records ourselves and group them, batch by batch; SemEval id -> article id."""
    ids = sorted(texts)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        for semeval_id in chunk:
            title, body = split_title(texts[semeval_id])
            store.add_article(
                Article(id=semeval_id, source=f"{semeval_id}.txt", text=body, raw=body, title=title)
            )
        assign_stories(store, chunk, config)
    return {i: i for i in ids}


def ingest_pipeline(texts: dict[str, str], store: Store, config: Config) -> dict[str, str]:
    """Write news-please JSONL batches and run ``ingest_paths`` on each, as a user would."""
    from crosswire.pipeline import ingest_paths

    ids = sorted(texts)
    mapping: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            path = Path(tmp) / f"batch{start:05d}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for semeval_id in chunk:
                    title, body = split_title(texts[semeval_id])
                    record = {"id": semeval_id, "title": title, "maintext": body}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            ingest_paths([path], config, store, analyse=False)
            # The news-please reader names an item ``path#<record id>`` (``path#<line>`` when a
            # record has no id); every record here has its SemEval id.
            rows = store.query("SELECT source, article FROM sources WHERE source LIKE ?",
                               (f"{path}#%",))  # fmt: skip
            for source, article in rows:
                mapping[source.rsplit("#", 1)[1]] = article
    return mapping


def has_pipeline() -> bool:
    try:
        from crosswire.pipeline import ingest_paths  # noqa: F401
    except ImportError:
        return False
    return True


def baseline_scores(texts: dict[str, str], pairs: list[Pair]) -> tuple[list[float], float]:
    """scikit-learn TF-IDF cosine per pair, and the seconds it took."""
    started = time.perf_counter()
    ids = sorted(texts)
    index = {k: i for i, k in enumerate(ids)}
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [texts[i] for i in ids]
    )
    scores = [float(matrix[index[p.first]].multiply(matrix[index[p.second]]).sum()) for p in pairs]
    return scores, time.perf_counter() - started


class CachedEmbedder:
    """An embedder that remembers texts it has embedded, so the threshold sweeps re-run the
    grouping without re-running the model; ``seconds`` and ``texts`` time the real calls."""

    def __init__(self, inner: embed.Embedder) -> None:
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.languages = getattr(inner, "languages", None)
        self.cache: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.texts = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            started = time.perf_counter()
            for text, vector in zip(missing, self.inner.embed(missing), strict=True):
                self.cache[text] = vector
            self.seconds += time.perf_counter() - started
            self.texts += len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


def install_cache(name: str) -> CachedEmbedder:
    """Route ``get_embedder(name)`` to a caching wrapper of the real model."""
    cached = CachedEmbedder(embed.get_embedder(name))
    embed.EMBEDDERS[name] = lambda: cached
    embed.get_embedder.cache_clear()
    return cached


@contextmanager
def embed_threshold(value: float) -> Iterator[None]:
    """Run with another embedding threshold (a module constant, not a Config field)."""
    saved = similarity.EMBED_THRESHOLD
    similarity.EMBED_THRESHOLD = value
    try:
        yield
    finally:
        similarity.EMBED_THRESHOLD = saved


def crosswire_pair_scores(
    store: Store, mapping: dict[str, str], pairs: list[Pair]
) -> list[tuple[float, float | None]]:
    """crosswire's lexical pair probability (under the final IDF) and the embedding cosine
    (None on the lexical path), to show why a pair failed."""
    documents = store.count_story_features()
    out: list[tuple[float, float | None]] = []
    for pair in pairs:
        data = [store.get_story_features(mapping.get(s, "")) for s in (pair.first, pair.second)]
        if None in data:
            out.append((float("nan"), None))  # a duplicate: it has no features of its own
            continue
        feats = [StoryFeatures.from_dict(d) for d in data if d is not None]
        df = store.document_frequencies(feats[0].document_terms() | feats[1].document_terms())
        a, b = (vectors(f, df, documents) for f in feats)
        cosine = None
        if feats[0].embedding and feats[1].embedding:
            cosine = float(decode_vector(feats[0].embedding) @ decode_vector(feats[1].embedding))
        out.append((load_model().probability(pair_features(a, b)), cosine))
    return out


def group(
    texts: dict[str, str], pairs: list[Pair], config: Config, direct: bool
) -> tuple[Store, dict[str, str], list[bool], float, str]:
    """Ingest and group every article; whether each pair landed in one story; seconds taken."""
    ingest: Callable[[dict[str, str], Store, Config], dict[str, str]]
    ingest = ingest_direct if direct or not has_pipeline() else ingest_pipeline
    store = open_store(":memory:")
    started = time.perf_counter()
    mapping = ingest(texts, store, config)
    seconds = time.perf_counter() - started
    story = {s: store.get_article(a).story for s, a in mapping.items()}  # type: ignore[union-attr]
    same = [story.get(p.first) is not None and story.get(p.first) == story.get(p.second)
            for p in pairs]  # fmt: skip
    return store, mapping, same, seconds, ingest.__name__


def by_language_pair(predicted: list[bool], pairs: list[Pair]) -> str:
    """F1 per language pair (most pairs first), to show where a method wins or loses."""
    groups: dict[str, list[int]] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(pair.langs, []).append(i)
    return "  ".join(
        f"{langs}:{pairwise_prf([predicted[i] for i in ix], [pairs[i].same for i in ix]).f1:.2f}"
        f"({len(ix)})"
        for langs, ix in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def two_fold(results: dict, gold: list[bool]) -> tuple[list, PRF]:
    """Pick crosswire's settings on half the pairs, score them on the other half, and swap: an
    honest estimate next to the figures tuned on all pairs."""
    chosen, parts = [], []
    for fold in (0, 1):
        train = [i for i in range(len(gold)) if i % 2 == fold]
        test = [i for i in range(len(gold)) if i % 2 != fold]
        train_gold = [gold[i] for i in train]
        best = max(
            sorted(results),
            key=lambda t: pairwise_prf([results[t][i] for i in train], train_gold).f1,
        )
        chosen.append(best)
        parts.append(pairwise_prf([results[best][i] for i in test], [gold[i] for i in test]))
    total = PRF(*(sum(getattr(p, k) for p in parts) for k in ("tp", "fp", "fn", "tn")))
    return chosen, total


@dataclass(slots=True)
class PathResult:
    """One crosswire path's figures, for the side-by-side summary."""

    label: str
    default: PRF
    held_out: PRF
    articles_per_second: float


def run_path(
    label: str, texts: dict[str, str], pairs: list[Pair], config: Config, direct: bool
) -> PathResult:
    """Group at the defaults, sweep the thresholds, cross-validate, and list the failures."""
    gold = [p.same for p in pairs]
    store, mapping, predicted, seconds, how = group(texts, pairs, config, direct)
    ours = pairwise_prf(predicted, gold)
    sizes = Counter(Counter(a.story for a in store.iter_articles()).values())
    print(f"-- crosswire {label} (story_embedder={config.story_embedder!r}), via {how}")
    default = load_model().threshold if config.story_threshold is None else config.story_threshold
    print(f"  default threshold {default}: {ours.line()}")
    if len({p.langs for p in pairs}) > 1:
        print(f"  F1 per language pair (pairs): {by_language_pair(predicted, pairs)}")
    if HALF is not None and len({p.langs for p in pairs}) == 1:
        half = [i for i in range(len(pairs)) if i % 2 == HALF]
        scored = pairwise_prf([predicted[i] for i in half], [gold[i] for i in half])
        print(f"  half {HALF} ({len(half)} pairs) at the default threshold: {scored.line()}")
    print(f"  story sizes (size: count): {dict(sorted(sizes.items()))}")
    print(f"  speed: {len(texts) / seconds:.1f} articles/s (ingest+group, {seconds:.2f}s)")
    embed_values = EMBED_SWEEP if config.story_embedder else (similarity.EMBED_THRESHOLD,)
    grid: dict[tuple[float, float], list[bool]] = {}
    for t, e in itertools.product(SWEEP, embed_values):
        if (t, e) == (default, similarity.EMBED_THRESHOLD):
            grid[t, e] = predicted
            continue
        with embed_threshold(e):
            grid[t, e] = group(texts, pairs, replace(config, story_threshold=t), direct)[2]
    for e in embed_values:
        prefix = f"  sweep (embedding threshold {e}): " if config.story_embedder else "  sweep: "
        print(prefix + "  ".join(
            f"{t:.2f}:F1={pairwise_prf(grid[t, e], gold).f1:.3f}" for t in SWEEP))  # fmt: skip
    chosen, held_out = two_fold(grid, gold)
    what = "(threshold, embedding threshold)" if config.story_embedder else "threshold"
    picked = [c if config.story_embedder else c[0] for c in chosen]
    print(f"  2-fold ({what} chosen on the other half: {picked}): {held_out.line()}")
    # A side refused at ingest (a paywall or login wall, E015) is in no story, so its pair is
    # never "same": the rating was made on the real article, which the wall hides.
    kept = [i for i, p in enumerate(pairs) if p.first in mapping and p.second in mapping]
    refused = [pairs[i] for i in range(len(pairs)) if i not in set(kept)]
    if refused:
        both = pairwise_prf([predicted[i] for i in kept], [gold[i] for i in kept])
        _, held_both = two_fold({k: [v[i] for i in kept] for k, v in grid.items()},
                                [gold[i] for i in kept])  # fmt: skip
        print(f"  pairs with a side refused at ingest (not an article): {len(refused)} "
              f"({sum(p.same for p in refused)} rated the same story)")
        print(f"  pairs of two articles ({len(kept)}): {both.line()}; 2-fold {held_both.line()}")
    scores = crosswire_pair_scores(store, mapping, pairs)
    failures = [(p, s) for p, s, pr in zip(pairs, scores, predicted, strict=True)
                if pr != p.same]  # fmt: skip
    print(f"  failures at the defaults ({len(failures)}), lexical score / embedding cosine:")
    for pair, (score, cosine) in failures[:12]:
        kind = "FN" if pair.same else "FP"
        emb = f" embedding={cosine:.3f}" if cosine is not None else ""
        print(f"    {kind} {pair.first}_{pair.second} {pair.langs} overall={pair.overall:.2f} "
              f"lexical={score:.3f}{emb}")  # fmt: skip
    return PathResult(label, ours, held_out, len(texts) / seconds)


def evaluate(
    label: str, texts: dict[str, str], pairs: list[Pair], direct: bool, embedder: str | None
) -> None:
    gold = [p.same for p in pairs]
    print(f"== {label}: {len(texts)} articles, {len(pairs)} labelled pairs "
          f"({sum(gold)} same, {len(gold) - sum(gold)} different), batches of {BATCH}")  # fmt: skip
    base_scores, base_seconds = baseline_scores(texts, pairs)
    threshold, base = best_threshold(base_scores, gold)
    base_chosen, base_held = two_fold(
        {t: [s >= t for s in base_scores] for t in sorted(set(base_scores))}, gold
    )
    print(f"-- baseline TF-IDF cosine, tuned threshold {threshold:.3f}: {base.line()}")
    print(f"  2-fold (thresholds {[round(t, 3) for t in base_chosen]}): {base_held.line()}")
    if len({p.langs for p in pairs}) > 1:
        tuned = [s >= threshold for s in base_scores]
        print(f"  F1 per language pair (pairs): {by_language_pair(tuned, pairs)}")
    print(f"  speed: {len(texts) / base_seconds:.1f} articles/s (fit+score, all pairs known)")
    config = Config(progress=False)
    results = [run_path("lexical", texts, pairs, replace(config, story_embedder=None), direct)]
    if embedder:
        cached = install_cache(embedder)
        results.append(
            run_path("+ embedding", texts, pairs, replace(config, story_embedder=embedder), direct)
        )
        print(f"  embedder {embedder}: {cached.texts / cached.seconds:.1f} leads/s "
              "(title + 200 words, first run; later runs reuse them)")  # fmt: skip
    print(f"-- summary F1 (defaults / 2-fold held-out), {label}:")
    print(f"  baseline TF-IDF (tuned on these pairs): {base.f1:.3f} / {base_held.f1:.3f}")
    for r in results:
        print(f"  crosswire {r.label}: {r.default.f1:.3f} / {r.held_out.f1:.3f} "
              f"({r.articles_per_second:.1f} articles/s)")  # fmt: skip
    print()


def sentence_speed(embedder: str, texts: dict[str, str]) -> None:
    """The embedder's throughput on single sentences (the first one of each article)."""
    model = embed.get_embedder(embedder)
    sentences = [t.strip().split(". ")[0][:300] for t in texts.values()]
    started = time.perf_counter()
    model.embed(sentences)
    seconds = time.perf_counter() - started
    print(f"embedder {embedder}: {len(sentences) / seconds:.1f} sentences/s "
          f"({len(sentences)} first sentences, batched)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=SEMEVAL_PAIRS)
    parser.add_argument("--cross", action="store_true", help="also score cross-lingual pairs")
    parser.add_argument(
        "--other", action="store_true", help="also score same-language non-English pairs"
    )
    parser.add_argument("--direct", action="store_true", help="skip the ingest pipeline")
    parser.add_argument("--lexical", action="store_true", help="skip the embedding path")
    parser.add_argument("--model", type=Path, help="a pair model file to use instead")
    parser.add_argument(
        "--half", type=int, choices=(0, 1), help="also score this half of the English pairs"
    )
    args = parser.parse_args()
    global HALF
    HALF = args.half
    if args.model:
        os.environ["CROSSWIRE_STORY_MODEL"] = str(args.model)
    if not args.pairs.exists():
        print(f"missing {args.pairs}: the shared data folder is needed", file=sys.stderr)
        return 2
    embedder: str | None = None
    if not args.lexical:
        if embed.available(EMBEDDER):
            embedder = EMBEDDER
        else:
            print(f"embedder {EMBEDDER!r} not installed: lexical path only", file=sys.stderr)
    texts, pairs = load(args.pairs, "en")
    if embedder:
        sentence_speed(embedder, texts)
    evaluate("English-English", texts, pairs, args.direct, embedder)
    if args.cross:
        texts, pairs = load(args.pairs, "cross")
        evaluate("cross-lingual", texts, pairs, args.direct, embedder)
    if args.other:
        texts, pairs = load(args.pairs, "other")
        evaluate("same-language, not English", texts, pairs, args.direct, embedder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
