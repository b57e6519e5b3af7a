"""Units written after a number ("87 mph", "5,835 units", "$5 a year"), named as quantulum3 and
NewsQuant name them, from the lexicon in ``units.json``. A unit "per" another ("barrels a
day", "dollars per share") becomes one compound name, since 5 per day and 5 per week are not
the same measure."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

_LEXICON = Path(__file__).with_name("units.json")


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], frozenset[str]]:
    data = json.loads(_LEXICON.read_text(encoding="utf-8"))
    by_surface: dict[str, str] = {}
    exact: list[str] = []
    loose: list[str] = []
    for name, surfaces in data["units"].items():
        for surface in surfaces:
            one_letter = len(surface) == 1 and surface.isalpha() or surface.isupper()
            by_surface[surface if one_letter else surface.lower()] = name
            by_surface.setdefault(re.sub(r"[\s-]+", " ", surface.lower()), name)
            (exact if one_letter else loose).append(surface)
    for item in data["per_items"]:
        by_surface.setdefault(item, item)
    names = frozenset(data["units"])
    # "75-basis-point move": words of a unit may be joined by hyphens as well as spaces
    loose_alt = "|".join(
        re.escape(s).replace(r"\ ", r"[\s-]") for s in sorted(loose, key=len, reverse=True)
    )
    exact_alt = "|".join(re.escape(s) for s in sorted(exact, key=len, reverse=True))
    unit = rf"(?:(?i:{loose_alt})|{exact_alt})"
    per = "|".join(data["per"])
    items = "|".join(map(re.escape, data["per_items"]))
    pattern = re.compile(rf"[ \t]?-?(?P<unit>{unit})(?![\w°º])")
    # "$5 a year", "£24 a-year", "10 kV/cm", "$62 per share"; not "$6 billion a year earlier"
    per_pattern = re.compile(
        rf"(?:[\s-]+(?i:{per})[\s-]+(?P<unit>{unit})|\s?/\s?(?P<slash>{unit})"
        rf"|\s+(?i:per)\s+(?P<item>(?i:{items}))s?)(?![\w°º])"
        r"(?!\s+(?:earlier|ago|before|later|previously|prior)\b)"
    )
    return pattern, by_surface, per_pattern, names


def _name(surface: str, by_surface: dict[str, str]) -> str:
    return (
        by_surface.get(surface)
        or by_surface.get(surface.lower())
        or by_surface[re.sub(r"[\s-]+", " ", surface.lower())]
    )


def unit_names() -> frozenset[str]:
    """Every unit name of the lexicon: measures, never count nouns."""
    return _tables()[3]


def unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written at ``text[pos:]`` (after a number) and where it ends, or None."""
    pattern, by_surface, _, _ = _tables()
    m = pattern.match(text, pos)
    if m is None:
        return None
    name, end = _name(m.group("unit"), by_surface), m.end()
    return per_after(text, end, name)


def per_after(text: str, pos: int, unit: str) -> tuple[str, int]:
    """``unit`` extended by a "per" unit at ``text[pos:]`` ("$5 a year": dollar per year)."""
    _, by_surface, per_pattern, _ = _tables()
    per = per_pattern.match(text, pos)
    if per is None:
        return unit, pos
    surface = per.group("unit") or per.group("slash") or per.group("item")
    return f"{unit} per {_name(surface, by_surface)}", per.end()
