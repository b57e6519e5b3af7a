"""The order and the fold of a story's discrepancies, read by the comparison and the report.

Discrepancies carry their ``confidence`` (see :mod:`crosswire.compare.assess`); the report
lists them most certain first and folds those under :data:`FOLD_BELOW`, in every format.
This module is the one both sides import, so it stays free of the comparison's imports.
"""

from __future__ import annotations

from crosswire.records import Discrepancy

# Below this a discrepancy is folded: listed after the others, collapsed, left out of the
# story summary.
FOLD_BELOW = 0.5


def weak(discrepancy: Discrepancy) -> bool:
    """Whether the report folds ``discrepancy`` (and the summary leaves it out)."""
    return discrepancy.confidence < FOLD_BELOW


# Between equally certain discrepancies, a disagreement over what a number is or counts
# matters most (then different bodies' values, a spread of views), then where and when the
# remarks were made, then who is credited.
KIND_ORDER = (
    "figure-value",
    "figure-meaning",
    "figure-spread",
    "attribution",
    "venue",
    "date",
    "figure-attribution",
)


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def ranked(discrepancies: list[Discrepancy]) -> list[Discrepancy]:
    """Most certain first, then by kind; ties keep the order the comparison found them in."""
    order = sorted(
        enumerate(discrepancies), key=lambda p: (-p[1].confidence, _kind_rank(p[1].kind), p[0])
    )
    return [d for _, d in order]
