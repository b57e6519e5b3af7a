"""Sentence alignment between texts: which sentence of one text another text carries, word for
word or reworded.

Word shingles find a copy only while its wording survives: a scrape run through a synonym
spinner ("Important pieces of information arrived" / "Necessary items of data arrived")
shares almost no five-word run with its original, yet every sentence keeps its length, its
order, its small words, names and numbers. The edit distance over the words of two sentences
sees that: a spun sentence keeps 55-75% of its words in place, while sentences that two
reporters wrote about the same event keep under 30% (measured by ``bench/copies.py``).

Quoted words are the speaker's, not the outlet's: two reporters quoting one statement write
the same sentence without either copying the other. Each sentence therefore records whether
it is mostly inside quotation marks, and the copy decisions weigh what an outlet wrote itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from scipy import sparse

from crosswire.analyze.marks import find_quotations

_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence ends at a stop (maybe closing a quotation) before a capital, a digit or an
# opening mark, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\s*\n\s*")
# Shorter sentences ("Perry said.", "Read more:") recur in any two texts.
MIN_WORDS = 6
# Two sentences are one (copied or reworded) when this share of their words survive in order
# (normalised word edit distance): see the module docstring for what the figure separates.
MIN_SIMILARITY = 0.5
# Own words a mostly quoted sentence needs around its quotation before their survival says
# copy: an attribution tag ("said the board's chair, Ida Brannock") is formulaic, a framing
# clause of ten words or more is a reporter's own.
MIN_FRAME_WORDS = 10
# Candidate sentence pairs must share this many distinct words first (a cheap sparse product
# instead of an edit distance for every pair of sentences of a set).
MIN_SHARED_WORDS = 3


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of a text: its span, its lower-cased words, whether it is quoted, and
    its words outside quotation marks (the outlet's own)."""

    start: int
    end: int
    words: tuple[str, ...]
    quoted: bool
    own: tuple[str, ...] = ()


def quoted_mask(text: str) -> np.ndarray:
    """For each character of ``text``, whether it lies inside quotation marks."""
    inside = np.zeros(len(text) + 1, dtype=np.int32)
    for q in find_quotations(text):
        for s, e in q.parts:
            inside[s] += 1
            inside[e] -= 1
    return np.cumsum(inside)[: len(text)] > 0


def words(text: str, covered: np.ndarray | None = None) -> tuple[list[str], list[bool]]:
    """The lower-cased words of ``text`` and, for each, whether it is inside a quotation."""
    covered = quoted_mask(text) if covered is None else covered
    found = list(_WORD.finditer(text))
    return [m.group().lower() for m in found], [bool(covered[m.start()]) for m in found]


def units(text: str, covered: np.ndarray | None = None) -> list[Unit]:
    """The sentences of ``text`` worth aligning (at least :data:`MIN_WORDS` words).

    Examples:
        >>> [u.quoted for u in units('The wall held through the night in Orvel. '
        ...                          '"We will rebuild every metre of it," the mayor said.')]
        [False, True]
    """
    covered = quoted_mask(text) if covered is None else covered
    found = []
    start = 0
    for m in [*_BOUNDARY.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        matches = list(_WORD.finditer(text, start, end))
        words = tuple(m.group().lower() for m in matches)
        if len(words) >= MIN_WORDS:
            span = covered[start:end]
            own = tuple(m.group().lower() for m in matches if not covered[m.start()])
            quoted = bool(span.mean() >= 0.5) if len(span) else False
            found.append(Unit(start, end, words, quoted, own))
        if m is not None:
            start = m.end()
    return found


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of two word sequences kept in order: 1 - normalised word edit distance."""
    return float(Levenshtein.normalized_similarity(a, b))


@dataclass(frozen=True, slots=True)
class Link:
    """Sentence ``i`` of text ``a`` carried by sentence ``j`` of text ``b``; ``quotation``
    when both are quotations (the speaker's words: evidence of no copy, see the module
    docstring)."""

    a: str
    i: int
    b: str
    j: int
    similarity: float
    quotation: bool = False


def link_units(
    texts: Mapping[str, list[Unit]], min_similarity: float = MIN_SIMILARITY
) -> list[Link]:
    """Every pair of sentences of two different texts that are one sentence, in both
    directions (a link from ``a`` to ``b`` and the same from ``b`` to ``a``).

    Candidates are pairs sharing :data:`MIN_SHARED_WORDS` distinct words (one sparse matrix
    product over the set); only they get an edit distance.
    """
    owner: list[tuple[str, int]] = [(key, i) for key, us in texts.items() for i in range(len(us))]
    if len(owner) < 2:
        return []
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, (key, i) in enumerate(owner):
        for word in set(texts[key][i].words):
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(owner), len(vocabulary))
    )
    # Words in a large share of all sentences ("the", "said") make every pair a candidate.
    frequent = np.asarray(matrix.sum(axis=0)).ravel() > max(50, len(owner) // 10)
    matrix = matrix[:, np.flatnonzero(~frequent)]
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    keep = shared.data >= MIN_SHARED_WORDS
    links = []
    pairs = [
        (r, c) for r, c in zip(shared.row[keep], shared.col[keep], strict=True)
        if owner[r][0] != owner[c][0]
    ]
    for r, c in pairs:
        (ka, i), (kb, j) = owner[r], owner[c]
        score = similarity(texts[ka][i].words, texts[kb][j].words)
        if score >= min_similarity:
            ua, ub = texts[ka][i], texts[kb][j]
            quotation = ua.quoted and ub.quoted and not same_prose(ua, ub, min_similarity)
            links += [Link(ka, i, kb, j, score, quotation), Link(kb, j, ka, i, score, quotation)]
    return links


def same_prose(a: Unit, b: Unit, min_similarity: float = MIN_SIMILARITY) -> bool:
    """Whether two mostly quoted sentences also share the outlet's own words around the
    quotation ("Vale accused the board of a reckless policy on the dam, saying ..." / "He
    accused the board of carrying out a reckless policy on the dam, saying ..."): reporters
    quoting one remark frame it in their own words, a wire story's frame survives its
    copies. Such a pair is a copy, not two outlets quoting one speaker."""
    if min(len(a.own), len(b.own)) < MIN_FRAME_WORDS:
        return False  # "said the board's chair, Ida Brannock": a tag any reporter writes
    return similarity(a.own, b.own) >= min_similarity


def best_matches(a: list[Unit], b: list[Unit]) -> np.ndarray:
    """For each sentence of ``a``, its best similarity to a sentence of ``b`` (0 if none); a
    quotation is matched only with what ``b`` writes itself, as in :func:`link_units`."""
    if not a or not b:
        return np.zeros(len(a))
    scores = np.asarray(process.cdist(
        [u.words for u in a], [u.words for u in b], scorer=Levenshtein.normalized_similarity
    ))
    both_quoted = np.outer([u.quoted for u in a], [u.quoted for u in b])
    scores[both_quoted] = 0.0
    return scores.max(axis=1)
