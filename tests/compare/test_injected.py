"""A real contradiction through the whole pipeline: three outlets' reports of one invented
event, then the same reports with one outlet's figure changed (what
``bench/compare_injected.py`` measures on real events)."""

from __future__ import annotations

import json

import pytest

from crosswire import api
from crosswire.compare.rank import weak
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

REPORTS = {
    "Brackwater Gazette": (
        "Floodwater from the Tarn river forced 4,200 residents of Ellsby to leave their homes "
        "on Sunday, the county emergency office said. Volunteers filled sandbags along the "
        "embankment through the night. The office said the river would crest on Monday."
    ),
    "Ellsby Post": (
        "The county emergency office said 4,200 residents of Ellsby had left their homes by "
        "Sunday evening as the Tarn river rose. Schools in the town stay closed until "
        "Wednesday. Mayor Odile Ferrant thanked the volunteers who worked overnight."
    ),
    "Northmoor Wire": (
        "Some 4,200 residents of Ellsby left their homes on Sunday as the Tarn river "
        "flooded, according to the county emergency office. Two shelters opened at the "
        "sports hall. Rail services to the town were suspended."
    ),
}


def _compare(tmp_path, reports: dict[str, str]):
    for i, (outlet, text) in enumerate(reports.items()):
        slug = outlet.lower().replace(" ", "_")
        (tmp_path / f"{slug}.txt").write_text(
            f"Ellsby residents leave homes as Tarn floods\n\n{text}\n", encoding="utf-8")
        (tmp_path / f"{slug}.meta.json").write_text(json.dumps({
            "outlet": outlet,
            "url": f"https://{slug.replace('_', '')}.example/2026/11/29/ellsby-flood",
            "published": f"2026-11-29T1{i}:00:00+00:00",
        }), encoding="utf-8")
    store = open_store(":memory:")
    ingest_paths([tmp_path], Config(progress=False), store)
    _, articles, comparison = api.compare_articles(store, [a.id for a in store.iter_articles()])
    store.close()
    return {a.id: a.outlet for a in articles}, comparison


@pytest.fixture
def reports(tmp_path):
    return lambda changes: _compare(tmp_path, {**REPORTS, **changes})


def test_the_unchanged_reports_corroborate_the_figure_and_list_nothing(reports):
    outlets, comparison = reports({})
    (group,) = [g for g in comparison.figures if g.value == 4200]
    assert group.status == "corroborated" and len(group.outlets) == 3
    assert not [d for d in comparison.discrepancies if not weak(d)]


def test_one_outlet_changing_the_figure_is_listed_not_folded(reports):
    changed = REPORTS["Ellsby Post"].replace("4,200", "6,300")
    outlets, comparison = reports({"Ellsby Post": changed})
    (d,) = [d for d in comparison.discrepancies if d.kind == "figure-value"]
    assert not weak(d), d.why
    by_outlet = {outlets[s.article]: s.text for s in d.sides}
    assert "6,300" in by_outlet["Ellsby Post"]
    assert "4,200" in by_outlet["Brackwater Gazette"] or "4,200" in by_outlet["Northmoor Wire"]
    assert [g.status for g in comparison.figures if g.value in (4200, 6300)] == ["conflicting"]

