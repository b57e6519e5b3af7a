"""Threads as a reader meets them: `crosswire stories --thread` and the reports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.cli import main
from crosswire.config import Config
from crosswire.records import Comparison
from crosswire.report import render_report
from crosswire.store import open_store
from crosswire.stories import assign_stories
from crosswire.stories.group import _Batch
from crosswire.stories.model import load_model
from crosswire.stories.threads import (
    centroid,
    likeliest_story,
    link_threads,
    relinked,
    topic_similarity,
)
from tests.stories.test_group import REOPENING, add, fictional, make


@pytest.fixture
def threaded(tmp_path: Path) -> str:
    path = str(tmp_path / "threads.db")
    store = open_store(path)
    articles = fictional() + [make(i, REOPENING[i], "2031-06-13T09:00:00") for i in REOPENING]
    assign_stories(store, add(store, articles), Config(progress=False, story_embedder=None))
    store.conn.commit()
    store.close()
    return path


def test_centroids_of_one_topic_are_closer_than_of_two() -> None:
    bridge = centroid([{"bridge": 0.8, "pier": 0.6}, {"bridge": 0.6, "crack": 0.8}])
    reopening = centroid([{"bridge": 0.7, "pier": 0.7}])
    cup = centroid([{"final": 0.8, "goal": 0.6}])
    assert topic_similarity(bridge, reopening) > 0.5 > topic_similarity(bridge, cup) == 0.0


def test_stories_lists_a_thread_newest_first(threaded: str, capsys) -> None:
    assert main(["stories", "--db", threaded, "--thread", "lantern-bridge", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == ["lantern-reopen", "lantern-bridge"]
    assert main(["stories", "--db", threaded]) == 0
    assert "+1 linked" in capsys.readouterr().out


def test_every_report_format_names_the_thread(threaded: str) -> None:
    store = open_store(threaded)
    story = store.get_story("lantern-bridge")
    assert story is not None
    articles = list(store.iter_articles(story.articles))
    thread = store.thread_stories(story)
    empty = Comparison(story=story.id)
    for fmt in ("text", "md", "html"):
        text = render_report(story, articles, empty, fmt, thread=thread)
        assert "Orrin Street bridge reopens" in text, fmt
    data = json.loads(render_report(story, articles, empty, "json", thread=thread))
    assert data["story"]["thread"] == ["lantern-reopen"]
    store.close()


def test_a_story_is_relinked_when_formed_merged_split_or_doubled() -> None:
    grown = {f"s{i}": "s" for i in range(3)}
    # A new story, and one that reached four members, are read again; one of two to three not.
    assert relinked({"n": None}, {"n": "n"}) == {"n"}
    assert relinked({**grown, "n": None}, {**grown, "n": "s"}) == {"s"}
    assert relinked({"s0": "s", "s1": "s", "n": None}, {"s0": "s", "s1": "s", "n": "s"}) == set()
    # A merge relinks the story kept and the one merged away; a split, both parts.
    merged = relinked({"a": "a", "b": "b", "n": None}, {"a": "a", "b": "a", "n": "a"}, ["b"])
    assert merged == {"a", "b"}
    assert relinked({"a": "a", "b": "a"}, {"a": "a", "b": "b"}) == {"a", "b"}


class _Scored:
    """A grouping batch reduced to what a fragment's link reads: candidates, their scores
    and the stories they are in."""

    def __init__(self, scores: dict[tuple[str, str], float], story: dict[str, str]) -> None:
        self.scores, self.story = scores, story
        self.store = self

    def candidates(self, article: str) -> list[str]:
        return sorted(b for a, b in self.scores if a == article)

    def load_features(self, articles: object) -> None:
        pass

    load_near = load_features

    def probability(self, first: str, second: str) -> float:
        return self.scores[(first, second)]

    def story_by_article(self, articles: dict[str, float]) -> dict[str, str]:
        return {a: self.story[a] for a in articles}


def test_a_fragment_is_linked_to_the_story_of_its_likeliest_report() -> None:
    story = {"f2": "frag", "b1": "bridge", "b2": "bridge", "c1": "cup", "d1": "dam"}
    scores = {("f1", "f2"): 0.9, ("f1", "b1"): 0.3, ("f1", "c1"): 0.45, ("f2", "b2"): 0.4,
              ("f2", "d1"): 0.45}  # fmt: skip
    batch = _Scored(scores, story)
    # Its own story is no link; of two stories at 0.45, the first by id.
    assert likeliest_story(batch, "frag", ["f1", "f2"], 0.1) == ("cup", 0.45)  # type: ignore[arg-type]
    assert likeliest_story(batch, "frag", ["f2"], 0.1) == ("dam", 0.45)  # type: ignore[arg-type]
    assert likeliest_story(batch, "frag", ["f1", "f2"], 0.5) is None  # type: ignore[arg-type]


def test_a_fragment_decides_its_own_links(threaded: str) -> None:
    """A larger story relinked keeps a fragment's link; the fragment relinked may drop it."""
    store = open_store(threaded)
    assert store.get_story("lantern-reopen").thread == ["lantern-bridge"]  # type: ignore[union-attr]
    strict = replace(load_model(), thread_threshold=0.99, fragment_threshold=1.01)
    link_threads(_Batch(store, Config(progress=False), strict), ["lantern-bridge"])
    assert store.get_story("lantern-bridge").thread == ["lantern-reopen"]  # type: ignore[union-attr]
    link_threads(_Batch(store, Config(progress=False), strict), ["lantern-reopen"])
    assert store.get_story("lantern-bridge").thread == []  # type: ignore[union-attr]
    store.close()
