"""Does a larger SQLite page cache, or a mapped file, make a grown store cheaper to add to?

    python bench/store_cache.py [--base 200000] [--extra 20000] [--keep DIR]

A time-ordered generated stream (bench/scale.py's generator, at the density of
``bench/pipeline.py --growth``) is ingested on the lexical path until ``--base`` articles are
stored; then a copy of that store takes the next ``--extra`` articles once per arm: SQLite's
defaults (the baseline, run first and last), a 256 and a 64 MiB page cache, and a 4 GiB
``mmap_size``. Each arm prints its wall clock, user and system CPU, CPU ms per article and
peak resident memory (mapped pages count there). ``--keep DIR`` keeps the stream and the base
store in DIR for another run.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import DENSITY_BASE  # noqa: E402
from scale import PER_FILE, generate  # noqa: E402

from crosswire.config import Config  # noqa: E402
from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402

ARMS: list[tuple[str, list[str]]] = [
    ("defaults", []),
    ("cache 256 MiB", ["cache_size=-262144"]),
    ("cache 64 MiB", ["cache_size=-65536"]),
    ("mmap 4 GiB", ["mmap_size=4294967296"]),
    ("defaults again", []),
]


def ingest(db: Path, files: list[Path], pragmas: list[str]) -> dict[str, float]:
    """The files ingested one by one into ``db`` on the lexical path, with ``pragmas`` set."""
    store = open_store(str(db))
    for pragma in pragmas:
        store.execute(f"PRAGMA {pragma}")
    config = Config(db=str(db), progress=False, workers=1)
    before, t0, done = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter(), 0
    for path in files:
        report = ingest_paths([path], config, store, analyse="none")
        done += len(report.added) + report.unchanged
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF)
    store.close()
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    return {"articles": done, "wall_s": round(wall, 1), "rate": round(done / wall, 1),
            "user_s": round(user, 1), "system_s": round(system, 1),
            "cpu_ms": round(1000 * (user + system) / max(1, done), 2),
            "peak_rss_mib": round(after.ru_maxrss / 1024)}  # fmt: skip


def copy_store(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=200_000)
    parser.add_argument("--extra", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="keep the stream and the base store here")
    # One arm, in a process of its own so that its peak memory is its own:
    parser.add_argument("--arm", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--stream", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pragma", action="append", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.arm:
        files = sorted(args.stream.glob("part*.jsonl"))[args.first :]
        print(json.dumps(ingest(args.arm, files, args.pragma)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        stream, base = folder / "stream", folder / "base.db"
        total = args.base + args.extra
        if not stream.is_dir():
            stream.mkdir(parents=True)
            generate(stream, total, seed=7, days=max(365, total * 365 // DENSITY_BASE))
        files = sorted(stream.glob("part*.jsonl"))
        first = args.base // PER_FILE
        if not base.exists():
            t0 = time.perf_counter()
            ingest(base, files[:first], [])
            print(f"base store: {args.base} articles in {time.perf_counter() - t0:.0f} s")
        for name, pragmas in ARMS:  # the baseline first and last: the run's own noise
            arm = folder / "arm.db"
            copy_store(base, arm)
            command = [sys.executable, __file__, "--arm", str(arm), "--first", str(first),
                       "--stream", str(stream), *(f"--pragma={p}" for p in pragmas)]  # fmt: skip
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            print(json.dumps({"arm": name, "pragmas": pragmas, **json.loads(done.stdout)}),
                  flush=True)  # fmt: skip
            for suffix in ("", "-wal", "-shm"):
                Path(f"{arm}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
