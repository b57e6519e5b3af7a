"""Named quote rules that can be read, switched off and measured alone.

Each rule of quote extraction that a benchmark should be able to weigh on its own is
registered here under a short name. Extraction code asks :func:`active` before applying one;
``bench/quotes.py --without NAME`` and ``bench/statements.py --without NAME`` switch it off
for a run, so a rule's worth is the difference it makes on the same parses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's name, the stage it belongs to and what it does, in one line."""

    name: str
    stage: str
    summary: str


RULES: dict[str, Rule] = {}
_OFF: set[str] = set()


def register(name: str, stage: str, summary: str) -> Rule:
    """Add a rule to the registry (names are unique: a second one is a bug)."""
    if name in RULES:
        raise ValueError(f"quote rule {name!r} is registered twice")
    rule = Rule(name, stage, summary)
    RULES[name] = rule
    return rule


def active(name: str) -> bool:
    """Whether the rule ``name`` runs (every rule does unless switched off)."""
    return name not in _OFF


@contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Run the block with the named rules off; an unknown name is an error, not a no-op."""
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise KeyError(f"unknown quote rule(s): {', '.join(unknown)}; known: {', '.join(RULES)}")
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)


# The four attribution rules found by reading PolNeAR dev errors (docs/benchmarks.md).
DEV_RULES = (
    register("dash_signature", "speaker", "a name after a dash on the closing mark's line "
             "signs the quotation (\"” ― Ana Reyes\")"),
    register("listed_fragments", "quote", "fragments listed under one cue are one partial "
             "quote (called it a \"X,\" a \"Y\" and \"Z\")"),
    register("opening_cue_name", "speaker", "the name after an opening cue (\"Said Reyes: "
             "“X”\") is the speaker"),
    register("outer_subject", "speaker", "\"what it called\": the organisation that is the "
             "outer subject speaks"),
)
