"""The whole ingest pipeline on hand-written input: idempotency, bad input, syndication."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

import crosswire.analyze.on_demand as on_demand
import crosswire.pipeline as pipeline
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

DEMO_STYLE = """Reservoir Level Falls at Orvel Dam
Engineers opened the spillway of the Orvel dam on Sunday after days of heavy rain in the upper
valley, the regional water board said.
"The reservoir is stable and the wall is sound," chief engineer Ida Brannock said.
Residents of Kessel, Marrow and Tine were told to stay alert through the week.
"""


def _snapshot(db: str) -> dict[str, list[tuple]]:
    store = open_store(db)
    tables = [
        "articles",
        "sources",
        "errors",
        "analyses",
        "minhash",
        "lsh",
        "outlet_lines",
        "story_features",
        "story_keys",
        "term_df",
    ]
    snap = {t: sorted(store.query(f"SELECT * FROM {t}"), key=repr) for t in tables}
    store.close()
    return snap


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(DEMO_STYLE)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes(
        "Café Reopens in Tarsk\nThe harbour café reopened on Monday after the strike ended, "
        "its owner said, and the quay was busy again by noon.\n".encode("latin-1")
    )
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    data = gzip.compress(("The levee held through the night. " * 100).encode())
    (folder / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    # No word at all: such texts would all share one "exact copy" hash.
    (folder / "dots.txt").write_text("...\n!!!\n")
    (folder / "invisible.txt").write_text("\u200b\u200b\u200b\n")
    return folder


def test_bad_inputs_are_recorded_and_good_ones_ingested(bad_folder, config):
    report = ingest_paths([bad_folder], config)
    assert report.ok
    assert len(report.added) == 2
    codes = {e.source.rsplit("/", 1)[-1]: e.code for e in report.errors}
    assert codes == {
        "empty.txt": "E001",
        "binary.html": "E002",
        "nav.html": "E003",
        "cut.txt.gz": "E004",
        "dots.txt": "E003",
        "invisible.txt": "E003",
    }
    store = open_store(config.db)
    assert {e.code for e in store.errors()} == {"E001", "E002", "E003", "E004"}
    texts = [a.text for a in store.iter_articles()]
    assert any("café reopened" in t for t in texts)
    # Neither story has a second outlet to compare: analysed when first read, not now.
    assert len(store.unanalysed_ids()) == 2
    store.close()


def test_reingest_changes_no_row(bad_folder, config):
    ingest_paths([bad_folder], config)
    before = _snapshot(config.db)
    report = ingest_paths([bad_folder], config)
    assert report.added == [] and report.unchanged == 2
    assert _snapshot(config.db) == before


def test_only_bad_input_is_not_ok(tmp_path, config):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = ingest_paths([tmp_path / "empty.txt"], config)
    assert not report.ok


def test_a_later_bad_batch_loses_nothing_stored(bad_folder, tmp_path, config):
    ingest_paths([bad_folder / "good.txt"], config)
    worse = tmp_path / "worse"
    worse.mkdir()
    shutil.copy(bad_folder / "empty.txt", worse / "empty.txt")
    ingest_paths([worse], config)
    store = open_store(config.db)
    assert store.count_articles() == 1
    store.close()


def test_syndicated_copy_links_to_original(tmp_path, config):
    (tmp_path / "a.txt").write_text(DEMO_STYLE)
    (tmp_path / "b.txt").write_text("Orvel Dam Spillway Opened\n" + DEMO_STYLE.split("\n", 1)[1])
    report = ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt"], config)
    assert report.duplicates == 1
    store = open_store(config.db)
    first, second = report.added
    assert store.get_article(second).duplicate_of == first
    assert store.get_article(second).story == store.get_article(first).story
    store.close()


HERALD_FOOTER = "Get the Valley Herald app for alerts from the flood zone and beyond"
HERALD_BODIES = [
    "The Kessel bridge reopened to traffic on Monday after repairs, the council said.",
    "Schools in Marrow will stay closed until Friday, the district office announced today.",
    "Farmers near Tine counted losses after the river flooded fields along its east bank.",
    "A ferry from Orvel ran again on Tuesday after the storm, its operator confirmed.",
]


def write_herald(folder: Path, bodies: list[str]) -> None:
    """Valley Herald articles, each ending in the outlet's app footer."""
    folder.mkdir(exist_ok=True)
    for body in bodies:
        name = body.split()[1].lower()
        (folder / f"{name}.txt").write_text(
            f"{body}\n{body.split()[1]} officials gave no further detail.\n{HERALD_FOOTER}\n"
        )
        (folder / f"{name}.meta.json").write_text('{"outlet": "Valley Herald"}')


def test_outlet_repeated_footer_is_learned(tmp_path, config):
    write_herald(tmp_path / "herald", HERALD_BODIES[:3])
    report = ingest_paths([tmp_path / "herald"], config)
    assert report.recleaned == 3
    store = open_store(config.db)
    for article in store.iter_articles():
        assert HERALD_FOOTER not in article.text
        assert HERALD_FOOTER in article.removed
    store.close()


def test_footer_learned_before_is_cleaned_from_new_articles_only(tmp_path, config, monkeypatch):
    write_herald(tmp_path / "first", HERALD_BODIES[:3])
    write_herald(tmp_path / "later", HERALD_BODIES[3:])
    assert ingest_paths([tmp_path / "first"], config).recleaned == 3
    cleaned: list[str] = []
    original = pipeline.clean_text

    def counting(raw: str, **kw: object):  # noqa: ANN202 - the cleaner's own result
        cleaned.append(raw)
        return original(raw, **kw)

    monkeypatch.setattr(pipeline, "clean_text", counting)
    second = ingest_paths([tmp_path / "later"], config)
    # Only the new article is cleaned again: the three older ones lost the footer already.
    assert (second.recleaned, len(cleaned)) == (1, 1)
    store = open_store(config.db)
    assert all(HERALD_FOOTER not in article.text for article in store.iter_articles())
    store.close()


def test_footer_reaching_the_minimum_one_run_at_a_time_is_learned(tmp_path, config):
    counted: list[str] = []
    store = open_store(config.db)
    full = store.frequent_outlet_lines

    def counting(outlet: str, least: int) -> set[str]:
        counted.append(outlet)
        return full(outlet, least)

    store.frequent_outlet_lines = counting
    for i, body in enumerate(HERALD_BODIES[:3]):
        write_herald(tmp_path / f"run{i}", [body])
        report = ingest_paths([tmp_path / f"run{i}"], config, store)
    # The third run finds the footer in three articles, though it counted only its own lines
    # and those learned before: every line of the outlet was counted in the first run alone.
    assert (report.recleaned, counted) == (3, ["Valley Herald"])
    assert all(HERALD_FOOTER not in article.text for article in store.iter_articles())
    store.close()


def test_a_lowered_minimum_learns_lines_the_new_articles_do_not_hold(tmp_path, config):
    write_herald(tmp_path / "first", HERALD_BODIES[:2])
    assert ingest_paths([tmp_path / "first"], config).recleaned == 0
    later = tmp_path / "later"
    later.mkdir()
    (later / "ferry.txt").write_text(HERALD_BODIES[3] + "\nThe ferry carried 40 people.\n")
    (later / "ferry.meta.json").write_text('{"outlet": "Valley Herald"}')
    lowered = Config(db=config.db, progress=False, outlet_line_min_articles=2)
    # The new article holds no footer; the two older ones do, and two is now enough.
    assert ingest_paths([later], lowered).recleaned == 2
    store = open_store(config.db)
    assert all(HERALD_FOOTER not in article.text for article in store.iter_articles())
    store.close()


def test_analysis_in_two_processes_stores_what_one_process_stores(tmp_path, monkeypatch):
    monkeypatch.setattr(on_demand, "MIN_PARALLEL", 1)  # the demo is smaller than the default
    snaps = []
    for n in (1, 2):
        db = str(tmp_path / f"w{n}.db")
        config = Config(db=db, progress=False, workers=n, batch_size=2, analyse="all")
        report = ingest_paths([ROOT / "examples" / "demo"], config)
        assert report.analysed == 5 and not report.errors
        snaps.append(_snapshot(db)["analyses"])
    assert snaps[0] == snaps[1]


def test_a_wall_page_is_an_error_of_its_own_not_an_article(tmp_path, config):
    folder = tmp_path / "walls"
    folder.mkdir()
    (folder / "good.txt").write_text(DEMO_STYLE)
    (folder / "cookies.txt").write_text(
        "Cookies on Vessa Post Sites\n\nWe use cookies for several reasons, such as keeping our "
        "sites reliable and secure and measuring how they are used.\n"
    )
    report = ingest_paths([folder], config)
    assert len(report.added) == 1
    (error,) = report.errors
    assert error.source.endswith("cookies.txt") and error.code == "E015"
    assert "cookie banner" in error.message


def test_a_reingest_that_adds_nothing_loads_no_model(tmp_path, monkeypatch):
    loaded: list[str] = []
    monkeypatch.setattr(pipeline, "preload_model", lambda config: loaded.append(config.db))
    config = Config(db=str(tmp_path / "a.db"), progress=False, workers=2, analyse="all")
    first = ingest_paths([ROOT / "examples" / "demo"], config)
    assert first.added and loaded == [config.db]  # loaded once, while the pool reads on
    again = ingest_paths([ROOT / "examples" / "demo"], config)
    assert not again.added and again.analysed == 0
    assert loaded == [config.db]  # nothing new to analyse: no model loaded
