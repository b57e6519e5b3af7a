"""Sentence spans cut at line breaks.

Kept apart from ``compare/text.py`` (which re-exports it) so that an analysis worker, which
needs only this of it, does not import scikit-learn for the stop words there: that import was
about three of the five seconds a spawned analysis worker took to start (``python -X
importtime -c "import crosswire.analyze.workers"``).
"""

from __future__ import annotations

from collections.abc import Iterator


def split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a sentence span at line breaks, trimming whitespace.

    spaCy glues a subheading to the sentence below it ("Rutte Raises Alarm ...\\nSpeaking in
    Brussels ..."); a line break in clean text always ends a sentence.

    Examples:
        >>> list(split_lines("Storm Warning\\n  Rain fell. ", 0, 26))
        [(0, 13), (16, 26)]
    """
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        while line_end > line_start and text[line_end - 1].isspace():
            line_end -= 1
        if line_end > line_start:
            yield line_start, line_end
