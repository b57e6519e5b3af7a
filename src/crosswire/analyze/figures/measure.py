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
_POSSESSIVES = {"its", "their", "whose"}
_ACRONYM = re.compile(r"^[A-Z]{2,5}(?:s|'s)?$")
# The verb the extractor appends to what is counted: "Prices (rose)".
_VERB = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True, slots=True)
class _Frame:
    pattern: re.Pattern[str]
    prices: bool  # the frame names inflation: what changes is the prices of its qualifier


@dataclass(frozen=True, slots=True)
class _Rules:
    frames: list[_Frame]
    directions: dict[str, str]
    series: re.Pattern[str]  # a written-out series name
    names: dict[str, str]  # written-out form -> acronym
    mentions: re.Pattern[str]  # a series named either way, for an antecedent
    bare: dict[str, str]
    generic: frozenset[str]
    qualifiers: re.Pattern[str]
    qualifier_names: dict[str, str]  # form -> the name the measure keeps ("" for headline)
    indices: frozenset[str]
    anaphoric: frozenset[str]


def _alternation(forms: list[str]) -> str:
    return "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))


@cache
def _rules() -> _Rules:
    data = json.loads(_RULES.read_text(encoding="utf-8"))
    frames = [
        _Frame(re.compile(f["pattern"]), bool(f.get("prices"))) for f in data["change_frames"]
    ]
    names = {form: acronym for acronym, forms in data["series"].items() for form in forms}
    qualifier_names = {
        form: name for name, forms in data["qualifiers"].items() for form in forms
    }
    return _Rules(
        frames=frames,
        directions=data["directions"],
        series=re.compile(rf"\b(?:{_alternation(list(names))})\b", re.IGNORECASE),
        names=names,
        mentions=re.compile(
            rf"(?i:\b(?:{_alternation(list(names))})\b)|\b(?:{_alternation(list(data['series']))})\b"
        ),
        bare=data["bare"],
        generic=frozenset(data["generic"]),
        qualifiers=re.compile(rf"\b(?:{_alternation(list(qualifier_names))})\b", re.IGNORECASE),
        qualifier_names=qualifier_names,
        indices=frozenset(data["indices"]),
        anaphoric=frozenset(data["anaphoric"]),
    )


# A period ending what is measured ("consumer price inflation for June"): when, not what.
_PERIOD_TAIL = re.compile(
    r"\s+(?:for|in|during)\s+(?:the\s+)?(?:month\s+of\s+)?(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december|(?:19|20)\d\d|q[1-4]"
    r"|(?:first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?(?:19|20)\d\d)?$",
    re.IGNORECASE,
)


def _words(counts: str) -> str:
    """Lower case but for acronyms, determiners, the appended verb and a period dropped."""
    words = _PERIOD_TAIL.sub("", _VERB.sub("", counts).replace("’", "'")).split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(w if _ACRONYM.match(w) else w.lower() for w in words)


def _qualified(words: str) -> str:
    """``words`` with each qualifier by the name the measure keeps ("excluding food and
    energy" -> "core"), a headline one dropped ("headline CPI" is the CPI)."""
    rules = _rules()
    named = rules.qualifiers.sub(lambda m: rules.qualifier_names[m.group(0).lower()], words)
    return " ".join(named.split())


def series_name(words: str) -> str:
    """``words`` with every published series named by its acronym ("core consumer price index"
    -> "core CPI"; "prices" alone -> "CPI"; "headline CPI" -> "CPI"; "core PCE prices" ->
    "core PCE").

    Examples:
        >>> series_name("core consumer price index")
        'core CPI'
    """
    rules = _rules()
    if words.lower() in rules.bare:
        return rules.bare[words.lower()]
    named = _qualified(rules.series.sub(lambda m: rules.names[m.group(0).lower()], words))
    if named.lower() in rules.bare:
        return rules.bare[named.lower()]
    # "core PCE prices", "CPI price index": the prices a series measures are the series
    return re.sub(r"\b([A-Z]{2,5})\s+(?:prices?|price\s+index)$", r"\1", named)


def _anaphor(words: str) -> str | None:
    """The qualifiers of a head that stands for a series named before ("core" of "its core
    rate", "" of "the index"), else None."""
    rules = _rules()
    parts = _qualified(words).split()
    if not parts or parts[-1].lower() not in rules.anaphoric:
        return None
    rest = " ".join(parts[:-1])
    names = sorted(set(rules.qualifier_names.values()) - {""}, key=len, reverse=True)
    left = re.sub(rf"\b(?:{_alternation(names)})\b", "", rest) if names else rest
    return None if left.strip() else rest


def _named(words: str) -> str:
    """The measure ``words`` name: "" for a head that names none on its own ("that rate",
    "its core rate", which :func:`referred_measure` may resolve)."""
    if words.lower() in _rules().generic or _anaphor(words) is not None:
        return ""
    return series_name(words)


def _of_index(measure: str | None, change: str | None, unit: str | None) -> str | None:
    """A percentage of a price index is its change: "the CPI reached 8.5%" sizes a rise."""
    if change is None and unit == "%" and measure and measure.split()[-1] in _rules().indices:
        return "up"
    return change


def figure_measure(
    counts: str | None, change: str | None, unit: str | None = None
) -> tuple[str | None, str | None]:
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
    rules = _rules()
    for frame in rules.frames if change is None else ():
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
        return _named(" ".join(measure)), rules.directions.get(m["word"] or "increase", "up")
    measure = _named(words)
    return measure, _of_index(measure, change, unit)


def _own_qualifier(text: str) -> str | None:
    """The last qualifier of ``text`` that does not qualify a series named there ("Including
    food and energy, the index ..."): None when there is none."""
    rules = _rules()
    found = None
    for m in rules.qualifiers.finditer(text):
        if rules.mentions.match(text, m.end() + 1) is None:
            found = rules.qualifier_names[m.group(0).lower()]
    return found


def _antecedent(text: str, head: str) -> str | None:
    """The series named last in ``text``, with the qualifier written before it ("core CPI" of
    "... the core consumer price index rose ..."); "" when a noun of the anaphor's own head
    named by another word comes after it ("mortgage rates" before "the rate" is what "the
    rate" refers to); None when ``text`` names neither."""
    rules = _rules()
    found: list[tuple[int, int, str]] = []
    for m in rules.mentions.finditer(text):
        acronym = rules.names.get(m.group(0).lower(), m.group(0))
        before = text[: m.start()].rstrip()
        q = [x for x in rules.qualifiers.finditer(before) if x.end() == len(before)]
        qualifier = rules.qualifier_names[q[-1].group(0).lower()] if q else ""
        found.append((m.start(), m.end(), f"{qualifier} {acronym}".strip()))
    for m in re.finditer(rf"\b([\w-]+)\s+{re.escape(head)}s?\b", text, re.IGNORECASE):
        word = m.group(1).lower()
        if word in _DETERMINERS or word in rules.qualifier_names or word in _POSSESSIVES:
            continue  # "the index", "its core rate": the same anaphor, not another noun
        if not any(start <= m.start(1) < end for start, end, _ in found):
            found.append((m.start(), m.end(), ""))
    return max(found)[2] if found else None


def referred_measure(
    counts: str | None, change: str | None, unit: str | None, before: str, previous: str
) -> tuple[str, str | None]:
    """What a figure measures whose head stands for a series named before ("Including food and
    energy, the index reached 8.5%" after "the core consumer price index rose 6.5%": the CPI;
    "Its core rate reached 5.3%" after "the PCE price index ...": core PCE), looked for in
    its own sentence before it (``before``), then in the sentence before (``previous``). The
    figure's own qualifier (in its words, else in ``before``) wins over the antecedent's.
    ("", change) when there is none.

    Examples:
        >>> referred_measure("its core rate (hit)", None, "%", "", "The Tarvik PPI fell.")
        ('core PPI', 'up')
    """
    words = _words(counts or "")
    if _anaphor(words) is None:
        return "", change
    head = _qualified(words).split()[-1].lower()
    antecedent = _antecedent(before, head)
    if antecedent is None:
        antecedent = _antecedent(previous, head)
    if not antecedent:
        return "", change
    own = _own_qualifier(words)
    if own is None:
        own = _own_qualifier(before)
    measure = antecedent if own is None else f"{own} {antecedent.split()[-1]}".strip()
    return measure, _of_index(measure, change, unit)


def measure_qualifiers(measure: str | None) -> frozenset[str]:
    """The qualifiers a measure keeps ("core" of "core CPI"): a series with other qualifiers
    is another series.

    Examples:
        >>> sorted(measure_qualifiers("core CPI")), sorted(measure_qualifiers("CPI"))
        (['core'], [])
    """
    names = set(_rules().qualifier_names.values()) - {""}
    return frozenset(q for q in names if re.search(rf"\b{re.escape(q)}\b", measure or ""))
