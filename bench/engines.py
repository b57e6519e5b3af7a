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
        rates = {}
        for workers in (2, 1):
            db = f"{tmp}/ray{workers}.db"
            store = open_store(db)
            t0 = time.perf_counter()
            ingest_with_ray([path], Config(db=db, progress=False, workers=workers,
                                           analyse=args.analyse), store)  # fmt: skip
            seconds = time.perf_counter() - t0
            store.close()
            rates[workers] = len(lines) / seconds
            same = partition(db) == partition(f"{tmp}/local.db")
            print(f"ray, {workers} analysis actors: {rates[workers]:.1f} articles/s "
                  f"({seconds:.1f}s), same stories as local: {same}")
    print(f"ray (2 actors) / local pipeline: {rates[2] / (len(lines) / local):.2f}; "
          f"2 actors / 1 actor: {rates[2] / rates[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
