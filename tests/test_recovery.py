"""A run stopped at any stage after storing is finished by the next run, on every backend."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid

import pytest
from helpers import drop_schema, postgres_url

import crosswire.pipeline as pipeline
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

TOPICS = ["ferry", "bridge", "school", "clinic", "harbour", "market"]


def _write_inputs(folder):
    for i, topic in enumerate(TOPICS):
        (folder / f"{i:03d}_{topic}.txt").write_text(
            f"The {topic} in the fictional town of Quillan reopened on day {i}, officials said. "
            f"Repairs to the {topic} took {i + 3} weeks and cost {i + 2} million crowns."
        )


class Killed(BaseException):
    """Stands for a kill: not an Exception, so nothing on the way catches it."""


def _kill(*_args, **_kwargs):
    raise Killed


@pytest.mark.parametrize(
    "stage", ["relearn_boilerplate", "link_duplicates", "assign_stories"]
)
def test_next_run_finishes_what_a_killed_run_left(tmp_path, monkeypatch, backend_db, stage):
    db = backend_db
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write_inputs(inputs)
    # Every article analysed at ingest (single-outlet stories are otherwise analysed when first
    # read), so that a kill during the analysis leaves some for the next run.
    config = Config(progress=False, db=db, workers=1, analyse="all")
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, stage, _kill)
        with pytest.raises(Killed):
            ingest_paths([inputs], config)
    again = ingest_paths([inputs], config)
    assert again.unchanged == len(TOPICS) and not again.added
    with open_store(db) as store:
        articles = list(store.iter_articles())
        assert len(articles) == len(TOPICS)
        assert all(a.story for a in articles)
        unprinted, storyless = store.unfinished_ids()
        assert unprinted == [] and storyless == []


def test_nul_in_input_is_stored_on_postgres(tmp_path):
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    url = postgres_url(schema)
    try:
        (tmp_path / "a.json").write_text(
            json.dumps(
                {
                    "maintext": "The Quillan ferry\u0000 resumed on Friday after storms.",
                    "title": "Ferry\u0000",
                }
            )
        )
        (tmp_path / "b.txt").write_bytes(
            b"x" * 9000 + b"\n\nThe Marrow bridge reopened\x00 after repairs, officials said."
        )
        report = ingest_paths([tmp_path], Config(progress=False, db=url, workers=1))
        assert len(report.added) == 2, report.errors
        with open_store(url) as store:
            assert all(a.story and "\x00" not in a.text for a in store.iter_articles())
    finally:
        drop_schema(schema)


# Seconds after the start at which an ingest is killed: spread over start-up, reading, storing,
# grouping and analysis (seeded, so a failure can be replayed).
KILL_SEED = 14


def test_an_ingest_killed_at_random_points_is_finished_by_the_next_run(tmp_path, backend_db):
    db = backend_db
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(24):  # fictional notices: a few stories, a few syndicated copies
        topic = TOPICS[i % len(TOPICS)]
        (inputs / f"{i:03d}_{topic}.txt").write_text(
            f"Notice {i // 3}: the {topic} in the fictional town of Quillan reopened on day "
            f"{i // 3}, officials said. Repairs to the {topic} took {i // 3 + 3} weeks and cost "
            f"{i // 3 + 2} million crowns, the council told residents at a meeting."
        )
    env = {**os.environ, "CROSSWIRE_WORKERS": "1"}
    command = [sys.executable, "-m", "crosswire.cli", "ingest", str(inputs), "--db", db,
               "--no-progress", "--analyse", "all"]  # fmt: skip
    pick = random.Random(KILL_SEED)
    for _ in range(3):
        run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(pick.uniform(2.0, 9.0))
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
    ingest_paths([inputs], Config(progress=False, db=db, workers=1, analyse="all"))
    with open_store(db) as store:
        articles = list(store.iter_articles())
        texts = {a.source: a for a in articles}
        assert len(articles) == len({a.id for a in articles}) == len(texts)
        sources = {r[0] for r in store.query("SELECT source FROM sources")}
        assert {str(p) for p in inputs.iterdir()} <= sources
        assert all(a.story for a in articles)
        assert store.unfinished_ids() == ([], [])
        assert store.unanalysed_ids() == []
