"""Where story grouping goes wrong on a labelled set: which gold stories split, which merge,
and the pair probabilities inside and across them.

The records are ingested in one run, as ``bench/stories_bcubed.py`` does, and the store is
kept: the stage's own scores (``stories/group.py``'s per-call caches, the same model,
near-lists and candidates) are read back for every pair of a gold story and of a predicted
one. Two bounds say how much a better cluster decision could gain over the same candidate
pairs: joining every two predicted stories that share a candidate pair and the same majority
gold story (a perfect merge), and cutting every predicted story along its gold stories (a
perfect split).

    .venv/bin/python bench/stories_bcubed.py --sets neus --show-errors 10
    .venv/bin/python bench/story_errors.py neus val --examples 10
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_bcubed import GOLD_FIELDS, BCubed, bcubed, load, shuffled  # noqa: E402

from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402
from crosswire.store.base import Store  # noqa: E402
from crosswire.stories.cluster import Pair, pair_key  # noqa: E402

# The stage's caches over one store: the probabilities grouping itself used.
from crosswire.stories.group import _Batch  # noqa: E402


@dataclass(slots=True)
class ScoredRun:
    """One run's stories over article ids, with the gold story of each and the stage's scores.

    ``pairs`` are the candidate pairs the stage scored (the links a story can form from);
    ``score`` gives any pair's probability, as the averages of ``stories/cluster.py`` do."""

    predicted: dict[str, str]
    gold: dict[str, str]
    titles: dict[str, str]
    pairs: dict[Pair, float]
    score: Callable[[str, str], float]
    threshold: float
    store: Store

    def close(self) -> None:
        self.store.close()


def scored_run(records: Sequence[dict]) -> ScoredRun:
    """Ingest ``records`` (gold fields dropped) in one run into a memory store and read back
    the stories, candidate pairs and pair probabilities of its original articles."""
    store = open_store(":memory:")
    config = Config(progress=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                clean = {k: v for k, v in record.items() if k not in GOLD_FIELDS}
                out.write(json.dumps(clean, ensure_ascii=False) + "\n")
        ingest_paths([path], config, store, analyse=False)
    by_record = {r["id"]: r for r in records}
    rows = store.query("SELECT source, article FROM sources")
    article_of = {source.rsplit("#", 1)[1]: article for source, article in rows}
    originals = {a.id: a.story or a.id for a in store.iter_articles() if not a.duplicate_of}
    batch = _Batch(store, config)
    predicted, gold, titles = {}, {}, {}
    for record_id, article in article_of.items():
        if article in originals and article not in gold:
            predicted[article] = originals[article]
            gold[article] = by_record[record_id]["gold_story"]
            record = by_record[record_id]
            titles[article] = (record.get("title") or record.get("maintext") or "")[:80]
    pairs: dict[Pair, float] = {}
    for article in sorted(predicted):
        for candidate in batch.candidates(article):
            if candidate in predicted:
                pairs[pair_key(article, candidate)] = 0.0
    for key in pairs:
        pairs[key] = batch.probability(*key)
    return ScoredRun(predicted, gold, titles, pairs, batch.probability, batch.model.threshold,
                     store)  # fmt: skip


def members(labels: Mapping[str, str]) -> dict[str, list[str]]:
    """Label -> its ids, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for item in sorted(labels):
        out[labels[item]].append(item)
    return dict(out)


def split_patterns(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Counter:
    """How each gold story lies over the predicted ones: the sizes of its pieces, largest
    first ((3,) whole; (2, 1) one member apart; (1, 1, 1) every member alone)."""
    patterns: Counter = Counter()
    for ids in members(gold).values():
        pieces = Counter(predicted[i] for i in ids)
        patterns[tuple(sorted(pieces.values(), reverse=True))] += 1
    return patterns


def mixed_stories(predicted: Mapping[str, str], gold: Mapping[str, str]) -> list[list[str]]:
    """The predicted stories that hold more than one gold story."""
    return [ids for ids in members(predicted).values() if len({gold[i] for i in ids}) > 1]


def _majority(ids: Iterable[str], gold: Mapping[str, str]) -> str:
    counts = Counter(gold[i] for i in ids)
    return min(counts, key=lambda g: (-counts[g], g))


def oracle_bounds(
    predicted: Mapping[str, str], gold: Mapping[str, str], pairs: Iterable[Pair]
) -> tuple[BCubed, BCubed]:
    """B-cubed of a perfect merge (predicted stories that share a candidate pair and their
    majority gold story joined) and of a perfect split (each predicted story cut along its
    gold stories): the most a cluster decision over these candidates could gain either way."""
    stories = members(predicted)
    majority = {s: _majority(ids, gold) for s, ids in stories.items()}
    parent = {s: s for s in stories}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for a, b in pairs:
        first, second = root(predicted[a]), root(predicted[b])
        if first != second and majority[predicted[a]] == majority[predicted[b]]:
            parent[max(first, second)] = min(first, second)
    merged = {i: root(predicted[i]) for i in predicted}
    split = {i: f"{predicted[i]}|{gold[i]}" for i in predicted}
    return bcubed(merged, dict(gold)), bcubed(split, dict(gold))


def quantiles(values: Sequence[float]) -> str:
    if len(values) < 2:
        return " ".join(f"{v:.2f}" for v in values)
    cuts = statistics.quantiles(values, n=4)
    return f"25% {cuts[0]:.2f}, median {cuts[1]:.2f}, 75% {cuts[2]:.2f}"


def print_errors(run: ScoredRun, examples: int = 5) -> None:
    """The summary of what split and what merged, and ``examples`` of each with the pair
    probabilities inside them."""
    predicted, gold, score = run.predicted, run.gold, run.score
    print(f"  errors of one run: {bcubed(predicted, gold).line()}, join threshold "
          f"{run.threshold:.2f}")  # fmt: skip
    inside = [(a, b) for ids in members(gold).values() for a, b in combinations(ids, 2)]
    unretrieved = [p for p in inside if pair_key(*p) not in run.pairs]
    low = [p for p in inside if pair_key(*p) in run.pairs and score(*p) < run.threshold]
    print(f"  pairs inside gold stories: {len(inside)}, {len(unretrieved)} never candidates, "
          f"{len(low)} candidates below the threshold; probability "
          f"{quantiles([score(*p) for p in inside])}")  # fmt: skip
    patterns = split_patterns(predicted, gold)
    print("  gold stories by their pieces: "
          + ", ".join(f"{k} x{v}" for k, v in sorted(patterns.items(), key=lambda kv: -kv[1])))
    mixed = mixed_stories(predicted, gold)
    across = [score(a, b) for ids in mixed for a, b in combinations(ids, 2) if gold[a] != gold[b]]
    print(f"  predicted stories holding two gold stories or more: {len(mixed)}; their pairs "
          f"across gold stories {len(across)}, probability {quantiles(across)}")
    merge, split = oracle_bounds(predicted, gold, run.pairs)
    print(f"  bounds over these candidates: perfect merge {merge.line()}; perfect split "
          f"{split.line()}")  # fmt: skip
    split_ids = [ids for ids in members(gold).values() if len({predicted[i] for i in ids}) > 1]
    for title, groups in (("split", split_ids[:examples]), ("merged", mixed[:examples])):
        for ids in groups:
            print(f"  -- {title}: gold {sorted({gold[i] for i in ids})}")
            for i in ids:
                print(f"     {gold[i]:>10} article {i[:8]} in story {predicted[i][:8]}  "
                      f"{run.titles[i]}")
            for a, b in combinations(ids, 2):
                same = "same gold" if gold[a] == gold[b] else "two golds"
                retrieved = "candidate" if pair_key(a, b) in run.pairs else "not retrieved"
                print(f"     p={score(a, b):.2f} {same}, {retrieved}: {a[:8]} {b[:8]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="shared set: ecbplus, basil, neus")
    parser.add_argument("part", help="its part: dev, val, train")
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    run = scored_run(shuffled(load(args.name, args.part), 0))
    print(f"== {args.name} {args.part}")
    print_errors(run, args.examples)
    run.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
