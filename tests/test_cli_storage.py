"""The command over a full disk and a read-only folder: one clear line, no traceback, and the
next run after a full disk finishes every article."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import crosswire.cli as cli
from crosswire.store import SQLiteStore, Store, open_store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def _notices(folder: Path, count: int) -> None:
    for i in range(count):  # fictional notices, each a story of its own
        (folder / f"{i:03d}.txt").write_text(
            f"Notice {i} of the Quillan harbour\n\n"
            + f"The harbour office of the fictional town of Quillan said on day {i} that berth "
            f"{i} reopens after {i + 2} weeks of repairs costing {i + 3} million crowns. " * 8
        )


def _full_soon(url: str) -> Store:
    """The store, on a disk that fills up part way through the run."""
    store = open_store(url)
    if isinstance(store, SQLiteStore):
        pages = store.query("PRAGMA page_count")[0][0]
        store.execute(f"PRAGMA max_page_count = {pages + 40}")
        return store
    import psycopg

    add = store.add_article

    def add_until_full(article, digest=None):  # PostgreSQL's own error for a full disk
        if store.count_articles() >= 15:  # room for 15 articles, this transaction's included
            raise psycopg.errors.DiskFull('could not extend file "base/1/2": No space left')
        return add(article, digest)

    store.add_article = add_until_full  # type: ignore[method-assign]
    return store


def test_a_full_disk_is_one_line_and_the_next_run_finishes_every_article(
    tmp_path, monkeypatch, capsys, backend_db
):
    folder = tmp_path / "in"
    folder.mkdir()
    _notices(folder, 40)
    db = backend_db
    monkeypatch.setenv("CROSSWIRE_WORKERS", "1")

    with monkeypatch.context() as patch:
        patch.setattr(cli, "open_store", _full_soon)
        assert cli.main(["ingest", str(folder), "--db", db, "--no-progress"]) == 2
    said = capsys.readouterr().err
    assert "the disk is full" in said and "run the same ingest again" in said
    assert "Traceback" not in said and len(said.strip().splitlines()) == 1
    with open_store(db) as store:
        stored = store.count_articles()
    assert 0 < stored < 40  # the run stopped part way
    assert cli.main(["ingest", str(folder), "--db", db, "--no-progress"]) == 0
    with open_store(db) as store:
        articles = list(store.iter_articles())
        assert len(articles) == 40 and len({a.id for a in articles}) == 40
        assert all(a.story for a in articles)
        assert store.unfinished_ids() == ([], [])


def test_a_database_in_a_read_only_folder_is_read_and_not_written(tmp_path):
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a folder read-only")
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    db = source / "cw.db"
    assert cli.main(["ingest", str(DEMO), "--db", str(db), "--no-progress"]) == 0
    with open_store(str(db)) as store:
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for leftover in source.glob("cw.db-*"):
        leftover.unlink()
    before = sorted(p.name for p in source.iterdir())
    command = f"{sys.executable} -m crosswire.cli"
    script = (
        f"mount --bind {source} {mount} && mount -o remount,bind,ro {mount} && "
        f"{command} stories --json --db {mount}/cw.db; echo rc=$?; "
        f"{command} check --db {mount}/cw.db; echo rc=$?; "
        f"{command} ingest {DEMO} --db {mount}/cw.db --no-progress; echo rc=$?"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    if "mount" in done.stderr and "rc=" not in done.stdout:
        pytest.skip(f"cannot mount read-only here: {done.stderr.strip()}")
    assert "Traceback" not in done.stderr, done.stderr
    listed, _, rest = done.stdout.partition("rc=")
    assert rest.startswith("0") and '"title": "Kellmoor Dam breach' in listed
    checked, _, rest = rest[1:].partition("rc=")
    assert rest.startswith("0") and "no damage found" in checked  # checked, read-only
    assert rest.rstrip().endswith("rc=2")
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "is read-only" in errors[0], done.stderr
    assert sorted(p.name for p in source.iterdir()) == before
