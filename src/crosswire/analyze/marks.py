"""Quotation spans from quotation marks, on plain text (no parse needed).

Outlets mix straight and curly marks, continue a quote over paragraphs by opening each
paragraph and closing only the last, and sometimes forget a closing mark. Archive text (the
New York Times' among it) writes a double quotation mark as two apostrophes (``''``): that
pair counts as a straight mark. Pairing the marks on
the text first gives the spans the parse-based attribution then works on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
DOUBLED = "''"
ALL_MARKS = OPENING | CLOSING | {STRAIGHT}


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
            # paragraph reopens it; otherwise it ended with its paragraph.
            lead = _first_non_space(text, pos, para_end)
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
        while i < para_end:
            ch = text[i]
            width = 2 if text.startswith(DOUBLED, i) else 1
            straight = ch == STRAIGHT or width == 2
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
    return [q for q in quotes if q.end - q.start > 0]


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
