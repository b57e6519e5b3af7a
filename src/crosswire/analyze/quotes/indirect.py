"""Indirect speech: the clause a speech verb reports, outside quotation marks.

"Rutte warned that the alliance must spend more" gives "the alliance must spend more"
(without "that"), spoken by Rutte. A speech verb's reported clause is found in the parse;
an "according to" phrase, an aside cue or a stance verb stand in for it where the verb
reports none. A clause that mostly repeats a direct quote is that quote again, not a
second one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.analyze.cues import is_speech_verb
from crosswire.analyze.marks import CLOSING, DOUBLED, STRAIGHT
from crosswire.analyze.quotes.according import according_content, is_according
from crosswire.analyze.quotes.asides import around_aside, aside, without_aside
from crosswire.analyze.quotes.spans import balanced, cue_text, inner, overlap
from crosswire.analyze.quotes.stance import agentive, object_span, takes_stance
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.speakers import speaker_of
from crosswire.analyze.statements.registry import active
from crosswire.records import Quote

# Tokens that close a quotation (a straight mark closes as often as it opens).
_CLOSERS = CLOSING | {STRAIGHT, DOUBLED, "’", "'"}


def indirect_quotes(t: QuoteText, quotes: list[Quote], used: set[int]) -> list[tuple[int, Quote]]:
    """Every indirect quote of the article with the index of its cue token; ``used`` holds
    the cues of direct quotes, which report those."""
    out: list[tuple[int, Quote]] = []
    spans = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    for tok in t.doc:
        if t.inside[tok.i] or tok.i in used:
            continue
        content = None
        cut: Span | None = None
        if is_according(tok):
            content = according_content(tok)
        elif is_speech_verb(tok, with_clause=True):
            clause = reported_clause(tok)
            if clause is not None:
                content = clause_span(clause)
            else:
                cut = aside(tok)
                if cut is not None:
                    content = around_aside(cut)
        stance = content is None and takes_stance(tok)
        if stance:
            content = object_span(tok)
        if content is None or len(content) < (1 if stance else 3):
            continue
        start, end = content.start_char, content.end_char
        if any(overlap(start, end, s, e) > 0.5 * min(end - start, e - s) for s, e in spans):
            continue
        speaker = speaker_of(tok, t.focus)
        if speaker is None or (stance and not agentive(t, speaker)):
            continue
        quote = Quote(
            start=start,
            end=end,
            text=without_aside(t.text, start, end, cut),
            kind="indirect",
            cue=cue_text(tok),
            speaker=speaker.actor,
            speaker_text=speaker.text,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
        )
        out.append((tok.i, quote))
    return out


def reported_clause(verb: Token) -> Token | None:
    """The clause a speech verb reports: the one after it when there is one ("X: Rutte
    said Y" reports Y); one before it only when no colon or semicolon parts them."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return after[0]
    if not clauses:
        return clause_on_noun(verb)
    for clause in clauses:
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        if not any(t.text in (":", ";") for t in between):
            return clause
    return None


def clause_on_noun(verb: Token) -> Token | None:
    """"said in a statement that X": the clause often comes out hung on the noun."""
    if not active("clause_on_noun"):
        return None
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            for clause in noun.rights:
                if clause.dep_ in ("acl", "ccomp") and _that_clause(clause):
                    return clause
    return None


def clause_span(clause: Token) -> Span | None:
    """The reported clause's tokens, less a participle the speaker goes on with."""
    left, right = clause.left_edge.i, clause.right_edge.i
    doc = clause.doc
    if _relative_subject(clause):
        left = clause.head.i + 1
    if active("next_statement"):
        right = min(right, _next_statement(clause) - 1)
    span = inner(doc, left, right, without_mark=True)
    return balanced(span) if span is not None else None


def _next_statement(clause: Token) -> int:
    """Where ", claiming that ...", ", describing it as ..." starts: a participle after a
    comma is the speaker's next statement, not part of this one (past the clause: none)."""
    doc = clause.doc
    left = clause.left_edge.i
    cut = clause.right_edge.i + 1
    for child in clause.rights:
        edge = child.left_edge.i
        before = edge - 1
        while before > left and doc[before].text in _CLOSERS:
            before -= 1  # "has “expanded the party,” claiming ...": the comma is quoted
        after_comma = doc[before].text in (",", "—", "–")
        participle = child.dep_ in ("advcl", "conj") and child.tag_ == "VBG"
        if after_comma and (participle or child.dep_ == "parataxis"):
            cut = min(cut, edge)
    return cut


def _relative_subject(clause: Token) -> bool:
    """"the dikes, which she said were built in May": the clause's subject is a relative
    pronoun before the cue, so the clause's tokens wrap the speaker and the cue; what she
    said starts after the cue (its subject is the pronoun's antecedent)."""
    if not active("relative_subject"):
        return False
    first = clause.left_edge
    return (
        first.i < clause.head.i
        and first.head.i == clause.i
        and first.dep_ in ("nsubj", "nsubjpass", "dobj")
        and first.tag_ in ("WDT", "WP")
    )


def _that_clause(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
