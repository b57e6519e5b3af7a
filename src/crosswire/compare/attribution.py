"""Whom each outlet credits for a figure, and where outlets credit one figure differently.

A figure is only as good as its source: "340 injured, according to the regional hospital
authority" and "340 injured, the army said" are two different claims even when the number
agrees. A figure's source is the ``source`` claim of its sentence ("according to X", "..., X
said."), or else the speaker of the quote it sits in ("According to our estimates ...," Rutte
said -> Rutte): first-person sources ("our estimates") are the speaker's own. The body a
figure's own clause names (``Figure.source``: "Goldman Sachs expects") is not used here: it
is often the actor of the news ("the Federal Reserve raised ... 75 basis points") rather than
its source, and tells forecasters apart in ``compare/figures.py`` instead.

Two outlets crediting a common value ("2%") to different people are often reporting two
statements that happen to share it; the dispute is as sure as the two sentences are about one
thing (:func:`crosswire.compare.assess.subject_overlap`).
"""

from __future__ import annotations

from crosswire.compare.assess import SAME_SUBJECT, subject_overlap
from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_credits
from crosswire.compare.text import passage
from crosswire.records import Discrepancy, Figure, FigureGroup

_FIRST_PERSON = ("our ", "my ", "we ", "us ")


def figure_source(source: Source, figure: Figure) -> str | None:
    """The body or person the article credits for ``figure``; None when it credits no one."""
    for claim in source.analysis.claims:
        if (
            claim.kind == "source"
            and claim.sentence_start <= figure.start < claim.sentence_end
            and not (claim.value.lower() + " ").startswith(_FIRST_PERSON)
        ):
            return claim.value
    for quote in source.analysis.quotes:
        if quote.start <= figure.start < quote.end and quote.speaker:
            return quote.speaker
    return None


def compatible_sources(a: str, b: str) -> bool:
    """"the water board" and "the regional water board" are one body; so are "Rutte" and
    "Mark Rutte"; a described source ("the fire department") may be the named one ("DFS
    chief Atul Garg"). See :func:`~crosswire.compare.speakers.compatible_credits`."""
    return compatible_credits(a, b)


def group_sources(
    sources: list[Source], group: FigureGroup
) -> dict[str, str | None]:
    """Outlet -> the source it credits for this figure group (first mention per outlet)."""
    by_article = {s.article.id: s for s in sources}
    credited: dict[str, str | None] = {}
    for mention in group.mentions:
        source = by_article.get(mention.article)
        if source is None:
            continue
        figure = next(
            (f for f in source.analysis.figures if f.start == mention.start), None
        )
        if figure is None:
            continue
        found = figure_source(source, figure)
        if credited.get(source.outlet) is None:
            credited[source.outlet] = found
    return credited


def compare_figure_sources(
    sources: list[Source], groups: list[FigureGroup]
) -> list[Discrepancy]:
    """A "figure-attribution" discrepancy for each figure several outlets report but credit
    to incompatible sources. Conflicting groups are left out: their disagreement is reported
    already, and the sources are shown with it."""
    by_article = {s.article.id: s for s in sources}
    discrepancies: list[Discrepancy] = []
    for group in groups:
        if group.status != "corroborated":
            continue
        credited = {o: s for o, s in group_sources(sources, group).items() if s}
        names = list(credited.items())
        if not any(
            not compatible_sources(a, b)
            for i, (_, a) in enumerate(names)
            for _, b in names[i + 1 :]
        ):
            continue
        sides = []
        for outlet in credited:
            mention = next(
                m for m in group.mentions if by_article[m.article].outlet == outlet
            )
            source = by_article[mention.article]
            figure = next(f for f in source.analysis.figures if f.start == mention.start)
            sides.append(passage(source.article.id, source.article.text,
                                 figure.sentence_start, figure.sentence_end))
        described = "; ".join(f"{s} ({o})" for o, s in credited.items())
        text = group.mentions[0].text
        subject = subject_overlap(sides)
        discrepancies.append(Discrepancy(
            "figure-attribution",
            f'Outlets credit "{text}" {group.counts or ""} to different sources: {described}.'
            .replace("  ", " "),
            sides,
            f"one figure, sources that cannot be one body; the sentences share {subject:.0%} "
            "of their words besides numbers",
            min(1.0, subject / SAME_SUBJECT),
        ))
    return discrepancies
