"""Compare all sources of one story."""

from __future__ import annotations

from crosswire.compare.attribution import compare_figure_sources
from crosswire.compare.figures import group_figures
from crosswire.compare.quotes import Embed, group_quotes
from crosswire.compare.sources import independent_sources
from crosswire.compare.summary import summarize_sources
from crosswire.compare.unique import unique_passages
from crosswire.compare.venues import compare_venues
from crosswire.config import Config
from crosswire.records import Analysis, Article, Comparison


def quote_embedder(config: Config | None) -> Embed | None:
    """The embedder named by ``config.story_embedder`` when ``crosswire.embed`` provides it;
    None otherwise, and the quote alignment then relies on the lexical rule alone."""
    if config is None or not config.story_embedder:
        return None
    try:
        from crosswire.embed import get_embedder  # type: ignore[import-not-found]
    except ImportError:
        return None
    return get_embedder(config.story_embedder).embed


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
    quotes, attribution = group_quotes(sources, quote_embedder(config))
    figures, figure_discrepancies = group_figures(sources)
    comparison = Comparison(
        story=story_id,
        quotes=quotes,
        figures=figures,
        discrepancies=[
            *figure_discrepancies,
            *compare_figure_sources(sources, figures),
            *compare_venues(sources),
            *attribution,
        ],
        unique=unique_passages(sources, quotes),
    )
    comparison.summary = summarize_sources(sources, comparison)
    return comparison
