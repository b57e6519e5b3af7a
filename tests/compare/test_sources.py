"""Which articles count as sources, and what names them."""

from __future__ import annotations

from crosswire.compare.sources import independent_sources, unnamed_labels
from crosswire.records import Analysis, Article


def _article(id: str, source: str, outlet: str | None = None, copy: str | None = None) -> Article:
    return Article(
        id=id, source=source, text="Text.", raw="Text.", outlet=outlet, duplicate_of=copy
    )


def test_unnamed_articles_are_named_by_their_file_or_record():
    articles = [
        _article("a1" * 8, "/in/harbour/002.txt"),
        _article("b2" * 8, "/in/feeds/export.jsonl#story-17"),
        _article("c3" * 8, "/in/one/index.html"),
        _article("d4" * 8, "/in/two/index.html"),
        _article("e5" * 8, "/in/x.txt", outlet="The Ledger"),
    ]
    labels = unnamed_labels(articles)
    assert labels["a1" * 8] == "002.txt"
    assert labels["b2" * 8] == "story-17"
    # Two files of one name stay apart.
    assert labels["c3" * 8] == "index.html (c3c3c3c3)"
    assert labels["d4" * 8] == "index.html (d4d4d4d4)"
    assert "e5" * 8 not in labels


def test_syndicated_copy_is_not_a_source_and_unnamed_sources_stay_distinct():
    articles = [
        _article("a1" * 8, "/in/a.txt", outlet="The Ledger"),
        _article("b2" * 8, "/in/b.txt", outlet="Valley Post", copy="a1" * 8),
        _article("c3" * 8, "/in/c.txt"),
        _article("d4" * 8, "/in/d.txt"),
    ]
    analyses = {a.id: Analysis(article=a.id) for a in articles}
    sources = independent_sources(articles, analyses)
    assert [s.outlet for s in sources] == ["The Ledger", "c.txt", "d.txt"]
