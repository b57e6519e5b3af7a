"""Acceptance on the real three-outlet story in ../shared/corpus/seeds (read from there)."""

from __future__ import annotations

import json

import pytest
from helpers import shared_path

from crosswire import api
from crosswire.cli import main
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.report import report_dict
from crosswire.store import open_store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    seeds = shared_path("corpus", "seeds")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    config = Config(db=db, progress=False)
    report = ingest_paths([seeds], config)
    store = open_store(db)
    ids = {a.source.rsplit("/", 1)[-1][:3]: a.id for a in store.iter_articles()}
    (story,) = store.stories()
    story, articles, comparison = api.story_comparison(store, story.id, config)
    data = report_dict(story, articles, comparison)
    yield {"store": store, "ids": ids, "report": report, "data": data, "db": db, "seeds": seeds}
    store.close()


def _outlet_articles(passages, ids, *keys):
    return {p["article"] for p in passages} >= {ids[k] for k in keys}


def test_one_story_holds_all_three(seeded, capsys):
    assert main(["stories", "--db", seeded["db"], "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert len(stories) == 1
    assert sorted(stories[0]["articles"]) == sorted(seeded["ids"].values())


def test_clean_text_and_outlet(seeded):
    store, ids = seeded["store"], seeded["ids"]
    a000 = store.get_article(ids["000"])
    assert "Disclaimer" not in a000.text and "without warranty" not in a000.text
    assert a000.outlet == "EIN Presswire"
    a002 = store.get_article(ids["002"])
    for headline in ("Propaganda is ready", "20-point peace draft", "Coalition of Like-Minded"):
        assert headline not in a002.text
    analysis = store.get_analysis(ids["002"])
    spans = [(q.start, q.end) for q in analysis.quotes] + [
        (f.start, f.end) for f in analysis.figures
    ]
    assert all(end <= len(a002.text) for _, end in spans)


def test_junior_partner_quote_side_by_side(seeded):
    ids = seeded["ids"]
    groups = [
        q
        for q in seeded["data"]["quotes"]
        if any("junior partner" in v["text"] and v["article"] == ids["000"] for v in q["variants"])
    ]
    assert len(groups) == 1
    (group,) = groups
    assert "Rutte" in (group["speaker"] or "")
    assert _outlet_articles(group["variants"], ids, "000", "002")
    assert ids["003"] not in {v["article"] for v in group["variants"]}


def test_pronoun_cues_resolve_to_rutte(seeded):
    store, ids = seeded["store"], seeded["ids"]
    for key in ("000", "002"):
        article = store.get_article(ids[key])
        for quote in store.get_analysis(ids[key]).quotes:
            cue_text = article.text[quote.end : quote.end + 20]
            if any(f"he {verb}" in cue_text for verb in ("said", "added", "stressed")):
                assert quote.speaker and "Rutte" in quote.speaker, quote


def test_figure_meaning_and_corroboration(seeded):
    ids, data = seeded["ids"], seeded["data"]
    meaning = [
        d
        for d in data["discrepancies"]
        if d["kind"] == "figure-meaning" and any("1.1 million" in s["text"] for s in d["sides"])
    ]
    assert meaning and _outlet_articles(meaning[0]["sides"], ids, "000", "002")
    percent = [
        f
        for f in data["figures"]
        if f["unit"] == "%" and f["value"] == 1 and f["status"] == "corroborated"
    ]
    assert percent and _outlet_articles(percent[0]["mentions"], ids, "000", "002")


def test_venue_discrepancy(seeded):
    ids, data = seeded["ids"], seeded["data"]
    venues = [d for d in data["discrepancies"] if d["kind"] == "venue"]
    assert venues
    sides = {s["article"] for s in venues[0]["sides"]}
    assert ids["003"] in sides and (ids["000"] in sides or ids["002"] in sides)
    assert "Brussels" in " ".join(s["text"] for s in venues[0]["sides"])


def test_only_003_reports_warheads_and_crude_exports(seeded):
    ids, data = seeded["ids"], seeded["data"]
    unique_003 = " ".join(u["text"] for u in data["unique"] if u["article"] == ids["003"])
    assert "nuclear warheads" in unique_003 and "crude exports" in unique_003
    single = [f for f in data["figures"] if f["status"] == "single-source"]
    assert any(f["value"] == 1000 and f["mentions"][0]["article"] == ids["003"] for f in single)
    assert any(f["value"] == 80 and f["unit"] == "%" for f in single)


def test_every_passage_points_into_its_article(seeded):
    store, data = seeded["store"], seeded["data"]
    texts = {a["id"]: store.get_article(a["id"]).text for a in data["articles"]}
    passages = [v for q in data["quotes"] for v in q["variants"]]
    passages += [m for f in data["figures"] for m in f["mentions"]]
    passages += [s for d in data["discrepancies"] for s in d["sides"]]
    passages += data["unique"]
    assert passages
    for p in passages:
        assert texts[p["article"]][p["start"] : p["end"]] == p["text"]


def test_reingesting_the_seeds_changes_nothing(seeded):
    config = Config(db=seeded["db"], progress=False)
    report = ingest_paths([seeded["seeds"]], config)
    assert report.added == [] and report.unchanged == 3 and not report.errors
