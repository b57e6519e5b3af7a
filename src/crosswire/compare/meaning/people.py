"""Which count nouns count people, from WordNet's noun classes.

"544 women" and "544 store managers", "42 members" and "42 Senate Republicans" count one kind of
thing, people, so one number under two such nouns is no different meaning; "340 households"
and "340 people" are two kinds. A closed list of person nouns misses most of them ("faculty",
"professors", "signatories"), so the classes come from WordNet 3.0, precomputed by
:mod:`crosswire.compare.meaning.build_people` into ``people.json.gz`` (licence:
``WORDNET-LICENSE`` beside it):

- ``person``: nouns one of whose two most frequent senses is a kind of person (person.n.01);
- ``group``: nouns one of whose two most frequent senses is a group of people (social_group.n.01,
  people.n.01): "faculty", "staff", "crew", "police", "troops". Such a noun counts people only
  as written, not inflected: "90 faculty" are ninety teachers, "90 teams" ninety teams.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path

PEOPLE_FILE = Path(__file__).with_name("people.json.gz")
# WordNet's noun suffix rules (morphy): an inflected form -> the base forms it may come from.
_NOUN_SUFFIXES = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("ies", "y"),
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@cache
def _classes(path: Path = PEOPLE_FILE) -> dict[str, frozenset[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return {name: frozenset(words) for name, words in data.items() if isinstance(words, list)}


def noun_bases(word: str) -> list[str]:
    """The word and the base forms morphy's suffix rules allow ("women" -> "woman",
    "republicans" -> "republican"); WordNet's table of irregular plurals is folded into the
    shipped classes."""
    word = word.lower()
    bases = [word]
    for suffix, replacement in _NOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            bases.append(word[: len(word) - len(suffix)] + replacement)
    return bases


def person_noun(word: str) -> bool:
    """Whether ``word`` (a lemma or an inflected form) names a kind of person.

    Examples:
        >>> person_noun("signatories"), person_noun("manager"), person_noun("household")
        (True, True, False)
    """
    persons = _classes()["person"]
    return any(base in persons for base in noun_bases(word))


def group_of_people(word: str) -> bool:
    """Whether ``word`` as written names a group of people ("faculty", "staff", "troops"):
    after a number it counts the group's members. An inflected form ("teams", "families")
    counts groups, not people.

    Examples:
        >>> group_of_people("faculty"), group_of_people("crew"), group_of_people("teams")
        (True, True, False)
    """
    return word.lower() in _classes()["group"]


def counts_people(unit: str | None, written: str | None = None) -> bool:
    """Whether a count with head noun ``unit`` (a lemma), written ``written`` in the text,
    counts people.

    Examples:
        >>> counts_people("professor"), counts_people("faculty", "faculty")
        (True, True)
        >>> counts_people("team", "teams"), counts_people("store", "stores")
        (False, False)
    """
    if not unit:
        return False
    if person_noun(unit) or (written is not None and person_noun(written)):
        return True
    return written is not None and group_of_people(written)


def written_head(unit: str | None, words: str | None) -> str | None:
    """The form in which ``words`` (a figure's counted-thing text) write the head noun
    ``unit``: "members" in "members of the GOP caucus", "faculty" in "University faculty".

    Examples:
        >>> written_head("member", "members of the caucus (signed)")
        'members'
        >>> written_head("faculty", "University faculty (called)")
        'faculty'
    """
    if not unit or not words:
        return None
    unit = unit.lower()
    for word in _WORD.findall(words):
        if unit in noun_bases(word):
            return word.lower()
    return None
