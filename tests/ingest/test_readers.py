import gzip
import json

from crosswire.ingest import expand_paths, read_path
from crosswire.records import IngestError, RawItem

HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Tarsk Port Strike Ends - The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Mira Olsen">
<meta property="article:published_time" content="2026-05-02T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tarsk Port Strike Ends</h1>
<p>Dock workers in the fictional port of Tarsk returned to work on Friday after a
nine-day strike over night-shift pay, the union said in a statement.</p>
<p>"We have an agreement that our members can accept," union leader Pell Varga said.
The port authority said cargo would clear within a week.</p>
<p>About 1,200 containers are waiting on the quays, according to the authority.</p>
</article><footer>Copyright 2031 The Coastal Ledger</footer></body></html>"""


def test_html_page_gives_body_and_metadata(tmp_path):
    path = tmp_path / "strike.html.gz"
    path.write_bytes(gzip.compress(HTML.encode()))
    (item,) = read_path(path)
    assert isinstance(item, RawItem)
    assert "nine-day strike" in item.body
    assert "Home" not in item.body
    assert item.outlet == "The Coastal Ledger"
    assert item.published == "2026-05-02"
    assert item.authors == ["Mira Olsen"]


def test_sidecar_overrides_inferred_metadata(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Spillway Opened\nEngineers opened the spillway on Sunday.\n")
    (tmp_path / "report.meta.json").write_text(
        json.dumps({"outlet": "Valley Herald", "published": "2031-04-06", "authors": "Ana Brill"})
    )
    (item,) = read_path(path)
    assert item.outlet == "Valley Herald"
    assert item.published == "2031-04-06"
    assert item.authors == ["Ana Brill"]
    assert item.title == "Spillway Opened"


def test_expand_paths_walks_folders_skips_sidecars_and_reports_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / ".hidden").write_text("x")
    found = list(expand_paths([tmp_path, tmp_path / "*.txt", tmp_path / "missing*.txt"]))
    paths = [p for p in found if not isinstance(p, IngestError)]
    assert [p.name for p in paths] == ["a.txt", "b.txt"]
    (missing,) = [p for p in found if isinstance(p, IngestError)]
    assert missing.code == "E009"


def test_unknown_kind_is_an_error(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF" * 100)
    (item,) = read_path(path)
    assert isinstance(item, IngestError)
