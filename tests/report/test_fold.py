"""Discrepancies ranked and the weak ones folded, copies found by the comparison and items
resting on fewer origins than outlets: the same in every format."""

from __future__ import annotations

import dataclasses
import json

import pytest

from crosswire.records import Origin
from crosswire.report import render_report
from crosswire.report.view import ReportView


@pytest.fixture
def weighed(articles, comparison):
    """The fixture story with its venue dispute judged weak and the wire's day-two story found
    to be a reworded copy of the Gazette, its quote resting on one origin."""
    figure, venue = comparison.discrepancies
    figure = dataclasses.replace(figure, why="same workers, two counts", confidence=0.9)
    venue = dataclasses.replace(venue, why="different speakers", confidence=0.2)
    quote = dataclasses.replace(comparison.quotes[0], origins=["Coastline Gazette"])
    return dataclasses.replace(
        comparison,
        discrepancies=[figure, venue],
        quotes=[quote, *comparison.quotes[1:]],
        origins=[Origin("Coastline Gazette", ["a1", "c3"], ["Coastline Gazette", "Tidewater Wire"],
                        ["Tidewater Wire rewords 60 characters of Coastline Gazette's text"])],
    )


def test_the_view_splits_shown_and_folded(story, articles, weighed):
    view = ReportView(story, articles, weighed)
    assert [d.kind for d in view.shown_discrepancies()] == ["figure"]
    assert [d.kind for d in view.folded_discrepancies()] == ["venue"]
    assert "2 discrepancies (1 weak, folded)" in view.summary()
    assert view.copy_note("c3") == (
        "copy of Coastline Gazette (Tidewater Wire rewords 60 characters of Coastline "
        "Gazette's text)"
    )
    assert view.copy_note("d4") == "syndicated copy of Tidewater Wire"
    assert view.copy_note("b2") is None
    assert view.origin_note(weighed.quotes[0]) == (
        "2 outlets, 1 independent origin: Coastline Gazette (the others carry their words)"
    )


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_shows_why_and_folds_the_weak(story, articles, weighed, fmt):
    out = render_report(story, articles, weighed, fmt, width=200)
    assert "same workers, two counts" in out and "confidence 0.90" in out
    folded = out.index("different speakers")
    assert folded > out.index("same workers, two counts")
    assert "1 weak discrepancy, folded" in out
    if fmt != "text":
        assert out.rfind("<details", 0, folded) > out.rfind("</details>", 0, folded)
    assert "copy of Coastline Gazette" in out
    assert "1 independent origin: Coastline Gazette" in out


def test_json_marks_the_folded_and_lists_origins(story, articles, weighed):
    data = json.loads(render_report(story, articles, weighed, "json"))
    assert [(d["kind"], d["folded"], d["confidence"]) for d in data["discrepancies"]] == [
        ("figure", False, 0.9), ("venue", True, 0.2)
    ]
    assert data["discrepancies"][1]["why"] == "different speakers"
    assert data["origins"][0]["articles"] == ["a1", "c3"]
    assert data["quotes"][0]["origins"] == ["Coastline Gazette"]
