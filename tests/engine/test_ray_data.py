"""The Ray Data engine in local mode stores what the local pipeline stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, shared_path

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine.ray_data import ingest_with_ray  # noqa: E402


@pytest.fixture(autouse=True, scope="module")
def _ray_stopped_after():
    """Ray started by the test is stopped with it, not left to the end of the session."""
    yield
    import ray

    ray.shutdown()


def _stored(db: str) -> dict:
    """Stories as a partition, copies, and every article's quotes and figures."""
    store = open_store(db)
    rows = store.query("SELECT id, story, duplicate_of FROM articles ORDER BY id")
    stories: dict[str, set[str]] = {}
    for article, story, _ in rows:
        stories.setdefault(story, set()).add(article)
    analyses = {}
    for article, _, _ in rows:
        analysis = store.get_analysis(article)
        analyses[article] = (
            [q.as_dict() for q in analysis.quotes],
            [f.as_dict() for f in analysis.figures],
        ) if analysis else None
    store.close()
    return {
        "stories": sorted(sorted(m) for m in stories.values()),
        "copies": {a: d for a, _, d in rows if d},
        "analyses": analyses,
    }


def test_ray_in_local_mode_gives_the_local_pipeline_s_records(tmp_path: Path) -> None:
    inputs = [ROOT / "examples" / "demo", shared_path("corpus", "seeds")]
    local, ray_db = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    ingest_paths(inputs, Config(db=local, progress=False, workers=2))
    config = Config(db=ray_db, progress=False, workers=2)
    store = open_store(ray_db)
    report = ingest_with_ray(inputs, config, store)
    store.close()
    assert len(report.added) == 8 and report.analysed == 7 and not report.errors
    ours, theirs = _stored(ray_db), _stored(local)
    assert ours["stories"] == theirs["stories"]
    assert ours["copies"] == theirs["copies"]
    assert ours["analyses"] == theirs["analyses"]
    assert sum(1 for a in ours["analyses"].values() if a and a[0]) >= 4
