"""Each quotation read as a direct quote, a partial quote or nobody's words.

A quotation that stands as its own clause (it opens its sentence, or follows its cue, and
ends the clause) and reads as speech is direct: its cue is found after it or before it,
its speaker from the cue. One inside the reporter's sentence is partial when a speech
verb governs it and someone is said to have said it; scare quotes and titles are neither.
"""

from __future__ import annotations

from crosswire.analyze.cues import NAMING_LEMMAS
from crosswire.analyze.marks import Quotation
from crosswire.analyze.quotes.candidate import Candidate
from crosswire.analyze.quotes.colon import dashed_source
from crosswire.analyze.quotes.cue_after import cue_after, subject_before
from crosswire.analyze.quotes.cue_before import cue_before, last_word_is
from crosswire.analyze.quotes.inverted import name_after, opening_cue_name, speaker_between
from crosswire.analyze.quotes.linking import link_uncued
from crosswire.analyze.quotes.partial import governing_cue, looks_like_title, naming_participle
from crosswire.analyze.quotes.text import OPEN_ENDINGS, SENTENCE_END, QuoteText
from crosswire.analyze.speakers import is_passive_cue, speaker_of

# The fewest words of a quotation that can stand as a statement (not a title or a name).
_SPEECH_WORDS = 3


def direct_and_partial(t: QuoteText, quotations: list[Quotation]) -> list[Candidate]:
    """The quotations that are quotes, as candidates with their cue and speaker."""
    out: list[Candidate] = []
    prev_close = -1
    for n, q in enumerate(quotations):
        para_start, _ = t.paragraph(q.open)
        _, para_end = t.paragraph(max(q.open, q.close - 1))
        nxt = quotations[n + 1].open if n + 1 < len(quotations) else len(t.text)
        floor = max(para_start, prev_close + 1)
        before_start = t.sentence_start_before(q.open, floor)
        before = t.text[before_start : q.open]
        after_limit = min(nxt, para_end)
        after_end = t.sentence_end_after(q.after, after_limit)
        after = t.text[q.after : after_end] if q.closed else ""
        content = t.text[q.parts[-1][0] : q.parts[-1][1]].rstrip()
        prev_close = q.close

        after_cue = cue_after(t, q.after, after_end, content)
        before_cue = cue_before(t, before_start, q.open)
        starts_sentence = not before.strip() or before.rstrip().endswith(":")
        follows_cue = before_cue is not None and (
            before.rstrip().endswith((",", ":")) or last_word_is(t, before_cue, q.open)
        )
        rest = after.strip()
        ends_clause = (
            not rest
            or rest[0] in ",.!?;:—–-"
            or after_cue is not None
            or content[-1:] in SENTENCE_END + OPEN_ENDINGS
        )
        embedded = before.rstrip().endswith(" that")
        speech = len(content.split()) >= _SPEECH_WORDS or after_cue is not None or follows_cue
        if (starts_sentence or (follows_cue and not embedded)) and ends_clause and speech:
            cue = after_cue or (before_cue if follows_cue or starts_sentence else None)
            if follows_cue and content[-1:] in SENTENCE_END and not rest[:1].islower():
                # "Sykes said, “X.” Then, he added, Y": the quote closed its sentence;
                # a cue after it belongs to the next one.
                cue = before_cue
            elif follows_cue and after_cue is not None and subject_before(after_cue, q):
                # "The campaign, called “Win a Seat,” will start in May": the verb after
                # the quote has its subject before it; the quote sits inside its clause.
                cue = before_cue
            cand = Candidate(q, "direct", cue)
            if cue is not after_cue and dashed_source(t, q.open):
                # "Pollsters agree - Carl Bialik: “X”": a roundup names the source after
                # the dash that ends its headline; a verb in the headline is not a cue.
                cand.cue = None
            elif cue is not None:
                cand.speaker = speaker_of(cue, t.focus)
                if cand.speaker is None and cue is after_cue:
                    cand.speaker = speaker_between(t, q.after, cue) or name_after(t, cue)
                elif cand.speaker is None and cue.is_sent_start:
                    cand.speaker = opening_cue_name(t, cue)
                cand.cue_end = after_end if cue is after_cue else None
                if cand.speaker is None and naming_participle(cue):
                    continue  # "The campaign, called “Win a Seat,” will begin": a name
            out.append(cand)
            continue
        cue = governing_cue(t, q) or (before_cue if follows_cue else None)
        speaker = speaker_of(cue, t.focus) if cue is not None else None
        # A passive cue ("is described as “X”") reports words without naming who said them.
        unnamed = cue is not None and speaker is None and is_passive_cue(cue)
        naming = cue is not None and cue.lemma_.lower() in NAMING_LEMMAS
        if (speaker is None and not unnamed) or (looks_like_title(content) and not naming):
            continue  # scare quotes, titles: nobody is said to have said them
        out.append(Candidate(q, "partial", cue, speaker))
    return link_uncued(t, out)
