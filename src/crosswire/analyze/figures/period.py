"""Period: when a figure applies ("June's CPI", "in April", "1981's 18% mortgage rate"), read
from the calendar words of its clause, so that two figures of different months or years are
never compared as one measure. Only absolute periods are kept (months, quarters, years):
"last week" moves with the publication date, which the comparison does not know here."""

from __future__ import annotations

import re

_MONTHS = {
    m: m for m in (
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    )
} | {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}
# The months in calendar order, by their full names.
MONTHS = tuple(dict.fromkeys(_MONTHS.values()))
_QUARTERS = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4"}
_CALENDAR = re.compile(
    r"\b(?:(?P<quarter>first|second|third|fourth)[\s-]quarter|q(?P<q>[1-4])\b"
    r"|(?P<month>(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)(?:'s)?"
    r"|(?P<year>(?:19|20)\d\d)(?!\d))",
    re.IGNORECASE,
)
# A clause ends at these marks: the period of "rose 9.1% in June, while April's ..." is June's,
# and that of "a high of 14.8% in March 1980, far above the current 8.3% rate" is not 1980.
_CLAUSE_END = re.compile(
    r"[;:]|,\s+(?:while|whereas|but|and|compared|up from|down from)\b"
    r"|,\s+(?:far\s+|well\s+|just\s+|still\s+)?(?:above|below|higher than|lower than)\b"
    r"|\b(?:from|since|than)\b"
)
# A figure said to be the current one ("the current 8.3% rate", "inflation is now 9.1%", "the
# latest reading"): its period is the latest at publication, which the comparison anchors to
# the article's date. A named period in the clause wins ("has now reached 9.1% in June").
_CURRENT = re.compile(r"\b(?:current(?:ly)?|now|latest|present)\b", re.IGNORECASE)
CURRENT = "current"
# A figure said to be of a time before ("At that time, prices shot up 10.5%"): some earlier
# period, which the clause does not name; it is never the current figure.
_THEN = re.compile(r"\b(?:at\s+that\s+time|at\s+the\s+time|back\s+then|in\s+those\s+days)\b",
                   re.IGNORECASE)
THEN = "then"
# A month that dates the report, not the figure ("inflation for June was reported in mid-July
# to have climbed to 9.1%", "data released on July 13"): statistics come out after the period
# they measure, so the report's date is never the figure's period.
_REPORT_DATE = re.compile(
    r"\b(?:reported|released|published|announced|issued|revealed|posted|came\s+out)"
    r"\s+(?:in|on|during|at)\s+(?:the\s+)?(?:(?:mid|early|late|end\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
# "May" is a month only with a capital and not before a verb ("May rise"): modal otherwise.
_MODAL_MAY = re.compile(r"May\s+(?:be|have|rise|fall|not|see|need|well)\b")


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of ``sentence[start:end]`` begins and ends."""
    left = 0
    for m in _CLAUSE_END.finditer(sentence, 0, start):
        left = m.end()
    right = len(sentence)
    m = _CLAUSE_END.search(sentence, end)
    if m is not None:
        right = m.start()
    return left, right


def figure_period(sentence: str, start: int, end: int) -> str | None:
    """The absolute period in the clause of ``sentence[start:end]`` ("june", "2022",
    "q2 2022"), nearest first; when the clause names none, "then" when it places the figure at
    an earlier time ("at that time"), "current" when it calls the figure current, else None."""
    left, right = clause_bounds(sentence, start, end)
    found: dict[str, tuple[int, str]] = {}
    for m in _CALENDAR.finditer(sentence, left, right):
        if start <= m.start() < end:
            continue  # the figure's own digits
        distance = m.start() - end if m.start() >= end else start - m.end()
        if _REPORT_DATE.search(sentence, max(0, m.start() - 40), m.start()):
            continue  # when the figure was reported, not what period it is of
        if m.group("month"):
            word = m.group("month").rstrip(".").lower()
            modal = m.group("month")[0] != "M" or _MODAL_MAY.match(sentence, m.start())
            if word == "may" and modal:
                continue
            kind, value = "month", _MONTHS[word]
        elif m.group("quarter") or m.group("q"):
            kind = "quarter"
            q = m.group("quarter")
            value = _QUARTERS[q.lower()] if q else f"q{m.group('q')}"
        else:
            kind, value = "year", m.group("year")
        if kind not in found or distance < found[kind][0]:
            found[kind] = (distance, value)
    parts = [found[k][1] for k in ("quarter", "month", "year") if k in found]
    if not parts and _THEN.search(sentence, left, right):
        return THEN
    if not parts and _CURRENT.search(sentence, left, right):
        return CURRENT
    return " ".join(parts) or None


def periods_differ(a: str | None, b: str | None) -> bool:
    """Whether two periods exclude each other: a different month, quarter or year. A period
    against none does not: one outlet may just not say when."""
    if not a or not b:
        return False
    kinds = {"month": set(_MONTHS.values()), "quarter": set(_QUARTERS.values())}
    wa, wb = a.split(), b.split()
    for words in (kinds["month"], kinds["quarter"]):
        xa, xb = [w for w in wa if w in words], [w for w in wb if w in words]
        if xa and xb and xa != xb:
            return True
    ya, yb = [w for w in wa if w.isdigit()], [w for w in wb if w.isdigit()]
    return bool(ya and yb and ya != yb)


def period_referred_to(before: str) -> str | None:
    """The period "at that time" refers to: the one named last in ``before`` (the sentence
    before the figure's), "...for used cars in June 2021. At that time, prices shot up 10.5%"
    being June 2021's; None when it names none.

    Examples:
        >>> period_referred_to("Used car prices jumped in June 2021.")
        'june 2021'
    """
    end = len(before.rstrip(" .!?\n"))
    period = figure_period(before, end, end)
    return None if period in (CURRENT, THEN) else period
