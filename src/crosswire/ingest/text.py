"""Plain text articles: the first line is a title only when it looks like one."""

from __future__ import annotations

import re

from crosswire.records import RawItem

TITLE_MAX_CHARS = 160
TITLE_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"”’)]*$")


def looks_like_title(line: str) -> bool:
    """Short and without a final full stop: a headline, not the article's first paragraph."""
    line = line.strip()
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not _SENTENCE_END.search(line)
    )


def read_text(source: str, text: str) -> RawItem:
    """A :class:`RawItem` from a text file's content."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.strip("\n").split("\n")
    title = None
    if len(lines) > 1 and looks_like_title(lines[0]):
        title = lines[0].strip()
        lines = lines[1:]
    return RawItem(source=source, body="\n".join(lines).strip(), title=title)
