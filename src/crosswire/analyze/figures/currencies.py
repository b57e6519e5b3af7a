"""Currencies: the signs written before an amount and the words written after it, by ISO code,
from ``currencies.json``; the code is what figures carry, the name is NewsQuant's."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

_TABLE = Path(__file__).with_name("currencies.json")


@cache
def _currencies() -> dict[str, dict[str, list[str] | str]]:
    return json.loads(_TABLE.read_text(encoding="utf-8"))["currencies"]


def _squash(surface: str) -> str:
    return re.sub(r"\s", "", surface.lower())


@cache
def _by_sign() -> dict[str, str]:
    return {
        _squash(s): code
        for code, c in _currencies().items()
        for s in [*c.get("signs", []), *c.get("glued", [])]
    }


@cache
def _by_word() -> dict[str, str]:
    return {
        re.sub(r"\s+", " ", w.lower()): code
        for code, c in _currencies().items()
        for w in c.get("words", [])
    }


def _alternation(surfaces: list[str]) -> str:
    """A regex alternation, longest first; a space may be any run of spaces; a sign that
    starts with a letter only at a word start and as written ("this year's $5" is no "S $5",
    "a $3,500 loan" no "A $")."""
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        pattern = r"\s?".join(re.escape(piece) for piece in s.split(" "))
        parts.append(rf"(?<![\w.])(?-i:{pattern})" if s[0].isalpha() else pattern)
    return "|".join(parts)


@cache
def sign_pattern() -> str:
    """Signs written before an amount: "$", "HK $", "$US"; glued signs ("PS6m") only when
    the digits follow at once."""
    signs = [s for c in _currencies().values() for s in c.get("signs", [])]
    glued = [s for c in _currencies().values() for s in c.get("glued", [])]
    return rf"(?:{_alternation(signs)}|(?:{_alternation(glued)})(?=\d))"


@cache
def word_pattern() -> str:
    """Names written after an amount: "euros", "Chinese yuan", "JPY"."""
    words = [w for c in _currencies().values() for w in c.get("words", [])]
    return "|".join(
        r"\s+".join(re.escape(p) for p in w.split(" "))
        for w in sorted(set(words), key=len, reverse=True)
    )


def sign_code(sign: str) -> str:
    """ISO code of a sign as written ("HK $" -> "HKD")."""
    return _by_sign()[_squash(sign)]


def word_code(word: str) -> str:
    """ISO code of a currency name as written ("Australian dollars" -> "AUD")."""
    return _by_word()[re.sub(r"\s+", " ", word.strip(" \t\n-").lower())]


def currency_codes() -> frozenset[str]:
    return frozenset(_currencies())


def currency_name(code: str) -> str:
    """The currency's name as NewsQuant writes it ("USD" -> "dollar")."""
    return str(_currencies()[code]["name"])
