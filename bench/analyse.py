"""Analysis throughput (spaCy parse, entities, quotes, figures, claims): one process vs a pool.

    python bench/analyse.py [--articles N] [--rounds R] [--workers W]

Analyses the same news articles (PolNeAR's political news, ../shared/data/quotes/polnear)
with ``workers=1`` and ``workers=W`` in the same run, R rounds, and prints articles/s, the
ratio and the median ratio. The pool's start-up (spawning, loading the model in each worker)
is included, as a user pays it; the parent loads its own model before timing starts, as the
``crosswire`` command has by the time it analyses.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.analyze.workers import analyse_batches  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.records import Article  # noqa: E402

DATA = SHARED / "data" / "quotes" / "polnear"


def load_articles(n: int) -> list[Article]:
    out: list[Article] = []
    for split in ("dev", "train"):
        with (DATA / f"{split}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                data = json.loads(line)
                out.append(Article(id=str(data["id"]), source=split, text=data["text"],
                                   raw=data["text"]))  # fmt: skip
                if len(out) >= n:
                    return out
    return out


def measure(articles: list[Article], config: Config, workers: int) -> float:
    size = config.batch_size
    batches = (articles[i : i + size] for i in range(0, len(articles), size))
    start = time.perf_counter()
    done = sum(len(analyses) for analyses, _ in analyse_batches(batches, config, workers))
    assert done == len(articles)
    return len(articles) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"{DATA} is missing: ../shared must sit beside the project")
        return 1
    config = Config()
    articles = load_articles(args.articles)
    load_nlp(config.spacy_model)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"{len(articles)} PolNeAR articles ({words:.0f} words on average), "
          f"model {config.spacy_model}, batch {config.batch_size}")  # fmt: skip
    ratios = []
    for n in range(args.rounds):
        one = measure(articles, config, 1)
        many = measure(articles, config, args.workers)
        ratios.append(many / one)
        print(f"  round {n + 1}: 1 process {one:.1f} articles/s, {args.workers} processes "
              f"{many:.1f} articles/s, ratio {many / one:.2f}x")  # fmt: skip
    print(f"median ratio {statistics.median(ratios):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
