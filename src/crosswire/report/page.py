"""What the story templates are given: the report view with its matrix, ranking and timeline
worked out, and where each reference points.

The same page is the standalone report (references are anchors into the embedded articles)
and the web story page (references open the article view at the sentence); :class:`Links`
is the one difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from crosswire.records import Article, Discrepancy, Passage, QuoteGroup, Story
from crosswire.report.coverage import Addition, Matrix, additions, coverage_matrix
from crosswire.report.diff import Segment, mark_differences
from crosswire.report.spans import Mark, Token, tokens
from crosswire.report.timeline import Entry, timeline
from crosswire.report.view import ReportView, anchor_id, article_anchor


class Links(Protocol):
    """Where the page's references point; None where there is nowhere to go."""

    def passage(self, passage: Passage) -> str | None: ...

    def article(self, article_id: str) -> str: ...

    def person(self, name: str) -> str | None: ...

    def story(self, story_id: str) -> str | None: ...


@dataclass(slots=True)
class InPage:
    """References of the standalone report: anchors into its own embedded articles."""

    view: ReportView

    def passage(self, passage: Passage) -> str | None:
        anchor = self.view.anchor(passage)
        return f"#{anchor}" if anchor else None

    def article(self, article_id: str) -> str:
        return f"#{article_anchor(article_id)}"

    def person(self, name: str) -> str | None:
        return None

    def story(self, story_id: str) -> str | None:
        return None


@dataclass(slots=True)
class QuoteColumn:
    passage: Passage
    label: str
    segments: list[Segment]


@dataclass(slots=True)
class ComparedQuote:
    """One statement several outlets carry, each wording cut where it differs."""

    group: QuoteGroup
    columns: list[QuoteColumn]


def side_by_side(view: ReportView, group: QuoteGroup) -> ComparedQuote:
    """A statement's wordings as columns, each cut where it differs from the others."""
    marked = mark_differences([v.text for v in group.variants])
    return ComparedQuote(
        group,
        [
            QuoteColumn(v, view.label(v.article), segments)
            for v, segments in zip(group.variants, marked, strict=True)
        ],
    )


@dataclass(slots=True)
class StoryPage:
    view: ReportView
    links: Links
    standalone: bool = False
    neighbours: list[Story] = field(default_factory=list)
    matrix: Matrix = field(init=False)
    additions: list[Addition] = field(init=False)
    timeline: list[Entry] = field(init=False)
    discrepancies: list[Discrepancy] = field(init=False)
    weak_discrepancies: list[Discrepancy] = field(init=False)
    quotes: list[ComparedQuote] = field(init=False)
    lone: list[QuoteGroup] = field(init=False)
    unique: dict[str, list[Passage]] = field(init=False)

    def __post_init__(self) -> None:
        view = self.view
        self.matrix = coverage_matrix(view)
        self.additions = additions(view)
        self.timeline = timeline(view)
        self.discrepancies = view.shown_discrepancies()
        self.weak_discrepancies = view.folded_discrepancies()
        self.quotes = [side_by_side(view, group) for group in view.compared_quotes()]
        self.lone = view.lone_quotes()
        self.unique = view.unique_by_article()

    def outlets_of(self, passages: list[Passage]) -> list[str]:
        return sorted({self.view.label(p.article) for p in passages})

    def article_anchor(self, article_id: str) -> str:
        return article_anchor(article_id)

    def cited_tokens(self, article: Article) -> list[Token]:
        """The embedded text of the standalone report, every cited span an anchor."""
        marks = [
            Mark(start, end, "cite", anchor_id(article.id, start, end))
            for start, end in self.view.cited_spans(article.id)
        ]
        return list(tokens(article.text, marks))
