"""A run stopped at any stage after storing is finished by the next run, on every backend."""

from __future__ import annotations

import json
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


@pytest.fixture(params=["sqlite", "postgres"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "cw.db")
        return
    schema = f"cw_{uuid.uuid4().hex[:10]}"
    yield postgres_url(schema)
    drop_schema(schema)


@pytest.mark.parametrize(
    "stage", ["relearn_boilerplate", "link_duplicates", "assign_stories", "analyse_pending"]
)
def test_next_run_finishes_what_a_killed_run_left(tmp_path, monkeypatch, db, stage):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write_inputs(inputs)
    config = Config(progress=False, db=db, workers=1)
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
        assert store.unanalysed_ids() == []


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
