"""The Ray Data engine in local mode against the local pipeline, and one worker against two.

    python bench/engines.py [--articles N] [--analyse none]

The first ``N`` NeuS articles (../shared/data/stories/neus/val.jsonl, short leads) are ingested
with analysis of everything into empty stores, in the same run: by the local pipeline with two
workers (the baseline), by Ray Data in local mode with two analysis actors, and with one.
Ray's start-up (``ray.init``, about 10-25 s) is timed apart: a cluster pays it once, not per
ingest. The stores are checked to hold the same stories. ``--analyse none`` ingests without
the analysis (the lexical path: read, clean, dedup, stories), where the stages Ray takes
from the store (copy and story candidates, each a shuffle) weigh most.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402

NEUS = SHARED / "data" / "stories" / "neus" / "val.jsonl"


def partition(db: str) -> list[list[str]]:
    store = open_store(db)
    stories = sorted(sorted(s.articles) for s in store.stories())
    store.close()
    return stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--analyse", choices=("all", "none"), default="all")
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="Ray runs of each actor count, in alternating order (median reported), after one "
        "untimed warm-up ingest that starts Ray's shuffle workers",
    )  # fmt: skip
    args = parser.parse_args(argv)
    from crosswire.engine.ray_data import ingest_with_ray, start

    lines = NEUS.read_text(encoding="utf-8").splitlines()[: args.articles]
    load_nlp(Config().spacy_model)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "neus.jsonl"
        path.write_text("\n".join(json.dumps(json.loads(x)) for x in lines) + "\n")
        t0 = time.perf_counter()
        ingest_paths([path], Config(db=f"{tmp}/local.db", progress=False, workers=2,
                                    analyse=args.analyse))  # fmt: skip
        local = time.perf_counter() - t0
        print(f"local pipeline, 2 workers: {len(lines) / local:.1f} articles/s ({local:.1f}s)")
        t0 = time.perf_counter()
        start(workers=2)
        print(f"ray.init (local mode, 2 CPUs): {time.perf_counter() - t0:.1f}s")

        def run_ray(workers: int, name: str) -> float:
            db = f"{tmp}/{name}.db"
            store = open_store(db)
            t0 = time.perf_counter()
            ingest_with_ray([path], Config(db=db, progress=False, workers=workers,
                                           analyse=args.analyse), store)  # fmt: skip
            seconds = time.perf_counter() - t0
            store.close()
            same = partition(db) == partition(f"{tmp}/local.db")
            print(
                f"ray, {workers} analysis actors ({name}): {len(lines) / seconds:.1f} "
                f"articles/s ({seconds:.1f}s), same stories as local: {same}"
            )
            return len(lines) / seconds

        if args.rounds > 1:
            run_ray(2, "warm-up")
        rates: dict[int, list[float]] = {1: [], 2: []}
        for n in range(args.rounds):
            for workers in (2, 1) if n % 2 == 0 else (1, 2):
                rates[workers].append(run_ray(workers, f"round{n + 1}-{workers}"))
    one, two = statistics.median(rates[1]), statistics.median(rates[2])
    print(
        f"ray (2 actors) / local pipeline: {two / (len(lines) / local):.2f}; "
        f"2 actors / 1 actor: {two / one:.2f} (medians of {args.rounds} round(s))"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
