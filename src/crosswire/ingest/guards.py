"""Size guards that cut pathological input off before the slow stages see it.

A page whose tags lost their ``<`` parses as one text node of megabytes; trafilatura hands
it back whole, and cleaning, grouping and analysis then spend minutes on one "article". The
longest text node of 600 real pages of the extraction evaluation set is 7,368 characters, and
the longest articles of the labelled sets are far below the article limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crosswire.errors import MARKUP_CUT_OFF, CrosswireError

# Characters in one text node (scripts and styles aside) that no page's prose reaches.
MAX_TEXT_RUN = 100_000
# Characters of one article's text: a long read is a tenth of it.
MAX_ARTICLE_CHARS = 200_000
# Seconds extraction may take on one page: a page takes well under one; markup the size
# limits let through that takes longer is cut off rather than stall the run.
MAX_EXTRACT_SECONDS = 20.0

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


class _Expired(BaseException):
    """Raised by the alarm: not an Exception, so no handler inside an extractor swallows it."""


@contextmanager
def time_limit(what: str, seconds: float = MAX_EXTRACT_SECONDS) -> Iterator[None]:
    """Raise ``E016`` when the block runs longer than ``seconds``. Only the main thread of a
    process can take an alarm: elsewhere (a web request's thread) the block runs unbounded,
    under the size limits alone."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise CrosswireError(
            MARKUP_CUT_OFF, detail=f"{what} took more than {seconds:g} s"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
