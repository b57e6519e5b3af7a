"""Alerts on the demo: what a follow had not seen becomes one alert per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.config import Config
from crosswire.follow.alerts import BASELINE, follow, story_items, update_follow
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store
from crosswire.store.follows import alerts, mark_seen

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("alerts") / "demo.db")
    ingest_paths([DEMO], Config(db=db, progress=False, workers=1))
    return db


@pytest.fixture
def store(demo_db, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    s = open_store(str(copy))
    yield s
    s.close()


def _dam(store):
    return max(store.stories(), key=lambda s: len(s.articles))


def test_following_takes_a_baseline_and_nothing_new_is_no_alert(store):
    found = follow(store, "story", _dam(store).id[:6])
    assert found.target == _dam(store).id
    assert update_follow(store, found) == [] and alerts(store, found.id) == []


def test_conflicts_the_follow_had_not_seen_are_one_alert(store):
    dam = _dam(store)
    title, items = story_items(store, dam.id, None)
    conflicts = [i for i in items if i.kind == "conflict"]
    assert len(conflicts) >= 2  # the demo's dam story has several discrepancies
    found = follow(store, "story", dam.id)
    # As if the follow had been taken before the outlets disagreed: only the rest was seen.
    store.execute("DELETE FROM follow_seen WHERE follow = ?", (found.id,))
    mark_seen(store, found.id, [i.key for i in items if i.kind != "conflict"] + [BASELINE])
    (alert,) = update_follow(store, found, now="2026-03-12T08:00:00+00:00")
    assert alert.kind == "conflict" and alert.story == dam.id
    assert alert.title == f"{len(conflicts)} new conflicts in “{title}”"
    assert all(c.text in alert.summary for c in conflicts[:5])
    assert alert.link == f"/stories/{dam.id}"
    assert [a.id for a in alerts(store, found.id)] == [alert.id]
    assert update_follow(store, found) == []  # seen now: said once
