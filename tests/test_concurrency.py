"""Two ingests of overlapping folders at once, on every backend: no duplicate article, no
"database is locked", every article in a story (the store's ingest lock runs them in turn)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

from crosswire.store import open_store

TOPICS = ["ferry", "bridge", "school", "clinic", "harbour", "market", "library", "station"]


def _write(folder, topics) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, topic in topics:
        (folder / f"{i:03d}_{topic}.txt").write_text(
            f"The {topic} of the fictional town of Quillan reopened on day {i}, officials "
            f"said. Repairs to the {topic} took {i + 3} weeks and cost {i + 2} million crowns, "
            f"and the {topic} keeps its old hours."
        )


def test_two_ingests_of_overlapping_folders_at_once(tmp_path, backend_db):
    db = backend_db
    everything = list(enumerate(TOPICS))
    _write(tmp_path / "all", everything)
    _write(tmp_path / "all" / "again", everything[:5])  # the same articles, other paths
    _write(tmp_path / "other", everything[3:])
    env = {**os.environ, "CROSSWIRE_WORKERS": "1"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "crosswire.cli", "ingest", str(tmp_path / folder), "--db", db,
             "--no-progress", "--analyse", "none"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        for folder in ("all", "other")
    ]
    outputs = [run.communicate(timeout=240)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], "\n".join(outputs)
    assert not any("locked" in out or "Traceback" in out for out in outputs), outputs
    with open_store(db) as store:
        articles = list(store.iter_articles())
        assert len(articles) == len(TOPICS)  # each once, whichever run stored it
        assert all(a.story for a in articles)
        assert store.unfinished_ids() == ([], [])


def test_an_ingest_waits_for_the_one_writing_and_says_so(tmp_path, backend_db):
    _write(tmp_path / "in", list(enumerate(TOPICS))[:3])
    env = {**os.environ, "CROSSWIRE_WORKERS": "1"}
    with open_store(backend_db) as holder, holder.writer():
        run = subprocess.Popen(
            [sys.executable, "-m", "crosswire.cli", "ingest", str(tmp_path / "in"), "--db",
             backend_db, "--no-progress", "--analyse", "none"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(run.stdout), daemon=True)
        reader.start()
        deadline = time.monotonic() + 120  # its start-up, however loaded the machine
        while not any("waiting for it to finish" in line for line in lines):
            assert run.poll() is None and time.monotonic() < deadline, "".join(lines)
            time.sleep(0.2)
        holder.conn.rollback()
        assert run.poll() is None and holder.count_articles() == 0  # it waits, writing nothing
    run.wait(timeout=120)
    reader.join(timeout=10)
    assert run.returncode == 0, "".join(lines)
    with open_store(backend_db) as store:
        assert store.count_articles() == 3
