"""What a figure measures, as one name outlets' wordings share: "the rate of increase in the
Consumer Price Index hit 8.3%", "the consumer price index was up 8.3%" and "prices rose 8.3%"
all size a rise of the CPI. Read from the figure's measured words (``Figure.counts``) with the
rules in ``measures.json``: a level of a rate of change is a change of what changes, and a
published series is named by its acronym, so that two outlets' figures of one series meet
however each words it, and "core PCE" never meets "core CPI"."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_RULES = Path(__file__).with_name("measures.json")
_DETERMINERS = {"the", "a", "an", "its", "their", "this", "that", "these", "those", "his", "her"}
_ACRONYM = re.compile(r"^[A-Z]{2,5}(?:s|'s)?$")
# The verb the extractor appends to what is counted: "Prices (rose)".
_VERB = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True, slots=True)
class _Frame:
    pattern: re.Pattern[str]
    prices: bool  # the frame names inflation: what changes is the prices of its qualifier


_Rules = tuple[
    list[_Frame], dict[str, str], re.Pattern[str], dict[str, str], dict[str, str], frozenset[str]
]


@cache
def _rules() -> _Rules:
    data = json.loads(_RULES.read_text(encoding="utf-8"))
    frames = [
        _Frame(re.compile(f["pattern"]), bool(f.get("prices"))) for f in data["change_frames"]
    ]
    names = {form: acronym for acronym, forms in data["series"].items() for form in forms}
    series = re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b",
        re.IGNORECASE,
    )
    return frames, data["directions"], series, names, data["bare"], frozenset(data["generic"])


def _words(counts: str) -> str:
    """Lower case but for acronyms, determiners and the appended verb dropped."""
    words = _VERB.sub("", counts).replace("’", "'").split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(w if _ACRONYM.match(w) else w.lower() for w in words)


def series_name(words: str) -> str:
    """``words`` with every published series named by its acronym ("core consumer price index"
    -> "core CPI"; "prices" alone -> "CPI").

    Examples:
        >>> series_name("core consumer price index")
        'core CPI'
    """
    _, _, series, names, bare, _ = _rules()
    if words.lower() in bare:
        return bare[words.lower()]
    named = series.sub(lambda m: names[m.group(0).lower()], words)
    if named.lower() in bare:
        return bare[named.lower()]
    return named


def _named(words: str) -> str:
    """The measure ``words`` name: "" for a head that names none on its own ("that rate")."""
    generic = _rules()[5]
    return "" if words.lower() in generic else series_name(words)


def figure_measure(counts: str | None, change: str | None) -> tuple[str | None, str | None]:
    """(what a figure measures, its direction of change). When the measured words name a rate
    of change ("the rate of increase in X", "X's annual rate", "inflation") and the figure is
    its level, the figure is the size of a change of X: X with the rate's direction. A change
    of such a rate ("inflation fell 0.5 points") measures the rate itself. The measure is ""
    when the words name none on their own ("that rate", "the index"): unknown, not "rate".

    Examples:
        >>> figure_measure("the rate of increase in the Consumer Price Index (hitting)", None)
        ('CPI', 'up')
        >>> figure_measure("The national unemployment rate (is)", None)
        ('national unemployment rate', None)
    """
    if not counts:
        return None, change
    words = _words(counts)
    if not words:
        return None, change
    frames, directions, *_ = _rules()
    for frame in frames if change is None else ():
        m = frame.pattern.match(words.lower())
        if m is None:
            continue
        if frame.prices:
            keep = words[m.start("qualifier") : m.end("qualifier")] if m["qualifier"] else ""
            keep = re.sub(r"\s*\bprices?$", "", keep)  # "consumer price inflation"
            return _named(f"{keep} prices".strip()), "up"
        measure = words[m.start("measure") : m.end("measure")].split()
        while measure and measure[0].lower() in _DETERMINERS:
            measure = measure[1:]
        return _named(" ".join(measure)), directions.get(m["word"] or "increase", "up")
    return _named(words), change
