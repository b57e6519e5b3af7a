"""Does keeping the small-row tables in their key's B-tree (``WITHOUT ROWID``) make a store
cheaper to fill, and to add to once it is large?

    python bench/store_layout.py [--base 100000] [--extra 5000] [--keep DIR]

The stream of ``bench/store_cache.py`` (time order, the density of ``bench/pipeline.py
--growth``) is ingested on the lexical path into two stores side by side, one process each:
one in the rowid layout that stores made before 2026-12-06 keep (the baseline: a rowid table
and a key index for each of ``lsh``, ``story_keys``, ``outlet_lines``, ``sources``,
``term_df`` and ``speakers``) and one in today's clustered layout. Each build prints its
wall clock, CPU ms per article (all, and over the last tenth) and its file size; then a copy
of each base takes the next ``--extra`` articles, twice each in turn, each in a process of
its own. The stories of the two builds are compared: the layout changes where rows live, not
what is read.

``--against SRC`` puts an older checkout's ``src`` in the baseline's place (its processes
import crosswire from there, in its own layout): the before and after of a change to the
store at the same size, on the same stream.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import DENSITY_BASE  # noqa: E402
from scale import PER_FILE, generate  # noqa: E402
from store_cache import copy_store, ingest  # noqa: E402

from crosswire.store import open_store  # noqa: E402
from crosswire.store.sqlite import SQLiteStore  # noqa: E402

LAYOUTS = ("rowid", "clustered")


def fill(db: Path, files: list[Path], layout: str) -> dict[str, float]:
    """The files ingested into ``db`` in ``layout``; the last tenth timed on its own."""
    if layout == "rowid":
        SQLiteStore.clustered = ""  # the layout of stores made before (this process only)
    tail = max(1, len(files) // 10)
    none = {"articles": 0, "wall_s": 0.0, "user_s": 0.0, "system_s": 0.0}
    head = ingest(db, files[:-tail], []) if len(files) > tail else none
    last = ingest(db, files[-tail:], [])
    done = head["articles"] + last["articles"]
    cpu = head["user_s"] + head["system_s"] + last["user_s"] + last["system_s"]
    return {"articles": done,
            "wall_s": round(head["wall_s"] + last["wall_s"], 1),
            "cpu_ms": round(1000 * cpu / max(1, done), 2), "last_tenth_cpu_ms": last["cpu_ms"],
            "peak_rss_mib": last["peak_rss_mib"],
            "size_mib": round(db.stat().st_size / 2**20, 1)}  # fmt: skip


def partition(db: Path) -> set[frozenset[str]]:
    store = open_store(str(db))
    stories: dict[str, set[str]] = {}
    for article, story in store.query("SELECT id, story FROM articles WHERE story IS NOT NULL"):
        stories.setdefault(story, set()).add(article)
    store.close()
    return {frozenset(members) for members in stories.values()}


def run_self(args: list[str], against: Path | None) -> subprocess.Popen[str]:
    """This script in a process of its own; with ``against``, importing crosswire from it."""
    env = dict(os.environ)
    if against is not None:
        env["PYTHONPATH"] = str(against)
    return subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                            text=True, env=env)  # fmt: skip


def result(process: subprocess.Popen[str], what: str) -> dict[str, float]:
    out, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"{what} failed")
    return json.loads(out)


def name(layout: str, args: argparse.Namespace) -> str:
    return f"before ({args.against})" if layout == "rowid" and args.against else layout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=100_000)
    parser.add_argument("--extra", type=int, default=5_000)
    parser.add_argument("--keep", type=Path, help="keep the stream and the base stores here")
    parser.add_argument("--against", type=Path, help="an older checkout's src as the baseline")
    # One build or one arm, in a process of its own:
    parser.add_argument("--fill", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--layout", choices=LAYOUTS, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--last", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--stream", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.fill:
        files = sorted(args.stream.glob("part*.jsonl"))[args.first : args.last]
        print(json.dumps(fill(args.fill, files, args.layout)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        stream = folder / "stream"
        total = args.base + args.extra
        if not stream.is_dir():
            stream.mkdir(parents=True)
            generate(stream, total, seed=7, days=max(365, total * 365 // DENSITY_BASE))
        first = args.base // PER_FILE
        bases = {layout: folder / f"base-{layout}.db" for layout in LAYOUTS}
        against = {"rowid": args.against, "clustered": None}
        # The baseline: the rowid layout, or the older checkout's own.
        layout_of = {"rowid": "clustered" if args.against else "rowid", "clustered": "clustered"}
        # Both builds at once, one process each: the two cores see the same load.
        builds = {
            layout: run_self(
                [
                    "--fill",
                    str(db),
                    "--layout",
                    layout_of[layout],
                    "--stream",
                    str(stream),
                    "--last",
                    str(first),
                ],
                against[layout],
            )  # fmt: skip
            for layout, db in bases.items()
            if not db.exists()
        }
        for layout, build in builds.items():
            built = result(build, f"the {layout} build")
            print(json.dumps({"build": args.base, "arm": name(layout, args), **built}), flush=True)
        same = partition(bases["rowid"]) == partition(bases["clustered"])
        print(f"stories of the two builds: {'the same' if same else 'DIFFERENT'}", flush=True)
        for layout in (*LAYOUTS, *LAYOUTS):  # each twice, in turn: the run's own noise
            arm = folder / f"arm-{layout}.db"
            copy_store(bases[layout], arm)
            process = run_self(["--fill", str(arm), "--layout", layout_of[layout], "--stream",
                                str(stream), "--first", str(first)], against[layout])  # fmt: skip
            added = result(process, f"the {layout} arm")
            print(json.dumps({"extra": args.extra, "arm": name(layout, args), **added}),
                  flush=True)  # fmt: skip
            for suffix in ("", "-wal", "-shm", "-lock"):
                Path(f"{arm}{suffix}").unlink(missing_ok=True)
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
