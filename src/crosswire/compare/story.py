"""Compare all sources of one story."""

from __future__ import annotations

from crosswire.compare.assess import assess
from crosswire.compare.attribution import compare_figure_sources, figure_source
from crosswire.compare.figures import group_figures
from crosswire.compare.meaning import Embed, EmbeddingCache
from crosswire.compare.origins import Origins, find_origins, origin_records, passage_origins
from crosswire.compare.quotes import group_quotes
from crosswire.compare.rank import ranked
from crosswire.compare.relays import drop_relays, relayed_from
from crosswire.compare.sources import Source, independent_sources, source_labels
from crosswire.compare.summary import summarize_sources
from crosswire.compare.unique import unique_passages
from crosswire.compare.venues import compare_venues
from crosswire.config import Config
from crosswire.records import Analysis, Article, Comparison, FigureGroup, Passage, QuoteGroup


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

    Copies count once: an article that copies another of the set (whole, in part, reworded)
    is no source, and an item whose outlets carry one another's sentences has one origin (see
    :mod:`crosswire.compare.origins`); "corroborated" needs two independent origins, which
    the item names. Discrepancies come ranked, most certain first. Every :class:`Passage` in
    the result is ``article.text[start:end]`` of its article.
    """
    origins = find_origins(articles)
    sources = independent_sources(articles, analyses, origins)
    by_article = {s.article.id: s for s in sources}
    embed = quote_embedder(config)
    quotes, attribution = group_quotes(sources, embed)
    figures, figure_discrepancies = group_figures(sources)
    for group in [*quotes, *figures]:
        _name_origins(group, by_article, origins)
    discrepancies = [
        *figure_discrepancies,
        *compare_figure_sources(sources, figures),
        *compare_venues(sources, quotes),
        *attribution,
    ]
    comparison = Comparison(
        story=story_id,
        quotes=quotes,
        figures=figures,
        discrepancies=ranked([assess(d, sources, origins) for d in discrepancies]),
        unique=unique_passages(sources, quotes, embed),
        origins=origin_records(articles, origins, source_labels(articles)),
    )
    summary = summarize_sources(sources, comparison, embed)
    for line in summary:
        if line.kind == "fact":
            line.origins = _origins(line.sources, by_article, origins)
    # An agreed fact needs two origins, like any corroborated item.
    comparison.summary = [s for s in summary if s.kind != "fact" or len(s.origins) >= 2]
    return comparison


def _credited(source: Source, passage: Passage) -> str | None:
    """Whom the article credits for a cited passage: the source of a figure, else the
    speaker of a quote in it."""
    for figure in source.analysis.figures:
        if figure.start == passage.start and figure.end == passage.end:
            return figure_source(source, figure)
    for quote in source.analysis.quotes:
        if quote.speaker and quote.start < passage.end and passage.start < quote.end:
            return quote.speaker
    return None


def _origins(
    passages: list[Passage], by_article: dict[str, Source], origins: Origins
) -> list[str]:
    return passage_origins(
        (
            (by_article[p.article].outlet, p, _credited(by_article[p.article], p))
            for p in passages if p.article in by_article
        ),
        origins,
    )


def _name_origins(
    group: QuoteGroup | FigureGroup, by_article: dict[str, Source], origins: Origins
) -> None:
    """Name the group's independent origins; outlets that carry one another's words do not
    corroborate one another."""
    passages = group.variants if isinstance(group, QuoteGroup) else group.mentions
    group.origins = _origins(passages, by_article, origins)
    if isinstance(group, QuoteGroup):
        group.origins = drop_relays(group.origins, _relays(passages, by_article))
    if group.status == "corroborated" and len(group.origins) < 2:
        group.status = "single-source"


def _relays(passages: list[Passage], by_article: dict[str, Source]) -> dict[str, set[str]]:
    """Per outlet, the publications all its passages rest on (empty when one rests on
    none): two outlets relaying one paper's interview are one origin."""
    relays: dict[str, set[str]] = {}
    bare: set[str] = set()
    for p in passages:
        source = by_article.get(p.article)
        if source is None:
            continue
        relay = relayed_from(source, p)
        if relay is None:
            bare.add(source.outlet)
        else:
            relays.setdefault(source.outlet, set()).add(relay)
    return {o: r for o, r in relays.items() if o not in bare}
