"""The Ray Data engine in local mode stores what the local pipeline stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, bcubed_f1, shared_path

from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine.ray_data import ingest_with_ray  # noqa: E402

# The reader must not see a labelled set's answers (../shared/data/stories/README.md).
GOLD_FIELDS = ("gold_story", "split", "outlet", "orig_id")
# BASIL dev events in the test (all 50: three outlets' full articles each, 150 articles, which
# the local pipeline groups at B-cubed F1 0.99 with real errors); two minutes on two cores.
BASIL_EVENTS = 50


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


def _basil_part(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The first ``BASIL_EVENTS`` BASIL dev events (by event id) as input, and their gold."""
    with shared_path("data", "stories", "basil", "dev.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    events = sorted({r["gold_story"] for r in records})[:BASIL_EVENTS]
    chosen = [r for r in records if r["gold_story"] in events]
    path = tmp_path / "basil.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in chosen:
            clean = {k: v for k, v in record.items() if k not in GOLD_FIELDS}
            out.write(json.dumps(clean, ensure_ascii=False) + "\n")
    return path, {r["id"]: r["gold_story"] for r in chosen}


def _story_of_record(db: str) -> dict[str, str]:
    store = open_store(db)
    story = {a.id: a.story or a.id for a in store.iter_articles()}
    rows = store.query("SELECT source, article FROM sources")
    store.close()
    return {source.rsplit("#", 1)[1]: story[article] for source, article in rows}


def test_ray_groups_a_labelled_set_as_the_local_pipeline_does(tmp_path: Path) -> None:
    path, gold = _basil_part(tmp_path)
    local, ray_db = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    ingest_paths([path], Config(db=local, progress=False, workers=2))
    store = open_store(ray_db)
    report = ingest_with_ray([path], Config(db=ray_db, progress=False, workers=2), store)
    store.close()
    assert len(report.added) == len(gold) and not report.errors
    ours, theirs = _stored(ray_db), _stored(local)
    assert ours["copies"] == theirs["copies"]
    assert ours["analyses"] == theirs["analyses"]
    assert sum(1 for a in ours["analyses"].values() if a and a[0]) >= len(gold) // 2
    local_f1 = bcubed_f1(_story_of_record(local), gold)
    ray_f1 = bcubed_f1(_story_of_record(ray_db), gold)
    assert local_f1 >= 0.8  # the grouping compared is a real one, not all-in-one or singletons
    assert abs(ray_f1 - local_f1) <= 0.01
    assert ours["stories"] == theirs["stories"]
