"""An article's text as the quote rules read it.

Every rule asks the same questions of one parsed article: which tokens lie between two
offsets, which sit inside quotation marks, where a paragraph or a sentence starts and ends
(a full stop after "Gov." or "U.S." ends none). :class:`QuoteText` answers them once per
article, so a rule is a function of it and the token or quotation it looks at.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cached import doc_text
from crosswire.analyze.cues import words_of
from crosswire.analyze.entities import actor_index
from crosswire.analyze.marks import Quotation
from crosswire.analyze.speakers import Focus, Speaker

SENTENCE_END = ".!?"
# Punctuation that ends a quote fragment meant to be followed by its cue ("X," he said).
OPEN_ENDINGS = ",—–-:;"
# Titles written short before a name: their full stop ends no sentence.
TITLE_ABBREVIATIONS = words_of(
    "sgt cpl pvt lt col capt maj gen adm cmdr gov sen rep pres prof dr mr mrs ms st supt "
    "insp det rev hon atty"
)


def token_at(starts: list[int], char: int) -> int:
    """The index of the token that holds offset ``char`` (``starts``: each token's offset)."""
    return max(0, bisect.bisect_right(starts, char) - 1)


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def previous_paragraph_start(text: str, pos: int) -> int:
    """Start of the non-blank paragraph before the one holding ``pos`` (-1: none)."""
    end = paragraph_start(text, pos) - 1
    while end > 0 and not text[paragraph_start(text, end) : end].strip():
        end = paragraph_start(text, end) - 1
    return paragraph_start(text, end) if end > 0 else -1


@dataclass(slots=True)
class QuoteText:
    """One parsed article: its tokens' offsets, which lie inside quotation marks, and the
    focus that resolves a mention to the actor it names."""

    doc: Doc
    text: str
    starts: list[int]
    inside: list[bool]
    focus: Focus

    @classmethod
    def of(cls, doc: Doc, quotations: list[Quotation]) -> QuoteText:
        text = doc_text(doc)
        starts = [t.idx for t in doc]
        inside = [False] * len(doc)
        for q in quotations:
            last = token_at(starts, max(q.open, q.close - 1))
            for i in range(token_at(starts, q.open), last + 1):
                inside[i] = True
            if q.close < len(text):
                inside[token_at(starts, q.close)] = True
        return cls(doc, text, starts, inside, Focus(doc, actor_index(doc), inside))

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that start between two offsets."""
        if end <= start:
            return []
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, j)]

    def token(self, char: int) -> Token:
        return self.doc[token_at(self.starts, char)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end == -1 else end

    def sentence_end_after(self, pos: int, limit: int) -> int:
        """First sentence-final punctuation after ``pos`` (outside quotes) before ``limit``."""
        for i in range(pos, limit):
            ch = self.text[i]
            ends = ch in SENTENCE_END and (i + 1 >= limit or self.text[i + 1].isspace())
            if ends and not self.abbreviation_at(i):
                return i + 1
        return limit

    def sentence_start_before(self, pos: int, floor: int) -> int:
        for i in range(pos - 1, floor - 1, -1):
            ch = self.text[i]
            # A quotation glued to the full stop before it (".\"It's") opens a sentence too:
            # flattened text loses the space or the line break there.
            ends = ch in SENTENCE_END and (self.text[i + 1 : i + 2].isspace() or i + 1 == pos)
            if ends and not self.abbreviation_at(i):
                return i + 1
        return floor

    def abbreviation_at(self, i: int) -> bool:
        """A full stop that belongs to its token ("Gov.", "U.S.") or ends a title before a
        name ("Sgt. Ilse Brandt", which the tokenizer splits) does not end a sentence."""
        if self.text[i] != ".":
            return False
        tok = self.token(i)
        if tok.text != "." and tok.text.endswith("."):
            return True
        word = self.text[max(0, i - 6) : i].split()[-1:] if i > 0 else []
        return bool(word) and word[0].lower() in TITLE_ABBREVIATIONS

    def speaker(self, span: Span, head: Token) -> Speaker:
        """The mention ``span`` (headed by ``head``) as a speaker, with the actor it names."""
        return Speaker(span.start_char, span.end_char, span.text, self.focus.resolve(span, head))
