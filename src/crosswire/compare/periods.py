"""When a figure applies, as months the comparison can set against another figure's: a named
month is that month, a quarter its three, a year its twelve, and a figure its outlet calls
current (``analyze.figures.period.CURRENT``) the months whose figure can be the latest one at
publication. A monthly statistic comes out weeks after its month ends, so "the current 8.3%"
of a late-July report may be June's or May's figure, never August's or January's; set against
June's 9.1% it is the same measure at perhaps the same month, worth checking, and against
April's it is another month's figure."""

from __future__ import annotations

import re
from datetime import datetime

from crosswire.analyze.figures.period import CURRENT, MONTHS, THEN

# A monthly figure stays the latest published for up to this many months after its month.
RELEASE_LAG_MONTHS = 2
_QUARTERS = {"q1": 0, "q2": 3, "q3": 6, "q4": 9}


def month_span(period: str | None, published: datetime | None) -> tuple[int, int] | None:
    """The first and last month (counted as year * 12 + month - 1) ``period`` can mean, or
    None when it names no year to anchor it (the caller anchors a bare month first).

    Examples:
        >>> from datetime import datetime
        >>> month_span("june 2022", None) == (2022 * 12 + 5, 2022 * 12 + 5)
        True
        >>> month_span("current", datetime(2022, 7, 27)) == (2022 * 12 + 4, 2022 * 12 + 6)
        True
    """
    if not period:
        return None
    if period == CURRENT:
        if published is None:
            return None
        now = published.year * 12 + published.month - 1
        return now - RELEASE_LAG_MONTHS, now
    words = period.split()
    years = [int(w) for w in words if w.isdigit()]
    if not years:
        return None
    base = years[0] * 12
    months = [MONTHS.index(w) for w in words if w in MONTHS]
    if months:
        return base + months[0], base + months[0]
    quarters = [_QUARTERS[w] for w in words if w in _QUARTERS]
    if quarters:
        return base + quarters[0], base + quarters[0] + 2
    return base, base + 11


def current_excluded(
    a: str | None, published_a: datetime | None, b: str | None, published_b: datetime | None
) -> bool:
    """Whether a figure called current cannot be of the other figure's period: their months
    do not meet, or the other is said to be of an earlier time. Only a current figure is
    checked here; two named periods are
    ``periods_differ``'s, and a figure with no period may be of any."""
    if CURRENT not in (a, b):
        return False
    if THEN in (a, b):
        return True  # "at that time" is not now
    span_a, span_b = month_span(a, published_a), month_span(b, published_b)
    if span_a is None or span_b is None:
        return False
    return span_a[1] < span_b[0] or span_b[1] < span_a[0]


def current_against_dated(a: str | None, b: str | None) -> bool:
    """Whether one figure is called current and the other is of a named period."""
    return (a == CURRENT) != (b == CURRENT) and bool(a) and bool(b)


# The span a change is measured over: "up 9.1% from a year ago" and "up 10.5% in one month"
# are two measures of one series (the annual and the monthly change), never one figure.
_BASES = {
    "year": re.compile(
        r"\b(?:a\s+year\s+(?:ago|earlier|before)|year[\s-]+(?:over|on)[\s-]+year|annual\w*"
        r"|from\s+(?:the\s+)?(?:same\s+\w+\s+)?(?:a\s+|last\s+|the\s+previous\s+)year"
        r"|12[\s-]months?|twelve\s+months|yoy)\b",
        re.IGNORECASE,
    ),
    "month": re.compile(
        r"\b(?:in\s+(?:just\s+|only\s+)?(?:one|a\s+single)\s+month|month[\s-]+(?:over|on)[\s-]+"
        r"month|monthly|from\s+(?:the\s+)?(?:previous|prior|preceding)\s+month|a\s+month\s+"
        r"(?:earlier|before|ago)|m/m)\b",
        re.IGNORECASE,
    ),
}


def change_basis(clause: str) -> str | None:
    """"year" or "month" when the clause says over what span its change is measured, else
    None (or when it says both).

    Examples:
        >>> change_basis("Fares rose 4% compared with a year ago")
        'year'
        >>> change_basis("Fares shot up by 10.5% in just one month")
        'month'
    """
    found = [basis for basis, pattern in _BASES.items() if pattern.search(clause)]
    return found[0] if len(found) == 1 else None


def bases_differ(a: str | None, b: str | None) -> bool:
    """Whether two changes are measured over different spans (both said)."""
    return a is not None and b is not None and a != b


def other_basis(basis: str) -> str:
    """The other of the two spans a change is measured over."""
    return "month" if basis == "year" else "year"


# A change counted from a fixed start to the day it is reported ("down nearly 19% year to
# date", "so far this year"): its value moves with every day's prices, so it is one
# measurement only with a figure of the same as-of date.
_TO_DATE = re.compile(
    r"\b(?:year[\s-]to[\s-]date|ytd|so\s+far\s+(?:this|in\s+the)\s+year|since\s+the\s+"
    r"(?:start|beginning)\s+of\s+(?:the|this)\s+year|through\s+(?:the\s+first\s+)?\w+\s+"
    r"months\s+of\s+(?:the\s+year|(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def to_date(clause: str) -> bool:
    """Whether a change is counted to the day it is reported.

    Examples:
        >>> to_date("the Tarvik index is down 12% year to date")
        True
        >>> to_date("the Tarvik index fell 12% last month")
        False
    """
    return _TO_DATE.search(clause) is not None
