"""Pages that are not articles: a cookie banner, a JavaScript or paywall wall, a newsletter
sign-up box, a video page with only its title and running time.

Such a page reaches us as a few lines of text, so it passes every other check and becomes an
"article" whose sentences and figures pollute the comparison. The patterns (``stubs.json``)
say what a wall says; a page is a stub only when it is short and what the walls say makes up
most of its prose, so an article that mentions cookies or ends with a sign-up box stays an
article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# A stub is a few lines; past this many words a page carries an article whatever else it
# shows (the recession set's stubs have 9-40 words, its shortest article 70).
MAX_WORDS = 150
# A sentence this long that ends like one is prose; shorter lines are headings and labels
# ("Cookies on FT Sites", "Get Breaking News") that say nothing either way.
PROSE_WORDS = 8
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’')]*|$)", re.MULTILINE)
_FINAL = re.compile(r"[.!?][\"”’')]*$")


@dataclass(frozen=True, slots=True)
class Stub:
    """Why a text is no article: the kind of page and the sentence that shows it."""

    kind: str
    evidence: str


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    return dict(json.loads(files("crosswire.clean").joinpath("stubs.json").read_text("utf-8")))


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Kind of page -> the patterns of what its wall says."""
    return {
        kind: tuple(re.compile(p, re.IGNORECASE) for p in patterns)  # type: ignore[attr-defined]
        for kind, patterns in _data().items()
        if not kind.startswith("_")
    }


@lru_cache(maxsize=1)
def _wall_words() -> re.Pattern[str]:
    return re.compile(str(_data()["_wall_words"]), re.IGNORECASE)


def _kind(sentence: str) -> str | None:
    for kind, patterns in load_patterns().items():
        if any(p.search(sentence) for p in patterns):
            return kind
    return None


def find_stub(text: str, removed: list[str] | tuple[str, ...] = ()) -> Stub | None:
    """The kind of non-article page ``text`` is, or None for an article.

    ``removed`` are the lines cleaning dropped (a sign-up line may be among them): they count
    as wall text, never as prose.

    Examples:
        >>> find_stub("Cookies on Vessa Post Sites\\n\\nWe use cookies to keep our sites secure "
        ...           "and to analyse how they are used.").kind
        'cookie banner'
        >>> find_stub("The Orvel dam held through the night, engineers said. Residents of "
        ...           "Kessel were told they could return home by Monday.") is None
        True
    """
    if len(_WORD.findall(text)) > MAX_WORDS:
        return None
    sentences = [m.group().strip().replace("’", "'") for m in _SENTENCE.finditer(text)]
    walls = [
        Stub(kind, sentence)
        for sentence in [*sentences, *(line.replace("’", "'") for line in removed)]
        if (kind := _kind(sentence)) is not None
    ]
    if not walls:
        return None
    wall = prose = 0
    for sentence in sentences:
        words = len(_WORD.findall(sentence))
        # A wall goes on for a sentence or two in its own words ("Subscribers, click below to
        # log in"): once the page shows one, a sentence in a wall's vocabulary is part of it.
        if _kind(sentence) is not None or _wall_words().search(sentence):
            wall += words
        elif words >= PROSE_WORDS and _FINAL.search(sentence):
            prose += words
    return walls[0] if wall >= prose else None
