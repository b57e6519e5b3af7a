"""Size guards that cut pathological input off before the slow stages see it.

A page whose tags lost their ``<`` parses as one text node of megabytes; trafilatura hands
it back whole, and cleaning, grouping and analysis then spend minutes on one "article". The
longest text node of 600 real pages of the extraction evaluation set is 7,368 characters, and
the longest articles of the labelled sets are far below the article limit.
"""

from __future__ import annotations

from typing import Any

from crosswire.errors import MARKUP_CUT_OFF, CrosswireError

# Characters in one text node (scripts and styles aside) that no page's prose reaches.
MAX_TEXT_RUN = 100_000
# Characters of one article's text: a long read is a tenth of it.
MAX_ARTICLE_CHARS = 200_000

_PROSE_NODES = (
    "//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript) "
    "and not(ancestor::template)]"
)


def check_markup(tree: Any) -> None:
    """Raise ``E016`` when the parsed page holds a text node no real page holds."""
    longest = max((len(node) for node in tree.xpath(_PROSE_NODES)), default=0)
    if longest > MAX_TEXT_RUN:
        raise CrosswireError(
            MARKUP_CUT_OFF,
            detail=f"one run of {longest:,} characters without a tag (the limit is "
            f"{MAX_TEXT_RUN:,}): the tags may have lost their '<'",
        )


def check_text(text: str) -> None:
    """Raise ``E016`` when an article's text is longer than any article."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise CrosswireError(
            MARKUP_CUT_OFF,
            detail=f"{len(text):,} characters of text (the limit is {MAX_ARTICLE_CHARS:,})",
        )
