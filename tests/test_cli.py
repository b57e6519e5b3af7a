"""The crosswire command end to end on the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.cli import main

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    assert main(["ingest", str(DEMO), "--db", path, "--no-progress"]) == 0
    return path


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_stories_and_report_formats(db, capsys, tmp_path):
    stories = _json(capsys, ["stories", "--db", db, "--json"])
    dam = max(stories, key=lambda s: len(s["articles"]))
    assert len(dam["articles"]) == 4
    report = _json(capsys, ["report", dam["id"], "--db", db, "--format", "json"])
    assert report["story"]["id"] == dam["id"]
    assert {"articles", "quotes", "figures", "discrepancies", "unique"} <= set(report)
    for fmt in ("md", "html", "text"):
        out = tmp_path / f"report.{fmt}"
        assert main(["report", dam["id"], "--db", db, "--format", fmt, "-o", str(out)]) == 0
        assert "Kellmoor" in out.read_text()


def test_show_export_quotes_errors(db, capsys):
    shown = _json(capsys, ["show", "harbour_herald", "--db", db, "--json"])
    assert shown["outlet"] == "Harbour Herald"
    assert "Read also" not in shown["text"]
    assert main(["export", "--db", db, "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    for record in lines:
        assert {"id", "story", "outlet", "text", "quotes", "figures", "entities"} <= set(record)
        for quote in record["quotes"]:
            assert record["text"][quote["start"] : quote["end"]] == quote["text"]
    speaker = next(q["speaker"] for r in lines for q in r["quotes"] if q["speaker"])
    quotes = _json(capsys, ["quotes", "--speaker", speaker.split()[-1], "--db", db, "--json"])
    assert quotes and all(q["speaker"] for q in quotes)
    assert _json(capsys, ["errors", "--db", db, "--json"]) == []


def test_unknown_story_is_a_clear_error(db, capsys):
    assert main(["report", "nope-nope", "--db", db]) == 2
    assert "no story" in capsys.readouterr().err


def test_claims_by_status(db, capsys):
    rows = _json(capsys, ["claims", "--db", db, "--json"])
    assert {r["status"] for r in rows} >= {"conflicting", "single-source"}
    conflicting = _json(capsys, ["claims", "--db", db, "--status", "conflicting", "--json"])
    assert conflicting and all(r["status"] == "conflicting" for r in conflicting)
    assert len(conflicting) < len(rows)


def test_the_command_and_the_ingest_workers_import_no_model_code():
    """Each ingest worker process imports the command's module and the worker module: neither
    may pull in spaCy or scikit-learn, which would cost every worker seconds of both cores."""
    import subprocess
    import sys

    heavy = ("spacy", "sklearn", "datasketch", "crosswire.analyze", "crosswire.compare.story")
    code = (
        "import sys, crosswire.cli, crosswire.ingest.prepare; "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_compare_a_chosen_set_by_query_and_by_reference(db, capsys, tmp_path):
    chosen = _json(capsys, ["compare", "--query", "spillway", "--db", db, "--format", "json"])
    outlets = {a["outlet"] for a in chosen["articles"]}
    assert {"Tidewire Press Service", "Harbour Herald"} <= outlets
    assert chosen["story"]["id"].startswith("set-")
    assert chosen["story"]["title"] == "Articles matching “spillway”"
    assert all("folded" in d and "confidence" in d for d in chosen["discrepancies"])
    # two articles by id prefix: the comparison of just those two
    pair = [a["id"][:8] for a in chosen["articles"][:2]]
    two = _json(capsys, ["compare", *pair, "--db", db, "--format", "json"])
    assert [a["id"][:8] for a in two["articles"]] == pair
    for fmt in ("md", "html", "text"):
        out = tmp_path / f"chosen.{fmt}"
        assert main(["compare", *pair, "--db", db, "--format", fmt, "-o", str(out)]) == 0
        assert "Kellmoor" in out.read_text()


def test_compare_keeps_the_dates_asked_for_and_says_what_is_wrong(db, capsys):
    dated = _json(capsys, ["compare", "--query", "spillway", "--from", "2026-03-11", "--to",
                           "2026-03-11", "--db", db, "--format", "json"])
    assert {a["published"][:10] for a in dated["articles"]} == {"2026-03-11"}
    assert main(["compare", "--query", "spillway", "--from", "2030-01-01", "--db", db]) == 2
    assert "no article matches" in capsys.readouterr().err
    assert main(["compare", "no-such-article", "--db", db]) == 2
    assert "no article 'no-such-article'" in capsys.readouterr().err
    assert main(["compare", "--db", db]) == 2
    assert main(["compare", "--query", "dam", "--from", "March", "--db", db]) == 2
    assert "ISO dates" in capsys.readouterr().err
