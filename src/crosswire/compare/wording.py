"""How outlets' wordings of one statement relate: who quotes only part, who adds words.

Translations and paraphrases change a word here and there; those are marked in the report.
What a reader also needs spelled out is the larger difference: an outlet that cuts a remark
down to a phrase, or one that carries whole sentences of it that no other outlet does.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from crosswire.records import Passage

# Numbers with separators ("1.1", "12,000") and words with inner apostrophes ("doesn't",
# "Putin’s") stay one token; punctuation and spaces are never compared, so curly versus straight
# quotes or a moved comma do not count as a change.
WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
# A run of this many words that no other outlet carries is an addition, not a rewording.
MIN_ADDED_WORDS = 6
# A wording this much shorter than the fullest one, and mostly contained in it, is a part.
MAX_PART_SHARE = 0.6
MIN_CONTAINED = 0.8
# Words of an addition shown in a note.
SHOWN_WORDS = 14


def word_key(word: str) -> str:
    return word.lower().replace("’", "'")


def word_keys(text: str) -> list[str]:
    """The compared words of ``text``, in order."""
    return [word_key(m.group()) for m in WORD.finditer(text)]


def unmatched(a: list[str], b: list[str]) -> list[bool]:
    """For each word of ``a``: True when SequenceMatcher cannot align it with a word of ``b``."""
    matched = [False] * len(a)
    # autojunk would treat frequent words ("the") as junk in long quotes and mark them changed.
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            matched[k] = True
    return [not m for m in matched]


def wording_notes(variants: list[Passage], outlets: list[str]) -> list[str]:
    """Notes on each outlet's wording against the other outlets' ("quotes only part of it",
    "adds: ..."); ``outlets[i]`` names the outlet of ``variants[i]``. Empty for one outlet."""
    if len(set(outlets)) < 2:
        return []
    words = [list(WORD.finditer(v.text)) for v in variants]
    keys = [[word_key(m.group()) for m in found] for found in words]
    n = len(variants)
    others = [[j for j in range(n) if outlets[j] != outlets[i]] for i in range(n)]
    alone = [_alone(keys, i, others[i]) for i in range(n)]
    # A fragment: much shorter than another outlet's wording and nearly all found in others.
    part_of: dict[int, int] = {}
    for i in range(n):
        own_longest = max(len(keys[j]) for j in range(n) if outlets[j] == outlets[i])
        if not keys[i] or len(keys[i]) < own_longest or not others[i]:
            continue
        fullest = max(others[i], key=lambda j: len(keys[j]))
        contained = 1 - sum(alone[i]) / len(keys[i])
        if len(keys[i]) <= MAX_PART_SHARE * len(keys[fullest]) and contained >= MIN_CONTAINED:
            part_of[i] = fullest
    notes: list[str] = []
    for i, variant in enumerate(variants):
        if i in part_of:
            notes.append(
                f"{outlets[i]} quotes only part of it "
                f"({len(keys[i])} of {len(keys[part_of[i]])} words)"
            )
        # What a fragment lacks is no addition of the fuller wording: only full wordings of
        # other outlets can show that words were added.
        witnesses = [j for j in others[i] if j not in part_of]
        if not witnesses:
            continue
        run = _longest_run(_alone(keys, i, witnesses))
        if run is None or run[1] - run[0] < MIN_ADDED_WORDS:
            continue
        first, last = words[i][run[0]], words[i][run[1] - 1]
        cut = run[1] - run[0] > SHOWN_WORDS
        if cut:
            last = words[i][run[0] + SHOWN_WORDS - 1]
        shown = variant.text[first.start() : last.end()] + (" …" if cut else "")
        notes.append(f"{outlets[i]} adds words no other outlet quotes: “{shown}”")
    return notes


def _alone(keys: list[list[str]], i: int, others: list[int]) -> list[bool]:
    """For each word of variant ``i``: True when none of ``others`` has it aligned."""
    flags = [True] * len(keys[i])
    for j in others:
        flags = [x and y for x, y in zip(flags, unmatched(keys[i], keys[j]), strict=True)]
    return flags


def _longest_run(flags: list[bool]) -> tuple[int, int] | None:
    """The longest run of True, as (start, end) word indices."""
    best: tuple[int, int] | None = None
    start = None
    for k, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = k
        elif not flag and start is not None:
            if best is None or k - start > best[1] - best[0]:
                best = (start, k)
            start = None
    return best
