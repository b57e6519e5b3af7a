"""Compare all sources of one story."""

from __future__ import annotations

from crosswire.compare.attribution import compare_figure_sources
from crosswire.compare.figures import group_figures
from crosswire.compare.meaning import Embed, EmbeddingCache
from crosswire.compare.quotes import group_quotes
from crosswire.compare.sources import independent_sources
from crosswire.compare.summary import summarize_sources
from crosswire.compare.unique import unique_passages
from crosswire.compare.venues import compare_venues
from crosswire.config import Config
from crosswire.records import Analysis, Article, Comparison


def quote_embedder(config: Config | None) -> Embed | None:
    """The embedder named by ``config.story_embedder`` ("auto": when it is installed), run
    once per passage text for the whole comparison; None otherwise, and the passage matcher
    then relies on its lexical score alone."""
    if config is None or not config.story_embedder:
        return None
    from crosswire.stories.embedding import resolve_embedder

    embedder = resolve_embedder(config.story_embedder)
    return EmbeddingCache(embedder.embed) if embedder is not None else None


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
    embed = quote_embedder(config)
    quotes, attribution = group_quotes(sources, embed)
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
        unique=unique_passages(sources, quotes, embed),
    )
    comparison.summary = summarize_sources(sources, comparison, embed)
    return comparison
