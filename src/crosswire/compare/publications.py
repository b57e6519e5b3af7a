"""Publications among credited speakers and sources.

Reporters write where a remark was reported as if it were who made it: "the senator,
according to the Times, said ..." leaves the extractor with "Times" as the speaker, and
another outlet's "the senator told the Times" with the senator. A newspaper, agency or
broadcaster is where the words appeared, not a second speaker, so it never contradicts a
person credited with the same words. The names live in ``publications.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

PUBLICATIONS_FILE = Path(__file__).with_name("publications.json")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(PUBLICATIONS_FILE.read_text(encoding="utf-8"))
    return frozenset(data["heads"]), frozenset(data["agencies"])


def is_publication(name: str | None, outlets: tuple[str, ...] = ()) -> bool:
    """Whether a credited name is a publication: a capitalised name ending in a
    publication's head word ("the New York Times", "Shelton Weekly"), a known agency or
    broadcaster, or the name of one of ``outlets`` (domains such as "nytimes.com").

    Examples:
        >>> is_publication("the Harbour Times"), is_publication("Tomas Quill")
        (True, False)
        >>> is_publication("Orvel", outlets=("orvel.example",))
        True
    """
    if not name:
        return False
    words = _WORD.findall(name)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not all(w[:1].isupper() or w.isdigit() for w in words):
        return False  # "the paper he runs": a description, left to the text
    heads, agencies = _names()
    if words[-1].lower() in heads or " ".join(words).lower() in agencies:
        return True
    key = "".join(words).lower()
    return any(key == _outlet_key(o) for o in outlets if _outlet_key(o))


def _outlet_key(domain: str) -> str:
    """The name part of a domain: "thecaucus.blogs.nytimes.com" -> "nytimes"."""
    parts = [p for p in domain.lower().split(".") if p]
    return parts[-2] if len(parts) >= 2 else (parts[0] if parts else "")
