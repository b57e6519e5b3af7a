"""Story candidates from Ray tasks (or a shuffle) on story keys are the store index's."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crosswire.config import Config
from crosswire.records import Article
from crosswire.store import Store, open_store
from crosswire.stories import assign_stories
from crosswire.stories.candidates import SCORED_CANDIDATES
from crosswire.stories.group import _Batch, index_articles

pytest.importorskip("ray.data", reason="the Ray engine needs pip install 'crosswire[ray]'")

from crosswire.engine import ray_stories  # noqa: E402
from crosswire.engine.ray_data import start  # noqa: E402
from crosswire.engine.ray_stories import (  # noqa: E402
    ONE_TASK_ROWS,
    RayStories,
    best_candidates,
    candidates_on_ray,
    scores_on_ray,
)

PLACES = ["Orvel", "Kessel", "Tarsk", "Velm", "Marrow", "Tine", "Dunhollow", "Saltmere"]
PEOPLE = ["Ida Brannock", "Oma Ferrant", "Tessa Quillfeather", "Ivo Penhallow", "Maren Oakes",
          "Dario Fenwick", "Lio Varga", "Anke Sorrel", "Piet Moller", "Runa Elst"]  # fmt: skip
THINGS = ["dam", "port", "bridge", "cup final", "tram line", "election", "strike", "flood"]
OUTLETS = ["Daily Lantern", "Northgate Courier", "Ember Wire", "Valley Post"]


def _reports(seed: int) -> list[Article]:
    """Fictional reports of 16 events over six weeks, four outlets each, every one in one
    region (so one name is in most of them and one key reaches far more than fifty), one in
    eight undated."""
    rng = random.Random(seed)
    articles = []
    for event in range(16):
        place, thing = rng.choice(PLACES), rng.choice(THINGS)
        person, other = rng.sample(PEOPLE, 2)
        day = rng.randint(1, 42)
        figure = rng.randint(20, 900)
        for n, outlet in enumerate(OUTLETS):
            when = day + rng.randint(0, 2)
            date = f"2026-{3 + when // 31:02d}-{1 + when % 30:02d}"
            published = None if rng.random() < 0.125 else date
            text = (
                f"In the Brisa region, the {thing} at {place} was in the news again. {person} "
                f"said {figure} people were affected, and {other} asked for calm. Officials in "
                f"{place} said the {thing} would be inspected within days."
            )
            if n % 2:
                text = f"{person} spoke about the {thing} at {place}. " + text
            articles.append(Article(
                id=f"e{event:02d}-{n}", source=f"e{event:02d}-{n}.txt", text=text, raw=text,
                title=f"{place} {thing}: {person} speaks", outlet=outlet, published=published,
            ))  # fmt: skip
    rng.shuffle(articles)
    return articles


@pytest.fixture(autouse=True, scope="module")
def _ray():
    start(workers=2)
    yield
    import ray

    ray.shutdown()


def _add(store: Store, articles: list[Article]) -> list[str]:
    for article in articles:
        store.add_article(article)
    store.conn.commit()
    return [a.id for a in articles]


@pytest.mark.parametrize("one_task_rows", [ONE_TASK_ROWS, 0], ids=["in tasks", "shuffled"])
def test_the_key_search_finds_the_store_index_s_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_task_rows: int
) -> None:
    monkeypatch.setattr(ray_stories, "ONE_TASK_ROWS", one_task_rows)
    articles = _reports(5)
    store = open_store(str(tmp_path / "keys.db"))
    config = Config()
    for part in (articles[:40], articles[40:]):  # a second run retrieves stored ones too
        new = _add(store, part)
        index_articles(store, part, config)
        found = candidates_on_ray(store, new, config, limit=None)
        batch = _Batch(store, config)
        expected = {}
        for a in new:
            published = batch.get_features(a).published
            shared = store.articles_sharing_keys(
                batch.keys(a), a, published, config.story_window_days
            )
            expected[a] = {c: sorted(keys) for c, keys in shared.items()}
        assert found == expected
        # By default only the candidates the local stage scores come back, with their keys.
        best = candidates_on_ray(store, new, config)
        assert all(len(c) <= SCORED_CANDIDATES for c in best.values())
        ranked = _Batch(store, config)
        ranked.shared.update(best)
        assert {a: ranked.candidates(a) for a in new} == {a: batch.candidates(a) for a in new}
        # exactly the ones it ranks: those sharing one key in one language set aside first
        assert {a: sorted(best[a]) for a in new} == {a: sorted(batch.candidates(a)) for a in new}
        assert all(best[a] == {c: expected[a][c] for c in best[a]} for a in new)
    assert any(len(c) > SCORED_CANDIDATES for c in found.values())  # more than are scored
    assert any(len(c) < SCORED_CANDIDATES for c in found.values())  # and the window bites
    store.close()


def test_the_best_candidates_leave_out_those_the_local_stage_sets_aside() -> None:
    found = {"a": {"b": ["w:dam"], "c": ["n:Orvel", "w:dam"], "d": ["w:dam"]}}
    languages = {"a": "en", "b": "en", "c": "en", "d": "de"}
    weights = {"w:dam": 1.0, "n:Orvel": 2.0}
    # one shared key in one language is no candidate; in another language it still is
    assert set(best_candidates(found, weights, 50, languages)["a"]) == {"c", "d"}
    assert set(best_candidates(found, weights, None, languages)["a"]) == {"b", "c", "d"}


def _partition(store: Store) -> list[list[str]]:
    stories: dict[str, list[str]] = {}
    for article_id, story in store.query("SELECT id, story FROM articles ORDER BY id"):
        stories.setdefault(story, []).append(article_id)
    return sorted(stories.values())


@pytest.mark.parametrize("one_task_rows", [ONE_TASK_ROWS, 0], ids=["in tasks", "shuffled"])
def test_stories_grouped_from_ray_candidates_are_the_local_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_task_rows: int
) -> None:
    monkeypatch.setattr(ray_stories, "ONE_TASK_ROWS", one_task_rows)
    monkeypatch.setattr(ray_stories, "MIN_PAIRS_IN_TASKS", 0)  # the pairs scored in tasks
    articles = _reports(11)
    local, ray = open_store(str(tmp_path / "local.db")), open_store(str(tmp_path / "ray.db"))
    for part in (articles[:30], articles[30:]):
        assign_stories(local, _add(local, part), Config())
        assign_stories(ray, _add(ray, part), Config(), candidates_with=RayStories())
        assert _partition(ray) == _partition(local)
        near = "SELECT article, near FROM story_near ORDER BY article"
        assert ray.query(near) == local.query(near)
    assert sum(1 for s in _partition(ray) if len(s) >= 3) >= 8  # real stories, not singletons
    local.close()
    ray.close()


def test_pairs_scored_in_tasks_score_what_the_driver_scores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _reports(7)
    store = open_store(str(tmp_path / "scores.db"))
    config = Config()
    stored, new = articles[:32], _add(store, articles[32:])
    _add(store, stored)
    index_articles(store, stored + articles[32:], config)
    monkeypatch.setattr(ray_stories, "MIN_PAIRS_IN_TASKS", 0)
    in_tasks = _Batch(store, config)
    scores = scores_on_ray(in_tasks, new)
    driver = _Batch(store, config)
    expected = {p: driver.probability(*p) for p in scores}
    assert scores == expected  # the same floats, not only close ones
    assert len(scores) >= 10 * len(new)
    assert sum(s >= driver.model.threshold for s in scores.values()) >= len(new)
    assert any(s == 0.0 for s in scores.values())  # out of the window
    monkeypatch.setattr(ray_stories, "MIN_PAIRS_IN_TASKS", len(scores) + 1)
    assert scores_on_ray(_Batch(store, config), new) == {}  # few pairs: the driver scores
    store.close()
