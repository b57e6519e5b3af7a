"""Which discrepancies are worth an analyst's time: why each is one, and how sure we are.

Every producer of a discrepancy knows best why its kind is one (the figure comparison knows
that two values measure the same thing in the same period); when it says so (``why``), its
``confidence`` stands. Two things are checked here:

- for every kind, that the sides come from independent origins: an outlet quoting another's
  op-ed cannot contradict it, so a discrepancy whose sides all rest on one origin is none;
- for a discrepancy its producer gave no ``why``, that the sides are about one thing:
  sentences that share nothing but a number or a noun ("12 risks the Fed faces" / "the 12
  regional Fed banks") are different things, and a discrepancy lumping many sides is more
  often several unrelated figures than one contradiction.

The report lists discrepancies by confidence and folds the weak ones
(:mod:`crosswire.compare.rank`).
"""

from __future__ import annotations

import re

from crosswire.compare.origins import Origins, passage_origins
from crosswire.compare.sources import Source
from crosswire.compare.text import content_stems
from crosswire.records import Discrepancy, Passage

# Sides that share this share of their content words (numbers aside; overlap over the smaller
# sentence) are about one thing; sharing none, they are not.
SAME_SUBJECT = 0.35
# Two or three sides are a dispute; each side beyond three makes it likelier that unrelated
# statements were lumped together.
_PLAIN_SIDES = 3
_PER_EXTRA_SIDE = 0.15
_NUMBER = re.compile(r"^\d")


def _stems(passage: Passage) -> set[str]:
    return {s for s in content_stems(passage.text) if not _NUMBER.match(s)}


def subject_overlap(sides: list[Passage]) -> float:
    """How much the sides' sentences share besides numbers: the mean, over each side, of its
    best overlap with another side (1 when every side has a twin, 0 when none shares a word)."""
    stems = [_stems(p) for p in sides]
    best = []
    for i, a in enumerate(stems):
        scores = [
            len(a & b) / min(len(a), len(b))
            for j, b in enumerate(stems)
            if j != i and a and b
        ]
        best.append(max(scores, default=0.0))
    return sum(best) / len(best) if best else 0.0


def subject_assessment(discrepancy: Discrepancy) -> tuple[float, str]:
    """Confidence and why for a discrepancy whose producer gave none."""
    sides = discrepancy.sides
    subject = subject_overlap(sides)
    confidence = min(1.0, subject / SAME_SUBJECT)
    extra = max(0, len(sides) - _PLAIN_SIDES)
    confidence *= max(0.0, 1 - _PER_EXTRA_SIDE * extra)
    why = f"the sides' sentences share {subject:.0%} of their words besides numbers"
    if extra:
        why += f"; {len(sides)} sides, so possibly several unrelated statements"
    return confidence, why


def assess(discrepancy: Discrepancy, sources: list[Source], origins: Origins) -> Discrepancy:
    """``discrepancy`` with its ``why`` and ``confidence`` filled in or checked (see the module
    docstring)."""
    if not discrepancy.why:
        discrepancy.confidence, discrepancy.why = subject_assessment(discrepancy)
    outlet_of = {s.article.id: s.outlet for s in sources}
    sides = [(outlet_of[p.article], p, None) for p in discrepancy.sides if p.article in outlet_of]
    independent = passage_origins(sides, origins)
    if len(independent) < 2 and len({o for o, _, _ in sides}) >= 2:
        discrepancy.confidence = 0.0
        discrepancy.why = (
            f"the sides rest on one origin ({independent[0]}): one outlet carries the "
            f"other's words, so they cannot contradict each other"
        )
    return discrepancy
