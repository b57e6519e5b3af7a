"""Who an article says made it: its byline, its wire or agency, the outlet it first ran in.

These lines are the text's own account of its origin: "Opinion by David Wilcox for CNN
Business Perspectives" on a local site says the piece is Wilcox's, written for CNN; "WASHINGTON
(AP) —" that the report is the Associated Press's; "This article was first published by The
Orvel Courier" that the page republishes another's. Two articles crediting one agency are one
origin however differently they were edited, and an outlet quoting a person is not a second
source beside that person's own op-ed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|da|del|la|le))*"
# "By Ilse Brandt", "Opinion by Ilse Brandt for the Vessa Post", "By A and B, Reuters"
_BYLINE = re.compile(
    rf"^(?i:(?:opinion|analysis|commentary|column|perspective)\s+)?(?i:by)\s+"
    rf"(?P<names>{_NAME}(?:\s+(?:and|&)\s+{_NAME})*)"
    rf"(?:\s*(?:,|\bfor\b|\bof\b|\|)\s*(?:the\s+)?(?P<publisher>{_NAME}))?\s*$"
)
# Wire datelines: "KESSEL, Vorland (AP) —", "(Reuters) -", "(CNN)"
_DATELINE = re.compile(
    r"^[^\n(]{0,60}\((?P<agency>AP|Reuters|AFP|UPI|CNN|dpa|Bloomberg)\)\s*[-—–]*"
)
_AGENCIES = {
    "ap": "Associated Press", "associated press": "Associated Press", "the associated press":
    "Associated Press", "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "upi": "UPI", "dpa": "dpa",
}
# "This article was first published by X", "originally appeared in X", "republished from X"
_FIRST_PUBLISHED = re.compile(
    r"\b(?:(?:was\s+)?(?:first|originally)\s+(?:published|appeared|ran)|republished)\s+"
    r"(?:by|in|on|from|with\s+permission\s+(?:of|from))\s+(?:the\s+)?(?P<publisher>"
    + _NAME + r")",
    re.IGNORECASE,
)
_HEAD_LINES = 3
_TAIL_LINES = 4
_MAX_LINE = 200


@dataclass(frozen=True, slots=True)
class Credit:
    """The people (``authors``) and the publisher or agency (``publisher``) a text credits."""

    authors: tuple[str, ...] = ()
    publisher: str | None = None
    lines: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.authors or self.publisher)

    def describe(self) -> str:
        who = " and ".join(self.authors)
        if who and self.publisher:
            return f"{who} for {self.publisher}"
        return who or self.publisher or ""


def _agency(name: str) -> str:
    return _AGENCIES.get(name.lower().strip(), name.strip())


def _split_names(names: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in re.split(r"\s+(?:and|&)\s+", names) if n.strip())


def find_credit(text: str, authors: list[str] | tuple[str, ...] = ()) -> Credit:
    """What ``text`` says about who made it (its first and last lines), with the ``authors``
    the input stated.

    Examples:
        >>> find_credit("Opinion by Ilse Brandt for Vessa Post Perspectives\\n\\nThe dam...")
        Credit(authors=('Ilse Brandt',), publisher='Vessa Post Perspectives', lines=(...))
        >>> find_credit("KESSEL, Vorland (AP) — The dam held.").publisher
        'Associated Press'
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    names: list[str] = list(authors)
    publisher = None
    used = []
    for line in lines[:_HEAD_LINES]:
        if len(line) > _MAX_LINE:
            match = _DATELINE.match(line)
            if match:
                publisher = publisher or _agency(match.group("agency"))
                used.append(line[: match.end()])
            continue
        byline = _BYLINE.match(line)
        if byline:
            names += _split_names(byline.group("names"))
            if byline.group("publisher"):
                publisher = publisher or _agency(byline.group("publisher"))
            used.append(line)
        elif (match := _DATELINE.match(line)) is not None:
            publisher = publisher or _agency(match.group("agency"))
            used.append(line[: match.end()])
    for line in lines[-_TAIL_LINES:]:
        match = _FIRST_PUBLISHED.search(line) if len(line) <= _MAX_LINE else None
        if match:
            publisher = publisher or match.group("publisher").rstrip(".")
            used.append(line)
    return Credit(tuple(dict.fromkeys(names)), publisher, tuple(used))
