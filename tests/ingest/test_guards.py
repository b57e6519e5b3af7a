"""Pathological input is cut off with its own code before the slow stages see it."""

from __future__ import annotations

import time

from crosswire.ingest import guards, read_path
from crosswire.ingest.guards import MAX_ARTICLE_CHARS, MAX_TEXT_RUN
from crosswire.records import IngestError, RawItem

ROW = (
    'div class="row">p>The harbour council of the fictional town of Quillan said on Friday '
    'that ferry crossings would resume./p>a href="/more">More/a>/div>\n'
)


def _only_error(path) -> IngestError:
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0]


def test_a_page_whose_tags_lost_their_angle_brackets_is_cut_off(tmp_path):
    path = tmp_path / "tagless.html"
    path.write_text("!DOCTYPE html>\nhtml>head>title>Quillan/title>/head>body>" + ROW * 20_000)
    began = time.perf_counter()
    error = _only_error(path)
    assert error.code == "E016" and "without a tag" in error.message
    assert time.perf_counter() - began < 10


def test_a_text_longer_than_any_article_is_cut_off(tmp_path):
    paragraph = "The ferry between Quillan and Marrow Point runs again, the harbour said. " * 30
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([paragraph] * (MAX_ARTICLE_CHARS // len(paragraph) + 2)))
    error = _only_error(path)
    assert error.code == "E016" and f"{MAX_ARTICLE_CHARS:,}" in error.message


def test_pages_within_the_limits_are_read(tmp_path):
    # A long paragraph (a fifth of the run limit) in ordinary markup, and many rows of it.
    paragraph = "The ferry between Quillan and Marrow Point runs again, the harbour said. "
    long_run = paragraph * (MAX_TEXT_RUN // len(paragraph) // 5)
    path = tmp_path / "long.html"
    path.write_text(
        "<html><head><title>Ferry runs again</title></head><body><article>"
        f"<p>{long_run}</p><p>{paragraph * 3}</p></article></body></html>"
    )
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], RawItem), items
    assert len(items[0].body) > MAX_TEXT_RUN // 5


def test_extraction_that_takes_too_long_is_cut_off(tmp_path, monkeypatch):
    import crosswire.ingest.html as html

    real = html.trafilatura.bare_extraction

    def slow(*args, **kwargs):
        time.sleep(3)  # stands for markup that takes minutes to extract
        return real(*args, **kwargs)

    monkeypatch.setattr(html.trafilatura, "bare_extraction", slow)
    monkeypatch.setattr(html, "time_limit", lambda what: guards.time_limit(what, seconds=0.5))
    path = tmp_path / "slow.html"
    path.write_text(f"<html><body><article><p>{ROW * 3}</p></article></body></html>")
    began = time.perf_counter()
    error = _only_error(path)
    assert error.code == "E016" and "took more than 0.5 s" in error.message
    assert time.perf_counter() - began < 2.5
