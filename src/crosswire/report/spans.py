"""An article's clean text cut into runs and marked spans, for templates to wrap in elements.

Spans come from several extractors (quotes, speakers, figures, people, cited passages) and may
nest or cross; HTML elements can only nest. The cutting is done here once, the markup in the
templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to wrap: its classes, and the element id and tooltip it gets (if any)."""

    start: int
    end: int
    cls: str
    id: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    """``open`` a mark, ``close`` the innermost open one, or ``text`` to write (escaped)."""

    kind: str
    text: str = ""
    mark: Mark | None = None


def tokens(text: str, marks: Iterable[Mark]) -> Iterator[Token]:
    """The text as a well-nested sequence of tokens.

    Marks are taken by start, longest first. A mark nested in another nests; one that crosses
    the end of an enclosing mark is cut at that end (it keeps its id, so links to it still
    resolve). Marks outside the text, or empty, are dropped.

    Examples:
        >>> [t.kind for t in tokens("ab cd", [Mark(0, 5, "q"), Mark(3, 5, "p")])]
        ['open', 'text', 'open', 'text', 'close', 'close']
    """
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end)
    )
    pos = 0
    open_ends: list[int] = []

    def close_until(limit: int) -> Iterator[Token]:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            if end > pos:
                yield Token("text", text[pos:end])
            yield Token("close")
            pos = end

    for mark in ordered:
        yield from close_until(mark.start)
        if mark.start > pos:
            yield Token("text", text[pos : mark.start])
        pos = mark.start
        open_ends.append(min(mark.end, open_ends[-1]) if open_ends else mark.end)
        yield Token("open", mark=mark)
    yield from close_until(len(text))
    if pos < len(text):
        yield Token("text", text[pos:])
