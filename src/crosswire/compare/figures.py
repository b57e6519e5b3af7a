"""Match the figures of a story across outlets.

Two mentions are one quantity when value and unit agree and they count the same thing. The
same distinctive number counting different things ("sacrifice 1.1 million of his own people" /
"1.1 million people killed or wounded"; "340 households evacuated" / "340 people injured") is a
*meaning* discrepancy; the same counted thing with incompatible numbers (two dead / three dead)
is a *value* discrepancy. Both are what an analyst wants to see first.

What is counted is compared through the lexicon's event classes first ("killed", "died",
"death toll" are one class), then through shared words, because outlets rarely describe a
count in the same words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from crosswire.analyze.figures.measure import measure_qualifiers
from crosswire.analyze.figures.period import CURRENT, MONTHS, clause_bounds, periods_differ
from crosswire.analyze.figures.place import places_differ
from crosswire.analyze.figures.units import unit_names
from crosswire.compare.figure_context import (
    SAME_CONTEXT,
    context_profiles,
    context_score,
    rounded_as,
    same_magnitude,
    window_text,
)
from crosswire.compare.lexicon import event_classes, normal_stems
from crosswire.compare.meaning.people import counts_people, written_head
from crosswire.compare.meaning.terms import Profile
from crosswire.compare.periods import (
    bases_differ,
    change_basis,
    current_excluded,
    month_span,
    other_basis,
    to_date,
)
from crosswire.compare.rank import FOLD_BELOW
from crosswire.compare.sources import Source
from crosswire.compare.speakers import compatible_credits
from crosswire.compare.text import content_stems, overlap, passage, stem
from crosswire.dates import parse_date
from crosswire.records import Discrepancy, Figure, FigureGroup, Passage

# Share of the counted-thing words two mentions must share to count the same thing.
MIN_MEANING = 0.5
# Words that say nothing about what is counted.
_VAGUE = {"peopl", "people", "perso", "total", "numbe", "figur", "amoun"}
# Units that are not count nouns: a percentage, a sum of money, a duration or a multiplier
# never counts "things" ("12 months ago" and "a Big 12 team" share only a number).
TIME_UNITS = {
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
}
MEASURE_UNITS = (
    {"%", "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "times"} | TIME_UNITS | unit_names()
)
# Count nouns that name no particular kind of thing: "23 steps" is whatever list the story
# is about ("23 executive actions"), so against another unit it is no other meaning.
GENERIC_COUNTS = {
    "step", "measure", "action", "move", "thing", "item", "way", "point", "change", "idea",
    "option", "element", "part", "piece", "proposal", "initiative", "provision",
}
# First words of a counted noun that make the count a remainder ("19 other children").
_PARTIAL = {"other", "more", "additional", "further", "another"}
# Small numbers recur by chance ("two people died", "two engineering units"): the same value
# counting different things is only suspicious when the number is distinctive.
MIN_DISTINCTIVE = 10
# Equal percentages with nothing extracted as measured are one figure when their clauses share
# this much (overlap coefficient of content stems, numbers aside).
SAME_CLAUSE = 0.35
# Two figures measure one thing when what they measure shares this much (Jaccard).
SAME_MEASURE = 0.5
# Sentences giving an estimate rather than a measurement: different forecasters' figures are a
# spread, shown as such.
_FORECAST = re.compile(
    r"\b(?:forecast\w*|project\w*|expect\w*|estimat\w*|predict\w*|odds|chance|probabilit\w*"
    r"|survey\w*|outlook|model|target\w*|goal)\b",
    re.IGNORECASE,
)
# A modal says a forecast, a demand or a possibility ("Republicans should press for $2
# trillion in spending cuts", "could cost $5 billion"), not an outcome, unless the figure is of
# a month already over at publication: "June's 9.1% increase ... will probably be the peak"
# forecasts the peak, not June's figure.
_MODAL = re.compile(r"\b(?:will|would|should|could|might)\b", re.IGNORECASE)
# Words that make a percentage the part cut, lost or left over ("a 23 percent cut in benefits",
# "the remaining 40 percent"): set against the share kept, it is that share's complement.
_REMAINDER = re.compile(
    r"\b(?:cuts?|reduc\w*|loss\w*|lose|loses|losing|lost|shortfalls?|declin\w*|drops?|dropped"
    r"|falls?|fell|decreas\w*|remain\w*|rest|remainder|gap)\b",
    re.IGNORECASE,
)
# Two shares are complements when they sum to 100 within this many points (each rounded).
COMPLEMENT_TOLERANCE = 1.0
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_OF_AFTER = re.compile(r"\s+of\s+(?:the|all|its|their|total)\b", re.IGNORECASE)
# Two changes to date of one measure reported on different days are both true at their dates:
# the pair is shown folded (below rank.FOLD_BELOW), its why saying so.
AS_OF_CONFIDENCE = 0.3
# "about 12 million": a hedge covers this much either side.
HEDGE_TOLERANCE = 0.1


@dataclass(slots=True)
class _Item:
    source: Source
    figure: Figure
    meaning: set[str]
    events: set[str]
    # the words either side of the number (:mod:`crosswire.compare.figure_context`)
    context: Profile | None = None
    # over what span its change is measured (:func:`_spans`)
    basis: str | None = None


def meaning_words(figure: Figure) -> set[str]:
    """Content stems of what a figure counts, without its unit and vague nouns: "people
    killed or wounded" and "his own people he will sacrifice" differ in everything but the
    unit, which is exactly the difference to report. Synonyms are mapped to one word."""
    words = normal_stems(figure.counts or "")
    if figure.unit:
        for form in (figure.unit, figure.unit + "s"):
            words -= {stem(form), form.lower()} | normal_stems(form)
    return words - _VAGUE


def comparable(figure: Figure) -> bool:
    """Bare years are dates, not quantities an outlet reports; they are compared as claims."""
    return figure.unit != "year"


def same_meaning(a: set[str], b: set[str], events_a: set[str] = frozenset(),
                 events_b: set[str] = frozenset()) -> bool:
    """Whether two counted-thing descriptions name the same thing.

    Event classes decide when both name one (killed = died; killed or wounded != killed).
    Otherwise both empty: nothing says they differ; one empty: too little to tell.
    """
    if events_a and events_b:
        return events_a == events_b
    if not a and not b:
        return True
    return overlap(a, b) >= MIN_MEANING


def unit_family(figure: Figure) -> str | None:
    """The kind of thing a figure's unit counts: "people" for any noun that names a kind of
    person or, as written, a group of people ("544 store managers", "42 Senate Republicans",
    "90 faculty"; :mod:`crosswire.compare.meaning.people`), else the unit itself."""
    unit = figure.unit
    if unit and counts_people(unit, written_head(unit, figure.counts)):
        return "people"
    return unit


def same_unit(a: Figure, b: Figure) -> bool:
    return unit_family(a) == unit_family(b)


def _agreeing_units(a: Figure, b: Figure) -> bool:
    """Same kind of unit, or a rate against its bare sum ("below $100/barrel" / "below $100"):
    an outlet may leave the "per" to the sentence before, as a period may go unsaid. Only for
    agreement: a bare sum is too little to set against a rate."""
    if same_unit(a, b):
        return True
    base_a, base_b = (a.unit or "").split(" per ")[0], (b.unit or "").split(" per ")[0]
    return bool(base_a) and base_a == base_b and (a.unit == base_a or b.unit == base_b)


def _same_value(a: Figure, b: Figure) -> bool:
    """Same unit and the same values allowed: "10" is not "10 to 90"."""
    if not _agreeing_units(a, b):
        return False
    ends_a, ends_b = _ends(a), _ends(b)
    return len(ends_a) == len(ends_b) and all(
        math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(ends_a, ends_b, strict=True)
    )


def _ends(figure: Figure) -> tuple[float, ...]:
    q = figure.qualifier or ""
    if q.startswith("range:"):
        return figure.value, float(q.split(":", 1)[1])
    return (figure.value,)


def has_measure(items: list[_Item]) -> bool:
    """Whether anything says what the figure measures: a unit, a counted thing or an event. A
    bare "10" shared by two outlets ("10." of a list, "it is 10") corroborates nothing."""
    return any(i.figure.unit is not None or i.meaning or i.events for i in items)


def _counts_things(figure: Figure) -> bool:
    base = (figure.unit or "").split(" per ")[0]
    return figure.unit is None or base not in MEASURE_UNITS


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows: "up to 40,000" is [0, 40000], "about 12 million" is
    12 million give or take a tenth, a range is its ends."""
    v, q = figure.value, figure.qualifier or ""
    if q.startswith("range:"):
        return v, float(q.split(":", 1)[1])
    if q in ("up to", "<"):
        return 0.0, v
    if q in (">", "at least"):
        return v, math.inf
    if q == "~":
        return v * (1 - HEDGE_TOLERANCE), v * (1 + HEDGE_TOLERANCE)
    return v, v


def compatible_values(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be true: "at least 300" and "340" can, "2" and "3" not;
    nor can "$700 billion" contradict "$716 billion", its rounding
    (:func:`~crosswire.compare.figure_context.rounded_as`)."""
    (lo_a, hi_a), (lo_b, hi_b) = interval(a), interval(b)
    if lo_a <= hi_b + 1e-9 and lo_b <= hi_a + 1e-9:
        return True
    return lo_a == hi_a and lo_b == hi_b and rounded_as(a.value, b.value)


def _item_meaning(a: _Item, b: _Item) -> bool:
    return same_meaning(a.meaning, b.meaning, a.events, b.events)


def distinctive(figure: Figure) -> bool:
    """A number unlikely to recur by chance in one story: two outlets giving "$24.7 million"
    or "35 fire tenders" report one quantity however differently they word the rest.
    Percentages are left out: "50%" of one thing and of another is common."""
    return abs(figure.value) >= MIN_DISTINCTIVE and figure.unit != "%"


def same_quantity(a: _Item, b: _Item) -> bool:
    """Same value and kind of unit, and nothing says they count different things.

    Outlets word the counted thing freely ("10,000 men, women and children participate" /
    "10,000 participants perform"), so a distinctive number without any event word on either
    side is one quantity; event words decide when both have them; otherwise the counted
    words must agree.
    """
    if not _same_value(a.figure, b.figure) or not same_period_and_direction(a.figure, b.figure):
        return False
    if _current_excluded(a, b) or bases_differ(_basis(a), _basis(b)):
        return False
    if a.figure.unit == "%" and not (a.events and b.events):
        return _same_share(a, b)
    if a.events and b.events:
        return a.events == b.events
    if not a.events and not b.events and distinctive(a.figure):
        return True
    return _item_meaning(a, b)


def _mention(item: _Item) -> Passage:
    a, f = item.source.article, item.figure
    return passage(a.id, a.text, f.start, f.end)


def _sentence(item: _Item) -> Passage:
    a, f = item.source.article, item.figure
    return passage(a.id, a.text, f.sentence_start, f.sentence_end)


def _describe(item: _Item) -> str:
    f = item.figure
    return f'"{f.text}" {f.counts or "(unknown)"} ({item.source.outlet})'


SPREAD_HEADLINE = "Different sources give different figures for the same thing"
CURRENT_HEADLINE = "A figure called current differs from a dated one of the same measure"


def _source_names(sides: list[_Item]) -> list[str]:
    return list(dict.fromkeys(x.figure.source for x in sides if x.figure.source))


def different_sources(sides: list[_Item]) -> bool:
    """Whether every side names its source and two of them cannot be one body ("Wall Street
    Journal" / "Bloomberg Economics"; "the Journal" is the Wall Street Journal)."""
    names = [x.figure.source for x in sides]
    if not all(names):
        return False
    return any(
        not compatible_credits(a, b) for i, a in enumerate(names) for b in names[i + 1 :]
    )


def spread_of_sources(sides: list[_Item]) -> bool:
    """Whether the sides are different bodies' estimates (two forecasters, a survey and a
    model): a spread of views. Different bodies' counts of an outcome ("police said 5 died" /
    "the hospital said 7") stay a value discrepancy, their sources named in its why."""
    return different_sources(sides) and all(_estimate(x) for x in sides)


def _describe_sourced(item: _Item) -> str:
    return f"{_describe(item)[:-1]}; source: {item.figure.source})"


def _status(items: list[_Item]) -> str:
    several = len({i.source.outlet for i in items}) >= 2
    return "corroborated" if several and has_measure(items) else "single-source"


def _group(items: list[_Item], status: str) -> FigureGroup:
    counts = list(dict.fromkeys(i.figure.counts for i in items if i.figure.counts))
    return FigureGroup(
        value=items[0].figure.value,
        unit=items[0].figure.unit,
        counts=" | ".join(counts) or None,
        status=status,  # type: ignore[arg-type]
        mentions=[_mention(i) for i in items],
        outlets=list(dict.fromkeys(i.source.outlet for i in items)),
        sources=list(dict.fromkeys(i.figure.source for i in items if i.figure.source)),
    )


def _first_per_outlet(items: list[_Item]) -> list[_Item]:
    seen: dict[str, _Item] = {}
    for item in items:
        seen.setdefault(item.source.outlet, item)
    return list(seen.values())


def _outlets(items: list[_Item]) -> set[str]:
    return {x.source.outlet for x in items}


def _different_events(a: _Item, b: _Item) -> bool:
    """Positive evidence that two mentions count different things: what happened to the
    counted differs ("killed or wounded" / "evacuated"), or one says what happened and the
    other describes something else ("sacrifice ... his own people" / "killed or wounded").
    Merely different words are no evidence: outlets paraphrase."""
    if not a.events and not b.events:
        return False
    if a.events and b.events:
        return a.events != b.events
    bare = b if a.events else a
    return bool(bare.meaning)


def _meaning_rival(q: list[_Item], other: list[_Item]) -> bool:
    """Same distinctive value, different counted thing (or a different kind of thing: 340
    households / 340 people), reported by an outlet the other quantity lacks."""
    a, b = q[0].figure, other[0].figure
    if not _outlets(other) - _outlets(q):
        return False
    if not math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9):
        return False
    if same_unit(a, b):
        if a.unit in MEASURE_UNITS and abs(a.value) < MIN_DISTINCTIVE:
            return False
        return _different_events(q[0], other[0])
    return (
        _counts_things(a) and _counts_things(b) and a.unit is not None and b.unit is not None
        and abs(a.value) >= MIN_DISTINCTIVE
        and not (generic_count(a) or generic_count(b))
    )


def generic_count(figure: Figure) -> bool:
    """Whether a figure counts with a noun that names no kind of thing ("23 steps")."""
    return (figure.unit or "").lower() in GENERIC_COUNTS


def _value_units(a: _Item, b: _Item) -> bool:
    """Same unit, or a bare count ("the death toll rose to 3") against a count of people:
    the event class says people are counted."""
    if same_unit(a.figure, b.figure):
        return True
    families = {unit_family(a.figure), unit_family(b.figure)}
    return families == {None, "people"} and bool(a.events) and bool(b.events)


def same_period_and_direction(a: Figure, b: Figure) -> bool:
    """Nothing says the two figures are of different periods ("June's 9.1%" / "April's") or
    places ("U.S. inflation" / "Britain's"), or opposite changes ("rose 4%" / "fell 4%")."""
    if periods_differ(a.period, b.period) or places_differ(a.place, b.place):
        return False
    return not (a.change and b.change and a.change != b.change)


def _same_share(a: _Item, b: _Item) -> bool:
    """Whether two equal percentages are one figure: percentages recur by chance ("9%"
    unemployment in the 1970s, "9%" REIT returns), so what they measure must agree (the same
    series with the same qualifiers; an estimate is not the report of a month already over);
    when the extractor found nothing measured, their clauses must share words besides
    numbers."""
    if _share_of(a) != _share_of(b) or _names(a) != _names(b):
        return False
    if measure_qualifiers(a.figure.measure) != measure_qualifiers(b.figure.measure):
        return False
    if _estimate(a) != _estimate(b) and _past_month(b if _estimate(a) else a):
        return False  # "PCE prices are expected to be up 6.6%" is no report of March's 6.6%
    wa, wb = _measure_words(a), _measure_words(b)
    if wa and wb:
        # as for a measure (Jaccard): "that rate" is too little to be "the natural rate"
        return len(wa & wb) / len(wa | wb) >= SAME_MEASURE
    ca, cb = _clause_stems(a), _clause_stems(b)
    return bool(ca and cb) and overlap(ca, cb) >= SAME_CLAUSE


def _clause_stems(item: _Item) -> set[str]:
    f, sentence = item.figure, _sentence_text(item)
    left, right = clause_bounds(sentence, f.start - f.sentence_start, f.end - f.sentence_start)
    return {w for w in content_stems(sentence[left:right]) if not w[:1].isdigit()}


def _sentence_text(item: _Item) -> str:
    f = item.figure
    return item.source.article.text[f.sentence_start : f.sentence_end]


def _share_of(item: _Item) -> bool:
    """Whether a percentage is a share of something ("over 31 percent of the CPI")."""
    f = item.figure
    return f.unit == "%" and _OF_AFTER.match(item.source.article.text, f.end) is not None


def _estimate(item: _Item) -> bool:
    """Whether the figure's clause gives an estimate, forecast or target, not an outcome. An
    age is a fact of the person it follows, whatever the clause goes on to forecast ("Mr.
    Cowan, 43, ... will become the state's first black senator")."""
    f, sentence = item.figure, _sentence_text(item)
    if f.unit == "year of age":
        return False
    left, right = clause_bounds(sentence, f.start - f.sentence_start, f.end - f.sentence_start)
    if _FORECAST.search(sentence, left, right) is not None:
        return True
    return _MODAL.search(sentence, left, right) is not None and not _past_month(item)


def _past_month(item: _Item) -> bool:
    """Whether the figure is of a month that was over when its article was published."""
    published = parse_date(item.source.article.published)
    span = month_span(anchored_period(item), published)
    if published is None or span is None or item.figure.period in (CURRENT, None):
        return False
    return span[1] < published.year * 12 + published.month - 1


def _basis(item: _Item) -> str | None:
    return item.basis


def _said_basis(item: _Item) -> str | None:
    """Over what span the figure's change is measured ("from a year ago", "in one month"),
    read from its clause to the end of its sentence, where outlets say it ("rose 9.1% last
    month, compared with a year ago")."""
    if not item.figure.change:
        return None
    f, sentence = item.figure, _sentence_text(item)
    left, _ = clause_bounds(sentence, f.start - f.sentence_start, f.end - f.sentence_start)
    return change_basis(sentence[left:].split(";")[0])


def _spans(items: list[_Item]) -> None:
    """Each item's :attr:`_Item.basis`: the span its sentence says, else the other span when
    its article gives the same series' change over a said span at another value ("core PCE
    prices are up 4.7% YoY" and "the core PCE price index increased by 0.5%": the 0.5% is the
    month's). An article reports one series' monthly and annual changes side by side; two
    values of one series and one span would be the article contradicting itself."""
    for item in items:
        item.basis = _said_basis(item)
    said: dict[tuple[str, str], set[tuple[str, float]]] = {}
    for item in items:
        if item.basis and item.figure.measure:
            key = (item.source.article.id, item.figure.measure)
            said.setdefault(key, set()).add((item.basis, item.figure.value))
    for item in items:
        if item.basis or not item.figure.change or not item.figure.measure:
            continue
        known = said.get((item.source.article.id, item.figure.measure), set())
        bases = {basis for basis, value in known if value != item.figure.value}
        if len(bases) == 1 and not any(value == item.figure.value for _, value in known):
            item.basis = other_basis(bases.pop())


def excluded(a: _Item, b: _Item) -> bool:
    """Positive evidence that two mentions are not values of one measure at one time: their
    periods or places differ, one is current and the other cannot be, or their changes are
    measured over different spans. What one mention of a quantity says holds for all of it."""
    fa, fb = a.figure, b.figure
    return (
        periods_differ(anchored_period(a), anchored_period(b))
        or _current_excluded(a, b)
        or places_differ(fa.place, fb.place)
        or bases_differ(_basis(a), _basis(b))
    )


def _names(item: _Item) -> set[str]:
    """Acronyms in what is measured ("PCE", "CPI", "UK"): each names one series or place; a
    series written out ("the consumer price index") is named by its acronym in the measure."""
    f = item.figure
    return set(_ACRONYM.findall(f.measure if f.measure is not None else f.counts or ""))


def _measure_words(item: _Item) -> set[str]:
    """What is measured: the figure's measure ("CPI" for "the rate of increase in the Consumer
    Price Index"), else its counted words without the verb the extractor appends."""
    if item.figure.measure is not None:
        return normal_stems(item.figure.measure) - _VAGUE
    counts = re.sub(r"\s*\([^)]*\)\s*$", "", item.figure.counts or "")
    return normal_stems(counts) - _VAGUE


def same_measure(a: _Item, b: _Item) -> float:
    """How surely two figures are values of one measure: the Jaccard similarity of what they
    measure ("the unemployment rate" / "the national unemployment rate"), zero when their
    periods or places differ or one is a change and the other a level ("rose 6.5%" / "is
    3.6%")."""
    if measures_differ(a, b):
        return 0.0
    if a.events and b.events:
        return 1.0 if a.events == b.events else 0.0  # a death toll is one measure however worded
    wa, wb = _measure_words(a), _measure_words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def measures_differ(a: _Item, b: _Item) -> bool:
    """Positive evidence that two figures are not values of one measure, whatever their
    words: their periods or places differ, one is a change and the other a level, a share
    against a rate, different series, an estimate against an outcome, opposite changes."""
    fa, fb = a.figure, b.figure
    if periods_differ(anchored_period(a), anchored_period(b)) or _current_excluded(a, b):
        return True
    if bases_differ(_basis(a), _basis(b)):
        return True  # a monthly change against an annual one
    if bool(fa.change) != bool(fb.change):
        return True
    if places_differ(fa.place, fb.place):
        return True  # Ohio's jobless claims are not the nation's
    if _share_of(a) != _share_of(b):
        return True  # "31% of the CPI" is a weight, "the CPI rose 5%" its rate
    if _names(a) != _names(b) and (_names(a) or _names(b)):
        return True  # "the core PCE price index" is not "the core consumer price index"
    if _names(a) and measure_qualifiers(fa.measure) != measure_qualifiers(fb.measure):
        return True  # "core CPI" leaves out food and energy: another series than the CPI
    if _estimate(a) != _estimate(b):
        return True  # a forecast or a target against an outcome is no contradiction
    return bool(fa.change and fb.change and fa.change != fb.change)


def anchored_period(item: _Item) -> str | None:
    """The figure's period with the year its month implies: a month named without a year is
    the last such month up to the article's publication ("killed in December" in a January
    2013 report is December 2012), so a toll of "December" never meets one of "1997"."""
    period = item.figure.period
    if not period:
        return period
    words = period.split()
    months = [w for w in words if w in MONTHS]
    published = parse_date(item.source.article.published)
    if not months or any(w.isdigit() for w in words) or published is None:
        return period
    month = list(MONTHS).index(months[0]) + 1
    year = published.year if month <= published.month else published.year - 1
    return f"{period} {year}"


def _current_excluded(a: _Item, b: _Item) -> bool:
    """Whether one figure is called current at its publication and the other's period cannot
    be then (:mod:`crosswire.compare.periods`)."""
    return current_excluded(
        anchored_period(a), parse_date(a.source.article.published),
        anchored_period(b), parse_date(b.source.article.published),
    )


def partial_count(figure: Figure) -> bool:
    """Whether a count leaves someone out by its own words ("killed along with 19 other
    children", "three more people"): the rest besides those named, never a total that
    another outlet's total could contradict."""
    return (figure.noun or "").lower().split(" ")[0] in _PARTIAL


def complementary_shares(a: _Item, b: _Item) -> bool:
    """Two percentages that make up a whole, one of them the part cut, lost or left ("pay 77
    percent of promised benefits" / "a 23 percent cut in benefits"): one fact told from its
    two sides, not two values of one measure. Two cuts ("a 23% cut" / "a 77% cut") or two
    shares kept still conflict."""
    fa, fb = a.figure, b.figure
    if fa.unit != "%" or fb.unit != "%":
        return False
    if abs(fa.value + fb.value - 100) > COMPLEMENT_TOLERANCE:
        return False
    return _remainder(a) != _remainder(b)


def _remainder(item: _Item) -> bool:
    """Whether a percentage is the part taken away or left over, by its clause's words or
    its own direction ("fell 23%")."""
    f, sentence = item.figure, _sentence_text(item)
    if f.change == "down":
        return True
    left, right = clause_bounds(sentence, f.start - f.sentence_start, f.end - f.sentence_start)
    return _REMAINDER.search(sentence, left, right) is not None


def _value_rival(q: list[_Item], other: list[_Item]) -> float | None:
    """How surely two quantities are one measure in one period with incompatible values, given
    by two outlets at least (None: they are not rivals). Each quantity speaks through all its
    mentions: one of them must measure what one of the other's measures, and
    none may say they are of different periods, places or spans (:func:`excluded`): "June's"
    of one mention dates the whole quantity.

    Measured words that agree with counted words that agree (:func:`_value_rival_items`) are
    the first evidence, scored by the outlets' first mentions (:func:`_cross_scores`).
    Outlets word a measure freely, so the words around the numbers are the second
    (:func:`_worded_rival`): they make rivals of quantities the first misses, and the surer
    of the two scores the pair (:func:`_outlet_evidence`)."""
    if len(_outlets(q) | _outlets(other)) < 2:
        return None  # one outlet's two values are no contradiction between outlets
    if not _value_units(q[0], other[0]) or compatible_values(q[0].figure, other[0].figure):
        return None
    if any(excluded(a, b) for a in q for b in other):
        return None
    strict = any(_value_rival_items(a, b) for a in q for b in other)
    worded = _outlet_evidence(q, other)
    if strict:
        return max(min(_cross_scores([q, other])), worded)
    return worded if worded > 0 else None


def _outlet_evidence(q: list[_Item], other: list[_Item]) -> float:
    """How surely every outlet of one quantity gives the measure every other outlet of the
    other gives, each through the best of its mentions: a rival that only one of two agreeing
    outlets is shown to measure does not undo their agreement. An outlet's own two values
    are no evidence either way."""
    def best(outlet: str, rival: str) -> float:
        return max(
            _pair_evidence(a, b) for a in q if a.source.outlet == outlet
            for b in other if b.source.outlet == rival
        )
    return min(
        (best(x, y) for x in _outlets(q) for y in _outlets(other) if x != y), default=0.0
    )


def _pair_evidence(a: _Item, b: _Item) -> float:
    """How surely two mentions with incompatible values are one measure: by their measured
    and counted words, else by the words around their numbers."""
    if _value_rival_items(a, b):
        return max(same_measure(a, b), _worded_rival(a, b))
    return _worded_rival(a, b)


def _value_rival_items(a: _Item, b: _Item) -> bool:
    """Two mentions of one measure with incompatible values whose counted words agree."""
    return (
        _rival_values(a, b)
        and same_measure(a, b) >= SAME_MEASURE
        and bool(a.meaning or a.events)
        and bool(b.meaning or b.events)
        and bool(a.events & b.events or a.meaning & b.meaning)
        and _item_meaning(a, b)
    )


def _rival_values(a: _Item, b: _Item) -> bool:
    """Values two mentions of one measure cannot both have: of one kind of unit and
    incompatible; a count of "the other" ones is no total (:func:`partial_count`), a share's
    complement no other value (:func:`complementary_shares`)."""
    return (
        not partial_count(a.figure)
        and not partial_count(b.figure)
        and not complementary_shares(a, b)
        and _value_units(a, b)
        and not compatible_values(a.figure, b.figure)
    )


# The window's likeness that confirms measured words that agree ("10-round limit": "a new
# assault-weapons ban and a 10-round limit on magazines" / "restoring a 10-round limit on
# ammunition magazines") when the counted words do not. On the BASIL events of
# bench/compare_injected.py, cross-outlet pairs of one corroborated figure with agreeing
# measures reach 0.39-0.90 (8 of 12), pairs of different values with one wording at most 0.29.
CONTEXT_SUPPORT = 0.4


def _worded_rival(a: _Item, b: _Item) -> float:
    """How surely two mentions whose counted words say too little are one measure, by the
    words either side of their numbers (:mod:`crosswire.compare.figure_context`): measured
    words that agree and a window that confirms them, or windows alike on their own. Only
    for values of one order of magnitude: a tenfold gap is two quantities."""
    fa, fb = a.figure, b.figure
    if not _rival_values(a, b) or not same_magnitude(fa.value, fb.value):
        return 0.0
    if measures_differ(a, b) or (a.events and b.events and a.events != b.events):
        return 0.0
    if a.context is None or b.context is None:
        return 0.0
    context = context_score(a.context, b.context)
    words = same_measure(a, b)
    if words >= SAME_MEASURE and context >= CONTEXT_SUPPORT:
        return words
    return context if context >= SAME_CONTEXT else 0.0


def _value_text(f: Figure) -> str:
    low, high = interval(f)
    unit = f" {f.unit}" if f.unit else ""
    return f"{f.value:g}{unit}" if low == high else f"{low:g}-{high:g}{unit}"


def _apart(a: list[_Item], b: list[_Item]) -> bool:
    """Whether two quantities cannot be one measure at one time (any of their mentions says
    so: :func:`excluded`)."""
    return any(excluded(x, y) for x in a for y in b)


def _cross_scores(parts: list[list[_Item]]) -> list[float]:
    """How surely each two mentions of different quantities measure one thing; mentions of
    one quantity were judged one figure already."""
    return [
        same_measure(a, b)
        for i, part in enumerate(parts) for other in parts[i + 1 :]
        for a in _first_per_outlet(part) for b in _first_per_outlet(other)
    ]


def _current_only(part: list[_Item]) -> bool:
    periods = {x.figure.period for x in part} - {None}
    return periods == {CURRENT}


def current_against_dated(parts: list[list[_Item]]) -> bool:
    """Whether one quantity is only called current ("the current 8.3% rate") and another is
    of a named period ("June's 9.1%"): the same measure at perhaps the same month, worth an
    analyst's time (is one outlet's figure out of date?), not a shown contradiction; each
    quantity keeps its own standing."""
    dated = [p for p in parts if {x.figure.period for x in p} - {None, CURRENT}]
    return any(_current_only(p) for p in parts) and bool(dated)


def _day(item: _Item) -> str:
    return (item.source.article.published or "undated")[:10]


def _outlet_periods(part: list[_Item]) -> dict[str, set[str]]:
    """Outlet -> the periods its mentions of a quantity name (anchored: "june 2022")."""
    periods: dict[str, set[str]] = {}
    for x in part:
        found = periods.setdefault(x.source.outlet, set())
        if x.figure.period:
            found.add(CURRENT if x.figure.period == CURRENT else anchored_period(x) or "")
    return periods


def _current_note(parts: list[list[_Item]]) -> str:
    """Who calls which value current and who dates which, outlet by outlet: an outlet that
    calls the dated value current ("the latest CPI numbers ... 9.1%") is not one that dates
    it."""
    current = [x for p in parts if _current_only(p) for x in _first_per_outlet(p)]
    called = ", ".join(f"{x.source.outlet} ({_day(x)})" for x in current)
    values = " / ".join(dict.fromkeys(_value_text(x.figure) for x in current))
    notes = [f"{called} call{'s' if len(current) == 1 else ''} {values} current"]
    for part in parts:
        if _current_only(part):
            continue
        periods = _outlet_periods(part)
        dating = [o for o, found in periods.items() if found - {CURRENT}]
        months = sorted({m for o in dating for m in periods[o] - {CURRENT}})
        also = [
            f"{x.source.outlet} ({_day(x)}) calls it current" for x in _first_per_outlet(part)
            if periods[x.source.outlet] == {CURRENT}
        ]
        silent = [o for o, found in periods.items() if not found]
        if silent:
            also.append(f"{', '.join(silent)} name{'s' if len(silent) == 1 else ''} no month")
        value = _value_text(part[0].figure)
        notes.append(
            f"{', '.join(dating)} date {value} {' / '.join(months)}"
            + (f" ({'; '.join(also)})" if also else "")
        )
    return (
        f"; {'; '.join(notes)}: the same measure at perhaps the same month (is one figure out "
        "of date?), worth checking, not shown to be a contradiction"
    )


def stale_note(parts: list[list[_Item]], items: list[_Item]) -> str:
    """Where another outlet gives a value called current for a month before any the current
    figure can be of ("the current 8.3%" of a late-July report is April's 8.3%): a sign that
    the current figure is out of date, said in the why."""
    notes = []
    for cur in (x for p in parts if _current_only(p) for x in _first_per_outlet(p)):
        now = month_span(CURRENT, parse_date(cur.source.article.published))
        for x in items:
            fx, fc = x.figure, cur.figure
            if now is None or x.source.outlet == cur.source.outlet or not fx.measure:
                continue
            if fx.measure != fc.measure or bool(fx.change) != bool(fc.change):
                continue
            when = month_span(anchored_period(x), parse_date(x.source.article.published))
            if when is not None and when[1] < now[0] and _same_value(fx, fc):
                notes.append(
                    f"{cur.source.outlet}'s current {_value_text(fc)} is the {fc.measure} "
                    f"{x.source.outlet} gives for {anchored_period(x)}, before any month it "
                    "can be current for (perhaps out of date)"
                )
    return "".join(f"; {n}" for n in dict.fromkeys(notes))


def _to_date(item: _Item) -> bool:
    """Whether the figure is a change counted to its report's day ("down 19% year to
    date")."""
    f = item.figure
    if not f.change:
        return False
    sentence = _sentence_text(item)
    left, _ = clause_bounds(sentence, f.start - f.sentence_start, f.end - f.sentence_start)
    return to_date(sentence[left:])


def as_of_apart(sides: list[_Item]) -> bool:
    """Whether a side is a change to date and the sides are reported on different days: a
    change to date moves with every day's prices, so both values can be true at their dates
    and the pair is no contradiction (same measure, different as-of dates)."""
    return any(_to_date(x) for x in sides) and len({_day(x) for x in sides}) > 1


def _as_of_note(sides: list[_Item]) -> str:
    told = ", ".join(
        f'{x.source.outlet} gives "{x.figure.text}"{" to date" if _to_date(x) else ""} as of '
        f"{_day(x)}"
        for x in sides
    )
    return (
        f"; {told}: a change to date moves every day, so values of different dates can both "
        "be true; different as-of dates, not shown to be a contradiction"
    )


def _why(
    kind: str, sides: list[_Item], spread: bool = False, parts: list[list[_Item]] | None = None,
    pair_scores: list[float] | None = None,
) -> tuple[str, float]:
    """Why a figure-value discrepancy is one and how sure: what the sides measure in common,
    the period, and how far apart the values are. Other kinds are left to the generic check
    (``compare/assess.py``)."""
    if kind != "figure-value":
        return "", 1.0
    shared = set.intersection(*(_measure_words(x) | x.events for x in sides))
    if pair_scores is not None:
        scores = pair_scores
    elif parts is not None:
        scores = _cross_scores(parts)
    else:
        scores = [same_measure(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]
    periods = sorted({x.figure.period for x in sides if x.figure.period})
    values = [x.figure.value for x in sides]
    gap = max(values) - min(values)
    relative = gap / max(abs(v) for v in values) if any(values) else 0.0
    confidence = min(scores) if scores else 0.0
    forecast = all(_estimate(x) for x in sides)
    named = list(dict.fromkeys(x.figure.measure for x in sides if x.figure.measure))
    words = ", ".join(sorted(shared)) or "paraphrased"
    why = (
        f"same measure ({words}{'; worded ' + ' / '.join(named) if len(named) > 1 else ''}), "
        "period "
        f"{' / '.join(periods) or 'not named'}; values "
        f"{' vs '.join(_value_text(x.figure) for x in sides)} differ by {gap:g} "
        f"({relative:.0%})"
    )
    if spread:
        why += (f"; different sources ({', '.join(_source_names(sides))}): a spread of views, "
                "not a contradiction")
    elif different_sources(sides):
        why += f"; different sources ({', '.join(_source_names(sides))})"
    elif forecast:
        why += "; every side is an estimate or forecast: a spread of views, not a contradiction"
    if parts is not None and not spread and current_against_dated(parts):
        why += _current_note(parts)
    if as_of_apart(sides):
        why += _as_of_note(sides)
        confidence = min(confidence, AS_OF_CONFIDENCE)
    return why, round(confidence, 2)


def _meaning_sets(
    quantities: list[list[_Item]], used: set[int]
) -> Iterator[tuple[list[int], list[float] | None]]:
    """Each quantity with the later ones its distinctive value means something else in."""
    for i, q in enumerate(quantities):
        if i in used:
            continue
        rivals = [
            j for j in range(i + 1, len(quantities))
            if j not in used and _meaning_rival(q, quantities[j])
        ]
        if rivals:
            used.update((i, *rivals))
            yield [i, *rivals], None


def _value_sets(
    quantities: list[list[_Item]], used: set[int]
) -> Iterator[tuple[list[int], list[float] | None]]:
    """Quantities that are one measure with incompatible values, the surest pair first, so
    that a doubtful rival never takes a quantity from a sure one (a folded "$882 billion" of
    Medicare cuts must not keep "$716 billion" from the outlet that gives "$1,074 billion");
    with each pair, the first quantity's other rivals, surest first. The sides of one
    discrepancy must all be able to be one measure at one time: 1980's 14.8% and June's 9.1%
    are not both rivals of one figure. Yields the indices and the scores of the pairs."""
    free = [i for i in range(len(quantities)) if i not in used]
    score = {
        (i, j): found
        for n, i in enumerate(free) for j in free[n + 1 :]
        if (found := _value_rival(quantities[i], quantities[j])) is not None
    }
    for i, j in sorted(score, key=lambda pair: -score[pair]):
        if i in used or j in used:
            continue
        rivals = [j]
        others = sorted(
            (k for (x, k) in score if x == i and k != j and k not in used),
            key=lambda k: -score[i, k],
        )
        for k in others:
            if not any(_apart(quantities[r], quantities[k]) for r in rivals):
                rivals.append(k)
        used.update((i, *rivals))
        yield [i, *rivals], [score[i, k] for k in rivals]


def group_figures(sources: list[Source]) -> tuple[list[FigureGroup], list[Discrepancy]]:
    """FigureGroups (one per quantity) and figure-meaning / figure-value discrepancies."""
    items = [
        _Item(s, f, meaning_words(f), event_classes(f.counts or ""))
        for s in sources
        for f in sorted(s.analysis.figures, key=lambda f: f.start)
        if comparable(f)
    ]
    windows = context_profiles([window_text(x.source.article, x.figure) for x in items])
    for item, window in zip(items, windows, strict=True):
        item.context = window
    _spans(items)
    # 1. quantities: same value and unit, same counted thing
    quantities: list[list[_Item]] = []
    for item in items:
        for q in quantities:
            if same_quantity(q[0], item):
                q.append(item)
                break
        else:
            quantities.append([item])
    groups: list[FigureGroup] = []
    discrepancies: list[Discrepancy] = []
    used: set[int] = set()
    passes = (
        ("figure-meaning", _meaning_sets, "The same figure counts different things"),
        ("figure-value", _value_sets, "Outlets give different figures for the same thing"),
    )
    # 2. meaning discrepancies first: a number that means two things is the graver error
    for kind, sets_of, headline in passes:
        for (i, *rivals), scores in sets_of(quantities, used):
            parts = [quantities[k] for k in (i, *rivals)]
            merged = [x for part in parts for x in part]
            used.update((i, *rivals))
            # each value through its outlets' first mentions: an outlet that gives both
            # values shows both
            sides = [x for part in parts for x in _first_per_outlet(part)]
            spread = kind == "figure-value" and spread_of_sources(sides)
            undated = kind == "figure-value" and not spread and current_against_dated(parts)
            why, confidence = _why(kind, sides, spread, parts, scores)
            if undated:
                why += stale_note(parts, items)
            if spread or undated or confidence < FOLD_BELOW:
                # different bodies' values, or a rival too doubtful to be listed: each
                # quantity keeps its own standing (a weak rival does not undo an agreement)
                groups.extend(_group(quantities[k], _status(quantities[k])) for k in (i, *rivals))
            if spread:
                discrepancies.append(Discrepancy(
                    "figure-spread",
                    f"{SPREAD_HEADLINE}: {'; '.join(map(_describe_sourced, sides))}.",
                    [_sentence(x) for x in sides],
                    why=why,
                    confidence=confidence,
                ))
                continue
            if confidence >= FOLD_BELOW and not undated:
                groups.append(_group(merged, "conflicting"))
            discrepancies.append(Discrepancy(
                kind,
                f"{CURRENT_HEADLINE if undated else headline}: "
                f"{'; '.join(map(_describe, sides))}.",
                [_sentence(x) for x in sides],
                why=why,
                confidence=confidence,
            ))
    for i, q in enumerate(quantities):
        if i not in used:
            groups.append(_group(q, _status(q)))
    rank = {"conflicting": 0, "corroborated": 1, "single-source": 2}
    groups.sort(key=lambda g: (rank[g.status], -len(g.outlets)))
    return groups, discrepancies


def figure_items(sources: list[Source]) -> list[tuple[Source, Figure]]:
    """The comparable figures of the sources, in story order (for claims and summaries)."""
    return [
        (s, f) for s in sources for f in sorted(s.analysis.figures, key=lambda f: f.start)
        if comparable(f)
    ]
