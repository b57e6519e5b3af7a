"""The sentence a cited span sits in, for a reader who follows a reference.

Shared by the article view (which highlights it) and ``crosswire show --at`` (which prints
it): a reference ``Outlet §START–END`` leads to the same sentence either way.
"""

from __future__ import annotations

import re

# Where a sentence ends when the analysis gave none: the report's own rule (view.py).
from crosswire.report.view import _SENTENCE_END

_SPAN = re.compile(r"^\s*§?\s*(\d+)\s*(?:[-–—:]\s*(\d+))?\s*$")


def parse_span(value: str | None, length: int) -> tuple[int, int | None] | None:
    """``"12-40"``, ``"§12–40"`` or ``"12"`` as (start, end or None) inside a text of
    ``length`` characters; None when it names no span of it.

    Examples:
        >>> parse_span("§751–809", 1000), parse_span("12", 100), parse_span("9-3", 100)
        ((751, 809), (12, None), None)
    """
    match = _SPAN.match(value or "")
    if not match:
        return None
    start = int(match.group(1))
    end = int(match.group(2)) if match.group(2) else None
    if not 0 <= start < length or (end is not None and not start < end <= length):
        return None
    return start, end


def sentence_around(
    text: str, span: tuple[int, int], sentences: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The sentence (or sentences) holding ``span``: from ``sentences`` (the analysis's) when
    they cover it, else found by punctuation."""
    start, end = span
    touching = [s for s in sentences or [] if s[0] < end and start < s[1]]
    if touching:
        return min(s[0] for s in touching), max(s[1] for s in touching)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    left = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, end)
    right = after.start() + len(after.group().rstrip()) if after else len(text)
    return left, max(right, end)
