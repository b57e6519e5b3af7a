"""Read-and-clean throughput on the extraction benchmark pages: one process vs a pool.

    python bench/ingest.py [--pages DIR] [--repeat N]

Prints pages/s for ``workers=1`` and ``workers=2`` over the same files in the same run, and
their ratio. Only reading and cleaning are timed (the analysis stage is measured elsewhere).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from crosswire.ingest import expand_paths
from crosswire.ingest.readers import ReadOptions
from crosswire.pipeline import prepare_files

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
    args = parser.parse_args()
    files = list(expand_paths([args.pages])) * args.repeat
    print(f"{len(files)} pages from {args.pages}")
    single, n1 = measure(files, 1)
    pooled, n2 = measure(files, 2)
    print(f"workers=1: {len(files) / single:6.1f} pages/s ({n1} articles, {single:.1f} s)")
    print(f"workers=2: {len(files) / pooled:6.1f} pages/s ({n2} articles, {pooled:.1f} s)")
    print(f"ratio: {single / pooled:.2f}x (target >= 1.7x)")


if __name__ == "__main__":
    main()
