"""Render a story comparison in every output format."""

from __future__ import annotations

import json
from typing import Any

from crosswire.records import Article, Comparison, Story

FORMATS = ("text", "md", "html", "json")
REPORT_VERSION = 1


def report_dict(story: Story, articles: list[Article], comparison: Comparison) -> dict[str, Any]:
    """The JSON contract of ``report --format json`` (see docs/formats.md)."""
    return {
        "version": REPORT_VERSION,
        "story": {"id": story.id, "title": story.title},
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
        "discrepancies": [d.as_dict() for d in comparison.discrepancies],
        "unique": [u.as_dict() for u in comparison.unique],
    }


def render_report(
    story: Story, articles: list[Article], comparison: Comparison, fmt: str = "text"
) -> str:
    """The report as text in one of :data:`FORMATS`."""
    if fmt == "json":
        return json.dumps(report_dict(story, articles, comparison), indent=2, ensure_ascii=False)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
