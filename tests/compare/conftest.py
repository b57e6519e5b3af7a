"""Builders for hand-made story fixtures: fictional outlets, people and events."""

from __future__ import annotations

import re

import pytest

from crosswire.compare.sources import Source
from crosswire.records import Analysis, Article, Claim, Figure, Passage, Quote


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?\"”]*", text)]


class Story:
    """A story under construction: articles, and analyses filled by phrase lookups."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.analyses: dict[str, Analysis] = {}

    def article(self, id: str, outlet: str, text: str, duplicate_of: str | None = None) -> str:
        self.articles.append(
            Article(id=id, source=f"{id}.txt", text=text, raw=text, outlet=outlet,
                    duplicate_of=duplicate_of)
        )
        self.analyses[id] = Analysis(article=id, sentences=sentence_spans(text))
        return id

    def _text(self, id: str) -> str:
        return next(a.text for a in self.articles if a.id == id)

    def _span(self, id: str, phrase: str) -> tuple[int, int]:
        start = self._text(id).index(phrase)
        return start, start + len(phrase)

    def _sentence(self, id: str, start: int) -> tuple[int, int]:
        return next((s, e) for s, e in self.analyses[id].sentences if s <= start < e)

    def quote(self, id: str, phrase: str, speaker: str | None = "Ilse Brandt") -> Quote:
        start, end = self._span(id, phrase)
        q = Quote(start, end, phrase, speaker=speaker)
        self.analyses[id].quotes.append(q)
        return q

    def figure(self, id: str, phrase: str, value: float, unit: str | None, counts: str) -> Figure:
        start, end = self._span(id, phrase)
        f = Figure(start, end, phrase, value, unit, None, counts, *self._sentence(id, start))
        self.analyses[id].figures.append(f)
        return f

    def claim(self, id: str, phrase: str, kind: str, value: str) -> Claim:
        start, end = self._span(id, phrase)
        c = Claim(start, end, phrase, kind, value, *self._sentence(id, start))
        self.analyses[id].claims.append(c)
        return c

    def sources(self) -> list[Source]:
        from crosswire.compare.sources import independent_sources

        return independent_sources(self.articles, self.analyses)

    def assert_passages(self, passages: list[Passage]) -> None:
        """Every passage is exactly the slice of its article it says it is."""
        for p in passages:
            assert self._text(p.article)[p.start : p.end] == p.text


@pytest.fixture
def story() -> Story:
    return Story()
