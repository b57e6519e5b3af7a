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
def test_a_read_command_never_creates_a_database(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    for argv in (["stories"], ["report"], ["show", "x"], ["errors"], ["export"], ["follow"]):
        assert main([*argv, "--db", str(missing)]) == 2, argv
        err = capsys.readouterr().err
        assert "no database at" in err and "Traceback" not in err
        assert not missing.exists()


def test_a_folder_or_a_foreign_file_as_db_is_one_clear_line(tmp_path, capsys):
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list\n" * 50)
    for db, said in ((tmp_path, "is a folder"), (junk, "file is not a database")):
        for argv in (["stories"], ["ingest", str(DEMO)]):
            assert main([*argv, "--db", str(db)]) == 2
            err = capsys.readouterr().err
            assert said in err and len(err.strip().splitlines()) == 1, err


def test_global_options_go_before_or_after_the_command(db, capsys):
    before = _json(capsys, ["--db", db, "stories", "--json"])
    after = _json(capsys, ["stories", "--json", "--db", db])
    assert before == after and len(before) == 2


def test_an_ambiguous_prefix_lists_the_matches(db, capsys):
    ids = [r["id"] for r in (json.loads(line) for line in (
        main(["export", "--db", db]), capsys.readouterr())[1].out.splitlines())]  # fmt: skip
    prefix = next(i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1)
    assert main(["show", prefix, "--db", db]) == 2
    err = capsys.readouterr().err
    assert "ambiguous" in err
    assert {line.strip() for line in err.splitlines()[1:]} == {
        i for i in ids if i.startswith(prefix)
    }


def test_a_terminal_citation_leads_to_its_sentence(db, capsys):
    import re

    assert main(["report", "--db", db]) == 0
    report = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "crosswire show ARTICLE_ID --at START-END" in report
    outlet, start, end = re.search(r"\[(Harbour Herald) §(\d+)–(\d+)\]", report).groups()
    article_id = re.search(r"Harbour Herald — .*? · (\w{16})", report).group(1)
    shown = _json(capsys, ["show", article_id, "--db", db, "--json"])
    cited = shown["text"][int(start) : int(end)]
    assert main(["show", article_id[:8], "--at", f"{start}-{end}", "--db", db]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"«{' '.join(cited.split())}»" in out and outlet in out
    assert main(["show", article_id, "--at", "999999", "--db", db]) == 2
    assert "no span of this article" in capsys.readouterr().err


def test_watch_rounds_bring_follows_up_to_date(db, tmp_path, capsys):
    """A followed story gets a new outlet through a polled feed: the round says so and the
    follow has its alert."""
    import shutil
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from helpers import RESOURCES

    record = json.loads((RESOURCES / "web" / "valley_post.json").read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{p}</p>" for p in record["maintext"].split("\n\n"))
    page = (f"<html><head><title>{record['title']}</title></head><body><article><h1>"
            f"{record['title']}</h1>{paragraphs}</article></body></html>").encode()  # fmt: skip

    class Site(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 (http.server's name)
            port = self.server.server_address[1]
            body, kind, status = b"", "text/plain", 404
            if self.path == "/feed":
                status, kind = 200, "application/rss+xml"
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Post</title>'
                        f"<item><title>{record['title']}</title>"
                        f"<link>http://127.0.0.1:{port}/story</link></item></channel></rss>"
                        ).encode()  # fmt: skip
            elif self.path == "/story":
                status, kind, body = 200, "text/html; charset=utf-8", page
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    copy = str(tmp_path / "demo.db")
    shutil.copy(db, copy)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"http://127.0.0.1:{server.server_address[1]}/feed\n")
    try:
        stories = _json(capsys, ["stories", "--db", copy, "--json"])
        dam = max(stories, key=lambda s: len(s["articles"]))
        assert main(["follow", dam["id"], "--db", copy]) == 0
        capsys.readouterr()
        argv = ["watch", str(feeds), "--rounds", "1", "--every", "0", "--delay", "0",
                "--into", str(tmp_path / "dl"), "--db", copy]  # fmt: skip
        assert main(argv) == 0
        said = capsys.readouterr().err
        assert "round 1: 1 new articles" in said and "0 new alerts" not in said, said
    finally:
        server.shutdown()
    listed = _json(capsys, ["follow", "--list", "--json", "--db", copy])
    assert any(a["kind"] == "outlet" for a in listed["alerts"]), listed
