"""The analysis actors live for the Ray session: made by the first ingest, reused by the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, shared_path

from crosswire.config import Config
from crosswire.store import open_store

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine.ray_data import ingest_with_ray, start  # noqa: E402
from crosswire.engine.ray_pool import (  # noqa: E402
    analysis_pool,
    release_pool,
    settings_of,
)


@pytest.fixture(autouse=True, scope="module")
def _ray():
    start(workers=2)
    yield
    import ray

    release_pool()
    ray.shutdown()


def _ingest(inputs: list[Path], db: str) -> int:
    config = Config(db=db, progress=False, workers=2, analyse="all")
    store = open_store(db)
    report = ingest_with_ray(inputs, config, store)
    store.close()
    return report.analysed


def test_two_ingests_of_a_session_share_the_actors_and_load_the_model_once(
    tmp_path: Path,
) -> None:
    release_pool()
    settings = settings_of(Config(workers=2))
    assert _ingest([ROOT / "examples" / "demo"], str(tmp_path / "a.db")) > 0
    pool = analysis_pool(2, settings)
    assert pool.made == 0  # the ingest made them
    first = pool.stats()
    assert [s["model_loads"] for s in first] == [1, 1]
    assert sum(s["articles"] for s in first) > 0

    assert _ingest([shared_path("corpus", "seeds")], str(tmp_path / "b.db")) > 0
    pool = analysis_pool(2, settings)
    assert pool.made == 0
    second = pool.stats()
    assert [s["pid"] for s in second] == [s["pid"] for s in first]
    assert [s["model_loads"] for s in second] == [1, 1]  # no model loaded again
    assert sum(s["articles"] for s in second) > sum(s["articles"] for s in first)


def test_a_pool_of_another_size_or_model_config_is_replaced() -> None:
    release_pool()
    settings = settings_of(Config(workers=2))
    pool = analysis_pool(2, settings)
    assert pool.made == 2
    pids = [s["pid"] for s in pool.stats()]

    smaller = analysis_pool(1, settings)
    assert smaller.made == 0 and [s["pid"] for s in smaller.stats()] == pids[:1]
    larger = analysis_pool(2, settings)
    assert larger.made == 1  # the second was killed with the smaller pool

    other = dict(settings, batch_size=settings["batch_size"] // 2)
    replaced = analysis_pool(2, other)
    assert replaced.made == 2
    assert not set(s["pid"] for s in replaced.stats()) & set(pids)
    assert release_pool() == 2


def test_release_kills_the_actors() -> None:
    settings = settings_of(Config(workers=2))
    analysis_pool(2, settings)
    assert release_pool() == 2
    assert release_pool() == 0
    assert analysis_pool(2, settings).made == 2
    release_pool()


def test_the_analyse_command_on_ray_stores_the_local_analyses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from crosswire.cli import main

    inputs = [str(ROOT / "examples" / "demo")]
    dbs = {engine: str(tmp_path / f"{engine}.db") for engine in ("local", "ray")}
    for engine, db in dbs.items():
        assert main(["ingest", *inputs, "--analyse", "none", "--no-progress", "--db", db]) == 0
        capsys.readouterr()
        assert main(["analyse", "--all", "--engine", engine, "--db", db]) == 0
        assert "0 not analysed yet" in capsys.readouterr().out
    stored = {}
    for engine, db in dbs.items():
        store = open_store(db)
        stored[engine] = {a.id: store.get_analysis(a.id).as_dict() for a in store.iter_articles()}
        store.close()
    assert stored["ray"] == stored["local"] and stored["ray"]
    workers = Config().workers  # the command's pool, found again: one model load per actor
    assert [s["model_loads"] for s in analysis_pool(workers, settings_of(Config())).stats()] == [
        1
    ] * workers
