"""Words outlets use interchangeably, loaded from ``lexicon.json`` so they can be reviewed
without touching logic.

Two outlets rarely word a fact alike: one says "two people were killed", another "two people
died"; a translated quote says "broke soon after" where the original says "gave way shortly
after". Prefix stems cannot see that these are one thing, so a small lexicon maps each variant
to a canonical word before stems are compared.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from crosswire.analyze.figures import SMALL_WORDS
from crosswire.compare.text import STOP_WORDS, WORD, stem

LEXICON_FILE = Path(__file__).with_name("lexicon.json")


@cache
def _lexicon() -> tuple[dict[str, str], dict[str, str], re.Pattern[str] | None]:
    """(word -> canonical, phrase -> canonical, phrase pattern); events map to their class."""
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    for event, forms in data["events"].items():
        for form in forms:
            mapping[form.lower()] = event
    for forms in data["synonyms"]:
        for form in forms:
            mapping.setdefault(form.lower(), forms[0].lower())
    for word, value in SMALL_WORDS.items():  # "four" and "4" are one anchor
        mapping.setdefault(word, str(value))
    words = {k: v for k, v in mapping.items() if " " not in k}
    phrases = {k: v for k, v in mapping.items() if " " in k}
    pattern = None
    if phrases:
        alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
        pattern = re.compile(rf"\b(?:{alternatives})\b")
    return words, phrases, pattern


@cache
def _events() -> dict[str, str]:
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return {form.lower(): event for event, forms in data["events"].items() for form in forms}


def canonical_tokens(text: str) -> list[tuple[str, bool]]:
    """Lower-cased tokens with phrases and variants replaced; the flag marks replaced ones."""
    words, phrases, pattern = _lexicon()
    text = text.lower().replace("’", "'")
    tokens: list[tuple[str, bool]] = []
    pos = 0
    for m in pattern.finditer(text) if pattern else ():
        tokens += [(w, False) for w in WORD.findall(text[pos : m.start()])]
        tokens.append((phrases[m.group(0)], True))
        pos = m.end()
    tokens += [(w, False) for w in WORD.findall(text[pos:])]
    return [(words[w], True) if not mapped and w in words else (w, mapped) for w, mapped in tokens]


def normal_stems(text: str) -> set[str]:
    """Content stems after mapping synonyms to one word and number words to digits.

    Examples:
        >>> normal_stems("Two people died") == normal_stems("2 people were killed")
        True
    """
    stems = set()
    for word, mapped in canonical_tokens(text):
        if mapped or (word not in STOP_WORDS and (len(word) > 2 or word[0].isdigit())):
            stems.add(word if mapped else stem(word))
    return stems


def event_classes(text: str) -> set[str]:
    """The lexicon's event classes a phrase names: "were killed on the road" -> {"death"}.

    Examples:
        >>> sorted(event_classes("people killed or wounded"))
        ['death', 'injury']
    """
    events = _events()
    return {w for w, mapped in canonical_tokens(text) if mapped and w in events.values()}
