"""The bundled demo corpus: well-formed, and reported end to end in every format."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from crosswire.api import story_comparison
from crosswire.config import Config
from crosswire.ingest.text import looks_like_title
from crosswire.pipeline import ingest_paths
from crosswire.report import FORMATS, render_report
from crosswire.store import open_store
from report.htmlcheck import parse

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
ARTICLES = sorted(DEMO.glob("*.txt"))


def body(path: Path) -> list[str]:
    """The lines after the title, up to a disclaimer or related-links trailer."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for marker in ("Legal Disclaimer:", "Read also"):
        if marker in lines:
            lines = lines[: lines.index(marker)]
    return lines


def test_every_article_has_a_title_a_sidecar_and_a_fitting_length() -> None:
    assert 4 <= len(ARTICLES) <= 6
    for path in ARTICLES:
        assert looks_like_title(path.read_text(encoding="utf-8").splitlines()[0]), path.name
        words = len(" ".join(body(path)).split())
        assert 150 <= words <= 400, (path.name, words)
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert meta["outlet"] and meta["url"].startswith("https://")
        assert meta["published"][:4] == "2026" and "T" in meta["published"]


def test_demo_has_each_feature_the_report_shows() -> None:
    text = {p.stem: p.read_text(encoding="utf-8") for p in ARTICLES}
    assert body(DEMO / "lakeside_ledger.txt") == body(DEMO / "tidewire.txt")
    assert "Legal Disclaimer:" in text["tidewire"]
    assert "Tidewire Press Service provides this news content" in text["tidewire"]
    assert "\nRead also\n-\n" in text["harbour_herald"]
    assert "340 households" in text["harbour_herald"] and "340 people" in text["tidewire"]
    assert "told the Harbour Herald in an interview" in text["harbour_herald"]
    assert "at a press conference in Merrowfield" in text["tidewire"]
    assert "14 cracks" in text["merrowfield_courier"]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    config = Config(db=str(db), progress=False)
    store = open_store(str(db))
    ingest_paths([DEMO], config, store)
    stories = store.stories()
    dam = max(stories, key=lambda s: len(s.articles))
    result = story_comparison(store, dam.id, config)
    yield stories, result
    store.close()


def test_demo_groups_into_the_dam_story_and_the_library_story(demo_report) -> None:
    stories, (story, articles, _) = demo_report
    assert sorted(len(s.articles) for s in stories) == [1, 4]
    assert sum(1 for a in articles if a.duplicate_of) == 1
    assert all("Read also" not in a.text and "cannot vouch" not in a.text for a in articles)


@pytest.mark.parametrize("fmt", FORMATS)
def test_demo_renders_in_every_format(demo_report, fmt) -> None:
    _, (story, articles, comparison) = demo_report
    out = render_report(story, articles, comparison, fmt, width=2000)
    if fmt == "html":
        checker = parse(out)
        assert set(checker.links) <= set(checker.ids)
        out = html.unescape(re.sub(r"<[^>]+>", "", out))
    # undo the formats' marking of changed words and escaping, then look for every wording
    out = " ".join(re.sub(r"\*\*|«|»|\\", "", out).split())
    assert "Kellmoor" in out
    for quote in comparison.quotes:
        for variant in quote.variants:
            assert " ".join(variant.text.split()) in out
