"""Read-and-clean throughput on the extraction benchmark pages: one process vs a pool.

    python bench/ingest.py [--pages DIR] [--repeat N] [--rounds R] [--like-cli]

Prints pages/s for ``workers=1`` and ``workers=2`` over the same files in the same run, and
their ratio, for R rounds and their median. Only reading and cleaning are timed (the analysis
stage is measured elsewhere); pool start-up is included.

A spawned worker re-imports the parent's main module. This script imports only the light
``crosswire.ingest.prepare``; ``--like-cli`` makes its main module import ``crosswire.cli`` as
well, as the ``crosswire`` command's main module does, to measure what a CLI run pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from crosswire.ingest import expand_paths
from crosswire.ingest.prepare import prepare_files
from crosswire.ingest.readers import ReadOptions

if os.environ.get("CROSSWIRE_BENCH_LIKE_CLI"):  # read again by each spawned worker
    import crosswire.cli  # noqa: F401

DEFAULT_PAGES = Path(__file__).resolve().parents[1].parent / "shared/data/extraction/zyte-dev/html"


def measure(files: list, workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    articles = sum(
        1
        for prepared in prepare_files(files, ReadOptions(), workers)
        for item in prepared
        if isinstance(item, tuple)
    )
    return time.perf_counter() - start, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeat", type=int, default=3, help="read the pages this many times")
    parser.add_argument("--rounds", type=int, default=3, help="measure this many times")
    parser.add_argument("--like-cli", action="store_true", help="workers import crosswire.cli")
    args = parser.parse_args()
    if args.like_cli:
        os.environ["CROSSWIRE_BENCH_LIKE_CLI"] = "1"
        import crosswire.cli  # noqa: F401
    files = list(expand_paths([args.pages])) * args.repeat
    note = " (workers import crosswire.cli)" if args.like_cli else ""
    print(f"{len(files)} pages from {args.pages}{note}")
    ratios = []
    for round_ in range(1, args.rounds + 1):
        single, n1 = measure(files, 1)
        pooled, n2 = measure(files, 2)
        assert n1 == n2, (n1, n2)
        ratios.append(single / pooled)
        print(
            f"round {round_}: workers=1 {len(files) / single:6.1f} pages/s ({single:.1f} s), "
            f"workers=2 {len(files) / pooled:6.1f} pages/s ({pooled:.1f} s), "
            f"ratio {single / pooled:.2f}x ({n1} articles)"
        )
    print(f"median ratio: {statistics.median(ratios):.2f}x (target >= 1.7x)")


if __name__ == "__main__":
    main()
