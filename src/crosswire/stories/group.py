"""Assign each article to exactly one story."""

from __future__ import annotations

from crosswire.config import Config
from crosswire.store.base import Store


def assign_stories(store: Store, article_ids: list[str], config: Config | None = None) -> None:
    """Give every article in ``article_ids`` that has no story yet a story id.

    Placeholder until the lexical grouping lands: each article starts its own story.
    """
    for article_id in article_ids:
        article = store.get_article(article_id)
        if article is not None and article.story is None:
            store.set_story(article_id, article.duplicate_of or article_id)
