"""The Python API behind the CLI (and a future web UI): load, compare and export stories."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from crosswire.analyze.on_demand import analyse_all, analyse_speaker, analyses_of
from crosswire.compare import compare_story
from crosswire.compare.origins import by_age
from crosswire.config import Config
from crosswire.dates import parse_date
from crosswire.errors import NotFound as NotFound  # re-exported: part of the API
from crosswire.records import Analysis, Article, Comparison, Story
from crosswire.store import Store
from crosswire.store.lookup import resolve_article

EXPORT_VERSION = 1


def load_story(
    store: Store, story_id: str, config: Config | None = None
) -> tuple[Story, list[Article], dict[str, Analysis]]:
    """A story with its articles (oldest first) and their analyses (made now when missing)."""
    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}; `crosswire stories` lists them")
    articles = list(store.iter_articles(store.story_article_ids(story.id)))
    return story, articles, analyses_of(store, [a.id for a in articles], config)


def largest_story(store: Store) -> str:
    """The story with the most articles (newest first on ties): the default report."""
    stories = store.stories()
    if not stories:
        raise NotFound("the database holds no story yet; run `crosswire ingest PATH` first")
    return max(stories, key=lambda s: len(s.articles)).id


def story_comparison(
    store: Store, story_id: str, config: Config | None = None
) -> tuple[Story, list[Article], Comparison]:
    """Compare the sources of one story.

    Examples:
        >>> from crosswire.pipeline import ingest_paths
        >>> from crosswire.store import open_store
        >>> store = open_store(":memory:")
        >>> _ = ingest_paths(["examples/demo"], Config(progress=False), store)
        >>> story, articles, comparison = story_comparison(store, store.stories()[0].id)
        >>> len(articles) >= 1
        True
    """
    story, articles, analyses = load_story(store, story_id, config)
    return story, articles, compare_story(story.id, articles, analyses, config)


# Articles a query may bring into one comparison: a topic, not the whole store.
MAX_CHOSEN = 500


def select_articles(
    store: Store,
    refs: Iterable[str] = (),
    query: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = MAX_CHOSEN,
) -> list[str]:
    """The ids of the articles an analyst picks: by reference (an id, a unique id prefix or
    the start of a file name, as ``show`` takes them) or by a full-text ``query`` (every word
    must occur), kept to those published from ``since`` to ``until`` (ISO dates, both days
    included; an undated article is left out when a date is given).

    Raises :class:`NotFound` for a reference that names no article (``Ambiguous`` for one that
    names several), or when nothing is left.
    """
    ids = [resolve_article(store, ref) for ref in refs]
    if query:
        ids += store.search(query, limit=limit)
    ids = list(dict.fromkeys(ids))
    if since or until:
        first, last = parse_date(since), parse_date(until)
        if (since and first is None) or (until and last is None):
            raise ValueError(f"dates must be ISO dates (YYYY-MM-DD), not {since or until!r}")
        kept = []
        for article in store.iter_articles(ids):
            day = parse_date(article.published)
            if day is None:
                continue
            if (first is None or day.date() >= first.date()) and (
                last is None or day.date() <= last.date()
            ):
                kept.append(article.id)
        ids = kept
    if not ids:
        what = f"query {query!r}" if query else "the references given"
        raise NotFound(f"no article matches {what}" + (" in those dates" if since or until else ""))
    return ids


def chosen_story(articles: list[Article], title: str | None = None) -> Story:
    """A :class:`Story` standing for a set of articles an analyst chose, so that every report
    format shows it as it shows a story; its id is stable for the same set."""
    ids = sorted(a.id for a in articles)
    digest = hashlib.blake2b("\x1f".join(ids).encode(), digest_size=6).hexdigest()
    dates = sorted(a.published for a in articles if a.published)
    return Story(
        id=f"set-{digest}",
        title=title or f"{len(articles)} chosen articles",
        articles=[a.id for a in articles],
        outlets=list(dict.fromkeys(a.outlet for a in articles if a.outlet)),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def compare_articles(
    store: Store,
    article_ids: Iterable[str],
    config: Config | None = None,
    title: str | None = None,
) -> tuple[Story, list[Article], Comparison]:
    """Compare any set of stored articles as one story: a topic that spans several stories
    read as one, with the same comparison a story gets (copies, origins, discrepancies).

    Examples:
        >>> from crosswire.pipeline import ingest_paths
        >>> from crosswire.store import open_store
        >>> store = open_store(":memory:")
        >>> _ = ingest_paths(["examples/demo"], Config(progress=False), store)
        >>> ids = select_articles(store, query="spillway")
        >>> story, articles, comparison = compare_articles(store, ids)
        >>> story.id.startswith("set-") and len(articles) == len(ids)
        True
    """
    articles = by_age(store.iter_articles(dict.fromkeys(article_ids)))
    if not articles:
        raise NotFound("no article to compare")
    analyses = analyses_of(store, [a.id for a in articles], config)
    story = chosen_story(articles, title)
    return story, articles, compare_story(story.id, articles, analyses, config)
def cached_comparison(
    store: Store, story_id: str, config: Config | None = None
) -> tuple[Story, list[Article], Comparison]:
    """:func:`story_comparison`, kept in the store for as long as the story does not change
    (``store/comparisons.py``): a story page is read far more often than its story changes,
    and comparing fifty articles takes seconds. A store that cannot be written still answers,
    comparing anew each time."""
    from crosswire.store.comparisons import cached, save_comparison, story_signature

    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}; `crosswire stories` lists them")
    settings = (config or Config()).story_embedder or ""
    # Analysed first: the signature counts the analyses, so a comparison made before an
    # article's analysis existed is never taken for one made after.
    articles = list(store.iter_articles(store.story_article_ids(story.id)))
    analyses = analyses_of(store, [a.id for a in articles], config)
    signature = story_signature(store, story.id, settings)
    comparison = cached(store, story.id, signature)
    if comparison is not None:
        return story, articles, comparison
    comparison = compare_story(story.id, articles, analyses, config)
    save_comparison(store, story.id, signature, comparison)
    return story, articles, comparison
def same_meaning(
    a: str, b: str, config: Config | None = None, context: Sequence[str] = ()
) -> float:
    """How close two passages are in meaning, in [0, 1], higher closer: the very score the
    comparison groups quotes, finds what only one outlet reports and states agreed facts by.
    From ``crosswire.compare.meaning.SAME`` (0.55) up, two quotes are one statement. The
    comparison scores each pair with the rest of its story's quotes or sentences as
    ``context`` (their shared words weigh less). As there, ``config.story_embedder``
    (default: ``CROSSWIRE_STORY_EMBEDDER``) adds the embedding cosine to the lexical score.

    Examples:
        >>> same_meaning("I do not think the economy is in a recession",
        ...              "He does not believe the economy is in recession") >= 0.55
        True
        >>> same_meaning("The economy is in a recession",
        ...              "The economy is not in a recession") < 0.55
        True
    """
    from crosswire.compare.meaning import same_meaning as score
    from crosswire.compare.story import quote_embedder

    return score(a, b, quote_embedder(config or Config()), context)


def article_record(article: Article, analysis: Analysis | None) -> dict[str, Any]:
    """One article as ``export --format jsonl`` and ``show --json`` write it."""
    return {
        "version": EXPORT_VERSION,
        "id": article.id,
        "story": article.story,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "authors": article.authors,
        "text": article.text,
        "duplicate_of": article.duplicate_of,
        "entities": [e.as_dict() for e in analysis.entities] if analysis else [],
        "actors": analysis.actors if analysis else {},
        "quotes": [q.as_dict() for q in analysis.quotes] if analysis else [],
        "figures": [f.as_dict() for f in analysis.figures] if analysis else [],
        "claims": [c.as_dict() for c in analysis.claims] if analysis else [],
    }


def export_records(store: Store, config: Config | None = None) -> Iterator[dict[str, Any]]:
    """Every stored article with its story and extractions, streamed (the articles not
    analysed yet are analysed first)."""
    analyse_all(store, config)
    for article in store.iter_articles():
        yield article_record(article, store.get_analysis(article.id))


def quotes_of_speaker(
    store: Store, name: str, config: Config | None = None
) -> list[dict[str, Any]]:
    """Every quote whose speaker is ``name`` (surname or full name), across stories, newest
    story first: what a person said, and which outlets carried it."""
    from crosswire.analyze.actors import same_actor

    made = analyse_speaker(store, name, config)
    ids = list(dict.fromkeys([*store.articles_quoting(name), *sorted(made)]))
    found: list[dict[str, Any]] = []
    for article in store.iter_articles(ids):
        analysis = made.get(article.id) or store.get_analysis(article.id)
        if analysis is None:
            continue
        for quote in analysis.quotes:
            if quote.speaker and same_actor(quote.speaker, name):
                found.append(
                    {
                        "story": article.story,
                        "article": article.id,
                        "outlet": article.outlet,
                        "published": article.published,
                        **quote.as_dict(),
                    }
                )
    found.sort(key=lambda q: (q["published"] or "", q["article"], q["start"]), reverse=True)
    return found


def story_quotes(store: Store, story_id: str, config: Config | None = None) -> list[dict[str, Any]]:
    """The quote groups of one story with their variants side by side and their outlets."""
    _, articles, comparison = story_comparison(store, story_id, config)
    outlet = {a.id: a.outlet for a in articles}
    groups = []
    for group in comparison.quotes:
        data = group.as_dict()
        for variant in data["variants"]:
            variant["outlet"] = outlet.get(variant["article"])
        groups.append(data)
    return groups
