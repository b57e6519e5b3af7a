"""Specifics two reports state differently: evidence of two incidents of one running topic.

Sequels of one topic (this month's jobs report and last month's, a bill's vote and its
signing, two summits) share the topic's words and names, and differ in what dates and sizes
the occasion: the day or month each names ("on Friday", "in September"), and the figures
each leads with ("885,000 claims", "1.3 million claims"). Two reports of one incident name
the same ones, or only one of them names any. Each function here is one such clash, 1.0 or
0.0, read from the keys of an article's word and name vectors, so nothing new is stored.

The calendar words are data per language, in the form the vectors key them (lowercased,
stemmed as :func:`crosswire.stories.features.stem_in` stems, accents folded); each maps to
its day or month number, so the same day agrees across languages. English "May" is left out:
it is as often a modal verb or a surname (Theresa May) as a month.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from crosswire.stories.features import fold, stem_in
from crosswire.stories.similarity import YEAR_RE

WEEKDAYS = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}  # fmt: skip
MONTHS = {
    "en": ("january", "february", "march", "april", None, "june", "july", "august",
           "september", "october", "november", "december"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}  # fmt: skip
# The table read for an article whose language is not listed (or not detected).
DEFAULT_LANGUAGE = "en"


@cache
def calendar_keys(kind: str, language: str | None) -> dict[str, int]:
    """Vector keys of ``language``'s day (``kind`` "weekday") or month names -> their number.

    Both the name form (lowercased, folded) and the word form (stemmed, folded) are keys: a
    capitalised day is counted as a name, a lowercase one (French, Spanish) as a word."""
    table = WEEKDAYS if kind == "weekday" else MONTHS
    words = table.get(language or DEFAULT_LANGUAGE) or table[DEFAULT_LANGUAGE]
    keys: dict[str, int] = {}
    for number, word in enumerate(words):
        if word is not None:
            keys[fold(word)] = number
            keys[fold(stem_in(word, language))] = number
    return keys


def named(keys: Mapping[str, float], table: Mapping[str, int]) -> set[int]:
    """The day or month numbers among ``keys`` (the table is the shorter: it is walked)."""
    return {number for key, number in table.items() if key in keys}


def clash(first: set, second: set) -> float:
    """1.0 when both sides state some, and none in common: two occasions, not one."""
    return 1.0 if first and second and not first & second else 0.0


def calendar_clash(
    kind: str,
    words_a: Mapping[str, float], names_a: Mapping[str, float], language_a: str | None,
    words_b: Mapping[str, float], names_b: Mapping[str, float], language_b: str | None,
) -> float:  # fmt: skip
    """Whether two articles name days (or months) and never the same one."""
    table_a, table_b = calendar_keys(kind, language_a), calendar_keys(kind, language_b)
    first = named(names_a, table_a) | named(words_a, table_a)
    second = named(names_b, table_b) | named(words_b, table_b)
    return clash(first, second)


def amounts(names: Iterable[str]) -> set[str]:
    """The figures among a name vector's keys that are not years: counts, sums, tolls."""
    return {n for n in names if n.startswith("#") and not YEAR_RE.match(n)}


def figure_clash(names_a: Mapping[str, float], names_b: Mapping[str, float]) -> float:
    """Whether both articles state figures (not years) and share none of them."""
    return clash(amounts(names_a), amounts(names_b))
