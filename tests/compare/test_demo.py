"""The comparison on the fictional demo corpus (examples/demo), through the whole pipeline:
what examples/README.md says the report shows."""

from __future__ import annotations

import pytest
from helpers import ROOT

from crosswire import api
from crosswire.compare.summary import summarize
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store


@pytest.fixture(scope="module")
def demo():
    store = open_store(":memory:")
    ingest_paths([ROOT / "examples" / "demo"], Config(progress=False), store)
    story, articles, analyses = api.load_story(store, api.largest_story(store))
    _, _, comparison = api.story_comparison(store, story.id)
    outlets = {a.id: a.outlet for a in articles}
    yield articles, analyses, comparison, outlets
    store.close()


def _discrepancies(comparison, kind):
    return [d for d in comparison.discrepancies if d.kind == kind]


def test_killed_and_died_are_not_a_meaning_discrepancy(demo):
    _, _, comparison, _ = demo
    for d in _discrepancies(comparison, "figure-meaning"):
        assert not any(s.text.startswith("Two people") for s in d.sides)


def test_death_toll_two_against_three(demo):
    _, _, comparison, outlets = demo
    (d,) = _discrepancies(comparison, "figure-value")
    assert {outlets[s.article] for s in d.sides} == {
        "Tidewire Press Service", "Harbour Herald", "Merrowfield Courier"
    }
    assert "Two" in d.summary and "Three" in d.summary


def test_340_households_against_340_people_injured(demo):
    _, _, comparison, outlets = demo
    (d,) = _discrepancies(comparison, "figure-meaning")
    assert "households" in d.summary and "injured" in d.summary
    assert "Tidewire Press Service" in {outlets[s.article] for s in d.sides}


def test_reservoir_volume_corroborated_by_three_outlets(demo):
    _, _, comparison, _ = demo
    (group,) = [g for g in comparison.figures if g.value == 12e6]
    assert group.status == "corroborated" and len(group.outlets) == 3


def test_spillway_remark_groups_all_three_wordings_under_the_full_name(demo):
    _, _, comparison, outlets = demo
    (group,) = [
        g for g in comparison.quotes if any("four in the morning" in v.text for v in g.variants)
    ]
    assert len(group.outlets) == 3
    assert group.speaker == "Teodor Malvik"
    # the Ledger is Tidewire's syndicated copy: never a second source
    assert "Lakeside Ledger" not in {outlets[v.article] for v in group.variants}


def test_summary_has_a_sourced_core_and_the_disputes(demo):
    articles, analyses, comparison, _ = demo
    lines = summarize(comparison, articles, analyses)
    core = [line for line in lines if line.status == "corroborated"]
    assert core and all(len(line.outlets) >= 2 for line in core)
    assert any("12 million" in line.text for line in core)
    texts = {a.id: a.text for a in articles}
    for line in lines:
        for p in line.sources:
            assert texts[p.article][p.start : p.end] == p.text
    kinds = [line.kind for line in lines if line.status == "conflicting"]
    assert {"figure-meaning", "figure-value", "venue"} <= set(kinds)


def test_a_phrase_of_the_follow_up_remark_joins_it_and_is_noted(demo):
    _, _, comparison, outlets = demo
    (group,) = [g for g in comparison.quotes if "embankment" in g.variants[0].text]
    assert [outlets[v.article] for v in group.variants] == [
        "Tidewire Press Service", "Harbour Herald", "Merrowfield Courier"
    ]
    assert group.variants[-1].text == "every metre of the embankment"
    assert group.notes == ["Merrowfield Courier quotes only part of it (5 of 19 words)"]
