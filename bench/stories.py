"""Story grouping on SemEval-2022 Task 8 pairs: crosswire against a tuned TF-IDF baseline.

Every article of the labelled pairs is ingested (in batches, as repeated ``crosswire ingest``
runs would), grouped by crosswire, and each pair scored "same story" when both sides landed in
one story. Pairs rated Overall <= 1.5 are the same story, >= 3.5 not; the rest are ignored.
The baseline is scikit-learn TF-IDF cosine with the threshold that maximises its F1 on these
very pairs (so it is an optimistic upper bound); crosswire's thresholds are its defaults.

    .venv/bin/python bench/stories.py            # English-English, through ingest_paths
    .venv/bin/python bench/stories.py --cross    # also the cross-lingual pairs
    .venv/bin/python bench/stories.py --direct   # store Article records, skip the pipeline
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PRF, SHARED, best_threshold, pairwise_prf  # noqa: E402

from crosswire.config import Config  # noqa: E402
from crosswire.records import Article  # noqa: E402
from crosswire.store import Store, open_store  # noqa: E402
from crosswire.stories import assign_stories  # noqa: E402
from crosswire.stories.features import StoryFeatures  # noqa: E402
from crosswire.stories.similarity import pair_score, vectors  # noqa: E402

PAIRS = SHARED / "data" / "stories" / "semeval2022-task8" / "pairs.csv"
SAME, DIFFERENT = 1.5, 3.5
BATCH = 50
# Thresholds tried for the sweep and the 2-fold estimate (whole grouping re-run for each).
SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
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


def load(pairs_csv: Path, cross: bool) -> tuple[dict[str, str], list[Pair]]:
    """Article texts by SemEval id and the labelled pairs (English-English, or cross-lingual)."""
    texts: dict[str, str] = {}
    pairs: list[Pair] = []
    with pairs_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            english = row["lang1"] == row["lang2"] == "en"
            if english == cross or (cross and row["lang1"] == row["lang2"]):
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


def crosswire_pair_scores(store: Store, mapping: dict[str, str], pairs: list[Pair]) -> list[float]:
    """crosswire's own pair score (under the final IDF), to show why a pair failed."""
    documents = store.count_story_features()
    out = []
    for pair in pairs:
        data = [store.get_story_features(mapping.get(s, "")) for s in (pair.first, pair.second)]
        if None in data:
            out.append(float("nan"))  # a duplicate: it has no features of its own
            continue
        feats = [StoryFeatures.from_dict(d) for d in data if d is not None]
        df = store.document_frequencies(feats[0].document_terms() | feats[1].document_terms())
        a, b = (vectors(f, df, documents) for f in feats)
        out.append(pair_score(a, b).score)
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


def two_fold(results: dict[float, list[bool]], gold: list[bool]) -> tuple[list[float], PRF]:
    """Pick crosswire's threshold on half the pairs, score it on the other half, and swap: an
    honest estimate next to the figures tuned on all pairs."""
    chosen, parts = [], []
    for fold in (0, 1):
        train = [i for i in range(len(gold)) if i % 2 == fold]
        test = [i for i in range(len(gold)) if i % 2 != fold]
        train_gold = [gold[i] for i in train]
        best = max(
            results, key=lambda t: (pairwise_prf([results[t][i] for i in train], train_gold).f1, -t)
        )
        chosen.append(best)
        parts.append(pairwise_prf([results[best][i] for i in test], [gold[i] for i in test]))
    total = PRF(*(sum(getattr(p, k) for p in parts) for k in ("tp", "fp", "fn", "tn")))
    return chosen, total


def evaluate(label: str, texts: dict[str, str], pairs: list[Pair], direct: bool) -> None:
    config = Config(progress=False)
    store, mapping, predicted, seconds, how = group(texts, pairs, config, direct)
    gold = [p.same for p in pairs]
    ours = pairwise_prf(predicted, gold)
    base_scores, base_seconds = baseline_scores(texts, pairs)
    threshold, base = best_threshold(base_scores, gold)
    sizes = Counter(Counter(a.story for a in store.iter_articles()).values())
    print(f"== {label}: {len(texts)} articles, {len(pairs)} labelled pairs "
          f"({sum(gold)} same, {len(gold) - sum(gold)} different), via {how}, "
          f"batches of {BATCH}")  # fmt: skip
    print(f"crosswire (default threshold {config.story_threshold}): {ours.line()}")
    print(f"  story sizes (size: count): {dict(sorted(sizes.items()))}")
    print(f"baseline TF-IDF cosine, tuned threshold {threshold:.3f}: {base.line()}")
    print(f"F1 crosswire / tuned baseline: {ours.f1:.3f} / {base.f1:.3f}")
    print(f"speed: crosswire {len(texts) / seconds:.1f} articles/s "
          f"(ingest+group, {seconds:.2f}s); baseline {len(texts) / base_seconds:.1f} articles/s "
          "(fit+score, all pairs known)")  # fmt: skip
    sweep: dict[float, list[bool]] = {config.story_threshold: predicted}
    for t in SWEEP:
        if t not in sweep:
            sweep[t] = group(texts, pairs, replace(config, story_threshold=t), direct)[2]
    print("crosswire threshold sweep: " + "  ".join(
        f"{t:.2f}:F1={pairwise_prf(sweep[t], gold).f1:.3f}" for t in sorted(sweep)))  # fmt: skip
    chosen, held_out = two_fold(sweep, gold)
    print(f"crosswire 2-fold (threshold chosen on the other half: {chosen}): {held_out.line()}")
    base_chosen, base_held = two_fold(
        {t: [s >= t for s in base_scores] for t in sorted(set(base_scores))}, gold
    )
    print(f"baseline 2-fold (thresholds {[round(t, 3) for t in base_chosen]}): {base_held.line()}")
    scores = crosswire_pair_scores(store, mapping, pairs)
    failures = [(p, s, b) for p, s, b, pr in zip(pairs, scores, base_scores, predicted, strict=True)
                if pr != p.same]  # fmt: skip
    print(f"failures at the default ({len(failures)}), crosswire pair score / baseline cosine:")
    for pair, score, base_score in failures[:12]:
        kind = "FN" if pair.same else "FP"
        print(f"  {kind} {pair.first}_{pair.second} {pair.langs} overall={pair.overall:.2f} "
              f"crosswire={score:.3f} baseline={base_score:.3f}")  # fmt: skip
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--cross", action="store_true", help="also score cross-lingual pairs")
    parser.add_argument("--direct", action="store_true", help="skip the ingest pipeline")
    args = parser.parse_args()
    if not args.pairs.exists():
        print(f"missing {args.pairs}: the shared data folder is needed", file=sys.stderr)
        return 2
    texts, pairs = load(args.pairs, cross=False)
    evaluate("English-English", texts, pairs, args.direct)
    if args.cross:
        texts, pairs = load(args.pairs, cross=True)
        evaluate("cross-lingual", texts, pairs, args.direct)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
