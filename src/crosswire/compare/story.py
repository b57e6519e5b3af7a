"""Compare all sources of one story."""

from __future__ import annotations

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
    """
    return Comparison(story=story_id)
