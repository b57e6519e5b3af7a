"""Whether one text copies another: whole, in part, or reworded.

A copy need not be near the original as a whole. A local site that runs 802 characters of a
syndicated op-ed shares a seventh of the op-ed's shingles (Jaccard 0.15), though every word it
prints is the op-ed's; a scrape run through a synonym spinner shares almost no shingle at all.
So the question is one-sided, about the copy: how much of what its outlet wrote itself
(sentences outside quotation marks) is found in the other text, word for word (shingle
containment) or sentence by sentence in other words (:mod:`crosswire.dedup.align`). When most
of it is, the text is a copy, however much of the original it left out or what boilerplate it
added.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from crosswire.dedup.align import (
    MIN_SIMILARITY,
    Link,
    Unit,
    best_matches,
    link_units,
    quoted_mask,
    units,
    words,
)

CopyKind = Literal["exact", "contained", "reworded"]
# Most of a copy's own words are found in the original: a page that pastes another's article
# under a paragraph of its own is still its copy; one that quotes a few of its sentences is
# not (the quoted sentences are then linked one by one, see ``compare/origins.py``).
MIN_SHARE = 0.5
SHINGLE = 5
# Below this many words outside quotation marks, a text's sentences are judged all: a page
# that is mostly quotation still copies if its quotations are another's prose.
MIN_OWN_WORDS = 30
# Shingles with a word of the outlet's own, enough to judge a text by: even a page of
# quotations has its joins ('...," said Reid on the Senate floor, "however'), which a crop
# of another page shares and another reporter quoting the same words does not.
MIN_OWN_SHINGLES = 10
# A sentence or two in common is a formula ("At least 40 people were hurt, according to
# ...") or a quotation; a copy carries more of its original than that.
MIN_COPY_WORDS = 25


@dataclass(frozen=True, slots=True)
class CopyEvidence:
    """Why a text is a copy: ``kind``, the ``share`` of its own words found in the original,
    and how many of its characters (``chars``) it carries over."""

    kind: CopyKind
    share: float
    chars: int

    def describe(self, copy: str, original: str) -> str:
        """One line for a report: "B carries 802 characters of A's text (100% of its own)"."""
        how = {"exact": "repeats", "contained": "carries", "reworded": "rewords"}[self.kind]
        return (
            f"{copy} {how} {self.chars:,} characters of {original}'s text "
            f"({self.share:.0%} of its own words)"
        )


@dataclass(frozen=True, slots=True)
class Copy:
    """Text ``copy`` copies text ``original``."""

    copy: str
    original: str
    evidence: CopyEvidence


def own_units(found: list[Unit]) -> list[Unit]:
    """The sentences an outlet wrote itself: those outside quotation marks, unless they are
    too few to judge by (see :data:`MIN_OWN_WORDS`)."""
    own = [u for u in found if not u.quoted]
    return own if sum(len(u.words) for u in own) >= MIN_OWN_WORDS else found


Shingle = tuple[str, ...]


@dataclass(slots=True)
class Profile:
    """What a text is compared by: its sentences, and its word shingles split into those
    with a word the outlet wrote itself (``own``: the joins around a quotation, "...," he
    said. "From ..." included) and those wholly inside quotation marks (``quoted``)."""

    units: list[Unit]
    own: set[Shingle]
    quoted: set[Shingle]

    @property
    def shingles(self) -> set[Shingle]:
        return self.own | self.quoted


def profile(text: str) -> Profile:
    covered = quoted_mask(text)
    found, inside = words(text, covered)
    own: set[Shingle] = set()
    quoted: set[Shingle] = set()
    for i in range(len(found) - SHINGLE + 1):
        shingle = tuple(found[i : i + SHINGLE])
        (quoted if all(inside[i : i + SHINGLE]) else own).add(shingle)
    return Profile(units(text, covered), own, quoted)


def _contained(copy: Profile, original: Profile) -> float:
    """Share of the copy's own shingles found in the original. A copy that is almost all
    quotation is judged on its quotations too, found only where the original wrote them as
    its own prose (a page quoting an op-ed at length), never in the original's quotations."""
    if len(copy.own) >= MIN_OWN_SHINGLES:
        return len(copy.own & original.shingles) / len(copy.own)
    total = len(copy.own) + len(copy.quoted)
    if not total:
        return 0.0
    found = len(copy.own & original.shingles) + len(copy.quoted & original.own)
    return found / total


def judge(copy: Profile, original: Profile, aligned: np.ndarray) -> CopyEvidence | None:
    """Whether ``copy`` copies ``original``, given for each sentence of ``copy`` whether
    ``original`` carries it (``aligned``, a boolean per sentence)."""
    mine_only = set(own_units(copy.units))
    own = [(u, bool(a)) for u, a in zip(copy.units, aligned, strict=True) if u in mine_only]
    total = sum(len(u.words) for u, _ in own)
    reworded = sum(len(u.words) for u, a in own if a) / total if total else 0.0
    contained = _contained(copy, original)
    share = max(reworded, contained)
    carried = max(sum(len(u.words) for u, a in own if a), round(contained * total))
    if share < MIN_SHARE or carried < MIN_COPY_WORDS:
        return None
    chars = sum(u.end - u.start for u, a in own if a)
    if contained >= MIN_SHARE:
        same = [u.words for u in copy.units] == [u.words for u in original.units]
        return CopyEvidence("exact" if same else "contained", share, chars)
    return CopyEvidence("reworded", share, chars)


def copy_of(copy: str, original: str) -> CopyEvidence | None:
    """How ``copy`` copies ``original``, or None when it is no copy of it.

    Examples:
        >>> original = ("Crews worked through the night to shore up the Orvel dam. "
        ...             "The regional water board said the reservoir had fallen by a metre. "
        ...             "Residents of Kessel were told they could return home on Monday.")
        >>> copy_of("The regional water board said the reservoir had fallen by a metre.",
        ...         original).kind
        'contained'
        >>> copy_of(original, "The regional water board said the reservoir had fallen.") is None
        True
    """
    a, b = profile(copy), profile(original)
    return judge(a, b, best_matches(a.units, b.units) >= MIN_SIMILARITY)


def find_copies(texts: Mapping[str, str], order: Sequence[str] | None = None) -> list[Copy]:
    """Every text of the set that copies another, with the one it copies.

    Two texts that copy each other (a reworded copy, an exact one) are one original and its
    copy: the original is the one earlier in ``order`` (earliest published first, say;
    default: the mapping's order). A text that only the other contains (a crop) is the copy.
    """
    profiles = {key: profile(text) for key, text in texts.items()}
    return copies_among(profiles, link_units({k: p.units for k, p in profiles.items()}), order)


def copies_among(
    profiles: Mapping[str, Profile], links: list[Link], order: Sequence[str] | None = None
) -> list[Copy]:
    """:func:`find_copies` for texts already profiled and linked (see ``link_units``)."""
    rank = {key: i for i, key in enumerate(order or profiles)}
    by_pair: dict[tuple[str, str], set[int]] = {}
    for link in links:
        aligned = by_pair.setdefault((link.a, link.b), set())
        if not link.quotation:  # a pair sharing only quotations is still judged, by shingles
            aligned.add(link.i)
    verdicts: dict[tuple[str, str], CopyEvidence] = {}
    for (a, b), aligned in by_pair.items():
        mask = np.array([i in aligned for i in range(len(profiles[a].units))], dtype=bool)
        evidence = judge(profiles[a], profiles[b], mask)
        if evidence is not None:
            verdicts[(a, b)] = evidence
    copies = []
    for (a, b), evidence in verdicts.items():
        if (b, a) in verdicts and rank.get(a, 0) < rank.get(b, 0):
            continue  # mutual: the earlier one is the original
        copies.append(Copy(a, b, evidence))
    return sorted(copies, key=lambda c: (rank.get(c.copy, 0), rank.get(c.original, 0)))


__all__ = ["Copy", "CopyEvidence", "Profile", "copies_among", "copy_of", "find_copies", "profile"]
