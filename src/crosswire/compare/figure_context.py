"""What the words around a figure say it measures, for figures whose counted words differ.

Outlets word the thing a number counts freely ("$750,000 in campaign funds" / "campaign
cash"; "the $447 billion jobs package" / "Mr. Obama's $447 billion job-creation plan"; "all
42 members of the GOP caucus" / "42 Senate Republicans"), and the extractor's counted words
are often the clause's subject ("He (raised)"). The words either side of the number in its
sentence carry what both say: they are compared with the comparison's meaning matcher
(lemmas, stems, WordNet synonyms, rarity; :mod:`crosswire.compare.meaning`), the figure's own
number masked so that a different value is not read as a different statement, and weighed
within the story, whose topic words every figure shares.
"""

from __future__ import annotations

import re
from decimal import Decimal

from crosswire.compare.meaning.score import combined
from crosswire.compare.meaning.terms import Profile, in_context, profile
from crosswire.records import Article, Figure

# Words either side of the number: a noun phrase and its verb ("used the 100 pages of emails
# to show"), not the sentence's other clauses and their figures.
WINDOW = 7
# Context this alike (the matcher's scale; :data:`crosswire.compare.meaning.SAME` is one
# statement) says two figures of one unit size one thing.
SAME_CONTEXT = 0.55
# Two values of one quantity from outlets reporting it at one time are of one order of
# magnitude: a tenfold gap is two quantities ("$4 billion" for police / "$447 billion").
MAX_RATIO = 10.0
# Below this a whole number counts discrete things and is written exactly ("23 states"); at
# or above it a round figure may stand for a more precise one ("$700 billion" / "$716
# billion").
ROUNDED_FROM = 100
# A rounding moves a value by less than half its last digit and by at most this share: "6%"
# for 5.8%, never "100 pages" for 140 or "40,000" for "some 35,000" (a round figure itself).
ROUNDING_SHARE = 0.05
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


def window_text(article: Article, figure: Figure) -> str:
    """The sentence's words either side of the figure, the figure itself left out."""
    text = article.text
    before = _TOKEN.findall(text[figure.sentence_start : figure.start])[-WINDOW:]
    after = _TOKEN.findall(text[figure.end : figure.sentence_end])[:WINDOW]
    return " ".join([*before, *after])


def context_profiles(texts: list[str]) -> list[Profile]:
    """The windows' profiles, reweighted within the story (every figure's window of a story
    on Medicare names "Medicare")."""
    return in_context([profile(t) for t in texts])


def context_score(a: Profile, b: Profile) -> float:
    """How alike two figures' windows are, in the meaning matcher's [0, 1]."""
    return combined(a, b)


def same_magnitude(a: float, b: float) -> bool:
    """Whether two values are within :data:`MAX_RATIO` of each other (and of one sign)."""
    if a == 0 or b == 0:
        return a == b
    if (a > 0) != (b > 0):
        return False
    ratio = abs(a) / abs(b)
    return 1 / MAX_RATIO < ratio < MAX_RATIO


def _last_digit(value: float) -> int:
    """The power of ten of the value's last significant digit (700e9 -> 11, 5.8 -> -1)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return int(exponent) if isinstance(exponent, int) else 0


def rounded_as(a: float, b: float) -> bool:
    """Whether one value is the other written rounder: "$700 billion" for $716 billion, "6%"
    for 5.8% (:data:`ROUNDING_SHARE`). A fraction may be rounded to any digit it has; a whole
    number only from :data:`ROUNDED_FROM` up, to hundreds or coarser, since small counts are
    exact (20 dead are not 24)."""
    if a == b:
        return True
    coarse, fine = (a, b) if _last_digit(a) > _last_digit(b) else (b, a)
    step = _last_digit(coarse)
    if step == _last_digit(fine):
        return False
    if fine == int(fine) and (step < 2 or abs(coarse) < ROUNDED_FROM):
        return False
    gap = abs(fine - coarse)
    return gap < 10.0**step / 2 and gap <= ROUNDING_SHARE * abs(coarse)


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None
