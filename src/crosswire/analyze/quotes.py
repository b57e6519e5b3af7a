"""Quotes and their speakers: direct, partial and indirect.

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
  of ``text`` but not of ``start``/``end``.
- ``speaker`` is ``None`` when the text does not say who spoke; ``speaker_text`` is then the
  mention that could not be resolved ("they"), or ``None`` without any mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cues import (
    ADDRESSEE_LEMMAS,
    AFTER_QUOTE_LEMMAS,
    CUE_PARTICLES,
    GROUP_NOUNS,
    NAMING_LEMMAS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    SPEECH_LEMMAS,
    SPEECH_NOUNS,
    STANCE_LEMMAS,
    is_speech_verb,
    words_of,
)
from crosswire.analyze.entities import actor_index
from crosswire.analyze.marks import (
    ALL_MARKS,
    CLOSING,
    DOUBLED,
    STRAIGHT,
    Quotation,
    find_quotations,
)
from crosswire.analyze.speakers import (
    Focus,
    Speaker,
    find_subject,
    is_passive_cue,
    speaker_of,
    subject_mention,
)
from crosswire.analyze.statements import apply_statement_rules
from crosswire.analyze.statements.registry import active
from crosswire.records import Entity, Quote

_SENTENCE_END = ".!?"
# A sentence end in running text, the closing mark of a title included ("on “Today.” ").
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s")
# A dash that separates a roundup item's headline from the source it quotes.
_DASH = re.compile(r"\s[-–—]\s*|(?<=\S)-(?=[A-Z])")
# The closing mark of a quotation, then a dash on the same line: a signature follows.
_DASH_SIGNATURE = re.compile(r"[.,!?]?[”\"’][ \t\xa0]*[―—–-][ \t\xa0]*(?=[A-Z])")
# Only a spaced dash ends a headline: "R-Ill." or "Jenna-Lee" join words.
_SPACED_DASH = re.compile(r"\s[-–—]\s")
# Tokens that close a quotation (a straight mark closes as often as it opens).
_CLOSERS = CLOSING | {STRAIGHT, DOUBLED, "’", "'"}
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "parataxis", "csubj", "conj"})
# Titles written short before a name: their full stop ends no sentence.
TITLE_ABBREVIATIONS = words_of(
    "sgt cpl pvt lt col capt maj gen adm cmdr gov sen rep pres prof dr mr mrs ms st supt "
    "insp det rev hon atty"
)
# Right dependents that make up what a stance verb takes ("accused Cruz of lying").
_OBJECT_DEPS = frozenset({"dobj", "dative", "xcomp", "prep", "oprd", "attr", "prt"})
# Punctuation that ends a quote fragment meant to be followed by its cue ("X," he said).
_OPEN_ENDINGS = ",—–-:;"


@dataclass(slots=True)
class _Candidate:
    quotation: Quotation
    kind: str
    cue: Token | None = None
    speaker: Speaker | None = None
    cue_end: int | None = None  # char offset where the cue's sentence ends (split quotes)
    merged: list[Quotation] | None = None


def extract_quotes(doc: Doc, entities: list[Entity], actors: dict[str, list[str]]) -> list[Quote]:
    """Direct, partial and indirect quotes of an article with their speakers.

    ``entities``/``actors`` come from :func:`~crosswire.analyze.entities.extract_entities`; the
    actor index it cached on the doc resolves names, titles and descriptions.
    """
    if not len(doc):
        return []
    text = doc.text
    quotations = find_quotations(text)
    starts = [t.idx for t in doc]
    inside = [False] * len(doc)
    for q in quotations:
        for i in range(_token_at(starts, q.open), _token_at(starts, max(q.open, q.close - 1)) + 1):
            inside[i] = True
        if q.close < len(text):
            inside[_token_at(starts, q.close)] = True
    focus = Focus(doc, actor_index(doc), inside)
    extractor = _Extractor(doc, starts, inside, focus)
    candidates = extractor.direct_and_partial(quotations)
    quotes = [extractor.to_quote(c) for c in candidates]
    direct_cues = {c.cue.i for c in candidates if c.cue is not None and c.kind == "direct"}
    indirect = extractor.indirect(quotes, direct_cues)
    partial_cues = {c.cue.i: c for c in candidates if c.kind == "partial" and c.cue is not None}
    # A partial quote inside indirect speech with the same cue is part of that statement: keep
    # the statement ("officials said the move was 'reckless'"), not the fragment twice.
    # When the fragment is most of the statement ("pointed out that 'X,' referring to Y"),
    # the quoted words are the better record and the indirect one goes.
    drop: set[int] = set()
    drop_indirect: set[int] = set()
    for n, (cue, quote) in enumerate(indirect):
        cand = partial_cues.get(cue)
        if cand is None or not quote.start <= cand.quotation.start < quote.end:
            continue
        q = cand.quotation
        if (q.end - q.start) >= 0.6 * (quote.end - quote.start):
            drop_indirect.add(n)
        else:
            drop.add(id(cand))
    kept = [q for c, q in zip(candidates, quotes, strict=True) if id(c) not in drop]
    kept.extend(q for n, (_, q) in enumerate(indirect) if n not in drop_indirect)
    kept.sort(key=lambda q: (q.start, q.end))
    for quote in kept:
        signature = extractor.dash_signature(quote) if quote.kind == "direct" else None
        if signature is not None:
            # "“X.” ― Ana Reyes" names its source outright, whatever verb a clause inside
            # the quotation ("what he calls “hell”") seemed to offer.
            _set_speaker(quote, signature)
        elif quote.kind == "direct" and quote.speaker_text is None:
            named = extractor.signed_by(quote)
            if named is not None:
                _set_speaker(quote, named)
    _inherit_speakers(kept, text, extractor.last_subject)
    apply_statement_rules(doc, kept)
    return kept


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph_start(text: str, pos: int) -> int:
    """Start of the non-blank paragraph before the one holding ``pos`` (-1: none)."""
    end = _paragraph_start(text, pos) - 1
    while end > 0 and not text[_paragraph_start(text, end) : end].strip():
        end = _paragraph_start(text, end) - 1
    return _paragraph_start(text, end) if end > 0 else -1


def _set_speaker(quote: Quote, speaker: Speaker) -> None:
    quote.speaker = speaker.actor
    quote.speaker_text = speaker.text
    quote.speaker_start = speaker.start
    quote.speaker_end = speaker.end


def _inherit_speakers(
    quotes: list[Quote], text: str, last_subject: Callable[[int], Speaker | None]
) -> None:
    """Give an uncued direct quote the speaker of the statement just before it, else the
    person the text was just about.

    News prose names a speaker once and lets the next quotation stand alone: in the same
    paragraph ("“X,” Rutte said on TV. “Y.”") or opening the next one ("Rutte said that X.¶
    “Y.”"). Any kind of attribution counts as the one continued, indirect speech included.
    With none in reach, the quotation continues the person last named as a subject ("Lind
    announced the lawsuit on Monday. “We are seeking ...”"): ``last_subject(offset)``.
    """
    last: Quote | None = None
    for quote in quotes:
        uncued = quote.kind == "direct" and quote.cue is None and quote.speaker_text is None
        if (
            uncued
            and last is not None
            and last.end <= quote.start
            and last.start >= _previous_paragraph_start(text, quote.start)
        ):
            quote.speaker, quote.speaker_text = last.speaker, last.speaker_text
            quote.speaker_start, quote.speaker_end = last.speaker_start, last.speaker_end
        elif uncued:
            subject = last_subject(quote.start)
            if subject is not None:
                _set_speaker(quote, subject)
        nested = last is not None and last.start <= quote.start and quote.end <= last.end
        if quote.speaker_text is not None and not nested:
            # A statement reported inside another ("Greene added that the Fed wants X") is
            # not the one the next quotation continues: the outer speaker goes on.
            last = quote


def _token_at(starts: list[int], char: int) -> int:
    return max(0, bisect.bisect_right(starts, char) - 1)


class _Extractor:
    """The per-doc state of quote extraction (token offsets, quote membership, focus)."""

    def __init__(self, doc: Doc, starts: list[int], inside: list[bool], focus: Focus) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = starts
        self.inside = inside
        self.focus = focus

    # -- regions ----------------------------------------------------------------------------
    def _tokens(self, start: int, end: int) -> list[Token]:
        if end <= start:
            return []
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, j)]

    def _paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end == -1 else end

    def _sentence_end_after(self, pos: int, limit: int) -> int:
        """First sentence-final punctuation after ``pos`` (outside quotes) before ``limit``."""
        for i in range(pos, limit):
            ch = self.text[i]
            ends = ch in _SENTENCE_END and (i + 1 >= limit or self.text[i + 1].isspace())
            if ends and not self._abbreviation_at(i):
                return i + 1
        return limit

    def _abbreviation_at(self, i: int) -> bool:
        """A full stop that belongs to its token ("Gov.", "U.S.") or ends a title before a
        name ("Sgt. Ilse Brandt", which the tokenizer splits) does not end a sentence."""
        if self.text[i] != ".":
            return False
        tok = self.doc[_token_at(self.starts, i)]
        if tok.text != "." and tok.text.endswith("."):
            return True
        word = self.text[max(0, i - 6) : i].split()[-1:] if i > 0 else []
        return bool(word) and word[0].lower() in TITLE_ABBREVIATIONS

    def _sentence_start_before(self, pos: int, floor: int) -> int:
        for i in range(pos - 1, floor - 1, -1):
            ch = self.text[i]
            # A quotation glued to the full stop before it (".\"It's") opens a sentence too:
            # flattened text loses the space or the line break there.
            ends = ch in _SENTENCE_END and (self.text[i + 1 : i + 2].isspace() or i + 1 == pos)
            if ends and not self._abbreviation_at(i):
                return i + 1
        return floor

    # -- direct and partial -----------------------------------------------------------------
    def direct_and_partial(self, quotations: list[Quotation]) -> list[_Candidate]:
        out: list[_Candidate] = []
        prev_close = -1
        for n, q in enumerate(quotations):
            para_start, _ = self._paragraph(q.open)
            _, para_end = self._paragraph(max(q.open, q.close - 1))
            nxt = quotations[n + 1].open if n + 1 < len(quotations) else len(self.text)
            floor = max(para_start, prev_close + 1)
            before_start = self._sentence_start_before(q.open, floor)
            before = self.text[before_start : q.open]
            after_limit = min(nxt, para_end)
            after_end = self._sentence_end_after(q.after, after_limit)
            after = self.text[q.after : after_end] if q.closed else ""
            content = self.text[q.parts[-1][0] : q.parts[-1][1]].rstrip()
            prev_close = q.close

            after_cue = self._cue_after(q.after, after_end, content)
            before_cue = self._cue_before(before_start, q.open, before)
            starts_sentence = not before.strip() or before.rstrip().endswith(":")
            follows_cue = before_cue is not None and (
                before.rstrip().endswith((",", ":")) or self._last_word_is(before_cue, q.open)
            )
            rest = after.strip()
            ends_clause = (
                not rest
                or rest[0] in ",.!?;:—–-"
                or after_cue is not None
                or content[-1:] in _SENTENCE_END + _OPEN_ENDINGS
            )
            embedded = before.rstrip().endswith(" that")
            speech = _looks_like_speech(content) or after_cue is not None or follows_cue
            if (starts_sentence or (follows_cue and not embedded)) and ends_clause and speech:
                cue = after_cue or (before_cue if follows_cue or starts_sentence else None)
                if follows_cue and content[-1:] in _SENTENCE_END and not rest[:1].islower():
                    # "Sykes said, “X.” Then, he added, Y": the quote closed its sentence;
                    # a cue after it belongs to the next one.
                    cue = before_cue
                elif follows_cue and after_cue is not None and self._subject_before(after_cue, q):
                    # "The campaign, called “Win a Seat,” will start in May": the verb after
                    # the quote has its subject before it; the quote sits inside its clause.
                    cue = before_cue
                cand = _Candidate(q, "direct", cue)
                if cue is not after_cue and self._dashed_source(q.open):
                    # "Pollsters agree - Carl Bialik: “X”": a roundup names the source after
                    # the dash that ends its headline; a verb in the headline is not a cue.
                    cand.cue = None
                elif cue is not None:
                    cand.speaker = speaker_of(cue, self.focus)
                    if cand.speaker is None and cue is after_cue:
                        cand.speaker = self._speaker_between(
                            q.after, cue
                        ) or self._name_after(cue)
                    elif cand.speaker is None and cue.is_sent_start:
                        cand.speaker = self.opening_cue_name(cue)
                    cand.cue_end = after_end if cue is after_cue else None
                    if cand.speaker is None and _naming_participle(cue):
                        continue  # "The campaign, called “Win a Seat,” will begin": a name
                out.append(cand)
                continue
            cue = self._governing_cue(q) or (before_cue if follows_cue else None)
            speaker = speaker_of(cue, self.focus) if cue is not None else None
            # A passive cue ("is described as “X”") reports words without naming who said them.
            unnamed = cue is not None and speaker is None and is_passive_cue(cue)
            naming = cue is not None and cue.lemma_.lower() in NAMING_LEMMAS
            if (speaker is None and not unnamed) or (_looks_like_title(content) and not naming):
                continue  # scare quotes, titles: nobody is said to have said them
            out.append(_Candidate(q, "partial", cue, speaker))
        return self._link_uncued(out)

    def _last_word_is(self, cue: Token, pos: int) -> bool:
        """"Rutte said “...”": the cue (or its particle) is the last word before the mark."""
        between = self.text[cue.idx + len(cue.text) : pos].strip()
        particle = CUE_PARTICLES.get(cue.lemma_.lower())
        if particle is not None and between.startswith(particle):
            between = between[len(particle) :].strip()
        return between in ("", "that")

    def _cue_after(self, start: int, end: int, content: str) -> Token | None:
        # "“X,” Bennett shot back": a quotation left open by its comma (or by ?/! with the
        # sentence going on in lower case) is reported by the verb of the clause after it,
        # whatever that verb is ("barked", "beamed", "mocks", "retaliated").
        rest = self.text[start:end].lstrip()
        open_end = content[-1:] in _OPEN_ENDINGS or (
            content[-1:] in "?!" and rest[:1].islower()
        )
        # "“X.” The peak was $4, according to Y.": a quotation that closed its sentence is
        # not the statement an "according to" in the next one sources.
        new_sentence = content[-1:] in _SENTENCE_END and rest[:1].isupper()
        if open_end:
            final = self._final_noun_cue(start, end)
            if final is not None:
                return final
        first_verb = True
        for tok in self._tokens(start, end):
            if self.inside[tok.i]:
                continue
            if _is_according(tok) and not new_sentence:
                # "“X,” according to the court filing.": the source is named without a verb
                # (a verb before it, "Lind said, according to Y", was the cue already).
                return tok
            reporting = False
            verb = tok.pos_ == "VERB" and tok.dep_ not in ("nsubj", "nsubjpass", "compound")
            if first_verb and (verb or (tok.pos_ == "AUX" and tok.dep_ == "ROOT")):
                first_verb = False
                reporting = open_end and self._reports_quote(tok)
            elif first_verb and open_end and _noun_tagged_cue(tok):
                first_verb = False
                reporting = True
            elif new_sentence and not first_verb:
                # After a closed quotation, a sentence of its own reports it only with its
                # first verb ("Rutte said."), not a speech verb deep in other news ("The Herons
                # have lost four finals and Pell vowed to end the run").
                return None
            if (
                not reporting
                and not is_speech_verb(tok)
                and tok.lemma_.lower() not in AFTER_QUOTE_LEMMAS
            ):
                continue
            subject = find_subject(tok)
            if subject is None or self.inside[subject.i]:
                # A subject inside the quotation is the parser hanging the cue on the quoted
                # clause ("“X took notes,” read the statement"): the speaker is outside.
                if self._speaker_between(start, tok) or self._name_after(tok):
                    return tok
                if subject is None and not reporting:
                    continue
            if reporting:
                return tok if subject is not None else None
            # A clause the verb goes on to report ("replied that Sanders is “driving”"):
            # it starts outside the marks even when its words end up quoted.
            later_clause = any(
                c.dep_ == "ccomp" and c.i > tok.i and not self.inside[c.left_edge.i]
                for c in tok.children
            )
            if later_clause and content[-1:] not in _OPEN_ENDINGS:
                return None  # "“X.” Rutte said that Y": the verb introduces Y, not X
            # Only an object after the verb makes a new clause; one before it is a word of
            # the speaker's title misparsed ("“X,” Trump senior adviser Paul Manafort said").
            if tok.lemma_.lower() not in ADDRESSEE_LEMMAS and any(
                c.dep_ == "dobj" and c.i > tok.i for c in tok.children
            ):
                continue
            return tok
        return None

    @staticmethod
    def _subject_before(verb: Token, q: Quotation) -> bool:
        subject = find_subject(verb)
        return subject is not None and subject.idx < q.open

    def _final_noun_cue(self, start: int, end: int) -> Token | None:
        """"“X,” a statement from the harbour authority read.": the cue ends the clause and the
        tagger took it for a noun (here the object of "from"), so no verb is found before it."""
        tokens = [t for t in self._tokens(start, end) if not self.inside[t.i]]
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if len(words) < 3 or len(words) > 14:
            return None
        last = words[-1]
        if last.dep_ == "ROOT" or not _cue_as_noun(last):
            return None  # a root is found by the verb walk (_noun_tagged_cue)
        finite = [t for t in words[:-1] if t.pos_ in ("VERB", "AUX") and t.dep_ != "acl"]
        return None if finite else last

    def _reports_quote(self, verb: Token) -> bool:
        """Whether ``verb`` is the main verb the quotation before it hangs on."""
        return verb.dep_ == "ROOT" or any(self.inside[c.i] for c in verb.children)

    def _speaker_between(self, start: int, verb: Token) -> Speaker | None:
        """The name between a closing mark and a verb the parser left without a subject
        ("“X,” Brent Bozell III, founder of Y, tells Z": the name came out as an apposition)."""
        tokens = [t for t in self._tokens(start, verb.idx) if not self.inside[t.i]]
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if not words:
            return None
        first = words[0]
        if first.pos_ == "PRON" and len(words) == 1:
            span = self.doc[first.i : first.i + 1]
        elif first.ent_type_ in ("PERSON", "ORG") or first.pos_ == "PROPN":
            end = first.i
            while end + 1 < verb.i and (
                self.doc[end + 1].ent_type_ == first.ent_type_ and first.ent_type_
                or self.doc[end + 1].pos_ == "PROPN"
            ):
                end += 1
            span = self.doc[first.i : end + 1]
        elif len(words) <= 6 and all(
            t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") for t in words
        ) and words[-1].i == verb.i - 1:
            # "“X,” the editorial read": a described source, the verb tagged as a noun.
            span = self.doc[first.i : words[-1].i + 1]
        elif verb.pos_ == "NOUN" and first.pos_ in ("DET", "ADJ", "NOUN"):
            # "“X,” a statement from the port authority read": the noun phrase before its
            # modifier.
            head = first
            while head.i + 1 < verb.i and self.doc[head.i + 1].pos_ in (
                "DET", "ADJ", "NOUN", "PROPN", "NUM"
            ):
                head = self.doc[head.i + 1]
            span = self.doc[first.i : head.i + 1]
        else:
            return None
        return self._speaker(span, span.root)

    def _speaker(self, span: Span, head: Token) -> Speaker:
        """The mention ``span`` (headed by ``head``) as a speaker, with the actor it names."""
        return Speaker(span.start_char, span.end_char, span.text, self.focus.resolve(span, head))

    def _name_after(self, verb: Token) -> Speaker | None:
        """The name right after an inverted cue the parser did not take for its subject
        ("“X,” said Skelly": "Skelly" tagged as an adverb)."""
        doc = self.doc
        inverted = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        addressee = verb.lemma_.lower() in ADDRESSEE_LEMMAS  # "told reporters"
        if inverted is not None and inverted.left_edge.i == verb.i + 1 and not addressee:
            # "“X,” added another New Hampshire Republican": the inverted subject parsed as
            # the object.
            span = doc[inverted.left_edge.i : inverted.i + 1]
            return self._speaker(span, inverted)
        end = verb.i + 1
        while end < len(doc) and not self.inside[end] and (
            doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN" or doc[end].is_title
        ):
            end += 1
        if end == verb.i + 1:
            return self._role_after(verb)
        if end - verb.i > 5:
            return None
        span = doc[verb.i + 1 : end]
        return self._speaker(span, span[-1])

    def opening_cue_name(self, verb: Token) -> Speaker | None:
        """The name after a cue that opens its sentence before the quotation: "Said Reyes:
        “X”"."""
        return self._name_after(verb) if active("opening_cue_name") else None

    def _role_after(self, verb: Token) -> Speaker | None:
        """A described speaker right after an inverted cue that follows its quotation
        ("“X,” said retired neurosurgeon Ben Carson, asked ...", "“X,” said a person close
        to Y"): the noun phrase up to the first comma or preposition."""
        doc = self.doc
        before = doc[verb.i - 1] if verb.i else verb
        if not (before.is_punct and self.inside[before.i]):
            return None  # only straight after the closing mark is the order inverted
        end = verb.i + 1
        while end < len(doc) and end - verb.i <= 8 and not self.inside[end] and (
            doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
            or (doc[end].tag_ == "VBN" and doc[end].dep_ == "amod")
        ):
            end += 1
        while end > verb.i + 1 and doc[end - 1].pos_ not in ("NOUN", "PROPN"):
            end -= 1
        if end == verb.i + 1 or end - verb.i > 8:
            return None
        span = doc[verb.i + 1 : end]
        return self._speaker(span, span[-1])

    def _cue_before(self, start: int, end: int, before: str) -> Token | None:
        for tok in reversed(self._tokens(start, end)):
            if self.inside[tok.i] or not is_speech_verb(tok):
                continue
            return tok
        return None

    def _governing_cue(self, q: Quotation) -> Token | None:
        """The speech verb a quoted fragment depends on ("described it as “X”")."""
        tokens = [t for t in self._tokens(q.start, q.end) if not t.is_punct]
        for tok in tokens:
            if q.start <= tok.head.idx < q.end and tok.head is not tok:
                continue
            head = tok
            for _ in range(8):
                # Stop at a clause boundary: in "while Beijing favors 'X', its drills suggest
                # Y" the fragment belongs to "favors", not to the verb of the main clause.
                if head.head is head or (head.dep_ in _CLAUSE_DEPS and not _named_as(head)):
                    described = _described_as(head)
                    if described is not None and not self.inside[described.i]:
                        return described
                    break
                head = head.head
                if not self.inside[head.i] and (
                    is_speech_verb(head, with_clause=True) or _is_stance_verb(head)
                ):
                    return head
            return self._as_cue(head)
        return None

    def _as_cue(self, head: Token) -> Token | None:
        """A cue in an "as" clause of the clause a fragment sits in: "was “careless,” as
        described by the inspector", "is “a lifeboat,” as Lind said"."""
        for child in head.children:
            if (
                child.dep_ == "advcl"
                and not self.inside[child.i]
                and is_speech_verb(child)
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children)
            ):
                return child
        return None

    def _link_uncued(self, cands: list[_Candidate]) -> list[_Candidate]:
        """Give a direct quote without its own cue the cue it continues: the second half of a
        quote split by its cue, a quote introduced by "Rutte said:" or "He listed them:", or
        a quote paragraph that follows straight on from a quote by the same speaker."""
        out: list[_Candidate] = []
        for cand in cands:
            q = cand.quotation
            prev = out[-1] if out else None
            if (
                cand.kind == "direct"
                and prev is not None
                and prev.kind == "direct"
                and prev.cue is not None
                and self._continues_split(prev, cand)
            ):
                prev.merged = (prev.merged or []) + [q]
                prev.cue_end = None
                continue
            if (
                cand.kind == "partial"
                and prev is not None
                and prev.kind == "partial"
                and self.listed_with(prev, cand)
            ):
                # "called him a “X,” an “Y” and “Z”": one statement quoted in pieces.
                prev.merged = (prev.merged or []) + [q]
                continue
            if cand.kind == "direct" and cand.cue is None:
                cue = self._introducing_cue(q.open)
                named = self._colon_name(q.open)
                if named is not None:
                    cand.speaker = named
                elif cue is not None:
                    cand.cue = cue
                    cand.speaker = speaker_of(cue, self.focus)
                elif prev is not None and prev.speaker is not None and self._continues(prev, q):
                    # Quote paragraphs in a row: the speaker named for the first goes on.
                    cand.speaker = prev.speaker
            out.append(cand)
        return out

    def listed_with(self, prev: _Candidate, cand: _Candidate) -> bool:
        """Whether two quoted fragments are items of one list under one cue."""
        if not active("listed_fragments"):
            return False
        if prev.cue is None or cand.cue is None or prev.cue.i != cand.cue.i:
            return False
        last = (prev.merged or [prev.quotation])[-1]
        gap = self.text[last.after : cand.quotation.open]
        return len(gap) <= 12 and not any(ch in gap for ch in "\n.;:!?")

    def _continues_split(self, prev: _Candidate, cand: _Candidate) -> bool:
        """Whether ``cand`` is the second half of ``prev``, split by their one cue:
        "“X,” Lind said, “Y”" (the cue serves both) or "“X,” Lind told the “Morning Show”
        on Monday. “Y.”" (no cue of its own, the cue's sentence in between)."""
        last = (prev.merged or [prev.quotation])[-1]
        gap = self.text[last.after : cand.quotation.open]
        if "\n" in gap or prev.cue is None:
            return False
        if cand.cue is not None:
            return cand.cue.i == prev.cue.i
        start = last.after
        breaks = [
            m for m in _SENTENCE_BREAK.finditer(gap + " ")
            if not self._abbreviation_at(start + m.start())
        ]
        return prev.cue_end is not None and len(breaks) <= 1

    def _continues(self, prev: _Candidate, q: Quotation) -> bool:
        """Whether ``q`` opens the paragraph right after the one ``prev`` ends in."""
        if prev.kind != "direct":
            return False
        last = (prev.merged or [prev.quotation])[-1]
        gap = self.text[last.after : q.open]
        pieces = gap.split("\n")
        return len(pieces) > 1 and len(pieces[0]) <= 120 and not "".join(pieces[1:]).strip()

    def last_subject(self, pos: int) -> Speaker | None:
        """The person last named as a subject outside quotation marks, in the paragraph of
        ``pos`` or, for a quotation that opens its paragraph, the one before; None when a
        group or place was named as a subject since."""
        floor = self._paragraph(pos)[0]
        if not self.text[floor:pos].strip().strip("".join(ALL_MARKS)):
            floor = _previous_paragraph_start(self.text, pos)
        if floor < 0:
            return None
        focus = self.focus
        at = _token_at(self.starts, pos)
        focus.advance(at)
        for i, actor, group in reversed(focus.events):
            if i >= at:
                continue
            tok = self.doc[i]
            if tok.idx < floor or group:
                return None  # a place or a body as subject is what the text is about, not who
                # speaks: "... for Benghazi to happen. See the tweet: “...”"
            mention = subject_mention(tok)
            return Speaker(mention.start_char, mention.end_char, mention.text, actor)
        return None

    def dash_signature(self, quote: Quote) -> Speaker | None:
        """A name after a dash on the closing mark's line ("“X.” ― Ana Reyes", "“X”
        -Teodor Malvik, Oslo"): the signature of a reader's or a roundup's quotation."""
        if not active("dash_signature"):
            return None
        m = _DASH_SIGNATURE.match(self.text, quote.end)
        return self._name_on_line(m.end(), signed=True) if m is not None else None

    def signed_by(self, quote: Quote) -> Speaker | None:
        """The source of a quotation set apart as a block: a transcript line opening with
        its speaker ("“Chris Matthews: Seriously ...”") or a signature line after it
        ("“...”¶- Bernie Sanders." / "¶Josh Bivens, Economic Policy Institute.")."""
        text = self.text
        colon = text.find(":", quote.start, quote.start + 40)
        if colon > quote.start:
            span = self._name_span(quote.start, colon)
            if span is not None:
                return span
        line_start = text.find("\n", quote.end)
        if line_start < 0:
            return None
        while line_start < len(text) and text[line_start].isspace():
            line_start += 1
        line = text[line_start : self._paragraph(line_start)[1]]
        if not line or line.rstrip()[-1:] not in ".\"”":
            return None
        start = line_start + len(line) - len(line.lstrip("-–— "))
        # A dash before it marks the line as a signature, so a name the NER model did not
        # tag still signs the quotation ("¶- Sanders.", "¶-President Obama, tweeting ...").
        return self._name_on_line(start, signed=start > line_start)

    def _name_on_line(self, start: int, signed: bool) -> Speaker | None:
        """The name a signature line gives from ``start``: up to a comma (what follows is the
        signer's role or town) or the line's end; a short line only."""
        end_of_line = self._paragraph(start)[1]
        line = self.text[start:end_of_line]
        if len(line.split()) > 12:
            return None
        comma = line.find(",")
        end = start + (comma if comma > 0 else len(line.rstrip(" .\xa0\"”")))
        return self._name_span(start, end, signed=signed)

    def _name_span(self, start: int, end: int, signed: bool = False) -> Speaker | None:
        """The text between two offsets when it is a person's name and nothing else."""
        first = self.doc[_token_at(self.starts, start)]
        if first.idx < start < first.idx + len(first):
            start = first.idx  # a dash glued to the name ("-Michelle Marks")
        tokens = [t for t in self._tokens(start, end) if not t.is_space]
        if not tokens or len(tokens) > 5 or tokens[-1].idx + len(tokens[-1]) < end - 1:
            return None
        if not signed and not any(t.ent_type_ == "PERSON" for t in tokens):
            return None
        if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_punct for t in tokens):
            return None
        span = self.doc[tokens[0].i : tokens[-1].i + 1]
        return self._speaker(span, span[-1])

    def _dashed_source(self, pos: int) -> bool:
        """Whether the quotation at ``pos`` follows "headline - Source:" (roundup style)."""
        head = self.text[:pos].rstrip()
        if not head.endswith(":"):
            return False
        colon = len(head) - 1
        start = self._sentence_start_before(colon, self._paragraph(colon)[0])
        return _SPACED_DASH.search(self.text, start, colon) is not None

    def _colon_name(self, pos: int) -> Speaker | None:
        """The source named alone before a colon: "POLLS SHIFT - Philip Bump: “X”", "More
        from the report: “X”", "Stated Stone: “X”" (roundups quote without a verb)."""
        head = self.text[:pos].rstrip()
        if not head.endswith(":"):
            return None
        colon = len(head) - 1
        start = self._sentence_start_before(colon, self._paragraph(colon)[0])
        for m in _DASH.finditer(self.text, start, colon):
            start = m.end()
        words = [t for t in self._tokens(start, colon) if not t.is_space and not t.is_punct]
        while words and (
            words[0].lower_ in ("more", "from")
            or (words[0].pos_ == "VERB" and words[0].lemma_.lower() in SPEECH_LEMMAS)
        ):
            words = words[1:]
        if not words or len(words) > 6 or any(self.inside[t.i] for t in words):
            return None
        named = all(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or t.lower_ in ("and", "of")
            for t in words
        )
        document = (
            len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in GROUP_NOUNS
        )
        if not named and not document:
            return None
        span = self.doc[words[0].i : words[-1].i + 1]
        return self._speaker(span, span.root)

    def _introducing_cue(self, pos: int) -> Token | None:
        """A cue in the sentence just before ``pos`` that announces a quote: "Rutte said:", a
        clause with a cue and nothing said ("Talking to Bild, Rutte stated."), or any clause
        ending in a colon ("President Lee released this statement:")."""
        head = self.text[:pos].rstrip()
        if not head:
            return None
        floor = self._paragraph(len(head) - 1)[0]
        start = self._sentence_start_before(len(head) - 1, floor)
        all_tokens = self._tokens(start, len(head))
        tokens = [t for t in all_tokens if not self.inside[t.i]]
        colon = head.endswith(":")
        if len(tokens) != len(all_tokens) and not colon:
            return None  # the sentence has its own quote
        for tok in reversed(tokens):
            if not is_speech_verb(tok):
                continue
            # "Rutte tweeted a warning." takes the statement as object and still announces it.
            dangling = not any(
                c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lemma_ not in SPEECH_NOUNS)
                for c in tok.children
            )
            if colon or dangling:
                return tok
            return None
        if not colon:
            return None
        for tok in reversed(tokens):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            subject = find_subject(tok)
            if subject is None or subject.tag_ in ("WP", "WDT"):
                continue  # "Lind apologized for what happened:": the main clause introduces
            if subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP:
                return None  # "it gets better:": nobody introduced
            return tok
        return None

    # -- indirect ---------------------------------------------------------------------------
    def indirect(self, quotes: list[Quote], used: set[int]) -> list[tuple[int, Quote]]:
        out: list[tuple[int, Quote]] = []
        spans = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        for tok in self.doc:
            if self.inside[tok.i] or tok.i in used:
                continue
            content = None
            aside: Span | None = None
            if _is_according(tok):
                content = self._according_content(tok)
            elif is_speech_verb(tok, with_clause=True):
                clause = self._reported_clause(tok)
                if clause is not None:
                    content = self._clause_span(clause)
                else:
                    aside = self._aside(tok)
                    if aside is not None:
                        content = self._around_aside(aside)
            stance = content is None and _is_stance_verb(tok) and _asserted(tok)
            if stance:
                content = self._object_span(tok)
            if content is None or len(content) < (1 if stance else 3):
                continue
            start, end = content.start_char, content.end_char
            if any(_overlap(start, end, s, e) > 0.5 * min(end - start, e - s) for s, e in spans):
                continue
            speaker = speaker_of(tok, self.focus)
            if speaker is None or (stance and not self._agentive(speaker)):
                continue
            out.append(
                (
                    tok.i,
                    Quote(
                        start=start,
                        end=end,
                        text=self._without(start, end, aside),
                        kind="indirect",
                        cue=_cue_text(tok),
                        speaker=speaker.actor,
                        speaker_text=speaker.text,
                        speaker_start=speaker.start,
                        speaker_end=speaker.end,
                    ),
                )
            )
        return out

    def _aside(self, verb: Token) -> Span | None:
        """A cue set off by commas inside the statement it reports ("Her neighbours, she
        said, should ignore ..."): the aside, commas included."""
        if verb.dep_ != "parataxis" or find_subject(verb) is None:
            return None
        doc = self.doc
        words = [t for t in verb.subtree if not t.is_punct]
        left, right = words[0].i - 1, words[-1].i + 1
        if left <= verb.head.left_edge.i or right >= len(doc) or right - left > 8:
            return None
        if doc[left].text != "," or doc[right].text != ",":
            return None
        return doc[left : right + 1]

    def _around_aside(self, aside: Span) -> Span | None:
        """The sentence an aside cue sits in, which is what the cue reports."""
        head = aside.root.head
        sentence = _inner(self.doc, head.left_edge.i, head.right_edge.i)
        if sentence is None or sentence.end <= aside.end + 1:
            return None  # nothing reported after the aside
        return _balanced(sentence)

    def _without(self, start: int, end: int, aside: Span | None) -> str:
        """The text from ``start`` to ``end``, less an aside cue inside it."""
        if aside is None or not start < aside.start_char < end:
            return self.text[start:end]
        before = self.text[start : aside.start_char].rstrip()
        return f"{before} {self.text[aside.end_char : end].lstrip()}"

    def _object_span(self, verb: Token) -> Span | None:
        """What a stance verb takes: its object and complements ("Cruz of lying")."""
        parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
        if not parts or parts[0].dep_ == "prep":
            return None  # "backed by ...", "blamed on ...": no object, no statement
        left, right = parts[0].left_edge.i, parts[-1].right_edge.i
        doc = self.doc
        while right >= left and _is_edge(doc[right]):
            right -= 1  # only the end: an object may open with its quotation mark
        return doc[left : right + 1] if right >= left else None

    def _agentive(self, speaker: Speaker) -> bool:
        """A person, a named group or organisation: "the plan backs X" states nothing."""
        if speaker.actor in self.focus.people:
            return True
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return (
            root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or root.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
            or root.lower_ in GROUP_NOUNS
            or root.lemma_.lower() in GROUP_NOUNS
        )

    def _reported_clause(self, verb: Token) -> Token | None:
        """The clause a speech verb reports: the one after it when there is one ("X: Rutte
        said Y" reports Y); one before it only when no colon or semicolon parts them."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        after = [c for c in clauses if c.i > verb.i]
        if after:
            return after[0]
        if not clauses:
            # "said in a statement that X": the clause often comes out hung on the noun.
            for prep in verb.rights:
                if prep.dep_ != "prep":
                    continue
                for noun in prep.children:
                    for clause in noun.rights:
                        if clause.dep_ in ("acl", "ccomp") and _that_clause(clause):
                            return clause
        for clause in clauses:
            between = self.doc[clause.right_edge.i + 1 : verb.i]
            if not any(t.text in (":", ";") for t in between):
                return clause
        return None

    def _clause_span(self, clause: Token) -> Span | None:
        left, right = clause.left_edge.i, clause.right_edge.i
        doc = self.doc
        for child in clause.rights:
            # ", claiming that ...", ", describing it as ...": a participle after a comma
            # is the speaker's next statement, not part of this one.
            edge = child.left_edge.i
            before = edge - 1
            while before > left and doc[before].text in _CLOSERS:
                before -= 1  # "has “expanded the party,” claiming ...": the comma is quoted
            after_comma = doc[before].text in (",", "—", "–")
            participle = child.dep_ in ("advcl", "conj") and child.tag_ == "VBG"
            if after_comma and (participle or child.dep_ == "parataxis"):
                right = min(right, edge - 1)
        span = _inner(doc, left, right, without_mark=True)
        return _balanced(span) if span is not None else None

    def _according_content(self, according: Token) -> Span | None:
        head = according.head
        if head is according:
            return None
        left, right = head.left_edge.i, head.right_edge.i
        a_left, a_right = according.left_edge.i, according.right_edge.i
        sent = according.sent
        rest = [t for t in self.doc[a_right + 1 : sent.end] if not _is_edge(t)]
        if not rest:
            # "X, according to Y." closes its sentence: X is all that comes before it, whatever
            # word the parser hung the phrase on.
            left, right = sent.start, a_left - 1
        elif a_left <= left:
            left = a_right + 1
        elif a_right >= right:
            right = a_left - 1
        return _inner(self.doc, left, right)

    # -- records ----------------------------------------------------------------------------
    def to_quote(self, cand: _Candidate) -> Quote:
        parts: list[tuple[int, int]] = list(cand.quotation.parts)
        for extra in cand.merged or []:
            parts.extend(extra.parts)
        parts = [self._trim(s, e) for s, e in parts]
        # Fragments listed under one cue read as a list; the halves of a split quote as prose.
        glue = ", " if cand.kind == "partial" else " "
        text = glue.join(self.text[s:e] for s, e in parts if e > s)
        speaker = cand.speaker
        return Quote(
            start=parts[0][0],
            end=max(parts[-1][1], parts[0][0]),
            text=text,
            kind=cand.kind,  # type: ignore[arg-type]
            cue=_cue_text(cand.cue) if cand.cue is not None else None,
            speaker=speaker.actor if speaker else None,
            speaker_text=speaker.text if speaker else None,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
        )

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Content offsets without surrounding blanks and a trailing comma."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;"):
            end -= 1
        return start, end


def _cue_text(tok: Token) -> str:
    if tok.lower_ == "according":
        return "according to"
    particle = CUE_PARTICLES.get(tok.lemma_.lower())
    if particle and any(c.lower_ == particle for c in tok.children):
        return f"{tok.text} {particle}"
    return tok.text


def _balanced(span: Span) -> Span:
    """The span with the quotation mark back that trimming took from either edge
    ("... had checked “every metre of the embankment”", not "... “every metre ...")."""
    doc, text = span.doc, span.text
    left, right = span.start, span.end
    straight_odd = text.count('"') % 2 == 1
    single_open = text.count("‘") > text.count("’")
    if text.count("“") > text.count("”") or single_open or (
        straight_odd and text.rfind('"') > 0
    ):
        # the mark may follow the sentence's stop ("... embankment.”")
        for end in (right, right + 1):
            if end < len(doc) and doc[end].text in ("”", '"', "’"):
                right = end + 1
                break
            if end >= len(doc) or not doc[end].is_punct:
                break
    elif (text.count("”") > text.count("“") or straight_odd) and (
        left > 0 and doc[left - 1].text in ("“", '"')
    ):
        left -= 1
    return doc[left:right]


def _is_stance_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in STANCE_LEMMAS


_HYPOTHETICAL = words_of("could would might may should if unless whether")


def _asserted(verb: Token) -> bool:
    """A stance taken, not one imagined: a finite verb with no modal and outside a condition
    ("China could urge Russia to ...", "if NATO were drawn into supporting ..." state none)."""
    if any(c.lower_ in _HYPOTHETICAL for c in verb.children if c.dep_ in ("aux", "mark")):
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("csubj", "csubjpass"):
        return False  # "supporting Ostland now is wiser": an activity named, no stance taken
    # "if NATO were drawn into supporting X": a participle under a condition
    return verb.tag_ != "VBG" or not any(
        c.lower_ in ("if", "unless") for a in verb.ancestors for c in a.children if c.dep_ == "mark"
    )


def _described_as(clause: Token) -> Token | None:
    """"described an outbreak linked to a school as “X”": the parser hung "as" on the
    participle inside the object; the verb that describes is the object's head."""
    if clause.dep_ != "acl" or not any(c.lower_ == "as" for c in clause.children):
        return None
    verb = clause.head.head
    if clause.head.dep_ == "dobj" and (
        verb.lemma_.lower() in NAMING_LEMMAS or verb.lemma_.lower() == "describe"
    ):
        return verb
    return None


def _naming_participle(tok: Token) -> bool:
    """"a show called “X”", "so-called “X”": a participle that names, with nobody naming."""
    return (
        tok.lemma_.lower() in NAMING_LEMMAS
        and tok.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "agent") for c in tok.children)
    )


def _noun_tagged_cue(tok: Token) -> bool:
    """A cue the tagger took for a noun, as the root of the clause after the quotation."""
    return tok.dep_ == "ROOT" and _cue_as_noun(tok)


def _cue_as_noun(tok: Token) -> bool:
    """A verb of saying tagged as a noun: "“X,” Bozell answers." ("answers" NNS), "“X,” the
    editorial read." ("read" NN)."""
    lemma = tok.lemma_.lower()
    plural = tok.tag_ == "NNS" and tok.lower_.endswith("s")
    return (plural and lemma in SPEECH_LEMMAS) or (
        tok.tag_ in ("NN", "NNS") and lemma in AFTER_QUOTE_LEMMAS  # "the editorial read"
    )


def _named_as(clause: Token) -> bool:
    """"called the tender “rigged”": the name given comes out as a clause on the object."""
    obj = clause.head
    return (
        clause.dep_ == "acl"
        and obj.dep_ == "dobj"
        and obj.head.lemma_.lower() in NAMING_LEMMAS
    )


def _that_clause(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _is_edge(tok: Token) -> bool:
    """Punctuation or blank tokens trimmed off the edges of a reported clause."""
    return tok.is_punct or tok.is_space


def _inner(doc: Doc, left: int, right: int, without_mark: bool = False) -> Span | None:
    """Tokens ``left`` to ``right`` (inclusive) less punctuation and blanks at either edge,
    and a leading "that" with ``without_mark``; None when nothing is left."""
    while left <= right and ((without_mark and doc[left].dep_ == "mark") or _is_edge(doc[left])):
        left += 1
    while right >= left and _is_edge(doc[right]):
        right -= 1
    return doc[left : right + 1] if right >= left else None


def _is_according(tok: Token) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


_MINOR_WORDS = words_of("a an the of and or in on at to for is be with by from")


def _looks_like_title(content: str) -> bool:
    """A show, book or film title ("Meet the Press", "Good Morning America"): every major
    word capitalised, a few words; quoted to name a work, not to report words said."""
    words = [w for w in re.findall(r"[\w’']+", content) if w.lower() not in _MINOR_WORDS]
    return 2 <= len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in words)


def _looks_like_speech(content: str) -> bool:
    """A quotation that can stand as a statement: a few words, not a title or a name."""
    return len(content.split()) >= 3
