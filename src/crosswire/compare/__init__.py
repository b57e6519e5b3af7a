"""Compare the sources of a story: corroborated, single-source, conflicting, unique.

``compare_story`` is loaded on first use: the report and the command import small parts of
this package (source names, wording notes), and must not pay for scikit-learn and spaCy,
which the comparison itself needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosswire.compare.story import compare_story

__all__ = ["compare_story"]


def __getattr__(name: str) -> Any:
    if name == "compare_story":
        from crosswire.compare.story import compare_story

        return compare_story
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
