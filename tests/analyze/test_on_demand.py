"""Analysis on demand: an ingest analyses only stories two outlets cover, and every command
then shows what it shows after analysing everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, shared_path

from crosswire.analyze.on_demand import analyse_speaker, independent_outlets, pending_ids
from crosswire.cli import main
from crosswire.config import Config
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

# Two single-outlet stories of fictional events, one of them quoting a person by name.
LONE = {
    "quarry.txt": (
        "Quarry Road to Close for Repairs\n"
        "The Hesk county council will close the quarry road for six weeks from Monday, "
        "its roads officer said.\n"
        '"We have no choice: the surface is breaking up," council engineer Mira Ostrand said. '
        "Repairs will cost 2.4 million crowns.\n"
    ),
    "choir.txt": (
        "Harbour Choir Wins Regional Cup\n"
        "The Lenmark harbour choir won the regional cup on Saturday with 41 singers, the "
        "organisers said. Its conductor thanked the town for its support.\n"
    ),
}


def _lone(folder: Path) -> Path:
    folder.mkdir()
    for name, text in LONE.items():
        (folder / name).write_text(text, encoding="utf-8")
        meta = {"outlet": "Hesk Weekly", "published": "2026-03-02"}
        (folder / name.replace(".txt", ".meta.json")).write_text(json.dumps(meta))
    return folder


def _ingest(db: str, paths: list[Path], mode: str) -> int:
    config = Config(db=db, progress=False, workers=1, analyse=mode)
    return ingest_paths(paths, config).analysed


def _output(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _everything_seen(capsys: pytest.CaptureFixture[str], db: str, speakers: list[str]) -> dict:
    """What a user reads: every story's report, every article, every speaker's quotes, the
    claims of the largest story and the export, in that order."""
    store = open_store(db)
    stories = [s.id for s in store.stories()]
    articles = store.article_ids()
    store.close()
    seen: dict[str, str] = {}
    for story in stories:
        seen[f"report {story}"] = _output(capsys, "report", story, "--format", "json", "--db", db)
    for article in articles:
        seen[f"show {article}"] = _output(capsys, "show", article, "--json", "--db", db)
    for name in speakers:
        seen[f"quotes {name}"] = _output(capsys, "quotes", "--speaker", name, "--json", "--db", db)
    seen["claims"] = _output(capsys, "claims", "--json", "--db", db)
    seen["export"] = _output(capsys, "export", "--db", db)
    return seen


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    lone = _lone(tmp_path_factory.mktemp("lone") / "hesk")
    return [ROOT / "examples" / "demo", shared_path("corpus", "seeds"), lone]


def _speakers(db: str) -> list[str]:
    store = open_store(db)
    names = {
        q.speaker
        for aid in store.article_ids()
        if (a := store.get_analysis(aid)) is not None
        for q in a.quotes
        if q.speaker
    }
    store.close()
    return sorted(names)


def test_lazy_ingest_analyses_less_and_every_command_shows_the_same(
    tmp_path: Path, inputs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    full, lazy = str(tmp_path / "all.db"), str(tmp_path / "needed.db")
    everything = _ingest(full, inputs, "all")
    needed = _ingest(lazy, inputs, "needed")
    assert needed < everything
    store = open_store(lazy)
    left = store.unanalysed_ids()
    # What was left holds only stories of one independent outlet.
    assert left and all(
        independent_outlets(store, store.get_article(a).story) < 2 for a in left
    )
    store.close()
    speakers = _speakers(full)
    assert any("Ostrand" in s for s in speakers)  # a speaker only the deferred articles quote
    assert _everything_seen(capsys, lazy, speakers) == _everything_seen(capsys, full, speakers)


def test_a_speaker_search_analyses_only_the_articles_naming_them(tmp_path: Path) -> None:
    db = str(tmp_path / "lone.db")
    assert _ingest(db, [_lone(tmp_path / "hesk")], "needed") == 0
    store = open_store(db)
    made = analyse_speaker(store, "Mira Ostrand", Config(workers=1))
    assert [store.get_article(a).source.rsplit("/", 1)[-1] for a in made] == ["quarry.txt"]
    assert store.articles_quoting("Ostrand") == list(made)
    assert len(pending_ids(store, store.article_ids())) == 1  # the choir is still pending
    store.close()


def test_analyse_command_and_ingest_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cmd.db")
    folder = _lone(tmp_path / "hesk")
    assert main(["ingest", str(folder), "--analyse", "none", "--no-progress", "--db", db]) == 0
    store = open_store(db)
    story = store.stories()[0].id
    assert len(store.unanalysed_ids()) == 2
    store.close()
    capsys.readouterr()
    assert main(["analyse", "--story", story, "--db", db]) == 0
    assert "analysed 1 articles" in capsys.readouterr().out
    assert main(["analyse", "--all", "--db", db]) == 0
    assert "analysed 1 articles, 0 failed; 0 not analysed yet" in capsys.readouterr().out
