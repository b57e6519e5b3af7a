"""Compare all sources of one story."""

from __future__ import annotations

from crosswire.compare.figures import group_figures
from crosswire.compare.quotes import group_quotes
from crosswire.compare.sources import independent_sources
from crosswire.compare.unique import unique_passages
from crosswire.compare.venues import compare_venues
from crosswire.config import Config
from crosswire.records import Analysis, Article, Comparison


def compare_story(
    story_id: str,
    articles: list[Article],
    analyses: dict[str, Analysis],
    config: Config | None = None,
) -> Comparison:
    """Line up quotes and figures across outlets and list discrepancies and unique content.

    Syndicated copies (``duplicate_of`` set) count once: they are not independent sources.
    Every :class:`Passage` in the result is ``article.text[start:end]`` of its article.
    """
    sources = independent_sources(articles, analyses)
    quotes, attribution = group_quotes(sources)
    figures, figure_discrepancies = group_figures(sources)
    return Comparison(
        story=story_id,
        quotes=quotes,
        figures=figures,
        discrepancies=[*figure_discrepancies, *compare_venues(sources), *attribution],
        unique=unique_passages(sources, quotes),
    )
