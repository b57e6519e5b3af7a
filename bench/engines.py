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
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED  # noqa: E402

from crosswire.analyze.nlp import load_nlp  # noqa: E402
from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402

NEUS = SHARED / "data" / "stories" / "neus" / "val.jsonl"


# The stages a run is timed by (``--stages``): the driver's wall clock inside each, by the
# name of the function the pipeline calls; "read+store" holds the reading and cleaning,
# which streams into the storing.
STAGES = {
    "read+store": ("crosswire.pipeline", "store_items"),
    "boilerplate": ("crosswire.pipeline", "relearn_boilerplate"),
    "copies": ("crosswire.pipeline", "link_duplicates"),
    "copies (ray)": ("crosswire.engine.ray_dedup", "link_on_ray"),
    "stories": ("crosswire.pipeline", "assign_stories"),
    "story candidates (ray)": ("crosswire.engine.ray_stories", "candidates_on_ray"),
    "analysis": ("crosswire.pipeline", "analyse_pending"),
}


@contextmanager
def stage_clock() -> Iterator[dict[str, float]]:
    """Seconds spent in each of ``STAGES`` while the block runs (the functions wrapped in
    their modules, so both engines are timed by the same clock)."""
    import importlib

    spent: dict[str, float] = defaultdict(float)
    saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0

        return run

    for name, (module_name, attr) in STAGES.items():
        module = importlib.import_module(module_name)
        saved.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timed(name, getattr(module, attr)))
    try:
        yield spent
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def stage_line(spent: dict[str, float], total: float) -> str:
    """The stages' seconds in one line, the rest of the run (driver glue) last."""
    parts = [f"{name} {spent[name]:.1f}" for name in STAGES if name in spent]
    inner = {"story candidates (ray)"}  # inside "stories"
    rest = total - sum(v for k, v in spent.items() if k not in inner)
    return "    stages (s): " + ", ".join(parts) + f", other {rest:.1f}"


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
    parser.add_argument(
        "--stages", action="store_true", help="print each run's seconds per stage"
    )
    args = parser.parse_args(argv)
    from crosswire.engine.ray_data import ingest_with_ray, start

    lines = NEUS.read_text(encoding="utf-8").splitlines()[: args.articles]
    load_nlp(Config().spacy_model)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "neus.jsonl"
        path.write_text("\n".join(json.dumps(json.loads(x)) for x in lines) + "\n")
        t0 = time.perf_counter()
        with stage_clock() as spent:
            ingest_paths([path], Config(db=f"{tmp}/local.db", progress=False, workers=2,
                                        analyse=args.analyse))  # fmt: skip
        local = time.perf_counter() - t0
        print(f"local pipeline, 2 workers: {len(lines) / local:.1f} articles/s ({local:.1f}s)")
        if args.stages:
            print(stage_line(spent, local))
        t0 = time.perf_counter()
        start(workers=2)
        print(f"ray.init (local mode, 2 CPUs): {time.perf_counter() - t0:.1f}s")

        def run_ray(workers: int, name: str) -> float:
            db = f"{tmp}/{name}.db"
            store = open_store(db)
            t0 = time.perf_counter()
            with stage_clock() as spent:
                ingest_with_ray([path], Config(db=db, progress=False, workers=workers,
                                               analyse=args.analyse), store)  # fmt: skip
            seconds = time.perf_counter() - t0
            store.close()
            same = partition(db) == partition(f"{tmp}/local.db")
            print(
                f"ray, {workers} analysis actors ({name}): {len(lines) / seconds:.1f} "
                f"articles/s ({seconds:.1f}s), same stories as local: {same}"
            )
            if args.stages:
                print(stage_line(spent, seconds))
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
