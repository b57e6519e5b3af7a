"""What the article view shows: the clean text with everything extracted from it marked, and
the sentence a story page linked to highlighted.

A link from a story page carries the span it cites (``?at=START-END``); the view marks that
span and the sentence around it, and gives the span an id so the browser scrolls to it. Any
span works, whether or not an extractor produced it, so every reference resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.records import Analysis, Article, Figure, Quote
from crosswire.report.sentences import parse_span, sentence_around
from crosswire.report.spans import Mark, Token, tokens
from crosswire.report.view import show_value


@dataclass(slots=True)
class ArticleView:
    article: Article
    analysis: Analysis | None
    at: tuple[int, int] | None = None
    sentence: tuple[int, int] | None = None
    text: list[Token] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)
    speakers: list[tuple[str, int]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def figure_label(self, figure: Figure) -> str:
        value = show_value(figure.value, figure.unit)
        label = " ".join(x for x in (figure.qualifier, value, figure.counts) if x)
        return f"{label} (source: {figure.source})" if figure.source else label


def article_view(article: Article, analysis: Analysis | None, at: str | None) -> ArticleView:
    """The view of ``article``, opened at the span ``at`` names (if it names one)."""
    view = ArticleView(article, analysis)
    marks: list[Mark] = []
    span = parse_span(at, len(article.text))
    if span is not None:
        start, end = span
        view.at = (start, end if end is not None else start + 1)
        view.sentence = sentence_around(
            article.text, view.at, analysis.sentences if analysis else None
        )
        marks.append(Mark(*view.sentence, "cited-sentence"))
        marks.append(Mark(*view.at, "cited", id=f"at-{view.at[0]}-{view.at[1]}"))
    if analysis is not None:
        view.quotes = list(analysis.quotes)
        view.figures = list(analysis.figures)
        for q in analysis.quotes:
            who = q.speaker or "speaker not stated"
            marks.append(Mark(q.start, q.end, "quote", id=f"q-{q.start}", title=f"quote: {who}"))
            if q.speaker_start is not None and q.speaker_end is not None:
                marks.append(Mark(q.speaker_start, q.speaker_end, "speaker", title=who))
        for f in analysis.figures:
            marks.append(Mark(f.start, f.end, "figure", id=f"f-{f.start}",
                              title=view.figure_label(f)))  # fmt: skip
        people: dict[str, int] = {}
        for e in analysis.entities:
            if e.label == "PERSON":
                name = e.actor or e.text
                people[name] = people.get(name, 0) + 1
                marks.append(Mark(e.start, e.end, "person", title=name))
        view.people = sorted(people.items(), key=lambda p: (-p[1], p[0]))
        speakers: dict[str, int] = {}
        for q in analysis.quotes:
            if q.speaker:
                speakers[q.speaker] = speakers.get(q.speaker, 0) + 1
        view.speakers = sorted(speakers.items(), key=lambda p: (-p[1], p[0]))
    view.text = list(tokens(article.text, marks))
    return view
