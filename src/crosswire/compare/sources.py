"""The independent sources of a story: one per original article, copies dropped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from crosswire.records import Analysis, Article

if TYPE_CHECKING:  # the report names sources without paying for the alignment's imports
    from crosswire.compare.origins import Origins


@dataclass(slots=True)
class Source:
    """An article that counts as a source, with its analysis and the outlet it speaks for."""

    article: Article
    analysis: Analysis
    outlet: str
    order: int


def independent_sources(
    articles: list[Article], analyses: dict[str, Analysis], origins: Origins | None = None
) -> list[Source]:
    """Articles that are not copies of another article of the story.

    A copy (``duplicate_of`` pointing inside the story, or a text that repeats, carries part
    of or rewords another's: see :mod:`crosswire.compare.origins`) adds nothing its original
    does not say; counting it would turn one report into two "corroborating" outlets. A copy
    whose original is not in the story stands in for it. Articles without an analysis are
    skipped.
    """
    if origins is None:
        from crosswire.compare.origins import find_origins

        origins = find_origins(articles)
    unnamed = unnamed_labels(articles)
    sources = []
    for article in articles:
        if origins.origin_of(article.id) != article.id:
            continue
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        outlet = article.outlet or unnamed[article.id]
        sources.append(Source(article, analysis, outlet, len(sources)))
    return sources


def source_labels(articles: list[Article]) -> dict[str, str]:
    """Article id -> the name a comparison gives its outlet (see :class:`Source`)."""
    unnamed = unnamed_labels(articles)
    return {a.id: a.outlet or unnamed[a.id] for a in articles}


def outlets_of(sources: list[Source]) -> list[str]:
    """Distinct outlets in story order."""
    return list(dict.fromkeys(s.outlet for s in sources))


def unnamed_labels(articles: list[Article]) -> dict[str, str]:
    """A name for each article whose outlet is unknown: the file (or record) it came from, as
    the user gave it ("002.txt"), with a short id where two such names would be the same or
    would pass for an outlet's."""
    def name(article: Article) -> str:
        base, _, record = article.source.partition("#")
        return (record or PurePath(base).name or article.id)[:40]

    lone = [a for a in articles if not a.outlet]
    counts = Counter(name(a) for a in lone)
    outlets = {a.outlet for a in articles if a.outlet}
    labels = {}
    for a in lone:
        label = name(a)
        if counts[label] > 1 or label in outlets:
            label = f"{label} ({a.id[:8]})"
        labels[a.id] = label
    return labels
