"""Word-level text helpers of the comparison: crude stems and overlap for figures and
speakers, fuzzy ratios, passages and line splitting (whether two passages state the same
thing is :mod:`crosswire.compare.meaning`'s question).

Outlets translate and paraphrase the same statement ("global" / "worldwide", "convinced" /
"conviction"), so comparisons work on sets of crude stems of content words rather than on
exact strings; rapidfuzz catches near-identical wording the stems miss.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from crosswire.lines import split_lines  # noqa: F401 - re-exported: where it used to live
from crosswire.records import Passage

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*")
# Reporting verbs and fillers carry no content: "he said" must not make two sentences alike.
_FILLER = {
    "said", "says", "say", "added", "told", "stated", "noted", "stressed", "according",
    "also", "just", "really", "very", "like", "would", "could", "will",
}
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _FILLER
STEM_LENGTH = 5


def stem(word: str) -> str:
    """A crude prefix stem: cheap, language-agnostic, and it merges most inflections and
    derivations that translations vary on ("convinced"/"conviction", "wounded"/"wounds")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:STEM_LENGTH]


def content_stems(text: str) -> set[str]:
    """Stems of the content words (and numbers) of a text."""
    return {
        stem(w)
        for w in WORD.findall(text)
        if w.lower().replace("’", "'") not in STOP_WORDS and (len(w) > 2 or w[0].isdigit())
    }


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def containment(a: set[str], b: set[str]) -> float:
    """Share of ``a`` found in ``b``: one-sided, because an outlet may cut a quote short."""
    return len(a & b) / len(a) if a else 0.0


def overlap(a: set[str], b: set[str]) -> float:
    """Overlap coefficient: shared stems over the smaller set."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def fuzzy(a: str, b: str) -> float:
    """rapidfuzz token-sort ratio in [0, 1]: word order changes do not matter."""
    return fuzz.token_sort_ratio(a.lower(), b.lower()) / 100.0


def passage(article_id: str, text: str, start: int, end: int) -> Passage:
    """A Passage whose text is exactly ``text[start:end]`` of the article's clean text."""
    return Passage(article=article_id, text=text[start:end], start=start, end=end)
