"""Source: the agency, survey or forecaster a figure is attributed to ("according to the
Bureau of Labor Statistics", "a Reuters poll", "Goldman Sachs expects"), so that two bodies'
different values are read as a spread of views, not a contradiction. Read from the figure's
clause first (the report noun nearest to it), then an "according to" of its sentence, then
the subject of the reporting or forecasting verb the figure depends on; only named bodies
count (entities), never "economists" or "he". Words are in ``sources.json``."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cached import doc_ents, ent_containing, ents_within
from crosswire.analyze.figures.period import clause_bounds

_WORDS = Path(__file__).with_name("sources.json")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_POSSESSIVE = {"its", "their"}


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = json.loads(_WORDS.read_text(encoding="utf-8"))
    return (
        frozenset(data["reports"]), frozenset(data["verbs"]), frozenset(data["labels"]),
        frozenset(data["polls"]),
    )


def _name(entity: Span) -> str:
    """An entity as a source, as written: no leading article, no possessive ending."""
    return re.sub(r"^the\s+|\s*['’]s$", "", entity.text.strip(), flags=re.IGNORECASE)


def _entity_of(token: Token) -> Span | None:
    """The named body ``token`` is part of, if any."""
    labels = _words()[2]
    ent = ent_containing(token.doc, token.i)
    return ent if ent is not None and ent.label_ in labels else None


def _named(tokens: list[Token], pronouns: bool = False) -> str | None:
    """The longest named body among ``tokens``; with ``pronouns``, "its"/"their" stand for
    the nearest one before them in the sentence ("Bloomberg Economics ... according to its
    model")."""
    if not tokens:
        return None
    labels = _words()[2]
    inside = {t.i for t in tokens}
    spans = [e for e in doc_ents(tokens[0].doc) if e.label_ in labels and e.start in inside]
    if spans:
        return _name(max(spans, key=len))
    pronoun = next((t for t in tokens if t.lower_ in _POSSESSIVE), None)
    if pronoun is not None and pronouns:
        before = [e for e in ents_within(pronoun.sent) if e.end <= pronoun.i and e.label_ == "ORG"]
        if before:
            return _name(before[-1])
    return None


def _report_source(doc: Doc, start: int, end: int, near: int) -> str | None:
    """The body named on the report noun nearest the figure in its clause: its owner ("the
    Journal's April survey"), the body a poll or survey is named after ("a Reuters poll"; not
    "the FFO outlook" or "the PCE index", which name a measure), or "from"/"by" ("data from
    the Labor Department")."""
    reports, _, _, polls = _words()
    nouns = [t for t in doc[start:end] if t.pos_ == "NOUN" and t.lemma_.lower() in reports]
    for noun in sorted(nouns, key=lambda t: abs(t.i - near)):
        owners = [c for c in noun.lefts if c.dep_ == "poss"]
        if noun.lemma_.lower() in polls:
            owners += [c for c in noun.lefts if c.dep_ == "compound"]
        named = _named([t for c in owners for t in c.subtree])
        if named is None:
            for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("from", "by")):
                named = _named(list(prep.subtree))
                if named:
                    break
        if named:
            return named
    return None


def _according_source(sentence: Span) -> str | None:
    for m in _ACCORDING.finditer(sentence.text):
        to = sentence.char_span(m.start(), m.end(), alignment_mode="expand")
        if to is None:
            continue
        objects = [t for t in to[-1].children if t.dep_ == "pobj"]
        named = _named([t for o in objects for t in o.subtree], pronouns=True)
        if named:
            return named
    return None


def _subject(verb: Token) -> Token | None:
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj" or verb.head == verb:
            return subject
        verb = verb.head  # "conducted a survey ... and found that": the subject is shared


def _verb_source(token: Token) -> str | None:
    """The named subject of the reporting or forecasting verb the figure depends on."""
    verbs = _words()[1]
    reporting = False
    for verb in token.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        reporting = reporting or verb.lemma_.lower() in verbs
        if not reporting:
            continue
        subject = _subject(verb)
        if subject is None:
            continue  # "announcing that ...": the subject is further up
        own = _entity_of(subject)  # "Goldman Sachs expects"
        return _name(own) if own is not None else _named(_subject_names(subject))
    return None


def _subject_names(subject: Token) -> list[Token]:
    """The words of a subject besides its head that can name who gives the figure: its owner
    ("the Fed's committee expects") and who it is at or polled by ("analysts at Wells Fargo",
    "economists polled by Reuters"); not a modifier naming the measure ("PCE prices are
    expected")."""
    tokens: list[Token] = []
    for child in subject.children:
        if child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ in ("at", "from", "of"):
            tokens.extend(child.subtree)
        elif child.dep_ == "acl":  # "polled by Reuters"
            agents = [c for c in child.children if c.dep_ == "agent"]
            tokens.extend(t for a in agents for t in a.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


def figure_source(doc: Doc, start: int, end: int) -> str | None:
    """The body the text credits for the figure at ``doc.text[start:end]``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sentence = span[0].sent
    left, right = clause_bounds(sentence.text, start - sentence.start_char,
                                end - sentence.start_char)
    clause = sentence.char_span(left, right, alignment_mode="expand")
    if clause is not None:
        found = _report_source(doc, clause.start, clause.end, span[-1].i)
        if found:
            return found
    return _according_source(sentence) or _verb_source(span[-1])
