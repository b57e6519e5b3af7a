"""Statements cut right: what of an extracted quote is the speaker's own statement.

Quote extraction finds who is reported as holding which words. These rules, each a small
named component in :mod:`.registry`, then keep a cue's negation or modal with the content and
mark the quotes that are no statement of the speaker (beliefs, hopes, questions, quoted
terms, words relayed by another). Quotes are kept with their ``mode``: attribution corpora
count them, while the comparison lines up statements only.
"""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.analyze.statements.beliefs import mark_belief
from crosswire.analyze.statements.cue import cue_token
from crosswire.analyze.statements.negation import keep_negation
from crosswire.analyze.statements.questions import mark_question
from crosswire.analyze.statements.registry import active, register
from crosswire.analyze.statements.relayed import credit_outer_speaker
from crosswire.analyze.statements.terms import mark_term
from crosswire.records import Quote

STATEMENT_RULES = (
    register("negation", "statement", "a cue's negation or modal stays with the content "
             "(\"doesn't believe X\")"),
    register("relayed", "statement", "a statement reported inside another speaker's words "
             "is credited to that speaker"),
    register("beliefs", "statement", "beliefs and hopes (\"believes\", \"hopes\") are marked, "
             "not statements"),
    register("questions", "statement", "quoted or reported questions are marked, not "
             "statements"),
    register("terms", "statement", "scare-quoted terms (the \"Volcker rule\") are marked, not "
             "statements"),
)


def apply_statement_rules(doc: Doc, quotes: list[Quote]) -> None:
    """Apply the active statement rules to one article's quotes, in place."""
    cues = [cue_token(doc, q) for q in quotes]
    if active("relayed"):
        # before negation moves a start: containment is read on the clause offsets
        for quote, cue in zip(quotes, cues, strict=True):
            credit_outer_speaker(quote, cue, quotes)
    for quote, cue in zip(quotes, cues, strict=True):
        if active("questions"):
            mark_question(quote, cue)
        if active("beliefs"):
            mark_belief(quote, cue)
        if active("terms"):
            mark_term(doc, quote, cue)
        if active("negation"):
            keep_negation(doc, quote, cue)
