"""The web app's addresses, in one place: pages link to each other only through these."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from crosswire.records import Passage
from crosswire.report.view import ReportView


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def article_url(article_id: str, span: tuple[int, int] | None = None) -> str:
    """The article view; with a span, opened at it (the span and its sentence highlighted)."""
    url = f"/articles/{quote(article_id, safe='')}"
    if span is None:
        return url
    start, end = span
    return f"{url}?at={start}-{end}#at-{start}-{end}"


def person_url(name: str) -> str:
    return f"/people/{quote(name, safe='')}"


def follow_feed_url(follow_id: str) -> str:
    return f"/feeds/{quote(follow_id, safe='')}.atom"


def list_url(**params: object) -> str:
    """The story list with the given query parameters (empty ones left out)."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False, 0)}
    return "/" + (f"?{urlencode(kept)}" if kept else "")


@dataclass(slots=True)
class WebLinks:
    """References of a web story page: each opens the article view at its sentence."""

    view: ReportView

    def passage(self, passage: Passage) -> str | None:
        span = self.view.span(passage)
        return article_url(passage.article, span) if span else None

    def article(self, article_id: str) -> str:
        return article_url(article_id)

    def person(self, name: str) -> str | None:
        return person_url(name)

    def story(self, story_id: str) -> str | None:
        return story_url(story_id)
