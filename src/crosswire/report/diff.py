"""Word-level differences between the wordings of one statement.

Outlets that translate or paraphrase the same remark change a few words and keep the rest; a
reader comparing columns needs those few words marked, not the whole quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.compare.wording import MAX_PART_SHARE, WORD, unmatched, word_key


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a variant's text; ``differs`` when its words are not in every other variant."""

    text: str
    differs: bool = False


def mark_differences(variants: Sequence[str]) -> list[list[Segment]]:
    """Split each variant into segments, flagging words it does not share with every other one.

    The segments of a variant join back to exactly its text. Neighbouring changed words
    separated only by spaces or punctuation form one segment, so "**broke soon** after" reads as
    one change rather than a run of separately marked words.

    Examples:
        >>> a, b = mark_differences(["the dam gave way", "the dam broke"])
        >>> [s.text for s in a if s.differs], [s.text for s in b if s.differs]
        (['gave way'], ['broke'])
    """
    matches = [list(WORD.finditer(text)) for text in variants]
    keys = [[word_key(m.group()) for m in found] for found in matches]
    marked: list[list[Segment]] = []
    for i, text in enumerate(variants):
        differs = [False] * len(keys[i])
        # A fragment another outlet quotes ("every metre of the embankment") says nothing of
        # how the full wordings differ: each wording is held against those of comparable length.
        peers = [j for j in range(len(variants)) if j != i]
        comparable = [j for j in peers if len(keys[j]) >= MAX_PART_SHARE * len(keys[i])]
        for j in comparable or peers:
            missing = unmatched(keys[i], keys[j])
            differs = [d or u for d, u in zip(differs, missing, strict=True)]
        marked.append(_segments(text, matches[i], differs))
    return marked


def _segments(text: str, words: list[re.Match[str]], differs: list[bool]) -> list[Segment]:
    """Cut ``text`` at the edges of changed word runs."""
    runs: list[tuple[int, int]] = []
    for match, changed in zip(words, differs, strict=True):
        if not changed:
            continue
        if runs and not any(c.isalnum() for c in text[runs[-1][1] : match.start()]):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    segments: list[Segment] = []
    pos = 0
    for start, end in runs:
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], differs=True))
        pos = end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments
