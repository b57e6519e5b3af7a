"""Questions are not statements of the speaker.

"“Is that picture you?”" asked, "asked whether the Fed would pause": a question puts a
point to someone; it asserts nothing two outlets could corroborate or contradict.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from crosswire.analyze.cues import words_of
from crosswire.records import Quote

QUESTION_LEMMAS = words_of("ask wonder inquire enquire query")
# What opens an indirect question ("asked whether X", "wondered how X").
QUESTION_OPENERS = words_of("whether if how what why when where who which")
# Sentence ends inside a quote, question marks included.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$|[”\"’])")


def is_question_text(text: str) -> bool:
    """Every sentence of the quote ends in a question mark."""
    ends = _SENTENCE_END.findall(text.strip())
    return bool(ends) and all(e.endswith("?") for e in ends) and text.rstrip(" ”\"’").endswith("?")


def mark_question(quote: Quote, cue: Token | None) -> None:
    """Mark a quoted question, or indirect speech that reports one."""
    if quote.mode != "statement":
        return
    if quote.kind in ("direct", "partial"):
        if is_question_text(quote.text):
            quote.mode = "question"
        return
    first = quote.text.split(maxsplit=1)[:1]
    asking = cue is not None and cue.lemma_.lower() in QUESTION_LEMMAS
    if asking and first and first[0].lower() in QUESTION_OPENERS:
        quote.mode = "question"
