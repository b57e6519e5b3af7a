"""Quotes and their speakers: direct, partial and indirect.

Each rule of extraction is a small named component, one module a concern, registered in
:data:`QUOTE_RULES` so that it can be read, switched off (``bench/quotes.py --without
NAME``) and measured alone; :func:`extract_quotes` runs them in order.

Representation choices (what a :class:`~crosswire.records.Quote` holds):

- ``start``/``end`` are offsets in ``doc.text`` (the clean text) of the quoted content, without
  the quotation marks and without a trailing comma (``"X," he said`` -> ``X``).
- A quote split by its cue (``"X," he said. "Y."``) and a quote continued over paragraphs are
  ONE quote: ``start`` is the start of the first part, ``end`` the end of the last, and ``text``
  is the parts joined by a space (so ``text`` is then not ``doc.text[start:end]``, which would
  include the cue or the reopening marks).
- Fragments listed under one cue (``called it a "X," a "Y" and "Z"``) are one partial quote,
  ``text`` the fragments joined by ", ".
- Indirect speech (``Rutte warned that X``) gives ``X`` (without "that") with kind "indirect";
  a cue set off by commas inside the statement (``The harbour, Lind said, was X``) is left out
  of ``text`` but not of ``start``/``end``; a relative clause around its cue (``the dikes,
  which she said were X``) gives what follows the cue (``were X``).
- ``speaker`` is ``None`` when the text does not say who spoke; ``speaker_text`` is then the
  mention that could not be resolved ("they"), or ``None`` without any mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from crosswire.analyze.cached import doc_text
from crosswire.analyze.marks import find_quotations
from crosswire.analyze.quotes.candidate import to_quote
from crosswire.analyze.quotes.in_statement import one_record_each
from crosswire.analyze.quotes.indirect import indirect_quotes
from crosswire.analyze.quotes.inherit import inherit_speakers
from crosswire.analyze.quotes.quoted import direct_and_partial
from crosswire.analyze.quotes.signatures import sign_quotes
from crosswire.analyze.quotes.text import QuoteText
from crosswire.analyze.statements import apply_statement_rules
from crosswire.analyze.statements.registry import register
from crosswire.records import Entity, Quote

QUOTE_RULES = (
    register("any_verb_after_open_quote", "quote", "cue_after.py: a quotation left open by "
             "its comma is reported by the main verb after it (\"“X,” Lind shot back\")"),
    register("noun_tagged_cue", "quote", "cue_after.py: a cue the tagger took for a noun "
             "(\"“X,” the editorial read\", \"Bozell answers\")"),
    register("according_to", "quote", "according.py: \"according to Y\" attributes the "
             "clause it hangs on, or the quotation before it, to Y"),
    register("titles", "quote", "partial.py: a quoted title (\"Meet the Press\") is nobody's "
             "words"),
    register("names_given", "quote", "partial.py: a name given by a participle (\"a show "
             "called “X”\") is nobody's words"),
    register("as_clause", "quote", "partial.py: a fragment's cue in an \"as\" clause "
             "(\"is “a lifeboat,” as Lind said\")"),
    register("described_as", "quote", "partial.py: \"described an outbreak linked to X as "
             "“Y”\": the describing verb is the cue"),
    register("split_quotes", "quote", "linking.py: the halves of a quotation split by its "
             "cue are one quote (\"“X,” Lind said. “Y.”\")"),
    register("introducing_cue", "quote", "colon.py: the sentence before a quotation "
             "announces it (\"Rutte said:\", \"Rutte stated.\")"),
    register("fragment_in_statement", "quote", "in_statement.py: a fragment quoted inside "
             "indirect speech with the same cue is one record"),
    register("clause_on_noun", "quote", "indirect.py: \"said in a statement that X\": the "
             "clause hung on the noun is reported"),
    register("next_statement", "quote", "indirect.py: \", claiming that Y\" after a reported "
             "clause is the speaker's next statement, cut off"),
    register("relative_subject", "quote", "indirect.py: \"which she said were X\": what is "
             "said starts after the cue, not at the relative pronoun"),
    register("asides", "quote", "asides.py: a cue set off by commas (\"X, Lind said, was "
             "Y\") reports the sentence around it"),
    register("stance_verbs", "quote", "stance.py: a stance taken (\"accused the council of "
             "lying\") is a statement of its subject"),
    register("balanced_marks", "quote", "spans.py: a quotation mark trimmed from one edge of "
             "a reported clause goes back"),
    register("speaker_between", "speaker", "inverted.py: the name between the closing mark "
             "and a subjectless cue (\"“X,” Bozell III, founder of Y, tells\")"),
    register("name_after_cue", "speaker", "inverted.py: the name after an inverted cue "
             "(\"“X,” said Skelly\")"),
    register("role_after_cue", "speaker", "inverted.py: a described speaker after an "
             "inverted cue (\"“X,” said a person close to Y\")"),
    register("colon_source", "speaker", "colon.py: a source named alone before a colon "
             "(\"More from the report: “X”\")"),
    register("roundup_dash", "speaker", "colon.py: after \"headline - Source:\" a verb in "
             "the headline is no cue"),
    register("signed_block", "speaker", "signatures.py: a transcript's \"Name:\" or a "
             "signature line under a block quotation"),
    register("quote_paragraphs", "speaker", "linking.py: a quote paragraph right after "
             "another continues its speaker"),
    register("previous_speaker", "speaker", "inherit.py: an uncued quotation continues the "
             "statement just before it"),
    register("last_subject", "speaker", "inherit.py: else the person last named as a "
             "subject speaks"),
)


def extract_quotes(doc: Doc, entities: list[Entity], actors: dict[str, list[str]]) -> list[Quote]:
    """Direct, partial and indirect quotes of an article with their speakers.

    ``entities``/``actors`` come from :func:`~crosswire.analyze.entities.extract_entities`; the
    actor index it cached on the doc resolves names, titles and descriptions.
    """
    if not len(doc):
        return []
    quotations = find_quotations(doc_text(doc))
    t = QuoteText.of(doc, quotations)
    candidates = direct_and_partial(t, quotations)
    quotes = [to_quote(t, c) for c in candidates]
    direct_cues = {c.cue.i for c in candidates if c.cue is not None and c.kind == "direct"}
    kept = one_record_each(candidates, quotes, indirect_quotes(t, quotes, direct_cues))
    sign_quotes(t, kept)
    inherit_speakers(t, kept)
    apply_statement_rules(doc, kept)
    return kept
