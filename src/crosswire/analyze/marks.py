"""Quotation spans from quotation marks, on plain text (no parse needed).

Outlets mix straight and curly marks, continue a quote over paragraphs by opening each
paragraph and closing only the last, and sometimes forget a closing mark. Archive text (the
New York Times' among it) writes a double quotation mark as two apostrophes (``''``): that
pair counts as a straight mark. Pairing the marks on
the text first gives the spans the parse-based attribution then works on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
DOUBLED = "''"
ALL_MARKS = OPENING | CLOSING | {STRAIGHT, "‘", "’", "'"}
# Single marks quote too (British and Indian outlets, headlines everywhere), but "’" and "'"
# are also apostrophes: a single-quoted span opens at the start of a word and closes before
# a space or a stop, within one paragraph, and only outside double-quoted text (inside it, a
# single-quoted span is a quotation within the quotation).
SINGLE_PAIRS = {"‘": "’", "'": "'"}
_SINGLE_MARK = re.compile("[‘']")
_DOUBLE_MARK = re.compile("''|[" + "".join(sorted(OPENING | CLOSING)) + '"]')
_SINGLE_LONGEST = 600
_BEFORE_OPENING = "([{—–-:/"
_AFTER_CLOSING = ",.;:!?)]—–-…\"”"


@dataclass(slots=True)
class Quotation:
    """Text between a pair of quotation marks.

    ``open``/``close`` are the offsets of the marks (``close`` is the paragraph end when the
    closing mark is missing); ``parts`` are the content spans, one per paragraph, without the
    marks that reopen a continued paragraph.
    """

    open: int
    close: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.parts[0][0] if self.parts else self.open + 1

    @property
    def end(self) -> int:
        return self.close

    @property
    def after(self) -> int:
        """Offset just after the closing mark: where the text after the quote begins."""
        return self.close + self.close_width if self.closed else self.close


def find_quotations(text: str) -> list[Quotation]:
    """Pair the quotation marks of ``text`` into quotations, in order.

    Examples:
        >>> [text[q.start:q.end] for text in ['He said: "Go." Then “stop”.']
        ...  for q in find_quotations(text)]
        ['Go.', 'stop']
    """
    quotes: list[Quotation] = []
    current: Quotation | None = None
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        para_end = length if nl == -1 else nl
        i = pos
        if current is not None:
            # A quote left open at the previous paragraph's end continues only when this
            # paragraph reopens it; otherwise it ended with its paragraph. Blank lines
            # between the paragraphs do not end it.
            lead = _first_non_space(text, pos, para_end)
            if lead is None and nl != -1:
                pos = nl + 1
                continue
            if lead is not None and text[lead] in OPENING | {STRAIGHT}:
                current.parts.append((lead + 1, lead + 1))
                i = lead + 1
            elif lead is not None and text.startswith(DOUBLED, lead):
                current.parts.append((lead + 2, lead + 2))
                i = lead + 2
            else:
                _close_unterminated(current, text)
                quotes.append(current)
                current = None
        while (mark := _DOUBLE_MARK.search(text, i, para_end)) is not None:
            i = mark.start()  # only the marks are visited, not every character
            ch = text[i]
            width = mark.end() - i
            straight = ch == STRAIGHT or width == 2
            if ch == STRAIGHT and current is None and _only_closes(text, i):
                i += 1  # 'Ute." They concluded': a closing mark whose opening was cut away
                continue
            if ch == STRAIGHT and current is not None and _reopens(text, i, current):
                # '"It was late. "Then ...': the closing mark was lost, the quote so far
                # ended with its sentence and a new one opens.
                s, _ = current.parts[-1]
                current.parts[-1] = (s, i)
                _close_unterminated(current, text)
                quotes.append(current)
                current = None
            nested = _nested_curly(text, i, para_end, current) if ch in OPENING else None
            if nested is not None:
                i = nested + 1  # '"It isn’t about “fair play” now."': a quote within
                continue
            if ch in OPENING or (straight and current is None):
                if current is not None and ch in OPENING:
                    # A second opening before any closing: the first mark was stray.
                    current = None
                current = Quotation(open=i, close=i, parts=[(i + width, i + width)])
            elif (ch in CLOSING or straight) and current is not None:
                current.close = i
                current.close_width = width
                s, _ = current.parts[-1]
                current.parts[-1] = (s, i)
                quotes.append(current)
                current = None
            i += width
        if current is not None:
            s, _ = current.parts[-1]
            current.parts[-1] = (s, para_end)
            current.close = para_end
        if nl == -1:
            break
        pos = nl + 1
    if current is not None:
        _close_unterminated(current, text)
        quotes.append(current)
    doubles = [q for q in quotes if q.end - q.start > 0]
    singles = _single_quotations(text, doubles)
    return sorted(doubles + singles, key=lambda q: q.open) if singles else doubles


def _single_quotations(text: str, doubles: list[Quotation]) -> list[Quotation]:
    """Spans in single marks ("‘not optimistic’", "'the brilliant script'") that lie outside
    every double-quoted one."""
    out: list[Quotation] = []
    taken = [(q.open, q.after) for q in doubles]
    resume = 0
    for mark in _SINGLE_MARK.finditer(text):
        i = mark.start()
        if i < resume or not _opens_single(text, i):
            continue
        close = _single_close(text, i)
        if close is None:
            continue
        if not any(a < close + 1 and i < b for a, b in taken) and not _whole_line(text, i, close):
            out.append(Quotation(open=i, close=close, parts=[(i + 1, close)]))
        resume = close + 1
    return out


def _whole_line(text: str, open_: int, close: int) -> bool:
    """A line that is nothing but a single-quoted phrase is a subheading quoting the article
    ("'A change warrior.'"), not a statement reported there."""
    start = text.rfind("\n", 0, open_) + 1
    end = text.find("\n", close)
    rest = text[start:open_] + text[close + 1 : len(text) if end == -1 else end]
    return not rest.strip(" \t.,:;")


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPENING) and (after.isalnum() or after in "“\"")


def _single_close(text: str, i: int) -> int | None:
    """Offset of the mark closing the single quotation opened at ``i`` (same paragraph)."""
    closer = SINGLE_PAIRS[text[i]]
    end = min(len(text), i + _SINGLE_LONGEST)
    newline = text.find("\n", i)
    if newline != -1:
        end = min(end, newline)
    fallback = None
    for k in range(i + 2, end):
        if text[k] == "‘" and closer == "’" and _opens_single(text, k):
            break  # the next quotation opens: this one closed before it or not at all
        if text[k] != closer:
            continue
        after = text[k + 1] if k + 1 < len(text) else " "
        if text[k - 1].isspace() or not (after.isspace() or after in _AFTER_CLOSING):
            continue
        if k == i + 2:
            return None  # one letter between two marks: "rock 'n' roll"
        if text[k - 1] == "s" and text[k + 2 : k + 3].islower():
            # "the workers’ jobs": a plural possessive; with curly marks, it closes the
            # quote only when no other mark does ("‘dancing in streets’ over ...").
            if fallback is None and closer == "’":
                fallback = k
            continue
        return k
    return fallback


def _nested_curly(text: str, i: int, end: int, current: Quotation | None) -> int | None:
    """Where a curly quotation opened at ``i`` inside a straight one closes (the offset of its
    closing mark): it must close before the next straight mark, and that mark must follow in
    the paragraph to close the straight quotation; else None (a stray straight mark)."""
    if current is None or text[i] not in OPENING or text[current.open] != STRAIGHT:
        return None
    for k in range(i + 1, end):
        if text[k] == STRAIGHT or text[k] in OPENING:
            return None
        if text[k] in CLOSING:
            return k if STRAIGHT in text[k + 1 : end] else None
    return None


def _only_closes(text: str, i: int) -> bool:
    """A straight mark after a word and before a space or a stop cannot open a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isspace() or before in _BEFORE_OPENING) and (
        after.isspace() or after in ",.;:!?)]"
    )


def _reopens(text: str, i: int, current: Quotation) -> bool:
    """A straight mark that can only open, after a finished sentence inside the open quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    start = current.parts[-1][0]
    inside = text[start:i].rstrip()
    return before.isspace() and after.isalnum() and len(inside) > 1 and inside[-1] in ".!?"


def _first_non_space(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None


def _close_unterminated(quote: Quotation, text: str) -> None:
    quote.closed = False
    s, e = quote.parts[-1]
    while e > s and text[e - 1].isspace():
        e -= 1
    quote.parts[-1] = (s, e)
    quote.close = e
