"""Render a story comparison in every output format."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console

from crosswire.compare.rank import weak
from crosswire.records import Article, Comparison, Story
from crosswire.report.html import render_html
from crosswire.report.markdown import render_markdown
from crosswire.report.terminal import print_view, render_terminal
from crosswire.report.view import ReportView

FORMATS = ("text", "md", "html", "json")
REPORT_VERSION = 1


def report_dict(story: Story, articles: list[Article], comparison: Comparison) -> dict[str, Any]:
    """The JSON contract of ``report --format json`` (see docs/formats.md)."""
    return {
        "version": REPORT_VERSION,
        # the other stories of its running topic, newest first
        "story": {"id": story.id, "title": story.title, "thread": list(story.thread)},
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published,
                "source": a.source,
                "duplicate_of": a.duplicate_of,
            }
            for a in articles
        ],
        "quotes": [q.as_dict() for q in comparison.quotes],
        "figures": [f.as_dict() for f in comparison.figures],
        # ranked, most certain first; "folded" marks those the other formats collapse
        "discrepancies": [{**d.as_dict(), "folded": weak(d)} for d in comparison.discrepancies],
        "unique": [u.as_dict() for u in comparison.unique],
        "summary": [line.as_dict() for line in comparison.summary],
        "origins": [o.as_dict() for o in comparison.origins],
    }


def render_report(
    story: Story,
    articles: list[Article],
    comparison: Comparison,
    fmt: str = "text",
    *,
    width: int = 100,
    color: bool = False,
    thread: Sequence[Story] = (),
) -> str:
    """The report as text in one of :data:`FORMATS`.

    ``width`` and ``color`` apply to ``text`` only; plain text marks changed quote words «so».
    ``thread`` are the other stories of the story's thread, newest first.
    """
    if fmt == "json":
        return json.dumps(report_dict(story, articles, comparison), indent=2, ensure_ascii=False)
    view = ReportView(story, articles, comparison, list(thread))
    if fmt == "text":
        return render_terminal(view, width=width, color=color)
    if fmt == "md":
        return render_markdown(view)
    if fmt == "html":
        return render_html(view)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def print_report(
    story: Story,
    articles: list[Article],
    comparison: Comparison,
    console: Console,
    thread: Sequence[Story] = (),
) -> None:
    """Print the terminal report to a rich console (colour when the console has it)."""
    print_view(ReportView(story, articles, comparison, list(thread)), console)
