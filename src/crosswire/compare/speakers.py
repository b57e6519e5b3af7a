"""Whether two speaker names refer to the same actor.

Uses ``crosswire.analyze.actors.same_actor`` when the analysis stage provides it; until then
a local rule: names match when one is the other's tail ("Rutte" / "Mark Rutte"), ignoring
case, titles and punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "general", "secretary"}


def _tokens(name: str) -> list[str]:
    words = re.findall(r"[\w'’-]+", name.lower())
    return [w for w in words if w not in _TITLES]


def local_same_actor(a: str, b: str) -> bool:
    """"Rutte" and "Mark Rutte" are one actor; "Mark Rutte" and "Mark Carney" are not."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    short, long = sorted((ta, tb), key=len)
    return long[-len(short):] == short


def _resolve() -> Callable[[str, str], bool]:
    try:
        from crosswire.analyze.actors import same_actor  # type: ignore[attr-defined]
    except ImportError:
        return local_same_actor
    return same_actor


same_actor = _resolve()


def compatible_speakers(a: str | None, b: str | None) -> bool:
    """Unknown speakers never conflict: we only flag two different named speakers."""
    return a is None or b is None or same_actor(a, b)
