"""The Ray Data engine in local mode against the local pipeline, and one worker against two.

    python bench/engines.py [--articles N] [--train] [--analyse none] [--rounds R] [--stages]
                            [--actors R]

The first ``N`` NeuS articles (../shared/data/stories/neus/val.jsonl, short leads; ``--train``:
train.jsonl, 6,393 leads, for streams long enough that Ray's per-stage start-up and a model
load weigh little beside the parse) are ingested
with analysis of everything into empty stores, in the same run: by the local pipeline with two
workers (the baseline), by Ray Data in local mode with two analysis actors, and with one;
each round runs the three, in alternating order, and prints its ratios. Ray's start-up
(``ray.init`` and warming its workers, about 10-25 s) is timed apart: a cluster pays it once,
not per ingest. The stores are checked to hold the reference's stories. ``--stages`` prints
the driver's seconds in each stage of every run, wall clock and its own CPU. ``--analyse
none`` ingests without the analysis (the lexical path: read, clean, dedup, stories), where
the stages Ray takes from the store (copy and story candidates, story scores) weigh most.
``--actors R`` times the analysis pool alone, two actors and one in turn. Every Ray run
prints the CPU seconds of each process (the driver, each analysis actor, the other live Ray
workers), the model loads it caused (0 once the session's actors exist,
``engine/ray_pool.py``), the driver's serial fraction of that CPU and the bound it sets on two
actors over one (Amdahl: ``1 / (s + (1 - s) / 2)``), beside the measured wall ratio: on a
machine another job shares, the wall ratio says little and the CPU figures are what counts.
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
    "story scores (ray)": ("crosswire.engine.ray_stories", "scores_on_ray"),
    "analysis": ("crosswire.pipeline", "analyse_pending"),
}


@contextmanager
def stage_clock() -> Iterator[dict[str, list[float]]]:
    """Seconds spent in each of ``STAGES`` while the block runs, wall clock and the driver's
    CPU (the functions wrapped in their modules, so both engines are timed by the same clock):
    a stage whose driver CPU is near its wall clock is the driver's work, not Ray's."""
    import importlib

    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name][0] += time.perf_counter() - t0
                spent[name][1] += time.process_time() - c0

        return run

    for name, (module_name, attr) in STAGES.items():
        module = importlib.import_module(module_name)
        if not hasattr(module, attr):  # older code, run with this bench for a comparison
            continue
        saved.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timed(name, getattr(module, attr)))
    try:
        yield spent
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def stage_line(spent: dict[str, list[float]], total: float) -> str:
    """The stages' seconds in one line, wall clock and (in brackets) the driver's CPU, the
    rest of the run (driver glue) last."""
    parts = [f"{n} {spent[n][0]:.1f} ({spent[n][1]:.1f})" for n in STAGES if n in spent]
    inner = {"story candidates (ray)", "story scores (ray)"}  # inside "stories"
    rest = total - sum(v[0] for k, v in spent.items() if k not in inner)
    return "    stages, s (driver CPU): " + ", ".join(parts) + f", other {rest:.1f}"


def partition(db: str) -> list[list[str]]:
    store = open_store(db)
    stories = sorted(sorted(s.articles) for s in store.stories())
    store.close()
    return stories


def ray_worker_cpu(exclude: set[int]) -> float:
    """CPU seconds of the live Ray worker processes (``ray::...``) but those in ``exclude``
    (the analysis actors, counted apart); Linux ``/proc``, 0 elsewhere. A worker that died
    during the run (a shuffle's aggregator) is not counted."""
    import os

    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if int(entry.name) in exclude or int(entry.name) == os.getpid():
                continue
            if not (entry / "cmdline").read_bytes().startswith(b"ray::"):
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    return total


class CpuAccount:
    """CPU seconds a Ray run cost each process: the driver, each analysis actor (one made
    during the run counts from its start, model load included) and the other live Ray
    workers; the model loads; the driver's serial fraction of all of it and the bound on two
    actors over one it implies (Amdahl, ``1 / (s + (1 - s) / 2)``)."""

    def __init__(self) -> None:
        from crosswire.engine.ray_pool import pool_stats

        self.before = {s["pid"]: s for s in pool_stats().values()}
        self.others = ray_worker_cpu(set(self.before))
        self.driver = time.process_time()

    def close(self) -> dict[str, Any]:
        from crosswire.engine.ray_pool import pool_stats

        driver = time.process_time() - self.driver
        after = pool_stats()
        actors, loads = [], 0
        for stats in after.values():
            old = self.before.get(stats["pid"], {"cpu": 0.0, "model_loads": 0, "articles": 0})
            actors.append((stats["cpu"] - old["cpu"], stats["articles"] - old["articles"]))
            loads += stats["model_loads"] - old["model_loads"]
        pids = {s["pid"] for s in after.values()} | set(self.before)
        others = max(0.0, ray_worker_cpu(pids) - self.others)
        total = driver + sum(c for c, _ in actors) + others
        serial = driver / total if total else 1.0
        return {"driver": driver, "actors": actors, "others": others, "loads": loads,
                "serial": serial, "bound": 1 / (serial + (1 - serial) / 2)}  # fmt: skip


def cpu_line(cpu: dict[str, Any]) -> str:
    actors = ", ".join(f"{c:.1f} ({n} articles)" for c, n in cpu["actors"])
    return (
        f"    CPU s: driver {cpu['driver']:.1f}, actors [{actors}], other Ray workers "
        f"{cpu['others']:.1f}; model loads {cpu['loads']}; driver's serial fraction "
        f"{cpu['serial']:.3f}, two-over-one bound {cpu['bound']:.2f}"
    )


def actor_round(db: str, workers: int) -> str:
    """The stored articles analysed by the session's pool of ``workers`` actors, as an
    ingest's analysis stage sends them (results read, not stored): each process's CPU."""
    from crosswire.engine.ray_data import analyse_on_ray

    store = open_store(db)
    config = Config(workers=workers)
    ids = store.article_ids()
    account = CpuAccount()
    t0 = time.perf_counter()
    done = sum(len(a) + len(f) for a, f in analyse_on_ray(store, ids, config))
    wall = time.perf_counter() - t0
    store.close()
    cpu = account.close()
    return f"{workers} actor(s): {done} analysed in {wall:.1f} s\n{cpu_line(cpu)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--train", action="store_true", help="read NeuS train, not val")
    parser.add_argument("--analyse", choices=("all", "none"), default="all")
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="rounds of a local ingest and Ray ingests with two and one actors, in alternating "
        "order (ratios per round and of the medians), after one warm-up Ray ingest",
    )  # fmt: skip
    parser.add_argument("--stages", action="store_true", help="print each run's seconds per stage")
    parser.add_argument(
        "--actors", type=int, default=0, metavar="R",
        help="instead of the rounds: the reference's articles analysed R times by two actors "
        "and by one, alternating, with each actor's model load, batches and CPU",
    )  # fmt: skip
    args = parser.parse_args(argv)
    from crosswire.engine.ray_data import ingest_with_ray, start

    source = NEUS.with_name("train.jsonl") if args.train else NEUS
    lines = source.read_text(encoding="utf-8").splitlines()[: args.articles]
    load_nlp(Config().spacy_model)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "neus.jsonl"
        path.write_text("\n".join(json.dumps(json.loads(x)) for x in lines) + "\n")
        reference = f"{tmp}/local.db"

        def run(engine: str, workers: int, name: str) -> float:
            """One timed ingest into an empty store: articles per second."""
            db = f"{tmp}/{name}.db" if name else reference
            config = Config(db=db, progress=False, workers=workers, analyse=args.analyse)
            store = open_store(db)
            account = CpuAccount() if engine == "ray" else None
            t0 = time.perf_counter()
            with stage_clock() as spent:
                if engine == "local":
                    ingest_paths([path], config, store)
                else:
                    ingest_with_ray([path], config, store)
            seconds = time.perf_counter() - t0
            cpu = account.close() if account is not None else None
            store.close()
            same = partition(db) == partition(reference)
            what = "local pipeline, 2 workers" if engine == "local" else (
                f"ray, {workers} analysis actors"
            )  # fmt: skip
            print(
                f"{what} ({name or 'reference'}): {len(lines) / seconds:.1f} articles/s "
                f"({seconds:.1f}s), same stories as the reference: {same}"
            )
            if args.stages:
                print(stage_line(spent, seconds))
            if cpu is not None:
                print(cpu_line(cpu))
                bounds[workers].append(cpu["bound"])
            return len(lines) / seconds

        bounds: dict[int, list[float]] = {1: [], 2: []}
        first = run("local", 2, "")
        t0 = time.perf_counter()
        start(workers=2)
        print(f"ray.init (local mode, 2 CPUs): {time.perf_counter() - t0:.1f}s")
        if args.actors:
            for n in range(2 * args.actors):
                print(actor_round(reference, 2 - n % 2), flush=True)
            return 0
        if args.rounds > 1:
            run("ray", 2, "warm-up")
        rates: dict[str, list[float]] = {"local": [], "ray-2": [], "ray-1": []}
        for n in range(args.rounds):
            order = ("local", "ray-2", "ray-1") if n % 2 == 0 else ("ray-1", "ray-2", "local")
            for kind in order:
                engine, workers = ("local", 2) if kind == "local" else ("ray", int(kind[-1]))
                rates[kind].append(run(engine, workers, f"round{n + 1}-{kind}"))
            local, two, one = (rates[k][-1] for k in ("local", "ray-2", "ray-1"))
            print(
                f"  round {n + 1}: ray (2 actors) / local {two / local:.2f}, "
                f"ray (1 actor) / local {one / local:.2f}, 2 actors / 1 actor {two / one:.2f} "
                f"(wall; the 1-actor run's CPU bound {bounds[1][-1]:.2f})"
            )
    local, two, one = (statistics.median(rates[k]) for k in ("local", "ray-2", "ray-1"))
    print(
        f"ray (2 actors) / local pipeline: {two / local:.2f}; 2 actors / 1 actor: "
        f"{two / one:.2f} (medians of {args.rounds} round(s); the first local ingest, before "
        f"Ray started, ran at {first:.1f} articles/s); two-over-one bound from the "
        f"driver's serial fraction: {statistics.median(bounds[1]):.2f} (1-actor runs), "
        f"{statistics.median(bounds[2]):.2f} (2-actor runs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
