"""A small fictional story compared by hand: a dockworkers' strike in the port of Vellmar."""

from __future__ import annotations

import pytest

from crosswire.records import (
    Article,
    Comparison,
    Discrepancy,
    FigureGroup,
    Passage,
    QuoteGroup,
    Story,
)

GAZETTE = (
    "Dockworkers in Vellmar walked out on Monday. "
    '"We will not unload a single ship until the night shifts are paid fairly," Ansa Korhel said. '
    "About 1,200 workers joined the strike, Korhel told the Coastline Gazette in an interview."
)
POST = (
    "The port of Vellmar stood still on Monday. "
    '"We will not unload one ship until night shifts are paid fairly," Ansa Korhel said. '
    "Some 1,200 ships wait outside the harbour, she said at a rally in Stennard. "
    "The harbour authority lost 3 million crowns in 2023 to an earlier stoppage."
)
WIRE = 'Vellmar port strike enters day two. "We stay out," Ansa Korhel said.'


def _passage(article: Article, text: str) -> Passage:
    start = article.text.index(text)
    return Passage(article=article.id, text=text, start=start, end=start + len(text))


def make_articles() -> list[Article]:
    def make(aid: str, outlet: str, title: str, text: str, published: str) -> Article:
        return Article(
            id=aid,
            source=f"demo/{aid}.txt",
            text=text,
            raw=text,
            title=title,
            outlet=outlet,
            published=published,
        )

    copy = make("d4", "Bayside Echo", "Vellmar strike, day two", WIRE, "2026-04-07T10:00:00")
    copy.duplicate_of = "c3"
    return [
        make("a1", "Coastline Gazette", "Vellmar docks <strike>", GAZETTE, "2026-04-06T08:30:00"),
        make("b2", "Nordvik Post", "Port of Vellmar halts", POST, "2026-04-06T12:00:00"),
        make("c3", "Tidewater Wire", "Vellmar strike, day two", WIRE, "2026-04-07T09:00:00"),
        copy,
    ]


def make_story() -> Story:
    return Story(
        id="a1",
        title="Vellmar docks <strike>",
        articles=["a1", "b2", "c3", "d4"],
        outlets=["Bayside Echo", "Coastline Gazette", "Nordvik Post", "Tidewater Wire"],
        first_published="2026-04-06T08:30:00",
        last_published="2026-04-07T10:00:00",
    )


def make_comparison(articles: list[Article]) -> Comparison:
    gazette, post, wire, _ = articles
    return Comparison(
        story="a1",
        quotes=[
            QuoteGroup(
                speaker="Ansa Korhel",
                status="corroborated",
                variants=[
                    _passage(gazette, "We will not unload a single ship until the night shifts"),
                    _passage(post, "We will not unload one ship until night shifts"),
                ],
                outlets=["Coastline Gazette", "Nordvik Post"],
            ),
            QuoteGroup(
                speaker="Ansa Korhel",
                status="single-source",
                variants=[_passage(wire, "We stay out")],
                outlets=["Tidewater Wire"],
            ),
        ],
        figures=[
            FigureGroup(
                value=1200.0,
                unit=None,
                counts="workers",
                status="conflicting",
                mentions=[
                    _passage(gazette, "About 1,200 workers"),
                    _passage(post, "Some 1,200 ships"),
                ],
                outlets=["Coastline Gazette", "Nordvik Post"],
                sources=["Korhel"],
            )
        ],
        discrepancies=[
            Discrepancy(
                kind="figure",
                summary="1,200 workers on strike vs 1,200 ships waiting",
                sides=[
                    _passage(gazette, "About 1,200 workers joined the strike"),
                    _passage(post, "Some 1,200 ships wait outside the harbour"),
                ],
            ),
            Discrepancy(
                kind="venue",
                summary="an interview with the Coastline Gazette vs a rally in Stennard",
                sides=[
                    _passage(gazette, "Korhel told the Coastline Gazette in an interview"),
                    _passage(post, "she said at a rally in Stennard"),
                ],
            ),
        ],
        unique=[
            _passage(
                post, "The harbour authority lost 3 million crowns in 2023 to an earlier stoppage."
            )
        ],
    )


@pytest.fixture
def articles() -> list[Article]:
    return make_articles()


@pytest.fixture
def story() -> Story:
    return make_story()


@pytest.fixture
def comparison(articles: list[Article]) -> Comparison:
    return make_comparison(articles)
